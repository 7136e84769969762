"""Turn mentions into actors: one canonical, nominative name per person, organisation or place.

Within an article a surname alone ("Петров", "Петрова", "де Фортуры") or with an initial
("И. Петров", "И.Петров") is the same person as the one full name that ends with that surname
(in any case, with its particles) and starts with that initial; a first name alone ("Алина")
is the one full name that starts with it. Forms of one name in other cases join its nominative
when the article has it ("Пак Сун Гака" -> "Пак Сун Гак"). A surname that ends several full
names is the one named last before it; a short first name ("Макс Рудин") is the full name
with the longer one ("Максим Рудин"). A one-word "person" that names a place or organisation
(elsewhere in the article, in the gazetteer, in the dictionary) is that place or organisation.
The actor id is derived from kind and name only, so the same person is the same actor in every
article.

Countries and regions (kind ``country``, with an ISO 3166 code) and cities (kind ``place``,
with their country) come from the gazetteer, whatever the case or variant ("РК",
"Республики Казахстан" -> Казахстан, KZ; "РТ" -> Татарстан, RU-TA).

News outlets are kind ``media``: a mention where the text cites its source, or whose words
are an outlet's name ("Казинформу", "Tengrinews.kz"), is a source, never a person or an
organisation in the story.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..language.geo import country_name, find_place, genitive
from ..language.nlp import Mention, name_nominatives, name_particle, place_word
from ..language.organizations import find_organization
from ..reading.metadata import outlet_name
from ..vocabulary import ActorKind, MentionType

# the actor kind a mention's type gives, before the gazetteer and outlets say more
_KIND_OF_TYPE = {
    MentionType.PER: ActorKind.PERSON,
    MentionType.ORG: ActorKind.ORGANIZATION,
    MentionType.LOC: ActorKind.PLACE,
}
_INITIAL = re.compile(r"^(?P<initials>(?:[А-ЯЁA-Z]\.\s*){1,2})(?P<surname>[А-ЯЁA-Z][\w-]+)$")


@dataclass(frozen=True, slots=True)
class Actor:
    actor_id: str
    name: str
    kind: str
    code: str = ""  # ISO 3166 code of a country or region
    country: str = ""  # ISO 3166-1 code of the country a place, region or country belongs to


def actor_id(kind: str, name: str) -> str:
    """Stable id, readable in tables: ``person:иван_петров``."""
    return f"{kind}:{'_'.join(name.lower().replace('ё', 'е').split())}"


def resolve_actors(
    mentions: tuple[Mention, ...] | list[Mention], source_spans: tuple[tuple[int, int], ...] = ()
) -> tuple[list[Actor], list[str]]:
    """The article's actors (sorted by id) and the actor id of each mention, in order.

    ``source_spans`` are where the article names the outlets it cites (``Article.source_spans``).
    """
    nominative = _nominatives({_clean(m.normal) for m in mentions if m.type == MentionType.PER})
    full_names = sorted(
        {name for name in nominative.values() if _first_name_and_surname(name) and not _INITIAL.match(name)}
    )
    mentions = _places_read_as_people(mentions, full_names)
    short_forms = _short_forms(full_names)
    outlets = [outlet_name(m.text) or outlet_name(_clean(m.normal)) for m in mentions]
    places = [
        find_place(m.text, _clean(m.normal)) if m.type != MentionType.PER and not outlet else None
        for m, outlet in zip(mentions, outlets)
    ]
    bodies = _bodies_by_country(mentions, places, outlets)
    forms: dict[str, list[str]] = {}
    details: dict[str, tuple[str, str, str]] = {}  # actor id -> kind, code, country
    ids = []
    named: list[str] = []  # the full names of people so far, in the order the article names them
    for index, mention in enumerate(mentions):
        kind = _KIND_OF_TYPE[mention.type]
        name = _clean(mention.normal)
        code = country = ""
        outlet, place = outlets[index], places[index]
        organization = find_organization(mention.text) if kind == ActorKind.ORGANIZATION and not outlet else None
        if outlet or any(mention.start < stop and start < mention.stop for start, stop in source_spans):
            kind, name = ActorKind.MEDIA, outlet or name
        elif place:
            kind = ActorKind.PLACE if place.kind == "city" else ActorKind.COUNTRY
            name, code, country = place.name, place.code, place.country
        elif organization:
            name = organization.organization.name
            if organization.organization.national:
                country = organization.country or _adjacent_country(mentions, places, index)
                if not country and not organization.city:
                    country = _body_country(bodies.get(name, []), mention.start)
                if organization.city or country:
                    name = f"{name} {genitive(organization.city or country_name(country))}"
        elif kind == ActorKind.PERSON:
            name = _full_name(nominative.get(name, name), full_names, named)
            name = short_forms.get(name, name)
            if name in full_names:
                named.append(name)
        aid = actor_id(kind, code or name)
        forms.setdefault(aid, []).append(name)
        details[aid] = (kind, code, country)
        ids.append(aid)
    actors = [Actor(aid, _preferred(forms[aid]), *details[aid]) for aid in sorted(forms)]
    return actors, ids


def apply_aliases(
    actors: list[Actor], actor_ids: list[str], aliases=()
) -> tuple[list[Actor], list[str | None], set[int]]:
    """The user's corrections (rows of ``aliases.csv``, ``reading.overrides.Alias``) applied to
    one article's actors: an actor a row names takes that row's name (its kind, code and country
    stay), so actors given one name become one (the one that had the name already, if any); a
    dropped actor is none, and its mentions' ids are None. Returns the actors (sorted by id),
    each mention's actor id and the rows used."""
    if not aliases:
        return actors, list(actor_ids), set()
    renamed: dict[str, Actor | None] = {}
    used = set()
    for actor in actors:
        alias = next((a for a in aliases if a.matches(actor.actor_id, actor.name)), None)
        if alias is None:
            renamed[actor.actor_id] = actor
            continue
        used.add(alias.row)
        new_id = actor_id(actor.kind, alias.name)
        renamed[actor.actor_id] = None if alias.action == "drop" else replace(actor, actor_id=new_id, name=alias.name)
    # an actor that has the name already keeps its code and country: the others merge into it
    merged = {a.actor_id: a for a in actors if renamed[a.actor_id] is a}
    for actor in renamed.values():
        if actor is not None:
            merged.setdefault(actor.actor_id, actor)
    ids = [renamed[aid].actor_id if renamed[aid] else None for aid in actor_ids]
    return [merged[aid] for aid in sorted(merged)], ids, used


