"""A full batch run against a rerun with nothing changed, on the same corpus.

    .venv/bin/python benchmarks/rerun.py [CORPUS]

Each run is a fresh `python -m analysis run` process into the same temporary output folder:
the first does everything (models, extraction, notebooks), the second finds every input,
notebook and the code unchanged and keeps what it made.
"""

import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def timed_run(corpus: Path, out: Path) -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "analysis", "run", "--corpus", str(corpus), "--out", str(out)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - start


def main() -> None:
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "seeds"
    with tempfile.TemporaryDirectory() as tmp:
        full = timed_run(corpus, Path(tmp) / "out")
        rerun = timed_run(corpus, Path(tmp) / "out")
    print(f"full run:               {full:6.2f} s")
    print(f"rerun, nothing changed: {rerun:6.2f} s  ({100 * rerun / full:.1f} % of the full run; target < 5 %)")


if __name__ == "__main__":
    main()
