"""Extraction on larger corpora: 1 against 2 worker processes, and peak memory on 10 against
2,000 articles.

    .venv/bin/python benchmarks/scale.py [ARTICLES_FOR_SPEED] [ARTICLES_FOR_MEMORY]

The corpora are built from the seeds' and test articles' paragraphs, shuffled into new
articles of 5-25 paragraphs (see extract_speed.py), written as files. Each extraction is a
fresh `python -m analysis extract` process; peak memory is the largest resident set of it and
its workers.
"""

import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from extract_speed import articles  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def corpus(folder: Path, count: int) -> Path:
    folder.mkdir()
    for number, text in enumerate(articles(count)):
        (folder / f"a{number:05d}.txt").write_text(f"Статья {number}\n{text}\n", encoding="utf-8")
    return folder


def extract(folder: Path, out: Path, jobs: int) -> tuple[float, float]:
    """Seconds and peak MB of one extraction process (and its workers)."""
    code = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True, capture_output=True); "
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", code, sys.executable, "-m", "analysis", "extract", "--corpus",
                           str(folder), "--out", str(out), "--jobs", str(jobs)],
                          cwd=ROOT, check=True, capture_output=True, text=True)
    return time.perf_counter() - start, int(done.stdout.split()[-1]) / 1024


PHASE = """
import sys, time
from analysis.corpus import load_corpus
from analysis.extract import extracted
articles = load_corpus(sys.argv[1]).articles
start = time.perf_counter()
done = sum(1 for _ in extracted(articles, int(sys.argv[2])))
print(time.perf_counter() - start)
"""


def phase(folder: Path, jobs: int) -> float:
    """Seconds of the extraction itself (models loaded, articles analysed), in a fresh process."""
    done = subprocess.run([sys.executable, "-c", PHASE, str(folder), str(jobs)], cwd=ROOT, check=True,
                          capture_output=True, text=True)
    return float(done.stdout.split()[-1])


def main() -> None:
    speed_count = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    memory_count = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        folder = corpus(tmp / "speed", speed_count)
        one, _ = extract(folder, tmp / "one", 1)
        two, _ = extract(folder, tmp / "two", 2)
        one_phase, two_phase = phase(folder, 1), phase(folder, 2)
        print(f"{speed_count} articles, extraction (models and analysis): 1 process {one_phase:.1f} s "
              f"({speed_count / one_phase:.1f}/s), 2 processes {two_phase:.1f} s ({speed_count / two_phase:.1f}/s): "
              f"speed-up {one_phase / two_phase:.2f}x (target 1.8x)")
        print(f"{speed_count} articles, whole command (with start-up, writing, network figures): 1 process "
              f"{one:.1f} s, 2 processes {two:.1f} s: speed-up {one / two:.2f}x")
        small, large = corpus(tmp / "small", 10), corpus(tmp / "large", memory_count)
        _, small_peak = extract(small, tmp / "small_out", 1)
        seconds, large_peak = extract(large, tmp / "large_out", 1)
        print(f"peak memory, one process: {small_peak:.0f} MB on 10 articles, {large_peak:.0f} MB on {memory_count} "
              f"({large_peak / small_peak:.2f}x; target 1.3x; {seconds:.0f} s)")


if __name__ == "__main__":
    main()
