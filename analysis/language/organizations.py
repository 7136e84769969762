"""Well-known organisations from ``data/organizations.csv``, merged across abbreviations and long forms.

A national body (ministry, general staff, armed forces, government) takes its country from
the words that follow it ("Министерство обороны Республики Казахстан", "МО РК",
"Минобороны России") or the adjective before it ("казахстанское Минобороны"); without one
it stays a body of unknown country.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..lexicon import rows
from ..vocabulary import MentionType
from .geo import lemma_key, place_for_key
from .lemmas import nominative, parse, readings


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
    city: str = ""  # a city body's city ("акимат Астаны")


@cache
def _index() -> dict[tuple[str, ...], Organization]:
    index: dict[tuple[str, ...], Organization] = {}
    for row in rows("organizations.csv"):
        organization = Organization(row["name"], row["name_en"], row["national"] == "yes")
        for name in row["names"].split("|"):
            index.setdefault(lemma_key(name), organization)
    return index


def find_organization(text: str) -> Match | None:
    """The organisation whose name ``text`` starts with (after a country adjective); a country named
    by the rest, or by that adjective, goes with it."""
    from .geo import adjective_place

    index = _index()
    words = text.split()
    adjective = adjective_place(words[0]) if len(words) > 1 else None  # "российский МИД"
    key = lemma_key(" ".join(words[1:]) if adjective else text)
    for size in range(len(key), 0, -1):
        organization = index.get(key[:size])
        if organization:
            rest = place_for_key(key[size:]) if size < len(key) else adjective
            if rest and rest.kind == "city":
                return Match(organization, rest.country, rest.name)
            return Match(organization, rest.code if rest else "")
    return None


@cache
def _generic() -> frozenset[str]:
    """Lemmas of words NER takes for names that name no one ("СМИ", "ОАО" alone)."""
    return frozenset(" ".join(lemma_key(row["word"])) for row in rows("not_entities.csv"))


def complete_organizations(text: str, mentions: list) -> list:
    """Organisation mentions as the text names them, which NER often cuts short or mistypes.

    - a name the organisations file knows is an organisation, whatever NER typed it ("ЕС");
    - an organisation runs on over the place that follows it in the genitive or as an
      abbreviation ("Конгресса США", "МИД РФ", "Совета муфтиев России"), the place staying a
      mention of its own;
    - a national body starts at a country adjective right before it ("японского МИДа");
    - a body noun right before a place ("правительства Казахстана", "посольство России",
      "мэрии Москвы") is an organisation mention;
    - a generic word alone ("СМИ", "ОАО") is no mention;
    - a "person" that starts with a known organisation is that organisation and a person
      ("Мажилиса Ерлан Касымов").

    ``mentions`` are ``nlp.Mention`` records sorted by offset; the result is sorted the same way.
    """
    from dataclasses import replace

    from .geo import adjective_place, find_place

    generic = _generic()
    found = []
    for m in mentions:
        if " ".join(lemma_key(m.text)) in generic:
            continue
        head = m.text.split()[0]
        if m.type == MentionType.PER and len(m.text.split()) >= 3 and lemma_key(head) in _index():
            # "депутат Мажилиса Ерлан Касымов": NER runs the body into the name that follows it
            rest = m.text.index(" ", len(head)) + 1
            found.append(
                replace(m, stop=m.start + len(head), text=head, type=MentionType.ORG, normal=m.normal.split()[0])
            )
            m = replace(m, start=m.start + rest, text=m.text[rest:], normal=" ".join(m.normal.split()[1:]))
        if m.type != MentionType.ORG and m.text[:1].isupper() and _known(m.text):
            m = replace(m, type=MentionType.ORG)
        found.append(m)
    result = list(found)
    for i, m in enumerate(found):
        place = find_place(m.text) if m.type == MentionType.LOC and m.text[:1].isupper() else None
        if place is None or not _genitive_or_abbreviation(m.text):
            continue
        before = found[i - 1] if i else None
        if before and before.type == MentionType.ORG and text[before.stop : m.start] == " ":
            result[i - 1] = replace(
                before, stop=m.stop, text=text[before.start : m.stop], normal=f"{before.normal} {m.text}"
            )
            continue
        word = _word_before(text, m.start)
        if word and (before is None or before.stop <= word[0]) and _national(word[2]):
            result.append(
                replace(
                    m,
                    start=word[0],
                    text=text[word[0] : m.stop],
                    type=MentionType.ORG,
                    normal=f"{_nominative(word[2])} {m.text}",
                )
            )
    for i, m in enumerate(result):
        word = _word_before(text, m.start)
        if m.type == MentionType.ORG and word and adjective_place(word[2]) and _national(m.text):
            result[i] = replace(
                m, start=word[0], text=text[word[0] : m.stop], normal=f"{_agreeing(word[2], m.normal)} {m.normal}"
            )
    return sorted(result, key=lambda m: (m.start, m.stop))


_WORD_BEFORE = re.compile(r"([\w-]+) $")


def _word_before(text: str, start: int) -> tuple[int, int, str] | None:
    """The word that ends one space before ``start``."""
    match = _WORD_BEFORE.search(text, max(0, start - 40), start)
    return (match.start(1), match.end(1), match.group(1)) if match else None


def _known(text: str) -> bool:
    organization = _index().get(lemma_key(text))
    return organization is not None and not organization.national


def _national(text: str) -> bool:
    """Whether ``text`` is a national body of the organisations file, whole."""
    organization = _index().get(lemma_key(text))
    return organization is not None and organization.national


def _genitive_or_abbreviation(text: str) -> bool:
    first = text.split()[0]  # "Республики Казахстан": the first word carries the case
    return first.isupper() or any(form.tag.case == "gent" for form in readings(first))


def _nominative(word: str) -> str:
    form = parse(word)
    inflected = form.inflect({"Nom"}) if form else None
    name = inflected.word if inflected else word.lower()
    return name.upper() if word.isupper() else name[:1].upper() + name[1:] if word[:1].isupper() else name


def _agreeing(adjective: str, noun_phrase: str) -> str:
    """``adjective`` in the nominative, agreeing with the first word of ``noun_phrase``."""
    noun = parse(noun_phrase.split()[0])
    if noun is not None and noun.tag.number == "plur":
        form = parse(adjective)
        inflected = form.inflect({"Nom", "Plur"}) if form else None
        word = inflected.word if inflected else adjective.lower()
    else:
        word = nominative(adjective, noun.tag.gender if noun is not None else None)
    return word[:1].upper() + word[1:] if adjective[:1].isupper() else word
