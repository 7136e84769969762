"""Direct quotes and who said them.

A quote is speech, not a quoted name. Words between quote marks («…», “…”, „…“ or straight
"…"; nested marks are part of the quote) are a quote when

* an attribution cue follows the closing mark (``", - отметил Омаров."``) and the quote
  opens its sentence;
* a clause with a speech word ending in a colon, a comma or ", что", or a name before a colon,
  introduces it (``Министр заявил: «…»``, ``По словам министра, «…»``, ``сказал, что “…”``,
  ``Омаров: «…»``) and the quote ends its sentence; or
* it has at least ``MIN_WORDS`` words and a predicate (a finite verb, an infinitive, a short
  participle, a predicative): speech is a clause, while names and titles («Газпром нефть», «Об
  обороне и Вооруженных Силах Республики Казахстан») are noun phrases.

A nested name closing with the quote («… с «ТЕХМАШем», - заявил он) closes both; a quote left
open runs to the end of its paragraph. A paragraph opening with a dash is direct speech up to
its attribution (``— …, — сказал он.``), and the speech resuming after it (``. — …``) has the
same cue; a dash paragraph without an attribution is taken for a list item.

An attribution cue is the clause right next to the quote that holds a speech word
(``data/speech_verbs.csv``, matched by lemma); the one after a quote wins over the one before
it. Its speaker is, in this order: the person it
names; the person a title in it belongs to (a role the article gives that person); for a pronoun
(``data/speech_pronouns.csv``), the nearest person of fitting gender named before the quote
outside quotes; the organisation it names (``сообщили в пресс-службе Минобороны``); else none.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cache, lru_cache

from ..language.lemmas import lemma, readings
from ..lexicon import rows
from ..vocabulary import ActorKind
from .document import Document
from .roles import role_words
from .schema import Quote

MIN_WORDS = 4
_PREDICATES = {"VERB", "INFN", "PRTS", "PRED"}
_WORD = re.compile(r"\w+(?:-\w+)*")
_MARKS = re.compile(r"[«»„“”\"]")
# a straight quote opens after these and closes before these
_OPEN_AFTER = "([«„—–:"
_CLOSE_BEFORE = ",.;:!?…)]»“”"
# a nested closing mark before a cue or the paragraph end closes the quote too: «… с «ТЕХМАШем», - заявил
_CLOSES_BOTH = re.compile(r"\s*(?:[,!?…]\s*)?[—–-]\s*\w|[.!?…]*\s*$")
_CUE_AFTER_QUOTE = re.compile(r"\s*(?:[,!?…]\s*)?[—–-]\s*(?=\w)|\s*,\s*(?=\w)")
_INTRODUCED = re.compile(r"\s*(?P<mark>:|,(?:\s*что)?)\s*\Z")
_INTRODUCER_CHARS = 16  # ", что " and its spaces
_ENDS_SENTENCE = re.compile(r"\s*(?:[.!?…;]|$)")
_CLAUSE_END = re.compile(r"[.!?…;:,()«»„“”\"]")
_CLAUSE_START = re.compile(r"[.!?…;]\s|\s[—–-]\s")
_DASH_SPEECH = re.compile(r"[—–-]\s+(?=\S)")
_SPEECH_BREAK = re.compile(r"(?:,|(?<=[!?…]))\s*[—–-]\s+(?=\w)")
_SPEECH_RESUMES = re.compile(r"[.!?…]\s*[—–-]\s+(?=\S)")


@dataclass(frozen=True, slots=True)
class _Cue:
    """An attribution phrase and its speech word (None, -1 for a bare name before a colon)."""

    start: int
    stop: int
    verb: str | None
    verb_start: int


@dataclass(frozen=True, slots=True)
class _Found:
    """A quote's span and its cue, before the speaker is resolved."""

    start: int
    stop: int
    cue: _Cue | None


@cache
def speech_words() -> dict[str, str]:
    """Lemma of each speech word -> the case its speaker takes ("nomn": "сказал Омаров",
    "gent": "по словам Омарова")."""
    return {row["lemma"]: row["speaker_case"] for row in rows("speech_verbs.csv")}


@cache
def speech_pronouns() -> dict[str, str]:
    """Lemma of each word that points back to a speaker -> its gender ("" when it does not tell)."""
    return {row["lemma"]: row["gender"] for row in rows("speech_pronouns.csv")}


def _admits_case(word: str, case: str) -> bool:
    return any(form.tag.case == case for form in readings(word))


