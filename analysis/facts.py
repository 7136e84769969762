"""The fact record of one article, in the schema of DESIGN.md: who is named, what met, what
was signed or planned, who said what, which dates, sums and areas of cooperation.

Every fact comes from the story, never from a digest of other news appended to it, and keeps
the offsets of the text it was read from.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from pathlib import Path

from .actors import Actor
from .agreements import find_agreements
from .amounts import find_amounts
from .boilerplate import DIGEST
from .corpus import BODY, TITLE, Article
from .dates import find_dates
from .meetings import find_meetings
from .nlp import Mention, Sentence
from .quotes import find_quotes
from .roles import PersonRole
from .themes import count_themes


@dataclass(frozen=True, slots=True)
class Facts:
    article_id: str
    title: str
    published: str | None
    sources: list[str]
    persons: list[dict]
    organizations: list[dict]
    countries: list[dict] = field(default_factory=list)
    places: list[dict] = field(default_factory=list)
    meetings: list[dict] = field(default_factory=list)
    agreements: list[dict] = field(default_factory=list)
    quotes: list[dict] = field(default_factory=list)
    dates: list[dict] = field(default_factory=list)
    amounts: list[dict] = field(default_factory=list)
    themes: list[dict] = field(default_factory=list)
    # added to the DESIGN.md schema: where the title came from, the dateline place, the people,
    # organisations and places named only in a digest of other news, the stored file's name and
    # the text's hash, and every mention as [start, stop, type, actor_id] (so that a fact sheet
    # needs nothing but this record and the text; extraction adds the article's "network")
    title_source: str = "title line"
    dateline: str | None = None
    digest: dict = field(default_factory=dict)
    file: str = ""
    sha256: str = ""
    mentions: list[list] = field(default_factory=list)

    def as_json(self) -> dict:
        # the fields already hold plain lists and dicts: asdict's deep copy cost more than a
        # whole fact finder
        return {f.name: getattr(self, f.name) for f in fields(self)}


def build_facts(article: Article, mentions: list[Mention], actors: list[Actor], actor_ids: list[str],
                roles: list[PersonRole], sentences: tuple[Sentence, ...]) -> Facts:
    """Facts of one article from its mentions, their resolved actors, roles and sentences.

    Each entity lists its mentions as ``[start, stop]`` offsets, in text order; entities
    are ordered by their first mention. Outlets are sources, not entities; mentions inside a
    digest of other news go to ``digest`` only.
    """
    body = [p for p in article.paragraphs if p.kind in (TITLE, BODY)]  # the story: no digest, no furniture
    story = [(p.start, p.stop) for p in body]
    digest_sentences = frozenset(s.index for s in sentences if article.paragraphs[s.paragraph].kind == DIGEST)
    dates = find_dates(article.text, story, article.published)
    events = {
        "meetings": [m.as_json() for m in find_meetings(article.text, sentences, mentions, actor_ids, actors, roles,
                                                        dates, digest_sentences, article.published)],
        "agreements": [a.as_json() for a in find_agreements(article.text, sentences, mentions, actor_ids, actors,
                                                            digest_sentences)],
        "quotes": [q.as_json() for q in find_quotes(article.text, body, mentions, actor_ids, actors, roles)],
        "dates": [d.as_json() for d in dates],
        "amounts": [a.as_json() for a in find_amounts(article.text, story)],
        "themes": [t.as_json() for t in count_themes(article.text, story)],
    }
    names = {a.actor_id: a for a in actors}
    pairs = sorted(zip(mentions, actor_ids), key=lambda pair: pair[0].start)
    entities = _entities([(m, aid) for m, aid in pairs if m.block != "digest"], names)
    for person in entities["person"]:
        actor_id = person.pop("actor_id")
        own = [r for r in roles if r.actor_id == actor_id]
        person["roles"] = list(dict.fromkeys(r.role for r in own))
        person["affiliation"] = next((r.affiliation for r in own if r.affiliation), None)
    digest = _entities([(m, aid) for m, aid in pairs if m.block == "digest"], names)
    return Facts(
        article_id=article.id,
        title=article.title,
        published=article.published or None,
        sources=list(article.sources),
        persons=entities["person"],
        organizations=entities["organization"],
        countries=entities["country"],
        places=entities["place"],
        **events,
        title_source=article.title_source,
        dateline=article.dateline or None,
        digest={kind: [e["name"] for e in entries] for kind, entries in digest.items() if entries},
        file=Path(article.path).name,
        sha256=article.sha256,
        mentions=[[m.start, m.stop, m.type, aid] for m, aid in pairs],
    )


def _entities(pairs: list[tuple[Mention, str]], names: dict[str, Actor]) -> dict[str, list[dict]]:
    spans: dict[str, list[list[int]]] = {}
    for mention, aid in pairs:
        spans.setdefault(aid, []).append([mention.start, mention.stop])
    by_kind: dict[str, list[dict]] = {"person": [], "organization": [], "country": [], "place": []}
    for aid, offsets in spans.items():
        actor = names[aid]
        if actor.kind == "person":  # actor_id lets build_facts attach roles, then goes
            entry = {"name": actor.name, "roles": [], "affiliation": None, "mentions": offsets, "actor_id": aid}
        elif actor.kind == "country":
            entry = {"name": actor.name, "code": actor.code, "mentions": offsets}
        elif actor.kind == "place":
            entry = {"name": actor.name, "country": actor.country or None, "mentions": offsets}
        elif actor.kind == "organization":
            entry = {"name": actor.name, "mentions": offsets}
        else:
            continue  # media: the article's sources, listed under "sources"
        by_kind[actor.kind].append(entry)
    return by_kind
