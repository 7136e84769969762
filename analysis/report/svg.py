"""The fact sheet's figures as SVG text: an article's areas of cooperation, its dates on a line
and its actor network.

Drawn here rather than with matplotlib and networkx, because importing those two takes longer
than starting the sheet's whole kernel, and a sheet per article is rendered for every article
of a corpus. The network uses the colours and link styles of the corpus figures
(``network.network_figure``) and a seeded Fruchterman-Reingold layout, so the same record always
gives the same picture. Every text from an article is escaped.
"""

from __future__ import annotations

import math
import random
from html import escape

from ..facts.schema import ArticleNetwork, DateMention, Theme
from ..network.style import DRAW_ORDER, EDGE_STYLES, LAYOUT_SEED, crowding, kind_colour
from ..vocabulary import LINK_KINDS

FONT = "font-family:sans-serif"
BAR_COLOUR, MARK_COLOUR, PUBLISHED_COLOUR, NOTE_COLOUR = "#4c72b0", "#4c72b0", "#c44e52", "#555555"
DASHES = {"-": "", "--": ' stroke-dasharray="6 4"', ":": ' stroke-dasharray="2 3"'}


def _width(text: str, size: float) -> float:
    """Rough width of ``text`` in a sans-serif font of ``size`` px (no renderer to measure it)."""
    return 0.58 * size * len(text)


def _svg(width: float, height: float, body: list[str], label: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0f}" height="{height:.0f}" '
        f'viewBox="0 0 {width:.0f} {height:.0f}" role="img" aria-label="{escape(label)}" style="{FONT}">'
        + "".join(body)
        + "</svg>"
    )


def _note(width: float, height: float, message: str) -> str:
    return _svg(
        width,
        height,
        [
            f'<text x="{width / 2:.0f}" y="{height / 2:.0f}" text-anchor="middle" '
            f'fill="{NOTE_COLOUR}" font-size="14">{escape(message)}</text>'
        ],
        message,
    )


def themes_bars(themes: tuple[Theme, ...]) -> str:
    """How often an article names each area of cooperation: horizontal bars, most named first."""
    if not themes:
        return _note(600, 60, "no area of cooperation named")
    label_width = max(_width(t.label, 12) for t in themes) + 10
    bar_space, row = 360, 24
    most = max(t.count for t in themes)
    height = row * len(themes) + 40
    body = []
    for number, theme in enumerate(themes):
        y = 10 + number * row
        length = bar_space * theme.count / most
        body.append(
            f'<text x="{label_width - 6:.0f}" y="{y + 15}" text-anchor="end" font-size="12">'
            f"{escape(theme.label)}</text>"
            f'<rect x="{label_width:.0f}" y="{y + 3}" width="{length:.1f}" height="{row - 6}" '
            f'fill="{BAR_COLOUR}"/>'
            f'<text x="{label_width + length + 4:.1f}" y="{y + 15}" font-size="11">{theme.count}</text>'
        )
    body.append(
        f'<text x="{label_width:.0f}" y="{height - 8}" font-size="11" fill="{NOTE_COLOUR}">'
        "words and phrases naming the area</text>"
    )
    return _svg(label_width + bar_space + 40, height, body, "areas of cooperation")


