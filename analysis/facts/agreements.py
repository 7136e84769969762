"""Treaties, agreements, memoranda, protocols, plans, programmes and contracts, with their status.

A document is a singular noun of ``data/agreement_words.csv`` ("договор", "соглашение",
"договоренность", "сделка", "конвенция", ...) with the words that name it: adjectives before it that
agree with it ("обновленный договор"; not "предусмотренные договором уровни", not "так называемый")
and the phrase after it up to punctuation, a verb, a short adjective, "который", the next document,
a noun it does not govern ("договор уровни", "договоренности стороны достигли"), a figure or a date
("в 2010 году"), "и" before a new preposition, or a phrase of ``data/agreement_contexts.csv`` that
tells when, where or how much ("по итогам визита", "у границы", "на общую сумму"). The title is put
in the nominative up to the document word, without a word that points back ("этот"); the rest stays
as written. Its kind is its word's, a contract for a deal of goods ("сделка по поставкам"), and,
when the article names it by several words, the one it uses most.

A plural is documents in general ("ряд договоров", "минские договоренности"), unless a capitalised
adjective names the set ("Минские соглашения"); the number is the word's own, else that of the
adjectives agreeing with it, of a document word listed with it ("соглашения, протоколы") or of the
verb right after it, else its likeliest reading.

Not documents (``data/agreement_contexts.csv``): idioms, where the word follows a preposition ("в
этом плане", "на первом плане", "по плану", "прийти к соглашению") and governs no phrase saying what
it is about ("в плане по Сирии" is a document); words with a modifier or complement that makes them
something else ("новостная программа", "программа выставки", "ядерная программа", "протокол
допроса"); a document said not to exist ("нет единой программы"). A generic word ("план",
"программа": ``generic`` in ``agreement_words.csv``) is a document only when its title says what it
is about, the text gives it a status or it names one told before: "план КНДР" is an intention.

Its status comes from the words of its sentence (``data/agreement_status.csv``, by lemma):
superseded ("прекратит свое действие"), in force ("вступил в силу"), signed ("подписали", "достигли
соглашения"), drafted ("разрабатывается", "проект"), planned ("планируется"), discussed
("обсудили"). What is yet to be signed is planned: an infinitive or a future ("достичь соглашения",
"подпишут") or after a word of intent or possibility ("может быть принята", "готова подписать"); a
negated phrase ("заключен не был") and a participle of another noun ("группировкой, действующей в
...") give none. Each such word speaks of the document nearest to it; when one sentence gives a
document several, the first in that order wins, unless a noun of them governs it: "в согласованном
проекте коалиционного соглашения" is drafted. Documents listed together ("Соглашение ... и План
...") share one; a document named several times keeps the status of its first naming that has one (a
later one is often another document's, told in the same sentence).

Its parties are the countries and organisations of its clause: those named before it in its
sentence, after the last quote mark, colon or semicolon (its subject: "Казахстан и Россия подписали
договор", unless the title names two sides itself), in its title ("между X и Y", "с X",
"соглашение X с Y", "российско-сирийский договор"; a city there stands for its state: "сделка с
Тегераном") and after a verb that follows it ("было подписано с X"); a country inside a party's
name, or naming a sum's currency ("8 млрд долларов США"), is not one of its own. A document first named
without a title or parties ("Сумма сделки ...") has the parties of the story's sentence before it.
Its year is a year in its title, else the year its sentence dates it by when that sentence gives it
a status ("в 2010 году заключили").

A later naming joins the document it names instead of making another:
- one whose title says nothing of its subject ("договор", "это соглашение", "Обновленный договор",
  "соглашение с Соединенными Штатами": only the document word, its adjectives and its parties) is
  the document of its kind named last whose titles have its adjectives; when none of its kind fits,
  one with no adjectives of its own ("этот договор" after "соглашение о перемирии") is the document
  of its family named last (treaties, agreements, memoranda, protocols and contracts are one
  family);
- one that points back ("этот", "такой": ``reference`` in ``agreement_contexts.csv``) reaches only
  documents named in the last three story paragraphs; farther back it names something the text told
  of in other words, a document of its own;
- a title whose words, prepositions aside, another's has ("договор о военном сотрудничестве" and
  "... между Республикой Казахстан и Российской Федерацией"; "соглашение о прекращении огня" and
  "договоренность о перемирии", words of one meaning being ``same``) is that one, and so is a full
  title soon after a bare naming ("договор", then "договор о демаркации границ");
- one set after another by a dash is that one ("Минских соглашений — договоренности о прекращении
  огня").
The joined document keeps its first title unless the later one is longer, and gains the parties the
later title names (all those of the later clause when it had none).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cache

from ..language.geo import adjective_place, compound_places
from ..language.lemmas import Word, gender, lemma, nominative, pos, readings, stem_pattern, words
from ..language.nlp import Sentence
from ..lexicon import rows
from ..vocabulary import STORY, ActorKind, AgreementStatus
from .actors import actor_id
from .document import Document
from .schema import Agreement

_ENDS = {"VERB", "INFN", "GRND", "PRTS", "PRED", "ADJS"}
_MODIFIERS = {"ADJF", "PRTF"}
_VERBS = {"VERB", "PRTS"}
_STOP_LEMMAS = {"который", "что", "чтобы", "если", "когда", "где"}
_PARTY_WORDS = {"и", ",", "-", "—"}  # the words between parties in a title
_CLAUSE_ENDS = {"«", "»", ":", ";"}
_DASHES = (["—"], ["–"])
_SUBJECT_PREPOSITIONS = {"по", "о", "об", "обо", "на"}  # "план по Сирии", "план на 2021 год"
_DATE_PREPOSITIONS = {"в", "к", "до", "с"}  # "в 2010 году": when, not which
_MAX_WORDS = 15
_POINTS_BACK = 3  # story paragraphs "этот договор" reaches back (a related-article box may come between)
_YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d)\b")  # "договор о демаркации границ от 1890 года"
_DATED = re.compile(r"\bв\s+(19\d\d|20\d\d)\s+году\b")
_PARTY_KINDS = (ActorKind.COUNTRY, ActorKind.ORGANIZATION)


@dataclass(frozen=True, slots=True)
class _Word:
    kind: str
    family: str
    generic: bool


@cache
def _table() -> dict[tuple[str, ...], _Word]:
    """Document words as lemma tuples -> kind, family, whether the word is generic."""
    return {
        tuple(row["lemma"].split()): _Word(row["kind"], row["family"], row["generic"] == "yes")
        for row in rows("agreement_words.csv")
    }


@cache
def _candidates():
    return stem_pattern(words[0] for words in _table())


@cache
def _contexts(context: str) -> frozenset[tuple[str, tuple[str, ...]]]:
    """(document lemma or "", words as lemmas) of one context of ``data/agreement_contexts.csv``."""
    return frozenset(
        (row["lemma"], tuple(lemma(w) for w in row["word"].split()))
        for row in rows("agreement_contexts.csv")
        if row["context"] == context
    )


@cache
def _context_words(context: str) -> frozenset[str]:
    return frozenset(words[0] for _, words in _contexts(context))


@cache
def _title_ends() -> tuple[tuple[str, ...], ...]:
    return tuple(sorted((words for _, words in _contexts("title end")), key=len, reverse=True))


@cache
def status_phrases() -> list[tuple[tuple[str, ...], str, int]]:
    """Status phrases of ``agreement_status.csv`` as lemmas, with status and priority, longest first."""
    found = [
        (tuple(lemma(w) for w in row["phrase"].split()), row["status"], int(row["priority"]))
        for row in rows("agreement_status.csv")
    ]
    return sorted(found, key=lambda item: -len(item[0]))


@cache
def _statuses_from(first: str) -> tuple[tuple[tuple[str, ...], str, int], ...]:
    """The status phrases whose first lemma is ``first``, longest first."""
    return tuple(item for item in status_phrases() if item[0][0] == first)


def _at(lemmas: list[str], i: int, phrase: tuple[str, ...]) -> bool:
    return tuple(lemmas[i : i + len(phrase)]) == phrase


@cache
def _priority(status: str) -> int:
    return min(priority for _, s, priority in status_phrases() if s == status)


@cache
def _forms(word: str, pos: frozenset[str], normal: str | None = None) -> frozenset[tuple[str, str]]:
    """(case, number) of the readings of ``word`` with a part of speech of ``pos`` (and lemma
    ``normal`` when given)."""
    core = word.strip("«»\"'.")
    return frozenset(
        (r.tag.case, r.tag.number)
        for r in readings(core)
        if r.tag.POS in pos and (normal is None or r.normal.replace("ё", "е") == normal)
    )


_NOUN = frozenset({"NOUN"})
_ADJECTIVE = frozenset(_MODIFIERS)


def _plural(forms) -> bool:
    return bool(forms) and all(number == "plur" for _, number in forms)


@dataclass(frozen=True, slots=True)
class _Named:
    """One naming of a document in a sentence: word positions and what they say."""

    kind: str
    word: _Word
    first: int  # index of the first title word
    head: int  # index of the document word
    last: int  # index of the last title word
    plural: bool = False  # a set of documents with a name of its own ("Минские соглашения")


@dataclass(slots=True)
class _Entry:
    """A document found so far, with what later namings are matched against."""

    agreement: Agreement
    kinds: set[str]  # the kinds of the words that named it
    counts: dict[str, int]  # how often each kind named it
    family: str
    year: str | None  # the year its title names
    lemmas: set[str] = field(default_factory=set)  # the lemmas of its titles
    about: bool = False  # a title has said what it is about
    paragraph: int = 0  # the paragraph it was last named in


def find_agreements(doc: Document) -> list[Agreement]:
    """The documents the article's story names, in order of first naming."""
    found: list[_Entry] = []
    story = {n: rank for rank, n in enumerate(n for n, p in enumerate(doc.article.paragraphs) if p.kind in STORY)}
    for sentence in doc.story_sentences(_candidates()):
        tokens = words(doc.text, sentence.start, sentence.stop)
        lemmas = [lemma(t.text) for t in tokens]
        named = _named(tokens, lemmas)
        if not named:
            continue
        mentions = doc.by_sentence.get(sentence.index, [])
        previous = doc.sentences[sentence.index - 1] if sentence.index else None
        # a deal first named bare ("Сумма сделки ...") is the one the sentence before tells of
        told = (
            _party_mentions(doc.may_be_parties(previous.index), doc.by_id)
            if previous is not None and previous.paragraph in story
            else []
        )
        context = _Sentence(
            doc,
            sentence,
            tokens,
            lemmas,
            [(m.start, m.stop) for m, _ in mentions],
            _party_mentions(doc.may_be_parties(sentence.index), doc.by_id),
            [(m, aid) for m, aid in mentions if doc.by_id[aid].kind == ActorKind.PLACE],
            [(tokens[n.first].start, _stop(tokens, n)) for n in named],
            story.get(sentence.paragraph, sentence.paragraph),
            tuple((aid, doc.by_id[aid].name) for _, aid in told),
        )
        entry = None
        for n, (name, status) in enumerate(zip(named, _sentence_statuses(tokens, lemmas, named))):
            apposed = entry if n and [t.text for t in tokens[named[n - 1].last + 1 : name.first]] in _DASHES else None
            entry = _add(found, _naming(context, name, status), apposed)
    # a document named by several words is of the kind the article names it by most often
    return [replace(e.agreement, kind=max(e.counts, key=e.counts.get)) for e in found]


