"""papermill time of a fact sheet against an empty notebook, on stored results.

    .venv/bin/python benchmarks/notebooks.py [RUNS]

Both run through papermill's Python API on this interpreter's kernel, as the batch runs them;
the fact sheet reads the stored tables of an extraction of the seeds (made first, not timed).
"""

import sys
import tempfile
import time
from pathlib import Path

import nbformat
import papermill

from analysis import extract_corpus
from analysis.kernel import ThisPythonKernel

ROOT = Path(__file__).resolve().parent.parent


def timed(notebook: Path, out: Path, parameters: dict) -> float:
    start = time.perf_counter()
    papermill.execute_notebook(str(notebook), str(out), parameters=parameters, progress_bar=False,
                               kernel_manager_class=ThisPythonKernel)
    return time.perf_counter() - start


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        extract_corpus(ROOT / "seeds", tmp / "out", progress=False)
        empty = tmp / "empty.ipynb"
        cell = nbformat.v4.new_code_cell("article_id = ''", id="parameters", metadata={"tags": ["parameters"]})
        kernel = {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}}
        nbformat.write(nbformat.v4.new_notebook(cells=[cell], metadata=kernel), empty)
        sheet = {"article_id": "001_7d1e7618c1cc4230", "corpus_dir": str(ROOT / "seeds"), "out_dir": str(tmp / "out")}
        empty_times = [timed(empty, tmp / "e.ipynb", {"article_id": "x"}) for _ in range(runs)]
        sheet_times = [timed(ROOT / "notebooks" / "fact_sheet.ipynb", tmp / "f.ipynb", sheet) for _ in range(runs)]
    best_empty, best_sheet = min(empty_times), min(sheet_times)
    print(f"empty notebook: {best_empty:.2f} s, fact sheet: {best_sheet:.2f} s (best of {runs}): "
          f"{best_sheet / best_empty:.2f}x (target 1.5x)")


if __name__ == "__main__":
    main()
