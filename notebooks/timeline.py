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
# # Timeline
#
# Meetings, talks, visits, sessions, calls and documents of the whole corpus over time, and who
# met whom. An event's date is the one the text gives it (a meeting's date, a document's year);
# where the text gives none, the article's publication date stands in, and `date from` says so.
# Each event links to the sentence it is told in, in its article's fact sheet.

# %% tags=["parameters"]
corpus_dir = ""  # folder of articles; empty: the project's seeds/
out_dir = ""  # output folder; empty: the project's output/
countries = ""  # e.g. "KZ,RU" or "KZ,CSTO": events involving a different country of each (groups: CSTO, CIS, EAEU, SCO)
actor = ""  # an actor id or (part of) a name: only events they take part in
kinds = (
    ""  # e.g. "meeting,visit,agreement": only events of these kinds (meeting, talks, visit, session, call, agreement)
)
outlet = ""  # (part of) an outlet's name: only events of articles citing it
top_n = 20  # people shown in the who-met-whom matrix

# %%
# %matplotlib inline
# %config InlineBackend.print_figure_kwargs = {"bbox_inches": "tight", "dpi": 130}
from html import escape

import pandas as pd
from IPython.display import HTML

from analysis.params import check_int, check_text, project_dirs
from analysis.report.corpus_facts import (
    article_cell,
    events,
    evidence_cell,
    fact_link,
    fact_rows,
    filter_events,
    met_pairs,
)
from analysis.report.datatable import searchable_table
from analysis.report.figures import figure_name, save_report_figure
from analysis.report.render import Html
from analysis.report.timeline import matrix_figure, timeline_figure
from analysis.storage.store import has_results

corpus, out = project_dirs(check_text("corpus_dir", corpus_dir), check_text("out_dir", out_dir))
if not has_results(out):  # a first run in JupyterLab: extract the corpus once, saying so
    from analysis.batch.extract import ensure_results

    ensure_results(out, corpus)
top_n = check_int("top_n", top_n, minimum=1)
chosen = {
    name: check_text(name, value)
    for name, value in (("countries", countries), ("actor", actor), ("kinds", kinds), ("outlet", outlet))
}
found = filter_events(events(fact_rows(out)), **chosen)
articles = pd.read_csv(out / "data" / "articles.csv", keep_default_na=False, dtype=str)
actors = pd.read_csv(out / "data" / "actors.csv", keep_default_na=False, dtype=str)
names, kinds_of = dict(zip(actors["actor_id"], actors["name"])), dict(zip(actors["actor_id"], actors["kind"]))
filters = "; ".join(f"{name} = {value!r}" for name, value in chosen.items() if value) or "none"
print(f"{len(found)} events in {len(articles)} articles; filters: {filters}")


def show(figure, stem: str, title: str, shows: str):
    """Show a figure and save it for reports under figures/ (PNG, SVG, caption)."""
    parameters = {**chosen, "top_n": top_n}
    name = figure_name(stem, parameters, {"countries": "", "actor": "", "kinds": "", "outlet": "", "top_n": 20})
    save_report_figure(figure, out, name, title, shows, corpus.name, articles, parameters)
    return figure


# %% [markdown]
# ## Events over time
#
# Filled marks: dated by the text; hollow: by the article's publication. Circles are held
# meetings, triangles planned ones, squares documents.

# %%
show(
    timeline_figure(found),
    "events_timeline",
    "Meetings and documents over time",
    "meetings, talks, visits, sessions, calls (held or planned) and documents by date: the date the text "
    "gives, else the article's publication date (hollow marks)",
)

# %% [markdown]
# ## The events
#
# Search any column, choose a kind, status or outlet, click a column's head to sort. An event
# links to the sentence it is told in; its article's title to the fact sheet.

# %%
table = [
    {
        "date": e["date"] or "not stated",
        "date from": e["date_from"] or "",
        "kind": e["type"] if e["kind"] == "meeting" else f"agreement ({e['type']})",
        "status": e["status"],
        "event": Html(f'<a href="{fact_link(e)}">{escape(e["fact"])}</a>'),
        "countries": e["countries"].replace(";", ", "),
        "place": e["place"],
        "article": article_cell(e),
        "outlets": e["outlets"],
        "evidence": evidence_cell(e),
    }
    for e in found
]
HTML(searchable_table(table, choices=("kind", "status", "outlets"), empty="No event matches the filters."))

# %% [markdown]
# ## Who met whom: countries
#
# Held meetings between the countries and regions of their parties (a person counts for the
# country their roles name, an organisation or city for its own).

# %%
country_names = {row.code: row.name for row in actors.itertuples() if row.kind == "country" and row.code}
show(
    matrix_figure(met_pairs(found, "countries", kinds_of), country_names, 40),
    "met_countries",
    "Who met whom: countries",
    "held meetings between the countries and regions of their parties, counted both ways",
)

# %% [markdown]
# ## Who met whom: people
#
# The `top_n` people in the most held meetings.

# %%
show(
    matrix_figure(met_pairs(found, "people", kinds_of), names, top_n),
    "met_people",
    "Who met whom: people",
    f"held meetings between people, the {top_n} in the most meetings",
)
