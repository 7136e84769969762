"""Extraction: corpus folder in, stored texts, tables, facts JSON and actor network out."""

from __future__ import annotations

import gc
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path

from tqdm import tqdm

from . import __version__
from .actors import Actor, resolve_actors
from .corpus import Skipped, load_corpus
from .errors import ParameterError, ResultsError
from .facts import build_facts
from .links import as_record, network
from .network import (actor_graph, centrality_table, country_graph, layout, network_figure, save_figure,
                      write_network)
from .nlp import analyse
from .provenance import code_hash, input_hashes, key
from .roles import person_roles
from .store import (ACTOR_COLUMNS, ARTICLE_COLUMNS, FACT_TABLES, MENTION_COLUMNS, REMOVED_COLUMNS, ROLE_COLUMNS,
                    SKIPPED_COLUMNS, CsvStream, Results, data_dir, fact_rows, json_text, load_results, write_atomic,
                    write_csv, write_json)


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
    """Everything the extraction stores for one article (or why it failed)."""

    article_id: str
    path: str
    text: str = ""
    facts_json: str = ""  # the fact record as stored: encoding it is part of a worker's work
    tables: dict = field(default_factory=dict)  # table name -> rows
    actors: tuple[Actor, ...] = ()
    warnings: tuple[str, ...] = ()
    error: str = ""


def extract_article(article) -> ArticleResult:
    """The stored results of one article: a pure function of it, so any worker can run it.

    A failure is returned, not raised: one bad article must not stop the others.
    """
    try:
        analysis = analyse(article)
        actors, actor_ids = resolve_actors(analysis.mentions, article.source_spans)
        roles = person_roles(article.text, analysis.mentions, analysis.sentences, actor_ids, actors)
        facts = build_facts(article, list(analysis.mentions), actors, actor_ids, roles, analysis.sentences)
    except Exception as error:
        return ArticleResult(article.id, article.path, error=f"extraction failed: {type(error).__name__}: {error}")
    record = facts.as_json()
    tables = {kind: fact_rows(kind, record) for kind in FACT_TABLES}
    tables["articles"] = [{
        "article_id": article.id, "title": article.title, "title_source": article.title_source,
        "published": article.published, "source": ";".join(article.sources), "dateline": article.dateline,
        "file": Path(article.path).name, "line": article.line or "", "url": article.url, "encoding": article.encoding,
        "sha256": article.sha256, "chars": len(article.text),
        "chars_analysed": sum(p.stop - p.start for p in article.analysed_paragraphs if p.kind != "digest"),
        "chars_removed": article.removed_chars, "chars_digest": article.digest_chars,
        "paragraphs": len(article.analysed_paragraphs), "sentences": len(analysis.sentences),
        "mentions": len(analysis.mentions), "persons": len(facts.persons), "warnings": "; ".join(article.warnings),
    }]
    tables["roles"] = [{"article_id": article.id, "actor_id": r.actor_id, "role": r.role,
                        "affiliation": r.affiliation or "", "start": r.start, "stop": r.stop} for r in roles]
    tables["removed"] = [{"article_id": article.id, "start": p.start, "stop": p.stop, "reason": p.kind, "text": p.text}
                         for p in article.paragraphs if p.kind not in ("title", "body")]
    tables["mentions"] = [{"article_id": article.id, "start": m.start, "stop": m.stop, "text": m.text, "type": m.type,
                           "normal": m.normal, "actor_id": aid, "paragraph": m.paragraph, "sentence": m.sentence,
                           "block": m.block} for m, aid in zip(analysis.mentions, actor_ids)]
    actor_rows = [{"actor_id": a.actor_id, "name": a.name, "kind": a.kind, "code": a.code or "",
                   "country": a.country or ""} for a in actors]
    record["network"] = as_record(network(tables["mentions"], tables["meetings"], tables["agreements"],
                                          tables["roles"], actor_rows))
    return ArticleResult(article.id, article.path, article.text, json_text(record) + "\n", tables, tuple(actors),
                         tuple(f"{Path(article.path).name}: {w}" for w in article.warnings))


_TABLES = {"articles": ARTICLE_COLUMNS, "mentions": MENTION_COLUMNS, "removed": REMOVED_COLUMNS,
           "roles": ROLE_COLUMNS, **FACT_TABLES}