@dataclass(frozen=True, slots=True)
class _Sentence:
    """A sentence naming documents, with what its namings are read from."""

    doc: Document
    sentence: Sentence
    tokens: list[Word]
    lemmas: list[str]
    spans: list[tuple[int, int]]  # its mentions of actors
    pairs: list  # (mention, actor id) of its countries and organisations
    places: list  # (mention, actor id) of its cities
    titles: list[tuple[int, int]]  # the spans of its documents' titles
    paragraph: int  # its story paragraph
    told: tuple[tuple[str, str], ...]  # (id, name) of the parties of the story's sentence before


def _naming(context: _Sentence, name: _Named, status: str | None) -> _Naming:
    """One naming of a document: its title, status, parties and year, and how it refers."""
    doc, tokens, lemmas, by_id = context.doc, context.tokens, context.lemmas, context.doc.by_id
    title_start, title_stop = tokens[name.first].start, _stop(tokens, name)
    parties, own = _parties(tokens, lemmas, name, context.pairs, context.titles)
    adjectives = range(name.first, name.head - len(_key(lemmas, name)) + 1)
    # "российско-сирийский договор": its adjectives name parties too; "между Москвой и Дамаском",
    # "сделка с Тегераном": a city its title names as a party stands for its state
    named = [actor_id(ActorKind.COUNTRY, c) for i in adjectives for c in _places(tokens[i].text)] + [
        actor_id(ActorKind.COUNTRY, by_id[aid].country)
        for m, aid in context.places
        if title_start <= m.start and m.stop <= title_stop and _party_word_before(tokens, lemmas, m.start)
    ]
    named = [aid for aid in named if aid in by_id]
    parties, own = list(dict.fromkeys(parties + named)), tuple(dict.fromkeys(own + named))
    title_year = _YEAR.search(doc.text, title_start, title_stop)
    dated = _DATED.search(doc.text, context.sentence.start, context.sentence.stop)
    agreement = Agreement(
        name.kind,
        _title(tokens, name),
        status,
        tuple(by_id[aid].name for aid in parties),
        tuple(parties),
        title_year.group() if title_year else (dated.group(1) if dated and status else None),
        (context.sentence.start, context.sentence.stop),
        ((title_start, title_stop),),
    )
    modifiers = tuple(
        lemmas[i] for i in adjectives if lemmas[i] not in _context_words("reference") and not _places(tokens[i].text)
    )
    return _Naming(
        agreement,
        name.word,
        _about(tokens, lemmas, name, context.spans) or title_year is not None,
        modifiers,
        title_year.group() if title_year else None,
        own,
        any(lemmas[i] in _context_words("reference") for i in adjectives),
        context.paragraph,
        context.told,
    )


