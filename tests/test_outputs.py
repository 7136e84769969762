"""Never lose or misreport a researcher's data (issue 15): the output folder is the package's
own, reruns trust an output only when its bytes match the manifest, one bad input never stops
the others, and a stopped run leaves nothing a later run takes as current. Each test reproduces
one case of the issue with the real command."""

import hashlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from analysis.errors import ParameterError
from analysis.params import project_dirs
from analysis.reading.formats import safe_id
from analysis.storage.folder import output_folder
from conftest import ARTICLES, ROOT, SEEDS, TWO

PAPERMILL = shutil.which("papermill", path=str(Path(sys.executable).parent))


def cli(*args, stop_at: str = "", tag: str = "", timeout=600):
    env = {**os.environ, "ANALYSIS_STOP_AT": stop_at, "ANALYSIS_TEST_TAG": tag}
    return subprocess.run(
        [sys.executable, "-m", "analysis", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=ROOT,
        env=env,
    )


def statuses(stdout: str) -> dict[str, str]:
    """The status column of the run's table, by notebook."""
    return dict(re.findall(r"^(\S+)\s+(ok|failed|unchanged)\s", stdout, re.MULTILINE))


def manifest(out: Path) -> dict:
    return json.loads((out / "manifest.json").read_text(encoding="utf-8"))


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def notebooks(tmp_path_factory):
    """Notebooks of the project's names that only print what they read (a kernel's start is all
    they cost): for tests of what a run keeps, redoes and removes, not of what pages show."""
    import nbformat

    folder = tmp_path_factory.mktemp("notebooks")
    code = {
        "corpus_overview": "print(open(f'{out_dir}/data/articles.csv', encoding='utf-8').read())",
        "actor_network": "print(open(f'{out_dir}/network/edges.csv', encoding='utf-8').read())",
        "fact_sheet": "print(open(f'{out_dir}/data/texts/{article_id}.txt', encoding='utf-8').read())",
    }
    for name, body in code.items():
        parameters = nbformat.v4.new_code_cell('corpus_dir = ""\nout_dir = ""\narticle_id = ""', id="parameters")
        parameters.metadata["tags"] = ["parameters"]
        notebook = nbformat.v4.new_notebook(cells=[parameters, nbformat.v4.new_code_cell(body, id="body")])
        notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
        nbformat.write(notebook, folder / f"{name}.ipynb")
    return folder


@pytest.fixture(scope="module")
def sheetless(two_corpus, notebooks, tmp_path_factory):
    """A run of the corpus notebooks alone over the two-article corpus (tests copy it)."""
    out = tmp_path_factory.mktemp("sheetless") / "out"
    done = cli("run", "--corpus", two_corpus, "--out", out, "--notebooks", notebooks, "--sheets", "none")
    assert done.returncode == 0, done.stderr[-3000:]
    return out


# 1. --out deletes what is not its own


def test_reruns_remove_only_their_own_outputs_and_sheets_choose_only_what_is_rendered(corpus, notebooks, tmp_path):
    out = tmp_path / "out"
    assert cli("run", "--corpus", corpus, "--out", out, "--notebooks", notebooks).returncode == 0
    notes = out / "data" / "texts" / "interview_notes.txt"
    notes.write_text("мои заметки", encoding="utf-8")
    mine = out / "notebooks" / "fact_sheet_my_analysis.ipynb"
    mine.write_text("{}", encoding="utf-8")
    kept = cli("run", "--corpus", corpus, "--out", out, "--notebooks", notebooks, "--sheets", "none")
    assert kept.returncode == 0, kept.stderr[-3000:]
    assert "4 of 4 notebooks ok (4 unchanged, kept)" in kept.stdout  # not chosen, still current: kept
    (corpus / f"{TWO[1]}.txt").unlink()
    fewer = cli("run", "--corpus", corpus, "--out", out, "--notebooks", notebooks, "--sheets", "none")
    assert fewer.returncode == 0, fewer.stderr[-3000:]
    assert statuses(fewer.stdout) == {
        "corpus_overview": "ok",
        "actor_network": "ok",
        f"fact_sheet_{TWO[0]}": "unchanged",
    }
    assert sorted(p.name for p in (out / "html").iterdir()) == sorted(
        f"{page}.{kind}"
        for page in ("actor_network", "corpus_overview", f"fact_sheet_{TWO[0]}")
        for kind in ("html", "bib", "csl.json")  # a page and its citation entries
    )
    assert sorted(p.name for p in (out / "data" / "texts").iterdir()) == [f"{TWO[0]}.txt", "interview_notes.txt"]
    assert notes.read_text(encoding="utf-8") == "мои заметки" and mine.read_text(encoding="utf-8") == "{}"
    listed = {o["path"] for o in manifest(out)["outputs"]}
    assert "data/texts/interview_notes.txt" not in listed and "notebooks/fact_sheet_my_analysis.ipynb" not in listed


def test_a_folder_that_is_no_output_is_refused_and_left_as_it_was(two_corpus, tmp_path):
    thesis = tmp_path / "thesis"
    thesis.mkdir()
    (thesis / "chapter1.txt").write_text("Глава 1", encoding="utf-8")
    done = cli("extract", "--corpus", two_corpus, "--out", thesis)
    assert (done.returncode, done.stderr) == (
        2,
        f"error: {thesis} is not empty and holds no outputs of this package: pass a new or empty folder (a run "
        "never writes into, or deletes from, a folder it did not create)\n",
    )
    file = thesis / "chapter1.txt"
    done = cli("run", "--corpus", two_corpus, "--out", file)
    assert (done.returncode, done.stderr) == (
        2,
        f"error: --out {file} is a file, not a folder: pass a new or empty folder\n",
    )
    assert snapshot(thesis) == {"chapter1.txt": "Глава 1".encode()}


def test_an_output_folder_of_an_earlier_version_is_used_but_its_old_listing_removes_nothing(tmp_path):
    output = tmp_path / "output"
    (output / "notebooks").mkdir(parents=True)
    mine = output / "notebooks" / "fact_sheet_my_analysis.ipynb"
    mine.write_text("{}", encoding="utf-8")
    listing = [{"path": "notebooks/fact_sheet_my_analysis.ipynb", "sha256": hashlib.sha256(b"{}").hexdigest()}]
    (output / "manifest.json").write_text(
        json.dumps({"package_version": "0.1.0", "notebooks": [], "outputs": listing}), encoding="utf-8"
    )
    empty = tmp_path / "empty"
    empty.mkdir()
    done = cli("run", "--corpus", empty, "--out", output)  # no article: every listed page would be stale
    assert (
        done.stderr.splitlines()[-1] == f"error: no article files in {empty}: put .txt, .html or .jsonl articles there"
    )
    assert mine.read_text(encoding="utf-8") == "{}"
    assert (output / ".analysis-output").is_file()
    assert manifest(output)["manifest_version"] == 2
    assert "notebooks/fact_sheet_my_analysis.ipynb" not in {o["path"] for o in manifest(output)["outputs"]}


def test_a_corpus_inside_the_output_folder_or_the_reverse_is_refused(two_corpus, corpus, tmp_path):
    out = tmp_path / "out"
    assert cli("extract", "--corpus", two_corpus, "--out", out).returncode == 0
    before = snapshot(out)
    texts = out / "data" / "texts"
    done = cli("extract", "--corpus", texts, "--out", out)
    assert (done.returncode, done.stderr) == (
        2,
        f"error: the corpus folder {texts} is inside the output folder {out}: pass folders apart\n",
    )
    done = cli("run", "--corpus", out, "--out", out)
    assert done.stderr == f"error: the corpus folder {out} is inside the output folder {out}: pass folders apart\n"
    assert snapshot(out) == before
    inner = corpus / "out"
    done = cli("run", "--corpus", corpus, "--out", inner)
    assert done.stderr == f"error: the output folder {inner} is inside the corpus folder {corpus}: pass folders apart\n"
    assert not inner.exists()


# 2. A killed or failed run leaves stale outputs that reruns bless


def test_a_run_killed_before_its_network_is_written_is_never_taken_as_current(corpus, notebooks, tmp_path):
    out, fresh = tmp_path / "out", tmp_path / "fresh"
    assert cli("extract", "--corpus", corpus, "--out", out).returncode == 0
    (corpus / f"{TWO[1]}.txt").unlink()
    killed = cli("extract", "--corpus", corpus, "--out", out, stop_at="network")
    assert killed.returncode == -signal.SIGKILL
    record = json.loads((out / "data" / "extraction.json").read_text(encoding="utf-8"))
    assert "key" not in record and record["incomplete"]  # nothing vouches for a half-done extraction
    again = cli("run", "--corpus", corpus, "--out", out, "--notebooks", notebooks, "--sheets", "none")
    assert again.returncode == 0, again.stderr[-3000:]
    for sub, suffix in (("texts", "txt"), ("facts", "json")):  # the left article's files: listed, removed
        assert sorted(p.name for p in (out / "data" / sub).iterdir()) == [f"{TWO[0]}.{suffix}"]
    assert cli("extract", "--corpus", corpus, "--out", fresh).returncode == 0
    network = sorted(p.name for p in (fresh / "network").iterdir())
    assert len(network) == 14
    for name in network:
        assert (out / "network" / name).read_bytes() == (fresh / "network" / name).read_bytes(), name


def test_a_sheet_rendered_by_a_killed_run_is_redone_when_its_article_is_reverted(corpus, notebooks, tmp_path):
    out, article = tmp_path / "out", corpus / f"{TWO[0]}.txt"
    sheet, run = f"fact_sheet_{TWO[0]}", ("run", "--corpus", corpus, "--out", out, "--notebooks", notebooks)
    assert cli(*run, "--sheets", TWO[0]).returncode == 0
    original = article.read_bytes()
    article.write_bytes(original + "\nМинистр обороны Казахстана посетил Минск.\n".encode())
    killed = cli(*run, "--sheets", TWO[0], stop_at=f"rendered {sheet}")
    assert killed.returncode == -signal.SIGKILL
    assert "посетил" in (out / "html" / f"{sheet}.html").read_text(encoding="utf-8")
    article.write_bytes(original)
    again = cli(*run, "--sheets", TWO[0])
    assert again.returncode == 0, again.stderr[-3000:]
    assert statuses(again.stdout)[sheet] == "ok"
    assert (
        f"warning: html/{sheet}.html was changed; notebooks/{sheet}.ipynb was changed; html/{sheet}.bib was "
        f"changed; html/{sheet}.csl.json was changed since the last run: rendered again"
    ) in again.stderr.splitlines()
    assert "посетил" not in (out / "html" / f"{sheet}.html").read_text(encoding="utf-8")


# 3. One bad file stops everything; 7. inputs


def test_each_hostile_input_is_skipped_alone_with_one_line(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copyfile(SEEDS / f"{TWO[0]}.txt", corpus / f"{TWO[0]}.txt")
    long_name = "статья_о_военном_сотрудничестве_казахстана_и_беларуси_" * 2 + "минск.txt"
    shutil.copyfile(ARTICLES / "kg_uz_talks.txt", corpus / long_name)
    vlast = (ARTICLES / "vlast_contract.txt").read_text(encoding="utf-8")
    records = [
        '{"title": "Учения", "text": "Учения ОДКБ \\ud800 прошли в Казахстане."}',
        "[" * 100_000 + "]" * 100_000,
        json.dumps({"id": "abc\n", "text": vlast}, ensure_ascii=False),
    ]
    (corpus / "feed.jsonl").write_text("\n".join(records) + "\n", encoding="utf-8")
    os.mkfifo(corpus / "pipe.txt")
    (corpus / "zero.txt").symlink_to("/dev/zero")
    (corpus / "passwd.txt").symlink_to("/etc/passwd")
    (corpus / "folder").mkdir()
    shutil.copyfile(ARTICLES / "tass_air_defence.txt", corpus / "folder" / "tass.txt")
    with open(corpus / "huge.txt", "wb") as f:
        f.truncate(65 << 20)  # sparse: larger than any article, costs no disk
    deep = (
        "<h1>Учения ОДКБ в Казахстане</h1>"
        + "<div>" * 100_000
        + "Военные учения прошли в Казахстане."
        + "</div>" * 100_000
    )
    (corpus / "deep.html").write_text(deep, encoding="utf-8")
    cut = (ARTICLES / "english_only.txt").read_text(encoding="utf-8").rstrip() + " Казахстан"
    (corpus / "cut.txt").write_bytes(cut.encode("utf-8")[:-1])
    (corpus / "\x1b[31mred.pdf").write_bytes(b"%PDF")
    (corpus / os.fsdecode(b"\xff.txt")).write_text("Учения", encoding="utf-8")
    long_id = safe_id(long_name.removesuffix(".txt"))
    done = cli("run", "--corpus", corpus, "--out", tmp_path / "out", "--sheets", long_id, timeout=900)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "\x1b" not in done.stderr
    skipped = [line for line in done.stderr.splitlines() if line.startswith("skipped")]
    assert skipped == [
        f"skipped {corpus}/\\x1b[31mred.pdf: not an article file (expected .txt, .html, .htm, .jsonl); skipped",
        f"skipped {corpus / 'feed.jsonl'}: feed.jsonl line 1: holds a lone surrogate escape (such as \\ud800), "
        "which is no text; skipped",
        f"skipped {corpus / 'feed.jsonl'}: feed.jsonl line 2: JSON nested too deep to read; skipped",
        f"skipped {corpus / 'folder'}: a folder: subfolders are not read; skipped (move its articles into the "
        "corpus folder)",
        f"skipped {corpus / 'huge.txt'}: larger than 64 MB, more than an article; skipped",
        f"skipped {corpus / 'passwd.txt'}: a link to a file outside the corpus folder; skipped",
        f"skipped {corpus / 'pipe.txt'}: not a regular file (a pipe, device or socket); skipped",
        f"skipped {corpus / 'zero.txt'}: a link to a file outside the corpus folder; skipped",
        f"skipped {corpus}/\\xff.txt: a file name that is not UTF-8: rename it; skipped",
    ]
    assert "warning: cut.txt: ends in the middle of a character (cut short?): its last 1 bytes are left out" in (
        done.stderr
    )
    out = tmp_path / "out"
    ids = [row.split(",")[0] for row in (out / "data" / "articles.csv").read_text(encoding="utf-8").splitlines()[1:]]
    assert ids == [TWO[0], "cut", "deep", "abc_edeaaff3", long_id]
    assert len((out / "data" / "skipped.csv").read_text(encoding="utf-8").splitlines()) == 1 + len(skipped)
    text = (out / "data" / "texts" / "cut.txt").read_text(encoding="utf-8")
    assert text.endswith("cooperation. Казахста")  # the whole characters before the cut
    assert "root:" not in "".join(p.read_text(encoding="utf-8") for p in (out / "data" / "texts").iterdir())
    page = (out / "html" / f"fact_sheet_{long_id}.html").read_text(encoding="utf-8")
    assert "Кыргызстан и Узбекистан обсудили военное сотрудничество" in page and "Бакыт Калыков" in page


def test_a_jsonl_line_too_long_for_an_article_is_skipped_alone_never_held_whole(tmp_path):
    from analysis.reading.corpus import count_articles, iter_corpus

    with open(tmp_path / "feed.jsonl", "w", encoding="utf-8") as f:
        f.write('{"text": "' + "a" * (64 << 20) + '"}\n')
        f.write(json.dumps({"id": "short", "text": "Учения ОДКБ прошли в Казахстане."}, ensure_ascii=False) + "\n")
    items = list(iter_corpus(tmp_path))
    assert [getattr(item, "reason", None) or item.id for item in items] == [
        "feed.jsonl line 1: longer than 64 M characters, more than an article; skipped",
        "short",
    ]
    assert count_articles(tmp_path) == 2


def test_ids_are_short_enough_for_the_file_system_in_any_script():
    assert safe_id("а" * 80) == "а" * 80  # 160 bytes: used as it is
    for name, kept in (("军" * 80, "军" * 50), ("а" * 115, "а" * 71), ("x" * 200, "x" * 71)):
        assert safe_id(name) == f"{kept}_{hashlib.sha256(name.encode()).hexdigest()[:8]}"


# 4. No lock


def test_a_second_run_into_a_busy_folder_is_refused_and_a_killed_runs_lock_is_not_left(two_corpus, tmp_path):
    out = tmp_path / "out"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time\nfrom analysis.storage.folder import output_folder\n"
            "with output_folder(sys.argv[1]):\n    print('holding', flush=True)\n    time.sleep(600)",
            str(out),
        ],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    try:
        assert holder.stdout.readline() == "holding\n"
        busy = cli("extract", "--corpus", two_corpus, "--out", out)
        assert (busy.returncode, busy.stderr) == (
            2,
            f"error: another run is writing into {out}: wait until it ends, or pass another --out\n",
        )
        assert sorted(p.name for p in out.iterdir()) == [".analysis-output"]
    finally:
        holder.kill()  # a killed run: the kernel drops its lock
        holder.wait()
    done = cli("extract", "--corpus", two_corpus, "--out", out)
    assert done.returncode == 0, done.stderr[-3000:]
    with output_folder(out, two_corpus), output_folder(out):  # a process holding it claims it again freely
        pass


# 5. Outputs are not checked against the manifest; 8. a moved folder is still current


def test_a_copied_output_folder_is_still_current(sheetless, notebooks, tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(sheetless, copy)
    corpus = manifest(sheetless)["parameters"]["corpus"]
    again = cli("run", "--corpus", corpus, "--out", copy, "--notebooks", notebooks, "--sheets", "none")
    assert again.returncode == 0, again.stderr[-3000:]
    assert "2 of 2 notebooks ok (2 unchanged, kept)" in again.stdout
    assert snapshot(copy).keys() == snapshot(sheetless).keys()


def test_missing_or_edited_outputs_are_redone_and_the_run_says_so(sheetless, notebooks, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(sheetless, out)
    before = snapshot(out)
    (out / "network" / "actors.graphml").unlink()
    (out / "data" / "texts" / f"{TWO[0]}.txt").unlink()
    with open(out / "data" / "mentions.csv", "a", encoding="utf-8") as f:
        f.write(f"{TWO[0]},0,5,Шойгу,PER,Шойгу,person:шойгу,0,0,body\n")
    (out / "html" / "corpus_overview.html").write_text("<p>edited</p>", encoding="utf-8")
    corpus = manifest(sheetless)["parameters"]["corpus"]
    again = cli("run", "--corpus", corpus, "--out", out, "--notebooks", notebooks, "--sheets", "none")
    assert again.returncode == 0, again.stderr[-3000:]
    assert [line for line in again.stderr.splitlines() if line.startswith("warning")] == [
        f"warning: data/mentions.csv was changed; data/texts/{TWO[0]}.txt is missing; network/actors.graphml is "
        "missing since the last run: extracted again",
        "warning: html/corpus_overview.html was changed since the last run: rendered again",
    ]
    assert statuses(again.stdout) == {"corpus_overview": "ok", "actor_network": "unchanged"}
    after = snapshot(out)
    for path in ("network/actors.graphml", f"data/texts/{TWO[0]}.txt", "data/mentions.csv"):
        assert after[path] == before[path], path
    for entry in manifest(out)["outputs"]:
        assert hashlib.sha256(after[entry["path"]]).hexdigest() == entry["sha256"], entry["path"]


# 6. Notebooks write where they should not


def test_notebooks_refuse_an_out_dir_without_results(tmp_path):
    with pytest.raises(ParameterError, match=r"^out_dir '/' holds no results: run `python -m analysis extract"):
        project_dirs(str(SEEDS), "/")
    nowhere = tmp_path / "nowhere"
    done = subprocess.run(
        [PAPERMILL, ROOT / "notebooks" / "fact_sheet.ipynb", tmp_path / "x.ipynb", "-p", "out_dir", nowhere],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
    )
    assert done.returncode != 0
    assert f"ParameterError: out_dir '{nowhere}' holds no results" in done.stderr
    assert not nowhere.exists()


# 8. Reproducibility: the same bytes whatever the hash seed

_DRAW = """
import sys
from pathlib import Path
import networkx as nx
from analysis.network.graph import network_figure, save_figure

graph = nx.Graph()
for i in range(700):  # more than twice the 300 drawn: the drawing takes a subgraph view
    graph.add_node(f"person:n{i:03d}", label=f"Имя {i}", kind="person", country="", mentions=1 + i % 7,
                   articles=1, article_ids="a")
for i in range(700):
    for step in (1, 7, 49):
        graph.add_edge(f"person:n{i:03d}", f"person:n{(i + step) % 700:03d}", weight=1 + (i + step) % 3,
                       type="met" if step == 1 else "cooccurrence")
save_figure(network_figure(graph, title="Actor network"), Path(sys.argv[1]))
"""


def test_figures_of_a_large_network_are_the_same_whatever_the_hash_seed(tmp_path):
    for seed in ("1", "2"):
        done = subprocess.run(
            [sys.executable, "-c", _DRAW, str(tmp_path / seed)],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert done.returncode == 0, done.stderr[-3000:]
    for suffix in (".png", ".svg"):
        assert (tmp_path / f"1{suffix}").read_bytes() == (tmp_path / f"2{suffix}").read_bytes(), suffix


# 9. Signals and errors


def test_ctrl_c_stops_the_run_and_keeps_an_index_of_what_finished(corpus, notebooks, tmp_path):
    out = tmp_path / "out"
    done = cli(
        "run",
        "--corpus",
        corpus,
        "--out",
        out,
        "--notebooks",
        notebooks,
        "--jobs",
        1,
        stop_at="rendered corpus_overview:INT",
    )
    assert done.returncode == 130, done.stderr[-3000:]
    assert done.stderr.splitlines()[-1] == (
        f"error: interrupted: 1 of 4 notebooks finished; {out / 'index.html'} and manifest.json list them, "
        "and the next run does the rest"
    )
    assert [n["name"] for n in manifest(out)["notebooks"]] == ["corpus_overview"]
    assert sorted(p.name for p in (out / "html").iterdir()) == [
        "corpus_overview.bib",
        "corpus_overview.csl.json",
        "corpus_overview.html",
    ]
    assert re.findall(r'<td><a href="(html/[^"]+)"', (out / "index.html").read_text(encoding="utf-8")) == [
        "html/corpus_overview.html"
    ]
    assert [p.name for p in out.rglob(".*")] == [".analysis-output"]  # no temporary file left


def tagged(tag: str) -> list[int]:
    """Live processes (not zombies) whose environment carries ``ANALYSIS_TEST_TAG=tag``."""
    found = []
    for proc in Path("/proc").iterdir():
        try:
            if (
                proc.name.isdigit()
                and f"ANALYSIS_TEST_TAG={tag}\0".encode() in (proc / "environ").read_bytes()
                and (proc / "stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
            ):
                found.append(int(proc.name))
        except OSError:
            pass
    return found


def test_a_killed_runs_workers_and_kernels_end_with_it(corpus, notebooks, tmp_path):
    import nbformat

    slow_notebooks = tmp_path / "notebooks"
    shutil.copytree(notebooks, slow_notebooks)
    slow = nbformat.read(slow_notebooks / "actor_network.ipynb", as_version=4)
    slow.cells.append(nbformat.v4.new_code_cell("import time\ntime.sleep(600)", id="slow"))
    nbformat.write(slow, slow_notebooks / "actor_network.ipynb")
    tag = str(tmp_path)
    killed = cli(
        "run",
        "--corpus",
        corpus,
        "--out",
        tmp_path / "out",
        "--notebooks",
        slow_notebooks,
        "--jobs",
        2,
        stop_at="rendered corpus_overview",
        tag=tag,
    )
    assert killed.returncode == -signal.SIGKILL
    deadline = time.monotonic() + 60  # the kernels look for their parent once a second
    while (alive := tagged(tag)) and time.monotonic() < deadline:
        time.sleep(0.5)
    assert alive == []  # the worker running actor_network (asleep for 600 s) is gone


def test_environment_errors_and_an_empty_corpus_are_one_line(two_corpus, tmp_path, monkeypatch, capsys):
    import errno
    import tempfile

    from analysis.__main__ import main

    empty = tmp_path / "empty"
    empty.mkdir()
    done = cli("run", "--corpus", empty, "--out", tmp_path / "empty_out")
    assert done.returncode == 2
    assert (
        done.stderr.splitlines()[-1] == f"error: no article files in {empty}: put .txt, .html or .jsonl articles there"
    )
    assert not (tmp_path / "empty_out" / "html").exists()
    done = cli("extract", "--corpus", empty, "--out", tmp_path / "empty_out")
    assert (done.returncode, done.stderr.splitlines()[-1]) == (
        2,
        f"error: no article of {empty} was found (.txt, .html, .jsonl)",
    )

    def full_disk(*args, dir=None, **kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(dir))

    monkeypatch.setattr(tempfile, "mkstemp", full_disk)
    out = tmp_path / "out"
    assert main(["extract", "--corpus", str(two_corpus), "--out", str(out), "--jobs", "1"]) == 2
    assert capsys.readouterr().err == f"error: cannot use {out / 'data'}: No space left on device\n"