def extract_corpus(corpus_dir: str | Path, out_dir: str | Path, progress: bool = True, jobs: int = 1,
                   scheduler: str | None = None) -> ExtractReport:
    """Extract every article of ``corpus_dir`` and store the results under ``out_dir``.

    Articles are extracted in ``jobs`` worker processes (each loads the models once), or on a
    Dask cluster: ``scheduler`` "dask" starts a local one with ``jobs`` workers, a
    ``tcp://HOST:PORT`` address uses an existing one. Results are written as they arrive, in
    corpus order, so memory stays flat and the files are the same whichever way they were made.
    An article whose extraction fails is reported in ``skipped`` (and ``skipped.csv``); the
    others are stored completely.
    """
    corpus = load_corpus(corpus_dir)
    out = Path(out_dir)
    folder = data_dir(out)
    skipped = list(corpus.skipped)
    streams = {name: CsvStream(folder / f"{name}.csv", columns) for name, columns in _TABLES.items()}
    seen, warnings, counts = [], [], {}
    known: dict[str, Actor] = {}
    try:
        results = extracted(corpus.articles, jobs, scheduler)
        for result in tqdm(results, total=len(corpus.articles), desc="extract", unit="article", disable=not progress):
            if result.error:
                skipped.append(Skipped(result.path, result.error))
                continue
            seen.append(result.article_id)
            known.update((a.actor_id, a) for a in result.actors)
            write_atomic(folder / "texts" / f"{result.article_id}.txt", result.text)
            write_atomic(folder / "facts" / f"{result.article_id}.json", result.facts_json)
            for name, stream in streams.items():
                stream.write(result.tables[name])
            for row in result.tables["mentions"]:
                seen_in = counts.setdefault(row["actor_id"], [0, set()])
                seen_in[0] += 1
                seen_in[1].add(row["article_id"])
            warnings.extend(result.warnings)
    except BaseException:
        for stream in streams.values():
            stream.discard()
        raise
    for stream in streams.values():
        stream.close()
    _remove_stale(folder, seen)
    actor_rows = [{"actor_id": aid, "name": known[aid].name, "kind": known[aid].kind, "code": known[aid].code,
                   "country": known[aid].country, "articles": len(counts[aid][1]), "mentions": counts[aid][0]}
                  for aid in sorted(counts)]
    write_csv(folder / "actors.csv", ACTOR_COLUMNS, actor_rows)
    write_csv(folder / "skipped.csv", SKIPPED_COLUMNS, [{"file": Path(s.path).name, "reason": s.reason} for s in skipped])
    kept = set(seen)
    inputs, code = input_hashes(Path(corpus.path)), code_hash()
    write_json(folder / "extraction.json", {
        "package_version": __version__,
        "corpus": str(Path(corpus.path).resolve()),
        "inputs": {Path(a.path).name: a.file_sha256 for a in corpus.articles if a.id in kept},
        "articles": {a.id: Path(a.path).name for a in corpus.articles if a.id in kept},
        "skipped": [[str(s.path), s.reason] for s in skipped],
        "warnings": warnings,
        "code": code,
        "key": key(inputs, code),  # a rerun with the same key has nothing to extract
    })
    _write_network(out, load_results(out), corpus_name=Path(corpus.path).name)
    return ExtractReport(out, len(seen), sum(c[0] for c in counts.values()), len(actor_rows), tuple(skipped),
                         tuple(warnings))


# a worker costs ~1.5 s of model loading: fewer articles than this each are faster in one process
ARTICLES_PER_WORKER = 20
DASK_BATCH = 64  # articles in flight on a cluster at once: bounds the memory results take


def extracted(articles, jobs: int = 1, scheduler: str | None = None):
    """``extract_article`` over ``articles``, results in their order: here, in worker processes,
    or on a Dask cluster."""
    if scheduler:
        yield from _on_dask(articles, jobs, scheduler)
    elif min(jobs, len(articles) // ARTICLES_PER_WORKER) <= 1:
        yield from map(extract_article, articles)
    else:
        # The first article is extracted here: that loads the models and builds every lexicon
        # index (~1 s), once, and the forked workers share them instead of each building its own.
        yield extract_article(articles[0])
        gc.freeze()  # the collector in a worker then leaves the shared objects' pages uncopied
        try:
            with ProcessPoolExecutor(min(jobs, len(articles) // ARTICLES_PER_WORKER),
                                     mp_context=get_context("fork")) as pool:
                yield from pool.map(extract_article, articles[1:], chunksize=4)
        finally:
            gc.unfreeze()


def _on_dask(articles, jobs: int, scheduler: str):
    from dask.distributed import Client, LocalCluster

    if scheduler == "dask":
        cluster = LocalCluster(n_workers=max(1, jobs), threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
    elif scheduler.startswith("tcp://"):
        cluster, client = None, Client(scheduler)
    else:
        raise ParameterError(f"scheduler must be dask or tcp://HOST:PORT, got {scheduler!r}")
    try:
        for start in range(0, len(articles), DASK_BATCH):
            yield from client.gather(client.map(extract_article, articles[start:start + DASK_BATCH], pure=False))
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def open_results(out_dir: str | Path, corpus_dir: str | Path) -> Results:
    """Stored results of ``out_dir``; when there are none yet, extract ``corpus_dir`` first."""
    try:
        return load_results(out_dir)
    except ResultsError:
        extract_corpus(corpus_dir, out_dir, progress=False)
        return load_results(out_dir)


def _remove_stale(folder: Path, ids: list[str]) -> None:
    """Drop per-article files of articles no longer in the corpus, so none is shown as current."""
    keep = set(ids)
    for sub, suffix in (("texts", ".txt"), ("facts", ".json")):
        for path in (folder / sub).glob(f"*{suffix}"):
            if path.stem not in keep:
                path.unlink()


def _write_network(out: Path, results: Results, corpus_name: str) -> None:
    """The corpus' actor and country networks with their default parameters: files and figures."""
    folder = out / "network"
    described = f"Corpus: {corpus_name} ({len(results.articles)} articles). Window: sentence; links of weight >= 1 " \
                "(named together, met, signed, affiliated); digests of other news left out."
    actors = actor_graph(results)
    for stem, graph, title in (("actors", actors, "Actor network"),
                               ("countries", country_graph(actors, results), "Country network")):
        positions = layout(graph)
        write_network(graph, folder, stem, positions)
        table = centrality_table(graph)
        write_csv(folder / ("metrics.csv" if stem == "actors" else f"{stem}_metrics.csv"), list(table.columns),
                  table.to_dict("records"))
        save_figure(network_figure(graph, title=title, caption=described, positions=positions), folder / stem)
