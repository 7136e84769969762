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
# # Actor network
#
# People, organisations and places linked when they are named in the same sentence; edge width
# counts such sentences. The same figure is stored as `output/network/actors.png` and `.svg`,
# the graph as `output/network/actors.graphml`.

# %% tags=["parameters"]
corpus_dir = ""  # folder of articles; empty: the project's seeds/
out_dir = ""  # output folder; empty: the project's output/
min_weight = 1  # drop edges seen in fewer sentences than this
top_n = 15  # how many of the most central actors to label and list
include_digest = False  # also count digests of other news appended to articles

# %%
# %matplotlib inline
import analysis
from analysis.network import centrality_table, cooccurrence_graph, network_figure
from analysis.params import check_bool, check_int, check_text, project_dirs

min_weight = check_int("min_weight", min_weight, minimum=1)
top_n = check_int("top_n", top_n, minimum=1)
include_digest = check_bool("include_digest", include_digest)
corpus, out = project_dirs(check_text("corpus_dir", corpus_dir), check_text("out_dir", out_dir))
results = analysis.open_results(out, corpus)
graph = cooccurrence_graph(results.mentions, results.actors, min_weight=min_weight, include_digest=include_digest)
print(f"{graph.number_of_nodes()} actors, {graph.number_of_edges()} links, {len(results.articles)} articles")

# %%
network_figure(graph, title="Actor co-occurrence network", labels=top_n,
               caption=f"Corpus: {corpus.name} ({len(results.articles)} articles). "
                       f"Edges: actors named in the same sentence, at least {min_weight}; "
                       f"digests of other news {'included' if include_digest else 'left out'}.")

# %% [markdown]
# ## Most central actors

# %%
centrality_table(graph).head(top_n)