def _places(word: str) -> list[str]:
    """The ISO codes of the countries a country adjective names, compounds too ("российско-сирийский")."""
    word = word.strip("«»\"'")
    place = adjective_place(word) if word[:1].isalpha() else None
    if place is not None:
        return [place.code] if place.kind == ActorKind.COUNTRY else []
    return [place.code for _, _, place in compound_places(word)]


def _party_mentions(mentions, by_id) -> list:
    """The (mention, actor id) pairs of countries and organisations; a country inside a party's
    name ("Министерством обороны Казахстана") is not a party of its own."""
    pairs = [(m, aid) for m, aid in mentions if by_id[aid].kind in _PARTY_KINDS]
    return [
        (m, aid)
        for m, aid in pairs
        if not any(o is not m and o.start <= m.start and m.stop <= o.stop for o, _ in pairs)
    ]


def _party_word_before(tokens: list[Word], lemmas: list[str], start: int) -> bool:
    """Whether the word before offset ``start`` is one that introduces a party ("с", "между", "и")."""
    before = [i for i, t in enumerate(tokens) if t.stop <= start]
    return bool(before) and lemmas[before[-1]] in {"с", "со", "между", "и"}


def _key(lemmas: list[str], name: _Named) -> tuple[str, ...]:
    """The lemmas of the document word (two for "дорожная карта")."""
    return next(k for k in ((lemmas[name.head - 1], lemmas[name.head]), (lemmas[name.head],)) if k in _table())


