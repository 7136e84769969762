"""Actor co-occurrence networks from the stored mention table, their exports and figures.

Two actors are linked when they are mentioned in the same sentence; the edge weight counts
such sentences. Nodes and edges are inserted in sorted order and the layout is seeded, so
the same tables always give the same GraphML and the same figure.
"""

from __future__ import annotations

import io
from itertools import combinations
from pathlib import Path

import matplotlib
import networkx as nx
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from .store import write_atomic

KIND_COLOURS = {"person": "#1f77b4", "organization": "#ff7f0e", "country": "#d62728",
                "place": "#2ca02c", "media": "#7f7f7f"}
LAYOUT_SEED = 42
# Without a fixed salt, SVG element ids are random and every rerun differs.
matplotlib.rcParams["svg.hashsalt"] = "analysis"


def cooccurrence_graph(mentions: pd.DataFrame, actors: pd.DataFrame, article_id: str | None = None,
                       min_weight: int = 1, include_digest: bool = False) -> nx.Graph:
    """Graph of actors linked by mentions in the same sentence.

    Node attributes: label, kind, mentions, articles (count). Edge attributes: weight
    (sentences), articles (``;``-separated ids). ``article_id`` limits it to one article;
    edges lighter than ``min_weight`` are dropped. Every mentioned actor is a node, except
    news outlets (sources, not actors) and, unless ``include_digest``, actors named only in
    digests of other news appended to articles.
    """
    if article_id is not None:
        mentions = mentions[mentions["article_id"] == article_id]
    names = actors.set_index("actor_id")
    mentions = mentions[mentions["actor_id"].map(names["kind"]) != "media"]
    if not include_digest:
        mentions = mentions[mentions["block"] != "digest"]
    weights: dict[tuple[str, str], int] = {}
    edge_articles: dict[tuple[str, str], set[str]] = {}
    for (article, _), group in mentions.groupby(["article_id", "sentence"], sort=True):
        for pair in combinations(sorted(set(group["actor_id"])), 2):
            weights[pair] = weights.get(pair, 0) + 1
            edge_articles.setdefault(pair, set()).add(article)
    kept = {pair: w for pair, w in weights.items() if w >= min_weight}
    counts = mentions.groupby("actor_id").agg(mentions=("start", "size"), articles=("article_id", "nunique"))
    graph = nx.Graph()
    for node in sorted(counts.index):
        graph.add_node(node, label=str(names.at[node, "name"]), kind=str(names.at[node, "kind"]),
                       mentions=int(counts.at[node, "mentions"]), articles=int(counts.at[node, "articles"]))
    for pair in sorted(kept):
        graph.add_edge(*pair, weight=kept[pair], articles=";".join(sorted(edge_articles[pair])))
    return graph


def centrality_table(graph: nx.Graph) -> pd.DataFrame:
    """Degree, weighted degree and betweenness of every node, most central first."""
    betweenness = nx.betweenness_centrality(graph, weight=None)
    rows = [{"actor_id": node, "name": data["label"], "kind": data["kind"], "mentions": data["mentions"],
             "degree": graph.degree(node), "weighted_degree": graph.degree(node, weight="weight"),
             "betweenness": round(betweenness[node], 4)}
            for node, data in graph.nodes(data=True)]
    columns = ["actor_id", "name", "kind", "mentions", "degree", "weighted_degree", "betweenness"]
    table = pd.DataFrame(rows, columns=columns)
    return table.sort_values(["weighted_degree", "mentions", "actor_id"], ascending=[False, False, True],
                             ignore_index=True)


def write_graphml(graph: nx.Graph, path: Path) -> None:
    buffer = io.BytesIO()
    nx.write_graphml(graph, buffer)
    write_atomic(Path(path), buffer.getvalue())


def network_figure(graph: nx.Graph, title: str, caption: str = "", labels: int = 15) -> Figure:
    """Draw the graph: colour by kind, size by mentions, width by weight, most-mentioned labelled.

    Actors without any link are left out of the drawing (they would only push the others
    together); the caption says how many. The exports keep them.
    """
    fig = Figure(figsize=(10, 8), layout="constrained")
    ax = fig.add_subplot()
    ax.set_axis_off()
    ax.set_title(title)
    isolated = [n for n in graph.nodes if graph.degree(n) == 0] if graph.number_of_edges() else []
    if isolated:
        graph = graph.subgraph(n for n in graph.nodes if n not in set(isolated))
        caption = f"{caption} {len(isolated)} actors without links not drawn.".strip()
    if caption:
        fig.text(0.01, 0.005, caption, fontsize=8, color="#555555")
    if graph.number_of_nodes() == 0:
        ax.text(0.5, 0.5, "no actors to draw", ha="center", va="center", transform=ax.transAxes)
        return fig
    pos = nx.spring_layout(graph, seed=LAYOUT_SEED, k=2.5 / max(graph.number_of_nodes(), 1) ** 0.5, iterations=200)
    widths = [0.5 + 1.5 * d["weight"] ** 0.5 for _, _, d in graph.edges(data=True)]
    nx.draw_networkx_edges(graph, pos, ax=ax, width=widths, edge_color="#999999", alpha=0.6)
    nodes = list(graph.nodes)
    nx.draw_networkx_nodes(graph, pos, ax=ax, nodelist=nodes,
                           node_color=[KIND_COLOURS.get(graph.nodes[n]["kind"], "#bcbd22") for n in nodes],
                           node_size=[80 + 60 * graph.nodes[n]["mentions"] for n in nodes], alpha=0.9)
    top = sorted(nodes, key=lambda n: (-graph.nodes[n]["mentions"], -graph.degree(n, weight="weight"), n))[:labels]
    nx.draw_networkx_labels(graph, pos, ax=ax, labels={n: graph.nodes[n]["label"] for n in top}, font_size=9)
    kinds = sorted({graph.nodes[n]["kind"] for n in nodes})
    ax.legend(handles=[Line2D([], [], marker="o", linestyle="", color=KIND_COLOURS.get(k, "#bcbd22"), label=k)
                       for k in kinds], loc="upper right", frameon=False)
    return fig


def save_figure(fig: Figure, stem: Path) -> list[Path]:
    """Write ``stem.png`` (200 dpi) and ``stem.svg`` without dates, so reruns are byte-identical."""
    paths = []
    for suffix, metadata in ((".png", {"Software": None}), (".svg", {"Date": None, "Creator": None})):
        buffer = io.BytesIO()
        fig.savefig(buffer, format=suffix[1:], dpi=200, metadata=metadata)
        path = Path(stem).with_suffix(suffix)
        write_atomic(path, buffer.getvalue())
        paths.append(path)
    return paths
