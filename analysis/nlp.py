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
from natasha.doc import adapt_spans, inject_morph, inject_syntax, offset_syntax
from natasha.norm import inflect_word, normal_word, recover_shapes, recover_spaces

from .corpus import Article, Paragraph
from .geo import adjective_place

NER_CHUNK_CHARS = 20_000


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
    block: str = "body"  # the paragraph's kind: "title", "body" or "digest"


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
    """Sentences and PER/ORG/LOC mentions of the article's analysed paragraphs.

    Paragraphs are processed in chunks of up to ``NER_CHUNK_CHARS``, joined by line ends:
    each model runs once per chunk (one call per paragraph costs about twice as much), and a
    file of several megabytes is never held as one document (2 MB in one call peaks near 3 GB).
    """
    nlp = pipeline()
    sentences: list[Sentence] = []
    mentions: list[Mention] = []
    for chunk in _chunks([(number, p) for number, p in enumerate(article.paragraphs) if p.analysed]):
        docs = [Doc(paragraph.text) for _, paragraph in chunk]
        for doc, found in zip(docs, _paragraph_spans(nlp, [doc.text for doc in docs])):
            doc.segment(nlp.segmenter)
            doc.spans = list(adapt_spans(doc, found))
            doc.envelop_span_tokens()
        _tag_where_needed(docs, nlp)
        for (number, paragraph), doc in zip(chunk, docs):
            first = len(sentences)
            for sent in doc.sents:
                sentences.append(Sentence(len(sentences), number, paragraph.start + sent.start,
                                          paragraph.start + sent.stop))
            mentions.extend(_adjective_mentions(doc, paragraph, number, first))
            for span in doc.spans:
                span.normalize(nlp.morph_vocab)
                if span.type == "PER":
                    span.normal = person_normal(span.tokens, nlp.morph_vocab)
                elif span.normal.islower() and span.text.lower().startswith(span.normal):
                    # natasha lowercases what it cannot recover the shape of: «КАМАЗом» -> "камаз"
                    span.normal = span.text[:len(span.normal)]
                sentence = first + _sentence_of(doc.sents, span.start)
                mentions.append(Mention(paragraph.start + span.start, paragraph.start + span.stop,
                                        span.text, span.type, span.normal, number, sentence, paragraph.kind))
    return Analysis(tuple(sentences), tuple(sorted(mentions, key=lambda m: (m.start, m.stop))))


def _adjective_mentions(doc: Doc, paragraph: Paragraph, number: int, first: int) -> list[Mention]:
    """Country adjectives outside named entities ("российская сторона", "казахстанским военным"),
    as LOC mentions whose normal form is the country's name."""
    found = []
    for token in doc.tokens:
        place = adjective_place(token.text)
        if place and not any(s.start < token.stop and token.start < s.stop for s in doc.spans):
            found.append(Mention(paragraph.start + token.start, paragraph.start + token.stop, token.text, "LOC",
                                 place.name, number, first + _sentence_of(doc.sents, token.start), paragraph.kind))
    return found


def _chunks(numbered: list[tuple[int, Paragraph]]):
    """Consecutive paragraphs grouped up to ``NER_CHUNK_CHARS`` (a longer paragraph stands alone)."""
    chunk, size = [], 0
    for item in numbered:
        if chunk and size + len(item[1].text) > NER_CHUNK_CHARS:
            yield chunk
            chunk, size = [], 0
        chunk.append(item)
        size += len(item[1].text) + 1
    if chunk:
        yield chunk