def _named(tokens: list[Word], lemmas: list[str]) -> list[_Named]:
    """The documents a sentence names, in order (see the module's docstring)."""
    table = _table()
    found: list[_Named] = []
    i = 0
    while i < len(tokens):
        size = next((n for n in (2, 1) if i + n <= len(lemmas) and tuple(lemmas[i : i + n]) in table), 0)
        head = i + size - 1
        forms = _forms(tokens[head].text, _NOUN, lemmas[head]) if size else frozenset()
        if not forms:
            i += 1
            continue
        first = i
        while (
            first > 0
            and (found == [] or first - 1 > found[-1].last)
            and _modifier(tokens[first - 1])
            and not _is_status(lemmas[first - 1])  # "ранее подписанный договор": a status, not a title
            and lemmas[first - 1] not in _context_words("outside")  # "так называемый"
            and forms & _forms(tokens[first - 1].text, _ADJECTIVE)  # it agrees with the document word
        ):
            forms &= _forms(tokens[first - 1].text, _ADJECTIVE)
            first -= 1
        last = head
        while last + 1 < len(tokens) and last - head < _MAX_WORDS and _continues(tokens, lemmas, head, last + 1):
            last += 1
        word = table[tuple(lemmas[i : i + size])]
        name = _Named(_kind(lemmas, word, first, head, last), word, first, head, last)
        plural = _plural(_number(tokens, lemmas, name, forms))
        if plural and not _named_set(tokens, name):
            i = last + 1  # documents in general
            continue
        if plural:  # a set with a name of its own governs no more words ("Минских соглашений крупномасштабных")
            name = replace(name, last=head, plural=True)
        if not _not_document(tokens, lemmas, name):
            found.append(name)
        i = last + 1
    return found


def _kind(lemmas: list[str], word: _Word, first: int, head: int, last: int) -> str:
    """The kind of the document: its word's, or a contract for a deal of goods ("сделка по
    поставкам")."""
    title = set(lemmas[first : last + 1])
    return "contract" if any((lemmas[head], (w,)) in _contexts("contract") for w in title) else word.kind


def _named_set(tokens: list[Word], name: _Named) -> bool:
    """A plural with a capitalised adjective inside the sentence names one set of documents
    ("выполнение Минских соглашений")."""
    return any(
        tokens[i].text.strip('«"')[:1].isupper() and pos(tokens[i].text) in _MODIFIERS
        for i in range(max(name.first, 1), name.head)
    )


