"""Batch runs researchers can trust: incremental reruns, failures kept apart, crash recovery,
byte-identical results, provenance and citation."""

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time

import nbformat
import pandas as pd
import yaml

from analysis import extract_corpus
from analysis.batch.run import NOTEBOOKS_DIR
from analysis.report.dossier import page_name
from conftest import ROOT, SEEDS, TWO


def run(*args, timeout=600):
    return subprocess.run(
        [sys.executable, "-m", "analysis", "run", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=ROOT,
    )


def reused(out) -> dict[str, bool]:
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    return {n["name"]: n["reused"] for n in manifest["notebooks"]}


def test_reruns_redo_only_what_changed(corpus, tmp_path):
    out = tmp_path / "out"
    assert run("--corpus", corpus, "--out", out, "--dossiers", "1").returncode == 0
    page = out / "html" / f"fact_sheet_{TWO[1]}.html"
    written = page.stat().st_mtime_ns
    again = run("--corpus", corpus, "--out", out, "--dossiers", "1")
    assert again.returncode == 0 and "7 of 7 notebooks ok (7 unchanged, kept)" in again.stdout
    assert page.stat().st_mtime_ns == written
    with open(corpus / f"{TWO[0]}.txt", "a", encoding="utf-8") as f:
        f.write("\nМинистр обороны Казахстана посетил Минск.\n")
    changed = run("--corpus", corpus, "--out", out, "--dossiers", "1")
    assert changed.returncode == 0
    assert reused(out) == {
        "corpus_overview": False,
        "actor_network": False,
        "timeline": False,
        "facts_table": False,
        page_name("country:kz"): False,  # a dossier reads the whole corpus
        f"fact_sheet_{TWO[0]}": False,
        f"fact_sheet_{TWO[1]}": True,
    }
    assert page.stat().st_mtime_ns == written
    forced = run("--corpus", corpus, "--out", out, "--force", "--dossiers", "0")
    assert "(0 unchanged, kept)" in forced.stdout and not any(reused(out).values())


def test_a_failing_notebook_does_not_stop_the_others_and_is_marked(corpus, tmp_path):
    notebooks = tmp_path / "notebooks"
    shutil.copytree(NOTEBOOKS_DIR, notebooks)
    broken = nbformat.read(notebooks / "corpus_overview.ipynb", as_version=4)
    broken.cells.append(nbformat.v4.new_code_cell('raise ValueError("broken on purpose")', id="broken"))
    nbformat.write(broken, notebooks / "corpus_overview.ipynb")
    out = tmp_path / "out"
    done = run("--corpus", corpus, "--out", out, "--notebooks", notebooks, "--dossiers", "0")
    assert done.returncode == 1
    assert re.search(r"corpus_overview\s+failed\s+[\d.]+\s+ValueError: broken on purpose", done.stdout)
    assert "5 of 6 notebooks ok" in done.stdout
    index = (out / "index.html").read_text(encoding="utf-8")
    assert '<tr class="failed"><td><a href="html/corpus_overview.html">' in index
    assert index.count('<tr class="ok">') == 5
    executed = nbformat.read(out / "notebooks" / "corpus_overview.ipynb", as_version=4)
    assert any(o.get("ename") == "ValueError" for c in executed.cells for o in c.get("outputs", []))
    again = run("--corpus", corpus, "--out", out, "--notebooks", notebooks, "--dossiers", "0")
    assert reused(out) == {
        "corpus_overview": False,
        "actor_network": True,
        "timeline": True,
        "facts_table": True,
        f"fact_sheet_{TWO[0]}": True,
        f"fact_sheet_{TWO[1]}": True,
    }  # a failed notebook is never kept as current
    assert again.returncode == 1


def test_a_killed_run_leaves_no_half_written_file_and_the_next_run_completes(corpus, tmp_path):
    out = tmp_path / "out"
    process = subprocess.Popen(
        [sys.executable, "-m", "analysis", "run", "--corpus", str(corpus), "--out", str(out)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    deadline = time.monotonic() + 120
    while not (out / "notebooks").is_dir() and time.monotonic() < deadline:
        time.sleep(0.2)
    time.sleep(2)  # notebooks are running
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    for path in (out / "data").glob("*.csv"):
        pd.read_csv(path)  # complete tables: written whole or not at all
    done = run("--corpus", corpus, "--out", out)
    assert done.returncode == 0, done.stderr[-2000:]
    for name in ("corpus_overview", "actor_network", *(f"fact_sheet_{aid}" for aid in TWO)):
        assert (out / "html" / f"{name}.html").stat().st_size > 10_000
    assert not [p for p in out.rglob("*.tmp")]


def test_extraction_twice_gives_byte_identical_files(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for article_id in TWO:
        shutil.copyfile(SEEDS / f"{article_id}.txt", corpus / f"{article_id}.txt")
    for name in ("a", "b"):
        extract_corpus(corpus, tmp_path / name, progress=False)
    files = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*") if p.is_file())
    assert len(files) > 30
    for path in files:
        assert (tmp_path / "a" / path).read_bytes() == (tmp_path / "b" / path).read_bytes(), path


def test_manifest_says_what_each_page_was_made_from(corpus, tmp_path):
    out = tmp_path / "out"
    assert run("--corpus", corpus, "--out", out).returncode == 0
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    made_from = {o["path"]: o["made_from"] for o in manifest["outputs"]}
    assert made_from[f"html/fact_sheet_{TWO[1]}.html"] == [f"{TWO[1]}.txt"]
    assert made_from["html/corpus_overview.html"] == [f"{aid}.txt" for aid in TWO]
    assert len(manifest["code_sha256"]) == 64
    page = (out / "html" / f"fact_sheet_{TWO[1]}.html").read_text(encoding="utf-8")
    sha = next(i["sha256"] for i in manifest["inputs"] if i["file"] == f"{TWO[1]}.txt")
    assert re.search(
        rf"<footer[^>]*>Cite as: “[^”]+”, analysis package 0\.1\.0.*{sha}; inputs last changed "
        r"\d{4}-\d\d-\d\d\. Citation: <a [^>]+>BibTeX</a> <a [^>]+>CSL-JSON</a></footer>",
        page,
    )


def test_citation_file_is_valid():
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert citation["cff-version"] == "1.2.0"
    assert {"message", "title", "authors", "version"} <= set(citation)
    assert citation["version"] == __import__("analysis").__version__


def test_source_date_epoch_fixes_the_inputs_date(tmp_path, monkeypatch):
    from analysis.provenance import inputs_changed

    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    os.utime(tmp_path / "a.txt", (86_400 * 365, 86_400 * 365))
    assert inputs_changed(tmp_path, {"a.txt": ""}) == "1971-01-01"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    assert inputs_changed(tmp_path, {"a.txt": ""}) == "1970-01-01"
