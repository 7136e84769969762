"""The positions a text gives its people: "министра обороны Казахстана Асана Омарова" -> role
"министр обороны Казахстана", affiliation KZ.

A role is read where the text states it:

- right before the name. Walking back from the name, the phrase runs to the nearest punctuation,
  verb or other name; a preposition ends it too once a singular role word (``data/roles.csv``)
  is inside, so "посол России в Казахстане" stays whole while "встретился с председателем" stops
  at "с". A bracketed abbreviation or gloss inside ("руководитель Службы разведки (СРВ)") is
  passed over, an abbreviation in capitals is a name, never a verb, a dash right before the name
  joins it ("делегацию возглавит глава фракции — Асан Омаров"). A title right before the name after
  another role ("представитель штаба генерал-майор Петров") is a role of its own, and so is each
  role of a list in the same case, joined by commas, dashes or "и" ("доктор наук, профессор МГУ
  Петров"). A role word in another case that is no genitive complement starts the name's own
  role ("сказал корреспонденту агентства лидер движения Петров" -> лидер движения). A title in
  quotes that close before the name is a nickname, no role («вечный премьер»);
- "во главе с Петровым": глава, of the organisation or country named right before;
- set off after the name by a comma, a dash or brackets, one or several in a row ("Петров,
  священник полка, капитан запаса"), unless the name is inflected and the role stands in the
  nominative only (the next clause's subject); or after a preposition and an office word
  (``data/role_offices.csv``: "отставка Петрова с поста министра финансов");
- without a name, for a role word marked ``refers_back``, where it stands as a speaker: right
  after a speech word of ``speech_verbs.csv`` in that word's case ("— считает эксперт", "По
  мнению депутата"), before a speech verb ("глава МИД заявил"), or opening a sentence before a
  verb ("Эксперт уточнил"). It is the role of a person named at most eight sentences before,
  outside quotations (the author's words inside one, «…, — пояснил эксперт. — …», are not
  quoted): one whose stated roles are of the role's ``group`` (politics, expert, military,
  sport, media) or of none, and name no other country than the role does; of those, the one
  whose stated role has the role's words ("глава СВРК"), else one whose roles name its country,
  else the one named last. A role word after an office word ("выборы президента"), in the
  plural or in «quotes» («Адмирал Омаров») names no one, and a role said again of the same
  person adds no row.

A verb's role may follow a relative pronoun and an adverbial ("Петров, который в то время был
вице-президентом компании"), the copula standing for the verb. An adverbial of time ends a role
phrase ("министр обороны в 2010 году" -> министр обороны); "&" inside a Latin name does not
("директор S&P").

An acting prefix before a role, before or after the name, stays with it: "исполняющему
обязанности министра обороны" -> "исполняющий обязанности министра обороны" (the office words of
``role_offices.csv`` with an ``acting`` verb).

The role starts at its leftmost role word, with the adjectives before it ("российским коллегой" ->
"российский коллега"); those words are put in the nominative, the rest is kept as written. A
role word is a lemma of ``roles.csv`` (or written as one: "замруководителя"), that lemma after a
prefix row, hyphenated or glued ("экс-министр", "генпрокурор", "сооснователь"), or an animate
noun with a suffix row's ending ("-олог": политолог, индолог). A person keeps the fullest
wording of a role: "председатель парламента" goes when "председатель казахстанского парламента"
is also theirs.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from ..language.lemmas import lemma, nominative, parse, readings, stem_pattern, words
from ..lexicon import rows
from ..vocabulary import ActorKind, Block, MentionType

if TYPE_CHECKING:  # the document is made with these roles: no import at run time
    from .document import Document

_STOPS = {"VERB", "INFN", "GRND", "PRTS", "PRED"}
_JOINS = {"PREP", "CONJ"}
_MODIFIERS = {"ADJF", "NUMR"}  # pronouns ("который", "свой") are not: see _modifier
_MAX_WORDS = 16
_STRIP = "«»\"'."
_DASHES = {"—", "–"}
_SENTENCES_BACK = 8  # a role without a name refers to someone named at most this many sentences before


@dataclass(frozen=True, slots=True)
class Role:
    """A role phrase in the nominative, with its offsets in the article text."""

    text: str
    start: int
    stop: int


@dataclass(frozen=True, slots=True)
class _Entry:
    group: str  # politics, expert, military, sport, media, or "" for none
    refers_back: bool


@cache
def _lexicon() -> tuple[dict[str, _Entry], tuple[str, ...], dict[str, _Entry]]:
    """Role lemmas, prefixes ("экс-") and suffixes ("олог") of ``roles.csv``."""
    lemmas, prefixes, suffixes = {}, [], {}
    for row in rows("roles.csv"):
        word, entry = row["lemma"], _Entry(row["group"], bool(row["refers_back"]))
        if word.startswith("-"):
            suffixes[word[1:]] = entry
        elif word.endswith("-"):
            prefixes.append(word)
        else:
            lemmas[word] = entry
    return lemmas, tuple(prefixes), suffixes


@cache
def role_words() -> frozenset[str]:
    """Lemmas of the words that name a position (``data/roles.csv``)."""
    return frozenset(_lexicon()[0])


@cache
def _offices() -> frozenset[str]:
    return frozenset(row["lemma"] for row in rows("role_offices.csv"))


@cache
def _acting() -> dict[str, str]:
    """Office word -> the verb whose participle before it makes the role an acting one
    ("исполняющий обязанности министра": обязанность -> исполнять)."""
    return {row["lemma"]: row["acting"] for row in rows("role_offices.csv") if row["acting"]}


@cache
def _predicates() -> frozenset[str]:
    return frozenset(row["lemma"] for row in rows("role_predicates.csv"))


@cache
def speech_words() -> dict[str, str]:
    """Lemma of each speech word (``speech_verbs.csv``) -> the case its speaker takes ("nomn":
    "сказал Омаров", "gent": "по словам Омарова", "accs": "цитирует ТАСС Омарова"): roles read
    titles standing as speakers by it, quotes their speakers."""
    return {row["lemma"]: row["speaker_case"] for row in rows("speech_verbs.csv")}


@lru_cache(maxsize=100_000)
def _entry(word: str) -> _Entry | None:
    """The ``roles.csv`` entry ``word`` is a form of (directly, after a prefix, by a suffix), or None."""
    core = word.strip(_STRIP).lower()
    if not core[:1].isalpha():
        return None
    lemmas, prefixes, suffixes = _lexicon()
    found = readings(core)
    # the best reading, or a noun reading of an adjective or participle ("нападающий", "рядовой")
    candidates = [core, *(f.normal.replace("ё", "е") for f in found[:1])]  # "замруководителя" as written
    if found and found[0].tag.POS in ("ADJF", "PRTF"):
        candidates += [f.normal.replace("ё", "е") for f in found if f.tag.POS == "NOUN"]
    for candidate in dict.fromkeys(candidates):
        stripped = _unprefixed(candidate)
        if stripped in lemmas:
            return lemmas[stripped]
        if stripped != candidate and lemma(stripped) in lemmas:  # "замдекана": зам + декан
            return lemmas[lemma(stripped)]
    if found and any(f.tag.POS == "NOUN" and "anim" in f.tag for f in found):
        return next((entry for ending, entry in suffixes.items() if candidates[1].endswith(ending)), None)
    return None


def _unprefixed(word: str) -> str:
    """``word`` without the prefix rows of ``roles.csv`` it opens with, hyphenated or glued
    ("экс-министра", "генпрокурор", "сооснователь"), where a role word is left; else ``word``."""
    lemmas, prefixes, _ = _lexicon()
    for prefix in prefixes:
        for form in dict.fromkeys((prefix, prefix.rstrip("-"))):
            rest = word[len(form) :]
            if word.startswith(form) and rest and word not in lemmas:
                rest = _unprefixed(rest)
                if rest in lemmas or lemma(rest) in lemmas:
                    return rest
    return word


def is_role_word(word: str) -> bool:
    """Whether ``word`` is a form of a word naming a position."""
    return _entry(word) is not None


def role_group(word: str) -> str | None:
    """The group of the position ``word`` names (``roles.csv``: politics, military, expert,
    sport, media, "" for none), None when it names none."""
    entry = _entry(word)
    return entry.group if entry else None


def _plural(word: str) -> bool:
    """Only plural noun readings: "лидеров", "коллегами" (not "главы", also singular)."""
    nouns = [f for f in readings(word.strip(_STRIP).lower()) if f.tag.POS == "NOUN"]
    return bool(nouns) and all(f.tag.number == "plur" for f in nouns)


def _may_be_plural(word: str) -> bool:
    """A plural noun reading among others: "главы" (of several, or of one in the genitive)."""
    return any(f.tag.POS == "NOUN" and f.tag.number == "plur" for f in readings(word.strip(_STRIP).lower()))


def _cases(word: str) -> set[str]:
    core = _unprefixed(word.strip(_STRIP).lower())  # "экс-депутата" declines as "депутата"
    return {f.tag.case for f in readings(core) if f.tag.POS in ("NOUN", "ADJF") and f.tag.case}


def _abbreviation(word: str) -> bool:
    core = word.strip(_STRIP)
    return len(core) > 1 and core.isupper()


def _pos(word: str) -> str | None:
    """Part of speech, None for punctuation; an abbreviation in capitals ("ВЕДУ") and a word in
    quotes («Вести», which is also a verb) are names."""
    core = word.strip(_STRIP)
    if core == "&":
        return "X"  # "Rambler & Co", "S&P": inside a Latin name
    if not core[:1].isalnum():
        return None
    if _abbreviation(core) or word[:1] in "«„“" or word[-1:] in "»“”":
        return "NOUN"
    form = parse(core)
    return str(form.tag.POS or "X") if form else None  # Latin words and numbers: no part of speech


def _modifier(word: str) -> bool:
    """An adjective or numeral that belongs to the role after it, not a pronoun ("который",
    "свой", "наш")."""
    core = word.strip(_STRIP)
    form = parse(core) if core[:1].isalnum() else None
    return form is not None and form.tag.POS in _MODIFIERS and "Apro" not in form.tag


def _head(word: str) -> bool:
    """A singular role word: a plural one ("казахстанских экспертов") names no one person."""
    return is_role_word(word) and not _plural(word)


_GLUED = re.compile(r".*\w{4}\.(?=[A-ZА-ЯЁ])")  # "принято.Экс-министр": a full stop without its space


def role_before(text: str, sentence_start: int, name_start: int) -> Role | None:
    """The role phrase that ends right before a name starting at ``name_start``, if any."""
    roles = _roles_right_before(text, sentence_start, name_start)
    return roles[-1] if roles else None


def _roles_right_before(text: str, sentence_start: int, name_start: int, plural: bool = False) -> list[Role]:
    """The phrase before a name, as one role or as a role and the title right before the name;
    with ``plural``, the role of a plural title ("министры обороны"), in the singular."""
    found = [(w.start, w.stop, w.text) for w in words(text, sentence_start, name_start)]
    stretch: list[tuple[int, int, str]] = []
    i = len(found) - 1
    if i >= 0 and found[i][2] in _DASHES:  # "глава фракции — Асан Омаров"
        i -= 1
    while i >= 0 and len(stretch) < _MAX_WORDS:
        start, stop, word = found[i]
        if len(word) == 1 and unicodedata.category(word) == "Cf":  # zero-width marks
            i -= 1
            continue
        if word == ")":  # a bracketed abbreviation or gloss inside the phrase is passed over
            opening = next((j for j in range(i - 1, -1, -1) if found[j][2] == "("), None)
            if opening is None:
                break
            i = opening - 1
            continue
        glued = _GLUED.match(word)
        if glued:
            stretch.insert(0, (start + glued.end(), stop, word[glued.end() :]))
            break
        pos = _pos(word)
        # a title right before the name after a noun ("штаба генерал-майор") does not close the
        # phrase before it; one after a pronoun or preposition ("с его председателем") does
        titled = len(stretch) > 1 and _pos(stretch[-2][2]) in ("NOUN", "X")
        has_head = any(_head(w) for _, _, w in (stretch[:-1] if titled else stretch))
        # "Чрезвычайный и Полномочный посол": "и" between two of the head's adjectives
        paired = word == "и" and i > 0 and stretch and _modifier(stretch[0][2]) and _modifier(found[i - 1][2])
        if pos is None or pos in _STOPS or (pos in _JOINS and (has_head or not stretch) and not paired):
            break
        stretch.insert(0, (start, stop, word))
        i -= 1
    first = next((i for i, (_, _, w) in enumerate(stretch) if is_role_word(w)), None)
    if first is None:
        return []
    # a later role word in another case, not a genitive complement, starts the name's own role:
    # "сказал корреспонденту агентства лидер движения Петров" -> "лидер движения"
    first = next(
        (
            i
            for i in range(first + 1, len(stretch))
            if _head(stretch[i][2])
            and "gent" not in _cases(stretch[i][2])
            and not _cases(stretch[first][2]) & _cases(stretch[i][2])
        ),
        first,
    )
    head_cases = _cases(stretch[first][2])
    # an adjective of the role agrees with it: "подконтрольный совладельцу" is not one phrase
    while first > 0 and (
        (_modifier(stretch[first - 1][2]) and _cases(stretch[first - 1][2]) & head_cases)
        or (first > 1 and stretch[first - 1][2] == "и" and _modifier(stretch[first - 2][2]))
    ):
        first -= 1
    phrase = stretch[first:]
    title = len(phrase) - 1
    if (
        title > 1
        and _head(phrase[title][2])
        and not is_role_word(phrase[title - 1][2])
        and any(_head(w) for _, _, w in phrase[:title])
        and _same_case(phrase[:title], phrase[title][2])
    ):  # "представитель штаба генерал-майор": two roles
        return [r for r in (_phrase(phrase[:title]), _phrase(phrase[title:])) if r]
    role = _phrase(phrase, plural)
    return [role] if role else []


def _same_case(phrase: list[tuple[int, int, str]], title: str) -> bool:
    head = next(w for _, _, w in phrase if is_role_word(w))
    return bool(_cases(head) & _cases(title))


def _quoted_name(phrase: list[tuple[int, int, str]], head: int) -> bool:
    """Whether the role word stands in quotes that close inside the phrase: a name or a nickname
    («Адмирал Омаров», «вечный премьер»), not a quotation that begins with a title
    («Президент Асан Омаров встретится …»)."""
    opened = next((i for i, (_, _, w) in enumerate(phrase[: head + 1]) if w[:1] in "«„“"), None)
    return opened is not None and any(w.rstrip(".")[-1:] in "»“”" for _, _, w in phrase[opened:])


def _phrase(phrase: list[tuple[int, int, str]], plural: bool = False) -> Role | None:
    """The role of words whose first role word is the head: the words up to it in the singular
    nominative, the rest as written. None when the head is plural, unless ``plural`` (its
    singular is then each listed person's), or when it is the head alone."""
    head = next(i for i, (_, _, w) in enumerate(phrase) if is_role_word(w))
    if (_may_be_plural if plural else _plural)(phrase[head][2]) is not plural or _quoted_name(phrase, head):
        return None
    # "министр обороны в 2010 году": when he held it is no part of the role
    phrase = phrase[: next((i for i in range(head + 1, len(phrase)) if _time(phrase, i)), len(phrase))]
    start, stop, first = phrase[0]
    if first[:1] in "«„“":  # the opening of a quotation that begins with the title
        phrase = [(start + 1, stop, first[1:]), *phrase[1:]]
    start, stop, last = phrase[-1]
    core = last.strip(_STRIP)
    if last.endswith(".") and (len(core) > 3 or core.isupper()):  # a full stop, not "им."
        phrase = [*phrase[:-1], (start, stop - len(last) + len(last.rstrip(".")), last.rstrip("."))]
    gender = parse(phrase[head][2].strip(_STRIP)).tag.gender or "masc"
    # a word written as its lemma stays as written: "замруководителя" is indeclinable
    inflected = [
        (w.lower() if w.strip(_STRIP).lower() in role_words() else nominative(w, gender)) if i <= head else w
        for i, (_, _, w) in enumerate(phrase)
    ]
    return Role(_join(phrase, inflected), phrase[0][0], phrase[-1][1])


def _time(phrase: list[tuple[int, int, str]], at: int) -> bool:
    """Whether a preposition at ``at`` opens an adverbial of time ("в 2010 году", "с прошлого года")."""
    after = [w for _, _, w in phrase[at + 1 : at + 3]]
    return (
        _pos(phrase[at][2]) == "PREP"
        and bool(after)
        and (after[0][:1].isdigit() or any(lemma(w) == "год" for w in after))
    )


_APPOSITION = re.compile(r"\s*(?:,|\(|\s[—–-])\s*")
_PHRASE_END = re.compile(r"[,;:!?()\[\]—–]|\.(?!\w)|\s-\s|\n")  # "им.Абая" goes on
_LIST_COMMA = re.compile(r"\s*(?:,|\s[—–-]|\sи)\s*$")  # "вице-премьер - министр торговли", "доктор наук и профессор"
_GLOSS = re.compile(r"\s*\([^()]*\)")
_NEXT_IN_ROW = re.compile(r"\s*(?:\([^()]*\))?\s*,")  # a bracketed abbreviation may stand between


def role_after(text: str, name_stop: int, sentence_stop: int) -> Role | None:
    """The role phrase set off after a name: "Асан Омаров, министр обороны Казахстана, ..."
    or "Иван Петров (министр промышленности и торговли)". It runs to the next punctuation
    or verb and must start with a role word, adjectives before it allowed."""
    separator = _APPOSITION.match(text, name_stop, sentence_stop)
    if not separator:
        return None
    return _leading_role(text, separator.end(), sentence_stop)


def _leading_role(text: str, start: int, sentence_stop: int) -> Role | None:
    """The role phrase starting at ``start`` with a role word (adjectives before it allowed),
    up to the next punctuation or verb."""
    end = _PHRASE_END.search(text, start, sentence_stop)
    stop = end.start() if end else sentence_stop
    found = [(w.start, w.stop, w.text) for w in words(text, start, stop)][:_MAX_WORDS]
    phrase = []
    for start_, word_stop, word in found:
        if _pos(word) in _STOPS:
            break
        phrase.append((start_, word_stop, word))
    phrase = phrase[_acting_words(phrase) :]  # the role it acts for: the caller adds the prefix back
    head = next((i for i, (_, _, w) in enumerate(phrase) if is_role_word(w)), None)
    if head is None or not all(_modifier(w) for _, _, w in phrase[:head]):
        return None
    return _phrase(phrase)


def _acting_words(phrase: list[tuple[int, int, str]]) -> int:
    """How many words open ``phrase`` as the prefix of an acting role: ("временно")
    "исполняющий обязанности" (``role_offices.csv``), else 0."""
    at = 1 if phrase and _pos(phrase[0][2]) == "ADVB" else 0
    if (
        len(phrase) > at + 1
        and _pos(phrase[at][2]) == "PRTF"
        and _acting().get(lemma(phrase[at + 1][2])) == lemma(phrase[at][2])
    ):
        return at + 2
    return 0


def _as_acting(text: str, role: Role, bound: int) -> Role:
    """The role with the acting prefix that stands right before it, after ``bound``, if one does:
    "исполняющему обязанности главы Египта" -> "исполняющий обязанности главы Египта", the role
    it acts for kept as written. The participle is put in the nominative, as a role's words are."""
    before = [(w.start, w.stop, w.text) for w in words(text, bound, role.start)]
    for count in (3, 2):
        prefix = before[-count:]
        if len(prefix) == count and _acting_words(prefix) == count:
            adverb = [prefix[0][2].lower()] if count == 3 else []
            participle, office = prefix[-2][2], prefix[-1][2]
            wording = [*adverb, nominative(participle, parse(participle).tag.gender), office.lower()]
            return Role(" ".join([*wording, text[role.start : role.stop]]), prefix[0][0], role.stop)
    return role


def _office_role(text: str, name_stop: int, sentence_stop: int) -> Role | None:
    """The role after a preposition and an office word that follow a name: "отставка Ивана
    Петрова с поста министра обороны" -> министр обороны."""
    following = words(text, name_stop, sentence_stop)[: _MAX_WORDS + 2]
    if (
        len(following) < 3
        or text[name_stop : following[0].start].strip()
        or _pos(following[0].text) != "PREP"
        or lemma(following[1].text) not in _offices()
        or not is_role_word(following[2].text)
    ):
        return None
    last = _complements(following, 2)
    return _phrase([(w.start, w.stop, w.text) for w in following[2 : last + 1]])


def _predicate_role(text: str, name_stop: int, stop: int) -> Role | None:
    """The role a verb right after the name gives (``data/role_predicates.csv``): "Асан Омаров
    назначен министром обороны" -> министр обороны, "стал генеральным директором АО «ТЕХМАШ»",
    "был избран председателем партии", "утверждён в должности заместителя министра". The role
    word stands in the instrumental, or in the genitive after an office word; a negated verb
    ("не является министром") or one in the future ("станет министром") gives none."""
    following = words(text, name_stop, stop)[: _MAX_WORDS + 10]
    at = 0
    if len(following) > 1 and following[0].text == "," and lemma(following[1].text) == "который":
        at = 2  # "Асан Омаров, который в 2019 году стал министром": the clause is about him
    elif following and text[name_stop : following[0].start].strip():
        return None
    gap, governed = at, False
    # "Асан Омаров в 2019 году стал министром"; after a preposition, what it governs ("в то время")
    while (
        at < len(following)
        and at - gap < _MAX_GAP
        and (_adverbial(following[at].text) or (governed and _pos(following[at].text) not in (*_STOPS, None)))
    ):
        governed = governed or _pos(following[at].text) == "PREP"
        at += 1
    while at < len(following) and lemma(following[at].text) == "быть":  # "был избран"
        at += 1
    if (
        0 < at < len(following)
        and lemma(following[at - 1].text) == "быть"
        and lemma(following[at].text) not in _predicates()
    ):
        at -= 1  # "был вице-президентом": the copula is the verb
    if (
        at + 1 >= len(following)
        or lemma(following[at].text) not in {*_predicates(), "быть"}
        or any(_future(w.text) for w in following[: at + 1])  # "станет министром": not yet his
        or any(lemma(w.text) == "не" for w in following[:at])
    ):
        return None
    first = following[at + 1]
    office = 1 if lemma(first.text) in _offices() else 2 if _pos(first.text) == "PREP" else 0
    if office and at + office + 1 < len(following) and lemma(following[at + office].text) in _offices():
        # "утверждён в должности заместителя министра", "занимал пост генерального директора"
        head = at + office + 1
        while head + 1 < len(following) and _modifier(following[head].text):
            head += 1
        if not is_role_word(following[head].text) or "gent" not in _cases(following[head].text):
            return None
        last = _complements(following, head)
        return _phrase([(w.start, w.stop, w.text) for w in following[at + office + 1 : last + 1]])
    role = _leading_role(text, first.start, stop)
    head = next((w.text for w in words(text, role.start, role.stop) if is_role_word(w.text)), None) if role else None
    return role if head and "ablt" in _cases(head) else None


_MAX_GAP = 4  # words of an adverbial between a name and its verb ("в 2019 году", "с тех пор")


def _adverbial(word: str) -> bool:
    """A word of an adverbial of time or manner: an adverb, preposition or number, or a noun or
    adjective that cannot be a subject (no nominative reading: "году", "прошлом")."""
    core = word.strip(_STRIP).lower()
    if core.isdigit():
        return True
    pos = _pos(word)
    if pos in ("ADVB", "COMP", "PREP", "NUMR"):
        return True
    return pos in ("NOUN", "ADJF") and not any(f.tag.case == "nomn" for f in readings(core))


def _future(word: str) -> bool:
    form = parse(word)
    return form is not None and form.tag.tense == "futr"


def _complements(found: list, head: int) -> int:
    """The index of the last word of the genitive complements after a role word ("глава
    кыргызского внешнеполитического ведомства"), ``head`` when none follows."""
    last = head
    while last + 1 < len(found) and last - head < _MAX_WORDS:
        word = found[last + 1].text
        if _pos(word) not in ("NOUN", "ADJF") or not (_abbreviation(word) or "gent" in _cases(word)):
            break
        last += 1
    return last


def _join(phrase: list[tuple[int, int, str]], words: list[str]) -> str:
    parts = []
    for i, ((start, _, _), word) in enumerate(zip(phrase, words)):
        if i:
            parts.append(" " if start > phrase[i - 1][1] else "")
        parts.append(word)
    return "".join(parts)


@dataclass(frozen=True, slots=True)
class PersonRole:
    """A role the article gives a person: the phrase, its affiliation and its offsets."""

    actor_id: str
    role: str
    affiliation: str | None
    start: int
    stop: int


def person_roles(doc: Document) -> list[PersonRole]:
    """Roles of the article's people: the phrases right before each story mention and set off
    right after it, then roles that refer back to a person named before (module docstring).

    The affiliation is the first country (its ISO code) or organisation (its name) the role
    phrase names: "министр обороны Казахстана" -> KZ, "генеральный директор АО «ТЕХМАШ»" -> the
    company, "российский коллега" -> RU.
    """
    text, sentences, kinds = doc.text, doc.sentences, doc.by_id
    grouped = doc.by_sentence  # a role never leaves its sentence
    found = []
    for mention, actor_id in zip(doc.mentions, doc.actor_ids):
        if kinds[actor_id].kind != ActorKind.PERSON or mention.block == Block.DIGEST:
            continue
        sentence, around = sentences[mention.sentence], grouped[mention.sentence]
        people = [m for m, _ in around if m.type == MentionType.PER]
        # a role phrase never runs over another person's name
        bound = max([sentence.start, *[m.stop for m in people if m.stop <= mention.start]])
        later = [m.start for m in people if m.start > mention.stop]
        leader = _leader(doc, mention, bound)
        if leader:
            found.append(PersonRole(actor_id, *leader))
        # a role in the nominative before an inflected name is not his: in "руководитель …
        # Сергея Петрова" the name is whose head he is ("исполняющему обязанности главы Египта
        # Адли Мансуру" is his: the role word stands in another case than the name's)
        before = [
            role for role in _roles_before(text, bound, mention.start) if not _nominative_only(text, mention, role)
        ]
        roles = [_as_acting(text, r, bound) for r in before] + [
            _as_acting(text, r, mention.stop) for r in _roles_after(text, mention, sentence.stop, later)
        ]
        for role in roles:
            found.append(
                PersonRole(actor_id, role.text, _affiliation(doc, mention.sentence, role), role.start, role.stop)
            )
    listed = _listed_roles(doc)
    taken = {(r.actor_id, r.start) for r in listed}  # the title of a row is each one's in the singular
    found = [r for r in found if (r.actor_id, r.start) not in taken] + listed
    # a role said again of the same person adds nothing: the same words, or the same role word
    # of the same body ("Президент РТ назвал" after "президента Татарстана Асана Омарова")
    known = {(r.actor_id, r.role.lower()) for r in found} | {(r.actor_id, _position(r)) for r in found}
    for role in _back_references(doc, found):
        if not {(role.actor_id, role.role.lower()), (role.actor_id, _position(role))} & known:
            known |= {(role.actor_id, role.role.lower()), (role.actor_id, _position(role))}
            found.append(role)
    return _fullest(found)


_IN_A_ROW = re.compile(r"\s*(?:\([^()]*\)\s*)?(?:,\s*|,?\s*и\s+)")  # between two names of a list, a gloss allowed


def _listed_roles(doc: Document) -> list[PersonRole]:
    """Roles of people named in a row after a plural title: each takes the title in the
    singular ("академики РАН Иван Петров и Олег Смирнов" -> академик РАН), and when the title
    names as many countries or bodies as there are people, each takes his own, in order
    ("министры обороны Казахстана и Кыргызстана Асан Омаров и Бакыт Исаев" -> министр обороны
    Казахстана, министр обороны Кыргызстана)."""
    text, found = doc.text, []
    for index, sentence in enumerate(doc.sentences):
        people = sorted(
            (
                (m, aid)
                for m, aid in doc.by_sentence.get(index, [])
                if doc.by_id[aid].kind == ActorKind.PERSON and m.block != Block.DIGEST
            ),
            key=lambda pair: pair[0].start,
        )
        first = 0
        while first < len(people):
            last = first
            while last + 1 < len(people) and _IN_A_ROW.fullmatch(text, people[last][0].stop, people[last + 1][0].start):
                last += 1
            row = people[first : last + 1]
            bound = people[first - 1][0].stop if first else sentence.start
            first = last + 1
            role = _roles_right_before(text, bound, row[0][0].start, plural=True) if len(row) > 1 else []
            if not role:
                continue
            role = role[-1]
            inside = sorted(
                ((m, aid) for m, aid in doc.by_sentence[index] if role.start <= m.start and m.stop <= role.stop),
                key=lambda pair: pair[0].start,
            )
            # the countries, else the bodies ("главы МИД России и Казахстана": each his country's)
            countries = [(m, aid) for m, aid in inside if doc.by_id[aid].kind == ActorKind.COUNTRY]
            bodies = [
                (m, aid)
                for m, aid in inside
                if doc.by_id[aid].kind == ActorKind.ORGANIZATION
                and not any(o.start <= m.start and m.stop <= o.stop and o != m for o, _ in inside)
            ]
            named = countries if len(countries) == len(row) else bodies
            if len(named) == len(row):  # one body each, in the order named
                title = " ".join(role.text.split()[: len(words(text, role.start, named[0][0].start))])
                for (_, aid), (body, body_id) in zip(row, named):
                    actor = doc.by_id[body_id]
                    affiliation = actor.code or actor.name if actor.kind == ActorKind.COUNTRY else actor.name
                    found.append(PersonRole(aid, f"{title} {body.text}", affiliation, role.start, role.stop))
            elif len(countries) <= 1 and len(bodies) <= 1:
                found += [
                    PersonRole(aid, role.text, _affiliation(doc, index, role), role.start, role.stop) for _, aid in row
                ]
    return found


def _position(role: PersonRole) -> tuple[str, str] | str:
    """The role word's lemma and the affiliation of a role that names one, else its words."""
    head = next((lemma(word) for word in role.role.split() if is_role_word(word)), "")
    return (head, role.affiliation) if role.affiliation else role.role.lower()


_LED_BY = re.compile(r"\bво\s+(главе)\s+с\s*$")


def _leader(doc: Document, mention, bound: int) -> tuple[str, str | None, int, int] | None:
    """Role, affiliation and offsets of "глава" for a name after "во главе с": the leader of the
    organisation or country named right before ("делегация движения «Вперёд» во главе с
    Асаном Омаровым" -> глава, «Вперёд»)."""
    led = _LED_BY.search(doc.text, bound, mention.start)
    if not led:
        return None
    before = [
        doc.by_id[aid]
        for m, aid in doc.by_sentence[mention.sentence]
        if bound <= m.start and m.stop <= led.start() and len(doc.text[m.stop : led.start()].split()) <= 2
    ]
    bodies = [a for a in before if a.kind in (ActorKind.COUNTRY, ActorKind.ORGANIZATION)]
    body = bodies[-1] if bodies else None
    affiliation = (body.code or body.name if body.kind == ActorKind.COUNTRY else body.name) if body else None
    return "глава", affiliation, led.start(1), led.end(1)


def _inside_role(doc: Document, sentence: int, role) -> list:
    """The actors named inside a role phrase."""
    return [
        doc.by_id[aid] for m, aid in doc.by_sentence.get(sentence, []) if role.start <= m.start and m.stop <= role.stop
    ]


def _countries(doc: Document, role: PersonRole | Role) -> set[str]:
    """The countries a role names, directly or through a national body ("глава МИД Кыргызстана" -> KG)."""
    sentence = next((s.index for s in doc.sentences if s.start <= role.start < s.stop), -1)
    return {a.country or a.code for a in _inside_role(doc, sentence, role) if a.country or a.code}


def _affiliation(doc: Document, sentence: int, role: Role) -> str | None:
    inside = _inside_role(doc, sentence, role)
    return next(
        (
            a.code or a.name if a.kind == ActorKind.COUNTRY else a.name
            for a in inside
            if a.kind in (ActorKind.COUNTRY, ActorKind.ORGANIZATION)
        ),
        None,
    )


def _roles_before(text: str, bound: int, name_start: int) -> list[Role]:
    """The roles right before a name and those listed before them, comma-separated, whose role
    words stand in the same case: "доктора наук, профессора МГУ Ивана Петрова"."""
    found = _roles_right_before(text, bound, name_start)
    while found:
        comma = _LIST_COMMA.search(text, bound, found[0].start)
        if not comma:
            break
        earlier = _roles_right_before(text, bound, comma.start())
        if (
            not earlier
            or text[earlier[-1].stop : comma.start()].strip()
            or not _roles_agree(text, earlier[-1], found[0])
        ):
            break
        found = earlier + found
    return found


def _roles_agree(text: str, first: Role, second: Role) -> bool:
    heads = [_role_word(text, r) for r in (first, second)]
    return bool(_cases(heads[0]) & _cases(heads[1]))


def _roles_after(text: str, mention, sentence_stop: int, later: list[int]) -> list[Role]:
    """The roles set off after a name, one after another ("Петров, священник полка, капитан
    запаса"), or after an office word; never one that leads up to the next person's name
    (``later``: where the sentence's next people start): in "Петров, генеральный директор
    «ТЕХМАШа» Олег Смирнов" the role is Смирнов's."""
    stop = min([sentence_stop, *later])
    office = _office_role(text, mention.stop, stop)
    if office:
        return [office]
    predicate = _predicate_role(text, mention.stop, stop)
    if predicate:
        return [predicate]
    found: list[Role] = []
    role = role_after(text, mention.stop, stop)
    if role and not _agrees(text, mention, role):
        return []
    while role and not any(not text[role.stop : start].strip() for start in later):
        found.append(role)
        next_in_row = _NEXT_IN_ROW.match(text, role.stop, stop)
        if not next_in_row:
            break
        role = role_after(text, next_in_row.end() - 1, stop)
    return found


def _role_word(text: str, role: Role) -> str:
    """The first role word of a role phrase, as written."""
    return next(w.text for w in words(text, role.start, role.stop) if is_role_word(w.text))


def _nominative_only(text: str, mention, role: Role) -> bool:
    """Whether the role word can only be nominative while the name before which it stands is
    inflected."""
    if " ".join(mention.text.split()) == " ".join(mention.normal.split()):
        return False
    return _cases(_role_word(text, role)) == {"nomn"}


def _agrees(text: str, mention, role: Role) -> bool:
    """Whether a role set off after a name can stand in its case: an inflected name ("По словам
    Петрова, экс-депутат сейма был избит") takes no role in the nominative only."""
    if " ".join(mention.text.split()) == " ".join(mention.normal.split()):
        return True  # a name in the nominative, or one that does not decline
    head = _role_word(text, role)
    oblique = _cases(mention.text.split()[-1]) - {"nomn"}  # a foreign name's case may be unknown
    return bool((oblique or {"gent", "datv", "accs", "ablt", "loct"}) & _cases(head))


# the author's words inside a quotation: «…, — пояснил эксперт. — …»
_INTERRUPTION = re.compile(r"[,!?…]\s*[—–]\s+[^«»—–]{1,200}?(?:[.,:]\s*[—–]\s|(?=»))")


def quotations(text: str) -> list[tuple[int, int]]:
    """Spans of quotations: the outermost «…» (nested quotes inside) and “…”, without the
    author's words that interrupt them."""
    spans, depth, opened = [], 0, 0
    for match in re.finditer(r"[«»“”„]", text):
        mark = match.group()
        if mark in "«„" or (mark == "“" and depth == 0):
            if depth == 0:
                opened = match.start()
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0:
                start = opened
                for interruption in _INTERRUPTION.finditer(text, opened, match.end()):
                    spans.append((start, interruption.start()))
                    start = interruption.end()
                spans.append((start, match.end()))
    return spans


def _inside(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= position < stop for start, stop in spans)


def _back_references(doc: Document, stated: list[PersonRole]) -> list[PersonRole]:
    """Roles named without a name, as speakers, that refer back to a person named before."""
    text = doc.text
    quoted = [span for span in quotations(text) if span[1] - span[0] > 40]  # names in «…» stay names
    covered = [(r.start, r.stop) for r in stated]
    countries: dict[str, set[str]] = {}
    groups: dict[str, set[str]] = {}
    wordings: dict[str, list[set[str]]] = {}
    for role in stated:
        countries.setdefault(role.actor_id, set()).update(_countries(doc, role))
        gloss = _GLOSS.match(text, role.stop)  # "глава Службы разведки (СВРК)"
        wording = words(text, role.start, gloss.end() if gloss else role.stop)
        wordings.setdefault(role.actor_id, []).append({lemma(w.text) for w in wording})
        heads = [_entry(w.text) for w in words(text, role.start, role.stop) if is_role_word(w.text)]
        groups.setdefault(role.actor_id, set()).update(e.group for e in heads[:1] if e.group)
    people = [
        (m, aid)
        for m, aid in zip(doc.mentions, doc.actor_ids)
        if doc.by_id[aid].kind == ActorKind.PERSON and m.block != Block.DIGEST and not _inside(m.start, quoted)
    ]
    candidates = _referring_words()
    found = []
    for sentence in doc.story_sentences(candidates):  # only sentences with a word that may refer back
        sentence_words = words(text, sentence.start, sentence.stop)
        for i, word in enumerate(sentence_words):
            entry = _entry(word.text) if candidates.search(word.text) else None
            if (
                entry is None
                or not entry.refers_back
                or word.text[:1] in _STRIP  # «Адмирал Омаров» is a name
                or _inside(word.start, quoted)
                or _inside(word.start, covered)
            ):
                continue
            role = _referring_phrase(sentence_words, i)
            if role is None or any(role.start <= m.start and not text[role.stop : m.start].strip() for m, _ in people):
                continue
            named = _countries(doc, role)
            earlier = [
                aid
                for m, aid in people
                if m.stop <= role.start
                and m.sentence >= sentence.index - _SENTENCES_BACK
                and _compatible(entry.group, groups.get(aid, set()))
                # "глава кыргызского МИД" is not the Kazakh minister named last
                and not (named and countries.get(aid) and not named & countries[aid])
            ]
            if not earlier:
                continue
            # the one whose stated role has these words ("глава СВРК"), else whose roles name its country
            wanted = {lemma(w.text) for w in words(text, role.start, role.stop) if not _modifier(w.text)}
            same = [aid for aid in earlier if any(wanted <= wording for wording in wordings.get(aid, []))]
            sharing = [aid for aid in earlier if named & countries.get(aid, set())]
            actor_id = (same or sharing or earlier)[-1]
            found.append(
                PersonRole(actor_id, role.text, _affiliation(doc, sentence.index, role), role.start, role.stop)
            )
    return found


@cache
def _referring_words() -> re.Pattern:
    """A pattern for the words that may be forms of a role word that refers back: their first
    letters, a prefix row, or a suffix row's ending."""
    lemmas, prefixes, suffixes = _lexicon()
    starts = stem_pattern([word for word, entry in lemmas.items() if entry.refers_back] + list(prefixes))
    ends = "|".join(re.escape(ending) for ending, entry in suffixes.items() if entry.refers_back)
    return re.compile(f"{starts.pattern}|\\w(?:{ends})", re.IGNORECASE) if ends else starts


# officers and journalists are asked as experts: "— считает эксперт" may be a general's words
_ALSO_KNOWN_AS = {"expert": {"military", "media"}}


def _compatible(group: str, stated: set[str]) -> bool:
    """Whether a role of ``group`` may refer back to a person whose stated roles are of ``stated``
    groups: a person of no group may be anyone, a politician is no expert."""
    return not stated or group in stated or stated <= _ALSO_KNOWN_AS.get(group, set())


def _referring_phrase(found: list, head: int) -> Role | None:
    """The role phrase around a role word with no name, if it stands as a speaker: adjectives
    before it, words in the genitive after it ("глава кыргызского внешнеполитического ведомства")."""
    first = head
    while first > 0 and _modifier(found[first - 1].text):
        first -= 1
    cases = _cases(found[head].text)
    before = found[first - 1].text if first else None
    last = _complements(found, head)
    after = found[last + 1].text.lower() if last + 1 < len(found) else None
    speaks = (
        (before is not None and speech_words().get(lemma(before)) in cases)  # "— считает эксперт"
        or (before is None and "nomn" in cases and found[first].text[:1].isupper() and _verb_follows(found, last))
        or (after is not None and "nomn" in cases and speech_words().get(lemma(after)) == "nomn")
        or (after == "не" and "nomn" in cases and speech_words().get(lemma(found[last + 2].text)) == "nomn")
    )
    return _phrase([(w.start, w.stop, w.text) for w in found[first : last + 1]]) if speaks else None


def _verb_follows(found: list, last: int) -> bool:
    """Whether a verb follows word ``last``, an adverb or particle between allowed ("Эксперт
    уточнил", "Депутат не исключил")."""
    following = [_pos(w.text) for w in found[last + 1 : last + 3]]
    return following[:1] == ["VERB"] or (following[:1] in (["ADVB"], ["PRCL"]) and following[1:] == ["VERB"])


def _fullest(found: list[PersonRole]) -> list[PersonRole]:
    """The roles without those whose words a longer role of the same person contains in order."""
    texts: dict[str, set[str]] = {}
    for role in found:
        texts.setdefault(role.actor_id, set()).add(role.role)

    def within(short: list[str], long: list[str]) -> bool:
        rest = iter(long)
        return all(word in rest for word in short)

    def covered(role: PersonRole) -> bool:
        mine = role.role.lower().split()
        return any(
            other != role.role and len(other.split()) > len(mine) and within(mine, other.lower().split())
            for other in texts[role.actor_id]
        )

    return [role for role in found if not covered(role)]
