"""A fact record as tables for the notebooks: one pandas DataFrame per kind of fact.

Empty kinds give an empty table with the same columns, so a notebook can show "none found"
instead of failing.
"""

from __future__ import annotations

import pandas as pd


def entity_table(entries: list[dict]) -> pd.DataFrame:
    """A fact record's persons, organizations, countries or places as a table, by first mention."""
    rows = [{"name": e["name"],
             **({"roles": "; ".join(e["roles"]), "affiliation": e["affiliation"] or ""} if "roles" in e else {}),
             **({"code": e["code"]} if "code" in e else {}),
             **({"country": e["country"] or ""} if "country" in e else {}),
             "mentions": len(e["mentions"]), "first at": e["mentions"][0][0]} for e in entries]
    return pd.DataFrame(rows, columns=["name", "mentions", "first at"] if not rows else None)


def digest_table(facts: dict) -> pd.DataFrame:
    """People, organisations and places named only in the article's digest of other news."""
    rows = [{"kind": kind, "name": name} for kind, names in facts.get("digest", {}).items() for name in names]
    return pd.DataFrame(rows, columns=["kind", "name"])


def meetings_table(facts: dict, text: str) -> pd.DataFrame:
    """Meetings: kind, participants, place, date and the sentence they are told in."""
    return pd.DataFrame([{"kind": m["kind"], "participants": "; ".join(m["participants"]), "place": m["place"] or "",
                          "date": m["date"] or "", "evidence": _quote(text, *m["evidence"])}
                         for m in facts["meetings"]], columns=["kind", "participants", "place", "date", "evidence"])


def agreements_table(facts: dict, text: str) -> pd.DataFrame:
    """Documents: kind, title, status, parties, year and where they are first named."""
    return pd.DataFrame([{"kind": a["kind"], "title": a["title"], "status": a["status"] or "",
                          "parties": "; ".join(a["parties"]), "year": a["year"] or "",
                          "evidence": _quote(text, *a["evidence"])} for a in facts["agreements"]],
                        columns=["kind", "title", "status", "parties", "year", "evidence"])


def quotes_table(facts: dict) -> pd.DataFrame:
    """Quotes: speaker (blank when unresolved), the words that attribute them, the quote."""
    return pd.DataFrame([{"speaker": q["speaker"] or "", "cue": q["cue"], "quote": q["text"], "at": q["start"]}
                         for q in facts["quotes"]], columns=["speaker", "cue", "quote", "at"])


def dates_table(facts: dict) -> pd.DataFrame:
    """Dates as written and as ISO values (missing parts left out), in text order."""
    return pd.DataFrame([{"date": d["value"], "as written": d["text"], "at": d["start"]} for d in facts["dates"]],
                        columns=["date", "as written", "at"])


def amounts_table(facts: dict) -> pd.DataFrame:
    """Sums of money and percentages with their value and currency."""
    return pd.DataFrame([{"as written": a["text"], "amount": a["amount"], "currency": a["currency"], "at": a["start"]}
                         for a in facts["amounts"]], columns=["as written", "amount", "currency", "at"])


def _quote(text: str, start: int, stop: int, limit: int = 300) -> str:
    passage = " ".join(text[start:stop].split())
    return passage if len(passage) <= limit else passage[:limit - 1] + "…"
