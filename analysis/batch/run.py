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
from ..errors import AnalysisError, CorpusError, Skipped
from ..provenance import code_hash, input_hashes, inputs_changed, key, sha256_file
from ..reading.corpus import corpus_files
from ..reading.overrides import ALIASES_FILE, METADATA_FILE, correction_files, correction_hashes
from ..report.dossier import most_mentioned, page_name
from ..report.render import Citation, IndexEntry, Page, bibtex, csl_json, index_html, notebook_html
from ..storage.folder import (
    MANIFEST_VERSION,
    changed_outputs,
    output_folder,
    remove_outputs,
    remove_temporary,
)
from ..storage.store import read_json, write_atomic, write_json
from .workers import end_with_parent, stop_point, stop_workers

NOTEBOOKS_DIR = Path(__file__).resolve().parents[2] / "notebooks"
CORPUS_NOTEBOOKS = (
    ("corpus_overview", "Corpus overview"),
    ("actor_network", "Actor network"),
    ("timeline", "Timeline"),
    ("facts_table", "Facts"),
)
FACT_SHEET = "fact_sheet"
DOSSIER = "actor_dossier"
DOSSIERS = 5  # dossiers rendered by default: of the most mentioned actors
# the bar atop every rendered page (paths relative to html/); the index lists every fact sheet
NAV = (
    ("Index", "../index.html"),
    ("Corpus overview", "corpus_overview.html"),
    ("Actor network", "actor_network.html"),
    ("Timeline", "timeline.html"),
    ("Facts", "facts_table.html"),
    ("Actor dossiers", "../index.html#actor-dossiers"),
    ("Fact sheets", "../index.html#fact-sheets"),
)
EXECUTION_TIMEOUT = 600  # seconds a single cell may run before the notebook counts as failed
# Kernels started at the same moment by parallel workers now and then die before they answer
# (seen once in about 60 runs here); a fresh start succeeds.
KERNEL_START_ATTEMPTS = 3
VERSIONED = ("analysis", "natasha", "papermill", "nbconvert", "pandas", "matplotlib", "networkx")


class Interrupted(AnalysisError):
    """Ctrl-C stopped a run; what finished is in its index and manifest."""


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
    citation: Citation | None = None  # its entry for reference managers (.bib, .csl.json)


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
    corpus: Path,
    out: Path,
    notebooks: Path,
    articles: list[dict],
    inputs: dict[str, str],
    code: str,
    facts: dict[str, str] | None = None,
    dossiers: tuple[tuple[str, str], ...] = (),
) -> list[Job]:
    """The corpus notebooks, the dossiers of ``dossiers`` (actor id and name), then one fact sheet
    per article (``articles``: rows of articles.csv). ``facts`` (path -> sha256 of each fact
    record) puts the record a sheet shows in its key, so that a line of metadata.csv or
    aliases.csv redoes the sheets of the articles it changed.

    A job's key leaves out the folders: its inputs are in it by their sha256, so a moved or
    copied output folder (or corpus) is still current."""
    common = {"corpus_dir": str(corpus), "out_dir": str(out)}
    changed = inputs_changed(corpus, inputs)
    jobs = []
    described = f"{len(inputs)} files, sha256 of each in manifest.json"
    for name, label in CORPUS_NOTEBOOKS:
        path = notebooks / f"{name}.ipynb"
        if not path.is_file():  # a --notebooks folder of some of the project's notebooks runs those
            continue
        title = f"{label}: {len(articles)} articles"
        jobs.append(
            Job(
                str(path),
                name,
                title,
                "Corpus",
                dict(common),
                key(sha256_file(path), {}, code, inputs),
                _cite(title, described, changed),
                _citation(name, title, label.lower(), described, changed),
            )
        )
    path = notebooks / f"{DOSSIER}.ipynb"
    for actor_id, actor_name in dossiers if path.is_file() else ():
        name, title = page_name(actor_id), f"Actor dossier: {actor_name}"
        jobs.append(
            Job(
                str(path),
                name,
                title,
                "Actor dossiers",
                {**common, "actor": actor_id},
                key(sha256_file(path), {"actor": actor_id}, code, inputs),
                _cite(title, described, changed),
                _citation(name, title, "actor dossier", described, changed),
            )
        )
    path = notebooks / f"{FACT_SHEET}.ipynb"
    sheet = sha256_file(path)
    for row in articles:
        parameters = {**common, "article_id": row["article_id"]}
        own = {row["file"]: inputs.get(row["file"], ""), "text": row["sha256"]}
        own["facts"] = (facts or {}).get(f"data/facts/{row['article_id']}.json", "")
        name, title = f"{FACT_SHEET}_{row['article_id']}", f"Fact sheet: {row['title'] or row['article_id']}"
        described, changed = f"{row['file']}, sha256 {own[row['file']]}", inputs_changed(corpus, {row["file"]: ""})
        jobs.append(
            Job(
                str(path),
                name,
                title,
                "Fact sheets",
                parameters,
                key(sheet, {"article_id": row["article_id"]}, code, own),
                _cite(title, described, changed),
                _citation(name, title, "fact sheet", described, changed),
            )
        )
    return jobs


