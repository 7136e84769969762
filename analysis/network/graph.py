"""Actor networks from the stored tables: graphs, metrics, exports and figures.

Which actors are linked, and why, is worked out in ``links`` (see there); this module makes
networkx graphs of it. Nodes are people, organisations, countries, regions and places; news
outlets are the articles' sources and stay out. Nodes and edges are inserted in sorted order
and the layout is seeded, so the same tables always give the same files and figures.
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from textwrap import fill

import matplotlib
import networkx as nx
import numpy as np
import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from ..errors import ParameterError
from ..storage.store import write_atomic, write_csv
from ..vocabulary import ACTOR_KINDS, LINK_KINDS, ActorKind
from .links import network, summed
from .style import DRAW_ORDER, EDGE_STYLES, LAYOUT_SEED, crowding, kind_colour

LEVELS = ("actors", "countries")
LABELS = ("ru", "en")
FIGURE_NODES = 150  # nodes laid out and drawn at most, the most linked: more make a blot at A4 width
FIGURE_WIDTH = 7.0  # inches: the text width of an A4 page, so the figure prints at its own size
LABEL_SIZE = 7  # points
LABEL_ALL = 50  # nodes up to which a figure labels every node
EXACT_BETWEENNESS = 300  # nodes up to which betweenness is exact; above, estimated from this many sources
# Without a fixed salt, SVG element ids are random and every rerun differs.
matplotlib.rcParams["svg.hashsalt"] = "analysis"


def check_kinds(value) -> tuple[str, ...]:
    """Kinds of actor to keep: a list (or comma-separated text) of person, organization, country, place."""
    kinds = tuple(k.strip() for k in value.split(",")) if isinstance(value, str) else tuple(value or ())
    unknown = [k for k in kinds if k not in ACTOR_KINDS]
    if not kinds or unknown:
        raise ParameterError(f"parameter kinds must list some of {', '.join(ACTOR_KINDS)}; got {value!r}")
    return kinds


def actor_graph(
    results,
    window: str = "sentence",
    min_weight: int = 1,
    include_digest: bool = False,
    kinds: tuple[str, ...] = ACTOR_KINDS,
    article_id: str | None = None,
) -> nx.Graph:
    """The actor network of the stored results (``store.Results``), or of one article.

    Edges lighter than ``min_weight`` are dropped, and so are actors left without a link
    unless the graph has no links at all. Digests of other news count only with
    ``include_digest``.
    """
    tables = {
        "mentions": results.mentions,
        **{kind: results.table(kind) for kind in ("meetings", "agreements", "roles")},
    }
    if article_id is not None:
        tables = {kind: table[table["article_id"] == article_id] for kind, table in tables.items()}
    found = network(
        **{kind: _records(table) for kind, table in tables.items()},
        actors=_records(results.actors),
        window=window,
        min_weight=min_weight,
        include_digest=include_digest,
        kinds=kinds,
    )
    graph = nx.Graph()
    graph.add_nodes_from(found.nodes.items())
    graph.add_edges_from((u, v, data) for (u, v), data in found.edges.items())
    return graph


def _records(table: pd.DataFrame) -> list[dict]:
    """Rows of a stored table as dicts, blank cells as "" (pandas reads them as NaN)."""
    return table.astype(object).where(table.notna(), "").to_dict("records")


def country_graph(graph: nx.Graph, results) -> nx.Graph:
    """Actors folded into their countries and regions: a person into the country of their role
    (directly, or through its organisation), an organisation or place into its country. Links
    between actors of one country are dropped; the rest add up."""
    names = {str(row.code): str(row.name) for row in results.actors.itertuples() if row.kind == ActorKind.COUNTRY}
    home = {}
    for node, data in graph.nodes(data=True):
        if data["kind"] in (ActorKind.COUNTRY, ActorKind.PLACE, ActorKind.ORGANIZATION) and data["country"]:
            home[node] = data["country"]
    for node, data in graph.nodes(data=True):
        if data["kind"] == ActorKind.PERSON:
            linked = sorted((-d["affiliated"], other) for other, d in graph[node].items() if d["affiliated"])
            strongest = next((other for _, other in linked[:1] if other in home), None)
            if strongest is not None:
                home[node] = home[strongest]
    folded = nx.Graph()
    for code in sorted(set(home.values())):
        members = [n for n in graph if home.get(n) == code]
        folded.add_node(
            code,
            label=names.get(code, code),
            kind=ActorKind.COUNTRY.value,
            country=code,
            mentions=sum(graph.nodes[n]["mentions"] for n in members),
            articles=len({a for n in members for a in graph.nodes[n]["article_ids"].split(";") if a}),
            article_ids=";".join(sorted({a for n in members for a in graph.nodes[n]["article_ids"].split(";") if a})),
        )
    sums: dict[tuple[str, str], list[dict]] = {}
    for u, v, data in sorted(graph.edges(data=True)):
        if u in home and v in home and home[u] != home[v]:
            sums.setdefault(tuple(sorted((home[u], home[v]))), []).append(data)
    for pair in sorted(sums):
        folded.add_edge(*pair, **summed(sums[pair]))
    return folded


def ego_graph(graph: nx.Graph, actor: str) -> nx.Graph:
    """``actor`` (an actor id or a node's label) with its neighbours and the links among them."""
    node = actor if actor in graph else next((n for n, label in graph.nodes(data="label") if label == actor), None)
    if node is None:
        raise ParameterError(
            f"parameter ego {actor!r} is not in the network: use an actor_id or name from the "
            "centrality table (or output/network/nodes.csv)"
        )
    return nx.ego_graph(graph, node, radius=1)


def centrality_table(graph: nx.Graph) -> pd.DataFrame:
    """Degree, weighted degree, betweenness, eigenvector centrality and Louvain community (seeded)
    of every node, most central first."""
    columns = [
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
    if graph.number_of_nodes() == 0:
        return pd.DataFrame(columns=columns)
    # exact betweenness costs nodes x links: hours on a corpus of thousands of actors
    sample = EXACT_BETWEENNESS if graph.number_of_nodes() > EXACT_BETWEENNESS else None
    betweenness = nx.betweenness_centrality(graph, k=sample, weight=None, seed=LAYOUT_SEED)
    eigenvector = _eigenvector(graph)
    communities = sorted(
        nx.community.louvain_communities(graph, weight="weight", seed=LAYOUT_SEED), key=lambda c: (-len(c), min(c))
    )
    community = {node: i + 1 for i, members in enumerate(communities) for node in members}
    rows_ = [
        {
            "actor_id": node,
            "name": data["label"],
            "kind": data["kind"],
            "mentions": data["mentions"],
            "degree": graph.degree(node),
            "weighted_degree": graph.degree(node, weight="weight"),
            "betweenness": round(betweenness[node], 4),
            "eigenvector": round(eigenvector[node], 4),
            "community": community[node],
        }
        for node, data in graph.nodes(data=True)
    ]
    table = pd.DataFrame(rows_, columns=columns)
    return table.sort_values(
        ["weighted_degree", "mentions", "actor_id"], ascending=[False, False, True], ignore_index=True
    )


def _eigenvector(graph: nx.Graph) -> dict[str, float]:
    """Eigenvector centrality per connected component, scaled by the component's share of nodes
    (the power iteration does not converge on a graph in pieces)."""
    found = {}
    for component in nx.connected_components(graph):
        sub = graph.subgraph(component)
        if sub.number_of_nodes() < 3:
            found.update(dict.fromkeys(component, 0.0))
            continue
        # scipy's eigensolver: the same values as networkx's power iteration, which took most
        # of the network's time on corpora of a few hundred articles
        values = nx.eigenvector_centrality_numpy(sub, weight="weight")
        share = sub.number_of_nodes() / graph.number_of_nodes()
        found.update({node: abs(value) * share for node, value in values.items()})
    return found


def most_linked(graph: nx.Graph) -> list[str]:
    """The graph's nodes, largest weighted degree first (then mentions, then id)."""
    return sorted(graph.nodes, key=lambda n: (-graph.degree(n, weight="weight"), -graph.nodes[n]["mentions"], n))


def layout(graph: nx.Graph, limit: int = FIGURE_NODES) -> dict[str, tuple[float, float]]:
    """Seeded positions of the graph's nodes, the same for every figure and export of it. In a
    graph of more than ``limit`` nodes only the ``limit`` most linked are placed (and drawn): the
    layout's cost grows with the square of the nodes (minutes for a few thousand), and a figure
    of thousands of nodes shows none of them. Each connected piece is laid out on its own and
    the pieces are packed side by side, largest first, so that a few small pieces never squeeze
    the main one into a corner."""
    if graph.number_of_nodes() == 0:
        return {}
    kept = set(most_linked(graph)[:limit])
    pieces = sorted(
        (sorted(piece) for piece in nx.connected_components(graph.subgraph(kept))), key=lambda p: (-len(p), p[0])
    )
    placed = {}
    for piece, (left, bottom, side) in zip(pieces, _shelves([len(p) for p in pieces]), strict=True):
        ordered = nx.Graph()
        ordered.add_nodes_from(piece)
        ordered.add_edges_from(
            sorted(
                (min(u, v), max(u, v), {"weight": d["weight"]}) for u, v, d in graph.subgraph(piece).edges(data=True)
            )
        )
        if len(piece) == 1:
            unit = {piece[0]: (0.5, 0.5)}
        else:
            spread = nx.forceatlas2_layout(
                ordered, seed=LAYOUT_SEED, max_iter=300, weight="weight", strong_gravity=True
            )
            unit = nx.rescale_layout_dict(spread, scale=0.5)
            unit = {node: (x + 0.5, y + 0.5) for node, (x, y) in unit.items()}
        for node, (x, y) in unit.items():
            placed[node] = (
                round(float(left + 0.1 * side + 0.8 * side * x), 6),
                round(float(bottom + 0.1 * side + 0.8 * side * y), 6),
            )
    return dict(sorted(placed.items()))


def _shelves(sizes: list[int]) -> list[tuple[float, float, float]]:
    """Squares for pieces of ``sizes`` nodes (largest first), each of side growing with the root of
    its size, packed left to right in rows from the top of a region as wide as the first: (left,
    bottom, side) of each."""
    sides = [size**0.5 for size in sizes]
    width = max(sides[0], sum(sizes) ** 0.5)
    squares, x, top, row = [], 0.0, 0.0, 0.0
    for side in sides:
        if x + side > width + 1e-9:
            x, top, row = 0.0, top - row, 0.0
        row = max(row, side)
        squares.append((x, top - side, side))
        x += side
    return squares


def english_labels(graph: nx.Graph) -> dict[str, str]:
    """English labels: countries, regions, cities and well-known organisations from the data
    files, everything else romanised (Wikipedia's scheme, via iuliia)."""
    import iuliia

    from ..language.geo import country_name, english_names
    from ..language.organizations import find_organization

    known = english_names()
    labels = {}
    for node, data in graph.nodes(data=True):
        label = known.get(data["label"])
        if label is None and data["kind"] == ActorKind.ORGANIZATION:
            match = find_organization(data["label"])
            if match and match.organization.name_en:
                country = known.get(country_name(match.country) or "", match.country)
                label = f"{match.organization.name_en} ({country})" if match.country else match.organization.name_en
        labels[node] = label or iuliia.WIKIPEDIA.translate(data["label"])
    return labels


def write_network(
    graph: nx.Graph, folder: Path, stem: str = "actors", positions: dict[str, tuple[float, float]] | None = None
) -> list[Path]:
    """``stem.graphml`` (scalar attributes: Cytoscape and Gephi open it), ``stem.gexf`` (with
    Gephi's sizes, colours and positions), ``nodes.csv`` and ``edges.csv`` for ``stem`` "actors"
    (``<stem>_nodes.csv`` otherwise)."""
    folder = Path(folder)
    positions = positions if positions is not None else layout(graph)
    buffer = io.BytesIO()
    nx.write_graphml(graph, buffer)
    write_atomic(folder / f"{stem}.graphml", buffer.getvalue())
    gexf = graph.copy()
    for node, data in gexf.nodes(data=True):
        colour = kind_colour(data["kind"])
        data["viz"] = {
            "size": 5.0 + 2.0 * data["mentions"],
            "color": {"r": int(colour[1:3], 16), "g": int(colour[3:5], 16), "b": int(colour[5:7], 16), "a": 1.0},
        }
        if node in positions:  # nodes left out of a large graph's layout: Gephi places them
            x, y = positions[node]
            data["viz"]["position"] = {"x": x * 1000, "y": y * 1000, "z": 0.0}
    buffer = io.BytesIO()
    nx.write_gexf(gexf, buffer)
    # the writer stamps today's date into the file; without it reruns are byte-identical
    write_atomic(folder / f"{stem}.gexf", re.sub(rb' lastmodifieddate="[^"]*"', b"", buffer.getvalue()))
    prefix = "" if stem == "actors" else f"{stem}_"
    node_columns = ["id", "label", "kind", "country", "mentions", "articles", "article_ids"]
    write_csv(folder / f"{prefix}nodes.csv", node_columns, [{"id": n, **d} for n, d in graph.nodes(data=True)])
    edge_columns = ["source", "target", "weight", *LINK_KINDS, "type", "articles", "evidence"]
    write_csv(
        folder / f"{prefix}edges.csv",
        edge_columns,
        [{"source": u, "target": v, **d} for u, v, d in graph.edges(data=True)],
    )
    return [
        folder / f"{stem}.graphml",
        folder / f"{stem}.gexf",
        folder / f"{prefix}nodes.csv",
        folder / f"{prefix}edges.csv",
    ]


def network_figure(
    graph: nx.Graph,
    title: str,
    caption: str = "",
    labels: int = 15,
    positions: dict[str, tuple[float, float]] | None = None,
    names: dict[str, str] | None = None,
) -> Figure:
    """Draw the graph for a report: colour by kind, size by mentions, width by weight, each link
    styled by the strongest kind it has; legend and caption outside the drawing. Every country
    and the ``labels`` most central nodes are labelled (``names``, default the node labels),
    each label placed where it covers no other label and, where there is room, no node, with a
    line to its node when it had to move away. The figure is A4 text width, so the labels print
    at 7 pt."""
    pos = positions if positions is not None else layout(graph)
    drawn = graph.subgraph(pos) if len(pos) < graph.number_of_nodes() else graph
    fig = Figure(figsize=(FIGURE_WIDTH, _height(pos)), layout="constrained")
    FigureCanvasAgg(fig)  # label placement measures text, which needs a renderer
    ax = fig.add_subplot()
    ax.set_axis_off()
    if len(pos) < graph.number_of_nodes():
        title = (
            f"{title}\n(the {len(pos)} most linked of {graph.number_of_nodes()} actors; all are in the "
            "GraphML, GEXF and CSV files)"
        )
    ax.set_title(title, fontsize=10)
    if caption:
        fig.supxlabel(fill(caption, 130), x=0.01, ha="left", fontsize=6.5, color="#555555")
    if graph.number_of_nodes() == 0:
        ax.text(0.5, 0.5, "no actors to draw", ha="center", va="center", transform=ax.transAxes)
        return fig
    for kind in DRAW_ORDER:
        # sorted: a large graph's subgraph view yields its edges in the order of a set, which
        # Python's hash seed changes from run to run
        edges = sorted((min(u, v), max(u, v)) for u, v, d in drawn.edges(data=True) if d["type"] == kind)
        colour, style = EDGE_STYLES[kind]
        nx.draw_networkx_edges(
            drawn,
            pos,
            ax=ax,
            edgelist=edges,
            edge_color=colour,
            style=style,
            alpha=0.6,
            width=[0.4 + 0.8 * drawn.edges[e]["weight"] ** 0.5 for e in edges],
        )
    nodes = sorted(drawn.nodes)
    sizes = dict(zip(nodes, _sizes(drawn, nodes), strict=True))
    nx.draw_networkx_nodes(
        drawn,
        pos,
        ax=ax,
        nodelist=nodes,
        node_color=[kind_colour(drawn.nodes[n]["kind"]) for n in nodes],
        node_size=[sizes[n] for n in nodes],
        alpha=0.9,
        linewidths=0.3,
        edgecolors="white",
    )
    kinds = sorted({drawn.nodes[n]["kind"] for n in nodes})
    links = sorted({d["type"] for _, _, d in drawn.edges(data=True)}, key=LINK_KINDS.index)
    fig.legend(
        handles=[Line2D([], [], marker="o", linestyle="", color=kind_colour(k), label=k) for k in kinds]
        + [Line2D([], [], color=EDGE_STYLES[t][0], linestyle=EDGE_STYLES[t][1], label=t) for t in links],
        loc="outside upper center",
        ncols=len(kinds) + len(links),
        frameon=False,
        fontsize=7,
    )
    xs, ys = [x for x, _ in pos.values()], [y for _, y in pos.values()]
    pad_x, pad_y = 0.03 * (max(xs) - min(xs) or 1), 0.03 * (max(ys) - min(ys) or 1)
    ax.set_xlim(min(xs) - pad_x, max(xs) + pad_x)
    ax.set_ylim(min(ys) - pad_y, max(ys) + pad_y)
    fig.get_layout_engine().execute(fig)  # the axes' final place: labels are placed in pixels
    chosen = labelled(drawn, labels)
    _place_labels(fig, ax, pos, chosen, names or {n: drawn.nodes[n]["label"] for n in chosen}, sizes)
    return fig


def labelled(graph: nx.Graph, count: int) -> list[str]:
    """The nodes a network figure labels, most central first: all of a graph of up to
    ``LABEL_ALL`` nodes; else every country and region and the ``count`` most central others."""
    ranked = most_linked(graph)
    if len(ranked) <= LABEL_ALL:
        return ranked
    central = set(ranked[:count])
    return [n for n in ranked if n in central or graph.nodes[n]["kind"] == ActorKind.COUNTRY]


def _height(pos: dict[str, tuple[float, float]]) -> float:
    """Figure height (inches) for the layout's shape at ``FIGURE_WIDTH``, within 4 and 10."""
    if not pos:
        return 4.0
    xs, ys = [x for x, _ in pos.values()], [y for _, y in pos.values()]
    shape = (max(ys) - min(ys)) / ((max(xs) - min(xs)) or 1) if len(pos) > 1 else 1.0
    return round(min(10.0, max(4.0, FIGURE_WIDTH * shape + 1.2)), 2)


# where a label may go around its node: direction and text alignment, in order of preference
_SPOTS = (
    (0, 1, "center", "bottom"),
    (0, -1, "center", "top"),
    (1, 0, "left", "center"),
    (-1, 0, "right", "center"),
    (1, 1, "left", "bottom"),
    (-1, 1, "right", "bottom"),
    (1, -1, "left", "top"),
    (-1, -1, "right", "top"),
)
_RINGS = (0, 8, 18, 30, 45, 65, 90, 120, 160)  # points beyond the marker's edge, nearest first


def _place_labels(fig: Figure, ax, pos, chosen: list[str], names: dict[str, str], sizes: dict[str, float]) -> None:
    """Label ``chosen`` nodes in order: at the nearest spot around the node (a ring of spots
    further out when all are taken, with a line to the node) where the label stays in the
    drawing and covers no label placed before nor any node's marker; where every spot covers a
    marker, the one covering least and no label."""
    renderer = fig.canvas.get_renderer()
    scale = fig.dpi / 72  # points to pixels
    frame = ax.get_window_extent(renderer)
    nodes = sorted(sizes)
    centres = ax.transData.transform([pos[n] for n in nodes])
    radii = np.sqrt([sizes[n] for n in nodes]) / 2 * scale  # marker area is in points squared
    markers = np.column_stack([centres - radii[:, None], centres + radii[:, None]])  # left, bottom, right, top
    labels = np.empty((0, 4))
    row = {n: i for i, n in enumerate(nodes)}
    for node in chosen:
        probe = ax.text(0, 0, names[node], fontsize=LABEL_SIZE)
        extent = probe.get_window_extent(renderer)
        probe.remove()
        width, height = extent.width + 2 * scale, extent.height + 2 * scale  # room for the white box
        (x, y), r = centres[row[node]], radii[row[node]]
        others = np.delete(markers, row[node], axis=0)
        best = None
        for ring in _RINGS:
            for dx, dy, ha, va in _SPOTS:
                reach = r + (2 + ring) * scale
                step = reach / 2**0.5 if dx and dy else reach
                anchor = (x + dx * step, y + dy * step)
                left = anchor[0] - {"left": 0, "center": width / 2, "right": width}[ha]
                bottom = anchor[1] - {"bottom": 0, "center": height / 2, "top": height}[va]
                box = np.array([left, bottom, left + width, bottom + height])
                inside = box[0] >= frame.x0 and box[1] >= frame.y0 and box[2] <= frame.x1 and box[3] <= frame.y1
                # covering a label or leaving the drawing costs more than covering any markers
                cost = (0 if inside else 1e12) + 1e6 * _covered(box, labels) + _covered(box, others)
                if best is None or cost < best[0]:
                    best = (cost, ring, anchor, ha, va, box)
                if cost == 0:
                    break
            if best[0] == 0:
                break
        _, ring, anchor, ha, va, box = best
        labels = np.vstack([labels, box])
        ax.annotate(
            names[node],
            xy=pos[node],
            xytext=ax.transData.inverted().transform(anchor),
            ha=ha,
            va=va,
            fontsize=LABEL_SIZE,
            bbox={"boxstyle": "square,pad=0.1", "facecolor": "white", "alpha": 0.8, "linewidth": 0},
            arrowprops={"arrowstyle": "-", "color": "#444444", "linewidth": 0.5, "shrinkA": 0, "shrinkB": r / scale}
            if ring
            else None,
        ).set_in_layout(False)


def _covered(box: np.ndarray, boxes: np.ndarray) -> float:
    """The area of ``box`` (left, bottom, right, top) that ``boxes`` cover, summed."""
    shared = np.clip(np.minimum(box[2:], boxes[:, 2:]) - np.maximum(box[:2], boxes[:, :2]), 0, None)
    return float((shared[:, 0] * shared[:, 1]).sum())


def _sizes(graph: nx.Graph, nodes: list[str]) -> list[float]:
    """Marker areas by mentions, on a square-root scale so that a few very frequent actors
    (the countries of a large corpus) do not cover the rest, and smaller in a crowded graph."""
    most = max(graph.nodes[n]["mentions"] for n in nodes)
    crowd = crowding(len(nodes))  # smaller markers where there are many
    return [(6 + 300 * (graph.nodes[n]["mentions"] / most) ** 0.5) * crowd for n in nodes]


def save_figure(fig: Figure, stem: Path, dpi: int = 200) -> list[Path]:
    """Write ``stem.png`` (``dpi``) and ``stem.svg`` without dates, so reruns are byte-identical."""
    paths = []
    for suffix, metadata in ((".png", {"Software": None}), (".svg", {"Date": None, "Creator": None})):
        buffer = io.BytesIO()
        fig.savefig(buffer, format=suffix[1:], dpi=dpi, metadata=metadata)
        path = Path(stem).with_suffix(suffix)
        write_atomic(path, buffer.getvalue())
        paths.append(path)
    return paths