def dates_line(dates: tuple[DateMention, ...], published: str | None = None) -> str:
    """The dates an article states, on a line by year, with the publication date marked; dates
    without a year are listed under it."""
    dated = sorted((d for d in dates if d.value[:4].isdigit()), key=lambda d: _year_fraction(d.value))
    undated = sorted({d.text for d in dates if not d.value[:4].isdigit()})
    published = published if (published or "")[:4].isdigit() else None
    note = f"Without a year: {', '.join(undated)}" if undated else ""
    if not dated and not published:
        message = "no dated event" if not undated else "no date with a year"
        return (
            _note(800, 60, message)
            if not note
            else _svg(
                800,
                80,
                [
                    f'<text x="400" y="30" text-anchor="middle" fill="{NOTE_COLOUR}" font-size="14">{message}</text>',
                    f'<text x="10" y="70" fill="{NOTE_COLOUR}" font-size="11">{escape(note)}</text>',
                ],
                message,
            )
        )
    points = [_year_fraction(d.value) for d in dated] + ([_year_fraction(published)] if published else [])
    first, last = math.floor(min(points)), math.floor(max(points)) + 1
    width, left, right = 800, 40, 40
    step = max(1, math.ceil((last - first) / 12))  # at most a dozen year ticks

    def x(year: float) -> float:
        return left + (year - first) / (last - first) * (width - left - right)

    # each date's label goes on the lowest row where it overlaps no label before it
    ends: list[float] = []  # right end of the last label on each row
    rows = []
    for date in dated:
        at, half = x(_year_fraction(date.value)), _width(date.value, 10) / 2 + 3
        row = next((n for n, end in enumerate(ends) if at - half >= end), len(ends))
        ends[row : row + 1] = [at + half]
        rows.append(row)
    axis = 50 + 14 * len(ends)
    body = [f'<line x1="{left}" y1="{axis}" x2="{width - right}" y2="{axis}" stroke="#333"/>']
    for year in range(first, last + 1, step):
        body.append(
            f'<line x1="{x(year):.1f}" y1="{axis}" x2="{x(year):.1f}" y2="{axis + 5}" stroke="#333"/>'
            f'<text x="{x(year):.1f}" y="{axis + 18}" text-anchor="middle" font-size="11">{year}</text>'
        )
    for date, row in zip(dated, rows):
        at = x(_year_fraction(date.value))
        body.append(
            f'<line x1="{at:.1f}" y1="{axis - 12}" x2="{at:.1f}" y2="{axis + 12}" stroke="{MARK_COLOUR}" '
            f'stroke-width="2"><title>{escape(date.text)}</title></line>'
            f'<text x="{at:.1f}" y="{axis - 28 - 14 * row}" text-anchor="middle" font-size="10">'
            f"{escape(date.value)}</text>"
        )
    if published:
        at = x(_year_fraction(published))
        body.append(
            f'<path d="M{at - 6:.1f},{axis - 22} L{at + 6:.1f},{axis - 22} L{at:.1f},{axis - 12} Z" '
            f'fill="{PUBLISHED_COLOUR}"><title>published {escape(published)}</title></path>'
        )
    body.append(
        f'<text x="{width - right}" y="{axis + 40}" text-anchor="end" font-size="11">'
        f'<tspan fill="{MARK_COLOUR}">| stated in the text</tspan>'
        + (f'  <tspan fill="{PUBLISHED_COLOUR}">▼ published</tspan>' if published else "")
        + "</text>"
    )
    height = axis + 50
    if note:
        body.append(f'<text x="10" y="{height + 10}" fill="{NOTE_COLOUR}" font-size="11">{escape(note)}</text>')
        height += 20
    return _svg(width, height, body, "dates stated in the article")


def _year_fraction(value: str) -> float:
    parts = value.split("-")
    year = int(parts[0])
    month = int(parts[1]) if len(parts) > 1 and parts[1] else 1
    day = int(parts[2]) if len(parts) > 2 and parts[2] else 1
    return year + (month - 1) / 12 + (day - 1) / 365


def layout(nodes: list[str], links: list[tuple[str, str, float]], iterations: int = 100) -> dict[str, tuple]:
    """Seeded Fruchterman-Reingold positions filling [0, 1] x [0, 1], nodes taken in sorted
    order; links pull with the square root of their weight, so that the many links of one
    meeting do not crush its participants into a knot."""
    order = sorted(nodes)
    if len(order) == 1:
        return {order[0]: (0.5, 0.5)}
    rng = random.Random(LAYOUT_SEED)
    pos = [[rng.random(), rng.random()] for _ in order]
    index = {node: i for i, node in enumerate(order)}
    pulls = [(index[u], index[v], w**0.5) for u, v, w in links]
    k = 2.5 / len(order) ** 0.5
    heat = 0.1
    for _ in range(iterations):
        moves = [[0.0, 0.0] for _ in order]
        for i, (xi, yi) in enumerate(pos):
            for j in range(i + 1, len(pos)):
                dx, dy = xi - pos[j][0], yi - pos[j][1]
                force = k * k / max(dx * dx + dy * dy, 1e-6)
                moves[i][0] += dx * force
                moves[i][1] += dy * force
                moves[j][0] -= dx * force
                moves[j][1] -= dy * force
        for i, j, weight in pulls:
            dx, dy = pos[i][0] - pos[j][0], pos[i][1] - pos[j][1]
            force = weight * math.hypot(dx, dy) / k
            moves[i][0] -= dx * force
            moves[i][1] -= dy * force
            moves[j][0] += dx * force
            moves[j][1] += dy * force
        for point, (mx, my) in zip(pos, moves):
            length = max(math.hypot(mx, my), 1e-9)
            point[0] += mx * heat / length
            point[1] += my * heat / length
        heat -= 0.1 / (iterations + 1)
    xs, ys = [p[0] for p in pos], [p[1] for p in pos]
    width, height = max(max(xs) - min(xs), 1e-9), max(max(ys) - min(ys), 1e-9)
    return {node: ((x - min(xs)) / width, (y - min(ys)) / height) for node, (x, y) in zip(order, pos)}


