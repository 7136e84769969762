"""Actor networks: typed links, windows, country level, ego, metrics, exports that read back, figures."""

import networkx as nx
import pandas as pd
import pytest

from analysis.errors import ParameterError
from analysis.network import (actor_graph, centrality_table, check_kinds, country_graph, ego_graph, english_labels,
                              layout, network_figure, save_figure, write_network)
from analysis.params import check_choice


def test_people_who_met_are_linked_by_a_met_edge(seed_results):
    graph = actor_graph(seed_results, article_id="001_7d1e7618c1cc4230")
    edge = graph.edges["person:нурлан_ермекбаев", "person:сергей_шойгу"]
    assert (edge["cooccurrence"], edge["met"], edge["type"]) == (1, 1, "met")
    assert edge["articles"] == "001_7d1e7618c1cc4230"
    # the sentence's mentions from the first to the last: "... Казахстана Нурлана Ермекбаева ... Сергеем Шойгу"
    assert edge["evidence"].split(";")[0] == "001_7d1e7618c1cc4230:420-533"
    assert graph.nodes["person:нурлан_ермекбаев"] == {
        "label": "Нурлан Ермекбаев", "kind": "person", "country": "", "mentions": 3, "articles": 1,
        "article_ids": "001_7d1e7618c1cc4230"}


def test_meeting_pairs_of_every_seed_are_met_edges(seed_results):
    graph = actor_graph(seed_results)
    for pair in [("person:имангали_тасмагамбетов", "person:денис_мантуров"),
                 ("person:адильбек_джаксыбеков", "person:николай_азаматов"),
                 ("person:имангали_тасмагамбетов", "person:рустам_минниханов")]:
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
    with pytest.raises(ParameterError, match="parameter window must be one of sentence, paragraph, article; got 'page'"):
        check_choice("window", "page", ("sentence", "paragraph", "article"))
    with pytest.raises(ParameterError, match="parameter kinds must list some of"):
        check_kinds("person,media")


def test_metrics_table(seed_results):
    table = centrality_table(actor_graph(seed_results, article_id="004_cfd950fd49b21b71"))
    assert list(table.columns) == ["actor_id", "name", "kind", "mentions", "degree", "weighted_degree", "betweenness",
                                   "eigenvector", "community"]
    assert list(table["weighted_degree"]) == sorted(table["weighted_degree"], reverse=True)
    assert table.iloc[0]["name"] == "Казахстан"
    assert table["community"].min() == 1 and table["eigenvector"].max() > 0
    assert table.equals(centrality_table(actor_graph(seed_results, article_id="004_cfd950fd49b21b71")))


def test_exports_read_back_as_the_same_graph(seed_results, tmp_path):
    graph = actor_graph(seed_results)
    write_network(graph, tmp_path)
    graphml = nx.read_graphml(tmp_path / "actors.graphml")
    assert sorted(graphml.nodes(data=True)) == sorted(graph.nodes(data=True))
    assert sorted((tuple(sorted((u, v))), d) for u, v, d in graphml.edges(data=True)) == \
        sorted((tuple(sorted((u, v))), d) for u, v, d in graph.edges(data=True))
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
    assert sorted(zip(edges["source"], edges["target"], edges["weight"])) == \
        sorted((u, v, d["weight"]) for u, v, d in graph.edges(data=True))


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
        assert [(n["actor_id"], n["name"], n["kind"], n["country"], n["mentions"]) for n in record["nodes"]] == \
            [(n, d["label"], d["kind"], d["country"], d["mentions"]) for n, d in graph.nodes(data=True)]
        assert [(link["source"], link["target"], link["weight"], link["met"], link["type"],
                 ";".join(f"{article_id}:{a}-{b}" for a, b in link["evidence"])) for link in record["links"]] == \
            [(u, v, d["weight"], d["met"], d["type"], d["evidence"]) for u, v, d in graph.edges(data=True)]
        assert record["nodes"], article_id
