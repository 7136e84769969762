"""papermill time of a fact sheet against an empty notebook, on stored results.

    .venv/bin/python benchmarks/notebooks.py [RUNS]

Both run through papermill's Python API on this interpreter's kernel, as the batch runs them
(the executed notebook written once, at the end), alternating: the empty notebook, then the
fact sheet of one seed article, for every seed article, RUNS times. The sheets read the stored
results of an extraction of the seeds (made first, not timed).
"""

import statistics
import sys
import tempfile
import time
from pathlib import Path

import nbformat
import papermill

from analysis import extract_corpus
from analysis.batch.kernel import ThisPythonKernel

ROOT = Path(__file__).resolve().parent.parent


def timed(notebook: Path, out: Path, parameters: dict) -> float:
    start = time.perf_counter()
    papermill.execute_notebook(
        str(notebook),
        str(out),
        parameters=parameters,
        progress_bar=False,
        kernel_manager_class=ThisPythonKernel,
        request_save_on_cell_execute=False,
    )
    return time.perf_counter() - start


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        report = extract_corpus(ROOT / "seeds", tmp / "out", progress=False)
        empty = tmp / "empty.ipynb"
        cell = nbformat.v4.new_code_cell("article_id = ''", id="parameters", metadata={"tags": ["parameters"]})
        kernel = {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}}
        nbformat.write(nbformat.v4.new_notebook(cells=[cell], metadata=kernel), empty)
        ids = sorted(p.stem for p in (tmp / "out" / "data" / "facts").glob("*.json"))
        empty_times, sheet_times = [], []
        for _ in range(runs):  # alternating, so that a machine slowing down affects both alike
            for article_id in ids:
                empty_times.append(timed(empty, tmp / "e.ipynb", {"article_id": "x"}))
                sheet_times.append(
                    timed(
                        ROOT / "notebooks" / "fact_sheet.ipynb",
                        tmp / "f.ipynb",
                        {"article_id": article_id, "corpus_dir": str(ROOT / "seeds"), "out_dir": str(tmp / "out")},
                    )
                )
    empty_median, sheet_median = statistics.median(empty_times), statistics.median(sheet_times)
    print(
        f"{report.articles} seed articles x {runs} runs: empty notebook {empty_median:.2f} s, fact sheet "
        f"{sheet_median:.2f} s (medians; slowest sheet {max(sheet_times):.2f} s): "
        f"{sheet_median / empty_median:.2f}x (target 1.5x)"
    )


if __name__ == "__main__":
    main()
