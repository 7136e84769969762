"""metadata.csv: the user's title, date, outlet and url of an article override what its text
gives; a bad row is one message naming the file, row and value, and the other rows apply."""

import csv
import json
import subprocess
import sys

import pytest

from analysis import extract_corpus, load_corpus
from analysis.errors import CorpusError
from analysis.reading.corpus import load_article
from analysis.reading.overrides import _iso_date, apply_metadata, correction_files, read_metadata
from conftest import ARTICLES, ROOT, SEEDS, TWO

METADATA = (
    "id,file,title,date,outlet,url,section\n"
    f"{TWO[0]},,Договор о военном сотрудничестве,2020-06-15,Tengrinews.kz,https://example.org/a,Оборона\n"
    f",{TWO[1]}.txt,,2019-02-30,Казинформ,,\n"
    "003_missing,,,,,,\n"
)


@pytest.mark.parametrize(
    "value, iso",
    [
        ("2014-12-29", "2014-12-29"),
        ("2014-12", "2014-12"),
        ("2014", "2014"),
        ("29.12.2014", "2014-12-29"),
        ("29 декабря 2014 г.", "2014-12-29"),
        ("2019-02-30", ""),  # no such day
        ("2014-13", ""),
        ("10 июля", ""),  # no year: a user's date must say it
        ("вчера", ""),
    ],
)
def test_dates_are_iso_with_only_the_parts_given(value, iso):
    assert _iso_date(value) == iso


def test_a_file_without_id_or_file_column_is_one_message_and_applies_nothing(tmp_path):
    path = tmp_path / "metadata.csv"
    path.write_text("name,date\nx,2020-01-01\n", encoding="utf-8")
    found = read_metadata(path)
    assert found.problems == (
        f"{path}: no column id or file (its columns: name, date): name each article by its id (column id) "
        "or file name (column file); file ignored",
    )
    assert not found.by_id and not found.by_file


def test_a_file_not_in_utf8_is_one_message(tmp_path):
    path = tmp_path / "metadata.csv"
    path.write_bytes("id,title\nx,Заголовок\n".encode("cp1251"))
    assert read_metadata(path).problems == (f"{path}: not UTF-8 text: save it as CSV in UTF-8; file ignored",)


def test_rows_name_an_article_once(tmp_path):
    path = tmp_path / "metadata.csv"
    path.write_text("id,title\na,Первый\n,Без статьи\na,Второй\n", encoding="utf-8")
    found = read_metadata(path)
    assert found.by_id["a"].title == "Первый"
    assert found.problems == (
        f"{path} row 3: neither id nor file is given: name the article; row ignored",
        f"{path} row 4: 'a' is named again (first in row 2): row ignored",
    )


def test_a_row_overrides_title_date_outlet_url_and_keeps_extra_columns(seed_corpus, tmp_path):
    path = tmp_path / "metadata.csv"
    path.write_text(METADATA, encoding="utf-8")
    found = read_metadata(path)
    article = next(a for a in seed_corpus if a.id == TWO[0])
    changed = apply_metadata(article, found.rows_for(article))
    assert (changed.title, changed.title_source, changed.published, changed.published_source) == (
        "Договор о военном сотрудничестве",
        "metadata.csv",
        "2020-06-15",
        "metadata.csv",
    )
    assert (changed.outlet, changed.url, changed.extra) == (
        "Tengrinews.kz",
        "https://example.org/a",
        (("section", "Оборона"),),
    )
    assert changed.text == article.text and changed.sources == article.sources  # cited outlets stay


def test_extraction_stores_the_overrides_and_reports_bad_rows(corpus, tmp_path):
    (corpus / "metadata.csv").write_text(METADATA, encoding="utf-8")
    out = tmp_path / "out"
    report = extract_corpus(corpus, out, progress=False)
    path = corpus / "metadata.csv"
    assert report.articles == 2 and not report.skipped  # metadata.csv is no article
    assert report.warnings[-2:] == (
        f"{path} row 3: date '2019-02-30' is no date: write it as 2014-12-29, 2014-12 or 2014; the row's other values apply",
        f"{path} row 4: no article '003_missing' in the corpus: use an id of data/articles.csv (column id) or a file "
        "name of the corpus folder (column file); row ignored",
    )
    with open(out / "data" / "articles.csv", encoding="utf-8", newline="") as f:
        rows = {r["article_id"]: r for r in csv.DictReader(f)}
    wanted = ("title", "title_source", "published", "published_source", "outlet", "url", "source")
    assert [rows[TWO[0]][c] for c in wanted] == [
        "Договор о военном сотрудничестве",
        "metadata.csv",
        "2020-06-15",
        "metadata.csv",
        "Tengrinews.kz",
        "https://example.org/a",
        "Tengrinews.kz",
    ]
    # the bad date leaves the text's own: "АСТАНА. 10 июля." gives no year
    assert [rows[TWO[1]][c] for c in ("published", "published_source", "outlet")] == [
        "--07-10",
        "dateline",
        "Казинформ",
    ]
    extra = (out / "data" / "metadata_extra.csv").read_text(encoding="utf-8")
    assert extra == f"article_id,column,value\n{TWO[0]},section,Оборона\n"
    facts = json.loads((out / "data" / "facts" / f"{TWO[0]}.json").read_text(encoding="utf-8"))
    assert (facts["title"], facts["published"]) == ("Договор о военном сотрудничестве", "2020-06-15")
    record = json.loads((out / "data" / "extraction.json").read_text(encoding="utf-8"))
    assert list(record["corrections"]) == ["metadata.csv"]
    assert record["corrections"]["metadata.csv"]["path"] == str(path)