def _citation(name: str, title: str, genre: str, inputs: str, changed: str) -> Citation:
    return Citation(name, title, genre, inputs, changed, __version__, _git_commit() or "", f"html/{name}.html")


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
        html = Path(out) / "html"
        citations = ()
        if job.citation:
            write_atomic(html / f"{job.name}.bib", bibtex(job.citation))
            write_atomic(html / f"{job.name}.csl.json", csl_json(job.citation))
            citations = (("BibTeX", f"{job.name}.bib"), ("CSL-JSON", f"{job.name}.csl.json"))
        current = job.title.partition(":")[0] if job.section == "Corpus" else job.section
        page = Page(job.title, NAV, current, job.cite, citations)
        write_atomic(html / f"{job.name}.html", notebook_html(executed, page))
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
    pdf: bool = False,
    metadata: str | Path | None = None,
    aliases: str | Path | None = None,
    dossiers: int = DOSSIERS,
) -> RunReport:
    """Extract the corpus, run every notebook, and write ``index.html`` and ``manifest.json``;
    outputs whose inputs did not change, and whose bytes still match the manifest, are kept (all
    are redone with ``force``). ``sheets`` chooses the fact sheets to render (see ``sheet_ids``);
    current sheets of the other articles are kept, never removed. With ``pdf`` every rendered
    page is also written as ``pdf/<name>.pdf``. ``metadata`` and ``aliases`` are the user's
    ``metadata.csv`` and ``aliases.csv`` (default: those in the corpus folder, when there);
    ``dossiers`` actor dossiers are rendered, of the most mentioned actors."""
    started, clock = time.time(), time.perf_counter()
    corpus, notebooks = Path(corpus_dir).resolve(), Path(notebooks_dir).resolve()
    if not corpus.is_dir():
        raise CorpusError(f"corpus folder not found: {corpus} (pass an existing folder of articles)")
    user = correction_files(corpus, metadata, aliases)
    with output_folder(out_dir, corpus) as out:
        return _run(corpus, out, notebooks, jobs, progress, force, sheets, pdf, started, clock, user, dossiers)