def _number(tokens: list[Word], lemmas: list[str], name: _Named, forms) -> frozenset:
    """The readings of the document word its neighbours leave: when its form is singular or
    plural alike ("соглашения"), a plural document word listed with it ("соглашения, протоколы")
    or the verb after it ("договоренности были достигнуты") decide, else its likeliest reading."""
    if _plural(forms) or all(number == "sing" for _, number in forms):
        return forms
    plural = frozenset(f for f in forms if f[1] == "plur")
    for j, between in ((name.last + 2, name.last + 1), (name.first - 2, name.first - 1)):
        if (
            0 <= j < len(tokens)
            and tokens[between].text in {"и", ",", "("}
            and (lemmas[j],) in _table()
            and _plural(_forms(tokens[j].text, _NOUN, lemmas[j]))
        ):
            return plural
    if name.last == name.head and name.last + 1 < len(tokens) and pos(tokens[name.last + 1].text) in _VERBS:
        numbers = {r.tag.number for r in readings(tokens[name.last + 1].text.lower()) if r.tag.POS in _VERBS}
        if len(numbers) == 1:
            return frozenset(f for f in forms if f[1] in numbers) or forms
    likeliest = readings(tokens[name.head].text.strip("«»\"'.").lower())[0].tag.number
    return frozenset(f for f in forms if f[1] == likeliest) or forms


def _not_document(tokens: list[Word], lemmas: list[str], name: _Named) -> bool:
    """An idiom ("в этом плане") or a word its context makes something else ("новостная программа")."""
    head_lemma = lemmas[name.head]
    after = range(name.head + 1, name.last + 1)
    if name.first > 0 and lemmas[name.first - 1] in _context_words("absent"):
        return True  # "нет единой программы"
    if (
        name.first > 0
        and (head_lemma, (lemmas[name.first - 1],)) in _contexts("idiom")
        and not any(lemmas[i] in _SUBJECT_PREPOSITIONS for i in after)
    ):
        return True  # "в этом плане", "на первом плане для него"; not "в плане по Сирии"
    others = {lemmas[i] for i in range(name.first, name.last + 1) if i != name.head}
    return any((head_lemma, (other,)) in _contexts("not with") for other in others)


def _modifier(token: Word) -> bool:
    """An adjective or participle, or a pronoun that may be one ("этого")."""
    tag = pos(token.text)
    return tag in _MODIFIERS or (tag == "NPRO" and bool(_forms(token.text, _ADJECTIVE)))


def _continues(tokens: list[Word], lemmas: list[str], head: int, i: int) -> bool:
    """Whether word ``i`` still belongs to the title of the document word at ``head``."""
    text = tokens[i].text
    if not (text[:1].isalnum() or text[:1] in '«"') or lemmas[i] in _STOP_LEMMAS or pos(tokens[i].text) in _ENDS:
        return False
    if pos(tokens[i].text) in {"ADVB", "PRCL"} or (pos(tokens[i].text) == "CONJ" and lemmas[i] != "и"):
        return False
    if tokens[i - 1].text.endswith(".") and not tokens[i - 1].text[-2:-1].isupper():
        return False  # the previous word ended the sentence
    if any(i + n <= len(lemmas) and tuple(lemmas[i : i + n]) in _table() for n in (1, 2)) and text[:1].isupper():
        return False  # the next document of a list
    if any(tuple(lemmas[i : i + len(end)]) == end for end in _title_ends()):
        return False  # "по итогам визита": when, not which
    if lemmas[i] in _DATE_PREPOSITIONS and i + 1 < len(tokens) and tokens[i + 1].text[:1].isdigit():
        return False  # "в 2010 году"
    if text[:1].isdigit() and not (i + 1 < len(tokens) and lemmas[i + 1] == "год"):
        return False  # "сумма этого контракта 1 млрд": a figure, not a year of the title
    if _subject(tokens, head, i):
        return False  # "предусмотренные договором уровни", "такой договоренности стороны достигли"
    # "и" ends the title before the next document of a list, a verb or a preposition the title
    # has not had ("сделка и по поводу Ирана"; "о сокращении и об ограничении" goes on)
    return not (
        lemmas[i] == "и"
        and i + 1 < len(tokens)
        and (
            any(i + 1 + n <= len(lemmas) and tuple(lemmas[i + 1 : i + 1 + n]) in _table() for n in (1, 2))
            or pos(tokens[i + 1].text) in _ENDS
            or (pos(tokens[i + 1].text) == "PREP" and lemmas[i + 1] not in _prepositions(lemmas[head + 1 : i]))
        )
    )


def _prepositions(lemmas: list[str]) -> set[str]:
    """The prepositions among ``lemmas``, "о" and "об" as one."""
    found = set(lemmas) & {"о", "об", "обо"}
    return set(lemmas) | ({"о", "об", "обо"} if found else set())


def _subject(tokens: list[Word], head: int, i: int) -> bool:
    """Whether the noun right after the document word is one it does not govern: nominative
    only, or nominative before a verb."""
    text = tokens[i].text
    forms = _forms(text, _NOUN)
    if i != head + 1 or not text[:1].islower() or not forms & _NOMINATIVE:
        return False
    return forms <= _NOMINATIVE or (i + 1 < len(tokens) and pos(tokens[i + 1].text) == "VERB")


