"""The fact sheet's parts: its SVG figures, its HTML tables, and reading one stored article."""

import re

import pytest

from analysis.errors import ParameterError, ResultsError
from analysis.facts.schema import (
    Amount,
    ArticleNetwork,
    DateMention,
    FactRecord,
    Person,
    Theme,
    from_json,
    to_json,
)
from analysis.report.svg import dates_line, layout, network_svg, themes_bars
from analysis.report.tables import amount_rows, entity_rows, html_table
from analysis.storage.store import has_results, open_article
from conftest import TWO

# an invented article's network: two people who met, one linked to a country by a role, and an
# organisation whose name would break the page if it were not escaped
RECORD_JSON = {
    "nodes": [
        {"actor_id": "person:иван_петров", "name": "Иван Петров", "kind": "person", "country": "", "mentions": 4},
        {"actor_id": "person:асан_омаров", "name": "Асан Омаров", "kind": "person", "country": "", "mentions": 2},
        {"actor_id": "country:kz", "name": "Казахстан", "kind": "country", "country": "KZ", "mentions": 3},
        {
            "actor_id": "organization:x",
            "name": "<script>«ТЕХМАШ»",
            "kind": "organization",
            "country": "",
            "mentions": 1,
        },
    ],
    "links": [
        {
            "source": "person:асан_омаров",
            "target": "person:иван_петров",
            "weight": 3,
            "cooccurrence": 2,
            "met": 1,
            "signed": 0,
            "affiliated": 0,
            "type": "met",
            "evidence": [[0, 40]],
        },
        {
            "source": "country:kz",
            "target": "person:асан_омаров",
            "weight": 1,
            "cooccurrence": 0,
            "met": 0,
            "signed": 0,
            "affiliated": 1,
            "type": "affiliated",
            "evidence": [[50, 70]],
        },
        {
            "source": "organization:x",
            "target": "person:иван_петров",
            "weight": 1,
            "cooccurrence": 1,
            "met": 0,
            "signed": 0,
            "affiliated": 0,
            "type": "cooccurrence",
            "evidence": [[80, 99]],
        },
    ],
}
RECORD = from_json(ArticleNetwork, RECORD_JSON)


def records(record: type, *items: dict) -> tuple:
    return tuple(from_json(record, item) for item in items)


def test_layout_is_seeded_sorted_and_fills_the_unit_square():
    links = [(link.source, link.target, link.weight) for link in RECORD.links]
    ids = [n.actor_id for n in RECORD.nodes]
    positions = layout(ids, links)
    assert positions == layout(list(reversed(ids)), links)  # insertion order does not matter
    xs, ys = [p[0] for p in positions.values()], [p[1] for p in positions.values()]
    assert min(xs) == 0 and min(ys) == 0 and max(max(xs), max(ys)) == pytest.approx(1)

    # the pair that met (weight 3) ends closer than the pair only named together
    def gap(a, b):
        return ((positions[a][0] - positions[b][0]) ** 2 + (positions[a][1] - positions[b][1]) ** 2) ** 0.5

    assert gap("person:асан_омаров", "person:иван_петров") < gap("organization:x", "country:kz")


def test_network_figure_draws_every_node_and_link_escaped_with_a_legend():
    svg = network_svg(RECORD, title="Actors of <b>", caption="Article x.")
    assert svg == network_svg(RECORD, title="Actors of <b>", caption="Article x.")  # byte-identical reruns
    assert svg.count("<circle") == 4 + 3  # nodes, and the legend's three kinds
    assert svg.count("<line") == 3 + 3  # links, and the legend's three link kinds
    assert "&lt;script&gt;«ТЕХМАШ»" in svg and "<script>" not in svg and "Actors of &lt;b&gt;" in svg
    assert 'stroke="#9467bd"' in svg  # met is drawn in its own colour
    assert "<title>Асан Омаров – Иван Петров: cooccurrence 2, met 1</title>" in svg
    labels = re.findall(r'<rect x="([\d.-]+)" y="([\d.-]+)" width="([\d.]+)" height="(\d+)"', svg)
    assert len(labels) == 4
    boxes = [(float(x), float(y), float(x) + float(w), float(y) + float(h)) for x, y, w, h in labels]
    for i, a in enumerate(boxes):  # no two labels overlap
        for b in boxes[i + 1 :]:
            assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3])


