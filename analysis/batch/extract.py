"""Extraction: corpus folder in, stored texts, tables, facts JSON and actor network out."""

from __future__ import annotations

import gc
import os
from collections import Counter, deque
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from functools import partial
from itertools import chain, islice
from multiprocessing import get_context
from pathlib import Path

from tqdm import tqdm

from .. import __version__
from ..errors import ParameterError, Skipped
from ..facts.actors import Actor
from ..facts.document import read_document
from ..facts.record import build_facts
from ..facts.rows import (
    FACT_TABLES,
    ActorRow,
    ArticleRow,
    ExtraRow,
    MentionRow,
    RemovedRow,
    RoleRow,
    SkippedRow,
    fact_row,
)
from ..facts.schema import to_json
from ..network.links import as_record, network
from ..provenance import code_hash, input_hashes, key
from ..reading.corpus import Article, corpus_files, count_articles, iter_corpus
from ..reading.overrides import (
    ALIASES_FILE,
    METADATA_FILE,
    apply_metadata,
    correction_files,
    correction_hashes,
    read_aliases,
    read_metadata,
)
from ..storage.database import write_data_files
from ..storage.folder import listed_outputs, output_folder, remove_outputs
from ..storage.store import (
    CsvStream,
    Results,
    data_dir,
    has_results,
    json_text,
    load_results,
    read_json,
    record_lines,
    write_atomic,
    write_csv,
    write_json,
    write_table,
)
from ..vocabulary import STORY, Block
from .workers import end_with_parent, stop_point, stop_workers


@dataclass(frozen=True, slots=True)
class ExtractReport:
    """What one extraction stored, and which files it could not use."""

    out: Path
    articles: int
    mentions: int
    actors: int
    skipped: tuple[Skipped, ...]
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ArticleResult:
    """Everything the extraction stores for one article (or why it failed), encoded as stored:
    encoding is a worker's work, so that the process writing the files keeps up with them."""

    article_id: str
    path: str
    text: str = ""
    facts_json: str = ""
    rows: dict = field(default_factory=dict)  # table name -> its CSV lines for this article
    mention_actors: tuple[str, ...] = ()  # the actor id of each mention
    actors: tuple[Actor, ...] = ()
    warnings: tuple[str, ...] = ()
    error: str = ""
    aliases_used: frozenset[int] = frozenset()  # the rows of aliases.csv that named its actors


_TABLES = {
    "articles": ArticleRow,
    "mentions": MentionRow,
    "removed": RemovedRow,
    "roles": RoleRow,
    **FACT_TABLES,
    "metadata_extra": ExtraRow,
}


def extract_article(article: Article, aliases=()) -> ArticleResult:
    """The stored results of one article: a pure function of it (and of the rows of the user's
    ``aliases.csv``), so any worker can run it.

    A failure is returned, not raised: one bad article must not stop the others.
    """
    try:
        doc = read_document(article, aliases)
        facts = build_facts(doc)
    except Exception as error:
        return ArticleResult(article.id, article.path, error=f"extraction failed: {type(error).__name__}: {error}")
    tables = {kind: [fact_row(kind, article.id, item) for item in getattr(facts, kind)] for kind in FACT_TABLES}
    tables["articles"] = [
        ArticleRow(
            article_id=article.id,
            title=article.title,
            title_source=article.title_source,
            published=article.published,
            source=";".join(article.sources),
            dateline=article.dateline,
            file=Path(article.path).name,
            line=article.line or "",
            url=article.url,
            encoding=article.encoding,
            sha256=article.sha256,
            chars=len(article.text),
            chars_analysed=sum(p.stop - p.start for p in article.analysed_paragraphs if p.kind != Block.DIGEST),
            chars_removed=article.removed_chars,
            chars_digest=article.digest_chars,
            paragraphs=len(article.analysed_paragraphs),
            sentences=len(doc.sentences),
            mentions=len(doc.mentions),
            persons=len(facts.persons),
            warnings="; ".join(article.warnings),
            published_source=article.published_source,
            outlet=article.outlet,
        )
    ]
    tables["metadata_extra"] = [ExtraRow(article.id, column, value) for column, value in article.extra]
    tables["roles"] = [RoleRow(article.id, r.actor_id, r.role, r.affiliation or "", r.start, r.stop) for r in doc.roles]
    tables["removed"] = [
        RemovedRow(article.id, p.start, p.stop, p.kind, p.text) for p in article.paragraphs if p.kind not in STORY
    ]
    tables["mentions"] = [
        MentionRow(article.id, m.start, m.stop, m.text, m.type, m.normal, aid, m.paragraph, m.sentence, m.block)
        for m, aid in zip(doc.mentions, doc.actor_ids)
    ]
    actor_rows = [
        {"actor_id": a.actor_id, "name": a.name, "kind": a.kind, "code": a.code or "", "country": a.country or ""}
        for a in doc.actors
    ]
    rows = {name: [to_json(r) for r in tables[name]] for name in ("mentions", "meetings", "agreements", "roles")}
    facts = replace(
        facts,
        network=as_record(network(rows["mentions"], rows["meetings"], rows["agreements"], rows["roles"], actor_rows)),
    )
    return ArticleResult(
        article.id,
        article.path,
        article.text,
        json_text(to_json(facts)) + "\n",
        {name: record_lines(tables[name]) for name in _TABLES},
        tuple(doc.actor_ids),
        tuple(doc.actors),
        tuple(f"{Path(article.path).name}: {w}" for w in article.warnings),
        aliases_used=doc.aliases_used,
    )


