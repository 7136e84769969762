"""One natasha pipeline per process, built on first use, and the mentions it finds.

NER runs over every analysed paragraph; morphology runs only on sentences that hold a
mention (normal forms need it), and syntax only on sentences that hold an organisation
(natasha inflects just the head of an organisation name, which needs the parse).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from natasha import (
    Doc,
    MorphVocab,
    NewsEmbedding,
    NewsMorphTagger,
    NewsNERTagger,
    NewsSyntaxParser,
    Segmenter,
)
from natasha.doc import inject_morph, inject_syntax, offset_syntax

from .corpus import Article

MENTION_TYPES = ("PER", "ORG", "LOC")


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of an analysed paragraph; ``index`` counts sentences in the article."""

    index: int
    paragraph: int
    start: int
    stop: int


@dataclass(frozen=True, slots=True)
class Mention:
    """A named-entity span: offsets into the article text, type PER/ORG/LOC, nominative form."""

    start: int
    stop: int
    text: str
    type: str
    normal: str
    paragraph: int
    sentence: int


@dataclass(frozen=True, slots=True)
class Analysis:
    sentences: tuple[Sentence, ...]
    mentions: tuple[Mention, ...]


@dataclass(frozen=True, slots=True)
class Pipeline:
    segmenter: Segmenter
    morph_vocab: MorphVocab
    morph_tagger: NewsMorphTagger
    syntax_parser: NewsSyntaxParser
    ner_tagger: NewsNERTagger


@cache
def pipeline() -> Pipeline:
    """The process's natasha models, loaded once (about 1.5 s) on first use."""
    embedding = NewsEmbedding()
    return Pipeline(
        segmenter=Segmenter(),
        morph_vocab=MorphVocab(),
        morph_tagger=NewsMorphTagger(embedding),
        syntax_parser=NewsSyntaxParser(embedding),
        ner_tagger=NewsNERTagger(embedding),
    )


def analyse(article: Article) -> Analysis:
    """Sentences and PER/ORG/LOC mentions of the article's analysed paragraphs."""
    nlp = pipeline()
    sentences: list[Sentence] = []
    mentions: list[Mention] = []
    for number, paragraph in enumerate(article.paragraphs):
        if not paragraph.analysed:
            continue
        doc = Doc(paragraph.text)
        doc.segment(nlp.segmenter)
        doc.tag_ner(nlp.ner_tagger)
        first = len(sentences)
        for sent in doc.sents:
            sentences.append(Sentence(len(sentences), number, paragraph.start + sent.start,
                                      paragraph.start + sent.stop))
        _tag_where_needed(doc, nlp)
        for span in doc.spans:
            span.normalize(nlp.morph_vocab)
            sentence = first + _sentence_of(doc.sents, span.start)
            mentions.append(Mention(paragraph.start + span.start, paragraph.start + span.stop,
                                    span.text, span.type, span.normal, number, sentence))
    return Analysis(tuple(sentences), tuple(mentions))


def _sentence_of(sents, offset: int) -> int:
    """Index of the sentence holding ``offset`` (spans never start between sentences)."""
    for index, sent in enumerate(sents):
        if offset < sent.stop:
            return index
    return len(sents) - 1


def _overlapping(sents, spans):
    return [s for s in sents if any(span.start < s.stop and span.stop > s.start for span in spans)]


def _tag_where_needed(doc: Doc, nlp: Pipeline) -> None:
    """Morphology for sentences with mentions, syntax for those with organisations."""
    with_mentions = _overlapping(doc.sents, doc.spans)
    if with_mentions:
        markups = nlp.morph_tagger.map([[t.text for t in s.tokens] for s in with_mentions])
        for sent, markup in zip(with_mentions, markups):
            inject_morph(sent.tokens, markup.tokens)
    with_orgs = _overlapping(doc.sents, [s for s in doc.spans if s.type == "ORG"])
    if with_orgs:
        markups = nlp.syntax_parser.map([[t.text for t in s.tokens] for s in with_orgs])
        for sent, markup in zip(with_orgs, markups):
            inject_syntax(sent.tokens, markup.tokens)
            # ids must be unique across the document, as natasha's own parse makes them
            offset_syntax(doc.sents.index(sent) + 1, sent.tokens)
