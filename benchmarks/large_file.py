"""Time and peak memory of extracting one very large article, against one ordinary article.

    .venv/bin/python benchmarks/large_file.py [MEGABYTES]

Each extraction runs in its own process so that peak memory (ru_maxrss) is its own. The
large article is built from the test articles' paragraphs, shuffled and repeated.
"""

import random
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHILD = """
import resource, sys, time
from analysis import extract_corpus
start = time.perf_counter()
report = extract_corpus(sys.argv[1], sys.argv[2], progress=False)
print(time.perf_counter() - start, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, report.mentions)
"""


def large_text(size: int) -> str:
    paragraphs = [
        line
        for path in sorted((ROOT / "tests" / "articles").glob("*.txt"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if len(line) > 60
    ]
    rng = random.Random(7)
    lines, total = ["Обзор новостей оборонного сотрудничества"], 0
    while total < size:
        rng.shuffle(paragraphs)
        lines.extend(paragraphs)
        total += sum(len(p) + 1 for p in paragraphs)
    return "\n".join(lines) + "\n"


def measure(text: str) -> tuple[float, float, int]:
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        (corpus / "article.txt").write_text(text, encoding="utf-8")
        done = subprocess.run(
            [sys.executable, "-c", CHILD, str(corpus), str(Path(tmp) / "out")],
            capture_output=True,
            text=True,
            check=True,
        )
        seconds, peak, mentions = done.stdout.split()
        return float(seconds), float(peak), int(mentions)


def main() -> None:
    megabytes = float(sys.argv[1]) if len(sys.argv) > 1 else 3.0
    small = (ROOT / "seeds" / "001_7d1e7618c1cc4230.txt").read_text(encoding="utf-8")
    big = large_text(int(megabytes * 1_000_000))
    print(f"{'article':<10} {'chars':>10} {'seconds':>8} {'peak MB':>8} {'mentions':>9}")
    for label, text in (("ordinary", small), ("large", big)):
        seconds, peak, mentions = measure(text)
        print(f"{label:<10} {len(text):>10} {seconds:>8.1f} {peak:>8.0f} {mentions:>9}")


if __name__ == "__main__":
    main()
