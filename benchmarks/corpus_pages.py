"""Time of each corpus page's notebook on a corpus of many articles (the timeline, the facts
table and an actor dossier beside the corpus overview and the actor network).

    .venv/bin/python benchmarks/corpus_pages.py [ARTICLES] [RUNS]

The corpus is built as for scale.py (the seeds' and test articles' paragraphs shuffled into new
articles, with paragraphs naming invented people); it is extracted first (not timed), then each
notebook runs RUNS times through papermill's Python API on this interpreter's kernel, as the
batch runs them, and the median is printed.
"""

import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scale import corpus  # noqa: E402

from analysis import extract_corpus  # noqa: E402
from analysis.batch.run import NOTEBOOKS_DIR  # noqa: E402
from notebooks import timed  # noqa: E402

PAGES = ("corpus_overview", "actor_network", "timeline", "facts_table", "actor_dossier")


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 2
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        folder = corpus(tmp / "corpus", count)
        report = extract_corpus(folder, tmp / "out", progress=False)
        quotes = (tmp / "out" / "data" / "quotes.csv").read_text(encoding="utf-8").count("\n") - 1
        print(f"{report.articles} articles, {report.actors} actors, {quotes} quotes")
        parameters = {"corpus_dir": str(folder), "out_dir": str(tmp / "out")}
        for name in PAGES:
            times = [timed(NOTEBOOKS_DIR / f"{name}.ipynb", tmp / f"{name}.ipynb", parameters) for _ in range(runs)]
            size = (tmp / f"{name}.ipynb").stat().st_size
            print(f"{name}: {statistics.median(times):.1f} s (median of {runs}), executed notebook {size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
