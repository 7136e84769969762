"""Command line: ``python -m analysis run|extract``."""

from __future__ import annotations

import argparse
import os
import sys
import unicodedata
from pathlib import Path

from .errors import AnalysisError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analysis", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("run", help="extract, then execute and render every notebook")
    extract = commands.add_parser("extract", help="texts, tables, facts JSON and network only (no notebooks)")
    for sub in (run, extract):
        sub.add_argument("--corpus", default="seeds", help="folder of articles (default: seeds)")
        sub.add_argument("--out", default="output", help="output folder (default: output)")
        sub.add_argument(
            "--jobs",
            type=int,
            default=os.cpu_count() or 1,
            help="worker processes for extraction and notebooks (default: cores)",
        )
        sub.add_argument(
            "--metadata", default=None, help="the articles' metadata.csv (default: metadata.csv in the corpus folder)"
        )
        sub.add_argument(
            "--aliases", default=None, help="actor corrections, aliases.csv (default: aliases.csv in the corpus folder)"
        )
    extract.add_argument(
        "--scheduler",
        default=None,
        help="run the extraction on Dask: 'dask' (a local cluster of --jobs workers) or "
        "tcp://HOST:PORT (an existing cluster)",
    )
    from .batch.run import NOTEBOOKS_DIR, Interrupted

    run.add_argument("--notebooks", default=str(NOTEBOOKS_DIR), help="folder of the notebooks to run")
    run.add_argument("--force", action="store_true", help="redo every output, changed or not")
    run.add_argument(
        "--sheets",
        default=None,
        help="fact sheets to render: all, none or ID,ID,... (default: all up to 200 articles, else none)",
    )
    run.add_argument(
        "--pdf",
        action="store_true",
        help="also write the overview, the network page and each fact sheet as PDF under pdf/",
    )
    run.add_argument(
        "--dossiers",
        type=int,
        default=None,
        help="actor dossiers to render, of the most mentioned actors (default: 5; 0 for none)",
    )
    args = parser.parse_args(argv)
    try:
        if args.command == "extract":
            return _extract(args)
        return _run(args)
    except KeyboardInterrupt:
        print("interrupted: the outputs finished before it are kept; run again to finish", file=sys.stderr)
        return 130
    except AnalysisError as error:
        print(f"error: {printable(str(error))}", file=sys.stderr)
        return 130 if isinstance(error, Interrupted) else 2
    except OSError as error:  # the environment: a read-only or full disk, a file where a folder should be
        where = f" {error.filename}" if error.filename else ""
        print(printable(f"error: cannot use{where}: {error.strerror or error}"), file=sys.stderr)
        return 2


def _extract(args) -> int:
    from .batch.extract import extract_corpus

    if args.jobs < 1:
        print(f"error: --jobs must be at least 1, got {args.jobs}", file=sys.stderr)
        return 2
    if args.scheduler and args.scheduler != "dask" and not args.scheduler.startswith("tcp://"):
        print(f"error: --scheduler must be dask or tcp://HOST:PORT, got {args.scheduler!r}", file=sys.stderr)
        return 2
    report = extract_corpus(
        args.corpus, args.out, jobs=args.jobs, scheduler=args.scheduler, metadata=args.metadata, aliases=args.aliases
    )
    _print_skipped(report.skipped)
    _print_warnings(report.warnings)
    if not report.articles:
        what = "could be read (see the lines above)" if report.skipped else "was found (.txt, .html, .jsonl)"
        print(f"error: no article of {args.corpus} {what}", file=sys.stderr)
        return 2
    print(f"{report.articles} articles, {report.mentions} mentions, {report.actors} actors -> {report.out / 'data'}")
    return 0


def _run(args) -> int:
    from .batch.run import DOSSIERS, run_batch

    if args.jobs < 1:
        print(f"error: --jobs must be at least 1, got {args.jobs}", file=sys.stderr)
        return 2
    if not (Path(args.notebooks) / "fact_sheet.ipynb").is_file():
        print(
            f"error: no notebooks in {args.notebooks}: pass --notebooks with the project's notebooks/ folder",
            file=sys.stderr,
        )
        return 2
    dossiers = DOSSIERS if args.dossiers is None else args.dossiers
    if dossiers < 0:
        print(f"error: --dossiers must be 0 or more, got {dossiers}", file=sys.stderr)
        return 2
    report = run_batch(
        args.corpus,
        args.out,
        args.notebooks,
        jobs=args.jobs,
        force=args.force,
        sheets=args.sheets,
        pdf=args.pdf,
        metadata=args.metadata,
        aliases=args.aliases,
        dossiers=dossiers,
    )
    _print_skipped(report.skipped)
    _print_warnings(report.warnings)
    results = report.notebooks
    width = max([len(r.job.name) for r in results] + [8])
    ids = max([len(r.job.parameters.get("article_id", "")) for r in results] + [10])
    print(f"\n{'notebook':<{width}}  status     seconds  {'article_id':<{ids}}  error")
    for r in results:
        status = "unchanged" if r.reused else r.status
        print(
            f"{r.job.name:<{width}}  {status:<9}  {r.seconds:7.1f}  {r.job.parameters.get('article_id', ''):<{ids}}  "
            f"{r.error}"
        )
    failed, reused = report.failed, sum(r.reused for r in results)
    print(
        f"\n{len(results) - len(failed)} of {len(results)} notebooks ok ({reused} unchanged, kept); "
        f"open {Path(args.out).resolve() / 'index.html'}"
    )
    return 1 if failed else 0


def _print_skipped(skipped) -> None:
    for s in skipped:
        print(printable(f"skipped {s.path}: {s.reason}"), file=sys.stderr)


def _print_warnings(warnings) -> None:
    for warning in warnings:
        print(printable(f"warning: {warning}"), file=sys.stderr)


def printable(text: str) -> str:
    """``text`` with control characters (terminal escapes in a file name, line ends) shown as
    ``\\x1b``, ``\\n``, ...: one line on the terminal, which a file name cannot take over."""
    return "".join(repr(c)[1:-1] if unicodedata.category(c) == "Cc" else c for c in text)


if __name__ == "__main__":
    sys.exit(main())
