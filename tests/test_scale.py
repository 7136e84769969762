"""Extraction in worker processes and on a Dask cluster gives the same files as in one process."""

import shutil
import subprocess
import sys

import pytest

from conftest import ROOT, SEEDS


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """The seeds, each also under a second name with a line added: 45 articles, enough for workers."""
    folder = tmp_path_factory.mktemp("scale_corpus")
    for path in sorted(SEEDS.glob("*.txt")):
        shutil.copyfile(path, folder / path.name)
        for copy in range(8):
            text = path.read_text(encoding="utf-8") + f"\nСообщение {copy} о сотрудничестве.\n"
            (folder / f"{path.stem}_{copy}.txt").write_text(text, encoding="utf-8")
    return folder


def extract(corpus, out, *args):
    done = subprocess.run(
        [sys.executable, "-m", "analysis", "extract", "--corpus", str(corpus), "--out", str(out), *args],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return out


def same_files(a, b):
    files = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file())
    for path in files:
        assert (a / path).read_bytes() == (b / path).read_bytes(), path
    return len(files)


@pytest.fixture(scope="module")
def one_process(corpus, tmp_path_factory):
    return extract(corpus, tmp_path_factory.mktemp("one"), "--jobs", "1")


def test_two_worker_processes_give_the_same_files(corpus, one_process, tmp_path):
    assert same_files(one_process, extract(corpus, tmp_path / "two", "--jobs", "2")) > 100


def test_a_dask_cluster_of_two_workers_gives_the_same_files(corpus, one_process, tmp_path):
    assert same_files(one_process, extract(corpus, tmp_path / "dask", "--jobs", "2", "--scheduler", "dask")) > 100


def test_an_unknown_scheduler_is_one_clear_error(corpus, tmp_path):
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "analysis",
            "extract",
            "--corpus",
            str(corpus),
            "--out",
            str(tmp_path),
            "--scheduler",
            "spark",
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert (done.returncode, done.stderr) == (2, "error: --scheduler must be dask or tcp://HOST:PORT, got 'spark'\n")


def test_fact_sheets_for_large_corpora_only_when_asked():
    from analysis.batch.run import sheet_ids
    from analysis.errors import ParameterError

    few, many = [f"a{i}" for i in range(200)], [f"a{i}" for i in range(201)]
    assert sheet_ids(None, few) == (few, "")
    chosen, note = sheet_ids(None, many)
    assert chosen == [] and note.startswith(
        "201 articles: fact sheets are not rendered for more than 200 (pass --sheets all, or --sheets ID,ID for some)"
    )
    assert sheet_ids("all", many) == (many, "") and sheet_ids("none", few) == ([], "")
    assert sheet_ids("a3, a7", many) == (["a3", "a7"], "")
    with pytest.raises(ParameterError, match="--sheets names unknown article ids: b1"):
        sheet_ids("a1,b1", many)


def test_workers_take_articles_only_as_they_need_them_and_give_results_in_order():
    from analysis.batch.extract import extract_article, extracted
    from analysis.reading.corpus import parse_article

    cities = ["Астане", "Минске", "Бишкеке", "Москве", "Ташкенте", "Казани"]
    articles = [
        parse_article(
            f"n{n:03d}",
            f"Переговоры в {cities[n % 6]}\nМинистр обороны Казахстана Нурлан "
            f"Омаров встретился в {cities[n % 6]} с коллегой Петром Ивановым. Стороны обсудили "
            f"поставки техники на {1990 + n} год.\n",
        )
        for n in range(300)
    ]
    taken, leads = [0], []

    def reading():
        for article in articles:
            taken[0] += 1
            yield article

    results = []
    for result in extracted(reading(), jobs=2):
        leads.append(taken[0] - len(results))
        results.append(result)
    assert [r.article_id for r in results] == [a.id for a in articles]
    # never more than a bounded window read ahead of what has been written: 40 to decide how many
    # workers, then 4 tasks of 4 articles per worker
    assert max(leads) <= 80 and leads[-1] == 1
    assert results[::37] == [extract_article(a) for a in articles[::37]]
    assert results[5].facts_json.count("Нурлан Омаров") > 0


def test_a_scheduler_that_does_not_answer_is_one_clear_error(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copyfile(SEEDS / "001_7d1e7618c1cc4230.txt", corpus / "one.txt")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "analysis",
            "extract",
            "--corpus",
            str(corpus),
            "--out",
            str(tmp_path / "out"),
            "--scheduler",
            "tcp://127.0.0.1:9",
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    last = done.stderr.splitlines()[-1]  # after the progress bar
    assert done.returncode == 2
    assert last.startswith("error: no Dask scheduler answers at tcp://127.0.0.1:9 (")
    assert last.endswith("start one there with `dask scheduler`, or check the address and port")
    assert [p.name for p in (tmp_path / "out" / "data").iterdir()] == []  # no table, no temporary file