def test_network_figure_of_an_article_without_actors_says_so():
    assert "no actors to draw" in network_svg(ArticleNetwork((), ()), title="Actors")


def test_dates_line_marks_dated_and_published_and_lists_the_rest():
    svg = dates_line(
        records(
            DateMention,
            {"text": "в 1994 году", "value": "1994", "start": 0, "stop": 11},
            {"text": "29 декабря 2014 г.", "value": "2014-12-29", "start": 20, "stop": 38},
            {"text": "10 июля", "value": "--07-10", "start": 40, "stop": 47},
        ),
        "2015-01-05",
    )
    assert re.findall(r'font-size="11">(\d{4})</text>', svg) == [
        str(year) for year in range(1994, 2017, 2)
    ]  # ticks every 2 years
    assert "<title>29 декабря 2014 г.</title>" in svg and "<title>published 2015-01-05</title>" in svg
    assert "Without a year: 10 июля" in svg
    assert "no dated event" in dates_line((), None)
    assert "no date with a year" in dates_line(
        records(DateMention, {"text": "10 июля", "value": "--07-10", "start": 0, "stop": 7})
    )


def test_theme_bars_are_as_long_as_their_counts():
    svg = themes_bars(
        records(
            Theme,
            {"theme": "training", "label": "Military training", "count": 4},
            {"theme": "supply", "label": "Arms <supply>", "count": 2},
        )
    )
    widths = [float(w) for w in re.findall(r'<rect [^>]*width="([\d.]+)"', svg)]
    assert widths == [360.0, 180.0]
    assert "Arms &lt;supply&gt;" in svg
    assert "no area of cooperation named" in themes_bars(())


def test_html_tables_escape_cells_and_group_digits():
    amounts = records(
        Amount,
        {"text": "$115 млрд", "amount": 115_000_000_000, "currency": "USD", "start": 3, "stop": 12},
        {"text": "2,5%", "amount": 2.5, "currency": "%", "start": 9, "stop": 13},
    )
    text = "Был <b>министр</b> Омаров. Обещано $115 млрд, рост 2,5%."
    rows = amount_rows(FactRecord("x", "", None, (), (), (), amounts=amounts), text)
    assert [r["amount"] for r in rows] == ["115 000 000 000", "2.5"]
    table = html_table(
        entity_rows(
            records(
                Person,
                {"name": "<b>Омаров</b>", "roles": ["министр"], "affiliation": None, "mentions": [[20, 26], [40, 46]]},
            ),
            text,
        ),
        "none",
    )
    assert "&lt;b&gt;Омаров&lt;/b&gt;" in table and "<b>" not in table
    assert re.findall(r"<th[^>]*>\s*([^<]*?)\s*</th>", table) == [
        "name",
        "roles",
        "affiliation",
        "mentions",
        "first named in",
    ]
    # the evidence is the sentence, escaped, linking to where it stands in the marked text
    assert '<a class="evidence" href="#t0">Был &lt;b&gt;министр&lt;/b&gt; Омаров.</a>' in table
    assert html_table([], "No <person>.") == "<p>No &lt;person&gt;.</p>"


def test_open_article_reads_one_record_and_names_a_bad_id(two_corpus, two_results):
    facts, text = open_article(two_results.out, "")
    assert facts.article_id == TWO[0]  # empty: the first article
    assert text == two_results.text(TWO[0]) and to_json(facts) == two_results.facts(TWO[0])
    with pytest.raises(ParameterError, match=r"unknown article_id 'nope': use one of the 2 ids in .*articles\.csv"):
        open_article(two_results.out, "nope")


def test_open_article_never_extracts(tmp_path):
    assert not has_results(tmp_path / "fresh")
    with pytest.raises(ResultsError, match=r"no stored results in .*fresh/data: run `python -m analysis extract"):
        open_article(tmp_path / "fresh", "")
    assert not (tmp_path / "fresh").exists()
