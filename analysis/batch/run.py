"""The batch: extract once, execute every notebook with papermill, render HTML, index, manifest.

Notebooks run in worker processes that call papermill's Python API (the CLI costs ~3.5 s a
notebook, the API ~0.9 s). Each kernel is this interpreter, whatever kernel name the notebook
carries, so the run never depends on which kernels the machine has registered.

Runs are incremental: the extraction is redone only when an input file or the package's code
changed, and a notebook only when its own key changed (the notebook, its parameters, the code,
and the inputs it reads: one article's for a fact sheet, all of them for the corpus
notebooks) or when it last failed. ``force`` redoes everything.
"""

from __future__ import annotations

import csv
import json
import os
import platform
import subprocess
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import asdict, dataclass
from functools import cache
from importlib import metadata
from multiprocessing import get_context
from pathlib import Path

from tqdm import tqdm

from .. import __version__
from ..errors import Skipped
from ..provenance import code_hash, input_hashes, inputs_changed, key, sha256_file
from ..report.render import IndexEntry, index_html, notebook_html
from ..storage.store import write_atomic, write_json

NOTEBOOKS_DIR = Path(__file__).resolve().parents[2] / "notebooks"
CORPUS_NOTEBOOKS = (("corpus_overview", "Corpus overview"), ("actor_network", "Actor network"))
FACT_SHEET = "fact_sheet"
EXECUTION_TIMEOUT = 600  # seconds a single cell may run before the notebook counts as failed
# Kernels started at the same moment by parallel workers now and then die before they answer
# (seen once in about 60 runs here); a fresh start succeeds.
KERNEL_START_ATTEMPTS = 3
VERSIONED = ("analysis", "natasha", "papermill", "nbconvert", "pandas", "matplotlib", "networkx")


@dataclass(frozen=True, slots=True)
class Job:
    """One notebook execution: source notebook, parameters, output stem."""

    notebook: str
    name: str
    title: str
    section: str
    parameters: dict
    key: str = ""  # changes when anything the output depends on changes
    cite: str = ""  # the footer of its page: how to cite it


@dataclass(frozen=True, slots=True)
class JobResult:
    job: Job
    status: str  # "ok" or "failed"
    seconds: float
    error: str = ""
    reused: bool = False  # nothing it depends on changed since the last run: kept as it was


@dataclass(frozen=True, slots=True)
class RunReport:
    notebooks: list[JobResult]
    skipped: tuple[Skipped, ...]
    warnings: tuple[str, ...]

    @property
    def failed(self) -> list[JobResult]:
        return [r for r in self.notebooks if r.status != "ok"]


def plan_jobs(
    corpus: Path, out: Path, notebooks: Path, articles: list[dict], inputs: dict[str, str], code: str
) -> list[Job]:
    """The corpus notebooks, then one fact sheet per article (``articles``: rows of articles.csv)."""
    common = {"corpus_dir": str(corpus), "out_dir": str(out)}
    changed = inputs_changed(corpus, inputs)
    jobs = []
    for name, title in CORPUS_NOTEBOOKS:
        path = notebooks / f"{name}.ipynb"
        jobs.append(
            Job(
                str(path),
                name,
                title,
                "Corpus",
                dict(common),
                key(sha256_file(path), common, code, inputs),
                _cite(title, f"{len(inputs)} files, sha256 of each in manifest.json", changed),
            )
        )
    path = notebooks / f"{FACT_SHEET}.ipynb"
    sheet = sha256_file(path)
    for row in articles:
        parameters = {**common, "article_id": row["article_id"]}
        own = {row["file"]: inputs.get(row["file"], ""), "text": row["sha256"]}
        jobs.append(
            Job(
                str(path),
                f"{FACT_SHEET}_{row['article_id']}",
                row["title"] or row["article_id"],
                "Fact sheets",
                parameters,
                key(sheet, parameters, code, own),
                _cite(
                    row["title"] or row["article_id"],
                    f"{row['file']}, sha256 {own[row['file']]}",
                    inputs_changed(corpus, {row["file"]: ""}),
                ),
            )
        )
    return jobs


def _cite(title: str, inputs: str, changed: str) -> str:
    commit = _git_commit()
    return (
        f"Cite as: “{title}”, analysis package {__version__}"
        + (f" (commit {commit[:12]})" if commit else "")
        + f"; inputs: {inputs}; inputs last changed {changed}."
    )