def _run(
    corpus: Path,
    out: Path,
    notebooks: Path,
    jobs: int | None,
    progress: bool,
    force: bool,
    sheets: str | None,
    pdf: bool,
    started: float,
    clock: float,
    user: dict,
    dossiers: int = DOSSIERS,
) -> RunReport:
    redone = []  # outputs found missing or changed since the run that listed them, and redone
    # metadata.csv and aliases.csv are inputs too: a change to them redoes what they change
    inputs, code = {**input_hashes(corpus_files(corpus)), **correction_hashes(user)}, code_hash()
    extraction = read_json(out / "data" / "extraction.json")
    current = not force and extraction.get("key") == key(inputs, code)
    changed = changed_outputs(out, extraction.get("outputs", {})) if current else []
    if changed:
        redone.append(f"{'; '.join(changed)} since the last run: extracted again")
    if not current or changed:
        from .extract import extract_corpus

        extract_corpus(
            corpus,
            out,
            progress=progress,
            jobs=jobs or os.cpu_count() or 1,
            metadata=user.get(METADATA_FILE),
            aliases=user.get(ALIASES_FILE),
        )
        extraction = read_json(out / "data" / "extraction.json")
    with open(out / "data" / "articles.csv", encoding="utf-8", newline="") as f:
        articles = list(csv.DictReader(f))
    chosen, sheets_note = sheet_ids(sheets, [row["article_id"] for row in articles])
    with open(out / "data" / "actors.csv", encoding="utf-8", newline="") as f:
        actors = list(csv.DictReader(f))
    names = {row["actor_id"]: row["name"] for row in actors}
    dossier = tuple((actor_id, names[actor_id]) for actor_id in most_mentioned(actors, dossiers))
    wanted = {f"{FACT_SHEET}_{aid}" for aid in chosen} | {name for name, _ in CORPUS_NOTEBOOKS}
    wanted |= {page_name(actor_id) for actor_id, _ in dossier}
    facts = {path: sha for path, sha in extraction.get("outputs", {}).items() if path.startswith("data/facts/")}
    # no article, no notebook: their pages would only fail on empty tables
    plan = plan_jobs(corpus, out, notebooks, articles, inputs, code, facts, dossier) if articles else []
    before = read_json(out / "manifest.json")
    previous = {n["name"]: n for n in before.get("notebooks", [])}
    own = before.get("manifest_version") == MANIFEST_VERSION  # an older manifest listed others' files too
    listed = {o["path"]: o["sha256"] for o in before.get("outputs", [])} if own else {}
    done: list[JobResult] = []
    todo = []
    for job in plan:
        last = previous.get(job.name, {})
        files = _job_files(job)
        if not force and last.get("key") == job.key and last.get("status") == "ok" and set(files) <= set(listed):
            changed = changed_outputs(out, {path: listed[path] for path in files})
            if not changed:
                done.append(JobResult(job, "ok", 0.0, reused=True))
                continue
            if job.name in wanted:
                redone.append(f"{'; '.join(changed)} since the last run: rendered again")
        if job.name in wanted:
            todo.append(job)
    # outputs the last run listed that no job keeps: sheets of articles that left the corpus or
    # changed without being chosen now, so that none is shown as current
    kept = {path for job in [*todo, *(r.job for r in done)] for path in _job_files(job)}
    # a PDF is kept while its page is: made now, or made before from the page as it still is
    kept |= {_pdf(job) for job in todo if pdf} | {_pdf(r.job) for r in done if pdf or _pdf(r.job) in listed}
    remove_outputs(out, sorted(p for p in listed if p.startswith(("html/", "notebooks/", "pdf/")) and p not in kept))
    interrupted = False
    if todo:
        interrupted = _execute(todo, out, jobs, progress, done)
    remove_outputs(out, [_pdf(r.job) for r in done if r.status != "ok"])  # a failed page has no current PDF
    if pdf and not interrupted:
        interrupted = _write_pdfs(out, [r for r in done if r.status == "ok"], listed, jobs, progress)
    order = {job.name: i for i, job in enumerate(plan)}
    done.sort(key=lambda r: order[r.job.name])
    skipped = tuple(Skipped(path, reason) for path, reason in extraction.get("skipped", []))
    warnings = tuple(redone) + tuple(extraction.get("warnings", []))
    notes = (
        ([sheets_note] if sheets_note else [])
        + [f"Skipped {Path(s.path).name}: {s.reason}" for s in skipped]
        + list(warnings)
    )
    write_atomic(out / "index.html", _index(out, done, notes, articles))
    write_json(
        out / "manifest.json",
        _manifest(
            corpus, out, done, extraction, jobs=jobs, force=force, started=started, seconds=time.perf_counter() - clock
        ),
    )
    if not articles:
        raise CorpusError(_no_articles(corpus, skipped))
    if interrupted:
        raise Interrupted(
            f"interrupted: {len(done)} of {len(plan)} notebooks finished; {out / 'index.html'} and "
            "manifest.json list them, and the next run does the rest"
        )
    return RunReport(done, skipped, tuple([sheets_note] if sheets_note else []) + warnings)


def _no_articles(corpus: Path, skipped: tuple[Skipped, ...]) -> str:
    if not skipped:
        return f"no article files in {corpus}: put .txt, .html or .jsonl articles there"
    reasons = "; ".join(f"{Path(s.path).name}: {s.reason}" for s in skipped[:3]) + ("; ..." if len(skipped) > 3 else "")
    return f"no article of {corpus} could be read ({reasons}): see data/skipped.csv in the output folder"


def _job_files(job: Job) -> tuple[str, ...]:
    return (
        f"html/{job.name}.html",
        f"notebooks/{job.name}.ipynb",
        *((f"html/{job.name}.bib", f"html/{job.name}.csl.json") if job.citation else ()),
    )


def _pdf(job: Job) -> str:
    return f"pdf/{job.name}.pdf"


def _write_pdfs(out: Path, results: list[JobResult], listed: dict[str, str], jobs: int | None, progress: bool) -> bool:
    """Each rendered page as a PDF, in a pool of worker processes, unless the one made before is
    of the page as it still is; True when Ctrl-C stopped it (the PDFs finished are kept)."""
    try:
        import weasyprint  # noqa: F401  (here, so that a missing library is one message, not a worker's traceback)
    except OSError as error:  # WeasyPrint is installed, the system libraries it draws with are not
        raise AnalysisError(
            f"--pdf needs the pango library ({error}): on Debian or Ubuntu, "
            "`apt-get install libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core`"
        ) from error
    todo = [
        (str(out / "html" / f"{r.job.name}.html"), str(out / _pdf(r.job)))
        for r in results
        if not (r.reused and _pdf(r.job) in listed and not changed_outputs(out, {_pdf(r.job): listed[_pdf(r.job)]}))
    ]
    if not todo:
        return False
    pool = ProcessPoolExecutor(
        max(1, min(jobs or os.cpu_count() or 1, len(todo))),
        mp_context=get_context("spawn"),
        initializer=end_with_parent,
        initargs=(os.getpid(),),
    )
    try:
        futures = [pool.submit(write_pdf, page, target) for page, target in todo]
        for future in tqdm(as_completed(futures), total=len(futures), desc="pdf", unit="page", disable=not progress):
            future.result()
    except KeyboardInterrupt:
        stop_workers(pool)
        remove_temporary(out)
        return True
    except BaseException:
        stop_workers(pool)
        raise
    pool.shutdown(wait=True)
    return False


