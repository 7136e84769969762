"""The corpus' facts as one table: its rows on two seed articles, the Excel file read back, the
searchable HTML table, and the filters of the timeline."""

import re

import pytest
from openpyxl import load_workbook

from analysis.errors import ParameterError
from analysis.report.corpus_facts import (
    XLSX_COLUMNS,
    check_countries,
    events,
    fact_link,
    fact_rows,
    filter_events,
    involves,
    met_pairs,
    write_xlsx,
)
from analysis.report.datatable import searchable_table
from analysis.report.render import Html
from conftest import TWO


@pytest.fixture(scope="module")
def rows(two_results):
    return fact_rows(two_results.out)


def test_facts_of_two_seed_articles(rows, two_results):
    assert len(rows) == 20
    assert [r["kind"] for r in rows].count("meeting") == 2 and [r["kind"] for r in rows].count("role") == 5
    shown = [
        (r["kind"], r["type"], r["date"], r["date_from"], r["status"], r["countries"], r["anchor"])
        for r in events(rows)
    ]
    assert shown == [
        ("agreement", "treaty", "1994", "fact", "superseded", "", "t4112"),
        ("agreement", "plan", "2021", "fact", "signed", "KZ;RU", "t5188"),
        ("meeting", "meeting", "", "", "held", "KZ;RU", "t165"),
        ("agreement", "treaty", "", "", "signed", "KZ;RU", "t18"),
        ("agreement", "purchase", "", "", "signed", "KZ;RU", "t2537"),
        ("agreement", "programme", "", "", "drafted", "", "t4913"),
        ("agreement", "agreement", "", "", "signed", "KZ;RU", "t5188"),
        ("meeting", "meeting", "--07-10", "fact", "held", "KZ", "t138"),
    ]
    met = next(r for r in rows if r["kind"] == "meeting")
    assert met == {
        "kind": "meeting",
        "type": "meeting",
        "date": "",
        "date_from": "",
        "status": "held",
        "fact": "meeting: Нурлан Ермекбаев, Сергей Шойгу",
        "actors": "Нурлан Ермекбаев, Сергей Шойгу",
        "place": "Астана",
        "countries": "KZ;RU",
        "title": "Казахстан и Россия подписали договор о военном сотрудничестве",
        "published": "",
        "outlets": "Tengrinews.kz",
        "evidence": "В Нур-Султане состоялась встреча министра обороны Казахстана с российским коллегой. Казахстан и "
        "Россия определили новые направления военного сотрудничества. Об этом стало известно на встрече глав "
        "оборонных ведомств двух стран, передает Tengrinews.kz. В Нур-Султане состоялась встреча министра обороны "
        "Казахстана Нурлана Ермекбаева с российским коллегой Сергеем Шойгу.",
        "article_id": TWO[0],
        "actor_ids": "person:нурлан_ермекбаев;person:сергей_шойгу",
        "anchor": "t165",
    }
    assert fact_link(met) == f"fact_sheet_{TWO[0]}.html#t165"
    text = (two_results.out / "data" / "texts" / f"{TWO[0]}.txt").read_text(encoding="utf-8")
    assert text[165:].startswith("В Нур-Султане состоялась встреча")  # the anchor is where the sentence starts


def test_a_fact_without_a_date_of_its_own_takes_the_publication_date(rows):
    quote = next(r for r in rows if r["kind"] == "quote" and r["article_id"] == TWO[1])
    assert (quote["date"], quote["date_from"], quote["published"], quote["outlets"]) == (
        "--07-10",
        "published",
        "--07-10",
        "Казинформ",
    )


def test_excel_file_reads_back_the_rows_and_is_the_same_bytes_each_time(rows, tmp_path):
    write_xlsx(rows, tmp_path / "a.xlsx")
    write_xlsx(rows, tmp_path / "b.xlsx")
    assert (tmp_path / "a.xlsx").read_bytes() == (tmp_path / "b.xlsx").read_bytes()
    sheet = load_workbook(tmp_path / "a.xlsx").active
    read = [["" if v is None else v for v in row] for row in sheet.iter_rows(values_only=True)]
    assert sheet.title == "facts" and read[0] == list(XLSX_COLUMNS)
    assert len(read) == len(rows) + 1
    assert read[3][:7] == [
        "meeting",
        "meeting",
        "",
        "",
        "held",
        "meeting: Нурлан Ермекбаев, Сергей Шойгу",
        "Нурлан Ермекбаев, Сергей Шойгу",
    ]
    assert read[3][-1] == 165


def test_country_filters_pair_a_different_country_of_each_item():
    assert involves("KZ;RU", check_countries("KZ,RU")) and involves("KZ;RU", check_countries("KZ,CSTO"))
    assert not involves("KZ", check_countries("KZ,CSTO"))  # Kazakhstan alone is no pair
    assert not involves("KZ;US", check_countries("KZ,ОДКБ"))
    assert involves("", check_countries(""))
    with pytest.raises(ParameterError, match=r"parameter countries must be up to four ISO codes .* got 'KZ,Russia'"):
        check_countries("KZ,Russia")


def test_event_filters_by_actor_kind_and_outlet(rows):
    found = events(rows)
    assert [r["anchor"] for r in filter_events(found, actor="шойгу")] == ["t165"]
    assert [r["anchor"] for r in filter_events(found, kinds="meeting")] == ["t165", "t138"]
    assert [r["article_id"] for r in filter_events(found, outlet="казинформ")] == [TWO[1]]
    assert len(filter_events(found, countries="KZ,RU", kinds="agreement")) == 4
    with pytest.raises(
        ParameterError,
        match="parameter kinds must list some of meeting, talks, visit, session, call, agreement; got 'meetings'",
    ):
        filter_events(found, kinds="meetings")


def test_who_met_whom_counts_held_meetings_only():
    meetings = [
        {"kind": "meeting", "status": "held", "countries": "KZ;RU", "actor_ids": "person:a;person:b;country:ru"},
        {"kind": "meeting", "status": "planned", "countries": "KZ;RU", "actor_ids": "person:a;person:b"},
        {"kind": "meeting", "status": "held", "countries": "BY;KZ;RU", "actor_ids": "person:a"},
    ]
    kinds = {"person:a": "person", "person:b": "person", "country:ru": "country"}
    assert met_pairs(meetings, "countries", kinds) == {("KZ", "RU"): 2, ("BY", "KZ"): 1, ("BY", "RU"): 1}
    assert met_pairs(meetings, "people", kinds) == {("person:a", "person:b"): 1}


def test_searchable_table_escapes_text_keeps_html_and_lists_choices():
    page = searchable_table(
        [
            {"kind": "quote", "text": "<b>", "link": Html('<a href="x.html#t1">s</a>')},
            {"kind": "role", "text": "", "link": ""},
        ],
        choices=("kind",),
    )
    assert "<td>&lt;b&gt;</td>" in page and '<td><a href="x.html#t1">s</a></td>' in page
    assert re.findall(r'<option value="([^"]*)">', page) == ["", "quote", "role"]
    assert '<span data-role="count">2 of 2 rows</span>' in page
    assert "http" not in page  # nothing loaded from elsewhere
    assert searchable_table([], empty="Nothing.") == "<p>Nothing.</p>"
