# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Fact sheet
#
# One article: who is named in it, which organisations and places, and its own actor network.
# Every entity lists where it is mentioned (character offsets into `output/data/texts/<article_id>.txt`).

# %% tags=["parameters"]
article_id = ""  # an id from output/data/articles.csv; empty: the first article
corpus_dir = ""  # folder of articles; empty: the project's seeds/
out_dir = ""  # output folder; empty: the project's output/

# %%
# %matplotlib inline
from IPython.display import HTML

import analysis
from analysis.facts import digest_table, entity_table
from analysis.network import cooccurrence_graph, network_figure
from analysis.params import check_text, project_dirs
from analysis.render import fact_header

corpus, out = project_dirs(check_text("corpus_dir", corpus_dir), check_text("out_dir", out_dir))
results = analysis.open_results(out, corpus)
article_id = results.check_id(check_text("article_id", article_id) or results.ids[0])
facts = results.facts(article_id)
HTML(fact_header(facts, results.articles.set_index("article_id").loc[article_id].to_dict()))

# %% [markdown]
# ## People

# %%
entity_table(facts["persons"])

# %% [markdown]
# ## Organisations

# %%
entity_table(facts["organizations"])

# %% [markdown]
# ## Places

# %%
entity_table(facts["places"])

# %% [markdown]
# ## Named in the digest of other news appended to the article
#
# Lines from "Напомним, …", "Ранее сообщалось …" or "Читайте также" to the end are other news;
# who they name is listed here, apart from the story.

# %%
digest = digest_table(facts)
digest if len(digest) else print("No digest of other news in this article.")

# %% [markdown]
# ## Actor network of this article

# %%
network_figure(cooccurrence_graph(results.mentions, results.actors, article_id=article_id),
               title=f"Actors of {facts['title'] or article_id}"[:90],
               caption=f"Article {article_id}. Edges: actors named in the same sentence.")
