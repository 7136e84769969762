"""Agreements: idioms and other senses left out, ceasefires with status, parties and year from the
clause, later namings joined to the first, on texts written for these tests."""

from analysis.facts.agreements import find_agreements
from analysis.facts.document import read_document
from analysis.reading.corpus import parse_article


def agreements(text: str) -> list[tuple]:
    found = find_agreements(read_document(parse_article("own", text)))
    return [(a.kind, a.title, a.status, list(a.parties), a.year, [text[s:e] for s, e in a.mentions]) for a in found]


def test_idioms_are_not_documents():
    text = (
        "Итоги сессии\n«В этом плане точка поставлена», — сказал Асан Омаров. На первом плане для него экономика. "
        "Все идет по плану, добавил он. В духовном плане жители Лаоса едины. Стороны не смогли прийти к соглашению.\n"
    )
    assert agreements(text) == []


def test_a_plan_in_a_prepositional_phrase_of_its_own_is_a_document():
    text = "Итоги сессии\nМинистры обсудили план по Непалу. В плане по Непалу сказано о дорогах.\n"
    assert agreements(text) == [
        ("plan", "план по Непалу", "discussed", ["Непал"], None, ["план по Непалу", "плане по Непалу"])
    ]


def test_broadcasts_courses_schedules_and_absent_programmes_are_not_documents():
    text = (
        "Телевидение\nИз эфира убрали новостные программы каналов Непала. Информационная программа «Итоги недели» "
        "выйдет в субботу. Образовательная программа университета рассчитана на два года. Деловая программа "
        "выставки «Техника» займет три дня. Нет единой программы помощи переселенцам.\n"
    )
    assert agreements(text) == []


def test_a_plan_in_general_is_an_intention():
    text = "Новости Гондураса\nМежду тем план Гондураса может сорвать переговоры. Асан Омаров раскрыл свой план.\n"
    assert agreements(text) == []


def test_a_ceasefire_reached_is_signed_with_its_parties_year_and_later_reference():
    text = (
        "Перемирие\nНикарагуа и Гондурас достигли соглашения о прекращении огня в 2016 году.\n"
        "Это соглашение поддержали жители обеих стран.\n"
    )
    found = find_agreements(read_document(parse_article("own", text)))
    assert [(a.kind, a.title, a.status, a.parties, a.year, a.mentions) for a in found] == [
        (
            "agreement",
            "соглашение о прекращении огня",
            "signed",
            ("Никарагуа", "Гондурас"),
            "2016",
            ((40, 69), (87, 97)),
        )
    ]


def test_a_ceasefire_to_be_reached_is_planned_and_named_again_in_other_words():
    text = (
        "Переговоры\nМинистры Мозамбика и Танзании намерены достичь соглашения о прекращении огня. "
        "Договоренность о перемирии может быть подписана в июне.\n"
    )
    assert agreements(text) == [
        (
            "agreement",
            "соглашение о прекращении огня",
            "planned",
            ["Мозамбик", "Танзания"],
            None,
            ["соглашения о прекращении огня", "Договоренность о перемирии"],
        )
    ]


def test_a_de_escalation_memorandum_named_three_times_is_one():
    text = (
        "Зоны\nДелегации Непала и Лаоса подписали меморандум о создании зон деэскалации. Меморандум о создании "
        "зон деэскалации начал действовать в мае. Этот меморандум продлен.\n"
    )
    assert agreements(text) == [
        (
            "memorandum",
            "меморандум о создании зон деэскалации",
            "signed",  # its first status: a later one may be another document's
            ["Непал", "Лаос"],
            None,
            ["меморандум о создании зон деэскалации", "Меморандум о создании зон деэскалации", "Этот меморандум"],
        )
    ]


def test_a_party_after_the_verb_and_a_reference_by_another_word():
    text = (
        "Граница\nЕщё раньше соглашение о перемирии было подписано с Гондурасом. "
        "На момент подписания договора у границы стояли войска.\n"
    )
    assert agreements(text) == [
        ("agreement", "соглашение о перемирии", "signed", ["Гондурас"], None, ["соглашение о перемирии", "договора"])
    ]


def test_a_reference_by_its_parties_joins_across_kinds():
    text = (
        "База\nСовет Мозамбика ратифицировал соглашение между Мозамбиком и Танзанией. "
        "Мозамбикско-танзанийский договор будет действовать 49 лет.\n"
    )
    assert agreements(text) == [
        (
            "agreement",
            "соглашение между Мозамбиком и Танзанией",
            "in force",
            ["Мозамбик", "Танзания"],
            None,
            ["соглашение между Мозамбиком и Танзанией", "Мозамбикско-танзанийский договор"],
        )
    ]


def test_documents_in_general_and_a_named_set_of_documents():
    text = (
        "Документы\nСтраны заключили ряд договоров. Договоры и соглашения хранятся в архиве. "
        "Стороны обсудили выполнение Озерских соглашений. Озерское соглашение действует с 2001 года.\n"
    )
    assert agreements(text) == [
        ("agreement", "Озерские соглашения", "discussed", [], None, ["Озерских соглашений", "Озерское соглашение"])
    ]