def extract_articles(articles: list[Article], aliases=()) -> list[ArticleResult]:
    """``extract_article`` over a few articles: one task of a worker."""
    return [extract_article(article, aliases) for article in articles]


def extract_corpus(
    corpus_dir: str | Path,
    out_dir: str | Path,
    progress: bool = True,
    jobs: int = 1,
    scheduler: str | None = None,
    metadata: str | Path | None = None,
    aliases: str | Path | None = None,
) -> ExtractReport:
    """Extract every article of ``corpus_dir`` and store the results under ``out_dir``.

    Articles are extracted in ``jobs`` worker processes (each loads the models once), or on a
    Dask cluster: ``scheduler`` "dask" starts a local one with ``jobs`` workers, a
    ``tcp://HOST:PORT`` address uses an existing one. Articles are read as the workers need
    them and results written as they arrive, in corpus order, so memory stays flat whatever the
    corpus size and the files are the same whichever way they were made. An article whose
    extraction fails is reported in ``skipped`` (and ``skipped.csv``); the others are stored
    completely. ``metadata`` and ``aliases`` are the user's ``metadata.csv`` and ``aliases.csv``
    (default: those in the corpus folder, when there; see ``reading.overrides``).
    """
    corpus = Path(corpus_dir)
    files = correction_files(corpus, metadata, aliases)
    with output_folder(out_dir, corpus) as out:
        return _extract(corpus, out, progress, jobs, scheduler, files)