def find_quotes(doc: Document) -> list[Quote]:
    """Direct quotes of the article's story, in text order, with speakers resolved where the
    text allows (see the module docstring)."""
    text, paragraphs = doc.text, doc.story
    mentions, actor_ids, actors, roles = doc.mentions, doc.actor_ids, doc.actors, doc.roles
    covered = _merged([(m.start, m.stop) for m in mentions])
    found: list[_Found] = []
    for paragraph in paragraphs:
        if paragraph.analysed:
            found.extend(_dash_speech(text, paragraph, covered) or _marked_quotes(text, paragraph, covered))
    known = _known(mentions, actor_ids, actors, roles, _merged([(f.start, f.stop) for f in found]))
    quotes = []
    for item in found:
        speaker = _speaker(text, item, known) if item.cue else None
        cue = item.cue or _Cue(-1, -1, None, -1)
        quotes.append(
            Quote(
                speaker=speaker.name if speaker else None,
                speaker_id=speaker.actor_id if speaker else None,
                text=text[item.start : item.stop],
                start=item.start,
                stop=item.stop,
                cue=text[cue.start : cue.stop],
                cue_start=cue.start,
                cue_stop=cue.stop,
            )
        )
    return quotes


# ---- finding quotes -------------------------------------------------------------------------


def _marked_quotes(text: str, paragraph, covered) -> list[_Found]:
    """Quotes between quote marks in one paragraph."""
    found: list[_Found] = []
    floor = paragraph.start  # a cue before a quote never reaches back over the previous one
    for opening, closing in _mark_pairs(text, paragraph.start, paragraph.stop):
        start, stop = _strip(text, opening + 1, closing)
        if start >= stop:
            continue
        after = _CUE_AFTER_QUOTE.match(text, closing + 1, paragraph.stop) if closing < paragraph.stop else None
        cue_after = _cue_from(text, after.end(), paragraph.stop, covered) if after else None
        cue_before = _cue_before(text, floor, opening, covered)
        if cue_before and closing < paragraph.stop and not _ENDS_SENTENCE.match(text, closing + 1, paragraph.stop):
            cue_before = None
        standing_quote = cue_after and _opens_sentence(text, paragraph.start, opening)
        if standing_quote or cue_before or _is_clause(text[start:stop]):
            found.append(_Found(start, stop, cue_after or cue_before))
            floor = closing + 1
    return found


def _mark_pairs(text: str, start: int, stop: int) -> list[tuple[int, int]]:
    """(opening mark, closing mark) of the outermost quotes of text[start:stop]; a quote left
    open closes at ``stop``."""
    pairs, stack = [], []
    for mark in _MARKS.finditer(text, start, stop):
        index = mark.start()
        opens = _opens(text, index, start, stop, stack)
        if opens:
            stack.append(index)
        elif opens is False and stack:
            outermost = stack[0]
            stack.pop()
            if len(stack) == 1 and _CLOSES_BOTH.match(text, index + 1, stop):
                stack.pop()
            if not stack:
                pairs.append((outermost, index))
    if stack:
        pairs.append((stack[0], stop))
    return pairs


def _opens(text: str, index: int, start: int, stop: int, stack: list[int]) -> bool | None:
    """Whether the mark at ``index`` opens (True) or closes (False) a quote; None when a straight
    quote's neighbours do not tell."""
    mark = text[index]
    if mark in "«„":
        return True
    if mark in "»”":
        return False
    if mark == "“":  # closes „…“, opens “…”
        return not (stack and text[stack[-1]] == "„")
    before = text[index - 1] if index > start else " "
    after = text[index + 1] if index + 1 < stop else " "
    can_open = (before.isspace() or before in _OPEN_AFTER) and not after.isspace()
    can_close = not before.isspace() and (after.isspace() or after in _CLOSE_BEFORE)
    return can_open if can_open != can_close else None


def _dash_speech(text: str, paragraph, covered) -> list[_Found]:
    """Direct speech of a paragraph opening with a dash, cut at its attributions."""
    opening = _DASH_SPEECH.match(text, paragraph.start, paragraph.stop)
    if not opening:
        return []
    found: list[_Found] = []
    speech_start, cue = opening.end(), None
    while True:
        attribution = _attribution(text, speech_start, paragraph.stop, covered)
        if attribution is None:
            if cue is not None:  # the speech resumed after a cue and runs to the paragraph end
                found.append(_Found(*_strip(text, speech_start, paragraph.stop), cue))
            return found
        speech_stop, cue = attribution
        found.append(_Found(*_strip(text, speech_start, speech_stop), cue))
        resumes = _SPEECH_RESUMES.match(text, cue.stop, paragraph.stop)
        if not resumes:
            return found
        speech_start = resumes.end()


def _attribution(text: str, start: int, stop: int, covered) -> tuple[int, _Cue] | None:
    """Where dash speech starting at ``start`` ends, and its cue: ", — сказал он"."""
    for speech_break in _SPEECH_BREAK.finditer(text, start, stop):
        cue = _cue_from(text, speech_break.end(), stop, covered)
        if cue:
            return speech_break.start(), cue
    return None


