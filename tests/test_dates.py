"""Dates stated in the text: exact words, partial ISO values, offsets; relative years need a publication year."""

import re

import pytest

from analysis.facts.dates import find_dates
from analysis.facts.schema import to_json
from analysis.reading.corpus import load_article
from conftest import SEEDS

RELATIVE = (
    "В августе текущего года российские военные медики прибыли в Казахстан, "
    "а в прошлом году стороны провели совместные учения."
)


def _dates(text: str, published: str = "") -> list[tuple[str, str, int, int]]:
    mentions = find_dates(text, [(0, len(text))], published)
    assert all(text[m.start : m.stop] == m.text for m in mentions)
    return [(m.text, m.value, m.start, m.stop) for m in mentions]


def _analysed_spans(article) -> list[tuple[int, int]]:
    return [(p.start, p.stop) for p in article.analysed_paragraphs]


def _parts(value: str) -> tuple[int | None, int | None, int | None]:
    """(year, month, day) of a partial ISO date: "2015-01" -> (2015, 1, None), "--07-10" -> (None, 7, 10)."""
    match = re.fullmatch(r"(?:(\d{4})|-)(?:-(\d\d)(?:-(\d\d))?)?", value)
    return tuple(int(part) if part else None for part in match.groups())


SENTENCES = [
    (
        "АСТАНА, 10 июля. Министр обороны Казахстана встретился с делегацией Госкомвоенпрома Беларуси.",
        [("10 июля", "--07-10", 8, 15)],
    ),
    (
        "Совместные учения миротворческих сил ОДКБ пройдут в январе 2015 года на полигоне «Матыбулак».",
        [("январе 2015 года", "2015-01", 52, 68)],
    ),
    (
        "Министры обороны Казахстана и России утвердили план военного сотрудничества на 2026 год.",
        [("2026 год", "2026", 79, 87)],
    ),
    ("Контракт на поставку вертолетов Ми-17В5 подписан 29 Дек 2014 в Казани.", [("29 Дек 2014", "2014-12-29", 49, 60)]),
    (
        "Договор о военном сотрудничестве 1994 года прекратит действие 1 января 2021 г., "
        "а соглашение ратифицировано 05.03.2016.",
        [
            ("1994 года", "1994", 33, 42),
            ("1 января 2021 г.", "2021-01-01", 62, 78),
            ("05.03.2016", "2016-03-05", 108, 118),
        ],
    ),
    (
        "Программа военно-технического сотрудничества рассчитана на 2021–2023 годы.",
        [("2021", "2021", 59, 63), ("2023 годы", "2023", 64, 73)],
    ),
    (
        "С начала марта на заводе в Петропавловске ремонтируют бронетехнику, в учениях участвуют 2500 военнослужащих.",
        [("марта", "--03", 9, 14)],
    ),
]


@pytest.mark.parametrize("text, expected", SENTENCES)
def test_dates_keep_only_the_parts_the_text_gives(text, expected):
    assert _dates(text) == expected


def test_relative_years_count_from_the_publication_year():
    assert _dates(RELATIVE, "2020-10-02") == [
        ("августе текущего года", "2020-08", 2, 23),
        ("прошлом году", "2019", 75, 87),
    ]
    text = "В этом году Казахстан получит новые вертолеты, а в следующем году - военно-транспортные самолеты."
    assert _dates(text, "2014-12-29") == [("этом году", "2014", 2, 11), ("следующем году", "2015", 51, 65)]


@pytest.mark.parametrize("published", ["", "--07-10"])
def test_relative_years_give_no_date_without_a_publication_year(published):
    # nor does the month alone ("августе") stand in for "в августе текущего года"
    assert _dates(RELATIVE, published) == []


def test_plural_years_and_names_are_no_date():
    text = "Как предусмотрено документами прошлых лет, за прошедшие годы армия получила технику."
    assert _dates(text, "2020-10-02") == []
    # a month name alone is a date only after "в", "с", "до", "в конце" and the like
    assert _dates("Американский политолог Марта Олкотт оценила военную реформу в Казахстане.") == []


def test_seed_dates_without_a_publication_date():
    article = load_article(SEEDS / "001_7d1e7618c1cc4230.txt")
    assert article.published == ""
    mentions = find_dates(article.text, _analysed_spans(article), article.published)
    assert all(article.text[m.start : m.stop] == m.text for m in mentions)
    # "в этом году" and twice "в августе текущего года" stay without a date
    assert [to_json(m) for m in mentions] == [
        {"text": "2021 году", "value": "2021", "start": 2256, "stop": 2265},
        {"text": "1994 года", "value": "1994", "start": 4190, "stop": 4199},
        {"text": "2021 год", "value": "2021", "start": 5492, "stop": 5500},
    ]


def test_seed_dates_with_a_publication_date():
    article = load_article(SEEDS / "001_7d1e7618c1cc4230.txt")
    mentions = find_dates(article.text, _analysed_spans(article), "2020-10-02")
    assert [(m.text, m.value, m.start) for m in mentions] == [
        ("этом году", "2020", 1929),
        ("2021 году", "2021", 2256),
        ("августе текущего года", "2020-08", 3340),
        ("августе текущего года", "2020-08", 3913),
        ("1994 года", "1994", 4190),
        ("2021 год", "2021", 5492),
    ]


def test_only_the_given_spans_are_read():
    article = load_article(SEEDS / "004_cfd950fd49b21b71.txt")
    assert article.published == "2014-12-29"
    analysed = [
        (m.text, m.value, m.start, m.stop)
        for m in find_dates(article.text, _analysed_spans(article), article.published)
    ]
    assert analysed == [("29 декабря 2014 г.", "2014-12-29", 231, 249), ("январе 2015 года", "2015-01", 2921, 2937)]
    # the publication date line "29 Дек 2014" is no analysed paragraph
    assert _dates(article.text, article.published) == [("29 Дек 2014", "2014-12-29", 73, 84)] + analysed


def test_every_date_natasha_finds_is_found_with_the_same_parts():
    """The regexes stand in for natasha's DatesExtractor: nothing it finds may be lost."""
    from natasha import DatesExtractor

    from analysis.language.nlp import pipeline

    extractor = DatesExtractor(pipeline().morph_vocab)
    articles = [load_article(path) for path in sorted(SEEDS.glob("*.txt"))]
    texts = [(a.text, _analysed_spans(a)) for a in articles] + [(text, [(0, len(text))]) for text, _ in SENTENCES]
    checked = 0
    for text, spans in texts:
        # with a publication year, "24 февраля прошлого года" is a date natasha's "24 февраля" falls in
        mentions = find_dates(text, spans, "2023-02-24")
        for start, stop in spans:
            for match in extractor(text[start:stop]):
                found = [m for m in mentions if m.start <= start + match.start and start + match.stop <= m.stop]
                assert len(found) == 1, match
                given = (match.fact.year, match.fact.month, match.fact.day)
                assert all(part is None or part == ours for part, ours in zip(given, _parts(found[0].value))), match
                checked += 1
    assert checked == 16
