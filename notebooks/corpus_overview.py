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
import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import display

import analysis
from analysis.facts.themes import theme_labels
from analysis.params import check_int, check_text, project_dirs
from analysis.report.charts import corpus_timeline, themes_heatmap

top_n = check_int("top_n", top_n, minimum=1)
corpus, out = project_dirs(check_text("corpus_dir", corpus_dir), check_text("out_dir", out_dir))
results = analysis.open_results(out, corpus)
pd.set_option("display.max_colwidth", None)  # titles in full
print(f"Corpus: {corpus} — {len(results.articles)} articles; results in {out}")

# %% [markdown]
# ## Articles
#
# `published` is an ISO date as the text gives it: `--07-10` is 10 July with no year stated.
# `title_source` says whether the title is the article's own title line, a headline from the
# page or JSON metadata, or, when the article has no title, its lead sentence.
# `chars_removed` counts page furniture (credits, counters, prompts, menus); `chars_digest`
# counts digests of other news appended to the story.

# %%
results.articles[
    [
        "article_id",
        "title",
        "title_source",
        "published",
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
].astype(object).fillna("")  # object: a column without dates is float, which takes no ""

# %% [markdown]
# ## Length of each article (characters)

# %%
ax = results.articles.sort_values("article_id", ascending=False).plot.barh(
    x="article_id",
    y=["chars_analysed", "chars_digest", "chars_removed"],
    stacked=True,
    figsize=(8, 0.4 * len(results.articles) + 1.5),
)
ax.set_xlabel("characters: story, digest of other news, page furniture")
ax.set_ylabel("")
plt.show()

# %% [markdown]
# ## Most-mentioned actors
#
# News outlets are left out: they are the articles' sources (column `source` above).

# %%
actors = results.actors[results.actors["kind"] != "media"]  # outlets are sources, not actors
ranked = actors.sort_values(["mentions", "articles", "actor_id"], ascending=[False, False, True])
ranked.head(top_n).reset_index(drop=True)

# %% [markdown]
# ## Facts per article
#
# Meetings, agreements and quotes each article reports (fact sheets list them one by one;
# `output/data/meetings.csv`, `agreements.csv` and `quotes.csv` hold them for the whole corpus).

# %%
facts = (
    pd.DataFrame(
        {
            kind: results.table(kind).groupby("article_id").size()
            for kind in ("meetings", "agreements", "quotes", "dates", "amounts")
        },
        index=results.ids,
    )
    .fillna(0)
    .astype(int)
)
facts.loc["total"] = facts.sum()
facts

# %% [markdown]
# ## Areas of cooperation by article
#
# How often each article names each area (from the lexicon `analysis/data/themes.csv`).

# %%
themes_heatmap(results.table("themes"), results.ids, theme_labels())

# %% [markdown]
# ## Timeline: publication and dates mentioned
#
# Years in which articles were published (as far as they state it) and years of the dates
# they mention.

# %%
corpus_timeline(results.articles, results.table("dates"))

# %% [markdown]
# ## Lines left out of the analysis, by reason

# %%
removed = results.removed
removed.groupby("reason").agg(
    lines=("text", "size"), articles=("article_id", "nunique"), example=("text", "first")
).sort_values("lines", ascending=False).assign(example=lambda table: table["example"].str.slice(0, 80))

# %% [markdown]
# ## Files skipped

# %%
if len(results.skipped):
    display(results.skipped)
else:
    print("No file was skipped.")