def execute_job(job: Job, out: str) -> JobResult:
    """Execute one notebook into ``out/notebooks`` and render it into ``out/html``.

    A failing notebook is kept, with papermill's error cell, and reported as failed.
    """
    import papermill

    from .kernel import ThisPythonKernel

    started = time.perf_counter()
    executed = Path(out) / "notebooks" / f"{job.name}.ipynb"
    executed.parent.mkdir(parents=True, exist_ok=True)
    partial = executed.with_name(f".{job.name}.partial.ipynb")
    for attempt in range(1, KERNEL_START_ATTEMPTS + 1):
        status, error = "ok", ""
        try:
            # The notebook is written once, at the end or at the failing cell: papermill's default
            # writes it twice for every cell, which took a third of a fact sheet's time.
            papermill.execute_notebook(
                job.notebook,
                str(partial),
                parameters=job.parameters,
                progress_bar=False,
                execution_timeout=EXECUTION_TIMEOUT,
                kernel_manager_class=ThisPythonKernel,
                request_save_on_cell_execute=False,
            )
        except papermill.PapermillExecutionError as failure:  # a cell failed: the notebook's own error
            status, error = "failed", f"{failure.ename}: {failure.evalue}".splitlines()[0][:300]
        except Exception as failure:  # the kernel did not start or died: report, don't stop the batch
            status, error = "failed", f"{type(failure).__name__}: {failure}".splitlines()[0][:300]
            if attempt < KERNEL_START_ATTEMPTS and "kernel" in error.lower():
                continue
        break
    if partial.exists():
        os.replace(partial, executed)
        write_atomic(Path(out) / "html" / f"{job.name}.html", notebook_html(executed, job.cite))
    return JobResult(job, status, round(time.perf_counter() - started, 2), error)


SHEETS_LIMIT = 200  # above this many articles, fact sheets are rendered only when asked for


def sheet_ids(sheets: str | None, ids: list[str]) -> tuple[list[str], str]:
    """The articles to render fact sheets for (``sheets``: "all", "none", or ids separated by
    commas; None: all up to ``SHEETS_LIMIT`` articles, else none) and a note saying so."""
    from ..errors import ParameterError

    if sheets is None:
        if len(ids) <= SHEETS_LIMIT:
            return ids, ""
        return [], (
            f"{len(ids)} articles: fact sheets are not rendered for more than {SHEETS_LIMIT} "
            "(pass --sheets all, or --sheets ID,ID for some); the facts JSON and tables are complete"
        )
    if sheets in ("all", "none"):
        return (ids if sheets == "all" else []), ""
    wanted = [s.strip() for s in sheets.split(",") if s.strip()]
    unknown = [s for s in wanted if s not in set(ids)]
    if unknown:
        raise ParameterError(
            f"--sheets names unknown article ids: {', '.join(unknown)} (the ids are the first "
            "column of output/data/articles.csv)"
        )
    return wanted, ""


def run_batch(
    corpus_dir: str | Path,
    out_dir: str | Path,
    notebooks_dir: str | Path = NOTEBOOKS_DIR,
    jobs: int | None = None,
    progress: bool = True,
    force: bool = False,
    sheets: str | None = None,
) -> RunReport:
    """Extract the corpus, run every notebook, and write ``index.html`` and ``manifest.json``;
    outputs whose inputs did not change are kept (all are redone with ``force``). ``sheets``
    chooses the fact sheets (see ``sheet_ids``)."""
    from ..errors import CorpusError

    started, clock = time.time(), time.perf_counter()
    corpus, out, notebooks = Path(corpus_dir).resolve(), Path(out_dir).resolve(), Path(notebooks_dir).resolve()
    if not corpus.is_dir():
        raise CorpusError(f"corpus folder not found: {corpus} (pass an existing folder of articles)")
    inputs, code = input_hashes(corpus), code_hash()
    extraction = _read_json(out / "data" / "extraction.json")
    if force or extraction.get("key") != key(inputs, code):
        from .extract import extract_corpus

        extract_corpus(corpus, out, progress=progress, jobs=jobs or os.cpu_count() or 1)
        extraction = _read_json(out / "data" / "extraction.json")
    with open(out / "data" / "articles.csv", encoding="utf-8", newline="") as f:
        articles = list(csv.DictReader(f))
    chosen, sheets_note = sheet_ids(sheets, [row["article_id"] for row in articles])
    chosen = set(chosen)
    plan = plan_jobs(corpus, out, notebooks, [row for row in articles if row["article_id"] in chosen], inputs, code)
    _remove_stale_sheets(out, {job.name for job in plan})
    previous = {n["name"]: n for n in _read_json(out / "manifest.json").get("notebooks", [])}
    done: list[JobResult] = []
    todo = []
    for job in plan:
        last = previous.get(job.name, {})
        if (
            not force
            and last.get("key") == job.key
            and last.get("status") == "ok"
            and (out / "html" / f"{job.name}.html").is_file()
            and (out / "notebooks" / f"{job.name}.ipynb").is_file()
        ):
            done.append(JobResult(job, "ok", 0.0, reused=True))
        else:
            todo.append(job)
    if todo:
        workers = max(1, min(jobs or os.cpu_count() or 1, len(todo)))
        with ProcessPoolExecutor(workers, mp_context=get_context("spawn")) as pool:
            futures = [pool.submit(execute_job, job, str(out)) for job in todo]
            for future in tqdm(
                as_completed(futures), total=len(futures), desc="notebooks", unit="notebook", disable=not progress
            ):
                done.append(future.result())
    order = {job.name: i for i, job in enumerate(plan)}
    done.sort(key=lambda r: order[r.job.name])
    skipped = tuple(Skipped(path, reason) for path, reason in extraction.get("skipped", []))
    warnings = tuple(extraction.get("warnings", []))
    notes = (
        ([sheets_note] if sheets_note else [])
        + [f"Skipped {Path(s.path).name}: {s.reason}" for s in skipped]
        + list(warnings)
    )
    write_atomic(out / "index.html", _index(out, done, notes))
    write_json(
        out / "manifest.json",
        _manifest(
            corpus, out, done, extraction, jobs=jobs, force=force, started=started, seconds=time.perf_counter() - clock
        ),
    )
    return RunReport(done, skipped, tuple([sheets_note] if sheets_note else []) + warnings)


