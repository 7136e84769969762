"""Deals told by a verb or its noun (purchases, sales, supplies, investments), on texts written here."""

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