_NOMINATIVE = frozenset((case, number) for case in ("nomn", "accs") for number in ("sing", "plur"))


def _is_status(word_lemma: str) -> bool:
    return any(phrase == (word_lemma,) for phrase, _, _ in status_phrases())


def _inside(token: Word, spans: list[tuple[int, int]]) -> bool:
    """Whether ``token`` is (part of) one of the mentions at ``spans``."""
    return any(start < token.stop and token.start < stop for start, stop in spans)


def _about(tokens: list[Word], lemmas: list[str], name: _Named, spans: list[tuple[int, int]]) -> bool:
    """Whether the title says what the document is about: a word after the document word that
    is neither a party's name nor a word around one ("соглашение с Соединенными Штатами" does not)."""
    return any(
        tokens[i].text[:1].isalnum()
        and lemmas[i] not in _PARTY_WORDS
        and not _inside(tokens[i], spans)
        and not (pos(tokens[i].text) == "PREP" and i + 1 <= name.last and _inside(tokens[i + 1], spans))
        for i in range(name.head + 1, name.last + 1)
    )


def _parties(tokens: list[Word], lemmas: list[str], name: _Named, pairs, titles) -> tuple[list[str], list[str]]:
    """The ids of the countries and organisations of the document's clause (see the module's
    docstring), and of those its title names."""
    start, stop = tokens[name.first].start, _stop(tokens, name)
    others = [(s, e) for s, e in titles if (s, e) != (start, stop)]
    # the subject is in the clause: after the last quote mark, colon or semicolon before it
    clause = max((t.stop for t in tokens[: name.first] if t.text in _CLAUSE_ENDS), default=0)
    inside = [aid for m, aid in pairs if start <= m.start and m.stop <= stop]
    # a title naming both sides ("соглашение между Мозамбиком и Танзанией") has them: the subject
    # before it ratified, broke or discussed it ("Совет Мозамбика ратифицировал …")
    before = [
        aid
        for m, aid in pairs
        if clause <= m.start
        and m.stop <= start
        and not any(s <= m.start and m.stop <= e for s, e in others)
        and len(set(inside)) < 2
    ]
    return list(dict.fromkeys(before + inside + _parties_after(tokens, lemmas, name, pairs))), inside


def _parties_after(tokens: list[Word], lemmas: list[str], name: _Named, pairs) -> list[str]:
    """The parties of "с X" or "между X и Y" right after the verb that follows the title
    ("соглашение было подписано с X")."""
    i = name.last + 1
    while i < len(tokens) and i - name.last <= 4 and (pos(tokens[i].text) in _ENDS or lemmas[i] in {"быть", "не"}):
        i += 1
    if i == name.last + 1 or i >= len(tokens) or lemmas[i] not in {"с", "со", "между"}:
        return []
    stop = next((t.start for t in tokens[i + 1 :] if t.text in {",", ";", ":", "—", "–", "."}), tokens[-1].stop)
    return [aid for m, aid in pairs if tokens[i].stop <= m.start and m.stop <= stop]


def _stop(tokens: list[Word], name: _Named) -> int:
    """Where the title ends: its last word, less a full stop and a closing quote it did not open."""
    last = tokens[name.last]
    text = last.text.rstrip(".")
    opened = sum(t.text.count("«") - t.text.count("»") for t in tokens[name.first : name.last + 1])
    if opened < 0:
        text = text.rstrip("».")
    return last.start + len(text)


def _title(tokens: list[Word], name: _Named) -> str:
    """The title in the nominative up to the document word, then as written; a word that points
    back ("этот договор") is no part of it."""
    head_gender = gender(tokens[name.head].text)
    parts = []
    stop = _stop(tokens, name)
    first = name.first
    while first < name.head and lemma(tokens[first].text) in _context_words("reference"):
        first += 1
    for i in range(first, name.last + 1):
        word = tokens[i].text[: max(0, stop - tokens[i].start)]
        if i == first and word.startswith("«") and "»" not in _text(tokens, name):
            word = word[1:]  # a quote that opens before the document
        if i <= name.head:
            inflected = _plural_nominative(word) if name.plural else nominative(word, head_gender)
            word = inflected[:1].upper() + inflected[1:] if word[:1].isupper() else inflected
        if i > first:
            parts.append(" " if tokens[i].start > tokens[i - 1].stop else "")
        parts.append(word)
    return "".join(parts).rstrip(".")


def _text(tokens: list[Word], name: _Named) -> str:
    return "".join(t.text for t in tokens[name.first : name.last + 1])


