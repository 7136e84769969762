"""Who is linked to whom in the actor network, and on what evidence, in plain Python.

Two actors are linked when they are named in the same window (sentence, paragraph or article;
the link counts such windows as ``cooccurrence``) and by what the facts say: ``met`` (both took
part in a meeting held, not one to come), ``signed`` (both are parties to a document signed or
in force), ``affiliated`` (a person's role names a country or organisation). ``weight`` is the
sum of the four. Every link keeps the articles and the text spans (``article_id:start-stop``) behind it.

The input rows are those of the stored tables (mentions, meetings, agreements, roles, actors)
as dicts, so the same code gives one article's network at extraction, for its fact sheet, and
the corpus' from the tables. Nothing here imports networkx or pandas.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations, groupby

from ..facts.schema import ArticleNetwork, Link, Node
from ..params import check_choice
from ..vocabulary import ACTOR_KINDS, BINDING, LINK_KINDS, STRONGEST_FIRST, Block, LinkKind, MeetingStatus

WINDOWS = ("sentence", "paragraph", "article")
EVIDENCE_LIMIT = 20  # spans kept per edge: enough to check it, not the whole corpus


@dataclass(frozen=True, slots=True)
class Network:
    """Nodes (actor id -> attributes) and edges (sorted id pair -> attributes), both sorted."""

    nodes: dict[str, dict]
    edges: dict[tuple[str, str], dict]


def network(
    mentions: list[dict],
    meetings: list[dict],
    agreements: list[dict],
    roles: list[dict],
    actors: list[dict],
    window: str = "sentence",
    min_weight: int = 1,
    include_digest: bool = False,
    kinds: tuple[str, ...] = ACTOR_KINDS,
) -> Network:
    """The network of the given rows. Edges lighter than ``min_weight`` are dropped, and so are
    actors left without a link unless there are no links at all. Mentions in digests of other
    news count only with ``include_digest``."""
    check_choice("window", window, WINDOWS)
    by_id = {a["actor_id"]: a for a in actors}
    mentions = [
        m for m in mentions if by_id[m["actor_id"]]["kind"] in kinds and (include_digest or m["block"] != Block.DIGEST)
    ]
    edges: dict[tuple[str, str], dict] = {}
    fields = {
        "sentence": ("article_id", "sentence"),
        "paragraph": ("article_id", "paragraph"),
        "article": ("article_id",),
    }[window]

    def group(m):
        return tuple(m[f] for f in fields)

    for key, rows in groupby(sorted(mentions, key=group), key=group):
        rows = list(rows)
        span = f"{key[0]}:{min(r['start'] for r in rows)}-{max(r['stop'] for r in rows)}"
        for pair in combinations(sorted({r["actor_id"] for r in rows}), 2):
            _link(edges, pair, LinkKind.COOCCURRENCE, key[0], span)
    present = {m["actor_id"] for m in mentions}
    for kind, article, ids, span in _fact_links(meetings, agreements, roles, actors, present):
        for pair in combinations(sorted(set(ids)), 2):
            _link(edges, pair, kind, article, span)
    kept = {pair: data for pair, data in sorted(edges.items()) if data["weight"] >= min_weight}
    linked = {node for pair in kept for node in pair}
    counts: dict[str, list] = {}
    for m in mentions:
        seen = counts.setdefault(m["actor_id"], [0, set()])
        seen[0] += 1
        seen[1].add(m["article_id"])
    nodes = {}
    for node in sorted(counts):
        if kept and node not in linked:
            continue
        actor = by_id[node]
        nodes[node] = {
            "label": actor["name"],
            "kind": actor["kind"],
            "country": actor["code"] or actor["country"],
            "mentions": counts[node][0],
            "articles": len(counts[node][1]),
            "article_ids": ";".join(sorted(counts[node][1])),
        }
    return Network(
        nodes, {pair: _edge_attributes(data) for pair, data in kept.items() if pair[0] in nodes and pair[1] in nodes}
    )


def _link(edges: dict, pair: tuple[str, str], kind: str, article: str, span: str) -> None:
    data = edges.setdefault(pair, {"weight": 0, **dict.fromkeys(LINK_KINDS, 0), "articles": set(), "evidence": []})
    data[kind] += 1
    data["weight"] += 1
    data["articles"].add(article)
    if len(data["evidence"]) < EVIDENCE_LIMIT:
        data["evidence"].append(span)


def summed(links: list[dict]) -> dict:
    """Edge attributes of several edges folded into one (weights and counts add up)."""
    total = {"weight": 0, **dict.fromkeys(LINK_KINDS, 0), "articles": set(), "evidence": []}
    for data in links:
        for key in ("weight", *LINK_KINDS):
            total[key] += data[key]
        total["articles"].update(a for a in data["articles"].split(";") if a)
        total["evidence"].extend(data["evidence"].split(";")[: EVIDENCE_LIMIT - len(total["evidence"])])
    return _edge_attributes(total)


def _edge_attributes(data: dict) -> dict:
    strongest = next(kind.value for kind in STRONGEST_FIRST if data[kind])
    return {
        "weight": data["weight"],
        **{kind.value: data[kind] for kind in LINK_KINDS},
        "type": strongest,
        "articles": ";".join(sorted(data["articles"])),
        "evidence": ";".join(data["evidence"]),
    }


def _fact_links(meetings: list[dict], agreements: list[dict], roles: list[dict], actors: list[dict], present: set[str]):
    """(kind, article, actor ids, span) for each meeting, signed document and role."""
    for rows, kind, column in ((meetings, LinkKind.MET, "participant_ids"), (agreements, LinkKind.SIGNED, "party_ids")):
        for row in rows:
            if kind == LinkKind.SIGNED and row["status"] not in BINDING:
                continue
            if kind == LinkKind.MET and row["status"] != MeetingStatus.HELD:
                continue  # a meeting to come links no one yet
            ids = [i for i in row[column].split(";") if i in present]
            yield kind, row["article_id"], ids, f"{row['article_id']}:{row['start']}-{row['stop']}"
    names = {a["name"]: a["actor_id"] for a in actors}
    codes = {a["code"]: a["actor_id"] for a in actors if a["code"]}
    for row in roles:
        target = codes.get(row["affiliation"]) or names.get(row["affiliation"])
        if target in present and row["actor_id"] in present:
            yield (
                LinkKind.AFFILIATED,
                row["article_id"],
                [row["actor_id"], target],
                f"{row['article_id']}:{row['start']}-{row['stop']}",
            )


def as_record(found: Network) -> ArticleNetwork:
    """One article's network for its fact record: nodes, and links with their evidence as
    ``(start, stop)`` offsets."""
    return ArticleNetwork(
        nodes=tuple(
            Node(node, data["label"], data["kind"], data["country"], data["mentions"])
            for node, data in found.nodes.items()
        ),
        links=tuple(
            Link(
                u,
                v,
                **{key: data[key] for key in ("weight", *LINK_KINDS, "type")},
                evidence=tuple(
                    tuple(int(n) for n in span.rsplit(":", 1)[1].split("-")) for span in data["evidence"].split(";")
                ),
            )
            for (u, v), data in found.edges.items()
        ),
    )
