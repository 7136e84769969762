"""The gazetteer: countries, regions and cities, with ISO 3166 codes, from ``data/geo.csv``.

Names are matched by their lemmas, so every case form and the usual variants ("РК",
"Республики Казахстан", "Беларусью") find the same entry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..lexicon import rows
from .lemmas import lemma, parse


@dataclass(frozen=True, slots=True)
class Place:
    """A gazetteer entry: ``kind`` is country, region or city; ``country`` the ISO code it belongs to."""

    code: str
    kind: str
    name: str
    name_en: str
    country: str


def lemma_key(text: str) -> tuple[str, ...]:
    """The words of ``text`` as dictionary lemmas, lowercased, ё as е."""
    words = re.findall(r"[\w]+(?:-[\w]+)*", text.lower().replace("ё", "е"))
    return tuple(lemma(word) for word in words)


@cache
def gazetteer() -> tuple[tuple[Place, tuple[str, ...], tuple[str, ...]], ...]:
    """Every entry of ``data/geo.csv`` with its names and adjectives (the one reader of the file)."""
    return tuple(
        (
            Place(row["code"], row["kind"], row["name"], row["name_en"], row["country"]),
            tuple(row["names"].split("|")),
            tuple(filter(None, row["adjectives"].split("|"))),
        )
        for row in rows("geo.csv")
    )


def country_name(code: str) -> str | None:
    """The Russian name of the country or region with ISO code ``code``."""
    return next((place.name for place, _, _ in gazetteer() if place.code == code), None)


@cache
def english_names() -> dict[str, str]:
    """Russian name -> English name of every entry that has one."""
    return {place.name: place.name_en for place, _, _ in gazetteer() if place.name_en}


@cache
def _index() -> dict[tuple[str, ...], tuple[Place, str]]:
    """Lemma keys (and abbreviations as written) -> the entry and the variant's own spelling."""
    index: dict[tuple[str, ...], tuple[Place, str]] = {}
    for place, names, _ in gazetteer():
        for name in names:
            index.setdefault(lemma_key(name), (place, name))
            index.setdefault(tuple(name.lower().replace("ё", "е").split()), (place, name))
    return index


@cache
def _adjectives() -> tuple[re.Pattern, dict[str, Place]]:
    """A pattern of the adjectives' stems (any ending) and the entry of each stem."""
    stems: dict[str, Place] = {}
    for place, _, adjectives in gazetteer():
        for adjective in adjectives:
            stems[adjective[:-2]] = place  # казахстанский -> казахстанск
    pattern = re.compile(r"(" + "|".join(sorted(map(re.escape, stems), key=len, reverse=True)) + r")[а-я]{1,3}")
    return pattern, stems


def adjective_place(word: str) -> Place | None:
    """The country or region an adjective names, in any form: "российской" -> Россия."""
    pattern, stems = _adjectives()
    match = pattern.fullmatch(word.lower().replace("ё", "е"))
    return stems[match.group(1)] if match else None


def place_for_key(key: tuple[str, ...]) -> Place | None:
    """The entry whose name has these lemmas (see ``lemma_key``)."""
    found = _index().get(key)
    return found[0] if found else None


def genitive(name: str) -> str:
    """A one-word place name in the genitive ("Казахстан" -> "Казахстана"), else as it is."""
    if " " in name or name.isupper():
        return name
    form = parse(name)
    inflected = form.inflect({"Gen"}) if form else None
    return inflected.word.capitalize() if inflected else name


def find_place(*texts: str) -> Place | None:
    """The gazetteer entry that one of ``texts`` (a mention's text or normal form) names."""
    for text in texts:
        found = place_variant(text)
        if found:
            return found[0]
    return None


def place_variant(text: str) -> tuple[Place, str] | None:
    """The entry ``text`` names and the gazetteer's spelling of that variant, in the nominative:
    "Республики Казахстан" -> (Казахстан, "Республика Казахстан")."""
    index = _index()
    for key in (tuple(text.lower().replace("ё", "е").split()), lemma_key(text)):
        if key in index:
            return index[key]
    return None