def _paragraph_spans(nlp: Pipeline, texts: list[str]) -> list[list[tuple[int, int, str]]]:
    """NER spans of each paragraph, offsets relative to it, from one pass over them joined by line ends."""
    per_paragraph: list[list[tuple[int, int, str]]] = [[] for _ in texts]
    starts, position = [], 0
    for text in texts:
        starts.append(position)
        position += len(text) + 1
    index = 0
    for span in nlp.ner_tagger("\n".join(texts)).spans:
        while index + 1 < len(texts) and span.start >= starts[index + 1]:
            index += 1
        # a span never continues past its paragraph's line end
        stop = min(span.stop, starts[index] + len(texts[index]))
        per_paragraph[index].append((span.start - starts[index], stop - starts[index], span.type))
    return per_paragraph


def _sentence_of(sents, offset: int) -> int:
    """Index of the sentence holding ``offset`` (spans never start between sentences)."""
    for index, sent in enumerate(sents):
        if offset < sent.stop:
            return index
    return len(sents) - 1


def _overlapping(sents, spans):
    return [s for s in sents if any(span.start < s.stop and span.stop > s.start for span in spans)]


def _tag_where_needed(docs: list[Doc], nlp: Pipeline) -> None:
    """Morphology for sentences with mentions, syntax for those with organisations, in one batch each."""
    with_mentions = [s for doc in docs for s in _overlapping(doc.sents, doc.spans)]
    if with_mentions:
        markups = nlp.morph_tagger.map([[t.text for t in s.tokens] for s in with_mentions])
        for sent, markup in zip(with_mentions, markups):
            inject_morph(sent.tokens, markup.tokens)
    with_orgs = [(doc, s) for doc in docs for s in _overlapping(doc.sents, [s for s in doc.spans if s.type == "ORG"])]
    if with_orgs:
        markups = nlp.syntax_parser.map([[t.text for t in s.tokens] for _, s in with_orgs])
        for (doc, sent), markup in zip(with_orgs, markups):
            inject_syntax(sent.tokens, markup.tokens)
            # ids must be unique within a paragraph, as natasha's own parse makes them
            offset_syntax(doc.sents.index(sent) + 1, sent.tokens)


_PERSON_GRAMMEMES = {"Name", "Surn", "Patr"}


def person_normal(tokens, vocab: MorphVocab) -> str:
    """A person's name in the nominative.

    natasha inflects a word only when the dictionary has a form agreeing exactly with the
    tagger's case, and the tagger often guesses the case of Central Asian names wrongly
    ("Абдусаломом Азизовым" tagged nominative, left as it is). The words of a name
    agree in case, so when the cases that all its name-like words (first name, surname,
    patronymic; singular) can take exclude the nominative, each word is put into the
    nominative from its reading in those cases.
    """
    words = [inflect_word(vocab, token) for token in tokens]
    readings = {index: _name_readings(vocab, token.text) for index, token in enumerate(tokens)}
    readings = {index: forms for index, forms in readings.items() if forms}
    if readings:
        cases = set.intersection(*({form.tag.case for form in forms} for forms in readings.values()))
        if cases and "nomn" not in cases:
            for index, forms in readings.items():
                nominatives = {_inflected(form) for form in forms if form.tag.case in cases} - {None}
                if len(nominatives) == 1:
                    words[index] = nominatives.pop()
    words = [_keep_yo(word, token.text) for word, token in zip(words, tokens)]
    return recover_spaces(recover_shapes(words, tokens), tokens)


def _keep_yo(word: str, original: str) -> str:
    """Put back the ё that natasha's normal forms spell е ("Бахтиёр", "Артёмом" -> "Артём")."""
    return "".join("ё" if c == "е" and i < len(original) and original[i] in "ёЁ" else c for i, c in enumerate(word))


def _name_readings(vocab: MorphVocab, text: str) -> list:
    if len(text) < 2 or not text.isalpha():
        return []  # initials and punctuation carry no case
    return [form for form in vocab.parse(normal_word(text))
            if _PERSON_GRAMMEMES & form.tag.grammemes and form.tag.number == "sing"]


def _inflected(form) -> str | None:
    nominative = form.inflect({"Nom"})  # natasha takes UD feature names
    return normal_word(nominative.word) if nominative else None
