"""The gazetteer: countries, regions and cities, with ISO 3166 codes.

Countries are the ISO 3166-1 territories of CLDR (through Babel) with their Russian and English
names, and their adjectives ("уругвайский") made from those names by the rules of
``data/country_adjectives.csv`` where the dictionary knows the result; cities are the exemplar
cities of CLDR's time zones. ``data/geo.csv`` adds what no package knows: short forms and
abbreviations ("САР", "РК"), official long forms, former names, irregular adjectives, the regions
the project needs and more cities (a row of a country's code extends that country).

Names are matched by their lemmas, so every case form and the usual variants ("РК",
"Республики Казахстан", "Беларусью") find the same entry; a form of state
(``data/state_forms.csv``) may stand before any country's name ("Султаната Бруней").
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache

from babel import Locale
from babel.core import get_global

from ..lexicon import rows
from .lemmas import lemma, morph_vocab, parse, readings


@dataclass(frozen=True, slots=True)
class Place:
    """A gazetteer entry: ``kind`` is country, region or city; ``country`` the ISO code it belongs to."""

    code: str
    kind: str
    name: str
    name_en: str
    country: str


@lru_cache(maxsize=100_000)  # asked of every mention by several look-ups: the same names recur in every article
def lemma_key(text: str) -> tuple[str, ...]:
    """The words of ``text`` as dictionary lemmas, lowercased, ё as е."""
    words = re.findall(r"[\w]+(?:-[\w]+)*", text.lower().replace("ё", "е"))
    return tuple(lemma(word) for word in words)


Entry = tuple[Place, tuple[str, ...], tuple[str, ...]]


@cache
def gazetteer() -> tuple[Entry, ...]:
    """Every country, region and city with its names and adjectives (the one reader of CLDR's
    places and of ``data/geo.csv``): countries first, so a city of a country's name ("Панама",
    "Тунис") never hides the country."""
    extra = rows("geo.csv")
    by_code = {row["code"]: row for row in extra if row["kind"] == "country"}
    countries = [_country(code, by_code.get(code)) for code in _iso_codes()]
    # adjectives geo.csv gives are the country's (an irregular one means the rule's would be
    # another word: "италийский" is ancient Italic, not "итальянский")
    derived = _derived_adjectives([(place.code, names) for place, names, own in countries if not own])
    entries: list[Entry] = [
        (place, names, own or tuple(derived.get(place.code, ()))) for place, names, own in countries
    ]
    entries += [  # regions and the cities CLDR lacks or names without their other names
        (Place(row["code"], row["kind"], row["name"], row["name_en"], row["country"]), *_names(row))
        for row in extra
        if row["kind"] != "country"
    ]
    taken = {lemma_key(name) for _, names, _ in entries for name in names}
    return (*entries, *_cities(taken))


def _unique(items) -> tuple[str, ...]:
    """``items`` without empty ones and repeats, in order."""
    return tuple(dict.fromkeys(filter(None, items)))


def _names(row: dict | None) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The names and adjectives a ``geo.csv`` row adds (none without a row)."""
    if row is None:
        return (), ()
    return _unique([row["name"], *row["names"].split("|")]), _unique(row["adjectives"].split("|"))


@cache
def _iso_codes() -> tuple[str, ...]:
    """The ISO 3166-1 alpha-2 codes: CLDR maps every ISO numeric code (below 900; above are
    private use, like Kosovo's) to its alpha-2 code, which leaves out CLDR's other regions
    ("EU", "UN", "Canary Islands")."""
    aliases = get_global("territory_aliases")
    return tuple(sorted({t[0] for k, t in aliases.items() if k.isdigit() and int(k) < 900 and len(t) == 1}))


@cache
def _territory_names(locale: str) -> dict[str, str]:
    """CLDR's name of each ISO territory in ``locale``, without a qualifier in brackets
    ("Гонконг (САР)" -> "Гонконг") unless two territories would then share a name."""
    names = {code: Locale(locale).territories[code] for code in _iso_codes()}
    bare = {code: re.sub(r"\s*\(.*?\)", "", name) for code, name in names.items()}
    counts = Counter(bare.values())
    return {code: bare[code] if counts[bare[code]] == 1 else names[code] for code in names}


