"""Figures of the timeline page: events over time, and who met whom as a matrix.

Each function returns a matplotlib Figure sized from its data; an empty input gives a figure
that says so.
"""

from __future__ import annotations

from collections import Counter

from matplotlib.figure import Figure

from .charts import CHAR, _empty

KIND_ROWS = ("meeting", "talks", "visit", "session", "call", "agreement")
_MARKERS = {"held": "o", "planned": "^", "": "s"}


def year_of(date: str) -> float | None:
    """An ISO date, possibly partial, as a fractional year (``2014-07`` -> 2014.5); None without a year."""
    if not date[:4].isdigit():
        return None
    month = int(date[5:7]) if len(date) >= 7 else 1
    day = int(date[8:10]) if len(date) >= 10 else 1
    return int(date[:4]) + (month - 1) / 12 + (day - 1) / 365


def timeline_figure(events: list[dict]) -> Figure:
    """The events (rows of ``corpus_facts.events``) on a time axis, one row per kind: filled
    where the text dates the event, hollow where the article's publication date stands in; circles
    held meetings, triangles planned ones, squares documents."""
    placed = [(year_of(e["date"]), e) for e in events]
    dated = [(x, e) for x, e in placed if x is not None]
    fig = Figure(figsize=(8, 0.45 * len(KIND_ROWS) + 1.6), layout="constrained")
    ax = fig.add_subplot()
    if not dated:
        return _empty(fig, ax, "no event with a year")
    for x, e in dated:
        kind = e["type"] if e["kind"] == "meeting" else "agreement"
        status = e["status"] if e["kind"] == "meeting" else ""
        own = e["date_from"] == "fact"
        ax.plot(
            x,
            KIND_ROWS.index(kind),
            _MARKERS[status],
            markersize=7,
            markerfacecolor="#1f77b4" if own else "white",
            markeredgecolor="#1f77b4",
            alpha=0.8,
        )
    ax.set_yticks(range(len(KIND_ROWS)), KIND_ROWS, fontsize=8)
    ax.set_ylim(-0.6, len(KIND_ROWS) - 0.4)
    low, high = min(x for x, _ in dated), max(x for x, _ in dated)
    ax.set_xlim(int(low) - 0.5, int(high) + 1.5)
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.tick_params(axis="x", labelsize=7)
    ax.spines[["top", "right"]].set_visible(False)
    for marker, label in (("o", "held"), ("^", "planned"), ("s", "document")):
        ax.plot([], [], marker, color="#1f77b4", label=label)
    ax.plot([], [], "o", markerfacecolor="white", markeredgecolor="#1f77b4", label="publication date stands in")
    fig.legend(loc="outside upper center", ncols=4, frameon=False, fontsize=7)
    undated = len(placed) - len(dated)
    if undated:
        ax.set_xlabel(f"{undated} of {len(placed)} events have no year (neither stated nor published).", fontsize=7)
    return fig


def matrix_figure(pairs: Counter, names: dict[str, str], limit: int) -> Figure:
    """Who met whom: the ``limit`` sides that met most, both ways, shaded and counted by the
    held meetings of ``pairs`` (``met_pairs``); ``names`` labels each side."""
    totals: Counter = Counter()
    for (a, b), count in pairs.items():
        totals[a] += count
        totals[b] += count
    sides = sorted(sorted(totals, key=lambda s: (-totals[s], s))[:limit], key=lambda s: names.get(s, s))
    labels = [names.get(s, s) for s in sides]
    width = max((len(label) for label in labels), default=0) * CHAR + 0.3
    size = 0.3 * len(sides)
    fig = Figure(figsize=(width + size + 1.5, width + size + 0.5), layout="constrained")
    ax = fig.add_subplot()
    if not sides:
        return _empty(fig, ax, "no held meeting between two sides")
    values = [[pairs.get(tuple(sorted((a, b))), 0) if a != b else 0 for b in sides] for a in sides]
    most = max(max(row) for row in values) or 1
    ax.imshow(values, cmap="Blues", vmin=0, vmax=most)
    ax.set_xticks(range(len(sides)), labels, fontsize=7, rotation=90)
    ax.set_yticks(range(len(sides)), labels, fontsize=7)
    ax.xaxis.tick_top()
    ax.tick_params(length=0)
    for i, row in enumerate(values):
        for j, value in enumerate(row):
            if value:
                colour = "white" if value > most / 2 else "black"
                ax.text(j, i, str(value), ha="center", va="center", fontsize=6.5, color=colour)
    return fig