def test_a_metadata_path_that_is_no_file_is_one_message(tmp_path):
    with pytest.raises(CorpusError, match=r"^--metadata .*nothing\.csv: no such file \(give the path of a CSV file"):
        correction_files(SEEDS, metadata=tmp_path / "nothing.csv")


def test_without_metadata_the_text_says_where_its_date_came_from(seed_corpus):
    found = {a.id: (a.published, a.published_source) for a in seed_corpus}
    assert found == {
        "000_884c3e9360fca713": ("", ""),
        "001_7d1e7618c1cc4230": ("", ""),
        "002_739a7ddcb5cf33d2": ("--07-10", "dateline"),
        "003_0ddd33c837182fba": ("", ""),
        "004_cfd950fd49b21b71": ("2014-12-29", "date line"),
    }


def test_json_lines_give_date_and_outlet_and_say_so():
    found = {a.id: (a.published, a.published_source, a.outlet) for a in load_corpus(ARTICLES)}
    assert found["kaztag_0001"] == ("2021-08-24", "metadata", "КазТАГ")
    assert found["agencies_00002"] == ("2022-09-12", "metadata", "")
    assert found["tass_air_defence"] == ("2023-05-05", "date line", "")


NEWS_DEV = ROOT / ".." / "shared" / "data" / "news-dev"


@pytest.mark.skipif(not NEWS_DEV.is_dir(), reason="../shared/data/news-dev is not here")
def test_the_news_dev_metadata_names_every_article_once():
    found = read_metadata(ROOT / "docs" / "news-dev" / "metadata.csv")
    assert found.problems == ()
    corpus = load_corpus(NEWS_DEV)
    rows = [found.rows_for(article) for article in corpus]
    assert [len(r) for r in rows] == [1] * 40 and len({r[0].row for r in rows}) == len(corpus) == 40
    outlets = [apply_metadata(a, r).outlet for a, r in zip(corpus, rows)]
    assert (outlets.count("RT"), outlets.count("Независимая газета")) == (28, 12)
    assert all(not r[0].published and dict(r[0].extra)["date_source"].startswith("not stated") for r in rows)
    # ids and annotations only: each title stays the one the text gives
    assert all(apply_metadata(a, r).title == a.title for a, r in zip(corpus, rows))


def test_html_meta_tags_give_date_outlet_and_url(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        '<html><head><title>Страница</title><meta property="og:site_name" content="Vlast.kz">'
        '<meta name="date" content="2020-01-01"><meta property="article:published_time" '
        'content="2023-03-14T09:30:00+06:00"><meta property="og:url" content="https://vlast.kz/novosti/1.html">'
        "</head><body><h1>Казахстан и Кыргызстан провели переговоры</h1>"
        "<p>Министры обороны обсудили сотрудничество.</p></body></html>",
        encoding="utf-8",
    )
    article = load_article(page)
    # Open Graph's date comes before a plain "date" (html_meta.csv's order), whatever the page's
    assert (article.published, article.published_source, article.outlet, article.url) == (
        "2023-03-14",
        "metadata",
        "Vlast.kz",
        "https://vlast.kz/novosti/1.html",
    )
    assert article.title == "Казахстан и Кыргызстан провели переговоры"


def test_a_file_row_and_an_id_row_both_apply_the_ids_winning(seed_corpus, tmp_path):
    path = tmp_path / "metadata.csv"
    path.write_text(
        f"file,id,outlet,title,section\n{TWO[0]}.txt,,Tengrinews.kz,Из файла,a\n,{TWO[0]},,По id,b\n", encoding="utf-8"
    )
    article = next(a for a in seed_corpus if a.id == TWO[0])
    changed = apply_metadata(article, read_metadata(path).rows_for(article))
    assert (changed.outlet, changed.title, changed.extra) == ("Tengrinews.kz", "По id", (("section", "b"),))


def test_a_missing_metadata_file_on_the_command_line_is_one_line(tmp_path):
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "analysis",
            "extract",
            "--corpus",
            SEEDS,
            "--out",
            tmp_path / "out",
            "--metadata",
            "x.csv",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == "error: --metadata x.csv: no such file (give the path of a CSV file, or leave it out)\n"
    assert not (tmp_path / "out").exists()