def _plural_nominative(word: str) -> str:
    """The plural nominative of ``word`` ("Минских" -> "минские")."""
    forms = readings(word.strip("«»\"'"))
    inflected = forms[0].inflect({"Nom", "Plur"}) if forms else None
    return inflected.word.replace("ё", "е") if inflected and "ё" not in word.lower() else word.lower()


def _sentence_statuses(tokens: list[Word], lemmas: list[str], named: list[_Named]) -> list[str | None]:
    """The status of each document named in the sentence (see the module's docstring)."""
    best: list[tuple[int, str] | None] = [None] * len(named)
    i = 0
    while i < len(lemmas):
        phrase = next((item for item in _statuses_from(lemmas[i]) if _at(lemmas, i, item[0])), None)
        if phrase is None:
            i += 1
            continue
        size = len(phrase[0])
        status, priority = phrase[1], phrase[2]
        if (i > 0 and lemmas[i - 1] == "не") or (i + size < len(lemmas) and lemmas[i + size] == "не"):
            i += size  # "заключен не был": it was not
            continue
        if status == AgreementStatus.SIGNED and _unreal(tokens, lemmas, i):
            status, priority = AgreementStatus.PLANNED.value, _priority(AgreementStatus.PLANNED)
        # ties go to the document after the words: "подписали договор", "разрабатывается программа"
        nearest = min(range(len(named)), key=lambda n: (_distance(named[n], i, i + size - 1), named[n].first < i))
        if pos(tokens[i].text) == "PRTF" and _distance(named[nearest], i, i + size - 1) > 2:
            i += size  # "группировкой, действующей в пригороде": a participle of another noun
            continue
        if i + size == named[nearest].first and pos(tokens[i + size - 1].text) == "NOUN":
            priority = 0  # the noun that governs it says what it is: "в проекте коалиционного соглашения"
        if best[nearest] is None or priority < best[nearest][0]:
            best[nearest] = (priority, status)
        i += size
    for n in range(len(named)):  # documents listed together share the status
        for other in (n - 1, n + 1):
            if best[n] is None and 0 <= other < len(named) and best[other] and _listed(tokens, named, n, other):
                best[n] = best[other]
    return [b[1] if b else None for b in best]


def _unreal(tokens: list[Word], lemmas: list[str], i: int) -> bool:
    """Whether the status word at ``i`` tells of what is yet to be: an infinitive, a future, or
    after a word of intent or possibility ("может быть подписан", "будет заключен")."""
    reading = readings(tokens[i].text.lower())
    if reading and (reading[0].tag.POS == "INFN" or reading[0].tag.tense == "futr"):
        return True
    before = range(max(0, i - 2), i)
    if any(lemmas[j] in _context_words("unreal") for j in before):
        return True
    return any(
        lemmas[j] == "быть" and any(r.tag.tense == "futr" for r in readings(tokens[j].text.lower())) for j in before
    )


def _distance(name: _Named, first: int, last: int) -> int:
    if last < name.first:
        return name.first - last
    if first > name.last:
        return first - name.last
    return 0


def _listed(tokens: list[Word], named: list[_Named], a: int, b: int) -> bool:
    left, right = sorted((named[a], named[b]), key=lambda n: n.first)
    between = [t.text for t in tokens[left.last + 1 : right.first]]
    return between in (["и"], [","], [",", "и"])


@dataclass(frozen=True, slots=True)
class _Naming:
    """One naming of a document, with what decides which document it names."""

    agreement: Agreement
    word: _Word
    about: bool  # its title says what the document is about
    modifiers: tuple[str, ...]  # the lemmas of its own adjectives (not "этот", not a country's)
    year: str | None  # a year in its title
    own: tuple[str, ...]  # the parties its title names
    pointed: bool  # it points back ("этот договор")
    paragraph: int  # the story paragraph it is in
    told: tuple[tuple[str, str], ...]  # (id, name) of the parties of the story's sentence before


