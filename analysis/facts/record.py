"""The fact record of one article (``FactRecord`` of ``schema``): who is named, what met, what
was signed or planned, who said what, which dates, sums and areas of cooperation.

Every fact comes from the story, never from a digest of other news appended to it, and keeps
the offsets of the text it was read from.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from ..vocabulary import ACTOR_KINDS, ActorKind, Block
from .agreements import find_agreements
from .amounts import find_amounts
from .dates import find_dates
from .deals import find_deals
from .document import Document
from .meetings import find_meetings
from .quotes import find_quotes
from .schema import Country, FactRecord, Organization, Person, Place
from .themes import count_themes


def _agreements(doc: Document) -> list:
    """The documents the story names, then the deals it tells of by a verb or its noun
    ("закупит у России вертолёты"), each in text order. A document named bare whose parties are
    all a deal's ("Сумма сделки составила …", "этого контракта") is that deal told again: its
    mentions join the deal's."""
    documents = find_agreements(doc)
    deals = find_deals(doc, documents)
    kept = []
    for document in documents:
        deal = next(
            (
                d
                for d in deals
                if len(document.title.split()) == 1
                and document.party_ids
                and set(document.party_ids) <= set(d.party_ids)
            ),
            None,
        )
        if deal is None:
            kept.append(document)
        else:
            deals[deals.index(deal)] = replace(deal, mentions=tuple(sorted({*deal.mentions, *document.mentions})))
    return [*kept, *deals]


def build_facts(doc: Document) -> FactRecord:
    """The fact record of a document (its network is added by the extraction, from the tables).

    Each entity lists its mentions as ``(start, stop)`` offsets, in text order; entities are
    ordered by their first mention. Outlets are sources, not entities; mentions inside a digest
    of other news go to ``digest`` only.
    """
    article, story = doc.article, doc.story_spans
    dates = find_dates(article.text, story, article.published)
    pairs = sorted(zip(doc.mentions, doc.actor_ids), key=lambda pair: pair[0].start)
    entities = _entities([(m, aid) for m, aid in pairs if m.block != Block.DIGEST], doc)
    digest = _entities([(m, aid) for m, aid in pairs if m.block == Block.DIGEST], doc)
    return FactRecord(
        article_id=article.id,
        title=article.title,
        published=article.published or None,
        sources=tuple(article.sources),
        persons=entities[ActorKind.PERSON],
        organizations=entities[ActorKind.ORGANIZATION],
        countries=entities[ActorKind.COUNTRY],
        places=entities[ActorKind.PLACE],
        meetings=tuple(find_meetings(doc, dates)),
        agreements=tuple(_agreements(doc)),
        quotes=tuple(find_quotes(doc)),
        dates=tuple(dates),
        amounts=tuple(find_amounts(article.text, story)),
        themes=tuple(count_themes(article.text, story)),
        title_source=article.title_source,
        dateline=article.dateline or None,
        digest={kind: tuple(e.name for e in found) for kind, found in digest.items() if found},
        file=Path(article.path).name,
        sha256=article.sha256,
        mentions=tuple((m.start, m.stop, m.type, aid) for m, aid in pairs),
    )


def _entities(pairs, doc: Document) -> dict[str, tuple]:
    """The persons, organisations, countries and places of ``pairs`` (mention, actor id), each
    with its mentions, in order of first mention."""
    spans: dict[str, list[tuple[int, int]]] = {}
    for mention, aid in pairs:
        spans.setdefault(aid, []).append((mention.start, mention.stop))
    found: dict[str, list] = {kind: [] for kind in ACTOR_KINDS}
    for aid, offsets in spans.items():
        actor, offsets = doc.by_id[aid], tuple(offsets)
        if actor.kind == ActorKind.PERSON:
            own = [r for r in doc.roles if r.actor_id == aid]
            found[actor.kind].append(
                Person(
                    actor.name,
                    tuple(dict.fromkeys(r.role for r in own)),
                    next((r.affiliation for r in own if r.affiliation), None),
                    offsets,
                )
            )
        elif actor.kind == ActorKind.COUNTRY:
            found[actor.kind].append(Country(actor.name, actor.code, offsets))
        elif actor.kind == ActorKind.PLACE:
            found[actor.kind].append(Place(actor.name, actor.country or None, offsets))
        elif actor.kind == ActorKind.ORGANIZATION:
            found[actor.kind].append(Organization(actor.name, offsets))
        # media: the article's sources, listed under "sources"
    return {kind: tuple(items) for kind, items in found.items()}
