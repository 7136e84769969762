"""A fact record as HTML tables for the fact sheet, one per kind of fact.

Each ``*_rows`` function gives the rows (dicts, in the order shown); ``html_table`` renders
them with tabulate, escaped, or one line saying there is nothing of the kind. A fact's evidence
is a link to its sentence in the sheet's marked text, shown as the words, not as an offset. No
pandas: the sheet must open faster than pandas imports.
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
    table = tabulate(cells, headers="keys", tablefmt="unsafehtml", disable_numparse=True)
    # JupyterLab's page style right-aligns cells, which makes Russian text hard to scan; its rule
    # is more specific than a class, hence !important
    return f'<div class="facts"><style>{_STYLE}</style>{table}</div>'


_STYLE = ".facts th, .facts td {text-align: left !important; vertical-align: top}"


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
    """Meetings: kind, participants, place, date and the sentence they are told in."""
    return [
        {
            "kind": m.kind,
            "participants": "; ".join(m.participants),
            "place": m.place or "",
            "date": m.date or "",
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
