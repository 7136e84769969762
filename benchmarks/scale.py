"""Extraction on larger corpora: the throughput of 1 against 2 worker processes, and peak
memory on 10 against 2,000 articles.

    OPENBLAS_NUM_THREADS=1 .venv/bin/python benchmarks/scale.py [ARTICLES_FOR_SPEED] [ARTICLES_FOR_MEMORY]

The corpora are built from the seeds' and test articles' paragraphs, shuffled into new
articles of 5-25 paragraphs, with paragraphs naming invented people, companies and places among
them (see extract_speed.py).

Throughput: this process loads the models once; then, in each of five rounds, a forked child
extracts the whole corpus in one process (``extracted(articles, 1)``) and another forked child
extracts it with two workers (``extracted(articles, 2)``), both starting from the same state.
Alternating the two round by round keeps a machine that speeds up or slows down during the
run from favouring either; the figures are the totals over all rounds. The whole
``python -m analysis extract`` command (start-up, model loading, writing, network figures) is
timed once each way as well.

Memory: each extraction is a fresh ``python -m analysis extract`` process; its peak is the
largest resident set of it and its workers.
"""

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from extract_speed import articles  # noqa: E402

from analysis.batch.extract import extracted  # noqa: E402
from analysis.language.nlp import pipeline  # noqa: E402
from analysis.reading.corpus import load_corpus  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
ROUNDS = 5


def corpus(folder: Path, count: int) -> Path:
    folder.mkdir()
    for number, text in enumerate(articles(count)):
        (folder / f"a{number:05d}.txt").write_text(f"Статья {number}\n{text}\n", encoding="utf-8")
    return folder


def extract(folder: Path, out: Path, jobs: int) -> tuple[float, float]:
    """Seconds and peak MB of one extraction process (and its workers)."""
    code = (
        "import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True, capture_output=True); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    start = time.perf_counter()
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            code,
            sys.executable,
            "-m",
            "analysis",
            "extract",
            "--corpus",
            str(folder),
            "--out",
            str(out),
            "--jobs",
            str(jobs),
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )
    return time.perf_counter() - start, int(done.stdout.split()[-1]) / 1024


def forked(items, jobs: int) -> float:
    """Seconds a forked child of this (warm) process takes to extract ``items`` with ``jobs``."""
    start = time.perf_counter()
    child = os.fork()
    if child == 0:
        failed = sum(1 for result in extracted(items, jobs) if result.error)
        os._exit(1 if failed else 0)
    _, status = os.waitpid(child, 0)
    if os.waitstatus_to_exitcode(status):
        raise SystemExit("an article failed to extract")
    return time.perf_counter() - start


def throughput(folder: Path) -> tuple[float, float, list[float]]:
    """Total seconds for 1 and for 2 processes over all rounds, and each round's speed-up."""
    items = load_corpus(folder).articles
    pipeline()
    one = two = 0.0
    ratios = []
    for _ in range(ROUNDS):
        single, double = forked(items, 1), forked(items, 2)
        one, two = one + single, two + double
        ratios.append(single / double)
    return one, two, ratios


def main() -> None:
    speed_count = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    memory_count = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        folder = corpus(tmp / "speed", speed_count)
        one, two, ratios = throughput(folder)
        done = speed_count * ROUNDS
        print(
            f"{speed_count} articles, {ROUNDS} alternating rounds, models loaded: 1 process {one:.1f} s "
            f"({done / one:.1f} articles/s), 2 processes {two:.1f} s ({done / two:.1f} articles/s): "
            f"throughput {one / two:.2f}x (target 1.8x); rounds {min(ratios):.2f}x-{max(ratios):.2f}x, "
            f"median {statistics.median(ratios):.2f}x"
        )
        whole_one, _ = extract(folder, tmp / "one", 1)
        whole_two, _ = extract(folder, tmp / "two", 2)
        print(
            f"{speed_count} articles, whole command (start-up, models, writing, network figures): 1 process "
            f"{whole_one:.1f} s, 2 processes {whole_two:.1f} s: {whole_one / whole_two:.2f}x"
        )
        small, large = corpus(tmp / "small", 10), corpus(tmp / "large", memory_count)
        _, small_peak = extract(small, tmp / "small_out", 1)
        seconds, large_peak = extract(large, tmp / "large_out", 1)
        print(
            f"peak memory, one process: {small_peak:.0f} MB on 10 articles, {large_peak:.0f} MB on {memory_count} "
            f"({large_peak / small_peak:.2f}x; target 1.3x; {seconds:.0f} s)"
        )


if __name__ == "__main__":
    main()
