"""The command line: `python -m analysis run` and `extract` on a tiny corpus."""

import hashlib
import json
import random
import re
import shutil
import subprocess
import sys

import pytest

from analysis import load_results
from analysis.report.dossier import page_name
from conftest import ARTICLES, TWO


def cli(*args, timeout=600):
    return subprocess.run(
        [sys.executable, "-m", "analysis", *map(str, args)], capture_output=True, text=True, timeout=timeout
    )


@pytest.fixture(scope="module")
def batch(rendered):
    return rendered


def test_run_renders_every_notebook_and_links_it(batch):
    done, out = batch
    assert done.returncode == 0, done.stderr[-3000:]
    corpus = ["corpus_overview", "actor_network", "timeline", "facts_table"]
    dossiers = [
        page_name(a)
        for a in (
            "country:kz",
            "country:ru",
            "country:by",
            "organization:министерство_обороны_казахстана",
            "place:астана",
        )
    ]
    names = [*corpus, *dossiers, *(f"fact_sheet_{aid}" for aid in TWO)]
    index = (out / "index.html").read_text(encoding="utf-8")
    assert re.findall(r'<td><a href="(html/[^"]+)"', index) == [f"html/{name}.html" for name in names]
    for name in names:
        assert (out / "html" / f"{name}.html").stat().st_size > 10_000
        assert (out / "notebooks" / f"{name}.ipynb").is_file()
        assert "ipykernel_" not in (out / "html" / f"{name}.html").read_text(encoding="utf-8")  # no kernel temp path
    titles = [re.search(r"<title>(.*)</title>", (out / "html" / f"{n}.html").read_text("utf-8"))[1] for n in names]
    assert titles[:4] == [
        "Corpus overview: 2 articles",
        "Actor network: 2 articles",
        "Timeline: 2 articles",
        "Facts: 2 articles",
    ]
    assert titles[4:9] == [
        "Actor dossier: Казахстан",
        "Actor dossier: Россия",
        "Actor dossier: Беларусь",
        "Actor dossier: Министерство обороны Казахстана",
        "Actor dossier: Астана",
    ]
    assert titles[9:] == [f"Fact sheet: {title}" for title in load_results(out).articles["title"]]
    assert "Казахстан и Россия подписали договор о военном сотрудничестве" in index
    assert '<h2 id="actor-dossiers">Actor dossiers</h2>' in index and '<a href="data/facts.xlsx">' in index
    assert "11 of 11 notebooks ok" in done.stdout


def test_run_stores_facts_texts_network(batch):
    _, out = batch
    for aid in TWO:
        facts = json.loads((out / "data" / "facts" / f"{aid}.json").read_text(encoding="utf-8"))
        assert facts["article_id"] == aid
        assert (out / "data" / "texts" / f"{aid}.txt").is_file()
    for name in ("actors.graphml", "actors.png", "actors.svg"):
        assert (out / "network" / name).is_file()
    page = (out / "html" / f"fact_sheet_{TWO[0]}.html").read_text(encoding="utf-8")
    assert "Нурлан Ермекбаев" in page and "Сергей Шойгу" in page


def test_manifest_hashes_match_inputs_and_outputs(batch, two_corpus):
    _, out = batch
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert [i["file"] for i in manifest["inputs"]] == [f"{aid}.txt" for aid in TWO]
    for entry in manifest["inputs"]:
        assert entry["sha256"] == hashlib.sha256((two_corpus / entry["file"]).read_bytes()).hexdigest()
    outputs = {o["path"]: o["sha256"] for o in manifest["outputs"]}
    assert "index.html" in outputs and "data/mentions.csv" in outputs
    # the figures for reports are outputs, and the index links them
    figures = sorted(p.relative_to(out).as_posix() for p in (out / "figures").glob("*.*"))
    assert "figures/actor_network.png" in figures and "figures/actor_network.txt" in figures
    assert set(figures) <= set(outputs) and "data/facts.xlsx" in outputs
    index = (out / "index.html").read_text(encoding="utf-8")
    assert all(f'href="{path}"' in index for path in figures)
    for path, sha in outputs.items():
        assert hashlib.sha256((out / path).read_bytes()).hexdigest() == sha
    assert manifest["versions"]["natasha"] == "1.6.0"
    assert [n["status"] for n in manifest["notebooks"]] == ["ok"] * 11