def _opens_sentence(text: str, paragraph_start: int, opening: int) -> bool:
    """Whether only spaces and dashes stand between a sentence start (or a colon) and ``opening``."""
    index = opening - 1
    while index >= paragraph_start and (text[index].isspace() or text[index] in "—–-"):
        index -= 1
    return index < paragraph_start or text[index] in ".!?…:"


def _is_clause(quoted: str) -> bool:
    """At least ``MIN_WORDS`` words, one of them a predicate."""
    words = _WORD.findall(quoted)
    return len(words) >= MIN_WORDS and any(forms and forms[0].tag.POS in _PREDICATES for forms in map(readings, words))


# ---- cues -------------------------------------------------------------------------------------


def _cue_from(text: str, start: int, stop: int, covered) -> _Cue | None:
    """The clause starting at ``start`` as a cue, if it holds a speech word."""
    end = _clause_end(text, start, stop, covered)
    verb = _speech_word(text, start, end)
    return _Cue(start, end, verb.group(), verb.start()) if verb else None


def _cue_before(text: str, floor: int, opening: int, covered) -> _Cue | None:
    """The clause introducing a quote with a colon, a comma or ", что", if it holds a speech word
    or ends with a name before a colon: "Министр заявил: «", "По словам министра, «",
    "Омаров: «"."""
    introduced = _INTRODUCED.search(text, max(floor, opening - _INTRODUCER_CHARS), opening)
    if not introduced:
        return None
    stop = introduced.start()
    start = floor
    for boundary in _CLAUSE_START.finditer(text, floor, stop):
        if not _inside(covered, boundary.start()) and not _after_initial(text, boundary.start()):
            start = boundary.end()
    word = _WORD.search(text, start, stop)
    if not word:
        return None
    start = word.start()
    verb = _speech_word(text, start, stop)
    if verb:
        return _Cue(start, stop, verb.group(), verb.start())
    named = introduced["mark"] == ":" and _inside(covered, stop - 1)
    return _Cue(start, stop, None, -1) if named else None


def _clause_end(text: str, start: int, stop: int, covered) -> int:
    """Where the clause starting at ``start`` ends: at punctuation not inside a name or after an
    initial ("И. Петров")."""
    for end in _CLAUSE_END.finditer(text, start, stop):
        if _inside(covered, end.start()) or _after_initial(text, end.start()):
            continue
        return _strip(text, start, end.start())[1]
    return _strip(text, start, stop)[1]


def _after_initial(text: str, index: int) -> bool:
    """Whether ``index`` is the full stop of an initial ("И. Петров", "Р.Ахметов")."""
    return (
        text[index] == "." and index > 0 and text[index - 1].isupper() and (index < 2 or not text[index - 2].isalnum())
    )


def _speech_word(text: str, start: int, stop: int) -> re.Match | None:
    verbs = speech_words()
    return next((w for w in _WORD.finditer(text, start, stop) if lemma(w.group()) in verbs), None)


# ---- speakers -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Known:
    """The article's mentions with their actors and its roles, indexed for look-ups by position."""

    tagged: list[tuple]  # (mention, actor), by start
    starts: list[int]
    people: list[tuple]  # (mention, actor) of people named outside quotes, by start
    people_starts: list[int]
    roles: dict[str, set[tuple[str, tuple[str, ...]]]]  # first lemma -> (actor id, lemmas of the role)
    actors: dict[str, object]


def _known(mentions, actor_ids, actors, roles, quoted) -> _Known:
    by_id = {actor.actor_id: actor for actor in actors}
    tagged = sorted(((m, by_id[aid]) for m, aid in zip(mentions, actor_ids)), key=lambda pair: pair[0].start)
    people = [(m, actor) for m, actor in tagged if actor.kind == ActorKind.PERSON and not _inside(quoted, m.start)]
    by_first: dict[str, set[tuple[str, tuple[str, ...]]]] = {}
    for role in roles:
        lemmas = tuple(lemma(word) for word in _WORD.findall(role.role))
        if lemmas:
            by_first.setdefault(lemmas[0], set()).add((role.actor_id, lemmas))
    return _Known(tagged, [m.start for m, _ in tagged], people, [m.start for m, _ in people], by_first, by_id)


