"""Figures of the corpus' facts: areas of cooperation by article, and dates by year (the fact
sheet's own figures are SVG, from ``svg``).

Each function returns a matplotlib Figure (no pyplot state), so notebooks show it and scripts
can save it; an empty input gives a figure that says so.
"""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure


def themes_heatmap(themes: pd.DataFrame, article_ids: list[str], labels: dict[str, str]) -> Figure:
    """Areas of cooperation (rows) by article (columns), shaded by how often each is named."""
    table = themes.pivot_table(index="theme", columns="article_id", values="count", aggfunc="sum", fill_value=0)
    table = table.reindex(index=list(labels), columns=article_ids, fill_value=0)
    # 3.5 in for the area labels and the colour bar: with less, a corpus of a few articles left the
    # axes no room (matplotlib's "constrained_layout not applied" warning on the page)
    fig = Figure(figsize=(3.5 + 0.45 * max(len(article_ids), 1), 0.4 * len(labels) + 1.5), layout="constrained")
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
    # str(): pandas reads a column of bare years ("2014") as numbers
    published = pd.Series([str(p)[:4] for p in articles["published"].fillna("") if str(p)[:4].isdigit()], dtype=str)
    mentioned = pd.Series([str(v)[:4] for v in dates["value"].fillna("") if str(v)[:4].isdigit()], dtype=str)
    years = sorted(set(published) | set(mentioned))
    fig = Figure(figsize=(max(6, 0.5 * len(years) + 2), 3), layout="constrained")
    ax = fig.add_subplot()
    if not years:
        return _empty(fig, ax, "no year stated in any article")
    counts = (
        pd.DataFrame(
            {"articles published": published.value_counts(), "dates mentioned": mentioned.value_counts()}, index=years
        )
        .fillna(0)
        .astype(int)
    )
    positions = range(len(years))
    ax.bar([p - 0.2 for p in positions], counts["articles published"], width=0.4, label="articles published")
    ax.bar([p + 0.2 for p in positions], counts["dates mentioned"], width=0.4, label="dates mentioned")
    ax.set_xticks(list(positions), years, rotation=45)
    ax.legend(frameon=False)
    undated = len(articles) - len(published)
    if undated:
        fig.text(
            0.01,
            0.01,
            f"{undated} of {len(articles)} articles state no year of publication.",
            fontsize=8,
            color="#555555",
        )
    return fig


def _empty(fig: Figure, ax, message: str) -> Figure:
    ax.set_axis_off()
    ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes, color="#555555")
    return fig
