"""Direct quotes and who said them.

The story is read in passages: its lines, with a line joined to the next when a page broke a
sentence there (a line ending without a full stop before one going on in lower case or with
closing punctuation, or a bracket left open that the next line closes or signs: an editorial
insertion "(… — RT)" set on lines of its own stays inside the quote around it).

A quote is speech, not a quoted name. Words between quote marks («…», “…”, „…“ or straight
"…"; nested marks are part of the quote) are a quote when

* an attribution cue follows the closing mark (``", - отметил Омаров."``) and the quote
  opens its sentence;
* a clause with a speech word ending in a colon, a comma or ", что", or a name before a colon,
  introduces it (``Министр заявил: «…»``, ``По словам министра, «…»``, ``сказал, что “…”``,
  ``Омаров: «…»``) and the quote ends its sentence;
* an attribution stands inside it (``«…, — сказал Омаров. — …»``): the quote is cut there into
  two parts with that cue;
* it has at least ``MIN_WORDS`` words and a predicate (a finite verb, an infinitive, a short
  participle, a predicative): speech is a clause, while names and titles («Газпром нефть», «Об
  обороне и Вооруженных Силах Республики Казахстан») are noun phrases;
* it has at least ``MIN_WORDS`` words, starts in lower case and a clause of its sentence before
  it holds a speech word (``Как напомнил министр, это «шаг, важный для всех стран региона»``)
  or an attribution follows it; or
* it opens a headline and a colon follows it (``«Мы не отступим»: министр о поставках``).

A nested name closing with the quote («… с «ТЕХМАШем», - заявил он) closes both. A quote left
open runs to the end of its passage and goes on in the next one: from its opening mark («…
paragraph after paragraph, each opening again) or up to the first closing mark of a passage that
opens none before it. A passage opening with a dash is direct speech up to its attribution
(``— …, — сказал он.``), and the speech resuming after it (``. — …``) has the same cue; so has
a next dash passage without an attribution that ends like a statement (a question is the
interviewer's); a dash passage without an attribution otherwise is taken for a list item. The
parts of one quote (over passages or around an inner attribution) share its cue.

An attribution cue is the clause right next to the quote that holds a speech word
(``data/speech_verbs.csv``, matched by lemma: verbs of both aspects, "по словам", "в заявлении",
"в послании"). Quoted outlet names inside it are part of it (``сказал «НГ» Омаров``), and it runs
on over a comma into an apposition that names someone (``сказал эксперт, доцент МГУ Асан
Омаров``). The cue after a quote wins over the one before it, unless the quote stands inside a
sentence and that cue goes on with speech of its own (``«…», сам министр заявил, что …``). A
quote inside a sentence takes the last speech clause of its sentence before it, from the
sentence's start when that clause names no one (``Омаров — бывший министр — назвал это «…»``);
a quote opening a sentence without a cue, the speech clause of the sentence right before it
(``Омаров напомнил, как это было. «…»``); a quote opening a passage, the last clause of a passage
before ending with a colon. A quote left open that ends with its attribution (``«…, — сказал
Омаров.``) ends there.

A cue's speech words say in which cases its speaker stands: ``заявил Омаров``, ``по словам
Омарова``, ``говорится в послании Омарова``, ``цитирует ТАСС Омарова``. Its speaker is, in this
order:

* the person it names in such a case (after a speech word asking for another case than the
  nominative, with no comma between);
* the person a title in it belongs to: the title is the phrase around the cue's first role word
  in a speaker's case (later ones are its complements: ``слова представителя президента``), and
  it names the person named before the quote whose role (``doc.roles``) it matches by lemmas,
  from any word of the role on through its role word (``представитель МИД`` is the
  ``официальный представитель МИД``), but not when it goes on with another genitive than the
  role (``глава спецслужбы`` is not the ``глава МИД``); the longest match wins, of several
  people the one named last (none when the last two are named in one sentence); a plural
  (``считают эксперты``) names no one;
* for a pronoun (``data/speech_pronouns.csv``) or a bare title, a role word no one named before
  holds (``заявил эксперт``), the nearest person of fitting gender named before the quote
  outside quotes;
* the organisation it names (``сообщили в пресс-службе Минобороны``);
* else none.

The parts of one quote share the speaker their cue gives. A quote without a cue (a headline's, a
line of its own) that repeats at least half of the words of a quote with a speaker has that
speaker.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from ..language.lemmas import lemma, pos, readings
from ..lexicon import rows
from ..vocabulary import STORY, ActorKind, Block
from .document import Document
from .roles import role_words, speech_words
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
_CUE_AFTER_QUOTE = re.compile(r"\s*(?:[,!?…]\s*)?(?P<dash>[—–-])\s*(?=\w)|\s*,\s*(?=\w)")
_INTRODUCED = re.compile(r"\s*(?P<mark>:|,(?:\s*что)?)\s*\Z")
_INTRODUCER_CHARS = 16  # ", что " and its spaces
_ENDS_SENTENCE = re.compile(r"\s*(?:[.!?…;]|$)")
_CLAUSE_END = re.compile(r"[.!?…;:,()«»„“”\"]")
_CLAUSE_START = re.compile(r"[.!?…;]\s|\s[—–-]\s")
_CLAUSE_BOUNDARY = re.compile(r"[.!?…;:,()«»„“”\"]|\s[—–-]\s")
_SENTENCE_END = re.compile(r"[.!?…]\s")
# a short quoted name inside a cue, no clause: сказал «НГ» Омаров
_QUOTED_NAME = re.compile(r"[«“\"][^«»“”\".!?;\n]{1,40}[»”\"]")
_QUOTED_NAME_WORDS = 4
_DASH_SPEECH = re.compile(r"[—–-]\s+(?=\S)")
_SPEECH_BREAK = re.compile(r"(?:,|(?<=[!?…]))\s*[—–-]\s+(?=\w)")
_SPEECH_RESUMES = re.compile(r"[.!?…]\s*[—–-]\s+(?=\S)")
_INNER_RESUMES = re.compile(r"[.,]\s*[—–-]\s+(?=\S)")
# a line joins the next when it ends without closing a sentence and the next goes on with it
_LINE_ENDS = '.!?…:;»“”"'
_GOES_ON = re.compile(r"\s*(?:[a-zа-яё]|[),.;:»”])")
_SIGNATURE_WORDS = 2  # "RT", "Ред.", "— НГ": an editor's signature on a line of its own
_STATEMENT_END = re.compile(r"[.!…]\W*$")
_ECHO_WORDS = 2  # words a quote without a cue shares at least with the quote it repeats
_CONTENT_LETTERS = 4  # shorter words (prepositions, pronouns) carry no content
_HEADLINE_QUOTE = re.compile(r"\s*:")
_OWN_COMPLEMENT = re.compile(r"\s*(?:,\s*что\b|:)")
_GENDERED = {"VERB", "PRTS", "ADJS"}  # speech words whose form tells the speaker's gender
# a cue runs on over a comma into an apposition that names someone and has no verb of its own
_NOT_APPOSITION = {"VERB", "INFN", "GRND", "PRTF", "PRTS"}


@dataclass(frozen=True, slots=True)
class _Cue:
    """An attribution phrase, its first speech word (None, -1 for a bare name before a colon)
    and the cases its speaker may stand in."""

    start: int
    stop: int
    verb: str | None
    verb_start: int
    cases: frozenset[str] = frozenset({"nomn"})


@dataclass(frozen=True, slots=True)
class _Found:
    """A quote's span and its cue, before the speaker is resolved; parts of one quote share a
    ``chain`` number."""

    start: int
    stop: int
    cue: _Cue | None
    chain: int = -1


@dataclass(frozen=True, slots=True)
class _Passage:
    """Story lines read as one stretch of text (lines a page broke inside a sentence, joined)."""

    start: int
    stop: int
    headline: bool = False


@cache
def speech_pronouns() -> dict[str, str]:
    """Lemma of each word that points back to a speaker -> its gender ("" when it does not tell)."""
    return {row["lemma"]: row["gender"] for row in rows("speech_pronouns.csv")}


def _admits_case(word: str, cases: frozenset[str]) -> bool:
    return any(form.tag.case in cases for form in readings(word))


def find_quotes(doc: Document) -> list[Quote]:
    """Direct quotes of the article's story, in text order, with speakers resolved where the
    text allows (see the module docstring)."""
    text = doc.text
    mentions, actor_ids, actors, roles = doc.mentions, doc.actor_ids, doc.actors, doc.roles
    covered = _merged([(m.start, m.stop) for m in mentions])
    found = _shared_cues(_find(text, _passages(text, doc), covered))
    known = _known(mentions, actor_ids, actors, roles, _merged([(f.start, f.stop) for f in found]))
    speakers: dict[tuple, object] = {}
    quotes = []
    for item in found:
        cue = item.cue or _Cue(-1, -1, None, -1)
        key = (item.chain, cue.start) if item.chain >= 0 else (item.start,)
        if key not in speakers:  # every part of a quote has the speaker its cue gives the first part
            speakers[key] = _speaker(text, item, known) if item.cue else None
        speaker = speakers[key]
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
    return _echoed_speakers(quotes)


def _echoed_speakers(quotes: list[Quote]) -> list[Quote]:
    """A quote without a cue (a headline's, a line of its own) that repeats at least half of the
    words of another quote with a speaker has that speaker: «Нельзя рисковать» in a headline and
    «… мы не можем рисковать …», — заявил Омаров."""
    if not any(quote.speaker is None and quote.cue_start < 0 for quote in quotes):
        return quotes
    spoken = [(quote, _content_lemmas(quote.text)) for quote in quotes if quote.speaker]
    result = []
    for quote in quotes:
        own = _content_lemmas(quote.text) if quote.speaker is None and quote.cue_start < 0 else frozenset()
        if len(own) >= _ECHO_WORDS:
            overlaps = [(len(own & other), said) for said, other in spoken]
            count, source = max(overlaps, key=lambda pair: pair[0], default=(0, None))
            if source is not None and count >= _ECHO_WORDS and 2 * count >= len(own):
                quote = replace(quote, speaker=source.speaker, speaker_id=source.speaker_id)
        result.append(quote)
    return result


def _content_lemmas(quoted: str) -> frozenset[str]:
    """Lemmas of the quoted words long enough to carry content."""
    return frozenset(lemma(word) for word in _WORD.findall(quoted) if len(word) >= _CONTENT_LETTERS)


# ---- passages -------------------------------------------------------------------------------


def _passages(text: str, doc: Document) -> list[_Passage]:
    """The analysed story lines, a line joined to the next where a page broke a sentence (never
    over a line left out between them)."""
    passages: list[_Passage] = []
    previous = None
    for paragraph in doc.article.paragraphs:
        if paragraph.kind not in STORY or not paragraph.analysed:
            previous = None
            continue
        if previous is not None and previous.kind == paragraph.kind == Block.BODY and passages:
            last = passages[-1]
            if _broken(text, last, previous, paragraph):
                passages[-1] = _Passage(last.start, paragraph.stop)
                previous = paragraph
                continue
        passages.append(_Passage(paragraph.start, paragraph.stop, paragraph.kind == Block.TITLE))
        previous = paragraph
    return passages


def _broken(text: str, passage: _Passage, line, next_line) -> bool:
    """Whether ``passage``, ending with ``line``, goes on in ``next_line``: it leaves a bracket
    open that the next line closes or signs (an editor's "(… — RT)" set on lines of its own), or
    its line ends mid-sentence and the next goes on in lower case or with punctuation."""
    following = text[next_line.start : next_line.stop]
    unclosed = text.count("(", passage.start, passage.stop) > text.count(")", passage.start, passage.stop)
    if unclosed and (following.lstrip().startswith(")") or len(_WORD.findall(following)) <= _SIGNATURE_WORDS):
        return True
    body = text[line.start : line.stop].rstrip()
    return bool(body) and body[-1] not in _LINE_ENDS and bool(_GOES_ON.match(text, next_line.start))


# ---- finding quotes -------------------------------------------------------------------------


def _find(text: str, passages: list[_Passage], covered) -> list[_Found]:
    """Quotes of every passage, the parts of one quote over several passages chained."""
    found: list[_Found] = []
    chains = iter(range(1_000_000))
    open_chain = None  # the chain of a quote left open at the end of the previous passage
    dash_chain = None  # the chain of dash speech that ran to the end of the previous passage
    lead_in = None  # a passage before ending with a colon: "Омаров так прокомментировал это:"
    for passage in passages:
        parts, dash_open = _dash_speech(text, passage, covered, chains, dash_chain is not None)
        if parts:
            if parts[0].cue is None and dash_chain is not None:
                parts = [replace(part, chain=dash_chain) if part.cue is None else part for part in parts]
            found.extend(parts)
            dash_chain = parts[-1].chain if dash_open else None
            open_chain = None
            continue
        dash_chain = None
        parts, left_open = _marked_quotes(text, passage, covered, chains, open_chain is not None, lead_in)
        if parts and open_chain is not None and parts[0].start <= _first_word(text, passage):
            first_chain = parts[0].chain
            parts = [replace(part, chain=open_chain) if part.chain == first_chain else part for part in parts]
        found.extend(parts)
        open_chain = parts[-1].chain if parts and left_open else None
        lead_in = passage if text[passage.start : passage.stop].rstrip().endswith(":") else None
    return found


def _first_word(text: str, passage: _Passage) -> int:
    word = _WORD.search(text, passage.start, passage.stop)
    return word.start() if word else passage.stop


def _shared_cues(found: list[_Found]) -> list[_Found]:
    """Parts of a chained quote without a cue take the cue of the next part that has one, else
    of the last part before them that has one."""
    by_chain: dict[int, list[int]] = {}
    for index, item in enumerate(found):
        if item.chain >= 0:
            by_chain.setdefault(item.chain, []).append(index)
    result = list(found)
    for indices in by_chain.values():
        cues = [(index, found[index].cue) for index in indices if found[index].cue]
        for index in indices:
            if found[index].cue is None and cues:
                later = [cue for at, cue in cues if at > index]
                result[index] = replace(found[index], cue=later[0] if later else cues[-1][1])
    return result


def _marked_quotes(
    text: str, passage: _Passage, covered, chains, continuing: bool, lead_in: _Passage | None
) -> tuple[list[_Found], bool]:
    """Quotes between quote marks in one passage, and whether the last is left open; with
    ``continuing``, a quote of the passage before goes on up to this passage's first closing
    mark; ``lead_in``, a passage before ending with a colon, introduces a quote opening this one."""
    found: list[_Found] = []
    floor = passage.start  # a cue before a quote never reaches back over the previous one
    left_open = False
    for opening, closing in _mark_pairs(text, passage.start, passage.stop, continuing):
        start, stop = _strip(text, opening + 1, closing)
        if start >= stop:
            continue
        after = _CUE_AFTER_QUOTE.match(text, closing + 1, passage.stop) if closing < passage.stop else None
        cue_after = _cue_from(text, after.end(), passage.stop, covered) if after else None
        opens = opening < passage.start or _opens_sentence(text, passage.start, opening)
        if cue_after and not opens and not after["dash"] and _OWN_COMPLEMENT.match(text, cue_after.stop):
            cue_after = None  # "«…», сам министр заявил, что …" goes on with speech of its own
        cue_before = _cue_before(text, floor, opening, covered)
        if cue_before is None and lead_in and not text[passage.start : opening].strip():
            cue_before = _cue_before(text, lead_in.start, lead_in.stop, covered)
        if cue_before and closing < passage.stop and not _ENDS_SENTENCE.match(text, closing + 1, passage.stop):
            cue_before = None
        inner = _inner_attributions(text, start, stop, covered)
        if closing >= passage.stop and not inner:
            closing, stop, cue_after = _final_attribution(text, start, stop, covered) or (closing, stop, cue_after)
        in_sentence = None
        if not (cue_after or cue_before or opens):
            in_sentence = _cue_in_sentence(text, max(floor, passage.start), opening, covered)
        speech = (cue_after and opens) or cue_before or inner or opening < passage.start
        if passage.headline and opens and _HEADLINE_QUOTE.match(text, closing + 1, passage.stop):
            speech = True  # «…»: the rest of a headline
        fragment = (cue_after or in_sentence) and _is_fragment(text[start:stop])
        if not (speech or fragment or _is_clause(text[start:stop])):
            continue
        chain = next(chains)
        part_start = start
        for part_stop, part_cue, resumes in inner:
            found.append(_Found(*_strip(text, part_start, part_stop), part_cue, chain))
            part_start = resumes
        cue = cue_after or cue_before or in_sentence or (inner[-1][1] if inner else None)
        if cue is None and opens:  # "Омаров напомнил, как это было. «…»"
            cue = _cue_of_sentence_before(text, max(floor, passage.start), opening, covered)
        found.append(_Found(*_strip(text, part_start, stop), cue, chain))
        floor = closing + 1
        left_open = closing >= passage.stop
    return found, left_open


def _final_attribution(text: str, start: int, stop: int, covered) -> tuple[int, int, _Cue] | None:
    """A quote left open that ends with its attribution ``«…, — сказал Омаров.``: where the quote
    closes (the dash), its end and the cue."""
    breaks = list(_SPEECH_BREAK.finditer(text, start, stop))
    if not breaks:
        return None
    last = breaks[-1]
    cue_start, cue_stop = _strip(text, last.end(), stop)
    while cue_stop > cue_start and text[cue_stop - 1] in ".!…":
        cue_stop -= 1
    if _sentence_ends(text, cue_start, cue_stop, covered):
        return None
    cue = _cue_from(text, cue_start, cue_stop, covered)
    if cue is None or cue.stop != cue_stop:
        return None
    return last.start(), _strip(text, start, last.start())[1], cue


def _inner_attributions(text: str, start: int, stop: int, covered) -> list[tuple[int, _Cue, int]]:
    """Attributions inside the quoted words ``«…, — сказал он. — …»``, outside brackets and
    nested quotes, each running from its dash to the dash after which the speech resumes: (end of
    the part before, the cue, start of the part after)."""
    found = []
    nested = _merged(_nested_spans(text, start, stop))
    position = start
    for speech_break in _SPEECH_BREAK.finditer(text, start, stop):
        if speech_break.start() < position or _inside(nested, speech_break.start()):
            continue
        resumes = next(
            (
                resumes
                for resumes in _INNER_RESUMES.finditer(text, speech_break.end(), stop)
                if not _inside(nested, resumes.start()) and not _inside(covered, resumes.start())
            ),
            None,
        )
        if resumes is None:
            break
        cue_start, cue_stop = _strip(text, speech_break.end(), resumes.start())
        if _sentence_ends(text, cue_start, cue_stop, covered):
            continue
        cue = _cue_of(text, cue_start, cue_stop)
        if cue:
            found.append((speech_break.start(), cue, resumes.end()))
            position = resumes.end()
    return found


def _sentence_ends(text: str, start: int, stop: int, covered) -> bool:
    """Whether a sentence ends inside text[start:stop] (not at an initial or inside a name)."""
    return any(
        not _inside(covered, end.start()) and not _after_initial(text, end.start())
        for end in _SENTENCE_END.finditer(text, start, stop)
    )


def _nested_spans(text: str, start: int, stop: int) -> list[tuple[int, int]]:
    """Spans of brackets and nested quotes inside text[start:stop]."""
    spans, opened = [], []
    for mark in re.finditer(r"[()«»„“”]", text[start:stop]):
        index = start + mark.start()
        if mark.group() in "(«„":
            opened.append(index)
        elif opened:
            spans.append((opened.pop(), index + 1))
    spans.extend((index, stop) for index in opened)
    return spans


def _mark_pairs(text: str, start: int, stop: int, continuing: bool = False) -> list[tuple[int, int]]:
    """(opening mark, closing mark) of the outermost quotes of text[start:stop]; a quote left
    open closes at ``stop``. With ``continuing``, a passage whose first mark closes a quote
    starts with a quote opened before it (its opening is ``start - 1``)."""
    pairs, stack = [], []
    for mark in _MARKS.finditer(text, start, stop):
        index = mark.start()
        opens = _opens(text, index, start, stop, stack)
        if continuing and not pairs and not stack:
            continuing = False
            if opens is False:
                pairs.append((start - 1, index))
                continue
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


def _dash_speech(text: str, passage: _Passage, covered, chains, continuing: bool) -> tuple[list[_Found], bool]:
    """Direct speech of a passage opening with a dash, cut at its attributions, and whether it
    runs to the passage end after an attribution (none when the passage does not open with a
    dash). With ``continuing`` (the dash speech before ran to its passage end), a passage
    without an attribution that ends like a statement goes on with it."""
    opening = _DASH_SPEECH.match(text, passage.start, passage.stop)
    if not opening:
        return [], False
    found: list[_Found] = []
    chain = next(chains)
    speech_start, cue = opening.end(), None
    while True:
        attribution = _attribution(text, speech_start, passage.stop, covered)
        if attribution is None:
            if cue is not None:  # the speech resumed after a cue and runs to the passage end
                found.append(_Found(*_strip(text, speech_start, passage.stop), cue, chain))
                return found, True
            if continuing and not found and _STATEMENT_END.search(text, speech_start, passage.stop):
                return [_Found(*_strip(text, speech_start, passage.stop), None, chain)], True
            return found, False
        speech_stop, cue = attribution
        found.append(_Found(*_strip(text, speech_start, speech_stop), cue, chain))
        resumes = _SPEECH_RESUMES.match(text, cue.stop, passage.stop)
        if not resumes:
            return found, False
        speech_start = resumes.end()


def _attribution(text: str, start: int, stop: int, covered) -> tuple[int, _Cue] | None:
    """Where dash speech starting at ``start`` ends, and its cue: ", — сказал он"."""
    nested = _merged(_nested_spans(text, start, stop))
    for speech_break in _SPEECH_BREAK.finditer(text, start, stop):
        if _inside(nested, speech_break.start()):
            continue
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


def _is_fragment(quoted: str) -> bool:
    """Quoted words of a speech told inside a sentence: ``MIN_WORDS`` or more, starting in lower
    case (a name or title starts in upper case)."""
    return quoted[:1].islower() and len(_WORD.findall(quoted)) >= MIN_WORDS


# ---- cues -------------------------------------------------------------------------------------


def _cue_from(text: str, start: int, stop: int, covered) -> _Cue | None:
    """The clause starting at ``start`` as a cue, if it holds a speech word, with the
    appositions after it that name someone ("сказал эксперт, доцент МГУ Асан Омаров")."""
    end = _clause_end(text, start, stop, covered)
    while end < stop and text[end] == ",":
        following = _clause_end(text, end + 1, stop, covered)
        words = list(_WORD.finditer(text, end + 1, following))
        named = any(_inside(covered, word.start()) for word in words)
        unnamed = [word.group() for word in words if not _inside(covered, word.start())]
        if not named or any(pos(word) in _NOT_APPOSITION for word in unnamed):
            break
        end = following
    return _cue_of(text, start, end)


def _cue_of(text: str, start: int, stop: int) -> _Cue | None:
    """text[start:stop] as a cue, if it holds a speech word."""
    found = _speech_words_in(text, start, stop)
    if not found:
        return None
    cases = frozenset(speech_words()[lemma(w.group())] for w in found)
    return _Cue(start, stop, found[0].group(), found[0].start(), cases)


def _speech_words_in(text: str, start: int, stop: int) -> list[re.Match]:
    verbs = speech_words()
    return [w for w in _WORD.finditer(text, start, stop) if lemma(w.group()) in verbs]


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
    cue = _cue_of(text, start, stop)
    if cue:
        return cue
    named = introduced["mark"] == ":" and _inside(covered, stop - 1)
    return _Cue(start, stop, None, -1) if named else None


def _cue_in_sentence(text: str, floor: int, opening: int, covered) -> _Cue | None:
    """For a quote inside a sentence, the last clause of the sentence before it that holds a
    speech word: "Как напомнил министр, это «…»", "Министр подчеркнул, что закон «…»"."""
    start = floor
    for end in _SENTENCE_END.finditer(text, floor, opening):
        if not _inside(covered, end.start()) and not _after_initial(text, end.start()):
            start = end.end()
    bounds = [start]
    for boundary in _CLAUSE_BOUNDARY.finditer(text, start, opening):
        if not _inside(covered, boundary.start()) and not _after_initial(text, boundary.start()):
            bounds.append(boundary.end() if boundary.group().strip() else boundary.start() + 1)
    bounds.append(opening)
    for clause_start, clause_stop in reversed(list(zip(bounds, bounds[1:]))):
        clause_start, clause_stop = _strip(text, clause_start, clause_stop)
        while clause_stop > clause_start and not text[clause_stop - 1].isalnum() and text[clause_stop - 1] != ")":
            clause_stop = _strip(text, clause_start, clause_stop - 1)[1]
        cue = _cue_of(text, clause_start, clause_stop) if clause_start < clause_stop else None
        if cue and clause_start > start and not _points_to_someone(text, clause_start, clause_stop, covered):
            # "Эксперт Асан Омаров — бывший министр — назвал это «…»": the subject stands before
            cue = replace(cue, start=_strip(text, start, clause_stop)[0])
        if cue:
            return cue
    return None


def _points_to_someone(text: str, start: int, stop: int, covered) -> bool:
    """Whether text[start:stop] holds a name, a role word or a speech pronoun."""
    heads, pronouns = role_words(), speech_pronouns()
    for word in _WORD.finditer(text, start, stop):
        if _inside(covered, word.start()) or lemma(word.group()) in heads:
            return True
        if any(form.normal.replace("ё", "е") in pronouns for form in readings(word.group())):
            return True
    return False


def _cue_of_sentence_before(text: str, floor: int, opening: int, covered) -> _Cue | None:
    """For a quote opening a sentence without a cue of its own, the speech clause of the sentence
    right before it in the same passage."""
    index = opening
    while index > floor and (text[index - 1].isspace() or text[index - 1] in "—–-"):
        index -= 1
    if index <= floor or text[index - 1] not in ".!…":
        return None
    return _cue_in_sentence(text, floor, index - 1, covered)


def _clause_end(text: str, start: int, stop: int, covered) -> int:
    """Where the clause starting at ``start`` ends: at punctuation not inside a name, after an
    initial ("И. Петров") or around a short quoted name ("сказал «НГ» Омаров")."""
    skip_to = start
    for end in _CLAUSE_END.finditer(text, start, stop):
        if end.start() < skip_to or _inside(covered, end.start()) or _after_initial(text, end.start()):
            continue
        name = _QUOTED_NAME.match(text, end.start(), stop)
        if name and len(_WORD.findall(name.group())) <= _QUOTED_NAME_WORDS:
            skip_to = name.end()
            continue
        return _strip(text, start, end.start())[1]
    return _strip(text, start, stop)[1]


def _after_initial(text: str, index: int) -> bool:
    """Whether ``index`` is the full stop of an initial ("И. Петров", "Р.Ахметов")."""
    return (
        text[index] == "." and index > 0 and text[index - 1].isupper() and (index < 2 or not text[index - 2].isalnum())
    )


# ---- speakers -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Known:
    """The article's mentions with their actors and its roles, indexed for look-ups by position."""

    tagged: list[tuple]  # (mention, actor), by start
    starts: list[int]
    people: list[tuple]  # (mention, actor) of people named outside quotes, by start
    people_starts: list[int]
    roles: dict[str, set[tuple[str, tuple[str, ...]]]]  # lemma -> (actor id, lemmas of the role from it on)
    actors: dict[str, object]


def _known(mentions, actor_ids, actors, roles, quoted) -> _Known:
    by_id = {actor.actor_id: actor for actor in actors}
    tagged = sorted(((m, by_id[aid]) for m, aid in zip(mentions, actor_ids)), key=lambda pair: pair[0].start)
    people = [(m, actor) for m, actor in tagged if actor.kind == ActorKind.PERSON and not _inside(quoted, m.start)]
    by_lemma: dict[str, set[tuple[str, tuple[str, ...]]]] = {}
    for role in roles:
        lemmas = tuple(lemma(word) for word in _WORD.findall(role.role))
        for index, word_lemma in enumerate(lemmas):  # "представитель МИД" names the "официальный представитель МИД"
            by_lemma.setdefault(word_lemma, set()).add((role.actor_id, lemmas[index:]))
    return _Known(tagged, [m.start for m, _ in tagged], people, [m.start for m, _ in people], by_lemma, by_id)


def _speaker(text: str, found: _Found, known: _Known):
    """The actor who speaks, by the cue's name, title, pronoun or organisation (in that order)."""
    cue = found.cue
    in_cue = known.tagged[bisect_left(known.starts, cue.start) : bisect_left(known.starts, cue.stop)]
    in_cue = [(m, actor) for m, actor in in_cue if m.stop <= cue.stop]
    named = _named_speaker(text, cue, in_cue)
    if named:
        return named
    before = min(found.start, cue.start)
    titled, bare = _titled_speaker(text, cue, known, before)
    if titled:
        return known.actors[titled]
    pronoun = _pronoun_gender(text, cue)
    if pronoun is not None:
        return _nearest_person(known, before, pronoun)
    if bare:
        return _nearest_person(known, before, _verb_gender(cue))
    return next((actor for _, actor in in_cue if actor.kind == ActorKind.ORGANIZATION), None)


def _named_speaker(text: str, cue: _Cue, in_cue):
    """The person the cue names in a speaker's case, nearest its speech word: in the nominative,
    or in the clause of a speech word whose speaker stands in another case ("по словам министра
    Омарова", "цитирует ТАСС Омарова"; not "…, который прокомментировал отставку Петрова")."""
    speech = _speech_words_in(text, cue.start, cue.stop)
    oblique = [word for word in speech if speech_words()[lemma(word.group())] != "nomn"]
    named = [
        (m, actor)
        for m, actor in in_cue
        if actor.kind == ActorKind.PERSON
        and (
            ("nomn" in cue.cases and _nominative(m))
            or any(word.end() <= m.start and "," not in text[word.end() : m.start] for word in oblique)
        )
    ]
    if not named:
        return None
    anchor = cue.verb_start if cue.verb else cue.stop
    return min(named, key=lambda pair: abs(pair[0].start - anchor))[1]


def _nominative(mention) -> bool:
    """A mention the pipeline did not have to inflect stands in the nominative."""

    def spelled(name: str) -> str:
        return " ".join(name.replace("ё", "е").split())

    return spelled(mention.text) == spelled(mention.normal)


def _titled_speaker(text: str, cue: _Cue, known: _Known, before: int) -> tuple[str | None, bool]:
    """The actor id of the person named before ``before`` whose role the cue's title names. The
    title is the phrase around the cue's first role word in a speaker's case (later role words
    are its complements: "слова представителя президента" is the representative's); it matches a
    role, by lemmas, from one of the role's words on through that role word at least ("сказал
    генеральный секретарь ОДКБ", "заявил министр обороны", "представитель МИД" for "официальный
    представитель МИД"), not when the title goes on with another genitive than the role's; the
    longest match wins, and of several people with it the one named last (none when the last
    two are named in one sentence). Also whether there is such a role word but no such person (a
    bare title, "заявил эксперт"; plurals never are)."""
    words = [w.group() for w in _WORD.finditer(text, cue.start, cue.stop)]
    lemmas = [lemma(w) for w in words]
    heads = role_words()
    head = next((i for i, w in enumerate(words) if lemmas[i] in heads and _admits_case(w, cue.cases)), None)
    if head is None or not _singular(words[head], cue.cases):
        return None, False  # "многие эксперты считают" names no one
    named = _last_mentions(known, before)
    best, speakers = 0, set()
    for first in range(head + 1):
        if not _admits_case(words[first], cue.cases):
            continue
        for actor_id, role_lemmas in known.roles.get(lemmas[first], ()):
            if actor_id not in named:
                continue
            matched = _common_prefix(lemmas[first:], role_lemmas)
            if first + matched <= head or matched < best:
                continue
            if _other_complement(words, first + matched, role_lemmas[matched:]):
                continue  # "глава спецслужбы" is not the "глава МИД"
            if matched > best:
                best, speakers = matched, set()
            speakers.add(actor_id)
    if not speakers:
        return None, True
    ranked = sorted(speakers, key=lambda actor_id: named[actor_id].start, reverse=True)
    if len(ranked) > 1 and named[ranked[0]].sentence == named[ranked[1]].sentence:
        return None, False
    return ranked[0], False


def _other_complement(words: list[str], index: int, rest_of_role: tuple[str, ...]) -> bool:
    """Whether the cue's title goes on, where the role does too, with a genitive of its own."""
    return bool(rest_of_role) and index < len(words) and _admits_case(words[index], frozenset({"gent"}))


def _last_mentions(known: _Known, before: int) -> dict[str, object]:
    """Actor id -> the last mention before ``before`` of each person named outside quotes."""
    return {actor.actor_id: mention for mention, actor in known.people[: bisect_left(known.people_starts, before)]}


def _singular(word: str, cases: frozenset[str]) -> bool:
    """Whether ``word`` reads as a singular in one of ``cases`` ("эксперт", not "эксперты")."""
    return any(form.tag.case in cases and form.tag.number == "sing" for form in readings(word))


def _common_prefix(first, second) -> int:
    count = 0
    while count < min(len(first), len(second)) and first[count] == second[count]:
        count += 1
    return count


def _pronoun_gender(text: str, cue: _Cue) -> str | None:
    """The gender a pronoun in the cue refers to ("" when unknown), None without a pronoun. The
    pronoun must stand in a speaker's case: "сказала она", "по ее словам", not "сказал ей"."""
    pronouns = speech_pronouns()
    for word in _WORD.finditer(text, cue.start, cue.stop):
        for form in readings(word.group()):
            lemma = form.normal.replace("ё", "е")
            if lemma in pronouns and form.tag.case in cue.cases:
                return pronouns[lemma] or _verb_gender(cue)
    return None


def _verb_gender(cue: _Cue) -> str:
    """The gender the cue's speech verb shows ("" when it shows none): "сказала", "уверена"."""
    form = readings(cue.verb)[0] if cue.verb else None
    return (form.tag.gender if form and form.tag.POS in _GENDERED else None) or ""


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
