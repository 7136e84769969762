"""Actor networks: typed links, windows, country level, ego, metrics, exports that read back, figures."""

import json

import networkx as nx
import pandas as pd
import pytest

from analysis.errors import ParameterError
from analysis.network.graph import (
    actor_graph,
    centrality_table,
    check_kinds,
    country_graph,
    ego_graph,
    english_labels,
    layout,
    network_figure,
    save_figure,
    write_network,
)
from analysis.params import check_choice
from analysis.reading.corpus import parse_article


def test_people_who_met_are_linked_by_a_met_edge(seed_results):
    graph = actor_graph(seed_results, article_id="001_7d1e7618c1cc4230")
    edge = graph.edges["person:нурлан_ермекбаев", "person:сергей_шойгу"]
    assert (edge["cooccurrence"], edge["met"], edge["type"]) == (1, 1, "met")
    assert edge["articles"] == "001_7d1e7618c1cc4230"
    # the sentence's mentions from the first to the last: "... Казахстана Нурлана Ермекбаева ... Сергеем Шойгу"
    assert edge["evidence"].split(";")[0] == "001_7d1e7618c1cc4230:420-533"
    assert graph.nodes["person:нурлан_ермекбаев"] == {
        "label": "Нурлан Ермекбаев",
        "kind": "person",
        "country": "",
        "mentions": 3,
        "articles": 1,
        "article_ids": "001_7d1e7618c1cc4230",
    }


@pytest.mark.parametrize("verb, met", [("встретились", 1), ("встретятся", 0)])
def test_a_meeting_to_come_links_no_one_as_met(verb, met):
    from analysis.batch.extract import extract_article

    text = f"Новости\nАсан Омаров и Бахтияр Каримов {verb} в Ташкенте в мае.\n"
    links = json.loads(extract_article(parse_article("own", text)).facts_json)["network"]["links"]
    people = [(link["source"], link["target"], link["met"]) for link in links if link["target"].startswith("person")]
    assert people == [("person:асан_омаров", "person:бахтияр_каримов", met)]


def test_meeting_pairs_of_every_seed_are_met_edges(seed_results):
    graph = actor_graph(seed_results)
    for pair in [
        ("person:имангали_тасмагамбетов", "person:денис_мантуров"),
        ("person:адильбек_джаксыбеков", "person:николай_азаматов"),
        ("person:имангали_тасмагамбетов", "person:рустам_минниханов"),
    ]:
        assert graph.edges[pair]["met"] >= 1


def test_persons_connect_to_their_countries_through_roles(seed_results):
    graph = actor_graph(seed_results)
    assert graph.edges["person:нурлан_ермекбаев", "country:kz"]["affiliated"] == 1
    assert graph.edges["person:николай_азаматов", "country:by"]["cooccurrence"] >= 1
    assert graph.edges["person:сергей_когогин", "organization:оао_«камаз»"]["affiliated"] == 1


def test_the_country_network_links_kazakhstan_with_russia_belarus_and_tatarstan(seed_results):
    countries = country_graph(actor_graph(seed_results), seed_results)
    assert {"KZ", "RU", "BY", "RU-TA"} <= set(countries)
    for other in ("RU", "BY", "RU-TA"):
        assert countries.edges["KZ", other]["weight"] > 0
    assert countries.nodes["RU-TA"]["label"] == "Татарстан"


def test_wider_windows_link_more(seed_results):
    sentence, paragraph, article = (actor_graph(seed_results, window=w) for w in ("sentence", "paragraph", "article"))
    assert sentence.number_of_edges() < paragraph.number_of_edges() < article.number_of_edges()
    heavy = actor_graph(seed_results, min_weight=3)
    assert all(d["weight"] >= 3 for _, _, d in heavy.edges(data=True))
    people = actor_graph(seed_results, kinds=("person",))
    assert {kind for _, kind in people.nodes(data="kind")} == {"person"}


