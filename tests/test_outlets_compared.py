"""Outlets compared in the corpus overview: the share of each outlet's articles that name an
area of cooperation or an actor, so that outlets of different size compare."""

import pytest

from analysis.storage.outlets import actors_by_outlet, dated, outlet_summary, themes_by_outlet

# the five seeds as if two outlets had published four of them, and the fifth were of none known
OUTLETS = {
    "000_884c3e9360fca713": "A",
    "001_7d1e7618c1cc4230": "B",
    "002_739a7ddcb5cf33d2": "A",
    "003_0ddd33c837182fba": "",
    "004_cfd950fd49b21b71": "B",
}
HEADS = ["A (2 articles), %", "B (2 articles), %", "(no outlet) (1 article), %"]


@pytest.fixture(scope="module")
def articles(seed_results):
    return seed_results.articles.assign(outlet=seed_results.articles["article_id"].map(OUTLETS))


def test_dated_counts_dates_and_years(seed_results):
    # 002 gives "10 июля" without a year, 004 "29 Дек 2014"
    assert dated(seed_results.articles) == (2, 1)


def test_each_outlet_with_its_articles_dates_and_facts(articles, seed_results):
    facts = {kind: seed_results.table(kind) for kind in ("meetings", "agreements")}
    assert outlet_summary(articles, facts).to_dict("records") == [
        {"outlet": "A", "articles": 2, "dated": 1, "meetings": 2, "agreements": 0},
        {"outlet": "B", "articles": 2, "dated": 1, "meetings": 2, "agreements": 6},
        {"outlet": "(no outlet)", "articles": 1, "dated": 0, "meetings": 1, "agreements": 1},
    ]


def test_actors_by_the_share_of_each_outlets_articles_naming_them(articles, seed_results):
    table = actors_by_outlet(articles, seed_results.mentions, seed_results.actors, 4)
    assert list(table.columns) == ["name", "kind", *HEADS]
    # Россия: in 000 (A), 001 and 004 (B), 003 (none); not in 002 (A)
    assert table.values.tolist() == [
        ["Казахстан", "country", 100, 100, 100],
        ["Россия", "country", 50, 100, 100],
        ["Министерство обороны Казахстана", "organization", 50, 100, 0],
        ["ОДКБ", "organization", 50, 50, 100],
    ]


def test_areas_by_the_share_of_each_outlets_articles_naming_them(articles, seed_results):
    table = themes_by_outlet(articles, seed_results.table("themes"))
    assert list(table.columns) == ["area", *HEADS]
    assert table.head(3).values.tolist() == [
        ["Joint development and production", 100, 100, 100],
        ["Arms and equipment supply", 50, 100, 100],
        ["Maintenance, repair and modernisation", 100, 50, 100],
    ]
