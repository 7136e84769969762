"""The natasha pipeline as the package runs it: tagging only around mentions, nominative forms."""

import numpy as np
import pytest
from natasha import Doc

from analysis.language.lemmas import stem_pattern
from analysis.language.nlp import (
    _morph_windows,
    _ner,
    _tag_where_needed,
    _tagged,
    _viterbi,
    analyse,
    encode,
    pipeline,
)
from analysis.reading.corpus import parse_article

TEXT = (
    "Учения в Казахстане\n"
    "Контракт подписали с Министерством обороны Республики Казахстан и Вооружёнными силами Республики "
    "Беларусь, а также с ОАО «КАМАЗ» и Казахстанской инженерной компанией.\n"
    "Генерального секретаря Организации Договора о коллективной безопасности Имангали Тасмагамбетова "
    "встретили в Бишкеке вчера вечером после долгого и трудного перелёта из далёкой Москвы."
)


@pytest.fixture(scope="module")
def mentions():
    return [(m.text, m.type, m.normal) for m in analyse(parse_article("own", TEXT)).mentions]


def test_organisations_are_put_in_the_nominative_by_their_head(mentions):
    assert (
        "Министерством обороны Республики Казахстан",
        "ORG",
        "Министерство обороны Республики Казахстан",
    ) in mentions
    assert ("Вооружёнными силами Республики Беларусь", "ORG", "Вооружённые силы Республики Беларусь") in mentions
    assert ("ОАО «КАМАЗ»", "ORG", "ОАО «КАМАЗ»") in mentions
    assert ("Казахстанской инженерной компанией", "ORG", "Казахстанская инженерная компания") in mentions
    assert (
        "Организации Договора о коллективной безопасности",
        "ORG",
        "Организация Договора о коллективной безопасности",
    ) in mentions


def test_gazetteer_places_take_the_variant_as_their_nominative(mentions):
    assert ("Республики Казахстан", "LOC", "Республика Казахстан") in mentions
    assert ("Казахстане", "LOC", "Казахстан") in mentions
    assert ("Бишкеке", "LOC", "Бишкек") in mentions
    assert ("Имангали Тасмагамбетова", "PER", "Имангали Тасмагамбетов") in mentions


def test_tags_in_windows_around_mentions_equal_tags_over_the_whole_sentence():
    nlp = pipeline()
    sentence = TEXT.splitlines()[2]
    whole = Doc(sentence)
    whole.segment(nlp.segmenter)
    whole.tag_morph(nlp.morph_tagger)
    whole.tag_ner(nlp.ner_tagger)
    windowed = Doc(sentence)
    windowed.segment(nlp.segmenter)
    windowed.tag_ner(nlp.ner_tagger)
    windows = _morph_windows(windowed.sents[0], windowed.spans)
    assert [" ".join(t.text for t in w) for w in windows] == [
        "Генерального секретаря Организации Договора о коллективной безопасности Имангали Тасмагамбетова "
        "встретили в Бишкеке вчера вечером после",
        "перелёта из далёкой Москвы .",
    ]
    _tag_where_needed([windowed], nlp, skip={})  # the windows in one sequence, padding between
    in_spans = [i for i, t in enumerate(whole.tokens) if any(s.start <= t.start < s.stop for s in whole.spans)]
    assert len(in_spans) == 9
    first = windowed.tokens[in_spans[0]]
    assert (first.text, first.pos, first.feats) == (
        "Организации",
        "PROPN",
        {"Animacy": "Inan", "Case": "Gen", "Gender": "Fem", "Number": "Sing"},
    )
    for i in in_spans:
        assert (windowed.tokens[i].pos, windowed.tokens[i].feats) == (whole.tokens[i].pos, whole.tokens[i].feats)


def test_title_words_and_lone_letters_are_no_people_but_adjective_like_surnames_are():
    text = "Заголовок\nЗаявил Карасин. С ним говорил Чрезвычайный и Полномочный посол России Михаил Бочарников."
    people = [m.text for m in analyse(parse_article("own", text)).mentions if m.type == "PER"]
    assert people == ["Карасин", "Михаил Бочарников"]


def test_a_sentence_ending_in_a_model_code_ends_there():
    text = (
        "Поставки\nКазахстан получил комплексы С-300ПС. Об этом сообщил Асан Омаров. Вертолёты Ми-8 "
        "прибыли в 10.30. Их ждали.\n"
    )
    analysis = analyse(parse_article("own", text))
    assert [text[s.start : s.stop] for s in analysis.sentences][1:] == [
        "Казахстан получил комплексы С-300ПС.",
        "Об этом сообщил Асан Омаров.",
        "Вертолёты Ми-8 прибыли в 10.30.",
        "Их ждали.",
    ]


def test_a_stem_pattern_finds_the_forms_whose_stem_alternates():
    # "куплена" is a form of "купить": the stem is what every form begins with, not the lemma's start
    pattern = stem_pattern(["купить", "встреча", "провести"])
    found = [m.group() for m in pattern.finditer("была куплена; встречей; провёл; покупка")]
    assert found == ["куп", "встре", "провё"]  # at most five letters; е stands for ё


