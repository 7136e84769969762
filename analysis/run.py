"""The batch: extract once, execute every notebook with papermill, render HTML, index, manifest.

Notebooks run in worker processes that call papermill's Python API (the CLI costs ~3.5 s a
notebook, the API ~0.9 s). Each kernel is this interpreter, whatever kernel name the notebook
carries, so the run never depends on which kernels the machine has registered.
"""

from __future__ import annotations

import hashlib
import json
import os
import platform
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import asdict, dataclass
from importlib import metadata
from multiprocessing import get_context
from pathlib import Path

from jupyter_client import AsyncKernelManager
from jupyter_client.kernelspec import KernelSpec
from tqdm import tqdm

from . import __version__
from .corpus import Skipped
from .extract import extract_corpus
from .render import IndexEntry, index_html, notebook_html
from .store import load_results, write_atomic, write_json

NOTEBOOKS_DIR = Path(__file__).resolve().parent.parent / "notebooks"
CORPUS_NOTEBOOKS = (("corpus_overview", "Corpus overview"), ("actor_network", "Actor network"))
FACT_SHEET = "fact_sheet"
EXECUTION_TIMEOUT = 600  # seconds a single cell may run before the notebook counts as failed
# Kernels started at the same moment by parallel workers now and then die before they answer
# (seen once in about 60 runs here); a fresh start succeeds.
KERNEL_START_ATTEMPTS = 3
VERSIONED = ("analysis", "natasha", "papermill", "nbconvert", "pandas", "matplotlib", "networkx")


