"""Treaties, agreements, memoranda, protocols, plans, programmes and contracts, with their status.

A document is a singular noun of ``data/agreement_words.csv`` ("договор", "соглашение", ...)
with the words that name it: adjectives before it ("обновленный договор") and the phrase after
it up to punctuation, a verb, "который" or the next document ("договор о военном
сотрудничестве между Республикой Казахстан и Российской Федерацией"). The title is put in the
nominative up to the document word; the rest stays as written. A plural ("ряд договоров") is
documents in general, not one.

Its status comes from the words of its sentence (``data/agreement_status.csv``, by lemma):
superseded ("прекратит свое действие"), in force ("вступил в силу"), signed ("подписали"),
drafted ("разрабатывается", "проект"), planned ("планируется"), discussed ("обсудили"). Each such
word speaks of the document nearest to it; when one sentence gives a document several, the
first in that order wins. Documents listed together ("Соглашение ... и План ...") share one.

Its parties are the countries and organisations named in its title, else those named before it
in the sentence ("Казахстан и Россия подписали договор"); its year is a year in its title. A
later bare mention ("договор", "Обновленный договор") is the same document as the last one of
its kind whose title has its adjectives; a title whose words another's has ("договор о военном
сотрудничестве" and "... между Республикой Казахстан и Российской Федерацией") is that one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from ..language.lemmas import Word, gender, lemma, nominative, parse, stem_pattern, words
from ..lexicon import rows
from ..vocabulary import ActorKind
from .document import Document
from .schema import Agreement

_ENDS = {"VERB", "INFN", "GRND", "PRTS", "PRED"}
_MODIFIERS = {"ADJF", "PRTF"}
_STOP_LEMMAS = {"который", "что", "чтобы", "если", "когда", "где"}
_MAX_WORDS = 15
_YEAR = re.compile(r"\b(19\d\d|20\d\d)\b")
_PARTY_KINDS = (ActorKind.COUNTRY, ActorKind.ORGANIZATION)


@cache
def _kinds() -> dict[tuple[str, ...], str]:
    return {tuple(row["lemma"].split()): row["kind"] for row in rows("agreement_words.csv")}


@cache
def _candidates():
    return stem_pattern(words[0] for words in _kinds())


@cache
def _statuses() -> list[tuple[tuple[str, ...], str, int]]:
    """Status phrases as lemmas, longest first."""
    found = [
        (tuple(lemma(w) for w in row["phrase"].split()), row["status"], int(row["priority"]))
        for row in rows("agreement_status.csv")
    ]
    return sorted(found, key=lambda item: -len(item[0]))


@dataclass(frozen=True, slots=True)
class _Named:
    """One naming of a document in a sentence: word positions and what they say."""

    kind: str
    first: int  # index of the first title word
    head: int  # index of the document word
    last: int  # index of the last title word
    bare: bool  # nothing but the document word and its adjectives


def find_agreements(doc: Document) -> list[Agreement]:
    """The documents the article's story names, in order of first naming."""
    text, by_id, grouped = doc.text, doc.by_id, doc.by_sentence
    found: list[Agreement] = []
    for sentence in doc.story_sentences(_candidates()):
        tokens = words(text, sentence.start, sentence.stop)
        named = _named(tokens)
        if not named:
            continue
        statuses = _sentence_statuses(tokens, named)
        for name, status in zip(named, statuses):
            title_start, title_stop = tokens[name.first].start, _stop(tokens, name)
            pairs = [(m, aid) for m, aid in grouped.get(sentence.index, []) if by_id[aid].kind in _PARTY_KINDS]
            # a country inside a party's name ("Министерством обороны Казахстана") is not a party of its own
            pairs = [
                (m, aid)
                for m, aid in pairs
                if not any(o is not m and o.start <= m.start and m.stop <= o.stop for o, _ in pairs)
            ]
            inside = [aid for m, aid in pairs if title_start <= m.start and m.stop <= title_stop]
            before = [aid for m, aid in pairs if m.stop <= title_start]
            parties = list(dict.fromkeys(inside or before))
            year = _YEAR.search(text, title_start, title_stop)
            agreement = Agreement(
                name.kind,
                _title(tokens, name),
                status,
                tuple(by_id[aid].name for aid in parties),
                tuple(parties),
                year.group() if year else None,
                (sentence.start, sentence.stop),
                ((title_start, title_stop),),
            )
            _add(found, agreement, name.bare)
    return found


def _named(tokens: list[Word]) -> list[_Named]:
    kinds = _kinds()
    lemmas = [lemma(t.text) for t in tokens]
    found = []
    i = 0
    while i < len(tokens):
        size = next((n for n in (2, 1) if i + n <= len(lemmas) and tuple(lemmas[i : i + n]) in kinds), 0)
        form = parse(tokens[i].text.strip("«»\"'")) if size else None
        if not size or form is None or form.tag.number == "plur":
            i += 1
            continue
        head = i + size - 1
        first = i
        while (
            first > 0
            and (found == [] or first - 1 > found[-1].last)
            and _pos(tokens[first - 1]) in _MODIFIERS
            and not _is_status(lemmas[first - 1])
        ):  # "ранее подписанный договор": a status, not a title
            first -= 1
        last = head
        while last + 1 < len(tokens) and last - head < _MAX_WORDS and _continues(tokens, lemmas, last + 1, kinds):
            last += 1
        found.append(_Named(kinds[tuple(lemmas[i : i + size])], first, head, last, bare=last == head))
        i = last + 1
    return found


