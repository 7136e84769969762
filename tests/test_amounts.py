"""Sums of money and percentages: exact words, value, ISO 4217 code (or "%"), offsets."""

import pytest

from analysis.facts.amounts import find_amounts
from analysis.facts.schema import to_json
from analysis.reading.corpus import load_article
from conftest import SEEDS


def _amounts(text: str) -> list[tuple[str, float | int, str, int, int]]:
    amounts = find_amounts(text, [(0, len(text))])
    assert all(text[a.start : a.stop] == a.text for a in amounts)
    return [(a.text, a.amount, a.currency, a.start, a.stop) for a in amounts]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Президент США пообещал Украине 500 млн долларов военной помощи.",
            [("500 млн долларов", 500_000_000, "USD", 31, 47)],
        ),
        # the full stop after "млрд" ends the sentence, not the abbreviation
        ("Россия потратила на войну почти $115 млрд.", [("$115 млрд", 115_000_000_000, "USD", 32, 41)]),
        ("По оценкам экспертов, это 115 млрд $ за год.", [("115 млрд $", 115_000_000_000, "USD", 26, 36)]),
        (
            "На модернизацию техники Минобороны РК выделит 1 200 000 тенге, а на закупку вооружения - 1,5 трлн тенге.",
            [("1 200 000 тенге", 1_200_000, "KZT", 46, 61), ("1,5 трлн тенге", 1_500_000_000_000, "KZT", 89, 103)],
        ),
        (
            "Стоимость сервисного контракта составила 1\u00a0200\u00a0000 ₸.",
            [("1\u00a0200\u00a0000 ₸", 1_200_000, "KZT", 41, 52)],
        ),
        (
            "Госкомвоенпром Беларуси вложит 40 млн белорусских рублей, Россия - 2,5 млрд рублей.",
            [
                ("40 млн белорусских рублей", 40_000_000, "BYN", 31, 56),
                ("2,5 млрд рублей", 2_500_000_000, "RUB", 67, 82),
            ],
        ),
        (
            "Поставка обойдется в 10 миллионов долларов США, сервисный центр - в €20 млн, ремонт - в 300 тыс. евро.",
            [
                ("10 миллионов долларов США", 10_000_000, "USD", 21, 46),
                ("€20 млн", 20_000_000, "EUR", 68, 75),
                ("300 тыс. евро", 300_000, "EUR", 88, 101),
            ],
        ),
        ("Кредит ЕАБР составит USD 5 млн.", [("USD 5 млн", 5_000_000, "USD", 21, 30)]),
        (
            "Около 30% документов ОДКБ посвящены военно-экономическому сотрудничеству, "
            "а расходы выросли на 12,5% и еще на 5 процентов.",
            [("30%", 30, "%", 6, 9), ("12,5%", 12.5, "%", 95, 100), ("5 процентов", 5, "%", 110, 121)],
        ),
        ("В учениях ОДКБ участвовали 8 тысяч военнослужащих и 120 единиц техники.", []),
    ],
)
def test_amounts(text, expected):
    found = _amounts(text)
    assert found == expected
    # whole values are integers, not floats that print as 500000000.0
    assert [type(amount) for _, amount, *_ in found] == [type(amount) for _, amount, *_ in expected]


def test_amounts_of_a_seed_article():
    article = load_article(SEEDS / "000_884c3e9360fca713.txt")
    spans = [(p.start, p.stop) for p in article.analysed_paragraphs]
    amounts = find_amounts(article.text, spans)
    assert all(article.text[a.start : a.stop] == a.text for a in amounts)
    assert [to_json(a) for a in amounts] == [
        {"text": "30%", "amount": 30, "currency": "%", "start": 1204, "stop": 1207},
        {"text": "40 процентов", "amount": 40, "currency": "%", "start": 2276, "stop": 2288},
        {"text": "500 млн долларов", "amount": 500_000_000, "currency": "USD", "start": 2520, "stop": 2536},
        {"text": "$115 млрд", "amount": 115_000_000_000, "currency": "USD", "start": 2606, "stop": 2615},
        {"text": "1 млрд долларов", "amount": 1_000_000_000, "currency": "USD", "start": 4217, "stop": 4232},
    ]


def test_only_the_given_spans_are_read():
    text = "Контракт на 500 млн долларов. Сервис - 20 млн евро."
    assert [a.text for a in find_amounts(text, [(30, len(text))])] == ["20 млн евро"]