def test_ego_network_and_bad_parameters(seed_results):
    ego = ego_graph(actor_graph(seed_results), "Сергей Шойгу")
    assert "person:нурлан_ермекбаев" in ego and "person:сергей_шойгу" in ego
    with pytest.raises(ParameterError, match="parameter ego 'Никто' is not in the network"):
        ego_graph(actor_graph(seed_results), "Никто")
    with pytest.raises(
        ParameterError, match="parameter window must be one of sentence, paragraph, article; got 'page'"
    ):
        check_choice("window", "page", ("sentence", "paragraph", "article"))
    with pytest.raises(ParameterError, match="parameter kinds must list some of"):
        check_kinds("person,media")


def test_metrics_table(seed_results):
    table = centrality_table(actor_graph(seed_results, article_id="004_cfd950fd49b21b71"))
    assert list(table.columns) == [
        "actor_id",
        "name",
        "kind",
        "mentions",
        "degree",
        "weighted_degree",
        "betweenness",
        "eigenvector",
        "community",
    ]
    assert list(table["weighted_degree"]) == sorted(table["weighted_degree"], reverse=True)
    assert table.iloc[0]["name"] == "Казахстан"
    assert table["community"].min() == 1 and table["eigenvector"].max() > 0
    assert table.equals(centrality_table(actor_graph(seed_results, article_id="004_cfd950fd49b21b71")))


def test_exports_read_back_as_the_same_graph(seed_results, tmp_path):
    graph = actor_graph(seed_results)
    write_network(graph, tmp_path)
    graphml = nx.read_graphml(tmp_path / "actors.graphml")
    assert sorted(graphml.nodes(data=True)) == sorted(graph.nodes(data=True))
    assert sorted((tuple(sorted((u, v))), d) for u, v, d in graphml.edges(data=True)) == sorted(
        (tuple(sorted((u, v))), d) for u, v, d in graph.edges(data=True)
    )
    gexf = nx.read_gexf(tmp_path / "actors.gexf")
    assert sorted(gexf.nodes) == sorted(graph.nodes)
    assert {tuple(sorted(e)) for e in gexf.edges} == {tuple(sorted(e)) for e in graph.edges}
    kz = gexf.nodes["country:kz"]
    assert kz["viz"]["size"] == 5 + 2 * graph.nodes["country:kz"]["mentions"]
    assert kz["viz"]["color"] == {"r": 214, "g": 39, "b": 40, "a": 1.0}  # countries are red
    assert set(kz["viz"]["position"]) == {"x", "y", "z"}
    nodes = pd.read_csv(tmp_path / "nodes.csv", keep_default_na=False)
    edges = pd.read_csv(tmp_path / "edges.csv", keep_default_na=False)
    assert sorted(nodes["id"]) == sorted(graph.nodes)
    assert sorted(zip(edges["source"], edges["target"], edges["weight"])) == sorted(
        (u, v, d["weight"]) for u, v, d in graph.edges(data=True)
    )