def _pos(token: Word) -> str | None:
    form = parse(token.text.strip("«»\"'.")) if token.text[:1].isalnum() or token.text[:1] in '«"' else None
    return form.tag.POS if form else None


def _continues(tokens: list[Word], lemmas: list[str], i: int, kinds) -> bool:
    """Whether word ``i`` still belongs to the title that runs up to it."""
    text = tokens[i].text
    if not (text[:1].isalnum() or text[:1] in '«"') or lemmas[i] in _STOP_LEMMAS or _pos(tokens[i]) in _ENDS:
        return False
    if _pos(tokens[i]) in {"ADVB", "PRCL"} or (_pos(tokens[i]) == "CONJ" and lemmas[i] != "и"):
        return False
    if tokens[i - 1].text.endswith(".") and not tokens[i - 1].text[-2:-1].isupper():
        return False  # the previous word ended the sentence
    if any(i + n <= len(lemmas) and tuple(lemmas[i : i + n]) in kinds for n in (1, 2)) and text[:1].isupper():
        return False  # the next document of a list
    # "и" ends the title before the next document of a list or a verb
    return not (
        lemmas[i] == "и"
        and i + 1 < len(tokens)
        and (
            any(i + 1 + n <= len(lemmas) and tuple(lemmas[i + 1 : i + 1 + n]) in kinds for n in (1, 2))
            or _pos(tokens[i + 1]) in _ENDS
        )
    )


def _is_status(word_lemma: str) -> bool:
    return any(phrase == (word_lemma,) for phrase, _, _ in _statuses())


def _stop(tokens: list[Word], name: _Named) -> int:
    """Where the title ends: its last word, less a full stop."""
    last = tokens[name.last]
    return last.stop - (len(last.text) - len(last.text.rstrip(".")))


def _title(tokens: list[Word], name: _Named) -> str:
    """The title in the nominative up to the document word, then as written."""
    head_gender = gender(tokens[name.head].text)
    parts = []
    for i in range(name.first, name.last + 1):
        word = tokens[i].text
        if i <= name.head:
            inflected = nominative(word, head_gender)
            word = inflected[:1].upper() + inflected[1:] if word[:1].isupper() else inflected
        if i > name.first:
            parts.append(" " if tokens[i].start > tokens[i - 1].stop else "")
        parts.append(word)
    return "".join(parts).rstrip(".")


def _sentence_statuses(tokens: list[Word], named: list[_Named]) -> list[str | None]:
    """The status of each document named in the sentence (see the module's docstring)."""
    lemmas = [lemma(t.text) for t in tokens]
    best: list[tuple[int, str] | None] = [None] * len(named)
    i = 0
    while i < len(lemmas):
        phrase = next(
            ((p, status, priority) for p, status, priority in _statuses() if tuple(lemmas[i : i + len(p)]) == p), None
        )
        if phrase is None:
            i += 1
            continue
        size = len(phrase[0])
        # ties go to the document after the words: "подписали договор", "разрабатывается программа"
        nearest = min(range(len(named)), key=lambda n: (_distance(named[n], i, i + size - 1), named[n].first < i))
        if best[nearest] is None or phrase[2] < best[nearest][0]:
            best[nearest] = (phrase[2], phrase[1])
        i += size
    for n in range(len(named)):  # documents listed together share the status
        for other in (n - 1, n + 1):
            if best[n] is None and 0 <= other < len(named) and best[other] and _listed(tokens, named, n, other):
                best[n] = best[other]
    return [b[1] if b else None for b in best]


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


def _add(found: list[Agreement], agreement: Agreement, bare: bool) -> None:
    """Add ``agreement``, or merge it into the earlier document it is a mention of."""
    for i in reversed(range(len(found))):
        earlier = found[i]
        if earlier.kind != agreement.kind or (agreement.year and earlier.year and agreement.year != earlier.year):
            continue
        if bare and not _modifiers_fit(agreement.title, earlier.title):
            continue
        if bare or _fits(agreement.title, earlier.title) or _fits(earlier.title, agreement.title):
            longer = agreement if _words(agreement.title) > _words(earlier.title) and not bare else earlier
            found[i] = replace(
                earlier,
                title=longer.title,
                status=earlier.status or agreement.status,
                party_ids=earlier.party_ids or agreement.party_ids,
                parties=earlier.parties or agreement.parties,
                year=earlier.year or agreement.year,
                mentions=earlier.mentions + agreement.mentions,
            )
            return
    found.append(agreement)


def _modifiers_fit(bare: str, title: str) -> bool:
    """Whether the adjectives of a bare mention ("Обновленный договор") are in ``title``."""
    other = {lemma(w) for w in title.split()}
    return all(lemma(w) in other for w in bare.split()[:-1])


def _words(title: str) -> int:
    return len(title.split())


def _fits(shorter: str, longer: str) -> bool:
    """Whether the words after the document word of ``shorter`` all name ``longer`` too."""
    rest = [lemma(w) for w in shorter.split()[1:]]
    other = {lemma(w) for w in longer.split()}
    return bool(rest) and all(w in other for w in rest)