def _places_read_as_people(mentions, full_names: list[str]) -> list[Mention]:
    """The mentions, a one-word "person" that is no word of the article's full names typed as the
    place or organisation it names: as the article's other mentions of that name are ("Лесото"
    as LOC and PER -> LOC), or as LOC when the gazetteer has it as a country ("Кувейт") or the
    dictionary as a place and never as a person ("Молдавией")."""
    name_words = {word.lower() for name in full_names for word in name.split()}
    others = {_clean(m.normal).lower(): m.type for m in mentions if m.type != MentionType.PER}
    found = []
    for mention in mentions:
        name = _clean(mention.normal)
        if mention.type == MentionType.PER and len(name.split()) == 1 and name.lower() not in name_words:
            place = find_place(mention.text, name)
            if name.lower() in others:
                mention = replace(mention, type=others[name.lower()])
            elif (place and place.kind != "city") or place_word(mention.text):
                mention = replace(mention, type=MentionType.LOC)
        found.append(mention)
    return found


def _body_country(named: list[tuple[int, str]], start: int) -> str:
    """The country of a national body named without one at ``start`` ("пресс-служба
    Минобороны"), as a surname alone is the person named with it: the one country the article
    names that body with, else the country it was last named with before, else none."""
    countries = {country for _, country in named}
    if len(countries) == 1:
        return next(iter(countries))
    return next((country for at, country in reversed(named) if at < start), "")


def _bodies_by_country(mentions, places, outlets) -> dict[str, list[tuple[int, str]]]:
    """Each national body of the article and where it is named with which country, in text order."""
    found: dict[str, list[tuple[int, str]]] = {}
    for index, mention in enumerate(mentions):
        if mention.type != MentionType.ORG or outlets[index] or places[index]:
            continue
        organization = find_organization(mention.text)
        if organization and organization.organization.national and not organization.city:
            country = organization.country or _adjacent_country(mentions, places, index)
            if country:
                found.setdefault(organization.organization.name, []).append((mention.start, country))
    return found


def _adjacent_country(mentions, places, index: int) -> str:
    """The country named right after a national body ("МО РК") or by an adjective right before it."""
    mention = mentions[index]
    for other in (index + 1, index - 1):
        if 0 <= other < len(mentions) and places[other] and places[other].kind != "city":
            near = mentions[other]
            gap = near.start - mention.stop if other > index else mention.start - near.stop
            adjective_before = other < index and near.text[:1].islower()
            if 0 <= gap <= 1 and (other > index or adjective_before):
                return places[other].code
    return ""