def _read_json(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _index(out: Path, done: list[JobResult], notes: list[str]) -> str:
    entries = [
        IndexEntry(
            r.job.section, r.job.title, f"html/{r.job.name}.html", f"notebooks/{r.job.name}.ipynb", r.status, r.error
        )
        for r in done
    ]
    data = [
        (p.relative_to(out).as_posix(), p.relative_to(out).as_posix())
        for p in sorted((out / "data").glob("*.csv")) + sorted((out / "network").glob("*.*"))
    ]
    return index_html("Kazakhstan defence cooperation news: outputs", entries, data, notes)


def _remove_stale_sheets(out: Path, names: set[str]) -> None:
    """Fact sheets of articles that left the corpus are removed, never shown as current."""
    for folder, suffix in (("notebooks", ".ipynb"), ("html", ".html")):
        for path in (out / folder).glob(f"{FACT_SHEET}_*{suffix}"):
            if path.stem not in names:
                path.unlink()


def _manifest(
    corpus: Path,
    out: Path,
    done: list[JobResult],
    extraction: dict,
    jobs: int | None,
    force: bool,
    started: float,
    seconds: float,
) -> dict:
    """Provenance: inputs with sha256, parameters, versions, each output with its sha256 and the
    inputs it was made from."""
    inputs = sorted(extraction.get("inputs", {}).items())
    files = extraction.get("articles", {})  # article id -> its input file
    made_from = {}
    for r in done:
        article = r.job.parameters.get("article_id")
        sources = [files[article]] if article in files else [name for name, _ in inputs]
        made_from[f"notebooks/{r.job.name}.ipynb"] = made_from[f"html/{r.job.name}.html"] = sources
    every = [name for name, _ in inputs]
    outputs = sorted(
        p for p in out.rglob("*") if p.is_file() and p.name != "manifest.json" and not p.name.startswith(".")
    )
    return {
        "package_version": __version__,
        "git_commit": _git_commit(),
        "code_sha256": extraction.get("code", ""),
        "python": platform.python_version(),
        "versions": {name: metadata.version(name) for name in VERSIONED},
        "parameters": {"corpus": str(corpus), "out": str(out), "jobs": jobs, "force": force},
        "inputs": [{"file": name, "sha256": sha} for name, sha in inputs],
        "notebooks": [
            {**asdict(r.job), "status": r.status, "seconds": r.seconds, "error": r.error, "reused": r.reused}
            for r in done
        ],
        "outputs": [
            {
                "path": p.relative_to(out).as_posix(),
                "sha256": sha256_file(p),
                "made_from": made_from.get(p.relative_to(out).as_posix(), every),
            }
            for p in outputs
        ],
        "started": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(started)),
        "seconds": round(seconds, 1),
    }


@cache
def _git_commit() -> str | None:
    try:
        found = subprocess.run(
            ["git", "rev-parse", "HEAD"], cwd=NOTEBOOKS_DIR.parent, capture_output=True, text=True, timeout=10
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return found.stdout.strip() or None if found.returncode == 0 else None
