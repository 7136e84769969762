"""The position a text gives a person right before the name: "министра обороны Казахстана
Асана Омарова" -> role "министр обороны Казахстана", affiliation KZ.

Walking back from the name, the phrase runs to the nearest punctuation, verb or other name;
a preposition ends it too once a role word (``data/roles.csv``) is inside, so "посол России
в Казахстане" stays whole while "встретился с председателем" stops at "с". The role starts
at its leftmost role word, with the adjectives before it ("российским коллегой" -> "российский
коллега"); those words are put in the nominative, the rest is kept as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from ..language.lemmas import lemma, nominative, parse, words
from ..lexicon import rows
from ..vocabulary import ActorKind, Block, MentionType

if TYPE_CHECKING:  # the document is made with these roles: no import at run time
    from .document import Document

_STOPS = {"VERB", "INFN", "GRND", "PRTS", "PRED"}
_JOINS = {"PREP", "CONJ"}
_MODIFIERS = {"ADJF", "NUMR"}
_MAX_WORDS = 12


@dataclass(frozen=True, slots=True)
class Role:
    """A role phrase in the nominative, with its offsets in the article text."""

    text: str
    start: int
    stop: int


@cache
def role_words() -> frozenset[str]:
    """Lemmas of the words that name a position (``data/roles.csv``)."""
    return frozenset(row["lemma"] for row in rows("roles.csv"))


def role_before(text: str, sentence_start: int, name_start: int) -> Role | None:
    """The role phrase that ends right before a name starting at ``name_start``, if any."""
    found = [(w.start, w.stop, w.text) for w in words(text, sentence_start, name_start)]
    heads = role_words()
    stretch: list[tuple[int, int, str]] = []
    for start, stop, word in reversed(found[-_MAX_WORDS:]):
        core = word.strip("«»\"'.")
        form = parse(core) if core[:1].isalnum() else None
        pos = form.tag.POS if form else None
        has_head = any(lemma(w) in heads for _, _, w in stretch)
        if form is None or pos in _STOPS or (pos in _JOINS and has_head):
            break
        stretch.insert(0, (start, stop, word))
    first = next((i for i, (_, _, w) in enumerate(stretch) if lemma(w) in heads), None)
    if first is None:
        return None
    while first > 0 and parse(stretch[first - 1][2]).tag.POS in _MODIFIERS:
        first -= 1
    phrase = stretch[first:]
    head = next(i for i, (_, _, w) in enumerate(phrase) if lemma(w) in heads)
    gender = parse(phrase[head][2]).tag.gender
    inflected = [nominative(w, gender) if i <= head else w for i, (_, _, w) in enumerate(phrase)]
    return Role(_join(phrase, inflected), phrase[0][0], phrase[-1][1])


_APPOSITION = re.compile(r"\s*(?:,|\(|\s[—–-])\s*")
_PHRASE_END = re.compile(r"[,;:.!?()\[\]—–]|\s-\s|\n")


def role_after(text: str, name_stop: int, sentence_stop: int) -> Role | None:
    """The role phrase set off after a name: "Асан Омаров, министр обороны Казахстана, ..."
    or "Иван Петров (министр промышленности и торговли)". It runs to the next punctuation
    or verb and must start with a role word, adjectives before it allowed."""
    separator = _APPOSITION.match(text, name_stop, sentence_stop)
    if not separator:
        return None
    end = _PHRASE_END.search(text, separator.end(), sentence_stop)
    stop = end.start() if end else sentence_stop
    found = [(w.start, w.stop, w.text) for w in words(text, separator.end(), stop)][:_MAX_WORDS]
    heads = role_words()
    phrase = []
    for start, word_stop, word in found:
        form = parse(word.strip("«»\"'."))
        if form is not None and form.tag.POS in _STOPS:
            break
        phrase.append((start, word_stop, word))
    head = next((i for i, (_, _, w) in enumerate(phrase) if lemma(w) in heads), None)
    if head is None or any(parse(w).tag.POS not in _MODIFIERS for _, _, w in phrase[:head]):
        return None
    gender = parse(phrase[head][2]).tag.gender
    inflected = [nominative(w, gender) if i <= head else w for i, (_, _, w) in enumerate(phrase)]
    return Role(_join(phrase, inflected), phrase[0][0], phrase[-1][1])


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
    """Roles of the article's people, from the phrase right before each story mention, else the
    one set off right after it.

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
        earlier = [m.stop for m in people if m.stop <= mention.start]
        role = role_before(text, max([sentence.start, *earlier]), mention.start) or _apposition(
            text, mention, sentence.stop, [m.start for m in people if m.start > mention.stop]
        )
        if role is None:
            continue
        inside = [kinds[aid] for m, aid in around if role.start <= m.start and m.stop <= role.stop]
        affiliation = next(
            (
                a.code or a.name if a.kind == ActorKind.COUNTRY else a.name
                for a in inside
                if a.kind in (ActorKind.COUNTRY, ActorKind.ORGANIZATION)
            ),
            None,
        )
        found.append(PersonRole(actor_id, role.text, affiliation, role.start, role.stop))
    return found


def _apposition(text: str, mention, sentence_stop: int, later: list[int]) -> Role | None:
    """The role after a name, unless it leads up to the next person's name (``later``: where the
    sentence's next people start): in "Петров, генеральный директор «ТЕХМАШа» Олег Смирнов"
    the role is Смирнов's."""
    role = role_after(text, mention.stop, min([sentence_stop, *later]))
    if role and any(not text[role.stop : start].strip() for start in later):
        return None
    return role