def _preferred(names: list[str]) -> str:
    """The form to show: not a capitalised dateline ("АСТАНА" -> "Астана"), then the most frequent."""

    def rank(name: str):
        shouting = name.isupper() and len(name) > 5  # short capitals are abbreviations: ОДКБ
        return shouting, -names.count(name), names.index(name)

    return min(names, key=rank)


def _clean(name: str) -> str:
    return " ".join(name.split())


def _same_word(nominative: str, word: str) -> bool:
    """``word`` is ``nominative`` or a case form of it ("Хурга" of "Хург", "Фортуры" of "Фортура")."""
    return nominative.lower() == word.lower() or nominative.lower() in name_nominatives(word)


def _explains(nominative: str, name: str) -> bool:
    """Every word of ``name`` is the word of ``nominative`` in its place, or a case form of it."""
    first, second = nominative.split(), name.split()
    return len(first) == len(second) and all(_same_word(a, b) for a, b in zip(first, second))


def _nominatives(names: set[str]) -> dict[str, str]:
    """Each person name of an article mapped to the article's one other form that is its
    nominative ("Пак Сун Гака" -> "Пак Сун Гак" when both occur; "Хурга" -> "Хург"), else itself.
    A nominative ending in -а stays ("Бакурава" and "Бакуравы" -> "Бакурава")."""
    found = {}
    same_length: dict[int, list[str]] = {}  # only a name of as many words can explain another
    for name in names:
        same_length.setdefault(len(name.split()), []).append(name)
    for name in names:
        forms = {
            other
            for other in same_length[len(name.split())]
            if other != name and _explains(other, name) and not _explains(name, other)
        }
        found[name] = forms.pop() if len(forms) == 1 else name
    return found


def _first_name_and_surname(name: str) -> bool:
    """More than a surname: a word before the surname and its particles ("Паоло де Фортура")."""
    return len(_surname_words(name)) < len(name.split())


def _surname_words(name: str) -> list[str]:
    """The surname and the particles before it: "Паоло де Фортура" -> ["де", "Фортура"]; an
    epithet after a dash is none of them ("Пётр Гордеев — младший" -> ["Гордеев"])."""
    words = _name_words(name)
    start = len(words) - 1
    while start > 0 and name_particle(words[start - 1]):
        start -= 1
    return words[start:]


def _short_forms(full_names: list[str]) -> dict[str, str]:
    """Full names whose first name is the start of another's with the same surname, mapped to
    that one: "Макс Рудин" -> "Максим Рудин" (a short form of one person's first name)."""
    found = {}
    for name in full_names:
        first, *rest = name.split()
        longer = [
            other
            for other in full_names
            if other.split()[1:] == rest and other.split()[0] != first and other.split()[0].startswith(first)
        ]
        if len(first) > 2 and len(longer) == 1:
            found[name] = longer[0]
    return found


def _name_words(name: str) -> list[str]:
    """The words of a name before an epithet after a dash ("Пётр Гордеев — младший")."""
    return name.split(" — ")[0].split()


def _full_name(name: str, full_names: list[str], named: list[str] | tuple[str, ...] = ()) -> str:
    """The article's one full name that a surname (with its particles, in any case) or an
    initial form refers to, else ``name``. When several full names end in it ("Ислам Петров"
    and "Азат Петров"), the one the article named last before it (``named``, in order)."""
    initial = _INITIAL.match(name)
    if initial:
        surname, first_letter = [initial["surname"]], initial["initials"][0]
    elif not _first_name_and_surname(name):
        surname, first_letter = name.split(), ""
    else:
        return name
    ending = [full for full in full_names if full.startswith(first_letter) and len(_name_words(full)) > len(surname)]
    # the surname as written first; a case form only when no full name has it as written
    candidates = [full for full in ending if _name_words(full)[-len(surname) :] == surname] or [
        full for full in ending if all(_same_word(a, b) for a, b in zip(_name_words(full)[-len(surname) :], surname))
    ]
    if not candidates and not initial and len(surname) == 1:
        # a first name alone ("Алина") once the article has named her in full, or a surname
        # written first ("Ли" of "Ли Минхао")
        candidates = [full for full in full_names if full.split()[0] == surname[0]]
    if len(candidates) == 1:
        return candidates[0]
    latest = [full for full in reversed(named) if full in candidates]
    if latest:
        return latest[0]
    if initial:
        return f"{'. '.join(re.findall(r'[А-ЯЁA-Z]', initial['initials']))}. {initial['surname']}"
    return name
