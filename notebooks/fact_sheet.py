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
# Every fact keeps the character offsets of the text it came from
# (`output/data/texts/<article_id>.txt`, also shown at the end with every mention marked).

# %% tags=["parameters"]
article_id = ""  # an id from output/data/articles.csv; empty: the first article
corpus_dir = ""  # folder of articles; empty: the project's seeds/
out_dir = ""  # output folder; empty: the project's output/

# %%
# %matplotlib inline
import pandas as pd
from IPython.display import HTML, display

import analysis
from analysis.charts import dates_timeline, themes_chart
from analysis.network import actor_graph, network_figure
from analysis.params import check_text, project_dirs
from analysis.render import fact_header, highlighted_text
from analysis.tables import (agreements_table, amounts_table, dates_table, digest_table, entity_table, meetings_table,
                             quotes_table)

corpus, out = project_dirs(check_text("corpus_dir", corpus_dir), check_text("out_dir", out_dir))
results = analysis.open_results(out, corpus)
article_id = results.check_id(check_text("article_id", article_id) or results.ids[0])
facts, text = results.facts(article_id), results.text(article_id)
pd.set_option("display.max_colwidth", None)  # titles, quotes and evidence in full


def show(table, empty: str) -> None:
    """The table, or one line saying there is nothing of the kind."""
    display(table) if len(table) else print(empty)


HTML(fact_header(facts, results.articles.set_index("article_id").loc[article_id].to_dict()))

# %% [markdown]
# ## People, with the roles the article gives them

# %%
show(entity_table(facts["persons"]), "No person is named in this article.")

# %% [markdown]
# ## Organisations

# %%
show(entity_table(facts["organizations"]), "No organisation is named in this article.")

# %% [markdown]
# ## Countries and regions

# %%
show(entity_table(facts["countries"]), "No country or region is named in this article.")

# %% [markdown]
# ## Places

# %%
show(entity_table(facts["places"]), "No city or other place is named in this article.")

# %% [markdown]
# ## Meetings, talks and visits

# %%
show(meetings_table(facts, text), "No meeting is reported in this article.")

# %% [markdown]
# ## Agreements and other documents
#
# `status` comes from the words around the document: signed, in force, superseded, drafted,
# planned or discussed; blank when the article does not say.

# %%
show(agreements_table(facts, text), "No agreement, treaty, plan or contract is named in this article.")

# %% [markdown]
# ## Quotes
#
# `speaker` is blank when the words that attribute a quote name no one the article identifies.

# %%
show(quotes_table(facts), "No direct quote in this article.")

# %% [markdown]
# ## Dates

# %%
show(dates_table(facts), "No date is stated in this article.")
dates_timeline(facts["dates"], facts["published"])

# %% [markdown]
# ## Sums of money and percentages

# %%
show(amounts_table(facts), "No sum of money or percentage in this article.")

# %% [markdown]
# ## Areas of cooperation

# %%
themes_chart(facts["themes"])

# %% [markdown]
# ## Actor network of this article

# %%
network_figure(actor_graph(results, article_id=article_id), title=f"Actors of {facts['title'] or article_id}"[:90],
               caption=f"Article {article_id}. Links: named in the same sentence, met, signed, affiliated.")

# %% [markdown]
# ## Named in the digest of other news appended to the article
#
# Lines from "Напомним, …", "Ранее сообщалось …" or "Читайте также" to the end are other news;
# who they name is listed here, apart from the story.

# %%
show(digest_table(facts), "No digest of other news in this article.")

# %% [markdown]
# ## The text, with every mention marked
#
# People, organisations and places as the extraction found them (hover for the actor).

# %%
mentions = results.mentions[results.mentions["article_id"] == article_id]
HTML(highlighted_text(text, [(int(m.start), int(m.stop), m.type, m.actor_id) for m in mentions.itertuples()]))
