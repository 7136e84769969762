# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.6
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Corpus overview
#
# The articles of the corpus, their length, the actors they mention most often, the facts they
# report, the areas of cooperation they cover and the years they speak of.
# Reads the stored tables under `output/data/`; if there are none yet, extracts the corpus first.

# %% tags=["parameters"]
corpus_dir = ""  # folder of articles; empty: the project's seeds/
out_dir = ""  # output folder; empty: the project's output/
top_n = 20  # how many actors to list

# %%
# %matplotlib inline
# %config InlineBackend.print_figure_kwargs = {"bbox_inches": "tight", "dpi": 130}
import pandas as pd
from IPython.display import HTML, display

import analysis
from analysis.facts.themes import theme_labels
from analysis.params import check_int, check_text, project_dirs
from analysis.report.charts import article_lengths, corpus_timeline, themes_heatmap
from analysis.report.figures import save_report_figure
from analysis.report.tables import frame_html
from analysis.storage.outlets import actors_by_outlet, dated, outlet_summary, themes_by_outlet

top_n = check_int("top_n", top_n, minimum=1)
corpus, out = project_dirs(check_text("corpus_dir", corpus_dir), check_text("out_dir", out_dir))
results = analysis.open_results(out, corpus)
print(f"Corpus: {corpus} — {len(results.articles)} articles; results in {out}")


def show(figure, name: str, title: str, shows: str):
    """Show a figure on the page and save it for reports under figures/ (PNG, SVG, caption)."""
    save_report_figure(figure, out, name, title, shows, corpus.name, results.articles, {})
    return figure


# %% [markdown]
# ## Articles
#
# `published` is an ISO date as the text gives it: `--07-10` is 10 July with no year stated;
# `published_source` says where it came from (a date line, an agency dateline, JSON or HTML
# metadata, or the user's `metadata.csv`). `outlet` is the outlet that published the article
# (`metadata.csv` or a JSON `source`); `source` lists the outlets the text cites.
# `title_source` says whether the title is the article's own title line, a headline from the
# page or JSON metadata, `metadata.csv`, or, when the article has no title, its lead sentence.
# `chars_removed` counts page furniture (credits, counters, prompts, menus); `chars_digest`
# counts digests of other news appended to the story.

# %%
columns = [
    "article_id",
    "title",
    "title_source",
    "published",
    "published_source",
    "outlet",
    "dateline",
    "source",
    "chars",
    "chars_analysed",
    "chars_removed",
    "chars_digest",
    "mentions",
    "persons",
    "warnings",
]
HTML(frame_html(results.articles[columns], "No articles."))

# %%
with_date, with_year = dated(results.articles)
HTML(
    f"<p>{with_date} of {len(results.articles)} articles have a date of publication ({with_year} with "
    "the year). To give an article its date, outlet or title, list it in a <code>metadata.csv</code> "
    "beside the articles (columns <code>id</code> or <code>file</code>, and <code>date</code>, "
    "<code>outlet</code>, <code>title</code>, <code>url</code>), or pass <code>--metadata FILE</code> "
    "to <code>python -m analysis run</code>; see the README, “Across the corpus”.</p>"
)

# %% [markdown]
# ## Length of each article (characters)
#
# Story, digest of other news and page furniture, stacked.

# %%
show(
    article_lengths(results.articles),
    "article_lengths",
    "Length of each article",
    "characters of each article's story, digest of other news and page furniture, stacked",
)

# %% [markdown]
# ## Most-mentioned actors
#
# News outlets are left out: they are the articles' sources (column `source` above).

# %%
actors = results.actors[results.actors["kind"] != "media"]  # outlets are sources, not actors
ranked = actors.sort_values(["mentions", "articles", "actor_id"], ascending=[False, False, True])
HTML(frame_html(ranked.head(top_n), "No actors."))

# %% [markdown]
# ## Facts per article
#
# Meetings, agreements and quotes each article reports (fact sheets list them one by one;
# `output/data/meetings.csv`, `agreements.csv` and `quotes.csv` hold them for the whole corpus).

# %%
kinds = ("meetings", "agreements", "quotes", "dates", "amounts")
counts = {kind: results.table(kind)["article_id"].value_counts() for kind in kinds}
facts = [{"article_id": a, **{kind: int(counts[kind].get(a, 0)) for kind in kinds}} for a in results.ids]
facts.append({"article_id": "total", **{kind: sum(row[kind] for row in facts) for kind in kinds}})
HTML(frame_html(pd.DataFrame(facts), "No articles."))

# %% [markdown]
# ## Areas of cooperation by article
#
# How often each article names each area (from the lexicon `analysis/data/themes.csv`).

# %%
show(
    themes_heatmap(results.table("themes"), results.articles, theme_labels()),
    "themes_by_article",
    "Areas of cooperation by article",
    "how often each article names each area of cooperation (lexicon analysis/data/themes.csv)",
)

# %% [markdown]
# ## Timeline: publication and dates mentioned
#
# Years in which articles were published (as far as they state it) and years of the dates
# they mention.

# %%
show(
    corpus_timeline(results.articles, results.table("dates")),
    "timeline",
    "Publication and dates mentioned by year",
    "articles by year of publication (where stated) and the dates they mention, by year",
)

# %% [markdown]
# ## Outlets compared
#
# When the articles come from more than one outlet (column `outlet` above): each outlet's
# articles and facts, then the share of its articles that name each area of cooperation and
# each of the actors named in most articles, so that outlets of different size compare.

# %%
summary = outlet_summary(results.articles, {kind: results.table(kind) for kind in ("meetings", "agreements", "quotes")})
compared = len(summary) > 1
HTML(
    frame_html(summary, "")
    if compared
    else "<p>The articles have one outlet, or none is known: give each its outlet in "
    "<code>metadata.csv</code> (column <code>outlet</code>) to compare outlets.</p>"
)

# %%
if compared:
    display(HTML("<h3>Areas of cooperation by outlet</h3>"))
    display(HTML(frame_html(themes_by_outlet(results.articles, results.table("themes")), "No area is named.")))
    display(HTML("<h3>Actors by outlet</h3>"))
    display(HTML(frame_html(actors_by_outlet(results.articles, results.mentions, results.actors, top_n), "No actors.")))

# %% [markdown]
# ## Lines left out of the analysis, by reason

# %%
removed = results.removed
reasons = (
    removed.groupby("reason")
    .agg(lines=("text", "size"), articles=("article_id", "nunique"), example=("text", "first"))
    .sort_values("lines", ascending=False)
    .reset_index()
)
reasons["example"] = reasons["example"].str.slice(0, 80)
HTML(frame_html(reasons, "No line was left out."))

# %% [markdown]
# ## Files skipped

# %%
HTML(frame_html(results.skipped, "No file was skipped."))
