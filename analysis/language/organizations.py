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
from functools import cache, lru_cache

from ..lexicon import rows
from ..reading.metadata import outlet_name
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


@lru_cache(maxsize=100_000)  # asked of every organisation mention several times: the same names recur
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


def complete_organizations(
    text: str, mentions: list, sources: tuple[str, ...] = (), source_spans: tuple[tuple[int, int], ...] = ()
) -> list:
    """Organisation mentions as the text names them, which NER often cuts short or mistypes.

    - a name the organisations file knows is an organisation, whatever NER typed it ("ЕС");
    - a span ends before a bracket after the name and never keeps an unbalanced quote or
      bracket ("Исламского государства» (ИГ" -> "Исламского государства");
    - an organisation runs on over the place that follows it in the genitive or as an
      abbreviation ("Конгресса США", "МИД РФ", "Совета муфтиев России"), the place staying a
      mention of its own, and over the organisation it belongs to ("Секретариата ООН",
      "Института востоковедения РАН"), which stays one too;
    - a head word alone runs on over the genitive words after it ("Лиги военных дипломатов");
    - a body's name runs on over the members of the organisation it serves ("Совет министров
      обороны государств – участников СНГ"), which stays a mention of its own;
    - a national body starts at a country adjective right before it ("японского МИДа");
    - a body noun right before a place ("правительства Казахстана", "посольство России",
      "мэрии Москвы") or after a country adjective ("казахстанское правительство") is an
      organisation mention;
    - a name and the abbreviation or other name in brackets after it, or the name a text says
      it is "также известн... как", are one organisation, its fuller name, in every mention;
    - a generic word ("СМИ", "ОАО") or a head word ("Совет", "Секретариат") alone, people
      ("Специалисты"), an adjective or a verb NER took for a name is no mention, nor is a national
      body with no country where the article names it with more words ("Совбез" after "Совбез
      ООН"), nor an outlet the article cites elsewhere (``sources``, the outlets the reading found
      at ``source_spans``: after "передаёт «Вестник»" a later «Вестник» is that source);
    - a "person" that starts with a known organisation is that organisation and a person
      ("Мажилиса Ерлан Касымов"); a name run on over "и" and an abbreviation or a known name
      is two organisations ("Союза горняков и ОДКБ");
    - at a sentence start, where every word is capitalised, common words whose noun is no body
      ("Обеспокоенность", "Новые корабли") are no organisation unless the article writes them
      capitalised elsewhere;
    - a craft, weapon or model is no organisation, nor is a site: a quoted name after a craft
      or site word ("лагерь «Северный»", "рынок Бишкека «Восток»") or a project number
      ("фрегат «Адмирал Петров»", "проекта 123 «Сокол»"), the quoted names listed with it, a
      quoted title and surname ("«Академик Петров»"), that name wherever it recurs, a code of
      letters and digits ("Су-57", "X61-12"), a city's name with a number ("Бишкек-2");
    - an abbreviation made of the initials of a longer name of the article ("ЧФ" and
      "Черноморский флот"), and a name the article also gives with more words after it
      ("Совет муфтиев" and "Совет муфтиев России"), are that longer name.

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
        for part in _split_and(m):
            found.extend(_split_bracket(text, part) if part.type != MentionType.PER else [part])
    found.sort(key=lambda m: (m.start, m.stop))
    result = _run_on(text, found)
    result = _aliases(text, sorted(result, key=lambda m: (m.start, m.stop)))
    result = _named(text, sorted(result, key=lambda m: (m.start, m.stop)), sources, source_spans)
    return _one_name(_no_crafts(text, _no_sentence_openers(text, result)))


def _split_and(m) -> list:
    """``m`` as two organisations where NER ran a name on over "и" and an abbreviation or a known
    name ("Союза горняков и ОДКБ"), without an "и" it ends with."""
    from dataclasses import replace

    if m.type == MentionType.ORG and m.text.endswith(" и") and m.normal.endswith(" и"):
        return [replace(m, stop=m.stop - 2, text=m.text[:-2], normal=m.normal[:-2])]  # a span cut after "и"
    if m.type != MentionType.ORG or " и " not in m.text or " и " not in m.normal:
        return [m]
    cut = m.text.rindex(" и ")
    other = m.text[cut + 3 :]
    if not (_is_abbreviation(other) or find_organization(other)):
        return [m]
    first = replace(m, stop=m.start + cut, text=m.text[:cut], normal=m.normal[: m.normal.rindex(" и ")])
    start = m.start + cut + 3
    return [first, replace(m, start=start, text=other, normal=other)]


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
        members = _MEMBERS.match(text, m.stop)
        owner = max((result[j] for j in starting.get(members.end(), ())), key=lambda o: o.stop) if members else None
        if owner and owner.type == MentionType.ORG and _is_abbreviation(owner.text):
            # "Совет министров обороны государств – участников СНГ": the members' body is one name
            result[i] = replace(
                m, stop=owner.stop, text=text[m.start : owner.stop], normal=f"{m.normal}{text[m.stop : owner.stop]}"
            )
            continue
        after = [result[j] for j in starting.get(m.stop + 1, ()) if text[m.stop] == " "]
        after = max(after, key=lambda o: o.stop, default=None)
        if after and after.type == MentionType.LOC:
            # a place in the genitive, known or not ("Совет старейшин Северной республики")
            if after.text[:1].isupper() and _genitive_or_abbreviation(after.text):
                result[i] = replace(
                    m, stop=after.stop, text=text[m.start : after.stop], normal=f"{m.normal} {after.text}"
                )
        elif after and after.type == MentionType.ORG and _owner(after):
            # the body an organisation belongs to, by its abbreviation ("Секретариата ООН") or
            # as a national body in the genitive ("Командования Вооружённых сил Казахстана")
            m = result[i] = replace(
                m, stop=after.stop, text=text[m.start : after.stop], normal=f"{m.normal} {after.text}"
            )
            tail = _by_tail(text, m.stop) if _owned_body(m) else 0
            if tail:  # "Главное управление Минобороны по работе с ветеранами"
                result[i] = replace(m, stop=tail, text=text[m.start : tail], normal=f"{m.normal}{text[m.stop : tail]}")
        elif _is_generic(m, "head") or _cut_short(m) or _owned_body(m):
            # a name NER cut before its genitive words or its "по" words ("Ассоциация
            # держателей акций", "Комитет по делам ветеранов")
            genitive = _genitive_tail(text, m.stop) if _is_generic(m, "head") else _people_tail(text, m.stop)
            tail = (0 if _owned_body(m) else genitive) or _by_tail(text, m.stop)
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
            normal = f"{_nominative(word[2])} {m.text}"
            result.append(replace(m, start=word[0], text=text[word[0] : m.stop], type=MentionType.ORG, normal=normal))
    taken = {o.start for o in result}  # a body's noun that starts a mention is that one's
    for m in found:
        # a country adjective before a body's noun ("китайское правительство")
        after = _WORD_AFTER.match(text, m.stop)
        if m.type != MentionType.LOC or not m.text[1:].islower() or not after or not after.group(1).islower():
            continue
        if adjective_place(m.text.lower()) and _national(after.group(1)) and after.start(1) not in taken:
            body = _nominative(after.group(1))
            result.append(
                replace(
                    m,
                    stop=after.end(1),
                    text=text[m.start : after.end(1)],
                    type=MentionType.ORG,
                    normal=f"{_agreeing(m.text, body)} {body}",
                )
            )
    for i, m in enumerate(result):
        word = _word_before(text, m.start)
        if m.type == MentionType.ORG and word and adjective_place(word[2]) and _national(m.text):
            result[i] = replace(
                m, start=word[0], text=text[word[0] : m.stop], normal=f"{_agreeing(word[2], m.normal)} {m.normal}"
            )
    return result


# the members of an organisation after a body's name: " стран – участниц ", " государств-членов "
_MEMBERS = re.compile(r" (?:стран|государств)\s*[–—-]?\s*(?:участни[кц]\w*|член\w*) ")
_TAIL_WORD = re.compile(r" ([а-яё]+(?:-[а-яё]+)*)")
_BY_WORD = re.compile(r" ([А-ЯЁа-яё]+(?:-[а-яё]+)*)")


def _people_tail(text: str, stop: int) -> int:
    """Where genitive words after a full body's name that say whom it brings together end
    (" держателей акций", " ветеранов"), or 0: their first noun names people, as the genitive
    after a complete name is more often what it owns ("суда здания")."""
    end = _genitive_tail(text, stop)
    nouns = [w for w in text[stop:end].split() if readings(w)[0].tag.POS == "NOUN"]
    return end if nouns and readings(nouns[0])[0].tag.animacy == "anim" else 0


def _cut_short(m) -> bool:
    """Whether an organisation mention the organisations file does not know ends in a body's
    noun ("Международная ассоциация", "Северный суд"), after which its name may go on."""
    last = m.text.split()[-1]
    bodies = _generic("head") | _generic("body")
    return last.islower() and lemma_key(last)[0] in bodies and find_organization(m.text) is None


def _owned_body(m) -> bool:
    """Whether a mention is a body's noun and the organisation it belongs to, by its
    abbreviation or as a national body ("Синодальный отдел ТЕХМАШ", "Главное управление
    Минобороны"), after which its "по" words may go on."""
    words = m.text.split()
    bodies = _generic("head") | _generic("body")
    nouns = [w for w in words[:-1] if w.islower() and readings(w) and readings(w)[0].tag.POS == "NOUN"]
    if len(words) < 2 or not nouns or lemma_key(nouns[0])[0] not in bodies:
        return False
    owner = m.text[m.text.index(nouns[0]) + len(nouns[0]) :].strip()
    match = find_organization(owner) if owner else None
    return _is_abbreviation(words[-1]) or bool(match and match.organization.national)


def _owner(after) -> bool:
    """Whether the organisation mention ``after`` is one that another organisation named right
    before it belongs to: an abbreviation, or a national body in the genitive."""
    if after.text.split()[0].isupper():
        return True
    match = find_organization(after.text)
    return bool(match and match.organization.national and _genitive_or_abbreviation(after.text))


def _by_tail(text: str, stop: int) -> int:
    """Where the words "по ..." that say what a body deals with end (" по делам ветеранов",
    " по работе с верующими"), or 0: nouns and adjectives, "и", "с" and what it governs, ending
    in a noun; never an adverbial "по" ("по данным", "по словам" of ``not_entities.csv``)."""
    if not text.startswith(" по ", stop):
        return 0
    position, end, count, previous = stop + 3, 0, 0, ""
    while count < 8:
        word = _BY_WORD.match(text, position)
        forms = readings(word.group(1)) if word else ()
        if not forms:
            break
        best = forms[0].tag
        if count == 0 and (best.POS not in {"NOUN", "ADJF"} or lemma_key(word.group(1))[0] in _generic("adverbial")):
            return 0
        if word.group(1)[:1].isupper() and text[position - 2 : position] not in {" с", "со"} and best.POS != "ADJF":
            break  # a capitalised noun starts another name, unless "с" governs it
        if best.POS not in {"NOUN", "ADJF", "PRTF", "CONJ", "PREP"} or (
            best.POS in {"CONJ", "PREP"} and word.group(1) not in {"и", "с", "со"}
        ):
            break
        # a noun ends the words, as does an adjective right after "с" that stands for one
        # ("по работе с верующими")
        if best.POS == "NOUN" or (best.POS in {"ADJF", "PRTF"} and previous == "PREP"):
            end = word.end()
        position, count, previous = word.end(), count + 1, best.POS
    return end


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


def _named(text: str, mentions: list, sources: tuple[str, ...], source_spans: tuple[tuple[int, int], ...]) -> list:
    """``mentions`` without organisation mentions that name no organisation: a head word alone,
    people ("Специалисты"), an adjective or verb, a national body with no country where the
    article names that body with more words ("Совбез" after "Совбез ООН"), and an outlet the article cites elsewhere
    (where it cites it, the mention is that source)."""
    cited = {lemma_key(source) for source in sources}
    # national bodies the article names with more words ("Совбез ООН"): a bare one is that one; a
    # bare body of an article naming it with a country is left to the actors, which resolve it
    named_longer = set()
    for m in mentions:
        match = find_organization(m.text) if m.type == MentionType.ORG else None
        if m.type == MentionType.ORG and (match is None or not match.organization.national):
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
            cites = any(start < m.stop and m.start < stop for start, stop in source_spans)
            if lemma_key(m.text) in cited and not cites and not outlet_name(m.text):
                continue  # (a known outlet is left as it is: a source wherever it is named)
            match = find_organization(m.text)
            bare = match and match.organization.national and not match.country
            if bare and match.organization in named_longer and not _place_next(mentions, starting, ending, m):
                continue
        kept.append(m)
    return kept


def _no_sentence_openers(text: str, mentions: list) -> list:
    """``mentions`` without the common words at a sentence start NER took for an organisation
    because they are capitalised there: the first word a dictionary word, not a name, and the
    nouns among them no body of the ``not_entities.csv`` head and body words."""
    bodies = _generic("head") | _generic("body")
    inside = {m.normal.lower() for m in mentions if m.type == MentionType.ORG and not _sentence_start(text, m.start)}
    kept = []
    for m in mentions:
        if m.type == MentionType.ORG and _sentence_start(text, m.start) and m.normal.lower() not in inside:
            nouns = [w for w in m.text.split() if readings(w) and readings(w)[0].tag.POS == "NOUN"]
            first = m.text.split()[0]
            forms = readings(first)
            common = (
                forms
                and _in_dictionary(forms[0])
                and not any(_PROPER & set(f.tag.grammemes) for f in forms)
                and first[1:].islower()
            )
            body = any(lemma_key(noun)[0] in bodies for noun in nouns)
            if common and nouns and not body and find_organization(m.text) is None:
                continue
        kept.append(m)
    return kept


def _in_dictionary(form) -> bool:
    """Whether pymorphy read ``form`` from its dictionary, not guessed it from the ending."""
    return type(form.methods_stack[0][0]).__name__ == "DictionaryAnalyzer"


def _sentence_start(text: str, start: int) -> bool:
    """Whether ``start`` opens a line or a sentence (after quotes and dashes)."""
    before = text[max(0, start - 200) : start].rstrip(' \t«"—–-')
    return start == 0 or not before or before[-1] in "\n.!?…"


# a model or weapon code: up to three letters, digits, a hyphen ("С-400", "Су-57", "B61-12")
_MODEL = re.compile(r"[A-ZА-ЯЁ][A-Za-zА-Яа-яЁё]{0,2}\d*-\d[\w-]*")
# what may stand between a craft word and the quoted name: a project number, a dash
_PROJECT = re.compile(r"(?:\s+проект\w*\s+[\d.]+)?\s*[—–-]?\s*«$")
_QUOTED = re.compile(r"«([^«»\n]{1,60})»")


def _no_crafts(text: str, mentions: list) -> list:
    """``mentions`` without the crafts, weapons, models and sites NER took for organisations (see
    ``complete_organizations``)."""
    from .geo import find_place

    crafts = _generic("craft") | _generic("site")
    titles = _generic("title")
    found: set[tuple[str, ...]] = set()
    quoted = list(_QUOTED.finditer(text))
    for quote in quoted:
        name, start = quote.group(1), quote.start()
        before = _PROJECT.search(text, max(0, start - 60), start + 1)
        words = re.findall(r"[\w-]+", text[max(0, start - 60) : before.start() if before else start])
        project = before and "проект" in before.group()
        after = re.match(r"\s+проект", text[quote.end() : quote.end() + 10])
        title = len(name.split()) == 2 and lemma_key(name.split()[0])[0] in titles
        # the craft or site word, or the one before a name of its owner or place ("рынок Бишкека")
        kinds = words[-2:] if words and words[-1][:1].isupper() else words[-1:]
        if any(" ".join(lemma_key(word)) in crafts for word in kinds) or project or after or title:
            found.add(lemma_key(name))
    # the quoted names listed with a craft's: "«А», «Б» и «В»"
    for _ in range(2):
        for quote, other in zip(quoted, quoted[1:]):
            pair = {lemma_key(quote.group(1)), lemma_key(other.group(1))}
            if re.fullmatch(r"(?:,| и) ", text[quote.end() : other.start()]) and pair & found:
                found |= pair
    kept = []
    for m in mentions:
        if m.type == MentionType.ORG:
            if find_organization(m.text) is None and (lemma_key(m.text) in found or _MODEL.fullmatch(m.text)):
                continue  # a known name stays ("G-20" is a forum)
            number = re.fullmatch(r"(\w+)-\d+", m.text)
            if number and find_place(number.group(1)):
                continue
        kept.append(m)
    return kept


def _one_name(mentions: list) -> list:
    """``mentions`` with an abbreviation made of the initials of one longer organisation name of
    the article, or a name that starts one longer name ("Совет муфтиев", "Совет муфтиев России"),
    under that longer name; names of the organisations file keep their own."""
    from dataclasses import replace

    names = {m.normal for m in mentions if m.type == MentionType.ORG and find_organization(m.text) is None}
    longer = {}
    for name in names:
        found = {n for n in names if _extends(name, n) or (_is_abbreviation(name) and name in _initials(n))}
        if len(found) == 1:
            longer[name] = found.pop()
    merged = []
    for m in mentions:
        name, seen = m.normal, set()
        while m.type == MentionType.ORG and name in longer and name not in seen:  # "ЧФ", "Черноморский флот"
            seen.add(name)
            name = longer[name]
        merged.append(replace(m, normal=name) if name != m.normal else m)
    return merged


def _words(name: str) -> list[str]:
    return name.lower().replace("ё", "е").split()


def _extends(short: str, name: str) -> bool:
    """Whether ``name`` is ``short`` with more words after it; a one-word ``short`` only with a
    place, an abbreviation or an Arabic name's word after it ("Госдеп США"), as one word alone
    is often the start of another company's name."""
    from .geo import find_place

    words, more = _words(short), name.split()[len(short.split()) :]
    if not more or _words(name)[: len(words)] != words or _function_word(more[0]):
        return False  # "Организация по запрещению химического оружия и ООН": two organisations
    rest = " ".join(more)
    # an Arabic name's last word with its article ("Джамаат аль-Вахда") goes on the same name
    article = re.fullmatch(r"[а-яё]{1,3}-[А-ЯЁ][а-яё-]+", rest)
    return len(words) > 1 or bool(find_place(rest)) or _is_abbreviation(rest) or bool(article)


def _initials(name: str) -> set[str]:
    """The abbreviations a name may have: the capitalised first letters of its words, without
    prepositions and conjunctions, a hyphenated word giving one letter or one per part
    ("Христианско-демократический союз": "ХДС", "ХС")."""
    words = [w for w in name.split() if not _function_word(w)]
    if len(words) < 2 and "-" not in name:
        return set()
    whole = "".join(w[0] for w in words).upper()
    parts = "".join(p[0] for w in words for p in w.split("-") if p).upper()
    return {whole, parts}


def _function_word(word: str) -> bool:
    forms = readings(word) if word.islower() else ()
    return bool(forms) and forms[0].tag.POS in {"PREP", "CONJ"}


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
_WORD_AFTER = re.compile(r" ([\w-]+)")


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