def test_a_name_the_model_runs_on_from_the_line_before_is_kept():
    # natasha reads "Заголовок\nНурлан Ермекбаев" as one name: the part after the line end was lost
    text = "Заголовок\nНурлан Ермекбаев провёл телефонный разговор с Иваном Петровым."
    people = [(m.start, m.stop, m.normal) for m in analyse(parse_article("own", text)).mentions if m.type == "PER"]
    assert people[-2:] == [(10, 26, "Нурлан Ермекбаев"), (56, 71, "Иван Петров")]


def test_the_sentences_keep_the_tokens_and_names_natasha_finds_on_its_own():
    # NER and the sentences share one tokenisation: it must give what natasha's own steps give
    text = (
        "Визит\nМинистр обороны Казахстана Руслан Жаксылыков прибыл в Минск, т.е. в столицу Беларуси. "
        "Его встретил Виктор Хренин.\nВ 10.30 начались переговоры с ОАО «МЗКТ»."
    )
    analysis = analyse(parse_article("own", text))
    nlp = pipeline()
    for sentence in analysis.sentences:
        if sentence.tokens:
            own = [
                (sentence.start + t.start, sentence.start + t.stop, t.text)
                for t in nlp.segmenter.tokenize(text[sentence.start : sentence.stop])
            ]
            assert list(sentence.tokens) == own
    assert [text[s.start : s.stop] for s in analysis.sentences if s.tokens] == [
        "Министр обороны Казахстана Руслан Жаксылыков прибыл в Минск, т.е. в столицу Беларуси.",
        "Его встретил Виктор Хренин.",
        "В 10.30 начались переговоры с ОАО «МЗКТ».",
    ]
    names = [(m.text, m.type) for m in analysis.mentions if m.type in {"PER", "ORG"}]
    assert names == [("Руслан Жаксылыков", "PER"), ("Виктор Хренин", "PER"), ("ОАО «МЗКТ»", "ORG")]


def test_the_crf_decoding_of_one_text_is_slovnets():
    crf = pipeline().ner_tagger.infer.model.head.crf
    rng = np.random.default_rng(3)
    for length in (1, 2, 40):
        emissions = rng.normal(size=(length, crf.transitions.array.shape[0])).astype(np.float32)
        mask = np.ones((1, length), dtype=bool)
        assert _viterbi(emissions, crf.transitions.array) == crf.decode(emissions[None], mask)[0].tolist()
    text = "Министр обороны Казахстана Руслан Жаксылыков встретился в Минске с Виктором Хрениным."
    spans = [(s.start, s.stop, s.type) for s in _ner(pipeline(), text)[1]]
    assert spans == [(s.start, s.stop, s.type) for s in pipeline().ner_tagger(text).spans]
    assert [text[start:stop] for start, stop, _ in spans] == [
        "Казахстана",
        "Руслан Жаксылыков",
        "Минске",
        "Виктором Хрениным",
    ]


def test_words_are_encoded_as_each_model_encodes_them_and_again_the_same():
    words = ["Министр", "обороны", "РК", "встретился", "с", "Хрениным", "в", "2025", "году", "«КАМАЗ»", "."]
    for encoder in (pipeline().ner_tagger.infer.encoder, pipeline().morph_tagger.infer.encoder):
        expected = tuple(map(list, encoder.item(words)))
        assert encode(encoder, words) == expected
        assert encode(encoder, list(reversed(words))) == tuple(list(reversed(ids)) for ids in expected)


def test_tags_computed_only_where_wanted_are_the_models_own():
    model = pipeline().morph_tagger.infer.model
    encoder = pipeline().morph_tagger.infer.encoder
    words = [
        "Вчера",
        "министр",
        "обороны",
        "Казахстана",
        "встретился",
        "в",
        "Астане",
        "с",
        "послом",
        "Беларуси",
        "и",
        "обсудил",
        "поставки",
    ]
    word_ids, shape_ids = encode(encoder, words)
    pad = encoder.words_vocab.pad_id
    # two sequences with a padding position between them, as the windows are run
    word_ids, shape_ids = [*word_ids, pad, *word_ids[:4]], [*shape_ids, encoder.shapes_vocab.pad_id, *shape_ids[:4]]
    word_id = np.array([word_ids])
    everywhere = model.head.decode(model(word_id, np.array([shape_ids]), word_id == pad))[0].tolist()
    wanted = [i in {0, 3, 4, 9, 12, 15} for i in range(len(word_ids))]
    assert _tagged(model, word_ids, shape_ids, pad, wanted) == [t for t, w in zip(everywhere, wanted) if w]
    tags = pipeline().morph_tagger.infer.decoder.tags_vocab
    assert (
        tags.decode(_tagged(model, word_ids, shape_ids, pad, wanted)[1])
        == "PROPN|Animacy=Inan|Case=Gen|Gender=Masc|Number=Sing"
    )