def network_svg(record: ArticleNetwork, title: str, caption: str = "", labels: int = 30) -> str:
    """An article's network (the ``network`` of its fact record): colour by kind, size by
    mentions, width by weight, each link styled by the strongest kind it has, labels on the
    ``labels`` most linked nodes (an article's network is small enough to name most) where they
    overlap no label already placed; hover a node or link for its details."""
    width, height, margin = 900.0, 680.0, 70.0
    top = 40.0
    nodes = {n.actor_id: n for n in record.nodes}
    head = [f'<text x="{width / 2:.0f}" y="24" text-anchor="middle" font-size="16">{escape(title)}</text>']
    if caption:
        head.append(f'<text x="8" y="{height - 8:.0f}" font-size="11" fill="{NOTE_COLOUR}">{escape(caption)}</text>')
    if not nodes:
        return _svg(
            width,
            height,
            head
            + [
                f'<text x="{width / 2:.0f}" y="{height / 2:.0f}" text-anchor="middle" '
                'font-size="14">no actors to draw</text>'
            ],
            title,
        )
    links = record.links
    unit = layout(list(nodes), [(link.source, link.target, link.weight) for link in links])
    pos = {
        n: (margin + x * (width - 2 * margin), top + margin / 2 + y * (height - top - 1.5 * margin))
        for n, (x, y) in unit.items()
    }
    body = list(head)
    for kind in DRAW_ORDER:
        colour, style = EDGE_STYLES[kind]
        for link in (link for link in links if link.type == kind):
            (x1, y1), (x2, y2) = pos[link.source], pos[link.target]
            detail = ", ".join(f"{t} {getattr(link, t)}" for t in LINK_KINDS if getattr(link, t))
            body.append(
                f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="{colour}" '
                f'stroke-opacity="0.7" stroke-width="{0.6 + 1.2 * link.weight**0.5:.2f}"{DASHES[style]}>'
                f"<title>{escape(nodes[link.source].name)} – {escape(nodes[link.target].name)}: "
                f"{detail}</title></line>"
            )
    most = max(n.mentions for n in nodes.values())
    crowd = crowding(len(nodes))
    radius = {n: (3 + 14 * (data.mentions / most) ** 0.5) * crowd + 1 for n, data in nodes.items()}
    for node in sorted(nodes):
        data = nodes[node]
        body.append(
            f'<circle cx="{pos[node][0]:.1f}" cy="{pos[node][1]:.1f}" r="{radius[node]:.1f}" '
            f'fill="{kind_colour(data.kind)}" fill-opacity="0.9">'
            f"<title>{escape(data.name)} ({data.kind}, {data.mentions} mentions)</title></circle>"
        )
    body.extend(_labels(nodes, links, pos, radius, labels, width))
    body.extend(
        _legend(
            sorted({n.kind for n in nodes.values()}),
            sorted({link.type for link in links}, key=LINK_KINDS.index),
            width,
        )
    )
    return _svg(width, height, body, title)


def _labels(nodes: dict, links: list[dict], pos: dict, radius: dict, count: int, width: float) -> list[str]:
    """Labels of the most linked nodes (weighted degree, then mentions), above, below, right or
    left of the node, wherever they stay inside the figure and overlap no label placed before;
    else left out."""
    degree = dict.fromkeys(nodes, 0)
    for link in links:
        degree[link.source] += link.weight
        degree[link.target] += link.weight
    ranked = sorted(nodes, key=lambda n: (-degree[n], -nodes[n].mentions, n))
    placed, parts = [], []
    for node in ranked:
        if len(placed) >= count:
            break
        name, (x, y), r = nodes[node].name, pos[node], radius[node]
        w, h = _width(name, 11) + 4, 14
        for left, top in (
            (x - w / 2, y - r - h - 1),
            (x - w / 2, y + r + 1),
            (x + r + 2, y - h / 2),
            (x - r - 2 - w, y - h / 2),
        ):
            box = (left, top, left + w, top + h)
            if (
                box[0] >= 0
                and box[2] <= width
                and not any(box[0] < o[2] and o[0] < box[2] and box[1] < o[3] and o[1] < box[3] for o in placed)
            ):
                placed.append(box)
                parts.append(
                    f'<rect x="{left:.1f}" y="{top:.1f}" width="{w:.1f}" height="{h}" rx="3" fill="white" '
                    f'fill-opacity="0.7"/><text x="{left + 2:.1f}" y="{top + h - 3:.1f}" font-size="11">'
                    f"{escape(name)}</text>"
                )
                break
    return parts


def _legend(kinds: list[str], types: list[str], width: float) -> list[str]:
    parts, y = [], 50
    for kind in kinds:
        parts.append(
            f'<circle cx="{width - 130}" cy="{y - 4}" r="5" fill="{kind_colour(kind)}"/>'
            f'<text x="{width - 118}" y="{y}" font-size="11">{kind}</text>'
        )
        y += 16
    for kind in types:
        colour, style = EDGE_STYLES[kind]
        parts.append(
            f'<line x1="{width - 140}" y1="{y - 4}" x2="{width - 122}" y2="{y - 4}" stroke="{colour}" '
            f'stroke-width="2"{DASHES[style]}/><text x="{width - 118}" y="{y}" font-size="11">{kind}</text>'
        )
        y += 16
    return parts