def test_extract_alone_writes_data_but_no_notebooks(two_corpus, tmp_path):
    done = cli("extract", "--corpus", two_corpus, "--out", tmp_path)
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.strip().endswith(f"-> {tmp_path / 'data'}")
    assert sorted(p.name for p in tmp_path.iterdir()) == [".analysis-output", "data", "network"]


def test_missing_corpus_is_one_line_not_a_traceback(tmp_path):
    done = cli("extract", "--corpus", tmp_path / "nowhere", "--out", tmp_path / "out")
    assert done.returncode == 2
    assert (
        done.stderr == f"error: corpus folder not found: {tmp_path / 'nowhere'} (pass an existing folder of articles)\n"
    )


def large_article(size: int) -> str:
    """A long digest-like text built from the test articles' paragraphs, shuffled."""
    paragraphs = [
        line
        for path in sorted(ARTICLES.glob("*.txt"))
        for line in path.read_text("utf-8").splitlines()
        if len(line) > 60
    ]
    random.Random(7).shuffle(paragraphs)
    lines, total = ["Обзор новостей оборонного сотрудничества"], 0
    while total < size:
        lines.extend(paragraphs)
        total += sum(len(p) + 1 for p in paragraphs)
    return "\n".join(lines) + "\n"


def test_a_folder_with_every_bad_file_completes_and_names_each(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("kg_uz_talks.txt", "zakon_page.html", "agencies.jsonl", "english_only.txt"):
        shutil.copyfile(ARTICLES / name, corpus / name)
    shutil.copyfile(ARTICLES / "kg_uz_talks.txt", corpus / "kg_uz_talks_copy.txt")
    (corpus / "cp1251.txt").write_bytes((ARTICLES / "vlast_contract.txt").read_bytes().decode().encode("cp1251"))
    (corpus / "large.txt").write_text(large_article(2_000_000), encoding="utf-8")
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "blank.txt").write_text(" \n\n", encoding="utf-8")
    (corpus / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    (corpus / "report.docx").write_bytes(b"PK\x03\x04")
    (corpus / "bad name;rm.txt").write_text("Учения\nТекст.", encoding="utf-8")
    done = cli("extract", "--corpus", corpus, "--out", tmp_path / "out")
    assert done.returncode == 0, done.stderr[-3000:]
    named = sorted(line.split(":")[0] for line in done.stderr.splitlines() if line.startswith(("skipped", "warning")))
    assert named == sorted(
        [
            f"skipped {corpus / n}"
            for n in (
                "agencies.jsonl",
                "agencies.jsonl",
                "blank.txt",
                "empty.txt",
                "image.txt",
                "report.docx",
            )
        ]
        # warnings: english_only has no Cyrillic; the shuffled large article reads as a digest of
        # other news over more than a third of its text
        + [f"skipped {corpus / 'kg_uz_talks_copy.txt'}", "warning", "warning"]
    )
    assert "large.txt: digest of other news is" in done.stderr
    results = load_results(tmp_path / "out")
    assert results.ids == [
        "kaztag_0001",
        "agencies_00002",
        "bad_id_.._x_56dd283f",
        "bad_name_rm_46023bd6",
        "cp1251",
        "english_only",
        "kg_uz_talks",
        "large",
        "zakon_page",
    ]
    assert len(results.skipped) == 7
    for article_id in results.ids:
        facts = results.facts(article_id)
        assert facts["article_id"] == article_id
    inputs = json.loads((tmp_path / "out" / "data" / "extraction.json").read_text(encoding="utf-8"))["inputs"]
    assert inputs["agencies.jsonl"] == hashlib.sha256((corpus / "agencies.jsonl").read_bytes()).hexdigest()
    assert list(results.articles.set_index("article_id").loc[["kaztag_0001", "agencies_00002"], "line"]) == [1, 2]
    large = results.articles.set_index("article_id").loc["large"]
    assert large["chars"] > 2_000_000 and large["mentions"] > 10_000
