"""Extraction: corpus folder in, stored texts, tables, facts JSON and actor network out."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tqdm import tqdm

from . import __version__
from .actors import Actor, resolve_actors
from .corpus import Skipped, load_corpus
from .errors import ResultsError
from .facts import build_facts
from .network import (actor_graph, centrality_table, country_graph, layout, network_figure, save_figure,
                      write_network)
from .nlp import analyse
from .provenance import code_hash, input_hashes, key
from .roles import person_roles
from .store import (ACTOR_COLUMNS, ARTICLE_COLUMNS, FACT_TABLES, MENTION_COLUMNS, REMOVED_COLUMNS, ROLE_COLUMNS,
                    SKIPPED_COLUMNS, Results, data_dir, fact_rows, load_results, write_atomic, write_csv, write_json)


@dataclass(frozen=True, slots=True)
class ExtractReport:
    """What one extraction stored, and which files it could not use."""

    out: Path
    articles: int
    mentions: int
    actors: int
    skipped: tuple[Skipped, ...]
    warnings: tuple[str, ...] = ()


def extract_corpus(corpus_dir: str | Path, out_dir: str | Path, progress: bool = True) -> ExtractReport:
    """Extract every article of ``corpus_dir`` and store the results under ``out_dir``.

    An article whose extraction fails is reported in ``skipped`` (and ``skipped.csv``);
    the others are stored completely.
    """
    corpus = load_corpus(corpus_dir)
    out = Path(out_dir)
    folder = data_dir(out)
    skipped = list(corpus.skipped)
    articles, mentions, removed, role_rows, seen, warnings = [], [], [], [], [], []
    fact_tables: dict[str, list[dict]] = {kind: [] for kind in FACT_TABLES}
    known: dict[str, Actor] = {}
    for article in tqdm(corpus.articles, desc="extract", unit="article", disable=not progress):
        try:
            analysis = analyse(article)
            actors, actor_ids = resolve_actors(analysis.mentions, article.source_spans)
            roles = person_roles(article.text, analysis.mentions, analysis.sentences, actor_ids, actors)
            facts = build_facts(article, list(analysis.mentions), actors, actor_ids, roles, analysis.sentences)
        except Exception as error:  # one bad article must not stop the others; it is reported
            skipped.append(Skipped(article.path, f"extraction failed: {type(error).__name__}: {error}"))
            continue
        seen.append(article.id)
        known.update((a.actor_id, a) for a in actors)
        write_atomic(folder / "texts" / f"{article.id}.txt", article.text)
        record = facts.as_json()
        write_json(folder / "facts" / f"{article.id}.json", record)
        for kind, rows in fact_tables.items():
            rows.extend(fact_rows(kind, record))
        warnings.extend(f"{Path(article.path).name}: {w}" for w in article.warnings)
        articles.append({
            "article_id": article.id, "title": article.title, "title_source": article.title_source,
            "published": article.published, "source": ";".join(article.sources), "dateline": article.dateline,
            "file": Path(article.path).name, "line": article.line or "", "url": article.url,
            "encoding": article.encoding,
            "sha256": article.sha256, "chars": len(article.text),
            "chars_analysed": sum(p.stop - p.start for p in article.analysed_paragraphs if p.kind != "digest"),
            "chars_removed": article.removed_chars, "chars_digest": article.digest_chars,
            "paragraphs": len(article.analysed_paragraphs), "sentences": len(analysis.sentences),
            "mentions": len(analysis.mentions), "persons": len(facts.persons), "warnings": "; ".join(article.warnings),
        })
        role_rows.extend({"article_id": article.id, "actor_id": r.actor_id, "role": r.role,
                          "affiliation": r.affiliation or "", "start": r.start, "stop": r.stop} for r in roles)
        removed.extend({"article_id": article.id, "start": p.start, "stop": p.stop, "reason": p.kind, "text": p.text}
                       for p in article.paragraphs if p.kind not in ("title", "body"))
        for mention, aid in zip(analysis.mentions, actor_ids):
            mentions.append({"article_id": article.id, "start": mention.start, "stop": mention.stop,
                             "text": mention.text, "type": mention.type, "normal": mention.normal,
                             "actor_id": aid, "paragraph": mention.paragraph, "sentence": mention.sentence,
                             "block": mention.block})
    _remove_stale(folder, seen)
    actors_rows = _actor_rows(mentions, known)
    write_csv(folder / "articles.csv", ARTICLE_COLUMNS, articles)
    write_csv(folder / "mentions.csv", MENTION_COLUMNS, mentions)
    write_csv(folder / "actors.csv", ACTOR_COLUMNS, actors_rows)
    write_csv(folder / "removed.csv", REMOVED_COLUMNS, removed)
    write_csv(folder / "roles.csv", ROLE_COLUMNS, role_rows)
    for kind, rows in fact_tables.items():
        write_csv(folder / f"{kind}.csv", FACT_TABLES[kind], rows)
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
    return ExtractReport(out, len(articles), len(mentions), len(actors_rows), tuple(skipped), tuple(warnings))


def open_results(out_dir: str | Path, corpus_dir: str | Path) -> Results:
    """Stored results of ``out_dir``; when there are none yet, extract ``corpus_dir`` first."""
    try:
        return load_results(out_dir)
    except ResultsError:
        extract_corpus(corpus_dir, out_dir, progress=False)
        return load_results(out_dir)


def _actor_rows(mentions: list[dict], known: dict[str, Actor]) -> list[dict]:
    """One row per actor, sorted by id, with its numbers of articles and mentions."""
    articles: dict[str, set[str]] = {}
    counts: dict[str, int] = {}
    for m in mentions:
        articles.setdefault(m["actor_id"], set()).add(m["article_id"])
        counts[m["actor_id"]] = counts.get(m["actor_id"], 0) + 1
    return [{"actor_id": aid, "name": known[aid].name, "kind": known[aid].kind, "code": known[aid].code,
             "country": known[aid].country, "articles": len(articles[aid]), "mentions": counts[aid]}
            for aid in sorted(counts)]


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
