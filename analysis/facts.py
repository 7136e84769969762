"""The fact record of one article, in the schema of DESIGN.md.

Lists that the package does not extract yet stay empty; nothing is invented to fill them.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

import pandas as pd

from .actors import Actor
from .corpus import Article
from .nlp import Mention
from .roles import PersonRole


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
    # added to the DESIGN.md schema: where the title came from, the dateline place, and the
    # people, organisations and places named only in a digest of other news
    title_source: str = "title line"
    dateline: str | None = None
    digest: dict = field(default_factory=dict)

    def as_json(self) -> dict:
        return asdict(self)


def build_facts(article: Article, mentions: list[Mention], actors: list[Actor], actor_ids: list[str],
                roles: list[PersonRole] = ()) -> Facts:
    """Facts of one article from its mentions and their resolved actors.

    Each entity lists its mentions as ``[start, stop]`` offsets, in text order; entities
    are ordered by their first mention. Outlets are sources, not entities; mentions inside a
    digest of other news go to ``digest`` only.
    """
    names = {a.actor_id: a for a in actors}
    pairs = sorted(zip(mentions, actor_ids), key=lambda pair: pair[0].start)
    story = _entities([(m, aid) for m, aid in pairs if m.block != "digest"], names)
    for person in story["person"]:
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
        persons=story["person"],
        organizations=story["organization"],
        countries=story["country"],
        places=story["place"],
        title_source=article.title_source,
        dateline=article.dateline or None,
        digest={kind: [e["name"] for e in entries] for kind, entries in digest.items() if entries},
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


def entity_table(entries: list[dict]) -> pd.DataFrame:
    """A fact record's persons, organizations, countries or places as a table, by first mention."""
    rows = [{"name": e["name"],
             **({"roles": "; ".join(e["roles"]), "affiliation": e["affiliation"] or ""} if "roles" in e else {}),
             **({"code": e["code"]} if "code" in e else {}),
             **({"country": e["country"] or ""} if "country" in e else {}),
             "mentions": len(e["mentions"]), "first at": e["mentions"][0][0]} for e in entries]
    return pd.DataFrame(rows)


def digest_table(facts: dict) -> pd.DataFrame:
    """People, organisations and places named only in the article's digest of other news."""
    rows = [{"kind": kind, "name": name} for kind, names in facts.get("digest", {}).items() for name in names]
    return pd.DataFrame(rows, columns=["kind", "name"])
