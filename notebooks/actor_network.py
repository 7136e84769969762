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
# # Actor network
#
# People, organisations, countries and places of the corpus, linked when they are named in the
# same window (`cooccurrence`), met, signed a document together, or when a person's role names a
# country or organisation (`affiliated`). Node size counts mentions, edge width the links' weight.
# The default network is also stored under `output/network/` (`actors.*`, `countries.*`, GraphML
# and GEXF for Cytoscape and Gephi, `nodes.csv`, `edges.csv`).

# %% tags=["parameters"]
corpus_dir = ""  # folder of articles; empty: the project's seeds/
out_dir = ""  # output folder; empty: the project's output/
window = "sentence"  # co-occurrence window: sentence, paragraph or article
min_weight = 1  # drop links lighter than this
kinds = "person,organization,country,place"  # kinds of actor to include
level = "actors"  # actors, or countries (actors folded into their countries and regions)
ego = ""  # an actor id or name: only that actor, its neighbours and their links
include_digest = False  # also count digests of other news appended to articles
labels = "ru"  # ru, or en for English-language reports (names romanised)
top_n = 15  # how many of the most central actors to label and list

# %%
# %matplotlib inline
# %config InlineBackend.print_figure_kwargs = {"bbox_inches": "tight", "dpi": 130}
import pandas as pd
from IPython.display import HTML

import analysis
from analysis.network.graph import (
    LABELS,
    LEVELS,
    actor_graph,
    centrality_table,
    check_kinds,
    country_graph,
    ego_graph,
    english_labels,
    layout,
    network_figure,
)
from analysis.network.links import WINDOWS
from analysis.params import check_bool, check_choice, check_int, check_text, project_dirs
from analysis.report.charts import article_labels
from analysis.report.figures import NETWORK_DEFAULTS, figure_name, save_report_figure
from analysis.report.interactive import interactive_html
from analysis.report.tables import frame_html

window = check_choice("window", window, WINDOWS)
level = check_choice("level", level, LEVELS)
labels = check_choice("labels", labels, LABELS)
kinds = check_kinds(kinds)
min_weight = check_int("min_weight", min_weight, minimum=1)
top_n = check_int("top_n", top_n, minimum=1)
include_digest = check_bool("include_digest", include_digest)
ego = check_text("ego", ego)
corpus, out = project_dirs(check_text("corpus_dir", corpus_dir), check_text("out_dir", out_dir))
results = analysis.open_results(out, corpus)
graph = actor_graph(results, window=window, min_weight=min_weight, include_digest=include_digest, kinds=kinds)
if level == "countries":
    graph = country_graph(graph, results)
if ego:
    graph = ego_graph(graph, ego)
names = english_labels(graph) if labels == "en" else {n: d["label"] for n, d in graph.nodes(data=True)}
positions = layout(graph)
print(f"{graph.number_of_nodes()} nodes, {graph.number_of_edges()} links, {len(results.articles)} articles")

# %% [markdown]
# ## Explore the network
#
# Find an actor by name, show or hide kinds of actor and of link; hover a node or link for its
# details.

# %%
HTML(interactive_html(graph, positions, names))

# %% [markdown]
# ## The network for reports
#
# Every country and the most central actors are labelled. The figure is also saved under
# `figures/` in the output folder (PNG at 300 dpi, SVG, and a caption file saying how to cite it),
# as `actor_network` (`country_network`), followed by a fingerprint of the parameters when they
# are not the defaults.

# %%
title = f"{'Country' if level == 'countries' else 'Actor'} network" + (f": {ego}" if ego else "")
figure = network_figure(
    graph,
    title=title,
    labels=top_n,
    positions=positions,
    names=names,
    caption=f"Corpus: {corpus.name} ({len(results.articles)} articles). Window: {window}; links of weight "
    f">= {min_weight}; kinds: {', '.join(kinds)}; digests of other news "
    f"{'included' if include_digest else 'left out'}.",
)
drawn_with = {
    "window": window,
    "min_weight": min_weight,
    "kinds": ",".join(kinds),
    "ego": ego,
    "include_digest": include_digest,
    "labels": labels,
    "top_n": top_n,
}
save_report_figure(
    figure,
    out,
    figure_name("country_network" if level == "countries" else "actor_network", drawn_with, NETWORK_DEFAULTS),
    title,
    "actors (nodes: colour by kind, size by mentions) linked when named in the same window, when they "
    "met or signed a document together, or when a person's role names them (links: width by weight)",
    corpus.name,
    results.articles,
    {"level": level, **drawn_with},
)
figure

# %% [markdown]
# ## Most central actors
#
# Degree (links), weighted degree, betweenness, eigenvector centrality and the Louvain community
# (seeded, so the same each run).

# %%
table = centrality_table(graph)
table["name"] = table["actor_id"].map(names)
HTML(frame_html(table[[*table.columns.drop("actor_id"), "actor_id"]].head(top_n), "No actors."))

# %% [markdown]
# ## Strongest links and the kinds of link behind them
#
# `named together` counts the windows that name both, `met` the meetings, `signed` the documents
# they are parties to, `affiliated` the roles that tie a person to an organisation or country.

# %%
titles = article_labels(results.articles)
links = pd.DataFrame(
    [
        {
            "actor": names[u],
            "linked with": names[v],
            "weight": d["weight"],
            "named together": d["cooccurrence"],
            "met": d["met"],
            "signed": d["signed"],
            "affiliated": d["affiliated"],
            "articles": "; ".join(titles.get(a, a) for a in d["articles"].split(";")[:3])
            + (f"; and {len(d['articles'].split(';')) - 3} more" if len(d["articles"].split(";")) > 3 else ""),
        }
        for u, v, d in graph.edges(data=True)
    ],
    columns=["actor", "linked with", "weight", "named together", "met", "signed", "affiliated", "articles"],
)
strongest = links.sort_values(["weight", "actor", "linked with"], ascending=[False, True, True]).head(top_n)
HTML(frame_html(strongest, "No links."))
