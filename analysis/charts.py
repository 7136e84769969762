"""Figures of facts: an article's themes, its dates on a line, and the corpus' themes and dates.

Each function returns a matplotlib Figure (no pyplot state), so notebooks show it and scripts
can save it; an empty input gives a figure that says so.
"""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure


def themes_chart(themes: list[dict]) -> Figure:
    """How often an article names each area of cooperation (horizontal bars)."""
    fig = Figure(figsize=(7, 0.35 * max(len(themes), 1) + 1.2), layout="constrained")
    ax = fig.add_subplot()
    if not themes:
        return _empty(fig, ax, "no area of cooperation named")
    ordered = list(reversed(themes))
    ax.barh([t["label"] for t in ordered], [t["count"] for t in ordered], color="#4c72b0")
    ax.set_xlabel("words and phrases naming the area")
    return fig


def dates_timeline(dates: list[dict], published: str | None = None) -> Figure:
    """The dates an article states, by year (dates without a year are listed in the caption)."""
    fig = Figure(figsize=(8, 2.2), layout="constrained")
    ax = fig.add_subplot()
    dated = [d for d in dates if d["value"][:4].isdigit()]
    undated = sorted({d["text"] for d in dates if not d["value"][:4].isdigit()})
    if undated:
        fig.text(0.01, 0.01, "Without a year: " + ", ".join(undated), fontsize=8, color="#555555")
    if not dated and not (published or "")[:4].isdigit():
        return _empty(fig, ax, "no dated event" if not undated else "no date with a year")
    years = [_year_fraction(d["value"]) for d in dated]
    ax.scatter(years, [0] * len(years), marker="|", s=400, color="#4c72b0", label="stated in the text")
    for year, date in zip(years, dated):
        ax.annotate(date["value"], (year, 0), xytext=(0, 12), textcoords="offset points", rotation=45, fontsize=8)
    if (published or "")[:4].isdigit():
        ax.scatter([_year_fraction(published)], [0], marker="v", s=80, color="#c44e52", label="published")
    ax.set_yticks([])
    ax.legend(loc="lower right", fontsize=8, frameon=False)
    ax.margins(x=0.15)
    return fig


def themes_heatmap(themes: pd.DataFrame, article_ids: list[str], labels: dict[str, str]) -> Figure:
    """Areas of cooperation (rows) by article (columns), shaded by how often each is named."""
    table = themes.pivot_table(index="theme", columns="article_id", values="count", aggfunc="sum", fill_value=0)
    table = table.reindex(index=list(labels), columns=article_ids, fill_value=0)
    fig = Figure(figsize=(1.2 + 0.45 * max(len(article_ids), 1), 0.4 * len(labels) + 1.5), layout="constrained")
    ax = fig.add_subplot()
    image = ax.imshow(table.to_numpy(), cmap="Blues", aspect="auto")
    ax.set_yticks(range(len(labels)), [labels[t] for t in table.index], fontsize=8)
    ax.set_xticks(range(len(article_ids)), [a[:14] for a in article_ids], rotation=60, ha="right", fontsize=7)
    for (row, column), value in pd.DataFrame(table.to_numpy()).stack().items():
        if value:
            ax.text(column, row, str(value), ha="center", va="center", fontsize=7)
    fig.colorbar(image, ax=ax, shrink=0.6, label="mentions")
    return fig


def corpus_timeline(articles: pd.DataFrame, dates: pd.DataFrame) -> Figure:
    """Articles by year of publication and dates mentioned by year, side by side."""
    published = pd.Series([p[:4] for p in articles["published"].fillna("") if str(p)[:4].isdigit()], dtype=str)
    mentioned = pd.Series([v[:4] for v in dates["value"].fillna("") if str(v)[:4].isdigit()], dtype=str)
    years = sorted(set(published) | set(mentioned))
    fig = Figure(figsize=(max(6, 0.5 * len(years) + 2), 3), layout="constrained")
    ax = fig.add_subplot()
    if not years:
        return _empty(fig, ax, "no year stated in any article")
    counts = pd.DataFrame({"articles published": published.value_counts(), "dates mentioned": mentioned.value_counts()},
                          index=years).fillna(0).astype(int)
    positions = range(len(years))
    ax.bar([p - 0.2 for p in positions], counts["articles published"], width=0.4, label="articles published")
    ax.bar([p + 0.2 for p in positions], counts["dates mentioned"], width=0.4, label="dates mentioned")
    ax.set_xticks(list(positions), years, rotation=45)
    ax.legend(frameon=False)
    undated = len(articles) - len(published)
    if undated:
        fig.text(0.01, 0.01, f"{undated} of {len(articles)} articles state no year of publication.", fontsize=8,
                 color="#555555")
    return fig


def _year_fraction(value: str) -> float:
    parts = value.split("-")
    year = int(parts[0])
    month = int(parts[1]) if len(parts) > 1 and parts[1] else 1
    day = int(parts[2]) if len(parts) > 2 and parts[2] else 1
    return year + (month - 1) / 12 + (day - 1) / 365


def _empty(fig: Figure, ax, message: str) -> Figure:
    ax.set_axis_off()
    ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes, color="#555555")
    return fig
