"""Figures of the corpus: the length of each article, areas of cooperation by article, and
dates by year (the fact sheet's own figures are SVG, from ``svg``).

Each function returns a matplotlib Figure (no pyplot state), so notebooks show it and scripts
can save it; an empty input gives a figure that says so. Figures are sized from their data
(rows, columns, label lengths), so that labels and numbers never overlap at any corpus size;
legends sit outside the data. A chart of articles shows at most ``MAX_ROWS`` of them and says
so: the tables and CSV files hold every one.
"""

from __future__ import annotations

from textwrap import shorten, wrap

import pandas as pd
from matplotlib.figure import Figure

MAX_ROWS = 60  # articles drawn in one chart at most: more do not fit a printed page
ROW = 0.22  # inches per article row: 7 pt labels with room between them
CHAR = 0.055  # inches per character of a 7 pt label, a little over the average width
LABEL_CHARS = 48  # article labels are shortened to this


def article_labels(articles: pd.DataFrame) -> dict[str, str]:
    """A label for each article of the articles table: its id and the start of its title, as
    much as fits in ``LABEL_CHARS`` (the id alone when it is that long: ids tell articles apart)."""
    labels = {}
    for row in articles.itertuples():
        article = str(row.article_id)
        room = LABEL_CHARS - len(article) - 3
        title = str(row.title) if isinstance(row.title, str) else ""
        labels[article] = f"{article} · {shorten(title, room, placeholder='…')}" if title and room >= 10 else article
    return labels


def article_lengths(articles: pd.DataFrame) -> Figure:
    """Characters of each article: story, digest of other news and page furniture, stacked."""
    parts = {"story": "chars_analysed", "digest of other news": "chars_digest", "page furniture": "chars_removed"}
    table = articles.assign(total=articles[list(parts.values())].sum(axis=1))
    shown = table.sort_values(["total", "article_id"], ascending=[False, True]).head(MAX_ROWS)
    shown = shown.sort_values("article_id", ascending=False)  # the first article at the top
    labels = article_labels(articles)
    names = [labels[str(a)] for a in shown["article_id"]]
    fig = Figure(figsize=(_label_width(names) + 5, ROW * len(shown) + 1.4), layout="constrained")
    ax = fig.add_subplot()
    if shown.empty:
        return _empty(fig, ax, "no articles")
    left = pd.Series(0, index=shown.index)
    for (label, column), colour in zip(parts.items(), ("#1f77b4", "#ff7f0e", "#bbbbbb"), strict=True):
        ax.barh(names, shown[column], left=left, color=colour, label=label, height=0.7)
        left = left + shown[column]
    ax.tick_params(axis="y", labelsize=7)
    ax.tick_params(axis="x", labelsize=7)
    ax.set_xlabel("characters", fontsize=8)
    ax.set_ylim(-0.6, len(shown) - 0.4)
    ax.spines[["top", "right"]].set_visible(False)
    fig.legend(loc="outside upper center", ncols=3, frameon=False, fontsize=7)
    if len(articles) > MAX_ROWS:
        ax.set_title(f"the {MAX_ROWS} longest of {len(articles)} articles", fontsize=8)
    return fig


def themes_heatmap(themes: pd.DataFrame, articles: pd.DataFrame, labels: dict[str, str]) -> Figure:
    """Areas of cooperation (columns) by article (rows), shaded by how often each is named, with
    the count in each cell that has one."""
    table = themes.pivot_table(index="article_id", columns="theme", values="count", aggfunc="sum", fill_value=0)
    ids = [str(a) for a in articles["article_id"]]
    table = table.reindex(index=ids, columns=list(labels), fill_value=0).astype(int)
    total = len(table)
    if total > MAX_ROWS:
        table = table.loc[sorted(table.index, key=lambda a: (-int(table.loc[a].sum()), a))[:MAX_ROWS]].sort_index()
    names = [article_labels(articles)[a] for a in table.index]
    heads = ["\n".join(wrap(labels[t], 18)) for t in table.columns]
    header = max(len(line) for head in heads for line in head.split("\n")) * CHAR + 0.3
    fig = Figure(
        figsize=(_label_width(names) + 0.42 * len(heads) + 1.4, ROW * len(names) + header + 0.8), layout="constrained"
    )
    ax = fig.add_subplot()
    if not names:
        return _empty(fig, ax, "no articles")
    values = table.to_numpy()
    most = max(int(values.max()), 1)
    image = ax.imshow(values, cmap="Blues", aspect="auto", vmin=0, vmax=most)
    ax.set_yticks(range(len(names)), names, fontsize=7)
    ax.set_xticks(range(len(heads)), heads, fontsize=7, rotation=90)
    ax.xaxis.tick_top()
    ax.tick_params(length=0)
    for row, column in zip(*values.nonzero(), strict=True):
        value = int(values[row, column])
        ax.text(
            column,
            row,
            str(value),
            ha="center",
            va="center",
            fontsize=6.5,
            color="white" if value > most / 2 else "black",
        )
    fig.colorbar(image, ax=ax, shrink=min(1.0, 3 / (ROW * len(names) + 0.1)), label="mentions", aspect=15)
    if total > MAX_ROWS:
        ax.set_xlabel(f"the {MAX_ROWS} of {total} articles that name these areas most often", fontsize=8)
    return fig


def corpus_timeline(articles: pd.DataFrame, dates: pd.DataFrame) -> Figure:
    """Articles by year of publication and dates mentioned by year, side by side, on a year axis
    (years with neither are gaps; the axis labels as many years as fit)."""
    # str(): pandas reads a column of bare years ("2014") as numbers
    published = [int(str(p)[:4]) for p in articles["published"] if pd.notna(p) and str(p)[:4].isdigit()]
    mentioned = [int(str(v)[:4]) for v in dates["value"] if pd.notna(v) and str(v)[:4].isdigit()]
    years = sorted(set(published) | set(mentioned))
    span = years[-1] - years[0] + 1 if years else 0
    fig = Figure(figsize=(min(8.0, max(5.0, 1.5 + 0.3 * span)), 3.2), layout="constrained")
    ax = fig.add_subplot()
    if not years:
        return _empty(fig, ax, "no year stated in any article")
    for offset, label, found in ((-0.2, "articles published", published), (0.2, "dates mentioned", mentioned)):
        ax.bar([y + offset for y in years], [found.count(y) for y in years], width=0.4, label=label)
    ax.set_xlim(years[0] - 1, years[-1] + 1)
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.tick_params(labelsize=7)
    ax.spines[["top", "right"]].set_visible(False)
    fig.legend(loc="outside upper center", ncols=2, frameon=False, fontsize=7)
    undated = len(articles) - len(published)
    if undated:
        ax.set_xlabel(f"{undated} of {len(articles)} articles state no year of publication.", fontsize=7)
    return fig


def _label_width(labels: list[str]) -> float:
    """Inches taken by the longest of ``labels`` at 7 pt."""
    return max((len(label) for label in labels), default=0) * CHAR + 0.2


def _empty(fig: Figure, ax, message: str) -> Figure:
    ax.set_axis_off()
    ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes, color="#555555")
    return fig
