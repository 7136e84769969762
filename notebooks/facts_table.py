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
# # Facts of the corpus
#
# Every meeting, document, quote and role of the corpus in one table, with its article's title,
# date and outlets and the sentence it came from (a link to that sentence in the fact sheet).
# Search any column, choose a kind, status or outlet, click a column's head to sort. The same
# table is written to `data/facts.xlsx` in the output folder for Excel or LibreOffice.

# %% tags=["parameters"]
corpus_dir = ""  # folder of articles; empty: the project's seeds/
out_dir = ""  # output folder; empty: the project's output/

# %%

from IPython.display import HTML

from analysis.params import check_text, project_dirs
from analysis.report.corpus_facts import article_cell, evidence_cell, fact_rows, write_xlsx
from analysis.report.datatable import searchable_table
from analysis.storage.store import has_results

corpus, out = project_dirs(check_text("corpus_dir", corpus_dir), check_text("out_dir", out_dir))
if not has_results(out):  # a first run in JupyterLab: extract the corpus once, saying so
    from analysis.batch.extract import ensure_results

    ensure_results(out, corpus)
rows = fact_rows(out)
write_xlsx(rows, out / "data" / "facts.xlsx")
print(f"{len(rows)} facts; also in {out / 'data' / 'facts.xlsx'}")

# %%
table = [
    {
        "kind": r["kind"],
        "date": r["date"] or "not stated",
        "date from": r["date_from"],
        "status": r["status"],
        "fact": r["fact"],
        "actors": r["actors"],
        "article": article_cell(r),
        "outlets": r["outlets"],
        "evidence": evidence_cell(r),
    }
    for r in rows
]
HTML(searchable_table(table, choices=("kind", "status", "outlets"), empty="No fact in the corpus."))
