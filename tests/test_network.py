"""The co-occurrence network: edges from shared sentences, GraphML round trip, figures."""

import networkx as nx

from analysis.network import centrality_table, cooccurrence_graph


def test_actors_in_one_sentence_are_linked(seed_results):
    graph = cooccurrence_graph(seed_results.mentions, seed_results.actors, article_id="001_7d1e7618c1cc4230")
    edge = graph.edges["person:нурлан_ермекбаев", "person:сергей_шойгу"]
    assert edge == {"weight": 1, "articles": "001_7d1e7618c1cc4230"}
    assert graph.nodes["person:нурлан_ермекбаев"] == {
        "label": "Нурлан Ермекбаев", "kind": "person", "mentions": 3, "articles": 1}
    # Шойгу is named once, in a sentence without the Ministry: no edge
    assert not graph.has_edge("person:сергей_шойгу", "organization:минобороны")


def test_corpus_edges_sum_over_articles(seed_results):
    graph = cooccurrence_graph(seed_results.mentions, seed_results.actors)
    # "... Российской Федерации ... Денисом Мантуровым" in 000, "... Российской Федерации Денис Мантуров" in 003
    edge = graph.edges["country:ru", "person:денис_мантуров"]
    assert edge == {"weight": 2, "articles": "000_884c3e9360fca713;003_0ddd33c837182fba"}
    heavy = cooccurrence_graph(seed_results.mentions, seed_results.actors, min_weight=3)
    assert all(d["weight"] >= 3 for _, _, d in heavy.edges(data=True))
    assert heavy.number_of_edges() < graph.number_of_edges()


def test_graphml_reads_back_as_the_same_graph(seed_results):
    written = nx.read_graphml(seed_results.out / "network" / "actors.graphml")
    graph = cooccurrence_graph(seed_results.mentions, seed_results.actors)
    assert sorted(written.nodes(data=True)) == sorted(graph.nodes(data=True))
    assert sorted((tuple(sorted((u, v))), d["weight"]) for u, v, d in written.edges(data=True)) == \
        sorted((tuple(sorted((u, v))), d["weight"]) for u, v, d in graph.edges(data=True))


def test_figures_are_written_without_dates(seed_results):
    png = (seed_results.out / "network" / "actors.png").read_bytes()
    svg = (seed_results.out / "network" / "actors.svg").read_text(encoding="utf-8")
    assert png.startswith(b"\x89PNG")
    assert svg.startswith("<?xml") and "<dc:date>" not in svg


def test_centrality_table_ranks_by_weighted_degree(seed_results):
    graph = cooccurrence_graph(seed_results.mentions, seed_results.actors, article_id="004_cfd950fd49b21b71")
    table = centrality_table(graph)
    assert list(table.columns) == ["actor_id", "name", "kind", "mentions", "degree", "weighted_degree", "betweenness"]
    assert list(table["weighted_degree"]) == sorted(table["weighted_degree"], reverse=True)
    assert table.iloc[0]["name"] == "Казахстан"


def test_digests_and_outlets_stay_out_of_the_network_unless_asked(seed_results):
    default = cooccurrence_graph(seed_results.mentions, seed_results.actors)
    assert "person:джо_байден" not in default
    assert not [n for n, kind in default.nodes(data="kind") if kind == "media"]
    with_digest = cooccurrence_graph(seed_results.mentions, seed_results.actors, include_digest=True)
    assert with_digest.has_edge("person:джо_байден", "place:киев")
