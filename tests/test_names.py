"""Person names as a reader lists them: one nominative actor per person. Every text here is
written for these tests, with invented names."""

from types import SimpleNamespace

import pytest

from analysis.facts.document import read_document
from analysis.language.nlp import analyse, name_tokens, pipeline
from analysis.reading.corpus import parse_article


def _mentions(text: str) -> dict[str, str]:
    """Each PER mention's text and its nominative."""
    found = analyse(parse_article("own", "Заголовок\n" + text)).mentions
    return {m.text: m.normal for m in found if m.type == "PER"}


def _actors(text: str) -> tuple[list[str], dict[str, str]]:
    """The article's person names and the name each PER mention resolves to."""
    doc = read_document(parse_article("own", "Заголовок\n" + text))
    names = {a.actor_id: a.name for a in doc.actors}
    people = sorted(a.name for a in doc.actors if a.kind == "person")
    return people, {m.text: names[aid] for m, aid in zip(doc.mentions, doc.actor_ids) if m.type == "PER"}


@pytest.mark.parametrize(
    "sentence, mention, normal",
    [
        # the instrumental ending shows the case; the words before the surname do not decline
        ("Министр встретился с председателем комитета Пак Сун Гаком в Сеуле.", "Пак Сун Гаком", "Пак Сун Гак"),
        # a first name the dictionary knows in the genitive: the foreign surname loses its ending
        ("По данным руководителя миссии Бориса Хурга, обстрелы продолжаются.", "Бориса Хурга", "Борис Хург"),
        ("Команда приехала без Артёма Зорлуки и других игроков.", "Артёма Зорлуки", "Артём Зорлука"),
        # the tagger's genitive decides between a woman's name and a man's in the genitive
        ("Мяч после удара Дорела Карпа отскочил от штанги.", "Дорела Карпа", "Дорел Карп"),
        # an adjective-like surname of a woman
        ("По словам Марины Долгой, фельдшер уехал.", "Марины Долгой", "Марина Долгая"),
        # each word after its particle in the instrumental
        (
            "Он говорил с эмиром Салихом аль-Маджидом ас-Раудом.",
            "Салихом аль-Маджидом ас-Раудом",
            "Салих аль-Маджид ас-Рауд",
        ),
        # a role noun before the name gives its case to an unknown name
        ("По словам представителя МИД КНР Чжан Луана, Китай готов.", "Чжан Луана", "Чжан Луан"),
    ],
)
def test_foreign_names_in_oblique_cases_are_put_in_the_nominative(sentence, mention, normal):
    assert _mentions(sentence)[mention] == normal


@pytest.mark.parametrize(
    "sentence, mention, normal",
    [
        # a nominative ending in -а is not a man's genitive
        ("В первом тайме Гия Бакурава забил гол.", "Гия Бакурава", "Гия Бакурава"),
        # a foreign surname ending in -у does not decline
        (
            "По словам председателя парламента Андриана Мунтяну, всё решено.",
            "Андриана Мунтяну",
            "Андриан Мунтяну",
        ),
        # "Вали" reads as a woman's name in the genitive, "Хабибулла" as a man's name: no genitive
        ("Губернатор провинции Хабибулла Вали заявил о переговорах.", "Хабибулла Вали", "Хабибулла Вали"),
        # a man's surname ending in a consonant would decline with him: "Андрее" is no man's locative
        ("Её поддержала депутат Андрее Брамс.", "Андрее Брамс", "Андрее Брамс"),
    ],
)
def test_surnames_that_only_look_oblique_keep_their_ending(sentence, mention, normal):
    assert _mentions(sentence)[mention] == normal


def test_a_particle_name_in_three_cases_is_one_actor():
    people, found = _actors(
        "Спецпосланник ООН Жеральд де Фортура прибыл в Женеву. "
        "Встреча с де Фортурой продлилась час. Предложения де Фортуры поддержали стороны."
    )
    assert people == ["Жеральд де Фортура"]
    assert found == {
        "Жеральд де Фортура": "Жеральд де Фортура",
        "де Фортурой": "Жеральд де Фортура",
        "де Фортуры": "Жеральд де Фортура",
    }


def test_a_later_surname_in_the_genitive_joins_the_full_name():
    people, found = _actors(
        "Заместитель председателя партии Конрад Рекуш выступил на митинге. По словам Рекуша, власти ошиблись."
    )
    assert people == ["Конрад Рекуш"]
    assert found == {"Конрад Рекуш": "Конрад Рекуш", "Рекуша": "Конрад Рекуш"}


def test_the_nominative_form_in_the_article_wins():
    people, found = _actors(
        "Премьер обсудил ситуацию с шейхом Халидом бин Ахмедом Аль Рани. "
        "Визит шейха Халида бин Ахмеда Аль Рани завершился. Позже шейх Халид бин Ахмед Аль Рани уехал."
    )
    assert people == ["Халид бин Ахмед Аль Рани"]
    assert set(found.values()) == {"Халид бин Ахмед Аль Рани"}


def test_common_words_and_product_names_are_no_people():
    found = _mentions(
        "Непозволительную неточность допустил автор. Не останавливаясь на достигнутом, они продолжили. "
        "Ожидается сертификация Ту-534 и Су-90. Тренер Олег Ласкин доволен."
    )
    assert found == {"Олег Ласкин": "Олег Ласкин"}


def test_a_capitalised_common_word_before_a_name_is_not_part_of_it():
    vocab = pipeline().morph_vocab
    tokens = [SimpleNamespace(text=t, pos=p) for t, p in (("Заявления", "NOUN"), ("де", "X"), ("Фортуры", "PROPN"))]
    assert [t.text for t in name_tokens(tokens, vocab)] == ["де", "Фортуры"]
    # a first name the tagger reads as one stays, though the dictionary has it as a common word
    tokens = [SimpleNamespace(text="Марша", pos="PROPN"), SimpleNamespace(text="Бэнкс", pos="PROPN")]
    assert [t.text for t in name_tokens(tokens, vocab)] == ["Марша", "Бэнкс"]
    assert name_tokens([SimpleNamespace(text="Ту-534", pos="PROPN")], vocab) == []


def test_a_first_name_alone_after_the_full_name_is_that_person():
    people, found = _actors("Жительница Лидия Варенцова рассказала о переезде. — Мы уехали весной, — сказала Лидия.")
    assert people == ["Лидия Варенцова"]
    assert found == {"Лидия Варенцова": "Лидия Варенцова", "Лидия": "Лидия Варенцова"}