def _extract(corpus: Path, out: Path, progress: bool, jobs: int, scheduler: str | None, user: dict) -> ExtractReport:
    items = iter_corpus(corpus)
    user_metadata, user_aliases = read_metadata(user.get(METADATA_FILE)), read_aliases(user.get(ALIASES_FILE))
    metadata_used, aliases_used = set(), Counter()  # rows applied (aliases: in how many articles)
    folder = data_dir(out)
    record = folder / "extraction.json"
    earlier = read_json(record).get("outputs", {})
    # marked first: a run stopped part-way leaves a record no later run takes as current (it has
    # no key), which still lists the files of the last whole extraction for the next to remove
    if record.exists():
        write_json(record, {"incomplete": "an extraction started and did not finish: run it again", "outputs": earlier})
    not_loaded: list[Skipped] = []  # files and lines the loader could not use, in corpus order
    failed: list[Skipped] = []  # articles whose extraction failed
    files: dict[str, tuple[str, str]] = {}  # article id -> its file's name and sha256
    streams = {name: CsvStream(folder / f"{name}.csv", row) for name, row in _TABLES.items()}
    seen, warnings = [], []
    mentions, in_articles = Counter(), Counter()  # by actor id
    known: dict[str, Actor] = {}
    bar = tqdm(total=count_articles(corpus), desc="extract", unit="article", disable=not progress)

    def articles() -> Iterator[Article]:
        for item in items:
            if isinstance(item, Skipped):
                not_loaded.append(item)
                bar.update()
            else:
                files[item.id] = (Path(item.path).name, item.file_sha256)
                rows = user_metadata.rows_for(item)
                metadata_used.update(row.row for row in rows)
                yield apply_metadata(item, rows)

    try:
        for result in extracted(articles(), jobs, scheduler, user_aliases.rows):
            bar.update()
            if result.error:
                failed.append(Skipped(result.path, result.error))
                continue
            seen.append(result.article_id)
            known.update((a.actor_id, a) for a in result.actors)
            write_atomic(folder / "texts" / f"{result.article_id}.txt", result.text)
            write_atomic(folder / "facts" / f"{result.article_id}.json", result.facts_json)
            for name, stream in streams.items():
                stream.write(result.rows[name])
            mentions.update(result.mention_actors)
            in_articles.update(set(result.mention_actors))
            warnings.extend(result.warnings)
            aliases_used.update(result.aliases_used)
    except BaseException:
        for stream in streams.values():
            stream.discard()
        raise
    finally:
        bar.close()
    for stream in streams.values():
        stream.close()
    skipped = not_loaded + failed
    warnings.extend(
        [
            *user_metadata.problems,
            *user_metadata.unused(metadata_used),
            *user_aliases.problems,
            *user_aliases.unused(set(aliases_used)),
        ]
    )
    actor_rows = [
        ActorRow(
            aid, known[aid].name, known[aid].kind, known[aid].code, known[aid].country, in_articles[aid], mentions[aid]
        )
        for aid in sorted(mentions)
    ]
    write_table(folder / "actors.csv", ActorRow, actor_rows)
    write_table(folder / "skipped.csv", SkippedRow, [SkippedRow(Path(s.path).name, s.reason) for s in skipped])
    stop_point("network")
    network = _write_network(out, load_results(out), corpus_name=corpus.name)
    exports = write_data_files(out)
    written = [
        *(f"data/{sub}/{aid}.{suffix}" for aid in seen for sub, suffix in (("texts", "txt"), ("facts", "json"))),
        *(f"data/{name}.csv" for name in (*_TABLES, "actors", "skipped")),
        *(p.relative_to(out).as_posix() for p in [*network, *exports]),
    ]
    remove_outputs(out, sorted(set(earlier) - set(written) - {"data/extraction.json"}))
    inputs, code = {**input_hashes(corpus_files(corpus)), **correction_hashes(user)}, code_hash()
    # written last: it lists every output with its sha256, so it vouches only for a whole extraction
    write_json(
        record,
        {
            "package_version": __version__,
            "corpus": str(corpus.resolve()),
            "inputs": dict(files[aid] for aid in seen),
            "articles": {aid: files[aid][0] for aid in seen},
            "skipped": [[str(s.path), s.reason] for s in skipped],
            "warnings": warnings,
            # the user's metadata.csv and aliases.csv, and the corrections applied
            "corrections": {name: {"path": str(path), "sha256": inputs[name]} for name, path in sorted(user.items())},
            "aliases": [
                {"row": a.row, "actor": a.actor, "action": a.action, "name": a.name, "articles": aliases_used[a.row]}
                for a in user_aliases.rows
            ],
            "code": code,
            "key": key(inputs, code),  # a rerun with the same key has nothing to extract
            "outputs": listed_outputs(out, sorted(written)),
        },
    )
    return ExtractReport(out, len(seen), mentions.total(), len(actor_rows), tuple(skipped), tuple(warnings))


# a worker costs ~1.5 s of model loading: fewer articles than this each are faster in one process
ARTICLES_PER_WORKER = 20
TASK_ARTICLES = 4  # articles per task: fewer round trips than one, still an even finish
TASKS_AHEAD = 4  # tasks in flight per worker: keeps workers busy, bounds the memory results take
DASK_CONNECT_SECONDS = 10


