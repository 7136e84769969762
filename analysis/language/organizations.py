"""Well-known organisations from ``data/organizations.csv``, merged across abbreviations and long forms.

A national body (ministry, general staff, armed forces, government) takes its country from
the words that follow it ("Министерство обороны Республики Казахстан", "МО РК",
"Минобороны России") or the adjective before it ("казахстанское Минобороны"); without one
it stays a body of unknown country.

Within an article a name defined by another ("Либерально-демократическая партия (ЛДП)",
"ЛДП (Либерально-демократическая партия)", "Исламское государство, также известное как
ДАИШ") is one organisation under its fuller name, wherever either form recurs.
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
            if size < len(key) and rest is None:
                continue  # "Совет безопасности ООН", "Конгресс украинских националистов": another body
            if rest and rest.kind == "city":
                return Match(organization, rest.country, rest.name)
            return Match(organization, rest.code if rest else "")
    return None


@cache
def _generic(kind: str) -> frozenset[str]:
    """Lemmas of the ``not_entities.csv`` words of ``kind``: "generic" words name no one ("СМИ",
    "ОАО" alone), "head" words name an organisation only with the words after them ("Совет"
    alone, "Совет муфтиев")."""
    words = [row["word"] for row in rows("not_entities.csv") if row["kind"] == kind]
    return frozenset([" ".join(lemma_key(word)) for word in words] + [word.lower() for word in words])


def _is_generic(m, kind: str) -> bool:
    """Whether mention ``m`` is a ``not_entities.csv`` word of ``kind``, by its lemmas or its
    nominative ("Главному управлению": "главное управление")."""
    words = _generic(kind)
    return " ".join(lemma_key(m.text)) in words or m.normal.lower() in words


def complete_organizations(text: str, mentions: list) -> list:
    """Organisation mentions as the text names them, which NER often cuts short or mistypes.

    - a name the organisations file knows is an organisation, whatever NER typed it ("ЕС");
    - a span ends before a bracket after the name and never keeps an unbalanced quote or
      bracket ("Исламского государства» (ИГ" -> "Исламского государства");
    - an organisation runs on over the place that follows it in the genitive or as an
      abbreviation ("Конгресса США", "МИД РФ", "Совета муфтиев России"), the place staying a
      mention of its own, and over the organisation it belongs to ("Секретариата ООН",
      "Института востоковедения РАН"), which stays one too;
    - a head word alone runs on over the genitive words after it ("Лиги военных дипломатов");
    - a national body starts at a country adjective right before it ("японского МИДа");
    - a body noun right before a place ("правительства Казахстана", "посольство России",
      "мэрии Москвы") is an organisation mention;
    - a name and the abbreviation or other name in brackets after it, or the name a text says
      it is "также известн... как", are one organisation, its fuller name, in every mention;
    - a generic word ("СМИ", "ОАО") or a head word ("Совет", "Секретариат") alone, people
      ("Специалисты"), an adjective or a verb NER took for a name is no mention, nor is a national
      body with no country where the article names that body with its country, nor an outlet
      the article cites elsewhere ("передаёт «Вестник»": a later «Вестник» is that source);
    - a "person" that starts with a known organisation is that organisation and a person
      ("Мажилиса Ерлан Касымов").

    ``mentions`` are ``nlp.Mention`` records sorted by offset; the result is sorted the same way.
    """
    from dataclasses import replace

    found = []
    for m in mentions:
        if _is_generic(m, "generic"):
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
        found.extend(_split_bracket(text, m) if m.type != MentionType.PER else [m])
    found.sort(key=lambda m: (m.start, m.stop))
    result = _run_on(text, found)
    result = _aliases(text, sorted(result, key=lambda m: (m.start, m.stop)))
    return _named(text, sorted(result, key=lambda m: (m.start, m.stop)))


def _run_on(text: str, found: list) -> list:
    """``found`` with organisation mentions run on over the place, organisation or genitive words
    after them, and with bodies named by a noun or an adjective next to a place."""
    from dataclasses import replace

    from .geo import adjective_place, find_place

    result = list(found)
    starting = _by_offset(found, "start")  # indices into ``result``: merging keeps a start
    # right to left, so that "Генштаба ВС РФ" takes "ВС РФ" whole
    for i in range(len(result) - 1, -1, -1):
        m = result[i]
        if m.type != MentionType.ORG or _common_word(text, m):
            continue
        after = [result[j] for j in starting.get(m.stop + 1, ()) if text[m.stop] == " "]
        after = max(after, key=lambda o: o.stop, default=None)
        if after and after.type == MentionType.LOC:
            place = find_place(after.text) if after.text[:1].isupper() else None
            if place and _genitive_or_abbreviation(after.text):
                result[i] = replace(
                    m, stop=after.stop, text=text[m.start : after.stop], normal=f"{m.normal} {after.text}"
                )
        elif after and after.type == MentionType.ORG and after.text.split()[0].isupper():
            # the body an organisation belongs to, by its abbreviation ("Секретариата ООН")
            result[i] = replace(m, stop=after.stop, text=text[m.start : after.stop], normal=f"{m.normal} {after.text}")
        elif _is_generic(m, "head"):
            tail = _genitive_tail(text, m.stop)
            if tail:
                result[i] = replace(m, stop=tail, text=text[m.start : tail], normal=f"{m.normal}{text[m.stop : tail]}")
    ending = _by_offset(found, "stop")
    for m in found:
        place = find_place(m.text) if m.type == MentionType.LOC and m.text[:1].isupper() else None
        if place is None or not _genitive_or_abbreviation(m.text):
            continue
        word = _word_before(text, m.start)
        if word is None:
            continue
        # a mention holding the word starts or ends with it, or runs on over the place too
        holding = [*ending.get(word[1], ()), *starting.get(word[0], ()), *ending.get(m.stop, ())]
        if not any(found[j].start <= word[0] for j in holding) and _national(word[2]):
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
    return result


_TAIL_WORD = re.compile(r" ([а-яё]+(?:-[а-яё]+)*)")


def _genitive_tail(text: str, stop: int) -> int:
    """Where the lower-case genitive words after ``stop`` end (adjectives and nouns, ending in a
    noun: " военных дипломатов"), or 0."""
    position, end = stop, 0
    for _ in range(4):
        word = _TAIL_WORD.match(text, position)
        forms = readings(word.group(1)) if word else ()
        if not forms or forms[0].tag.POS not in {"NOUN", "ADJF"}:
            break
        genitive = [f.tag.POS for f in forms if f.tag.case == "gent"]
        if not genitive:
            break
        position = word.end()
        end = position if "NOUN" in genitive else end
    return end


_OPENING, _CLOSING = "«(", "»)"
# what a bracket after a name may hold as its other name: an abbreviation ("ЛДП", "ХДС/ХСС",
# "IBU"), words in Latin letters, or a short capitalised name ("Управление «А»")
_BRACKETED = re.compile(
    r"\(\s*(?P<name>[A-ZА-ЯЁ][A-Za-zА-Яа-яЁё]*[A-ZА-ЯЁ][\w/-]*|[A-Z][\w&.'-]*(?: [A-Za-z][\w&.'-]*){0,5}"
    r"|[А-ЯЁ][а-яё-]+(?: [«\"]?[\wА-ЯЁа-яё-]+[»\"]?){0,4})\s*(?=[),;–—]|\s[–—-]\s)"
)


def _by_offset(mentions: list, field: str) -> dict[int, list[int]]:
    """Indices of ``mentions`` by their start or stop offset (``field``)."""
    found: dict[int, list[int]] = {}
    for index, m in enumerate(mentions):
        found.setdefault(getattr(m, field), []).append(index)
    return found


def _split_bracket(text: str, m) -> list:
    """``m`` cut before a bracket it runs into, with the name in that bracket as a mention of its
    own, and without an unbalanced quote or bracket; no mention if nothing is left."""
    from dataclasses import replace

    from .geo import find_place

    found = []
    if "(" in m.text:
        cut = m.text.index("(")
        inner = _BRACKETED.match(text, m.start + cut)
        if inner:
            name = inner["name"]
            kind = MentionType.LOC if find_place(name) else MentionType.ORG
            found.append(
                replace(m, start=inner.start("name"), stop=inner.end("name"), text=name, type=kind, normal=name)
            )
        normal = m.normal[: m.normal.index("(")] if "(" in m.normal else m.normal
        m = replace(m, stop=m.start + len(m.text[:cut].rstrip()), text=m.text[:cut].rstrip(), normal=normal.rstrip())
    m = _balanced(text, m)
    normal = re.sub("[\xad\u200b]", "", m.normal)  # soft hyphens and zero-width spaces of the layout
    if normal != m.normal:
        m = replace(m, normal=normal)
    # "ОПК (ВПК)": neither is a name
    return sorted((x for x in [m, *found] if x.text and not _is_generic(x, "generic")), key=lambda m: m.start)


def _balanced(text: str, m):
    """``m`` without a quote or bracket it opens or closes alone: the name inside quotes it
    opens ("Блок партий «Союз" -> "Союз") unless a legal form goes before them ("ОАО «Завод"
    -> "ОАО «Завод»", the quote closed), the name before one it closes ("Альфа»" -> "Альфа")."""
    from dataclasses import replace

    for opening, closing in zip(_OPENING, _CLOSING):
        if m.text.count(opening) > m.text.count(closing):
            cut = m.text.rindex(opening) + 1
            form = replace(m, text=m.text[: cut - 1].strip(), normal=m.normal[: cut - 1].strip())
            if text[m.stop : m.stop + 1] == closing and form.text and _is_generic(form, "generic"):
                m = replace(m, stop=m.stop + 1, text=m.text + closing, normal=m.normal + closing)
                continue
            normal = m.normal[m.normal.rindex(opening) + 1 :] if opening in m.normal else m.text[cut:]
            m = replace(m, start=m.start + cut, text=m.text[cut:], normal=normal)
        elif m.text.count(closing) > m.text.count(opening):
            cut = m.text.index(closing)
            normal = m.normal[: m.normal.index(closing)] if closing in m.normal else m.text[:cut]
            m = replace(m, stop=m.start + cut, text=m.text[:cut], normal=normal)
    stripped = m.text.strip()
    start = m.start + m.text.index(stripped) if stripped else m.start
    return replace(m, start=start, stop=start + len(stripped), text=stripped, normal=m.normal.strip())


# "Исламское государство, также известное как ДАИШ", "(оно же ДАИШ)"
_ALSO_KNOWN = re.compile(
    r"[»\"]?,?\s*\(?\s*(?:(?:также\s+)?(?:известн|именуем)\w*\s+(?:также\s+)?как|(?:он|она|оно|они)\s+же)\s+[«\"]?",
    re.IGNORECASE,
)
_ABBREVIATION = re.compile(r"[A-ZА-ЯЁ][A-Za-zА-Яа-яЁё]*[A-ZА-ЯЁ][\w/-]*")


def _aliases(text: str, mentions: list) -> list:
    """Mentions with every name the article equates with an organisation's fuller name
    ("Name (ABBR)", "ABBR (Name)", "Name (ABBR) Owner", "Name, также известная как ABBR")
    turned into that name, wherever it occurs; an abbreviation of a place ("Республика Молдова
    (РМ)") names that place."""
    from dataclasses import replace

    from .geo import find_place

    mentions = list(mentions)
    starting, ending = _by_offset(mentions, "start"), _by_offset(mentions, "stop")
    names: dict[str, tuple[str, str]] = {}  # a text -> the normal form and type it stands for
    for index, m in enumerate(list(mentions)):
        if m.type not in (MentionType.ORG, MentionType.LOC) or m.text in names:
            continue
        opening = re.compile(r"[»\"]?\s*\(\s*[«\"]?").match(text, m.stop) or _ALSO_KNOWN.match(text, m.stop)
        if not opening:
            continue
        other = max((mentions[j] for j in starting.get(opening.end(), ())), key=lambda o: o.stop, default=None)
        if other is None and _ALSO_KNOWN.match(text, m.stop):
            word = _ABBREVIATION.match(text, opening.end())
            other = word and replace(m, start=word.start(), stop=word.end(), text=word.group(), normal=word.group())
            if other:
                mentions.append(other)
        closing = other and re.compile(r"[»\"]?\s*(?:[),;–—.]|\s-\s|$)").match(text, other.stop)
        if not closing or other.type == MentionType.PER or (other.type == MentionType.LOC and find_place(other.text)):
            continue
        inside = any(mentions[j].type == MentionType.ORG for j in ending.get(m.stop, ()))
        if m.type == MentionType.LOC and (
            inside or not (find_place(m.text, m.normal) and _is_abbreviation(other.text))
        ):
            continue  # a place, not the end of an organisation's name, defines only its abbreviation
        joined = re.search(r"[»\"]?\s+и\s+[«\"]?$", text[max(0, m.start - 6) : m.start])
        if "/" in other.text or (joined and ending.get(m.start - len(joined.group()))):
            continue  # "«Союз А» и «Союз Б» (СА/СБ)": the bracket names both, neither alone
        full, short = (other, m) if _is_abbreviation(m.text) and not _is_abbreviation(other.text) else (m, other)
        normal = full.normal
        owner = re.compile(r"\)\s").match(text, other.stop)
        owner = owner and next(
            (mentions[j] for j in starting.get(owner.end(), ()) if mentions[j].type == MentionType.ORG), None
        )
        if owner and owner.text.split()[0].isupper() and full is m and m.type == MentionType.ORG:
            # "Специальная мониторинговая миссия (СММ) ОБСЕ": the name runs on after the bracket
            normal = f"{m.normal} {owner.text}"
            mentions[index] = replace(m, stop=owner.stop, text=text[m.start : owner.stop], normal=normal)
            names[f"{short.text} {owner.text}"] = (normal, m.type)
        names.setdefault(short.text, (normal, m.type))
        names.setdefault(full.text, (normal, m.type))
    return [
        replace(m, type=names[m.text][1], normal=names[m.text][0])
        if m.text in names and m.type != MentionType.PER and not find_place(m.text)
        else m
        for m in mentions
    ]


def _is_abbreviation(name: str) -> bool:
    return " " not in name and bool(_ABBREVIATION.fullmatch(name))


# readings that make a one-word "organisation" a common word NER took for a name
_NOT_NAMES = {"ADJF", "ADJS", "PRTF", "PRTS", "VERB", "INFN", "GRND"}
_PROPER = {"Name", "Surn", "Patr", "Geox", "Orgn", "Trad"}


def _named(text: str, mentions: list) -> list:
    """``mentions`` without organisation mentions that name no organisation: a head word alone,
    people ("Специалисты"), an adjective or verb, a national body with no country where the
    article names that body with more words ("Совбез" after "Совбез ООН"), and an outlet the article cites elsewhere
    (where it cites it, the mention is that source)."""
    from ..reading.metadata import find_sources, outlet_name

    sources, position = [], 0
    for line in text.split("\n"):  # cues are read line by line, as the article's sources are
        sources.extend(find_sources(line, position))
        position += len(line) + 1
    cited = {lemma_key(source.name) for source in sources}
    # national bodies the article names with more words ("Совбез ООН"): a bare one is that one; a
    # bare body of an article naming it with a country is left to the actors, which resolve it
    named_longer = set()
    for m in mentions:
        match = find_organization(m.text) if m.type == MentionType.ORG else None
        if m.type == MentionType.ORG and match is None:
            key = lemma_key(m.text)
            body = next((_index()[key[:size]] for size in range(len(key) - 1, 0, -1) if key[:size] in _index()), None)
            if body and body.national:
                named_longer.add(body)  # "Совбез ООН": a later "Совбез" is that one
    starting, ending = _by_offset(mentions, "start"), _by_offset(mentions, "stop")
    kept = []
    for m in mentions:
        if m.type == MentionType.ORG:
            if _is_generic(m, "head") or _common_word(text, m):
                continue
            cites = any(s.start < m.stop and m.start < s.stop for s in sources)
            if lemma_key(m.text) in cited and not cites and not outlet_name(m.text):
                continue  # (a known outlet is left as it is: a source wherever it is named)
            match = find_organization(m.text)
            bare = match and match.organization.national and not match.country
            if bare and match.organization in named_longer and not _place_next(mentions, starting, ending, m):
                continue
        kept.append(m)
    return kept


def _common_word(text: str, m) -> bool:
    """A one-word mention that can only be people (plural, animate) or, outside quotes, an
    adjective, participle or verb."""
    if " " in m.text or not re.fullmatch(r"[А-ЯЁа-яё]+", m.text) or m.text.isupper():
        return False
    forms = readings(m.text)
    if not forms or any(_PROPER & set(f.tag.grammemes) for f in forms):
        return False
    best = forms[0].tag
    if best.POS == "NOUN" and best.animacy == "anim" and best.number == "plur":
        return True
    quoted = m.start > 0 and text[m.start - 1] in '«"“'
    return not quoted and best.POS in _NOT_NAMES


def _place_next(mentions: list, starting: dict, ending: dict, m) -> bool:
    """Whether a place follows ``m`` right after it or a country adjective comes right before it
    ("МО РК", where the place is no genitive); ``starting`` and ``ending`` index ``mentions``."""
    after = [mentions[j] for offset in (m.stop, m.stop + 1) for j in starting.get(offset, ())]
    before = [mentions[j] for offset in (m.start, m.start - 1) for j in ending.get(offset, ())]
    return any(o.type == MentionType.LOC for o in after) or any(
        o.type == MentionType.LOC and o.text[:1].islower() for o in before
    )


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