def write_pdf(page: str, target: str) -> None:
    """The HTML page ``page`` as a PDF at ``target``, laid out by WeasyPrint on the system's pango
    and fonts (DejaVu has Cyrillic) for print: no navigation bar, the citation footer kept."""
    from weasyprint import HTML

    write_atomic(Path(target), HTML(filename=page).write_pdf())


def _execute(todo: list[Job], out: Path, jobs: int | None, progress: bool, done: list[JobResult]) -> bool:
    """Run ``todo`` in a pool of worker processes, adding each result to ``done`` as it comes;
    True when Ctrl-C stopped it: no notebook starts after that and the workers are ended."""
    workers = max(1, min(jobs or os.cpu_count() or 1, len(todo)))
    pool = ProcessPoolExecutor(
        workers, mp_context=get_context("spawn"), initializer=end_with_parent, initargs=(os.getpid(),)
    )
    try:
        futures = [pool.submit(execute_job, job, str(out)) for job in todo]
        for future in tqdm(
            as_completed(futures), total=len(futures), desc="notebooks", unit="notebook", disable=not progress
        ):
            done.append(future.result())
            stop_point(f"rendered {done[-1].job.name}")
    except KeyboardInterrupt:
        stop_workers(pool)
        remove_temporary(out)  # the ended workers' partial notebooks and files
        return True
    except BaseException:  # a full disk, say: no worker goes on after the run has stopped
        stop_workers(pool)
        raise
    pool.shutdown(wait=True)
    return False


def _index(out: Path, done: list[JobResult], notes: list[str], articles: list[dict]) -> str:
    rows = {row["article_id"]: row for row in articles}
    entries = []
    for r in done:
        row = rows.get(r.job.parameters.get("article_id", ""), {})
        entries.append(
            IndexEntry(
                r.job.section,
                row.get("title") or r.job.title,
                f"html/{r.job.name}.html",
                f"notebooks/{r.job.name}.ipynb",
                r.status,
                r.error,
                row.get("article_id", ""),
                row.get("published", ""),
                row.get("source", "").replace(";", ", "),
            )
        )
    data = [
        (p.relative_to(out).as_posix(), p.relative_to(out).as_posix())
        for folder in ("data", "network", "figures")
        for p in sorted((out / folder).glob("*.*"))
        if p.suffix in (".csv", ".xlsx", ".parquet", ".sqlite") or folder != "data"
    ]
    nav = tuple(
        (label, "index.html" if href.startswith("../") else f"html/{href}")
        for label, href in NAV
        if not href.startswith("../index.html#")
    )
    return index_html("Kazakhstan defence cooperation news: outputs", entries, data, notes, nav)


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
        for path in (*_job_files(r.job), _pdf(r.job)):
            made_from[path] = sources
    every = [name for name, _ in inputs]
    # only what this run made or kept: the folder may hold other files, never listed as its own
    outputs = {"data/extraction.json": sha256_file(out / "data" / "extraction.json"), "index.html": ""}
    outputs.update(extraction.get("outputs", {}))
    outputs.update((path, "") for r in done for path in (*_job_files(r.job), _pdf(r.job)) if (out / path).is_file())
    # what the corpus pages write: their figures for reports (each with its caption) and facts.xlsx
    made = [*sorted((out / "figures").glob("*.*")), *sorted((out / "data").glob("facts.xlsx"))]
    outputs.update((p.relative_to(out).as_posix(), "") for p in made)
    return {
        "manifest_version": MANIFEST_VERSION,
        "package_version": __version__,
        "git_commit": _git_commit(),
        "code_sha256": extraction.get("code", ""),
        "python": platform.python_version(),
        "versions": {name: metadata.version(name) for name in VERSIONED},
        "parameters": {"corpus": str(corpus), "out": str(out), "jobs": jobs, "force": force},
        "inputs": [{"file": name, "sha256": sha} for name, sha in inputs],
        # the user's metadata.csv and aliases.csv, and each alias applied (in how many articles)
        "corrections": extraction.get("corrections", {}),
        "aliases": extraction.get("aliases", []),
        "notebooks": [
            {**asdict(r.job), "status": r.status, "seconds": r.seconds, "error": r.error, "reused": r.reused}
            for r in done
        ],
        "outputs": [
            {"path": path, "sha256": sha or sha256_file(out / path), "made_from": made_from.get(path, every)}
            for path, sha in sorted(outputs.items())
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