def _speaker(text: str, found: _Found, known: _Known):
    """The actor who speaks, by the cue's name, title, pronoun or organisation (in that order)."""
    cue = found.cue
    case = speech_words()[lemma(cue.verb)] if cue.verb else "nomn"
    in_cue = known.tagged[bisect_left(known.starts, cue.start) : bisect_left(known.starts, cue.stop)]
    in_cue = [(m, actor) for m, actor in in_cue if m.stop <= cue.stop]
    named = _named_speaker(cue, in_cue, case)
    if named:
        return named
    titled = _titled_speaker(text, cue, known.roles, case)
    if titled:
        return known.actors[titled]
    pronoun = _pronoun_gender(text, cue, case)
    if pronoun is not None:
        return _nearest_person(known, min(found.start, cue.start), pronoun)
    return next((actor for _, actor in in_cue if actor.kind == ActorKind.ORGANIZATION), None)


def _named_speaker(cue: _Cue, in_cue, case: str):
    """The person the cue names in the speaker's case, nearest its speech word."""
    named = [(m, actor) for m, actor in in_cue if actor.kind == ActorKind.PERSON and (case != "nomn" or _nominative(m))]
    if not named:
        return None
    anchor = cue.verb_start if cue.verb else cue.stop
    return min(named, key=lambda pair: abs(pair[0].start - anchor))[1]


def _nominative(mention) -> bool:
    """A mention the pipeline did not have to inflect stands in the nominative."""

    def spelled(name: str) -> str:
        return " ".join(name.replace("ё", "е").split())

    return spelled(mention.text) == spelled(mention.normal)


def _titled_speaker(text: str, cue: _Cue, roles, case: str) -> str | None:
    """The actor id of the one person whose role the cue's title names, by lemmas: the title
    starts in the speaker's case and matches the role's beginning up to its role word at least
    ("сказал генеральный секретарь ОДКБ", "заявил министр обороны"); the longest match wins."""
    words = [w.group() for w in _WORD.finditer(text, cue.start, cue.stop)]
    lemmas = [lemma(w) for w in words]
    heads = role_words()
    best, speakers = 0, set()
    for first, word_lemma in enumerate(lemmas):
        for actor_id, role_lemmas in roles.get(word_lemma, ()):
            matched = _common_prefix(lemmas[first:], role_lemmas)
            if matched < best or not heads & set(role_lemmas[:matched]) or not _admits_case(words[first], case):
                continue
            if matched > best:
                best, speakers = matched, set()
            speakers.add(actor_id)
    return speakers.pop() if len(speakers) == 1 else None


def _common_prefix(first, second) -> int:
    count = 0
    while count < min(len(first), len(second)) and first[count] == second[count]:
        count += 1
    return count


def _pronoun_gender(text: str, cue: _Cue, case: str) -> str | None:
    """The gender a pronoun in the cue refers to ("" when unknown), None without a pronoun. The
    pronoun must stand in the speaker's case: "сказала она", "по его словам", not "сказал ей"."""
    pronouns = speech_pronouns()
    for word in _WORD.finditer(text, cue.start, cue.stop):
        for form in readings(word.group()):
            lemma = form.normal.replace("ё", "е")
            if lemma in pronouns and form.tag.case == case:
                verb_gender = readings(cue.verb)[0].tag.gender if cue.verb else None
                return pronouns[lemma] or verb_gender or ""
    return None


def _nearest_person(known: _Known, before: int, gender: str):
    """The person named last before ``before`` whose name does not contradict ``gender``."""
    for index in range(bisect_left(known.people_starts, before) - 1, -1, -1):
        mention, actor = known.people[index]
        if mention.stop <= before and (not gender or _name_gender(actor.name) in (None, gender)):
            return actor
    return None


@lru_cache(maxsize=10_000)
def _name_gender(name: str) -> str | None:
    """Gender of a nominative full name, from the first of its words that reads as a first name
    or surname."""
    for word in _WORD.findall(name):
        for form in readings(word):
            if {"Name", "Surn"} & form.tag.grammemes and form.tag.case == "nomn" and form.tag.number == "sing":
                return form.tag.gender
    return None


# ---- spans ----------------------------------------------------------------------------------


def _strip(text: str, start: int, stop: int) -> tuple[int, int]:
    """``start``, ``stop`` moved inwards past whitespace."""
    while start < stop and text[start].isspace():
        start += 1
    while stop > start and text[stop - 1].isspace():
        stop -= 1
    return start, stop


def _merged(spans: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """Overlapping spans joined, as sorted starts and stops (for ``_inside``)."""
    starts, stops = [], []
    for start, stop in sorted(spans):
        if stops and start < stops[-1]:
            stops[-1] = max(stops[-1], stop)
        else:
            starts.append(start)
            stops.append(stop)
    return starts, stops


def _inside(covered: tuple[list[int], list[int]], start: int) -> bool:
    """Whether offset ``start`` falls inside one of the merged spans."""
    index = bisect_right(covered[0], start) - 1
    return index >= 0 and start < covered[1][index]
