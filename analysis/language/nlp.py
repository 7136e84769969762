"""One natasha pipeline per process, built on first use, and the mentions it finds.

NER runs over every analysed paragraph. A place the gazetteer knows takes its nominative from
there; morphology, which the other normal forms need, runs only on the tokens of those
mentions and the three tokens either side of them: the tagger's three
convolutions of width 3 see no further, so its tags are the same as over whole sentences at a
fraction of the cost. No syntax parse is needed: an organisation name is put in the
nominative by its head noun, the first noun of the name, with the adjectives before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from types import SimpleNamespace

from natasha import Doc, MorphVocab, NewsEmbedding, NewsMorphTagger, NewsNERTagger, Segmenter
from natasha.doc import DocSent, DocToken, adapt_spans, inject_morph
from natasha.norm import inflect_word, normal_word, recover_shapes, recover_spaces

from ..reading.corpus import Article, Paragraph
from .geo import adjective_place, place_variant
from .lemmas import morph_vocab
from .organizations import complete_organizations

NER_CHUNK_CHARS = 20_000
# tokens the morphology tagger sees on either side of a word (three convolutions of width 3)
MORPH_CONTEXT = 3


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
    ner_tagger: NewsNERTagger


@cache
def pipeline() -> Pipeline:
    """The process's natasha models, loaded once (about 1.5 s) on first use."""
    embedding = NewsEmbedding()
    return Pipeline(
        segmenter=Segmenter(),
        morph_vocab=morph_vocab(),
        morph_tagger=NewsMorphTagger(embedding),
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
            _segment(doc, nlp.segmenter, found)
            doc.spans = list(adapt_spans(doc, found))
            doc.envelop_span_tokens()
        known = {
            id(span): variant[1]
            for doc in docs
            for span in doc.spans
            if span.type == "LOC"
            for variant in [place_variant(span.text)]
            if variant
        }
        # abbreviations ("ОДКБ", "МО РК", "АО «ТЕХМАШ»") do not inflect: nothing to tag
        abbreviations = {
            id(span): span.text for doc in docs for span in doc.spans if span.type == "ORG" and span.text.isupper()
        }
        _tag_where_needed(docs, nlp, skip=known | abbreviations)
        for (number, paragraph), doc in zip(chunk, docs):
            first = len(sentences)
            for sent in doc.sents:
                sentences.append(
                    Sentence(len(sentences), number, paragraph.start + sent.start, paragraph.start + sent.stop)
                )
            mentions.extend(_adjective_mentions(doc, paragraph, number, first))
            for span in doc.spans:
                if span.type == "PER" and _adjective_alone(span.tokens, nlp.morph_vocab):
                    continue
                if span.type == "PER":
                    span.normal = person_normal(span.tokens, nlp.morph_vocab)
                elif span.type == "ORG":
                    span.normal = organization_normal(span.tokens, nlp.morph_vocab)
                elif id(span) in known:  # a gazetteer name: its variant is the nominative
                    span.normal = known[id(span)]
                else:
                    span.normalize(nlp.morph_vocab)
                if span.type != "PER" and span.normal.islower() and span.text.lower().startswith(span.normal):
                    # natasha lowercases what it cannot recover the shape of: «ТЕХМАШем» -> "техмаш"
                    span.normal = span.text[: len(span.normal)]
                sentence = first + _sentence_of(doc.sents, span.start)
                mentions.append(
                    Mention(
                        paragraph.start + span.start,
                        paragraph.start + span.stop,
                        span.text,
                        span.type,
                        span.normal,
                        number,
                        sentence,
                        paragraph.kind,
                    )
                )
    mentions = complete_organizations(article.text, sorted(mentions, key=lambda m: (m.start, m.stop)))
    return Analysis(tuple(sentences), tuple(mentions))


_WORD = re.compile(r"\w+(?:-\w+)*")


def _segment(doc: Doc, segmenter: Segmenter, spans: list[tuple[int, int, str]]) -> None:
    """Sentences of the paragraph, and tokens of those sentences that hold a mention (the only
    ones the models look at again; tokenising is a quarter of what extraction adds to NER)."""
    doc.sents = [DocSent(s.start, s.stop, s.text) for s in segmenter.sentenize(doc.text)]
    doc.tokens = []
    for sent in doc.sents:
        sent.tokens = []
        if any(start < sent.stop and sent.start < stop for start, stop, _ in spans):
            sent.tokens = [
                DocToken(sent.start + t.start, sent.start + t.stop, t.text) for t in segmenter.tokenize(sent.text)
            ]
            doc.tokens.extend(sent.tokens)


def _adjective_mentions(doc: Doc, paragraph: Paragraph, number: int, first: int) -> list[Mention]:
    """Country adjectives outside named entities ("российская сторона", "казахстанским военным"),
    as LOC mentions whose normal form is the country's name."""
    found = []
    for word in _WORD.finditer(doc.text):
        place = adjective_place(word.group())
        if place and not any(s.start < word.end() and word.start() < s.stop for s in doc.spans):
            found.append(
                Mention(
                    paragraph.start + word.start(),
                    paragraph.start + word.end(),
                    word.group(),
                    "LOC",
                    place.name,
                    number,
                    first + _sentence_of(doc.sents, word.start()),
                    paragraph.kind,
                )
            )
    return found


def _adjective_alone(tokens, vocab: MorphVocab) -> bool:
    """A one-word "person" that is a letter alone or can only be a relative adjective: a
    capitalised title word such as "Чрезвычайный" (и Полномочный посол), never a name."""
    if len(tokens) == 1 and len(tokens[0].text.strip(".")) == 1:
        return True  # a capital letter alone ("С министром ..."), no name
    forms = vocab.parse(normal_word(tokens[0].text)) if len(tokens) == 1 else []
    # relative adjectives only ("Чрезвычайный", "Генеральный"); surnames read as adjectives
    # ("Карасиным") come out qualitative or short
    return bool(forms) and all(form.tag.POS in {"ADJF", "PRTF"} and "Qual" not in form.tag.grammemes for form in forms)


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


def _morph_windows(sent, spans) -> list[list]:
    """Runs of the sentence's tokens that cover its mentions with ``MORPH_CONTEXT`` tokens either side."""
    tokens = sent.tokens
    inside = [i for i, t in enumerate(tokens) if any(s.start < t.stop and t.start < s.stop for s in spans)]
    runs: list[list[int]] = []
    for i in inside:
        low, high = max(0, i - MORPH_CONTEXT), min(len(tokens), i + MORPH_CONTEXT + 1)
        if runs and low <= runs[-1][1]:
            runs[-1][1] = high
        else:
            runs.append([low, high])
    return [tokens[low:high] for low, high in runs]


def _tag_where_needed(docs: list[Doc], nlp: Pipeline, skip: dict) -> None:
    """Morphology for the tokens of mentions (but those in ``skip``) and their context, in one batch."""
    windows = [
        w
        for doc in docs
        for sent in doc.sents
        for w in _morph_windows(sent, [s for s in doc.spans if id(s) not in skip])
    ]
    # windows of like length in one batch: the tagger pads every batch to its longest
    windows.sort(key=len)
    markups = nlp.morph_tagger.map([[t.text for t in window] for window in windows])
    for window, markup in zip(windows, markups):
        inject_morph(window, markup.tokens)


_HEAD = {"NOUN", "PROPN"}
_AGREEING = {"ADJ", "VERB", "DET"}  # VERB: participles ("Вооружённых сил")


def organization_normal(tokens, vocab: MorphVocab) -> str:
    """An organisation name in the nominative: its first noun and the adjectives before it are
    inflected, the rest (genitive complements, quoted names) kept ("Министерством обороны
    Казахстана" -> "Министерство обороны Казахстана")."""
    head = next((i for i, t in enumerate(tokens) if t.pos in _HEAD), len(tokens))  # a name cut before its noun
    inflect = {i for i in range(head) if tokens[i].pos in _AGREEING} | {head}
    words = [_keep_yo(_inflect(vocab, t), t.text) if i in inflect else t.text.lower() for i, t in enumerate(tokens)]
    return recover_spaces(recover_shapes(words, tokens), tokens)


def _inflect(vocab: MorphVocab, token) -> str:
    """natasha's nominative of one tagged token, remembered: names recur in every article."""
    return _inflect_tagged(vocab, token.text, token.pos, tuple(sorted((token.feats or {}).items())))


@lru_cache(maxsize=100_000)
def _inflect_tagged(vocab: MorphVocab, text: str, pos: str | None, feats: tuple) -> str:
    return inflect_word(vocab, SimpleNamespace(text=text, pos=pos, feats=dict(feats)))


_PERSON_GRAMMEMES = {"Name", "Surn", "Patr"}


def person_normal(tokens, vocab: MorphVocab) -> str:
    """A person's name in the nominative.

    natasha inflects a word only when the dictionary has a form agreeing exactly with the
    tagger's case, and the tagger often guesses the case of Central Asian names wrongly
    ("Абдусаломом Азизовым" tagged nominative, left as it is). The words of a name
    agree in case, so when the cases that all its name-like words (first name, surname,
    patronymic; singular) can take exclude the nominative, each word is put into the
    nominative from its reading in those cases; a surname the dictionary does not know as one,
    next to a man's name, by its ending (``data/surname_endings.csv``).
    """
    words = [_inflect(vocab, token) for token in tokens]
    readings = {index: _name_readings(vocab, token.text) for index, token in enumerate(tokens)}
    readings = {index: forms for index, forms in readings.items() if forms}
    if readings:
        cases = set.intersection(*({form.tag.case for form in forms} for forms in readings.values()))
        if cases and "nomn" not in cases:
            for index, forms in readings.items():
                nominatives = {_inflected(form) for form in forms if form.tag.case in cases} - {None}
                if len(nominatives) == 1:
                    words[index] = nominatives.pop()
            masculine = all(
                form.tag.gender == "masc" for forms in readings.values() for form in forms if form.tag.case in cases
            )
            for index, token in enumerate(tokens):
                if index not in readings and masculine and len(token.text) > 3 and token.text.isalpha():
                    words[index] = _surname_nominative(token.text.lower(), cases) or words[index]
    words = [_keep_yo(word, token.text) for word, token in zip(words, tokens)]
    return recover_spaces(recover_shapes(words, tokens), tokens)


@cache
def _surname_endings() -> tuple[tuple[str, str, str], ...]:
    from ..lexicon import rows

    return tuple((row["case"], row["ending"], row["nominative"]) for row in rows("surname_endings.csv"))


def _surname_nominative(word: str, cases: set[str]) -> str | None:
    """A surname the dictionary does not know, next to a man's first name in an oblique case:
    its ending put back in the nominative ("Виктора Хренина" -> "Хренин")."""
    for case, ending, nominative in _surname_endings():
        if case in cases and word.endswith(ending):
            return word[: -len(ending)] + nominative
    return None


def _keep_yo(word: str, original: str) -> str:
    """Put back the ё that natasha's normal forms spell е ("Бахтиёр", "Артёмом" -> "Артём")."""
    return "".join("ё" if c == "е" and i < len(original) and original[i] in "ёЁ" else c for i, c in enumerate(word))


def _name_readings(vocab: MorphVocab, text: str) -> list:
    if len(text) < 2 or not text.isalpha():
        return []  # initials and punctuation carry no case
    return [
        form
        for form in vocab.parse(normal_word(text))
        if _PERSON_GRAMMEMES & form.tag.grammemes and form.tag.number == "sing"
    ]


def _inflected(form) -> str | None:
    nominative = form.inflect({"Nom"})  # natasha takes UD feature names
    return normal_word(nominative.word) if nominative else None
