"""Shared fixtures: the natasha models and the extractions are built once per session."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from analysis import extract_corpus, load_corpus, load_results

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
ARTICLES = Path(__file__).resolve().parent / "articles"  # articles written for the tests
TWO = ("001_7d1e7618c1cc4230", "002_739a7ddcb5cf33d2")


@pytest.fixture(scope="session")
def seed_corpus():
    return load_corpus(SEEDS)


@pytest.fixture(scope="session")
def seed_results(tmp_path_factory):
    out = tmp_path_factory.mktemp("seed_out")
    extract_corpus(SEEDS, out, progress=False)
    return load_results(out)


def _copy_two(folder: Path) -> Path:
    """``folder`` holding copies of the two seed articles ``TWO``, so that nothing writes into seeds/."""
    folder.mkdir(exist_ok=True)
    for article_id in TWO:
        shutil.copyfile(SEEDS / f"{article_id}.txt", folder / f"{article_id}.txt")
    return folder


@pytest.fixture(scope="session")
def two_corpus(tmp_path_factory) -> Path:
    """A corpus of two seed articles, shared by the tests that only read it."""
    return _copy_two(tmp_path_factory.mktemp("two_corpus"))


@pytest.fixture
def corpus(tmp_path) -> Path:
    """A corpus of two seed articles of the test's own, for tests that change it."""
    return _copy_two(tmp_path / "corpus")


@pytest.fixture(scope="session")
def two_results(two_corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("two_out")
    extract_corpus(two_corpus, out, progress=False)
    return load_results(out)


@pytest.fixture(scope="session")
def rendered(two_corpus, tmp_path_factory):
    """``python -m analysis run --pdf`` over the two-article corpus, once: (the finished process,
    the output folder). Tests only read it."""
    out = tmp_path_factory.mktemp("run_out")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "analysis",
            "run",
            "--corpus",
            str(two_corpus),
            "--out",
            str(out),
            "--jobs",
            "2",
            "--pdf",
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    return done, out