def _add(found: list[_Entry], naming: _Naming, apposed: _Entry | None) -> _Entry | None:
    """Add a naming's document, or merge it into the earlier document it names (see the module's
    docstring), and return that document; a generic word that is no document is left out. A
    naming that points back ("этот контракт") points to a document of the last few paragraphs;
    farther back, it names one the text told of in other words. A naming set after another's by a
    dash (``apposed``: "Минских соглашений — договоренности о прекращении огня") is that one."""
    agreement, about, modifiers = naming.agreement, naming.about, naming.modifiers
    title_lemmas = {lemma(w) for w in agreement.title.split()}
    if apposed is not None:
        _merge(apposed, naming, title_lemmas, longer=not apposed.about)
        return apposed
    latest = sorted(found, key=lambda e: e.agreement.mentions[-1][0], reverse=True)  # the last named first
    for entry in latest:
        if agreement.kind not in entry.kinds or (naming.year and entry.year and naming.year != entry.year):
            continue
        if naming.pointed and not about and entry.paragraph < naming.paragraph - _POINTS_BACK:
            continue
        if about and (
            # "договор", then "договор о демаркации границ"; not "Вторые соглашения", then "Первое соглашение о ..."
            (
                not entry.about
                and entry.paragraph >= naming.paragraph - _POINTS_BACK
                and all(m in entry.lemmas for m in modifiers)
                and entry.lemmas <= title_lemmas
            )
            or _fits(agreement.title, entry.agreement.title)
            or _fits(entry.agreement.title, agreement.title)
        ):
            _merge(entry, naming, title_lemmas, longer=not entry.about or _longer(agreement, entry.agreement))
            return entry
        if not about and all(m in entry.lemmas for m in modifiers):
            _merge(entry, naming, title_lemmas, longer=False)
            return entry
    if not about and not modifiers:
        for entry in latest:  # "этот договор" after "соглашение о перемирии"
            if entry.family == naming.word.family and not (
                naming.pointed and entry.paragraph < naming.paragraph - _POINTS_BACK
            ):
                _merge(entry, naming, title_lemmas, longer=False)
                return entry
    if naming.word.generic and not about and agreement.status is None:
        return None  # "план КНДР": an intention, not a document
    if not agreement.party_ids and not about and naming.told:  # "Сумма сделки ...": the deal told just before
        ids = tuple(dict.fromkeys(aid for aid, _ in naming.told))
        names = dict(naming.told)
        agreement = replace(agreement, party_ids=ids, parties=tuple(names[aid] for aid in ids))
    found.append(
        _Entry(
            agreement,
            {agreement.kind},
            {agreement.kind: 1},
            naming.word.family,
            naming.year,
            title_lemmas,
            about,
            naming.paragraph,
        )
    )
    return found[-1]


def _longer(agreement: Agreement, other: Agreement) -> bool:
    return len(agreement.title.split()) > len(other.title.split())


def _merge(entry: _Entry, naming: _Naming, title_lemmas: set[str], longer: bool) -> None:
    """Merge a later naming into ``entry``: its mentions, its status when the document had none,
    the parties its title names (all of its clause's when the document had none) and its title when
    longer."""
    earlier, agreement = entry.agreement, naming.agreement
    statuses = [s for s in (earlier.status, agreement.status) if s]
    parties = dict.fromkeys(earlier.party_ids + (naming.own if earlier.party_ids else agreement.party_ids))
    names = dict(zip(earlier.party_ids + agreement.party_ids, earlier.parties + agreement.parties))
    entry.agreement = replace(
        earlier,
        title=agreement.title if longer else earlier.title,
        status=statuses[0] if statuses else None,
        party_ids=tuple(parties),
        parties=tuple(names[p] for p in parties),
        year=earlier.year or agreement.year,
        mentions=earlier.mentions + agreement.mentions,
    )
    entry.kinds.add(agreement.kind)
    entry.counts[agreement.kind] = entry.counts.get(agreement.kind, 0) + 1
    entry.lemmas |= title_lemmas
    entry.year = entry.year or naming.year
    entry.about = entry.about or longer
    entry.paragraph = naming.paragraph


def _fits(shorter: str, longer: str) -> bool:
    """Whether the words after the document word of ``shorter`` all name ``longer`` too, the
    prepositions aside ("контракт на поставку комплексов" and "сделка по поставкам комплексов")
    and words of one meaning as one ("о перемирии" and "о прекращении огня")."""
    title = shorter.split()
    head = next(
        (
            i
            for i, w in enumerate(title)
            if (lemma(w),) in _table() or i and (lemma(title[i - 1]), lemma(w)) in _table()
        ),
        0,
    )
    rest = _same_words([lemma(w) for w in title[head + 1 :] if pos(w) not in {"PREP", "CONJ"}])
    other = set(_same_words([lemma(w) for w in longer.split()]))
    return bool(rest) and all(w in other for w in rest)


def _same_words(lemmas: list[str]) -> list[str]:
    """``lemmas`` with each phrase of ``same`` in ``data/agreement_contexts.csv`` replaced by the
    word it means ("прекращение огня" -> "перемирие")."""
    found: list[str] = []
    i = 0
    while i < len(lemmas):
        match = next(
            ((word, phrase) for word, phrase in _contexts("same") if tuple(lemmas[i : i + len(phrase)]) == phrase), None
        )
        found.append(match[0] if match else lemmas[i])
        i += len(match[1]) if match else 1
    return found