class ThisPythonKernel(AsyncKernelManager):
    """A kernel manager that starts an IPython kernel on the running interpreter."""

    @property
    def kernel_spec(self) -> KernelSpec:
        return KernelSpec(argv=[sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
                          display_name="Python (analysis)", language="python")


@dataclass(frozen=True, slots=True)
class Job:
    """One notebook execution: source notebook, parameters, output stem."""

    notebook: str
    name: str
    title: str
    section: str
    parameters: dict


@dataclass(frozen=True, slots=True)
class JobResult:
    job: Job
    status: str  # "ok" or "failed"
    seconds: float
    error: str = ""


@dataclass(frozen=True, slots=True)
class RunReport:
    notebooks: list[JobResult]
    skipped: tuple[Skipped, ...]
    warnings: tuple[str, ...]

    @property
    def failed(self) -> list[JobResult]:
        return [r for r in self.notebooks if r.status != "ok"]


def plan_jobs(corpus: Path, out: Path, notebooks: Path, article_ids: list[str],
              titles: dict[str, str]) -> list[Job]:
    """The corpus notebooks, then one fact sheet per article."""
    common = {"corpus_dir": str(corpus), "out_dir": str(out)}
    jobs = [Job(str(notebooks / f"{name}.ipynb"), name, title, "Corpus", dict(common))
            for name, title in CORPUS_NOTEBOOKS]
    jobs += [Job(str(notebooks / f"{FACT_SHEET}.ipynb"), f"{FACT_SHEET}_{aid}", titles.get(aid) or aid,
                 "Fact sheets", {**common, "article_id": aid}) for aid in article_ids]
    return jobs


def execute_job(job: Job, out: str) -> JobResult:
    """Execute one notebook into ``out/notebooks`` and render it into ``out/html``.

    A failing notebook is kept, with papermill's error cell, and reported as failed.
    """
    import papermill

    started = time.perf_counter()
    executed = Path(out) / "notebooks" / f"{job.name}.ipynb"
    executed.parent.mkdir(parents=True, exist_ok=True)
    partial = executed.with_name(f".{job.name}.partial.ipynb")
    for attempt in range(1, KERNEL_START_ATTEMPTS + 1):
        status, error = "ok", ""
        try:
            papermill.execute_notebook(job.notebook, str(partial), parameters=job.parameters, progress_bar=False,
                                       execution_timeout=EXECUTION_TIMEOUT, kernel_manager_class=ThisPythonKernel)
        except papermill.PapermillExecutionError as failure:  # a cell failed: the notebook's own error
            status, error = "failed", f"{failure.ename}: {failure.evalue}".splitlines()[0][:300]
        except Exception as failure:  # the kernel did not start or died: report, don't stop the batch
            status, error = "failed", f"{type(failure).__name__}: {failure}".splitlines()[0][:300]
            if attempt < KERNEL_START_ATTEMPTS and "kernel" in error.lower():
                continue
        break
    if partial.exists():
        os.replace(partial, executed)
        write_atomic(Path(out) / "html" / f"{job.name}.html", notebook_html(executed))
    return JobResult(job, status, round(time.perf_counter() - started, 2), error)


def run_batch(corpus_dir: str | Path, out_dir: str | Path, notebooks_dir: str | Path = NOTEBOOKS_DIR,
              jobs: int | None = None, progress: bool = True) -> RunReport:
    """Extract the corpus, run every notebook, and write ``index.html`` and ``manifest.json``."""
    started, clock = time.time(), time.perf_counter()
    corpus, out, notebooks = Path(corpus_dir).resolve(), Path(out_dir).resolve(), Path(notebooks_dir).resolve()
    report = extract_corpus(corpus, out, progress=progress)
    results = load_results(out)
    titles = dict(zip(results.articles["article_id"], results.articles["title"].fillna("")))
    plan = plan_jobs(corpus, out, notebooks, results.ids, titles)
    _remove_stale_sheets(out, {job.name for job in plan})
    workers = max(1, min(jobs or os.cpu_count() or 1, len(plan)))
    done: list[JobResult] = []
    with ProcessPoolExecutor(workers, mp_context=get_context("spawn")) as pool:
        futures = [pool.submit(execute_job, job, str(out)) for job in plan]
        for future in tqdm(as_completed(futures), total=len(futures), desc="notebooks", unit="notebook",
                           disable=not progress):
            done.append(future.result())
    order = {job.name: i for i, job in enumerate(plan)}
    done.sort(key=lambda r: order[r.job.name])
    notes = [f"Skipped {Path(s.path).name}: {s.reason}" for s in report.skipped] + list(report.warnings)
    write_atomic(out / "index.html", _index(out, done, notes))
    write_json(out / "manifest.json", _manifest(corpus, out, done, jobs=workers, started=started,
                                                seconds=time.perf_counter() - clock))
    return RunReport(done, report.skipped, report.warnings)


def _index(out: Path, done: list[JobResult], notes: list[str]) -> str:
    entries = [IndexEntry(r.job.section, r.job.title, f"html/{r.job.name}.html", f"notebooks/{r.job.name}.ipynb",
                          r.status, r.error) for r in done]
    data = [(p.relative_to(out).as_posix(), p.relative_to(out).as_posix())
            for p in sorted((out / "data").glob("*.csv")) + sorted((out / "network").glob("*.*"))]
    return index_html("Kazakhstan defence cooperation news: outputs", entries, data, notes)


def _remove_stale_sheets(out: Path, names: set[str]) -> None:
    """Fact sheets of articles that left the corpus are removed, never shown as current."""
    for folder, suffix in (("notebooks", ".ipynb"), ("html", ".html")):
        for path in (out / folder).glob(f"{FACT_SHEET}_*{suffix}"):
            if path.stem not in names:
                path.unlink()


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _manifest(corpus: Path, out: Path, done: list[JobResult], jobs: int, started: float, seconds: float) -> dict:
    extraction = json.loads((out / "data" / "extraction.json").read_text(encoding="utf-8"))
    outputs = sorted(p for p in out.rglob("*") if p.is_file() and p.name != "manifest.json"
                     and not p.name.startswith("."))
    return {
        "package_version": __version__,
        "git_commit": _git_commit(),
        "python": platform.python_version(),
        "versions": {name: metadata.version(name) for name in VERSIONED},
        "parameters": {"corpus": str(corpus), "out": str(out), "jobs": jobs},
        "inputs": [{"file": name, "sha256": sha} for name, sha in sorted(extraction["inputs"].items())],
        "notebooks": [{**asdict(r.job), "status": r.status, "seconds": r.seconds, "error": r.error} for r in done],
        "outputs": [{"path": p.relative_to(out).as_posix(), "sha256": _sha256(p)} for p in outputs],
        "started": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(started)),
        "seconds": round(seconds, 1),
    }


def _git_commit() -> str | None:
    try:
        found = subprocess.run(["git", "rev-parse", "HEAD"], cwd=NOTEBOOKS_DIR.parent, capture_output=True,
                               text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return None
    return found.stdout.strip() or None if found.returncode == 0 else None
