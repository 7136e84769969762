"""Well-known organisations from ``data/organizations.csv``, merged across abbreviations and long forms.

A national body (ministry, general staff, armed forces, government) takes its country from
the words that follow it ("Министерство обороны Республики Казахстан", "МО РК",
"Минобороны России") or the adjective before it ("казахстанское Минобороны"); without one
it stays a body of unknown country.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from .geo import lemma_key, place_for_key
from .lexicon import rows


@dataclass(frozen=True, slots=True)
class Organization:
    name: str
    name_en: str
    national: bool


@dataclass(frozen=True, slots=True)
class Match:
    """An organisation named by a mention, and the country code its own words give, if any."""

    organization: Organization
    country: str


@cache
def _index() -> dict[tuple[str, ...], Organization]:
    index: dict[tuple[str, ...], Organization] = {}
    for row in rows("organizations.csv"):
        organization = Organization(row["name"], row["name_en"], row["national"] == "yes")
        for name in row["names"].split("|"):
            index.setdefault(lemma_key(name), organization)
    return index


def find_organization(text: str) -> Match | None:
    """The organisation whose name ``text`` starts with; a country named by the rest goes with it."""
    index = _index()
    key = lemma_key(text)
    for size in range(len(key), 0, -1):
        organization = index.get(key[:size])
        if organization:
            rest = place_for_key(key[size:]) if size < len(key) else None
            return Match(organization, rest.code if rest and rest.kind != "city" else "")
    return None
