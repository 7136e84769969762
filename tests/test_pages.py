"""The rendered pages as a reader meets them: self-contained, linked to each other, quiet, with
citation entries and PDFs; the notebooks behind them open in JupyterLab unchanged."""

import json
import re
import subprocess
import sys
import zlib
from pathlib import Path

import jupytext
import nbformat
import pytest

from analysis.batch.extract import ensure_results
from analysis.report.render import Citation, bibtex, csl_json, highlighted_text
from conftest import ROOT, TWO


def cli(*args):
    return subprocess.run(
        [sys.executable, "-m", "analysis", *map(str, args)], capture_output=True, text=True, timeout=600
    )


NAMES = ["corpus_overview", "actor_network", "timeline", "facts_table", *(f"fact_sheet_{aid}" for aid in TWO)]


def test_rendered_notebooks_hold_no_warning_and_no_stderr(rendered):
    done, out = rendered
    assert done.returncode == 0, done.stderr[-3000:]
    dossiers = sorted(p.stem for p in (out / "notebooks").glob("actor_dossier_*.ipynb"))
    assert len(dossiers) == 5  # of the five most mentioned actors, by default
    for name in [*NAMES, *dossiers]:
        nb = nbformat.read(out / "notebooks" / f"{name}.ipynb", as_version=4)
        outputs = [o for cell in nb.cells for o in cell.get("outputs", [])]
        assert [o for o in outputs if o.get("name") == "stderr" or o["output_type"] == "error"] == [], name
        assert not any(re.search(r"Warning\b", o.get("text", "")) for o in outputs), name


def test_the_terminal_shows_progress_and_no_kernel_log(rendered):
    done, _ = rendered
    assert "notebooks: 100%" in done.stderr and "pdf: 100%" in done.stderr
    for noise in ("[IPKernelApp]", "KeyboardInterrupt", "Traceback"):
        assert noise not in done.stderr + done.stdout


def test_pages_load_nothing_from_elsewhere_and_link_to_each_other(rendered):
    _, out = rendered
    for name in NAMES:
        page = (out / "html" / f"{name}.html").read_text(encoding="utf-8")
        assert not re.search(r'<(script|link|img)[^>]+(src|href)="(https?:)?//', page), name
        assert "cdnjs" not in page and "require.js" not in page and "MathJax" not in page, name
        nav = re.search(r'<nav class="pages">(.*?)</nav>', page)[1]
        links = re.findall(r'href="([^"#]+)(?:#[^"]*)?"', nav)
        assert links == [
            "../index.html",
            "corpus_overview.html",
            "actor_network.html",
            "timeline.html",
            "facts_table.html",
            "../index.html",
            "../index.html",
        ], name
        assert all((out / "html" / link).is_file() for link in links)
        assert re.search(rf'<a href="{name}\.bib">BibTeX</a> <a href="{name}\.csl\.json">CSL-JSON</a>', page), name


def test_index_lists_each_article_with_date_outlet_and_id(rendered):
    _, out = rendered
    index = (out / "index.html").read_text(encoding="utf-8")
    assert '<h2 id="fact-sheets">Fact sheets</h2>' in index
    rows = re.findall(r'<tr class="ok">(.*?)</tr>', index)
    sheets = [re.findall(r"<td>(.*?)</td>", row) for row in rows if "fact_sheet_" in row]
    assert [cells[1:4] for cells in sheets] == [
        ["not stated", "Tengrinews.kz", f"<code>{TWO[0]}</code>"],
        ["--07-10", "Казинформ", f"<code>{TWO[1]}</code>"],  # a day and month, no year
    ]
    assert sheets[0][0] == (
        f'<a href="html/fact_sheet_{TWO[0]}.html">Казахстан и Россия подписали договор о военном сотрудничестве</a>'
    )


def test_each_page_has_its_bibtex_and_csl_json_entry(rendered):
    _, out = rendered
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    listed = {o["path"] for o in manifest["outputs"]}
    for name in NAMES:
        assert {f"html/{name}.bib", f"html/{name}.csl.json", f"pdf/{name}.pdf"} <= listed
    (entry,) = json.loads((out / "html" / f"fact_sheet_{TWO[0]}.csl.json").read_text(encoding="utf-8"))
    assert entry["title"] == "Fact sheet: Казахстан и Россия подписали договор о военном сотрудничестве"
    assert (entry["type"], entry["version"], entry["URL"]) == ("webpage", "0.1.0", f"html/fact_sheet_{TWO[0]}.html")
    assert f"Inputs: {TWO[0]}.txt, sha256 " in entry["note"]
    bib = (out / "html" / "corpus_overview.bib").read_text(encoding="utf-8")
    assert bib.startswith("@misc{corpus_overview,\n  title = {Corpus overview: 2 articles},\n")
    assert "  url = {html/corpus_overview.html}\n}\n" in bib