def test_a_bare_naming_then_its_full_title_and_an_old_year():
    text = "Архив\nВ архиве хранится договор. Договор о демаркации границ 1890 года подписали послы.\n"
    assert agreements(text) == [
        (
            "treaty",
            "Договор о демаркации границ 1890 года",
            "signed",
            [],
            "1890",
            ["договор", "Договор о демаркации границ 1890 года"],
        )
    ]


def test_titles_end_before_when_and_how_much_and_a_year_from_the_clause():
    text = (
        "Визит\nСтороны подписали соглашение о борьбе с терроризмом по итогам визита Асана Омарова в Лаос. "
        "Этот договор в 2010 году заключили главы двух государств.\n"
        "Гондурас подпишет контракт с компанией «ТЕХМАШ» на поставку танков на общую сумму 5 млрд долларов.\n"
    )
    assert agreements(text) == [
        (
            "agreement",
            "соглашение о борьбе с терроризмом",
            "signed",
            [],
            "2010",
            ["соглашение о борьбе с терроризмом", "Этот договор"],
        ),
        (
            "contract",
            "контракт с компанией «ТЕХМАШ» на поставку танков",
            "planned",
            ["Гондурас", "ТЕХМАШ"],
            None,
            ["контракт с компанией «ТЕХМАШ» на поставку танков"],
        ),
    ]


def test_a_deal_of_goods_is_a_contract_and_a_bare_deal_has_the_parties_told_before():
    text = (
        "Покупка\nКомпания «ТЕХМАШ» купила завод в Габоне у компании «Вектор». Сумма сделки составила 3 млн "
        "долларов.\nКомпания «Вектор» обсуждает сделку по продаже второго завода.\n"
    )
    assert agreements(text) == [
        ("agreement", "сделка", None, ["ТЕХМАШ", "Габон", "Вектор"], None, ["сделки"]),
        (
            "contract",
            "сделка по продаже второго завода",
            "discussed",
            ["Вектор"],
            None,
            ["сделку по продаже второго завода"],
        ),
    ]


def test_a_contract_not_concluded_has_no_status_and_this_one_far_back_is_another():
    text = (
        "Закупки\nНепал подписал контракт на поставку тракторов.\nЦены на тракторы растут.\nЦены на танки "
        "тоже.\nЦены на зерно падают.\nВ среду Лаос купил два танка. Общая сумма этого контракта 1 млрд долларов.\n"
        "Заинтересованность в покупке проявлял Гондурас, но контракт по этому поводу заключен не был.\n"
    )
    assert agreements(text) == [
        ("contract", "контракт на поставку тракторов", "signed", ["Непал"], None, ["контракт на поставку тракторов"]),
        ("contract", "контракт", None, ["Лаос"], None, ["этого контракта", "контракт"]),
    ]


def test_a_city_in_a_party_phrase_stands_for_its_state():
    text = (
        "Столицы\nГондурас и Никарагуа готовят документы. "
        "Стороны обсудили соглашение между Тегусигальпой и Манагуа о торговле.\n"
    )
    assert agreements(text) == [
        (
            "agreement",
            "соглашение между Тегусигальпой и Манагуа о торговле",
            "discussed",
            ["Гондурас", "Никарагуа"],
            None,
            ["соглашение между Тегусигальпой и Манагуа о торговле"],
        )
    ]


def test_the_noun_that_governs_it_gives_its_status():
    text = "Проект\nДелегации Непала и Лаоса согласовали проект соглашения о торговле.\n"
    assert agreements(text) == [
        ("agreement", "соглашение о торговле", "drafted", ["Непал", "Лаос"], None, ["соглашения о торговле"])
    ]


def test_a_participle_of_another_noun_gives_no_status():
    text = "Группы\nСоглашение о перемирии подписано с группировкой «Север», действующей в горах Непала.\n"
    assert agreements(text) == [
        ("agreement", "Соглашение о перемирии", "signed", ["Север"], None, ["Соглашение о перемирии"])
    ]


def test_a_naming_after_a_dash_is_the_same_document():
    text = (
        "Озеро\nСтороны обсудили Озерское соглашение — договор о прекращении огня на границе. Договор действует год.\n"
    )
    assert agreements(text) == [
        (
            "treaty",  # the word the article names it by most often
            "договор о прекращении огня на границе",
            "discussed",
            [],
            None,
            ["Озерское соглашение", "договор о прекращении огня на границе", "Договор"],
        )
    ]


def test_a_document_named_by_two_words_has_the_kind_named_most():
    text = "Вода\nНепал и Лаос подписали соглашение о воде. Этот договор вступил в силу в мае. Договор продлен.\n"
    assert agreements(text) == [
        (
            "treaty",
            "соглашение о воде",
            "signed",
            ["Непал", "Лаос"],
            None,
            ["соглашение о воде", "Этот договор", "Договор"],
        )
    ]


def test_plurals_told_by_the_verb_and_by_a_list_are_documents_in_general():
    text = "Итоги\nСоглашения были подписаны в мае. Соглашения, протоколы и меморандумы хранятся в архиве.\n"
    assert agreements(text) == []
