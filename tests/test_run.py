"""The command line: `python -m analysis run` and `extract` on a tiny corpus."""

import hashlib
import json
import re
import subprocess
import sys

import pytest

from conftest import TWO


def cli(*args, timeout=600):
    return subprocess.run([sys.executable, "-m", "analysis", *map(str, args)], capture_output=True, text=True,
                          timeout=timeout)


@pytest.fixture(scope="module")
def batch(two_corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("run_out")
    done = cli("run", "--corpus", two_corpus, "--out", out, "--jobs", 2)
    return done, out


def test_run_renders_every_notebook_and_links_it(batch):
    done, out = batch
    assert done.returncode == 0, done.stderr[-3000:]
    names = ["corpus_overview", "actor_network", *(f"fact_sheet_{aid}" for aid in TWO)]
    index = (out / "index.html").read_text(encoding="utf-8")
    assert re.findall(r'href="(html/[^"]+)"', index) == [f"html/{name}.html" for name in names]
    for name in names:
        assert (out / "html" / f"{name}.html").stat().st_size > 10_000
        assert (out / "notebooks" / f"{name}.ipynb").is_file()
    assert "Казахстан и Россия подписали договор о военном сотрудничестве" in index
    assert "4 of 4 notebooks ok" in done.stdout


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
    for path, sha in outputs.items():
        assert hashlib.sha256((out / path).read_bytes()).hexdigest() == sha
    assert manifest["versions"]["natasha"] == "1.6.0"
    assert [n["status"] for n in manifest["notebooks"]] == ["ok"] * 4


def test_extract_alone_writes_data_but_no_notebooks(two_corpus, tmp_path):
    done = cli("extract", "--corpus", two_corpus, "--out", tmp_path)
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.strip().endswith(f"-> {tmp_path / 'data'}")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "network"]


def test_missing_corpus_is_one_line_not_a_traceback(tmp_path):
    done = cli("extract", "--corpus", tmp_path / "nowhere", "--out", tmp_path / "out")
    assert done.returncode == 2
    assert done.stderr == f"error: corpus folder not found: {tmp_path / 'nowhere'} (pass an existing folder of .txt articles)\n"


def test_skipped_files_are_named_and_the_rest_complete(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "ok.txt").write_text("Учения ОДКБ\nМинистр обороны Бакыт Калыков посетил учения ОДКБ.", encoding="utf-8")
    (corpus / "empty.txt").write_text("", encoding="utf-8")
    done = cli("extract", "--corpus", corpus, "--out", tmp_path / "out")
    assert done.returncode == 0
    assert f"skipped {corpus / 'empty.txt'}: empty file; skipped" in done.stderr
    assert "1 articles" in done.stdout