def test_bibtex_escapes_tex_and_csl_json_keeps_the_text():
    entry = Citation("k", "50% & $5 {x}_y", "fact sheet", "a.txt", "2014-12-29", "0.1.0", "", "html/k.html")
    assert bibtex(entry) == (
        "@misc{k,\n"
        "  title = {50\\% \\& \\$5 \\{x\\}\\_y},\n"
        "  author = {{The kz-defence-news project team}},\n"
        "  howpublished = {Rendered page html/k.html},\n"
        "  year = {2014},\n"
        "  date = {2014-12-29},\n"
        "  version = {0.1.0},\n"
        "  note = {Fact sheet. Inputs: a.txt. Made by the analysis package 0.1.0.},\n"
        "  url = {html/k.html}\n"
        "}\n"
    )
    (item,) = json.loads(csl_json(entry))
    assert item["title"] == "50% & $5 {x}_y" and item["issued"] == {"date-parts": [[2014, 12, 29]]}


def _pdf_text(path: Path) -> bytes:
    """A PDF's bytes with its compressed streams inflated, to look for the fonts it embeds."""
    data = path.read_bytes()
    parts = [data]
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", data, re.S):
        try:
            parts.append(zlib.decompress(stream))
        except zlib.error:
            continue  # a stream that is not deflated
    return b"".join(parts)


def test_pdf_of_every_page_embeds_a_cyrillic_font(rendered):
    _, out = rendered
    for name in NAMES:
        pdf = out / "pdf" / f"{name}.pdf"
        assert pdf.read_bytes().startswith(b"%PDF-"), name
        assert b"+DejaVu-Sans" in _pdf_text(pdf), name  # a subset of it, embedded


def test_marked_text_labels_furniture_and_digest_lines_and_names_actors():
    text = "Опубликовано: 70\nИван Петров приехал в Астану. Он доволен.\nНапомним, Путин был в Минске."
    html = highlighted_text(
        text,
        [(17, 28, "PER", "person:иван_петров"), (39, 45, "LOC", "place:астана"), (81, 87, "LOC", "place:минск")],
        removed=[(0, 16, "view count"), (59, 88, "digest")],
        names={"person:иван_петров": "Иван Петров (person)"},
    )
    paragraphs = re.findall(r"<p[^>]*>.*?</p>", html)[1:]  # the first is the legend
    assert paragraphs == [
        '<p class="furniture"><span class="why">[page furniture: view count]</span>'
        '<span class="sentence" id="t0">Опубликовано: 70</span></p>',
        '<p><span class="sentence" id="t17"><mark style="background:#cfe2ff" title="Иван Петров (person)">'
        'Иван Петров</mark> приехал в <mark style="background:#d4edda" title="астана (place)">Астану</mark>.</span> '
        '<span class="sentence" id="t47">Он доволен.</span></p>',
        '<p class="digest"><span class="why">[digest of other news]</span><span class="sentence" id="t59">'
        'Напомним, Путин был в <mark style="background:#d4edda" title="минск (place)">Минске</mark>.</span></p>',
    ]


@pytest.mark.parametrize("path", sorted((ROOT / "notebooks").glob("*.ipynb")), ids=lambda p: p.stem)
def test_notebooks_round_trip_byte_identical_through_nbformat_and_jupytext(path):
    """JupyterLab writes notebooks with nbformat, jupytext its paired script: a notebook opened
    and saved unchanged is the committed file, byte for byte."""
    committed = path.read_text(encoding="utf-8")
    assert nbformat.writes(nbformat.reads(committed, as_version=4)) + "\n" == committed
    assert set(json.loads(committed)["metadata"]) >= {"jupytext", "kernelspec"}
    script = path.with_suffix(".py").read_text(encoding="utf-8")
    assert jupytext.writes(jupytext.reads(committed, fmt="ipynb"), fmt="py:percent") == script


def test_a_notebook_run_before_any_results_says_it_extracts_first_and_shows_progress(tmp_path, capsys):
    corpus, out = tmp_path / "corpus", tmp_path / "out"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Погода в столице\nВ Астане ожидается солнечная погода.\n", encoding="utf-8")
    ensure_results(out, corpus)
    shown = capsys.readouterr()
    assert shown.out == (
        f"No stored results in {out / 'data'} yet: extracting {corpus} first, once (the language models take "
        "about 15 s to load, then a bar shows the articles).\n"
    )
    assert "extract: 100%" in shown.err
    ensure_results(out, corpus)  # the results are there now: nothing to say
    assert capsys.readouterr() == ("", "")


def test_pdfs_are_kept_while_their_pages_are_current_and_removed_with_them(corpus, tmp_path):
    out = tmp_path / "out"

    def pdfs():
        manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
        listed = {o["path"] for o in manifest["outputs"] if o["path"].startswith("pdf/")}
        assert listed == {f"pdf/{p.name}" for p in (out / "pdf").glob("*.pdf")}  # listed: those on disk
        return sorted(listed)

    assert cli("run", "--corpus", corpus, "--out", out, "--pdf", "--dossiers", "0").returncode == 0
    assert pdfs() == sorted(f"pdf/{name}.pdf" for name in NAMES)
    assert cli("run", "--corpus", corpus, "--out", out, "--dossiers", "0").returncode == 0  # nothing changed: all kept
    assert pdfs() == sorted(f"pdf/{name}.pdf" for name in NAMES)
    with open(corpus / f"{TWO[0]}.txt", "a", encoding="utf-8") as f:
        f.write("\nМинистр обороны Казахстана посетил Минск.\n")
    assert cli("run", "--corpus", corpus, "--out", out, "--dossiers", "0").returncode == 0  # redone without --pdf
    assert pdfs() == [f"pdf/fact_sheet_{TWO[1]}.pdf"]
