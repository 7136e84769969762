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
# # Actor dossier
#
# One actor across the corpus: the roles the articles give them (with the articles' dates, so
# that changes of role show), the meetings they take part in, the documents they are party to,
# what they are quoted saying, the actors most linked to them, their ego network and the articles
# naming them. Each fact links to its sentence in the article's fact sheet.

# %% tags=["parameters"]
actor = ""  # an actor id or name (or part of one) from output/data/actors.csv; empty: the most mentioned
corpus_dir = ""  # folder of articles; empty: the project's seeds/
out_dir = ""  # output folder; empty: the project's output/
top_n = 10  # linked actors listed and labelled

# %%
# %matplotlib inline
# %config InlineBackend.print_figure_kwargs = {"bbox_inches": "tight", "dpi": 130}

from IPython.display import HTML

import analysis
from analysis.network.graph import actor_graph, ego_graph, layout, network_figure
from analysis.params import check_int, check_text, project_dirs
from analysis.report.corpus_facts import article_cell, evidence_cell, fact_rows
from analysis.report.dossier import find_actor, most_mentioned, page_name
from analysis.report.figures import save_report_figure
from analysis.report.tables import html_table

top_n = check_int("top_n", top_n, minimum=1)
corpus, out = project_dirs(check_text("corpus_dir", corpus_dir), check_text("out_dir", out_dir))
results = analysis.open_results(out, corpus)
actors = results.actors.astype(str).to_dict("records")
actor_id = find_actor(actors, check_text("actor", actor)) if actor.strip() else most_mentioned(actors, 1)[0]
me = next(row for row in actors if row["actor_id"] == actor_id)
mine = [r for r in fact_rows(out) if actor_id in r["actor_ids"].split(";")]


fields = [("Name", me["name"]), ("Id", actor_id), ("Kind", me["kind"]), ("Country", me["code"] or me["country"])]
fields += [("Mentions", me["mentions"]), ("Articles", me["articles"])]
HTML(html_table([{"": k, " ": v} for k, v in fields], ""))

# %% [markdown]
# ## Roles over time
#
# Every role an article gives the actor, by the article's publication date (roles carry no
# date of their own).

# %%
roles = [r for r in mine if r["kind"] == "role"]
HTML(
    html_table(
        [
            {
                "date": r["date"] or "not stated",
                "role": r["fact"].partition(": ")[2],
                "article": article_cell(r),
                "sentence": evidence_cell(r),
            }
            for r in roles
        ],
        "No article gives this actor a role.",
    )
)

# %% [markdown]
# ## Meetings

# %%
HTML(
    html_table(
        [
            {
                "date": r["date"] or "not stated",
                "date from": r["date_from"],
                "kind": r["type"],
                "status": r["status"],
                "participants": r["actors"],
                "place": r["place"],
                "article": article_cell(r),
                "sentence": evidence_cell(r),
            }
            for r in mine
            if r["kind"] == "meeting"
        ],
        "No meeting of this actor is reported.",
    )
)

# %% [markdown]
# ## Documents and deals

# %%
HTML(
    html_table(
        [
            {
                "date": r["date"] or "not stated",
                "kind": r["type"],
                "title": r["fact"],
                "status": r["status"],
                "parties": r["actors"],
                "article": article_cell(r),
                "sentence": evidence_cell(r),
            }
            for r in mine
            if r["kind"] == "agreement"
        ],
        "This actor is party to no document or deal reported.",
    )
)

# %% [markdown]
# ## Quotes

# %%
HTML(
    html_table(
        [
            {
                "date": r["date"] or "not stated",
                "quote": r["fact"],
                "article": article_cell(r),
                "sentence": evidence_cell(r),
            }
            for r in mine
            if r["kind"] == "quote"
        ],
        "No quote of this actor.",
    )
)

# %% [markdown]
# ## Most linked actors
#
# Links of the corpus network (sentence window): named together, met, signed, affiliated.

# %%
graph = actor_graph(results)
linked = sorted(graph[actor_id].items(), key=lambda item: (-item[1]["weight"], item[0])) if actor_id in graph else []
HTML(
    html_table(
        [
            {
                "actor": graph.nodes[other]["label"],
                "kind": graph.nodes[other]["kind"],
                "weight": d["weight"],
                "named together": d["cooccurrence"],
                "met": d["met"],
                "signed": d["signed"],
                "affiliated": d["affiliated"],
            }
            for other, d in linked[:top_n]
        ],
        "This actor is linked to no other.",
    )
)

# %% [markdown]
# ## Ego network
#
# The actor, its neighbours and the links among them. Saved under `figures/` as
# `<page name>_network` (PNG, SVG and a caption file).

# %%
if actor_id in graph:
    ego = ego_graph(graph, actor_id)
    figure = network_figure(
        ego,
        title=f"Ego network: {me['name']}",
        labels=top_n,
        positions=layout(ego),
        caption=f"Corpus: {corpus.name} ({len(results.articles)} articles). Window: sentence.",
    )
    save_report_figure(
        figure,
        out,
        f"{page_name(actor_id)}_network",
        f"Ego network: {me['name']}",
        f"{me['name']} ({actor_id}), the actors linked to them and the links among those",
        corpus.name,
        results.articles,
        {"actor": actor_id, "top_n": top_n},
    )
else:
    figure = HTML("<p>This actor is in no network link.</p>")
figure

# %% [markdown]
# ## Articles naming the actor

# %%
named = results.mentions[results.mentions["actor_id"] == actor_id]["article_id"].value_counts()
titles = dict(zip(results.articles["article_id"], results.articles["title"].fillna("")))
published = dict(zip(results.articles["article_id"], results.articles["published"].fillna("")))
HTML(
    html_table(
        [
            {
                "article": article_cell({"article_id": a, "title": titles.get(a, "")}),
                "published": published.get(a) or "not stated",
                "mentions": int(n),
            }
            for a, n in sorted(named.items(), key=lambda item: (-item[1], item[0]))
        ],
        "No article names this actor.",
    )
)