def test_reruns_write_byte_identical_files_and_figures(seed_results, tmp_path):
    for run in ("a", "b"):
        graph = actor_graph(seed_results)
        positions = layout(graph)
        write_network(graph, tmp_path / run, positions=positions)
        save_figure(network_figure(graph, "Actors", "caption", positions=positions), tmp_path / run / "actors")
    for name in ("actors.graphml", "actors.gexf", "nodes.csv", "edges.csv", "actors.png", "actors.svg"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name
    svg = (tmp_path / "a" / "actors.svg").read_text(encoding="utf-8")
    assert "<dc:date>" not in svg and "lastmodifieddate" not in (tmp_path / "a" / "actors.gexf").read_text("utf-8")


def test_english_labels(seed_results):
    labels = english_labels(actor_graph(seed_results))
    assert labels["country:kz"] == "Kazakhstan"
    assert labels["person:нурлан_ермекбаев"] == "Nurlan Yermekbayev"
    assert labels["organization:одкб"] == "CSTO"
    assert labels["organization:министерство_обороны_казахстана"] == "Ministry of Defence (Kazakhstan)"


def test_digests_and_outlets_stay_out_of_the_network_unless_asked(seed_results):
    default = actor_graph(seed_results)
    assert "person:джо_байден" not in default
    assert not [n for n, kind in default.nodes(data="kind") if kind == "media"]
    with_digest = actor_graph(seed_results, include_digest=True)
    assert with_digest.has_edge("person:джо_байден", "place:киев")


def test_each_fact_record_holds_its_article_network_as_the_tables_give_it(seed_results):
    """The fact sheet draws the record's network; it must be the graph of that article's rows."""
    for article_id in seed_results.ids:
        record = seed_results.facts(article_id)["network"]
        graph = actor_graph(seed_results, article_id=article_id)
        assert [(n["actor_id"], n["name"], n["kind"], n["country"], n["mentions"]) for n in record["nodes"]] == [
            (n, d["label"], d["kind"], d["country"], d["mentions"]) for n, d in graph.nodes(data=True)
        ]
        assert [
            (
                link["source"],
                link["target"],
                link["weight"],
                link["met"],
                link["type"],
                ";".join(f"{article_id}:{a}-{b}" for a, b in link["evidence"]),
            )
            for link in record["links"]
        ] == [(u, v, d["weight"], d["met"], d["type"], d["evidence"]) for u, v, d in graph.edges(data=True)]
        assert record["nodes"], article_id


def _large_graph(nodes: int) -> nx.Graph:
    """A chain of ``nodes`` people, each also linked to a hub; node n links with weight n % 7 + 1."""
    graph = nx.Graph()
    for n in range(nodes):
        graph.add_node(
            f"person:p{n:04d}",
            label=f"Пётр Петров{n}",
            kind="person",
            country="",
            mentions=1 + n % 3,
            articles=1,
            article_ids="a1",
        )
    graph.add_node(
        "country:kz", label="Казахстан", kind="country", country="KZ", mentions=50, articles=1, article_ids="a1"
    )
    for n in range(nodes):
        edge = {
            "weight": n % 7 + 1,
            "cooccurrence": n % 7 + 1,
            "met": 0,
            "signed": 0,
            "affiliated": 0,
            "type": "cooccurrence",
            "articles": "a1",
            "evidence": "a1:0-5",
        }
        graph.add_edge("country:kz", f"person:p{n:04d}", **edge)
        if n:
            graph.add_edge(f"person:p{n - 1:04d}", f"person:p{n:04d}", **{**edge, "weight": 1, "cooccurrence": 1})
    return graph


def test_a_large_network_is_laid_out_and_drawn_by_its_most_linked_nodes_and_exported_whole(tmp_path):
    graph = _large_graph(400)
    positions = layout(graph)
    assert len(positions) == 150 and "country:kz" in positions
    # the hub, then people linked with weight 7 to it (and 1 along the chain), ...
    assert "person:p0006" in positions and "person:p0007" not in positions
    figure = network_figure(graph, "Actors", positions=positions)
    assert figure.axes[0].get_title() == (
        "Actors\n(the 150 most linked of 401 actors; all are in the GraphML, GEXF and CSV files)"
    )
    write_network(graph, tmp_path, positions=positions)
    gexf = nx.read_gexf(tmp_path / "actors.gexf")
    assert gexf.number_of_nodes() == 401 and len(pd.read_csv(tmp_path / "nodes.csv")) == 401
    placed = [n for n, viz in gexf.nodes(data="viz") if "position" in viz]
    assert sorted(placed) == sorted(positions)


def test_betweenness_is_estimated_on_a_large_network_the_same_way_every_time():
    graph = _large_graph(400)
    first, second = centrality_table(graph), centrality_table(graph)
    assert first.equals(second)
    hub = first.set_index("actor_id").loc["country:kz"]
    assert first["actor_id"][0] == "country:kz" and hub["betweenness"] > 0.5
