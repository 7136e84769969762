"""Dependency parses of single sentences, with natasha's syntax model.

The parse costs about as much per sentence as NER, so a finder asks for it only on the sentences
that hold one of its words (meetings: about one sentence in twenty). Tokens come from natasha's
tokenizer, the same as the pipeline's; heads are indices into the sentence's token list.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import numpy as np
from natasha import NewsSyntaxParser

from .nlp import encode, pipeline


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
    """The dependency parse of each sentence (``Sentence`` records of ``nlp``); a sentence's own
    tokens are used when the analysis kept them."""
    segmenter = pipeline().segmenter
    tokenized = [
        list(s.tokens)
        or [(t.start + s.start, t.stop + s.start, t.text) for t in segmenter.tokenize(text[s.start : s.stop])]
        for s in sentences
    ]
    parsed = []
    for group in _groups([[word for _, _, word in tokens] for tokens in tokenized]):
        parsed.extend(_parse(group))
    return [
        [Token(start, stop, word, head, rel) for (start, stop, word), head, rel in zip(tokens, heads, rels)]
        for tokens, (heads, rels) in zip(tokenized, parsed)
    ]


# tokens parsed in one pass: the head scores are a square of them
GROUP_TOKENS = 400


def _groups(sentences: list[list[str]]):
    """Consecutive sentences of up to ``GROUP_TOKENS`` tokens together (a longer one alone)."""
    group: list[list[str]] = []
    size = 0
    for words in sentences:
        if group and size + len(words) > GROUP_TOKENS:
            yield group
            group, size = [], 0
        group.append(words)
        size += len(words) + 1
    if group:
        yield group


def _parse(sentences: list[list[str]]) -> list[tuple[list[int], list[str]]]:
    """The head (index in the sentence, -1 for the root) and relation of each word of each sentence.

    natasha's model, run on the sentences as one sequence with a padding position between each
    two: its convolutions see zeros there, as at a sequence's ends, and each word's head is
    chosen among its own sentence's words and the root; so the parse is the sentences' own, in
    one pass instead of a padded batch per eight sentences (a third of the cost)."""
    infer = _parser().infer
    model, encoder = infer.model, infer.encoder
    word_ids: list[int] = []
    shape_ids: list[int] = []
    owner: list[int] = []  # the sentence of each position, -1 for padding
    for number, words in enumerate(sentences):
        found, shapes = encode(encoder, words)
        word_ids += [*found, encoder.words_vocab.pad_id]
        shape_ids += [*shapes, encoder.shapes_vocab.pad_id]
        owner += [number] * len(words) + [-1]
    word_id = np.array([word_ids])
    encoded = model.encoder(model.emb(word_id, np.array([shape_ids])), word_id == encoder.words_vocab.pad_id)
    sentence = np.array(owner)
    # column 0 is the root, column j + 1 the word at position j
    allowed = np.concatenate(
        (np.ones((len(owner), 1), dtype=bool), (sentence[:, None] == sentence[None, :]) & (sentence[:, None] >= 0)),
        axis=1,
    )
    heads = np.where(allowed, model.head(encoded)[0], -np.inf).argmax(-1)
    rels = model.rel(encoded, heads[None])[0].argmax(-1).tolist()
    heads = heads.tolist()
    parsed, at = [], 0
    for words in sentences:
        parsed.append(
            (
                [heads[i] - 1 - at if heads[i] else -1 for i in range(at, at + len(words))],
                [infer.decoder.rels_vocab.decode(rels[i]) for i in range(at, at + len(words))],
            )
        )
        at += len(words) + 1
    return parsed


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
