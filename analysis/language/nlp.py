"""One natasha pipeline per process, built on first use, and the mentions it finds.

NER runs over every analysed paragraph. A place the gazetteer knows takes its nominative from
there; morphology, which the other normal forms need, runs only on the tokens of those
mentions and the three tokens either side of them: the tagger's three
convolutions of width 3 see no further, so its tags are the same as over whole sentences at a
fraction of the cost. No syntax parse is needed: an organisation name is put in the
nominative by its head noun, the first noun of the name, with the adjectives before it.

The models run step by step here rather than through natasha's taggers (``_ner``,
``_tagged``): the same sums, with the text tokenised once, one sequence per call instead of
padded batches, no records per token, and each layer of the tagger only where a mention's tag
depends on it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache, lru_cache
from types import SimpleNamespace

import numpy as np
from natasha import Doc, MorphVocab, NewsEmbedding, NewsMorphTagger, NewsNERTagger, Segmenter
from natasha.doc import DocSent, DocToken, adapt_spans
from natasha.norm import inflect_word, normal_word, recover_shapes, recover_spaces
from razdel import tokenize
from slovnet.bio import bio_spans
from slovnet.conll import parse_conll_tag
from slovnet.shape import word_shape

from ..lexicon import rows
from ..reading.corpus import Article, Paragraph
from .geo import adjective_place, compound_places, place_variant
from .lemmas import morph_vocab, readings
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
    # (start, stop, text) of its tokens when it holds a mention (the only ones tokenised), so
    # that a later parse of the sentence need not tokenise it again
    tokens: tuple[tuple[int, int, str], ...] = ()


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
    embedding: NewsEmbedding  # shared with the syntax model, loaded only where a finder needs it
    segmenter: Segmenter
    morph_vocab: MorphVocab
    morph_tagger: NewsMorphTagger
    ner_tagger: NewsNERTagger


@cache
def pipeline() -> Pipeline:
    """The process's natasha models, loaded once (about 1.5 s) on first use."""
    embedding = NewsEmbedding()
    return Pipeline(
        embedding=embedding,
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
    common: set[int] = set()  # where a one-word PER mention is a common word
    for chunk in _chunks([(number, p) for number, p in enumerate(article.paragraphs) if p.analysed]):
        docs = [Doc(paragraph.text) for _, paragraph in chunk]
        for doc, found, tokens in zip(docs, *_paragraph_spans(nlp, [doc.text for doc in docs])):
            _segment(doc, nlp.segmenter, found, tokens)
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
                tokens = tuple((paragraph.start + t.start, paragraph.start + t.stop, t.text) for t in sent.tokens)
                sentences.append(
                    Sentence(len(sentences), number, paragraph.start + sent.start, paragraph.start + sent.stop, tokens)
                )
            mentions.extend(_adjective_mentions(doc, paragraph, number, first))
            for span in doc.spans:
                start, stop, text = span.start, span.stop, span.text
                if span.type == "PER":
                    tokens = name_tokens(span.tokens, nlp.morph_vocab)
                    if not tokens:
                        continue
                    sent = doc.sents[_sentence_of(doc.sents, tokens[0].start)]
                    before = [t for t in sent.tokens if t.stop <= tokens[0].start][-_CONTEXT_WORDS:]
                    after = [t for t in sent.tokens if t.start >= span.stop][:3]
                    tail, words = _name_tail(after, nlp.morph_vocab)
                    after = after[len(tail) :][:1]
                    start, stop = tokens[0].start, tail[-1].stop if tail else span.stop
                    text = doc.text[start:stop]
                    span.normal = " ".join([person_normal(tokens, nlp.morph_vocab, before, after), *words])
                    if len(tokens) == 1 and _no_name_alone(tokens[0].text, nlp.morph_vocab, before, after):
                        common.add(paragraph.start + start)
                elif span.type == "ORG":
                    span.normal = organization_normal(span.tokens, nlp.morph_vocab)
                elif id(span) in known:  # a gazetteer name: its variant is the nominative
                    span.normal = known[id(span)]
                else:
                    span.normalize(nlp.morph_vocab)
                if span.type != "PER" and span.normal.islower() and span.text.lower().startswith(span.normal):
                    # natasha lowercases what it cannot recover the shape of: «ТЕХМАШем» -> "техмаш"
                    span.normal = span.text[: len(span.normal)]
                sentence = first + _sentence_of(doc.sents, start)
                mentions.append(
                    Mention(
                        paragraph.start + start,
                        paragraph.start + stop,
                        text,
                        span.type,
                        span.normal,
                        number,
                        sentence,
                        paragraph.kind,
                    )
                )
    mentions = complete_organizations(
        article.text, sorted(mentions, key=lambda m: (m.start, m.stop)), article.sources, article.source_spans
    )
    mentions = _without_common_words(mentions, common)
    return Analysis(tuple(sentences), tuple(mentions))


_WORD = re.compile(r"\w+(?:-\w+)*")


# a full stop and a capital after a code of letters and digits: razdel takes "С-300ПС." for an
# abbreviation and runs the sentence on ("… комплексов С-300ПС. Об этом сообщила …")
_STOP_THEN_CAPITAL = re.compile(r"\.\s+(?=[А-ЯЁA-Z«])")


def _split_after_codes(text: str, start: int, stop: int) -> list[DocSent]:
    """The sentence ``text[start:stop]``, split after a model code ("Су-30СМ", "Ми-8") that ends one."""
    parts, at = [], start
    for end in _STOP_THEN_CAPITAL.finditer(text, start, stop):
        word = text[text.rfind(" ", at, end.start()) + 1 : end.start()]
        if any(c.isdigit() for c in word) and any(c.isalpha() for c in word):
            parts.append(DocSent(at, end.start() + 1, text[at : end.start() + 1]))
            at = end.end()
    parts.append(DocSent(at, stop, text[at:stop]))
    return parts


def _segment(doc: Doc, segmenter: Segmenter, spans: list[tuple[int, int, str]], tokens: list) -> None:
    """Sentences of the paragraph, and the tokens (of ``tokens``, the paragraph's, as NER read
    them) of those sentences that hold a mention: the only ones the models look at again."""
    doc.sents = [part for s in segmenter.sentenize(doc.text) for part in _split_after_codes(doc.text, s.start, s.stop)]
    doc.tokens = []
    starts = [start for start, _, _ in tokens]
    for sent in doc.sents:
        sent.tokens = []
        if any(start < sent.stop and sent.start < stop for start, stop, _ in spans):
            # sentences are split at white space (by razdel and after codes alike), which no token holds
            inside = tokens[bisect_left(starts, sent.start) : bisect_left(starts, sent.stop)]
            sent.tokens = [DocToken(start, stop, text) for start, stop, text in inside]
            doc.tokens.extend(sent.tokens)


def _adjective_mentions(doc: Doc, paragraph: Paragraph, number: int, first: int) -> list[Mention]:
    """Country adjectives outside named entities ("российская сторона", "казахстанским военным"),
    as LOC mentions whose normal form is the country's name; each part of a compound one is a
    mention of its own ("российско-казахстанские переговоры": Russia and Kazakhstan)."""
    found = []
    for word in _WORD.finditer(doc.text):
        place = adjective_place(word.group())
        parts = [(0, len(word.group()), place)] if place else compound_places(word.group())
        if not parts:
            continue
        overlapping = [s for s in doc.spans if s.start < word.end() and word.start() < s.stop]
        # NER takes a capitalised compound ("Российско-казахстанская") for a name of its own
        if overlapping and not (len(parts) > 1 and all(s.text == word.group() for s in overlapping)):
            continue
        for start, stop, place in parts:
            found.append(
                Mention(
                    paragraph.start + word.start() + start,
                    paragraph.start + word.start() + stop,
                    word.group()[start:stop],
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


def _ner(nlp: Pipeline, text: str) -> tuple[list, list]:
    """The razdel tokens of ``text`` and natasha's NER spans over them: the tagger's own steps,
    run here so that the tokens it reads are kept for the sentences, and the CRF decoded by
    ``_viterbi``."""
    tokens = list(tokenize(text))
    words = [token.text for token in tokens]
    if not words:
        return [], []
    infer = nlp.ner_tagger.infer
    word_ids, shape_ids = encode(infer.encoder, words)
    word_id = np.array([word_ids])
    emissions = infer.model(word_id, np.array([shape_ids]), word_id == infer.encoder.words_vocab.pad_id)[0]
    decode = infer.decoder.tags_vocab.decode
    tags = [decode(tag) for tag in _viterbi(emissions, infer.model.head.crf.transitions.array)]
    return tokens, list(bio_spans(tokens, tags))


_CODES: dict[int, dict[str, tuple[int, int]]] = {}  # per encoder: word -> (word id, shape id)
_CODES_KEPT = 200_000


def encode(encoder, words: list[str]) -> tuple[list[int], list[int]]:
    """The word and shape ids a slovnet model's ``encoder`` gives ``words`` (its ``item``), each
    word's remembered: news repeats its words, and NER, morphology and syntax each encode them."""
    codes = _CODES.setdefault(id(encoder), {})
    if len(codes) > _CODES_KEPT:  # a corpus of many words: memory stays bounded
        codes.clear()
    found = []
    for word in words:
        code = codes.get(word)
        if code is None:
            code = codes[word] = (
                encoder.words_vocab.encode(word.lower()),
                encoder.shapes_vocab.encode(word_shape(word)),
            )
        found.append(code)
    return [word_id for word_id, _ in found], [shape_id for _, shape_id in found]


def _viterbi(emissions: np.ndarray, transitions: np.ndarray) -> list[int]:
    """The likeliest tag of each token under the NER model's CRF: slovnet's decoding, with the
    same sums in the same order, for one sequence (slovnet's handles a padded batch, in ten
    numpy calls a token where this takes four: it took a third of NER's time)."""
    columns = np.arange(transitions.shape[1])
    score, history = emissions[0], []
    for emission in emissions[1:]:
        candidates = score[:, None] + transitions + emission  # previous tag x next tag
        best = candidates.argmax(0)
        score = candidates[best, columns]
        history.append(best)
    tag = int(score.argmax())
    tags = [tag]
    for best in reversed(history):
        tag = int(best[tag])
        tags.append(tag)
    return tags[::-1]


def _paragraph_spans(nlp: Pipeline, texts: list[str]) -> tuple[list[list[tuple[int, int, str]]], list[list]]:
    """NER spans of each paragraph, offsets relative to it, from one pass over them joined by
    line ends, and each paragraph's tokens as ``(start, stop, text)`` relative to it."""
    per_paragraph: list[list[tuple[int, int, str]]] = [[] for _ in texts]
    starts, position = [], 0
    for text in texts:
        starts.append(position)
        position += len(text) + 1
    tokens, spans = _ner(nlp, "\n".join(texts))
    paragraph_tokens: list[list] = [[] for _ in texts]
    index = 0
    for token in tokens:  # no token holds a line end
        while index + 1 < len(texts) and token.start >= starts[index + 1]:
            index += 1
        paragraph_tokens[index].append((token.start - starts[index], token.stop - starts[index], token.text))
    index = 0
    for span in spans:
        while index + 1 < len(texts) and span.start >= starts[index + 1]:
            index += 1
        # a span never continues past its paragraph's line end
        stop = min(span.stop, starts[index] + len(texts[index]))
        per_paragraph[index].append((span.start - starts[index], stop - starts[index], span.type))
        # what the model ran on over a line end ("Заголовок\nАсан Омаров") it reads again in
        # the next paragraph alone: a name there is kept, a capitalised word ("Суд") is not
        at = index + 1
        while at < len(texts) and starts[at] < span.stop:
            end = span.stop - starts[at]
            per_paragraph[at].extend((s.start, s.stop, s.type) for s in _ner(nlp, texts[at])[1] if s.start < end)
            at += 1
    return per_paragraph, paragraph_tokens


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
    """Morphology for the tokens of mentions (but those in ``skip``), read in their context.

    The windows run through the tagger as one sequence with a padding position between each
    two: padding is zero in every layer, as at a sequence's ends, so each window is tagged as
    if alone, in one pass (a batch per eight windows, each padded to the longest, cost a third
    more, and slovnet's records per token as much again). Only the mentions' tokens are tagged
    (``_tagged``): no other tag is read.
    """
    windows, wanted = [], []
    for doc in docs:
        spans = [s for s in doc.spans if id(s) not in skip]
        for sent in doc.sents:
            if sent.tokens:  # only a sentence with a mention has them
                inside = [s for s in spans if s.start < sent.stop and sent.start < s.stop]
                for window in _morph_windows(sent, inside):
                    windows.append(window)
                    wanted.extend(any(s.start < t.stop and t.start < s.stop for s in inside) for t in window)
                    wanted.append(False)  # the padding after it
    if not windows:
        return
    encoder = nlp.morph_tagger.infer.encoder
    word_ids: list[int] = []
    shape_ids: list[int] = []
    for window in windows:
        words, shapes = encode(encoder, [t.text for t in window])
        word_ids += [*words, encoder.words_vocab.pad_id]
        shape_ids += [*shapes, encoder.shapes_vocab.pad_id]
    tags = iter(_tagged(nlp.morph_tagger.infer.model, word_ids, shape_ids, encoder.words_vocab.pad_id, wanted))
    parsed = _morph_tags()
    for token, is_wanted in zip((t for window in windows for t in [*window, None]), wanted):
        if is_wanted:
            token.pos, feats = parsed[next(tags)]
            token.feats = dict(feats)


def _tagged(model, word_ids: list[int], shape_ids: list[int], pad_id: int, wanted: list[bool]) -> list[int]:
    """The tag ids slovnet's tagger ``model`` gives the ``wanted`` positions of a sequence.

    Its layers (embedding, convolutions of width 3 with batch norm, a linear head) are computed
    only where a wanted tag depends on them: the last at the wanted positions, each layer below
    at one more position either side. These are the model's own sums, on fewer rows (its
    padding is zero in every layer), at three fifths of the cost of every position."""
    word_id = np.array([word_ids])
    features = model.emb(word_id, np.array([shape_ids]))[0]  # positions x features; padding is zero
    padding = word_id[0] == pad_id
    needs = [np.array(wanted)]
    for layer in reversed(model.encoder.layers[1:]):  # what a layer reads of the one below
        reach = layer.conv.padding
        below = needs[-1].copy()
        for shift in range(1, reach + 1):
            below[shift:] |= needs[-1][:-shift]
            below[:-shift] |= needs[-1][shift:]
        needs.append(below & ~padding)
    for layer, need in zip(model.encoder.layers, reversed(needs)):
        conv, norm = layer.conv, layer.norm
        filters, _, width = conv.weight.shape
        rows = np.flatnonzero(need)
        edge = np.zeros((conv.padding, features.shape[1]), dtype=features.dtype)
        padded = np.concatenate((edge, features, edge))
        # each row's window, channels by kernel position, as slovnet's Conv1d lays them out
        windows = np.stack([padded[rows + k] for k in range(width)], axis=-1).reshape(len(rows), -1)
        output = np.matmul(windows, conv.weight.array.reshape(filters, -1).T) + conv.bias.array
        output = (output.clip(0) - norm.mean.array) / norm.std.array * norm.weight.array + norm.bias.array
        features = np.zeros((len(need), filters), dtype=output.dtype)
        features[rows] = output
    return model.head.decode(model.head(features[np.array(wanted)])).tolist()


@cache
def _morph_tags() -> list[tuple[str, dict[str, str]]]:
    """The part of speech and features of each tag the tagger writes ("NOUN|Case=Gen|…"), by id."""
    return [parse_conll_tag(tag) for tag in pipeline().morph_tagger.infer.decoder.tags_vocab.items]


_HEAD = {"NOUN", "PROPN"}
_AGREEING = {"ADJ", "VERB", "DET"}  # VERB: participles ("Вооружённых сил")


def organization_normal(tokens, vocab: MorphVocab) -> str:
    """An organisation name in the nominative: its first noun and the adjectives before it are
    inflected, the rest (genitive complements, quoted names) kept ("Министерством обороны
    Казахстана" -> "Министерство обороны Казахстана"); one of several names sharing a plural
    noun is singular ("Северного и Южного трестов" -> "Южный трест")."""
    head = next((i for i, t in enumerate(tokens) if t.pos in _HEAD), len(tokens))  # a name cut before its noun
    inflect = {i for i in range(head) if tokens[i].pos in _AGREEING} | {head}
    words = [
        _keep_yo(_organization_word(vocab, t), t.text) if i in inflect else t.text.lower() for i, t in enumerate(tokens)
    ]
    return recover_spaces(recover_shapes(_singular(words), tokens), tokens)


# an abbreviation with a case ending ("ТЕХМАШе", "ЦКБа"): its capitals are the name
_CASE_ENDING = re.compile(r"([А-ЯЁ]{2,})[а-яё]{1,3}")


def _organization_word(vocab: MorphVocab, token) -> str:
    """One word of an organisation name in the nominative: an abbreviation without its case
    ending; a word natasha leaves in another case (a tag of the wrong gender: "Росгвардии")
    by its dictionary reading; an adjective in the nominative of its own stem ("Высшей" ->
    "высшая", not the "высочайшая" of the same lemma)."""
    abbreviation = _CASE_ENDING.fullmatch(token.text)
    if abbreviation:
        return abbreviation.group(1)
    word = _inflect(vocab, token)
    forms = readings(token.text)
    original = token.text.lower()
    if not forms or _common_start(word, original) >= min(4, len(original) - 1) and word != original:
        return word
    if word == original:
        number = {"Sing": "sing", "Plur": "plur"}.get((token.feats or {}).get("Number"))
        if token.text.isupper() or _guessed(forms[0]):
            return word  # an abbreviation, or a foreign name whose case a guess would only spoil
        if any(f.tag.case == "nomn" and number in (None, f.tag.number) for f in forms):
            return word
        nominative = forms[0].inflect({"Nom"})
        return nominative.word if nominative else word
    # a lemma of another stem: the nominative nearest the word's own spelling
    # (``word`` is a nominative: its nominative reading, "силы" plural, not the genitive singular)
    nominative = next((r for r in readings(word) if r.tag.case == "nomn"), None) or next(iter(readings(word)), None)
    target = {g for g in (nominative.tag.grammemes if nominative else ()) if g in _AGREEMENT}
    same = [f.word for form in forms for f in form.lexeme if target and target <= f.tag.grammemes]
    return max(same, key=lambda other: _common_start(other, original), default=word)


_AGREEMENT = {"nomn", "masc", "femn", "neut", "sing", "plur"}


def _guessed(form) -> bool:
    """Whether pymorphy read ``form`` by its ending alone, knowing no word like it."""
    return type(form.methods_stack[0][0]).__name__ in {"FakeDictionary", "UnknownAnalyzer"}


def _common_start(one: str, other: str) -> int:
    return next((i for i, (a, b) in enumerate(zip(one, other)) if a != b), min(len(one), len(other)))


def _singular(words: list[str]) -> list[str]:
    """``words`` of a name whose first adjective is singular and the words after it plural, as
    names sharing one plural noun are written ("Временного и Особого правительств"), in the
    singular: each name is one body."""
    first = readings(words[0]) if words else ()
    adjective = next((f for f in first if f.tag.POS == "ADJF" and {"nomn", "sing"} <= f.tag.grammemes), None)
    if adjective is None:
        return words

    def plural(word: str):
        forms = [f for f in readings(word) if f.tag.case == "nomn"]
        return forms[0] if forms and all(f.tag.number == "plur" for f in forms) else None

    rest, noun = [], None
    for word in words[1:]:
        form = plural(word)
        if form is None:
            break
        rest.append(form)
        if form.tag.POS == "NOUN":
            noun = form.inflect({"Nom", "Sing"})
            break
    if noun is None or noun.tag.gender != adjective.tag.gender:
        return words
    singular = [
        noun.word
        if form.tag.POS == "NOUN"
        else (form.inflect({"Nom", "Sing", _UD_GENDER[noun.tag.gender]}) or form).word
        for form in rest
    ]
    return [words[0], *singular, *words[1 + len(rest) :]]


_UD_GENDER = {"masc": "Masc", "femn": "Fem", "neut": "Neut"}


def _inflect(vocab: MorphVocab, token) -> str:
    """natasha's nominative of one tagged token, remembered: names recur in every article."""
    return _inflect_tagged(vocab, token.text, token.pos, tuple(sorted((token.feats or {}).items())))


@lru_cache(maxsize=100_000)
def _inflect_tagged(vocab: MorphVocab, text: str, pos: str | None, feats: tuple) -> str:
    return inflect_word(vocab, SimpleNamespace(text=text, pos=pos, feats=dict(feats)))


_PERSON_GRAMMEMES = {"Name", "Surn", "Patr"}
# readings that make a capitalised word a name rather than a common word
_NAME_GRAMMEMES = _PERSON_GRAMMEMES | {"Geox", "Orgn", "Trad", "Abbr"}
_UD_CASES = {"Nom": "nomn", "Gen": "gent", "Dat": "datv", "Acc": "accs", "Ins": "ablt", "Loc": "loct"}
# preceding words looked at for the case a name takes: a role noun and its genitive complements
# ("с председателем комитета Пак Сун Гаком") rarely run longer
_CONTEXT_WORDS = 6


@dataclass(frozen=True, slots=True)
class _Reading:
    """One way to read a word of a name: its case, its nominative and the gender that reading needs."""

    case: str
    nominative: str
    gender: str  # "masc", "femn" or "any"
    source: int = 0  # 0 the dictionary's name reading, 1 its other readings, 2 the ending's
    first_name: bool = False  # the dictionary's own reading as a first name


def name_tokens(tokens, vocab: MorphVocab) -> list:
    """The tokens of a PER span that name a person: none for a product with digits ("Ту-334"),
    a lone letter or a title adjective; without capitalised common words before the name
    ("Заявления де Фортуры" -> "де Фортуры")."""
    if any(any(c.isdigit() for c in t.text) for t in tokens) or _adjective_alone(tokens, vocab):
        return []
    tokens = list(tokens)
    # short words may be names the dictionary also has as common words ("Си", "Ли")
    while (
        len(tokens) > 1
        and len(tokens[0].text) > 3
        and tokens[0].text[:1].isupper()
        and tokens[0].pos != "PROPN"  # the tagger reads a first name such as "Роза" as a name
        and _common_word(tokens[0].text, vocab)
    ):
        tokens.pop(0)
    if len(tokens) > 1 and _owner_before_name(tokens[0].text, tokens[1].text, vocab):
        tokens.pop(0)
    return tokens


def _owner_before_name(first: str, second: str, vocab: MorphVocab) -> bool:
    """``first`` is a word in the genitive owning what follows, not a word of the name that
    starts with ``second``: the dictionary reads ``second`` as a first name only in cases
    ``first`` cannot be in, and ``first`` may be a genitive ("с мужем Алины Степаном", "имени
    Карагёза Мирой Ладой"); the words of one name agree in case."""
    owner = {r.case for r in _readings(vocab, first.lower())}
    # every reading the dictionary gives it as a person's name: "Моне" may also be a surname
    # that does not decline ("Жоржа Моне")
    name = [r for r in _readings(vocab, second.lower()) if r.source == 0]
    return "gent" in owner and any(r.first_name for r in name) and not owner & {r.case for r in name}


def _without_common_words(mentions: list[Mention], common: set[int]) -> list[Mention]:
    """Mentions but one-word "people" starting at an offset of ``common`` ("Непозволительную",
    "Не", "Солдат-мусульманин"), unless the article names someone whose name ends with that word,
    or keeps that word as a name elsewhere ("Сова заявила" keeps "сказала сама Сова")."""
    people = [m for m in mentions if m.type == "PER"]
    named = {m.normal.split()[-1] for m in people if len(m.normal.split()) > 1}
    named |= {m.normal for m in people if m.start not in common}
    return [m for m in mentions if m.type != "PER" or m.start not in common or m.normal in named]


def _no_name_alone(text: str, vocab: MorphVocab, before=(), after=()) -> bool:
    """A word that alone names no one: a common word but a singular noun or an oblique plural,
    which the dictionary may hold for a foreign surname ("Хван", "Куниц"); a compound of common
    words ("Солдат-мусульманин") is none either. A common noun in the nominative singular is no
    one either when no word beside it says a person ("это Сова, Ёж и Крот" of a fable, "Шапка за
    победу" of a heading), as "министр Хван" and "Хван заявил" do."""
    if not _common_word(text, vocab):
        return False
    forms = vocab.parse(text.lower())
    if "-" in text or not any(
        form.tag.POS == "NOUN" and (form.tag.number == "sing" or form.tag.case != "nomn") for form in forms
    ):
        return True
    subject = any(form.tag.POS == "NOUN" and form.tag.number == "sing" and form.tag.case == "nomn" for form in forms)
    return subject and not _beside_person_word(vocab, before, after)


# a verb, participle or gerund beside a name: it speaks or acts ("заявил Хван", "Хван уехал")
_VERB_POS = {"VERB", "INFN", "PRTF", "PRTS", "GRND"}


def _beside_person_word(vocab: MorphVocab, before, after) -> bool:
    """A word right before a one-word name is a role noun or a verb ("министр Хван", "сказал
    Хван", "Вратари: Уорд"), or the word right after it a verb ("Хван заявил")."""
    if before and before[-1].text == ":":  # a list of people after their role
        before = before[:-1]
    previous = [t.text.lower() for t in before[-1:] if len(t.text) > 1 and t.text.isalpha()]
    following = [t.text.lower() for t in after[:1] if len(t.text) > 1 and t.text.isalpha()]
    # the likeliest reading: "и" is a conjunction, though the dictionary has it as a letter's name
    best = {word: vocab.parse(word)[0].tag for word in previous + following}
    return any(best[word].POS in _VERB_POS for word in previous + following) or any(
        best[word].POS == "NOUN" and "anim" in best[word] for word in previous
    )


def _common_word(text: str, vocab: MorphVocab) -> bool:
    """A word the dictionary knows, and only as a common word: no name, surname, place or
    organisation reading, and none guessed (an unknown foreign name is guessed)."""
    parts = text.lower().split("-")
    if not all(part.isalpha() for part in parts):
        return False
    for part in parts:
        forms = vocab.parse(part)
        if not forms or any(
            _NAME_GRAMMEMES & form.tag.grammemes
            or len(form.methods_stack) != 1
            or form.tag.POS in {None, "ADJS"}  # a surname reads as a short adjective: "Карасин"
            for form in forms
        ):
            return False
        if any(type(method[0]).__name__ != "DictionaryAnalyzer" for form in forms for method in form.methods_stack):
            return False
    return True


def person_normal(tokens, vocab: MorphVocab, before=(), after=()) -> str:
    """A person's name in the nominative; ``before`` and ``after`` are the tokens of the
    sentence before the name (up to ``_CONTEXT_WORDS``) and the one after it.

    natasha inflects a word only when the dictionary has a form agreeing exactly with the
    tagger's case, and the tagger often guesses the case of foreign names wrongly. The words of
    a name agree in case, so the name's case is found first (``_name_case``: its words, the role
    noun or preposition before it, the verb after it, the tagger), then each word with one
    nominative in that case takes it. A word is read by the dictionary or by its ending
    (``data/surname_endings.csv``: "Хурга" -> "Хург", "Зорлуки" -> "Зорлука"); particles
    (``data/name_words.csv``: "де", "аль-") stay as they are, and so does a word that does
    not decline ("Сун", "Эрен") or a name that may be nominative ("Бакурава").
    """
    parts = [_particle_split(token.text) for token in tokens]
    names = [index for index, (prefix, word) in enumerate(parts) if _is_word(word)]
    if not names:
        return recover_spaces([token.text for token in tokens], tokens)
    family = _family(parts)
    cases, gender = _name_case(tokens, parts, names, family, vocab, before, after)
    if cases == {"nomn"}:
        return recover_spaces([token.text for token in tokens], tokens)
    words = [
        token.text if prefix else _shape(_keep_yo(_inflect(vocab, token), token.text), token.text)
        for token, (prefix, _) in zip(tokens, parts)
    ]
    for index in names:
        prefix, word = parts[index]
        readings = _word_readings(vocab, word, index in family)
        fitting = [r for r in readings if r.case in cases and r.gender in {"any", gender or r.gender}]
        # the dictionary's reading of a name it knows first ("Виктору" -> "Виктор"), then its
        # other readings ("Мансуру" -> "Мансур"), then the endings'
        source = min((r.source for r in fitting), default=2)
        nominatives = {r.nominative for r in fitting if r.source == source}
        first_name = index in family and any(r.first_name for r in _readings(vocab, word.lower()))
        if (source == 2 and word.lower() in nominatives) or (not nominatives and first_name):
            # a word that does not decline ("Мунтяну"); a family name, not a first name ("Тани")
            words[index] = tokens[index].text
        elif len(nominatives) == 1:
            words[index] = prefix + _shape(nominatives.pop(), word)
    return recover_spaces(words, tokens)


def _name_case(
    tokens, parts, names: list[int], family: set[int], vocab: MorphVocab, before, after
) -> tuple[set[str], str | None]:
    """The cases a name is in and the gender its first name or patronymic shows (None when
    none says); ``{"nomn"}`` when it stays as it is.

    Each word votes for the cases it can be in, and so do the words before the name: a name
    the dictionary knows weighs most (little when it may be nominative and the tagger reads it
    in another case: "Дорела" of Дорел), the surname, which declines whenever it can, more
    than the words before it, which may not decline at all ("Пак Сун Гаком"). The cases with the
    most weight win; a tie with the nominative leaves the name as it is."""
    everything = set(_UD_CASES.values())
    scores = dict.fromkeys(everything, 0.0)

    def vote(found: set[str], weight: float) -> None:
        if found and found != everything:
            for case in found:
                scores[case] += weight

    for index in names:
        readings = _word_readings(vocab, parts[index][1], index in family)
        known = {r.case for r in readings if r.source == 0}
        last = index == names[-1]
        if known:
            tagged = _UD_CASES.get((tokens[index].feats or {}).get("Case"))
            vote(known, 2.0 if tagged in known or "nomn" not in known else 0.5)
        else:
            found = {r.case for r in readings}
            if last or "nomn" not in found:
                vote(found, 1.5 if last else 1.0)
    vote(_context_case(tokens[names[-1]], vocab, before), 1.0)
    vote(_subject_case(vocab, after, _word_readings(vocab, parts[names[-1]][1], names[-1] in family)), 1.0)
    top = max(scores.values())
    cases = {case for case, score in scores.items() if score == top}
    if not top or "nomn" in cases:
        return {"nomn"}, None
    # the words agree in gender too: a case only one gender of each word can take is no case of
    # the name ("Хабибулла Вали" is no genitive: "Вали" would be a woman's, "Хабибулла" a man's)
    # (a word read the same in every case, "Ким", does not decline and shows no gender)
    readings = [
        [r for r in _word_readings(vocab, parts[index][1], index in family) if r.case in cases] for index in names
    ]
    declined = [
        found for found, index in zip(readings, names) if any(r.nominative != parts[index][1].lower() for r in found)
    ]
    genders = {
        gender
        for gender in ("masc", "femn")
        if all(any(r.gender in {gender, "any"} for r in found) for found in declined)
    }
    if not genders:
        return {"nomn"}, None
    first_names = {r.gender for found in readings for r in found if r.first_name} & genders
    gender = next(iter(first_names or genders)) if len(first_names or genders) == 1 else None
    last = parts[names[-1]][1].lower()
    if gender == "masc" and last[-1] in _CONSONANTS and not any(r.case in cases for r in _readings(vocab, last)):
        return {"nomn"}, None  # a man's surname ending in a consonant would decline with his name
    return cases, gender


def _word_readings(vocab: MorphVocab, word: str, family: bool) -> tuple[_Reading, ...]:
    """The readings of a name's word; in a family name's place, none as a first name."""
    readings = _readings(vocab, word.lower())
    return tuple(r for r in readings if not r.first_name) if family else readings


_CONSONANTS = set("бвгджзклмнпрстфхцчшщ")


def _context_case(token, vocab: MorphVocab, before) -> set[str]:
    """The cases the words before a name give it: a role noun it stands beside (walking back over
    its complements and names), a preposition right before it; else the tagger's case."""
    joined = False  # the word walked last may be joined by "и" ("оборонной и аэрокосмической")
    for distance, word in enumerate(reversed(before)):
        text = word.text
        if distance == 0 and text.lower() in _government():
            return set(_government()[text.lower()])
        if text in '«»"„“' or (text == "и" and joined):
            joined = False
            continue
        if not text[:1].isalpha():
            break
        if text[:1].isupper() and not _common_word(text, vocab):
            continue  # names of places and organisations in the role ("министр обороны России")
        forms = vocab.parse(text.lower())
        best = forms[0].tag
        if best.POS == "NOUN" and "anim" in best and not _NAME_GRAMMEMES & best.grammemes:
            return {
                form.tag.case
                for form in forms
                if form.normal_form == forms[0].normal_form and form.tag.POS == "NOUN" and form.tag.number == "sing"
            }
        if not (best.POS in {"ADJF", "PRTF", "PREP"} or (best.POS == "NOUN" and best.case == "gent")):
            break
        joined = best.POS in {"ADJF", "PRTF"} or best.POS == "NOUN"
    case = _UD_CASES.get((token.feats or {}).get("Case"))
    return {case} if case else set()


def _subject_case(vocab: MorphVocab, after, readings: tuple[_Reading, ...]) -> set[str]:
    """The nominative, when a verb in the past of one gender follows the name ("Марина Петрова
    уехала"): its subject, which a name in another case before it rarely is. Not when the
    surname's ``readings`` in the nominative have another gender than the verb's ("рейтинг
    Петра Гордеева вырос": Гордеева in the nominative is a woman, so the subject is "рейтинг")."""
    if after and after[0].text.isalpha():
        form = vocab.parse(after[0].text.lower())[0]
        if form.tag.POS == "VERB" and form.tag.tense == "past" and form.tag.gender:
            nominative = [r for r in readings if r.case == "nomn"]
            known = [r for r in nominative if r.source < 2] or nominative
            if not known or any(r.gender in {"any", form.tag.gender} for r in known):
                return {"nomn"}
    return set()


@cache
def _government() -> dict[str, tuple[str, ...]]:
    """Prepositions and the cases they put a name after them in (``data/name_words.csv``)."""
    return {row["word"]: tuple(row["cases"].split()) for row in rows("name_words.csv") if row["kind"] == "preposition"}


@cache
def _name_words(kind: str) -> frozenset[str]:
    """The words of ``data/name_words.csv`` of one kind: "particle" ("де", "фон", "аль": part of
    the surname), "suffix" ("оглы", "кызы": part of the name before them), "epithet" ("младший":
    part of it after a dash)."""
    return frozenset(row["word"] for row in rows("name_words.csv") if row["kind"] == kind)


def _name_tail(after, vocab: MorphVocab) -> tuple[list, list[str]]:
    """The tokens right after a person's NER span that are part of the name, though the span
    ends before them, and the words they add to its nominative: a patronymic word ("Эльмира
    Гасанова оглы"), an epithet after a dash ("Петра Иванова — младшего" -> "— младший")."""
    if after and after[0].text.lower() in _name_words("suffix"):
        return after[:1], [after[0].text]
    if len(after) > 1 and after[0].text in {"—", "–"}:
        epithet = vocab.parse(after[1].text.lower())[0].normal_form
        # "Иван Петров — старший научный сотрудник": an adjective of a role that follows
        role = len(after) > 2 and vocab.parse(after[2].text.lower())[0].tag.POS in {"NOUN", "ADJF", "PRTF"}
        if epithet in _name_words("epithet") and not role:
            return after[:2], ["—", epithet]
    return [], []


def _particle_split(text: str) -> tuple[str, str]:
    """A name word as (particle prefix, word): "аль-Ахмедом" -> ("аль-", "Ахмедом"); a particle
    on its own ("де", "Аль") is all prefix."""
    if text.lower() in _name_words("particle"):
        return text, ""
    head, dash, rest = text.partition("-")
    if dash and head.lower() in _name_words("particle") and rest:
        return head + dash, rest
    return "", text


def _family(parts) -> set[int]:
    """Words right after a particle, a family name's place ("Аль Тани"): the dictionary's first
    names ("Таня") do not read them."""
    return {i for i, (prefix, word) in enumerate(parts) if prefix or (i and parts[i - 1][0] and not parts[i - 1][1])}


def _is_word(word: str) -> bool:
    return len(word) > 1 and word.replace("-", "").isalpha()


def _from_dictionary(form) -> bool:
    return all(type(method[0]).__name__ == "DictionaryAnalyzer" for method in form.methods_stack)


@lru_cache(maxsize=100_000)
def _readings(vocab: MorphVocab, word: str) -> tuple[_Reading, ...]:
    """The ways a (lowercase) word of a name may be read: as the dictionary's singular nouns
    and adjectives (names, and adjective-like surnames: "Долгой"), and by the endings of
    ``data/surname_endings.csv`` (foreign and unknown names: "Хурга")."""
    if "-" in word:
        return _hyphenated_readings(vocab, word)
    found = []
    for form in vocab.parse(word):
        if (
            _from_dictionary(form)
            and form.tag.number == "sing"
            and form.tag.POS in {"NOUN", "ADJF"}
            and form.tag.case in _UD_CASES.values()  # not the vocative and the second genitive or locative
        ):
            nominative = word if "Fixd" in form.tag else _inflected(form)
            gender = form.tag.gender if form.tag.gender in {"masc", "femn"} else "any"
            if nominative:
                source = 0 if _PERSON_GRAMMEMES & form.tag.grammemes else 1
                found.append(_Reading(form.tag.case, nominative, gender, source, "Name" in form.tag.grammemes))
    for case, ending, nominative, gender, stem in _surname_endings():
        base = word[: len(word) - len(ending)]
        if word.endswith(ending) and len(base) > 1 and (not stem or re.search(f"(?:{stem})$", base)):
            found.append(_Reading(case, base + nominative, gender, 2))
    return tuple(found)


def _hyphenated_readings(vocab: MorphVocab, word: str) -> tuple[_Reading, ...]:
    """Readings of a hyphenated name ("Франка-Вальтера"): a case every part may be in, each part
    taking its one nominative in that case."""
    parts = [_readings(vocab, part) for part in word.split("-")]
    found = []
    for case in _UD_CASES.values():
        nominatives = [{r.nominative for r in part if r.case == case} for part in parts]
        if all(len(options) == 1 for options in nominatives):
            found.append(_Reading(case, "-".join(options.pop() for options in nominatives), "any", 2))
    return tuple(found)


@cache
def _surname_endings() -> tuple[tuple[str, str, str, str, str], ...]:
    return tuple(
        (row["case"], row["ending"], row["nominative"], row["gender"], row["stem"])
        for row in rows("surname_endings.csv")
    )


def _shape(word: str, original: str) -> str:
    """``word`` spelled like ``original`` where they share letters (case, ё), the rest lowercase
    or, in a name written in capitals, uppercase."""
    if original.isupper() and len(original) > 1:
        return word.upper()
    shaped = [o if o.lower() == w or (w == "е" and o in "ёЁ") else w for w, o in zip(word, original)]
    return "".join(shaped) + word[len(original) :]


def _keep_yo(word: str, original: str) -> str:
    """Put back the ё that natasha's normal forms spell е ("Бахтиёр", "Артёмом" -> "Артём")."""
    return "".join("ё" if c == "е" and i < len(original) and original[i] in "ёЁ" else c for i, c in enumerate(word))


def _inflected(form) -> str | None:
    nominative = form.inflect({"Nom"})  # natasha takes UD feature names
    return normal_word(nominative.word) if nominative else None


def name_nominatives(word: str) -> frozenset[str]:
    """The nominatives (lowercase) a word of a person's name may stand for, in any case:
    "Фортуры" -> {"фортура"}, "Хурга" -> {"хург", "хурга"}."""
    return frozenset(r.nominative for r in _readings(morph_vocab(), word.lower()))


def name_particle(word: str) -> bool:
    """A particle of a surname standing on its own ("де", "фон", "Аль")."""
    return word.lower() in _name_words("particle")


def place_word(word: str) -> bool:
    """A word the dictionary knows as a place's name and never as a person's ("Молдавией",
    "Непала"), though it may also be a common word ("Франция")."""
    forms = [form for form in morph_vocab().parse(word.lower()) if _from_dictionary(form)]
    return any("Geox" in form.tag for form in forms) and not any(
        _PERSON_GRAMMEMES & form.tag.grammemes for form in forms
    )
