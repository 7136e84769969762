"""Dependency parses of single sentences, with natasha's syntax model.

The parse costs about as much per sentence as NER, so a finder asks for it only on the sentences
that hold one of its words (meetings: about one sentence in twenty). Tokens come from natasha's
tokenizer, the same as the pipeline's; heads are indices into the sentence's token list.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from natasha import NewsSyntaxParser

from .nlp import pipeline


@dataclass(frozen=True, slots=True)
class Token:
    """A token of a parsed sentence: offsets into the article text, its head's index in the
    sentence (-1 for the root) and the relation to it (Universal Dependencies)."""

    start: int
    stop: int
    text: str
    head: int
    rel: str


@cache
def _parser() -> NewsSyntaxParser:
    return NewsSyntaxParser(pipeline().embedding)


def parse_sentences(text: str, sentences) -> list[list[Token]]:
    """The dependency parse of each sentence (``Sentence`` records of ``nlp``), in one batch;
    a sentence's own tokens are used when the analysis kept them."""
    segmenter = pipeline().segmenter
    tokenized = [
        list(s.tokens)
        or [(t.start + s.start, t.stop + s.start, t.text) for t in segmenter.tokenize(text[s.start : s.stop])]
        for s in sentences
    ]
    # batches of sentences of like length: the model pads each batch to its longest sentence
    order = sorted(range(len(tokenized)), key=lambda i: len(tokenized[i]))
    markups = list(_parser().map([[word for _, _, word in tokenized[i]] for i in order])) if tokenized else []
    parsed = [markup for _, markup in sorted(zip(order, markups), key=lambda pair: pair[0])]
    sentences = []
    for tokens, markup in zip(tokenized, parsed):
        ids = {token.id: i for i, token in enumerate(markup.tokens)}
        sentences.append(
            [
                Token(start, stop, word, ids.get(token.head_id, -1), token.rel)
                for (start, stop, word), token in zip(tokens, markup.tokens)
            ]
        )
    return sentences


_CLOSING = frozenset({"»", '"', "”", "“", ")"})


def children(tokens: list[Token], head: int, *rels: str) -> list[int]:
    """The indices of ``head``'s dependents, of the relations ``rels`` when given."""
    return [i for i, t in enumerate(tokens) if t.head == head and (not rels or t.rel in rels)]


def case_word(tokens: list[Token], index: int) -> str | None:
    """The preposition marking a noun ("с", "между", "в"), lowercased, if it has one."""
    found = children(tokens, index, "case")
    return tokens[found[0]].text.lower() if found else None


def subtree(tokens: list[Token], index: int, leave_out: frozenset[str] = frozenset()) -> set[int]:
    """The indices of ``index`` and its dependents, down the tree, less the branches of the
    relations ``leave_out`` (clauses, coordinated phrases)."""
    inside = {index}
    grown = True
    while grown:
        grown = False
        for i, token in enumerate(tokens):
            if i not in inside and token.head in inside and token.rel not in leave_out:
                inside.add(i)
                grown = True
    return inside


def phrase(tokens: list[Token], index: int, leave_out: frozenset[str]) -> tuple[int, int]:
    """The offsets of the phrase ``index`` heads (see ``subtree``), with the closing quote or
    bracket right after it that one of its words governs: the parse takes the mark of a name
    («ТЕХМАШ») for punctuation, but the name's mention ends after it."""
    inside = subtree(tokens, index, leave_out)
    low, high = min(tokens[i].start for i in inside), max(tokens[i].stop for i in inside)
    for token in tokens:
        if token.start == high and token.text in _CLOSING and token.head in inside:
            high = token.stop
    return low, high
