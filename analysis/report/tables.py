"""HTML tables for the pages: a fact record's, one per kind of fact, and the corpus pages'.

Each ``*_rows`` function gives the rows (dicts, in the order shown); ``html_table`` renders
them with tabulate, escaped, or one line saying there is nothing of the kind; ``frame_html``
does the same for a pandas table of the corpus pages. A fact's evidence is a link to its
sentence in the sheet's marked text, shown as the words, not as an offset. No pandas at import:
the sheet must open faster than pandas imports.
"""

from __future__ import annotations

from html import escape

from tabulate import tabulate

from ..facts.schema import Country, FactRecord, Organization, Person, Place
from .render import Html, evidence_link


def html_table(rows: list[dict], empty: str) -> str:
    """``rows`` as an HTML table (columns in the order of the first row's keys), or ``empty``."""
    if not rows:
        return f"<p>{escape(empty)}</p>"
    cells = [{k: v if isinstance(v, Html) else escape(str(v)) for k, v in row.items()} for row in rows]
    return _styled(tabulate(cells, headers="keys", tablefmt="unsafehtml", disable_numparse=True))


def frame_html(frame, empty: str) -> str:
    """A pandas table as HTML for a page, or ``empty`` when it has no rows: no index column,
    missing values blank, numbers right-aligned, text left-aligned; a column of long text
    wraps (anywhere, if it must, so that a wide table fits the page), short values never."""
    import pandas as pd  # the caller has loaded it: only the corpus pages pass tables

    if frame.empty:
        return f"<p>{escape(empty)}</p>"
    columns = []
    for name in frame.columns:
        values = ["" if pd.api.types.is_scalar(v) and pd.isna(v) else v for v in frame[name]]
        if pd.api.types.is_numeric_dtype(frame[name]) and not pd.api.types.is_bool_dtype(frame[name]):
            columns.append(("n", [v if v == "" else _figure(v) for v in values]))
        else:
            text = [str(v) for v in values]
            columns.append(("w" if max(map(len, text)) > SHORT else "s", text))
    head = "".join(
        f'<th class="{kind}">{escape(str(name))}</th>' for name, (kind, _) in zip(frame.columns, columns, strict=True)
    )
    body = "".join(
        "<tr>" + "".join(f'<td class="{kind}">{escape(cells[i])}</td>' for kind, cells in columns) + "</tr>\n"
        for i in range(len(frame))
    )
    return _styled(f"<table>\n<thead>\n<tr>{head}</tr>\n</thead>\n<tbody>\n{body}</tbody>\n</table>")


SHORT = 24  # characters up to which a text column never wraps


def _figure(value) -> str:
    """A number as a reader wants it: whole numbers in full, others to six significant digits."""
    return f"{value:.0f}" if float(value).is_integer() else f"{value:.6g}"


def _styled(table: str) -> str:
    # JupyterLab's page style right-aligns cells (with a selector of two classes, which these
    # match and, coming later, override) and fixes column widths, which makes Russian text hard
    # to scan and cuts wide tables off
    table = table.replace("<table>", '<table class="facts-table">', 1)
    return f'<div class="facts"><style>{_STYLE}</style>{table}</div>'


_STYLE = (
    ".facts .facts-table {table-layout: auto; margin-left: 0; max-width: 100%}"
    ".facts .facts-table td, .facts .facts-table th {text-align: left; vertical-align: top; white-space: normal;"
    " padding: 0.3em 0.5em}"
    ".facts .facts-table td {max-width: 40em; overflow-wrap: break-word}"
    ".facts .facts-table td.w {overflow-wrap: anywhere}"
    ".facts .facts-table td.s {white-space: nowrap}"
    ".facts .facts-table .n {text-align: right; white-space: nowrap}"
)


def entity_rows(entries: tuple[Person | Organization | Country | Place, ...], text: str) -> list[dict]:
    """A fact record's persons, organizations, countries or places, by first mention, with the
    sentence of ``text`` that first names each."""
    return [
        {
            "name": e.name,
            **({"roles": "; ".join(e.roles), "affiliation": e.affiliation or ""} if isinstance(e, Person) else {}),
            **({"code": e.code} if isinstance(e, Country) else {}),
            **({"country": e.country or ""} if isinstance(e, Place) else {}),
            "mentions": len(e.mentions),
            "first named in": evidence_link(text, e.mentions[0][0], limit=160),
        }
        for e in entries
    ]


def digest_rows(facts: FactRecord) -> list[dict]:
    """People, organisations and places named only in the article's digest of other news."""
    return [{"kind": kind, "name": name} for kind, names in facts.digest.items() for name in names]


def meeting_rows(facts: FactRecord, text: str) -> list[dict]:
    """Meetings: kind, participants, place, date, held or planned, and the sentence they are told in."""
    return [
        {
            "kind": m.kind,
            "participants": "; ".join(m.participants),
            "place": m.place or "",
            "date": m.date or "",
            "status": m.status,
            "evidence": evidence_link(text, *m.evidence),
        }
        for m in facts.meetings
    ]


def agreement_rows(facts: FactRecord, text: str) -> list[dict]:
    """Documents: kind, title, status, parties, year and where they are first named."""
    return [
        {
            "kind": a.kind,
            "title": a.title,
            "status": a.status or "",
            "parties": "; ".join(a.parties),
            "year": a.year or "",
            "evidence": evidence_link(text, *a.evidence),
        }
        for a in facts.agreements
    ]


def quote_rows(facts: FactRecord, text: str) -> list[dict]:
    """Quotes: speaker (blank when unresolved), the words that attribute them, the quote (a link
    to where it stands in ``text``)."""
    return [
        {"speaker": q.speaker or "", "cue": q.cue, "quote": evidence_link(text, q.start, q.stop)} for q in facts.quotes
    ]


def date_rows(facts: FactRecord, text: str) -> list[dict]:
    """Dates as written and as ISO values (missing parts left out), in text order, each with the
    sentence of ``text`` it stands in."""
    return [{"date": d.value, "as written": d.text, "in": evidence_link(text, d.start)} for d in facts.dates]


def amount_rows(facts: FactRecord, text: str) -> list[dict]:
    """Sums of money and percentages with their value (digits grouped), currency and sentence."""
    return [
        {"as written": a.text, "amount": _number(a.amount), "currency": a.currency, "in": evidence_link(text, a.start)}
        for a in facts.amounts
    ]


def _number(value: float) -> str:
    return f"{value:,.0f}".replace(",", " ") if value == int(value) else f"{value:,}".replace(",", " ")
