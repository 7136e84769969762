"""The actor network as an interactive view for the HTML page: hover a node or link for its
details, zoom and drag, find an actor by name, show or hide kinds of actor and of link.

Drawn by vis-network (``assets/``, bundled with the package and inlined into the page, so the
page is self-contained and no request leaves it), at the positions of the static figure, with
the same colours and link styles (``network.style``). The returned HTML is the same for the
same graph.
"""

from __future__ import annotations

import hashlib
import json
from html import escape
from pathlib import Path

from ..network.style import EDGE_STYLES, kind_colour
from ..vocabulary import LINK_KINDS

ASSETS = Path(__file__).parent / "assets"
LIBRARY = ASSETS / "vis-network.min.js"
_DASHES = {"-": False, "--": [8, 5], ":": [2, 4]}  # matplotlib line styles in vis-network's terms


def network_data(graph, positions: dict[str, tuple[float, float]], names: dict[str, str] | None = None) -> dict:
    """Nodes and links of ``graph`` placed at ``positions`` (nodes without a position are left
    out) in vis-network's terms, each with the text shown on hover."""
    names = names or {}
    nodes, edges = [], []
    xs, ys = [x for x, _ in positions.values()], [y for _, y in positions.values()]
    # about 1,000 pixels across at zoom 1, where markers and labels have their intended sizes
    extent = max(max(xs, default=0) - min(xs, default=0), max(ys, default=0) - min(ys, default=0))
    scale = 1000 / extent if extent else 1000
    for node in sorted(positions):
        data = graph.nodes[node]
        name = names.get(node, data["label"])
        x, y = positions[node]
        nodes.append(
            {
                "id": node,
                "label": name,
                "kind": data["kind"],
                "value": data["mentions"],
                "x": round(x * scale, 1),
                "y": round(-y * scale, 1),  # the screen's y runs down
                "color": kind_colour(data["kind"]),
                "title": f"{name}\n{data['kind']}"
                + (f", {data['country']}" if data.get("country") else "")
                + f"\n{data['mentions']} mentions in {data['articles']} articles\n{graph.degree(node)} links",
            }
        )
    for u, v in sorted((min(u, v), max(u, v)) for u, v in graph.edges if u in positions and v in positions):
        data = graph.edges[u, v]
        colour, style = EDGE_STYLES[data["type"]]
        counts = ", ".join(f"{kind} {data[kind]}" for kind in LINK_KINDS if data[kind])
        articles = [a for a in data["articles"].split(";") if a]
        edges.append(
            {
                "from": u,
                "to": v,
                "type": data["type"],
                "value": data["weight"],
                "color": colour,
                "dashes": _DASHES[style],
                "title": f"{names.get(u, graph.nodes[u]['label'])} — {names.get(v, graph.nodes[v]['label'])}\n"
                f"weight {data['weight']}: {counts}\narticles: {', '.join(articles[:5])}"
                + (f" and {len(articles) - 5} more" if len(articles) > 5 else ""),
            }
        )
    return {"nodes": nodes, "edges": edges}


def interactive_html(
    graph, positions: dict[str, tuple[float, float]], names: dict[str, str] | None = None, height: int = 650
) -> str:
    """A self-contained HTML block showing the network interactively: the library, the data and
    the controls inline. Shown in a notebook with ``IPython.display.HTML``."""
    data = network_data(graph, positions, names)
    if not data["nodes"]:
        return "<p>No actors to show.</p>"
    # "<" escaped: the data sits inside a <script> element, which "</script>" in a name would end
    payload = json.dumps(data, ensure_ascii=False, sort_keys=True).replace("<", "\\u003c")
    view = "network-" + hashlib.sha256(payload.encode()).hexdigest()[:12]
    kinds = sorted({n["kind"] for n in data["nodes"]})
    links = [k for k in LINK_KINDS if any(e["type"] == k for e in data["edges"])]
    boxes = "".join(
        f'<label style="margin-right:.8em"><input type="checkbox" checked data-{group}="{escape(value)}"> '
        f'<span style="color:{colour}">&#9679;</span> {escape(value)}</label>'
        for group, values, colours in (
            ("kind", kinds, [kind_colour(k) for k in kinds]),
            ("link", links, [EDGE_STYLES[k][0] for k in links]),
        )
        for value, colour in zip(values, colours, strict=True)
    )
    options = "".join(f'<option value="{escape(n["label"])}"></option>' for n in sorted(data["nodes"], key=_by_label))
    return (
        f'<div id="{view}" class="network-view" style="font-family:sans-serif;font-size:13px">'
        f'<div style="margin:.3em 0"><input type="search" list="{view}-names" placeholder="Find an actor" '
        f'aria-label="Find an actor" style="width:18em"> <button type="button" data-action="find">Find</button> '
        f'<button type="button" data-action="fit">Show all</button> <span data-role="status"></span></div>'
        f'<datalist id="{view}-names">{options}</datalist>'
        f'<div style="margin:.3em 0">{boxes}</div>'
        f'<div data-role="canvas" style="height:{height}px;border:1px solid #ddd"></div>'
        '<p style="color:#555">Hover a node or link for its details; scroll to zoom, drag to move. '
        f"Node size counts mentions, link width the links' weight.{escape(_left_out(graph, positions))}</p></div>"
        # the library fills a local "exports": it sets no global and never asks a module loader
        # (require.js) the page may hold
        "<script>(function () {\nvar exports = {}, module = {exports: exports};\n"
        f"{_library()}\n;({_SCRIPT})(exports, document.getElementById({json.dumps(view)}), {payload});\n}})();</script>"
    )


