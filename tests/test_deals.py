"""Deals told by a verb or its noun (purchases, sales, supplies, investments, loans, fines, sanctions),
on texts written here."""

import pytest

from analysis.facts.document import read_document
from analysis.facts.record import build_facts
from analysis.reading.corpus import parse_article


def deals_of(sentence: str) -> list[tuple]:
    facts = build_facts(read_document(parse_article("own", f"Новости обороны\n{sentence}\n")))
    return [(a.kind, a.title, a.status, a.parties) for a in facts.agreements]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "В 2023 году Министерство обороны Казахстана закупило у России двенадцать вертолётов Ми-8.",
            (
                "purchase",
                "закупка: двенадцать вертолётов Ми-8",
                "signed",
                ("Министерство обороны Казахстана", "Россия"),
            ),
        ),
        (
            "По данным источника, Министерство обороны Казахстана закупит у России зенитные комплексы.",
            ("purchase", "закупка: зенитные комплексы", "planned", ("Министерство обороны Казахстана", "Россия")),
        ),
        (
            "Сейчас Россия поставляет Казахстану бронетранспортёры и запасные части к ним.",
            ("purchase", "поставка", "in force", ("Россия", "Казахстан")),
        ),
        (
            "В прошлом году компания «Казмаш» инвестировала в компанию «Техносервис» 5 млн долларов.",
            ("investment", "инвестиции: 5 млн долларов", "signed", ("Казмаш", "Техносервис")),
        ),
        (  # the dative of the verb that tells of the deal's noun
            "В марте Россия предоставила Казахстану кредит на закупку вертолётов.",
            ("loan", "кредит", "signed", ("Россия", "Казахстан")),
        ),
        (
            "Антимонопольная служба Казахстана оштрафовала компанию «Казмаш» на 2 млн тенге.",
            (
                "fine",
                "штраф: компанию «Казмаш» на 2 млн тенге",
                "signed",
                ("Антимонопольная служба Казахстана", "Казмаш"),
            ),
        ),
        (  # on whom, after "на", of the verb that tells of the deal's noun
            "В июле Евросоюз наложил на компанию «Казмаш» штраф в размере 5 млн евро.",
            ("fine", "штраф", "signed", ("Европейский союз", "Казмаш")),
        ),
        (  # the target after "против"
            "В 2014 году Евросоюз ввёл санкции против России.",
            ("sanctions", "санкции", "signed", ("Европейский союз", "Россия")),
        ),
        (  # a passive with its agent, in a form whose stem alternates ("купить" -> "куплена")
            "Компания «Казмаш» была куплена корпорацией «Техмаш» в 2019 году.",
            ("purchase", "покупка", "signed", ("Казмаш", "Техмаш")),
        ),
        (
            "В 2012 году компания «Техмаш» выкупила у компании «Казмаш» долю завода.",
            ("purchase", "выкуп: долю завода", "signed", ("Техмаш", "Казмаш")),
        ),
        (
            "В 2010 году компания «Техмаш» вложила в компанию «Казмаш» 200 млн долларов.",
            ("investment", "инвестиции: 200 млн долларов", "signed", ("Техмаш", "Казмаш")),
        ),
        (  # the country of a currency is no party
            "В 2015 году корпорация «Техмаш» купила компанию «Казмаш» за 8 млрд долларов США.",
            ("purchase", "покупка: компанию «Казмаш»", "signed", ("Техмаш", "Казмаш")),
        ),
        (  # the country of a named company is the company's, no party of its own
            "В 2015 году американская корпорация «Техмаш» купила компанию «Казмаш».",
            ("purchase", "покупка: компанию «Казмаш»", "signed", ("Техмаш", "Казмаш")),
        ),
        (  # a party whose name ends in its closing quote, at the head of the sentence
            "Компания «Казмаш» купила у компании «Вектор» завод.",
            ("purchase", "покупка: завод", "signed", ("Компания «Казмаш»", "Вектор")),
        ),
    ],
)
def test_a_deal_with_its_parties_object_and_status(sentence, expected):
    assert deals_of(sentence) == [expected]


def test_a_denied_deal_is_none():
    assert deals_of("По словам министра, Казахстан не будет закупать у России зенитные комплексы.") == []


def test_a_deal_word_in_a_documents_title_is_that_document():
    assert deals_of("Казахстан и Россия подписали соглашение о поставках вертолётов.") == [
        ("agreement", "соглашение о поставках вертолётов", "signed", ("Казахстан", "Россия"))
    ]


def test_a_deal_told_again_by_a_bare_noun_is_one_deal():
    text = (
        "Новости обороны\nКомпания «Казмаш» купила у компании «Вектор» завод. Сумма сделки составила 3 млн долларов.\n"
    )
    facts = build_facts(read_document(parse_article("own", text)))
    assert [(a.kind, a.parties, [text[start:stop] for start, stop in a.mentions]) for a in facts.agreements] == [
        ("purchase", ("Компания «Казмаш»", "Вектор"), ["купила", "сделки"])
    ]