def extracted(
    articles: Iterable[Article], jobs: int = 1, scheduler: str | None = None, aliases=()
) -> Iterator[ArticleResult]:
    """``extract_article`` over ``articles`` (with the user's ``aliases``), results in their
    order: here, in worker processes, or on a Dask cluster. Articles are taken from
    ``articles`` only as they are needed."""
    articles = iter(articles)
    if scheduler:
        yield from _on_dask(articles, jobs, scheduler, aliases)
        return
    head = list(islice(articles, ARTICLES_PER_WORKER * jobs))
    workers = min(jobs, len(head) // ARTICLES_PER_WORKER)
    if workers <= 1:
        yield from map(partial(extract_article, aliases=aliases), chain(head, articles))
        return
    # The first article is extracted here: that loads the models and builds every lexicon
    # index (~1 s), once, and the forked workers share them instead of each building its own.
    yield extract_article(head[0], aliases)
    gc.freeze()  # the collector in a worker then leaves the shared objects' pages uncopied
    try:
        pool = ProcessPoolExecutor(
            workers, mp_context=get_context("fork"), initializer=end_with_parent, initargs=(os.getpid(),)
        )
        try:
            yield from _in_order(partial(pool.submit, extract_articles), chain(head[1:], articles), workers, aliases)
        except BaseException:  # Ctrl-C or a failure: no task waits for the ones in flight
            stop_workers(pool)
            raise
        pool.shutdown(wait=True)
    finally:
        gc.unfreeze()


def _in_order(submit, articles: Iterator[Article], workers: int, aliases=()) -> Iterator[ArticleResult]:
    """Results of ``extract_articles`` over tasks of ``TASK_ARTICLES`` articles, each handed
    with ``aliases`` to ``submit`` (an executor's or a Dask client's, bound to
    ``extract_articles``), in order, with at most ``TASKS_AHEAD`` tasks per worker in flight:
    the corpus is never all read or all held as results."""
    pending = deque()
    while task := list(islice(articles, TASK_ARTICLES)):
        pending.append(submit(task, aliases))
        if len(pending) >= TASKS_AHEAD * workers:
            yield from pending.popleft().result()
    while pending:
        yield from pending.popleft().result()


def _on_dask(articles: Iterator[Article], jobs: int, scheduler: str, aliases=()) -> Iterator[ArticleResult]:
    from dask.distributed import Client, LocalCluster

    if scheduler == "dask":
        cluster = LocalCluster(n_workers=max(1, jobs), threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
    elif scheduler.startswith("tcp://"):
        cluster = None
        try:
            client = Client(scheduler, timeout=DASK_CONNECT_SECONDS)
        except OSError as error:
            raise ParameterError(
                f"no Dask scheduler answers at {scheduler} ({error}): start one there with "
                "`dask scheduler`, or check the address and port"
            ) from None
    else:
        raise ParameterError(f"scheduler must be dask or tcp://HOST:PORT, got {scheduler!r}")
    try:
        # pure=False: every task is new work, never a cached result
        submit = partial(client.submit, extract_articles, pure=False)
        yield from _in_order(submit, articles, max(1, sum(client.nthreads().values())), aliases)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def open_results(out_dir: str | Path, corpus_dir: str | Path) -> Results:
    """Stored results of ``out_dir``; when there are none yet, extract ``corpus_dir`` first."""
    ensure_results(out_dir, corpus_dir)
    return load_results(out_dir)


def ensure_results(out_dir: str | Path, corpus_dir: str | Path) -> None:
    """Extract ``corpus_dir`` into ``out_dir`` unless it holds whole results already, saying so
    and showing progress: a notebook opened before any run would otherwise sit silent while the
    models load."""
    if has_results(out_dir):
        return
    print(
        f"No stored results in {Path(out_dir) / 'data'} yet: extracting {corpus_dir} first, once "
        "(the language models take about 15 s to load, then a bar shows the articles).",
        flush=True,
    )
    extract_corpus(corpus_dir, out_dir, progress=True)


def _write_network(out: Path, results: Results, corpus_name: str) -> list[Path]:
    """The corpus' actor and country networks with their default parameters: files and figures
    (the paths written)."""
    # networkx, pandas and matplotlib load here, after the workers: they never need them
    from ..network.graph import (
        actor_graph,
        centrality_table,
        country_graph,
        layout,
        network_figure,
        save_figure,
        write_network,
    )

    folder = out / "network"
    described = (
        f"Corpus: {corpus_name} ({len(results.articles)} articles). Window: sentence; links of weight >= 1 "
        "(named together, met, signed, affiliated); digests of other news left out."
    )
    actors = actor_graph(results)
    written = []
    for stem, graph, title in (
        ("actors", actors, "Actor network"),
        ("countries", country_graph(actors, results), "Country network"),
    ):
        positions = layout(graph)
        written += write_network(graph, folder, stem, positions)
        table = centrality_table(graph)
        metrics = folder / ("metrics.csv" if stem == "actors" else f"{stem}_metrics.csv")
        write_csv(metrics, list(table.columns), table.to_dict("records"))
        written.append(metrics)
        figure = network_figure(graph, title=title, caption=described, positions=positions)
        written += save_figure(figure, folder / stem)
    return written
