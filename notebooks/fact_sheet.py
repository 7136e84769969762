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
# # Fact sheet
#
# One article: who is named in it and in what role, who met whom, what was signed or planned,
# who said what, which dates, sums and areas of cooperation it names, and its own actor network.
# Every fact links to the sentence it came from in the article's text, shown at the end with every
# mention marked (`output/data/texts/<article_id>.txt`; the offsets are in the facts JSON).

# %% tags=["parameters"]
article_id = ""  # an id from output/data/articles.csv; empty: the first article
corpus_dir = ""  # folder of articles; empty: the project's seeds/
out_dir = ""  # output folder; empty: the project's output/

# %%
# The sheet reads only its article's fact record and text, and draws its figures as SVG without
# matplotlib, networkx or pandas: it is rendered for every article, and those imports alone would
# take longer than the rest of the sheet.
from IPython.display import HTML

from analysis.params import check_text, project_dirs
from analysis.report.render import fact_header, highlighted_text
from analysis.report.svg import dates_line, network_svg, themes_bars
from analysis.report.tables import (
    agreement_rows,
    amount_rows,
    date_rows,
    digest_rows,
    entity_rows,
    html_table,
    meeting_rows,
    quote_rows,
)
from analysis.storage.store import has_results, open_article, removed_lines

corpus, out = project_dirs(check_text("corpus_dir", corpus_dir), check_text("out_dir", out_dir))
if not has_results(out):  # a first run in JupyterLab: extract the corpus once, saying so
    from analysis.batch.extract import ensure_results

    ensure_results(out, corpus)
facts, text = open_article(out, check_text("article_id", article_id))
article_id = facts.article_id
HTML(fact_header(facts))

# %% [markdown]
# ## People, with the roles the article gives them

# %%
HTML(html_table(entity_rows(facts.persons, text), "No person is named in this article."))

# %% [markdown]
# ## Organisations

# %%
HTML(html_table(entity_rows(facts.organizations, text), "No organisation is named in this article."))

# %% [markdown]
# ## Countries and regions

# %%
HTML(html_table(entity_rows(facts.countries, text), "No country or region is named in this article."))

# %% [markdown]
# ## Places

# %%
HTML(html_table(entity_rows(facts.places, text), "No city or other place is named in this article."))

# %% [markdown]
# ## Meetings, talks and visits

# %%
HTML(html_table(meeting_rows(facts, text), "No meeting is reported in this article."))

# %% [markdown]
# ## Agreements and other documents
#
# `status` comes from the words around the document: signed, in force, superseded, drafted,
# planned or discussed; blank when the article does not say.

# %%
HTML(html_table(agreement_rows(facts, text), "No agreement, treaty, plan or contract is named in this article."))

# %% [markdown]
# ## Quotes
#
# `speaker` is blank when the words that attribute a quote name no one the article identifies.

# %%
HTML(html_table(quote_rows(facts, text), "No direct quote in this article."))

# %% [markdown]
# ## Dates

# %%
HTML(
    html_table(date_rows(facts, text), "No date is stated in this article.") + dates_line(facts.dates, facts.published)
)

# %% [markdown]
# ## Sums of money and percentages

# %%
HTML(html_table(amount_rows(facts, text), "No sum of money or percentage in this article."))

# %% [markdown]
# ## Areas of cooperation

# %%
HTML(themes_bars(facts.themes))

# %% [markdown]
# ## Actor network of this article
#
# Links: named in the same sentence, met, signed, affiliated. Hover a node or link for details;
# the corpus-wide network, with its files for Gephi and Cytoscape, is `output/network/`.

# %%
HTML(
    network_svg(
        facts.network,
        title=f"Actors of {facts.title or article_id}"[:90],
        caption=f"Article {article_id}. Links: named in the same sentence, met, signed, affiliated.",
    )
)

# %% [markdown]
# ## Named in the digest of other news appended to the article
#
# A run of items on other subjects appended to the story ("Напомним, …", "Другие новости" …,
# judged by their words, not the first one) is other news; who they name is listed here, apart
# from the story.

# %%
HTML(html_table(digest_rows(facts), "No digest of other news in this article."))

# %% [markdown]
# ## The text, with every mention marked
#
# People, organisations and places as the extraction found them (hover for the actor's name).
# Lines the analysis left out are labelled: page furniture (photo credits, view counts, repeated
# titles) and digests of other news. A fact's link above leads to its sentence here.

# %%
names = {node.actor_id: f"{node.name} ({node.kind})" for node in facts.network.nodes}
HTML(highlighted_text(text, [tuple(m) for m in facts.mentions], removed_lines(out, article_id), names))
