"""One article as every fact finder reads it, and the one sequence that makes it.

``read_document(article)`` runs the language layer and resolves actors and roles: natasha's
sentences and mentions (``analyse``), each mention's actor (``resolve_actors``), then the roles
the article gives its people (``person_roles``). Meetings, agreements, quotes and the fact
record take the resulting ``Document``; extraction, evaluation and tests all call this function,
so the sequence is written once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ..language.nlp import Mention, Sentence, analyse
from ..language.syntax import Token, parse_sentences
from ..reading.corpus import Article
from ..vocabulary import STORY, Block
from .actors import Actor, apply_aliases, resolve_actors
from .amounts import find_amounts
from .roles import PersonRole, person_roles


@dataclass(frozen=True, slots=True)
class Document:
    """An article with its sentences, its mentions (in text order) and the actor id of each,
    its actors (sorted by id), the roles of its people and the rows of ``aliases.csv`` applied."""

    article: Article
    sentences: tuple[Sentence, ...]
    mentions: tuple[Mention, ...]
    actor_ids: tuple[str, ...]
    actors: tuple[Actor, ...]
    roles: tuple[PersonRole, ...] = ()
    aliases_used: frozenset[int] = frozenset()
    by_id: dict[str, Actor] = field(init=False, repr=False, compare=False)
    by_sentence: dict[int, list[tuple[Mention, str]]] = field(init=False, repr=False, compare=False)
    _parses: dict[int, list[Token]] = field(init=False, repr=False, compare=False)
    _sums: list[tuple[int, int]] | None = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        object.__setattr__(self, "by_id", {actor.actor_id: actor for actor in self.actors})
        grouped: dict[int, list[tuple[Mention, str]]] = {}
        for mention, actor_id in zip(self.mentions, self.actor_ids):
            grouped.setdefault(mention.sentence, []).append((mention, actor_id))
        object.__setattr__(self, "by_sentence", grouped)  # a fact is read from its sentence's mentions
        object.__setattr__(self, "_parses", {})
        object.__setattr__(self, "_sums", None)  # read when a finder first asks

    @property
    def text(self) -> str:
        return self.article.text

    @property
    def story(self) -> list:
        """The paragraphs of the story: title and body, no digest, no furniture."""
        return [p for p in self.article.paragraphs if p.kind in STORY]

    @property
    def story_spans(self) -> list[tuple[int, int]]:
        return [(p.start, p.stop) for p in self.story]

    @property
    def digest_sentences(self) -> frozenset[int]:
        """Indices of the sentences of a digest of other news, which no fact is read from."""
        paragraphs = self.article.paragraphs
        return frozenset(s.index for s in self.sentences if paragraphs[s.paragraph].kind == Block.DIGEST)

    def in_role(self, start: int, stop: int) -> bool:
        """Whether ``text[start:stop]`` lies inside the role phrase of one of the article's
        people: "России" in "министр обороны России Асан Омаров" names his position."""
        return any(r.start <= start and stop <= r.stop for r in self.roles)

    def named(self, sentence: Sentence, kinds) -> set[str]:
        """The ids of the actors of ``kinds`` a sentence names outside people's roles: those a
        finder may take for parties."""
        return {
            aid
            for m, aid in self.by_sentence.get(sentence.index, [])
            if self.by_id[aid].kind in kinds and not self.in_role(m.start, m.stop)
        }

    def may_be_parties(self, sentence: int) -> list[tuple[Mention, str]]:
        """The (mention, actor id) pairs of a sentence that may stand for a party to a deal or
        document: all but a country naming a sum's currency ("за 8 млрд долларов США")."""
        if self._sums is None:
            spans = [(p.start, p.stop) for p in self.article.analysed_paragraphs]
            object.__setattr__(self, "_sums", [(a.start, a.stop) for a in find_amounts(self.text, spans)])
        return [
            (m, aid)
            for m, aid in self.by_sentence.get(sentence, [])
            if not any(start <= m.start and m.stop <= stop for start, stop in self._sums)
        ]

    def parses(self, sentences: list[Sentence]) -> list[list[Token]]:
        """The dependency parse of each sentence, made once per sentence for every finder that
        asks (the parse costs as much as NER)."""
        missing = [s for s in sentences if s.index not in self._parses]
        for sentence, tokens in zip(missing, parse_sentences(self.text, missing)):
            self._parses[sentence.index] = tokens
        return [self._parses[s.index] for s in sentences]

    def story_sentences(self, candidates: re.Pattern) -> list[Sentence]:
        """The sentences outside a digest in which ``candidates`` finds a word: the only ones a
        finder for those words needs to read."""
        digest = self.digest_sentences
        return [s for s in self.sentences if s.index not in digest and candidates.search(self.text, s.start, s.stop)]


def read_document(article: Article, aliases=()) -> Document:
    """The article's sentences, mentions, actors and roles: what every fact finder takes.
    ``aliases`` (rows of the user's ``aliases.csv``) rename, merge or drop actors first, so that
    every fact names them as corrected; the mentions of a dropped actor are left out."""
    analysis = analyse(article)
    actors, actor_ids = resolve_actors(analysis.mentions, article.source_spans)
    actors, ids, used = apply_aliases(actors, actor_ids, aliases)
    kept = [(m, aid) for m, aid in zip(analysis.mentions, ids) if aid is not None]
    mentions, actor_ids = tuple(m for m, _ in kept), tuple(aid for _, aid in kept)
    document = Document(article, analysis.sentences, mentions, actor_ids, tuple(actors), aliases_used=frozenset(used))
    return replace(document, roles=tuple(person_roles(document)))