def _left_out(graph, positions: dict) -> str:
    if len(positions) == graph.number_of_nodes():
        return ""
    return (
        f" Shown: the {len(positions)} most linked of {graph.number_of_nodes()} actors; all are in the "
        "GraphML, GEXF and CSV files."
    )


def _by_label(node: dict) -> tuple[str, str]:
    return node["label"], node["id"]


def _library() -> str:
    """The bundled vis-network, without its source-map comment (the map is not shipped: a
    browser's developer tools would ask for it)."""
    code = LIBRARY.read_text(encoding="utf-8")
    return code[: code.rfind("//# sourceMappingURL=")].rstrip()


# The view's behaviour: filters are DataViews over the data, so hidden actors take their
# links with them; the search accepts a name from the list or any part of one.
_SCRIPT = """function (vis, root, data) {
  // tooltips as elements: a text title would lose its line breaks
  data.nodes.concat(data.edges).forEach(function (item) {
    var tip = document.createElement("div");
    tip.style.whiteSpace = "pre-line";
    tip.textContent = item.title;
    item.title = tip;
  });
  var shown = {kind: {}, link: {}};
  root.querySelectorAll("input[type=checkbox]").forEach(function (box) {
    var group = box.dataset.kind ? "kind" : "link";
    shown[group][box.dataset[group]] = true;
    box.addEventListener("change", function () {
      shown[group][box.dataset[group]] = box.checked;
      nodes.refresh();
      edges.refresh();
    });
  });
  var nodeSet = new vis.DataSet(data.nodes), edgeSet = new vis.DataSet(data.edges);
  var nodes = new vis.DataView(nodeSet, {filter: function (n) { return shown.kind[n.kind]; }});
  var edges = new vis.DataView(edgeSet, {filter: function (e) {
    return shown.link[e.type] && shown.kind[nodeSet.get(e.from).kind] && shown.kind[nodeSet.get(e.to).kind];
  }});
  var network = new vis.Network(root.querySelector("[data-role=canvas]"), {nodes: nodes, edges: edges}, {
    physics: false,
    interaction: {hover: true, tooltipDelay: 100, multiselect: true},
    nodes: {shape: "dot", scaling: {min: 6, max: 30, label: {enabled: true, min: 11, max: 22, drawThreshold: 7}},
            font: {face: "sans-serif", strokeWidth: 3, strokeColor: "#ffffff"}, borderWidth: 1},
    edges: {scaling: {min: 0.6, max: 6}, smooth: false, color: {inherit: false, opacity: 0.6}}
  });
  var status = root.querySelector("[data-role=status]"), search = root.querySelector("input[type=search]");
  function find() {
    var text = search.value.trim().toLowerCase();
    var found = text ? nodes.get({filter: function (n) { return n.label.toLowerCase().indexOf(text) >= 0; }}) : [];
    var exact = found.filter(function (n) { return n.label.toLowerCase() === text; });
    var hits = exact.length ? exact : found;
    network.selectNodes(hits.map(function (n) { return n.id; }));
    if (hits.length === 1) { network.focus(hits[0].id, {scale: 1.5}); }
    else if (hits.length) { network.fit({nodes: hits.map(function (n) { return n.id; })}); }
    status.textContent = text ? hits.length + (hits.length === 1 ? " actor found" : " actors found") : "";
  }
  root.querySelector("[data-action=find]").addEventListener("click", find);
  search.addEventListener("keydown", function (event) { if (event.key === "Enter") { find(); } });
  root.querySelector("[data-action=fit]").addEventListener("click", function () {
    network.unselectAll();
    network.fit();
    status.textContent = "";
  });
}"""
