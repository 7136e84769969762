"""Person names as a reader lists them: one nominative actor per person. Every text here is
written for these tests, with invented names."""

from types import SimpleNamespace

import pytest

from analysis.facts.actors import resolve_actors
from analysis.facts.document import read_document
from analysis.language.nlp import Mention, analyse, name_tokens, pipeline
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
        # ... over adjectives joined by "и" in the role
        (
            "В присутствии министра оборонной и аэрокосмической промышленности Казахстана Бейбута Атамкулова.",
            "Бейбута Атамкулова",
            "Бейбут Атамкулов",
        ),
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


def test_capitalised_common_nouns_with_no_person_word_beside_them_are_no_people():
    # a fable's animals: no first name, no role noun, no verb beside them
    people, _ = _actors("Утрируя, это Сова, Ёж и Крот, — считает эксперт Павел Громов.")
    assert people == ["Павел Громов"]
    # the same kind of word with a verb beside it is a surname
    people, _ = _actors("Журналистам Сова заявила, что уходит. Рыбу поймал Карп.")
    assert people == ["Карп", "Сова"]
    # a word the article says names someone elsewhere is that name everywhere
    text = "Журналистам Сова заявила, что уходит. Интересно, что бы ответила на это сама Сова?"
    found = analyse(parse_article("own", "Заголовок\n" + text)).mentions
    assert [(m.text, m.normal) for m in found if m.type == "PER"] == [("Сова", "Сова"), ("Сова", "Сова")]
    # a role noun before a colon: a list of people
    people, _ = _actors("Состав сборной объявлен. Вратари: Сова — Громов.")
    assert people == ["Громов", "Сова"]


def test_a_surname_alone_is_the_person_of_that_surname_named_last():
    people, found = _actors(
        "Президент Тимур Омаров встретился с послом. Позже суд осудил Асана Омарова за взрыв. "
        "Омаров признал вину. Реакция Тимура Омарова была сдержанной."
    )
    assert people == ["Асан Омаров", "Тимур Омаров"]
    assert found == {
        "Тимур Омаров": "Тимур Омаров",
        "Асана Омарова": "Асан Омаров",
        "Омаров": "Асан Омаров",
        "Тимура Омарова": "Тимур Омаров",
    }


def _mention(start: int, text: str, kind: str, normal: str = "") -> Mention:
    return Mention(start, start + len(text), text, kind, normal or text, 0, 0)


def test_a_place_read_as_a_person_is_that_place():
    # the article's other mention of the name is a place; a country of the gazetteer is one anyway
    actors, _ = resolve_actors(
        [_mention(0, "Лесото", "LOC"), _mention(10, "Лесото", "PER"), _mention(20, "Кувейт", "PER")]
    )
    assert sorted((a.kind, a.name) for a in actors) == [("country", "Кувейт"), ("country", "Лесото")]
    # a place the dictionary knows and never as a person; a surname that is also a city's stays
    actors, _ = resolve_actors([_mention(0, "Пруссией", "PER", "Пруссия"), _mention(20, "Киров", "PER")])
    assert sorted((a.kind, a.name) for a in actors) == [("person", "Киров"), ("place", "Пруссия")]
    # a word of a person's full name stays that person
    actors, ids = resolve_actors([_mention(0, "Чад Бартон", "PER"), _mention(20, "Чад", "PER")])
    assert [(a.kind, a.name) for a in actors] == [("person", "Чад Бартон")]
    assert ids == ["person:чад_бартон", "person:чад_бартон"]


def test_a_genitive_before_another_persons_first_name_is_not_part_of_that_name():
    # the husband of Алина is Степан: two people, the NER span holding both
    people, found = _actors("Алина Горохова переехала в город. А вот с мужем Алины Степаном всё оказалось сложнее.")
    assert people == ["Алина Горохова", "Степан"]
    assert found == {"Алина Горохова": "Алина Горохова", "Степаном": "Степан"}
    vocab = pipeline().morph_vocab
    words = ("Озтюрка", "Мустафой", "Эмре", "Ташем")  # "колледж имени Озтюрка" and its director
    tokens = [SimpleNamespace(text=w, pos="PROPN") for w in words]
    assert [t.text for t in name_tokens(tokens, vocab)] == ["Мустафой", "Эмре", "Ташем"]
    # a first name and a surname in one case stay one name
    for words in (("Бориса", "Хурга"), ("Марины", "Долгой"), ("Жан", "Поль", "Мартен"), ("Жоржа", "Моне")):
        tokens = [SimpleNamespace(text=w, pos="PROPN") for w in words]
        assert [t.text for t in name_tokens(tokens, vocab)] == list(words)


def test_a_turkic_patronymic_word_after_the_name_is_part_of_it():
    people, found = _actors(
        "По приказу командира был убит Акбар Рустамов угли, уроженец Самарканда. Суд оправдал Эльмира Гасанова оглы."
    )
    assert people == ["Акбар Рустамов угли", "Эльмир Гасанов оглы"]
    assert found == {
        "Акбар Рустамов угли": "Акбар Рустамов угли",
        "Эльмира Гасанова оглы": "Эльмир Гасанов оглы",
    }


def test_an_epithet_after_a_dash_is_part_of_the_name_and_a_later_surname_is_the_last_named():
    people, found = _actors(
        "В 1991 году рейтинг Петра Гордеева — старшего вырос до 89%. Но больше всего выиграл "
        "Пётр Гордеев — младший. Свои действия Гордеев объяснил угрозой."
    )
    assert people == ["Петр Гордеев — старший", "Пётр Гордеев — младший"]
    assert found == {
        "Петра Гордеева — старшего": "Петр Гордеев — старший",
        "Пётр Гордеев — младший": "Пётр Гордеев — младший",
        "Гордеев": "Пётр Гордеев — младший",
    }
    # "старший" of a role after the dash is no epithet
    for sentence in (
        "Как пояснил Иван Горохов — старший научный сотрудник института, опасности нет.",
        "Своё мнение высказал Иван Горохов — младший брат министра.",
    ):
        assert _actors(sentence)[0] == ["Иван Горохов"]


def test_a_past_verb_of_another_gender_is_not_the_names_subject():
    # "Петра Гордеева" in the nominative would be a woman's name, and "вырос" is a man's verb
    assert _mentions("В 1991 году рейтинг Петра Гордеева вырос.") == {"Петра Гордеева": "Петр Гордеев"}
    assert _mentions("Марина Петрова уехала.") == {"Марина Петрова": "Марина Петрова"}


def test_a_short_first_name_with_the_same_surname_is_the_same_person():
    people, found = _actors(
        "О бойкоте сообщил лидер партии Максим Рудин. По словам Рудина, президент ошибся. "
        "«Мы против», – сказал Макс Рудин."
    )
    assert people == ["Максим Рудин"]
    assert found == {"Максим Рудин": "Максим Рудин", "Рудина": "Максим Рудин", "Макс Рудин": "Максим Рудин"}
    actors, _ = resolve_actors([_mention(0, "Максим Рудой", "PER"), _mention(20, "Макс Рудин", "PER")])
    assert sorted(a.name for a in actors) == ["Макс Рудин", "Максим Рудой"]
