"""How networks are drawn, shared by the matplotlib figures (``graph``) and the fact sheet's SVG
(``report.svg``), so that a node or link looks the same in every figure of a report.

Standard library only: the fact sheet imports it without matplotlib or networkx.
"""

from __future__ import annotations

from ..vocabulary import ActorKind, LinkKind

# the seed of every layout and sampled metric: the same input always gives the same picture
LAYOUT_SEED = 42
KIND_COLOURS = {
    ActorKind.PERSON: "#1f77b4",
    ActorKind.ORGANIZATION: "#ff7f0e",
    ActorKind.COUNTRY: "#d62728",
    ActorKind.PLACE: "#2ca02c",
}
OTHER_COLOUR = "#bcbd22"
# how a link is drawn when it is the strongest kind it has: colour and dash pattern
EDGE_STYLES = {
    LinkKind.AFFILIATED: ("#8c564b", ":"),
    LinkKind.MET: ("#9467bd", "-"),
    LinkKind.SIGNED: ("#17becf", "--"),
    LinkKind.COOCCURRENCE: ("#aaaaaa", "-"),
}
# links are drawn weakest first, so the strong ones stay on top
DRAW_ORDER = (LinkKind.COOCCURRENCE, LinkKind.SIGNED, LinkKind.MET, LinkKind.AFFILIATED)


def crowding(nodes: int) -> float:
    """The factor node markers shrink by in a graph of ``nodes`` nodes: 1 up to 64, smaller beyond."""
    return min(1.0, 8 / nodes**0.5)


def kind_colour(kind: str) -> str:
    return KIND_COLOURS.get(kind, OTHER_COLOUR)