def _country(code: str, row: dict | None) -> Entry:
    """A country from CLDR, extended by its ``geo.csv`` row: the row's name and English name win,
    its names add to CLDR's Russian and English ones (some texts write the English), and its
    adjectives, if any, stand instead of the derived ones (see ``gazetteer``)."""
    russian, english = _territory_names("ru")[code], _territory_names("en")[code]
    names, adjectives = _names(row)
    name = row["name"] if row else russian
    name_en = row["name_en"] if row and row["name_en"] else english
    return Place(code, "country", name, name_en, code), _unique([name, *names, russian, english]), adjectives


@cache
def _adjective_rules() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(name ending, adjective suffixes in order) of ``data/country_adjectives.csv``."""
    return tuple((row["ending"], tuple(row["suffixes"].split("|"))) for row in rows("country_adjectives.csv"))


def _known_adjective(word: str) -> bool:
    """The dictionary has ``word`` as an adjective in its own right (not guessed)."""
    return morph_vocab().word_is_known(word) and any(
        form.tag.POS == "ADJF" and form.normal.replace("ё", "е") == word for form in readings(word)
    )


def _adjective(name: str) -> tuple[int, str] | None:
    """The first adjective the rules make of a one-word name that the dictionary knows, and how
    many candidates came before it: "Швейцария" -> (1, "швейцарский")."""
    word = name.lower().replace("ё", "е")
    if not re.fullmatch(r"[а-я]+", word) or name.isupper():
        return None
    rank = 0
    for ending, suffixes in _adjective_rules():
        if word.endswith(ending):
            for suffix in suffixes:
                candidate = word[: len(word) - len(ending)] + suffix
                if _known_adjective(candidate):
                    return rank, candidate
                rank += 1
    return None


def _derived_adjectives(countries: list[tuple[str, tuple[str, ...]]]) -> dict[str, list[str]]:
    """Each country's adjectives made of its one-word names; an adjective two countries' names
    make goes to the one it comes first for ("нигерийский": Нигерия, not Нигер), to none on a tie."""
    best: dict[str, tuple[int, set[str]]] = {}
    for code, names in countries:
        for found in filter(None, map(_adjective, names)):
            rank, adjective = found
            held = best.get(adjective)
            if held is None or rank < held[0]:
                best[adjective] = (rank, {code})
            elif rank == held[0]:
                held[1].add(code)
    derived: dict[str, list[str]] = {}
    for adjective, (_, codes) in best.items():
        if len(codes) == 1:
            derived.setdefault(next(iter(codes)), []).append(adjective)
    return derived


def _cities(taken: set[tuple[str, ...]]) -> list[Entry]:
    """The exemplar cities of CLDR's time zones with their country, except names already taken
    (a country's: "Панама"), names of islands or with a state ("о-в Пасхи", "Нокс, Индиана"), and
    words the dictionary knows first as something else ("Восток", "Центр")."""
    russian, english = Locale("ru").time_zones, Locale("en").time_zones
    countries = set(_iso_codes())
    cities = []
    for zone, territory in get_global("zone_territories").items():
        name = russian.get(zone, {}).get("city")
        if territory not in countries or not name or "," in name or any(w[:1].islower() for w in name.split()):
            continue
        key = lemma_key(name)
        if key in taken or (" " not in name and _ordinary_word(name)):
            continue
        taken.add(key)
        # CLDR names a zone's city in English only where it differs from the zone's own name
        name_en = english.get(zone, {}).get("city") or zone.rsplit("/", 1)[-1].replace("_", " ")
        cities.append((Place("", "city", name, name_en, territory), (name,), ()))
    return cities


def _ordinary_word(name: str) -> bool:
    """The dictionary knows ``name`` and its most likely reading is no place name."""
    form = parse(name)
    return bool(form) and morph_vocab().word_is_known(name.lower()) and "Geox" not in form.tag.grammemes


def country_name(code: str) -> str | None:
    """The Russian name of the country or region with ISO code ``code``."""
    return next((place.name for place, _, _ in gazetteer() if place.code == code), None)


@cache
def english_names() -> dict[str, str]:
    """Russian name -> English name of every entry that has one."""
    return {place.name: place.name_en for place, _, _ in gazetteer() if place.name_en}


@cache
def _index() -> dict[tuple[str, ...], tuple[Place, str]]:
    """Names as written (lowercased) and, for those that inflect, their lemma keys -> the entry
    and the variant's own spelling."""
    index: dict[tuple[str, ...], tuple[Place, str]] = {}
    forms = [row["word"] for row in rows("state_forms.csv")]
    for place, names, _ in gazetteer():
        for name in names:
            if _inflects(name):
                index.setdefault(lemma_key(name), (place, name))
            index.setdefault(tuple(name.lower().replace("ё", "е").split()), (place, name))
        if place.kind == "country":  # "Республики Уругвай", "Султанате Бруней": a form of state before a name
            for form in forms:
                for name in names:
                    key = lemma_key(name)
                    if _inflects(name) and re.fullmatch(r"[А-ЯЁ][А-ЯЁа-яё -]+", name) and key[0] not in forms:
                        index.setdefault((form, *key), (place, f"{form.capitalize()} {name}"))
    return index


def _inflects(name: str) -> bool:
    """Whether a name's case forms are found by its lemmas: not for an abbreviation ("САР" read
    as a form of "Сара"), nor for a word read first as a pronoun ("Того" as "тот": "той", "тем")."""
    if name.isupper():
        return False
    form = parse(name) if " " not in name else None
    return not (form and {"Apro", "NPRO"} & form.tag.grammemes)


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


def compound_places(word: str) -> list[tuple[int, int, Place]]:
    """The countries a compound adjective names, each with its part's offsets in ``word``
    ("российско-казахстанские" -> Россия at 0-9, Казахстан at 10-23); none unless every part
    names a country. A first part takes the last one's ending ("российско" -> "российские")."""
    if "-" not in word:
        return []
    parts = list(re.finditer(r"[^-]+", word))
    if len(parts) < 2:
        return []
    ending = parts[-1].group()[-2:]
    found = []
    for part in parts:
        text = part.group()
        candidates = [text] if part is parts[-1] else [text[:-1] + ending, text[:-1] + "ск" + ending]
        place = next((p for p in map(adjective_place, candidates) if p and p.kind == "country"), None)
        if place is None:
            return []
        found.append((part.start(), part.end(), place))
    return found


def place_for_key(key: tuple[str, ...]) -> Place | None:
    """The entry whose name has these lemmas (see ``lemma_key``)."""
    found = _index().get(key)
    return found[0] if found else None


def genitive(name: str) -> str:
    """A place name in the genitive: its adjectives and first noun inflected, the rest kept
    ("Казахстан" -> "Казахстана", "Южная Корея" -> "Южной Кореи", "Соединённые Штаты Америки"
    -> "Соединённых Штатов Америки"); an abbreviation as it is."""
    words = name.split(" ")
    for index, word in enumerate(words):
        form = parse(word) if not word.isupper() else None
        inflected = (form.inflect({"Gen"}) or form.inflect({"Gen", "Plur"})) if form else None
        if inflected is None:
            break
        words[index] = _spelled_as(inflected.word, word)
        if form.tag.POS not in ("ADJF", "PRTF"):  # the head noun: what follows it is its complement
            break
    return " ".join(words)


def _spelled_as(word: str, original: str) -> str:
    """``word`` with the capital of ``original`` and its е where it wrote one for ё."""
    word = word if "ё" in original.lower() else word.replace("ё", "е")
    return word[:1].upper() + word[1:] if original[:1].isupper() else word


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
    # a word in capitals is an abbreviation ("ГУАМ" is no "Гуам"), or a city heading a dateline
    # ("АСТАНА. КАЗИНФОРМ"): it names a country only as one of its abbreviations ("РК", "САР")
    capitals = text.isupper() and len(text) > 1
    for key in (tuple(text.lower().replace("ё", "е").split()), lemma_key(text)):
        found = index.get(key)
        if found and (not capitals or found[1].isupper() or found[0].kind == "city"):
            return found
    return None
