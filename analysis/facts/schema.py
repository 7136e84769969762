"""The schema of everything the package stores: the fact record of an article and a row of
each table, as typed records.

Every record is a frozen dataclass; ``to_json`` and ``from_json`` convert any of them to and
from JSON (tuples as lists, enums as their words), and a table's CSV columns are its row
record's fields (``columns``; the rows are in ``rows``, which a fact sheet never needs).
``docs/schema.md`` is written from these classes and the rows (``python -m analysis.facts.schema
> docs/schema.md``; a test keeps it current).

Offsets (``start``, ``stop``, ``[start, stop]`` pairs) point into the article's decoded text,
stored as ``data/texts/<article_id>.txt``: ``text[start:stop]`` is what they name.

Nothing here imports more than the standard library, so a fact sheet reads records quickly.
"""

from __future__ import annotations

import inspect
import re
import sys
import typing
from dataclasses import MISSING, dataclass, field, fields, is_dataclass
from enum import Enum
from functools import cache
from types import NoneType, UnionType

Span = tuple[int, int]  # [start, stop] offsets into the article text


# ---- the fact record of one article -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Person:
    """A person named in the story, with the roles the article gives them."""

    name: str  # canonical nominative "First Last"
    roles: tuple[str, ...]  # role phrases in the nominative, in text order
    affiliation: str | None  # ISO code of a country, or an organisation's name, from the first role naming one
    mentions: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class Organization:
    """An organisation named in the story."""

    name: str
    mentions: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class Country:
    """A country or region named in the story (also by an adjective: "российская сторона")."""

    name: str
    code: str  # ISO 3166-1 alpha-2, or ISO 3166-2 for a region ("RU-TA")
    mentions: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class Place:
    """A city or other place named in the story."""

    name: str
    country: str | None  # ISO 3166-1 code of its country, when the gazetteer knows it
    mentions: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class Meeting:
    """A meeting, talks, a visit, a session or a call the story tells of, held or to come."""

    kind: str  # meeting, talks, visit, session, call (``data/meeting_words.csv``)
    participants: tuple[str, ...]  # actor names
    participant_ids: tuple[str, ...]
    place: str | None
    date: str | None  # ISO 8601, only the parts stated
    evidence: Span  # the sentence(s) it is told in
    participant_mentions: tuple[Span, ...] = ()  # one mention of each participant
    status: str = "held"  # a ``MeetingStatus``: held (or under way), or planned


@dataclass(frozen=True, slots=True)
class Agreement:
    """A treaty, agreement, memorandum, plan, programme or contract the story names, or a deal
    it tells of (a purchase, sale, supply or investment)."""

    kind: str  # ``data/agreement_words.csv``, or ``data/deal_words.csv`` for a deal
    title: str  # in the nominative up to the document word, then as written
    status: str | None  # an ``AgreementStatus``, or None when the text does not say
    parties: tuple[str, ...]
    party_ids: tuple[str, ...]
    year: str | None
    evidence: Span  # the sentence it is first named in
    mentions: tuple[Span, ...]  # each place its title is named


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quote, its speaker and the words that attribute it."""

    speaker: str | None
    speaker_id: str | None
    text: str  # ``text[start:stop]`` of the article, without quote marks or dash
    start: int
    stop: int
    cue: str  # the attribution phrase, "" when there is none
    cue_start: int  # -1 when there is no cue
    cue_stop: int


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date the text states, as ISO 8601 with only the parts it gives ("2014-12", "--07-10")."""

    text: str
    value: str
    start: int
    stop: int


@dataclass(frozen=True, slots=True)
class Amount:
    """A sum of money (ISO 4217 currency) or a percentage (currency "%")."""

    text: str
    amount: float | int
    currency: str
    start: int
    stop: int


@dataclass(frozen=True, slots=True)
class Theme:
    """An area of defence cooperation and how often the article names it (``data/themes.csv``)."""

    theme: str
    label: str
    count: int


@dataclass(frozen=True, slots=True)
class Node:
    """An actor of an article's network."""

    actor_id: str
    name: str
    kind: str  # an ``ActorKind``
    country: str  # ISO code of the actor or of its country, "" when unknown
    mentions: int


@dataclass(frozen=True, slots=True)
class Link:
    """A link of an article's network: how often each kind of evidence joins the two actors."""

    source: str
    target: str
    weight: int  # the sum of the four counts
    cooccurrence: int
    met: int
    signed: int
    affiliated: int
    type: str  # the strongest ``LinkKind`` present
    evidence: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class ArticleNetwork:
    """One article's actor network, as the corpus network would give it for that article alone."""

    nodes: tuple[Node, ...]
    links: tuple[Link, ...]


@dataclass(frozen=True, slots=True)
class FactRecord:
    """Everything extracted from one article (``data/facts/<article_id>.json``). Facts come from
    the story, never from a digest of other news appended to it."""

    article_id: str
    title: str
    published: str | None  # ISO 8601, possibly partial
    sources: tuple[str, ...]  # outlets the article cites
    persons: tuple[Person, ...]
    organizations: tuple[Organization, ...]
    countries: tuple[Country, ...] = ()
    places: tuple[Place, ...] = ()
    meetings: tuple[Meeting, ...] = ()
    agreements: tuple[Agreement, ...] = ()
    quotes: tuple[Quote, ...] = ()
    dates: tuple[DateMention, ...] = ()
    amounts: tuple[Amount, ...] = ()
    themes: tuple[Theme, ...] = ()
    title_source: str = "title line"  # "title line", "metadata" or "lead sentence"
    dateline: str | None = None  # the place of an agency dateline
    digest: dict[str, tuple[str, ...]] = field(default_factory=dict)  # actor kind -> names only in a digest
    file: str = ""  # the input file's name
    sha256: str = ""  # of the article's text
    mentions: tuple[tuple[int, int, str, str], ...] = ()  # start, stop, type (PER/ORG/LOC), actor id
    network: ArticleNetwork | None = None


# ---- conversion ---------------------------------------------------------------------------------


@cache
def columns(record: type) -> tuple[str, ...]:
    """The field names of a record class: a table's CSV columns."""
    return tuple(f.name for f in fields(record))


def to_json(value):
    """A record (or a list, tuple, dict of them) as plain JSON values: dicts in field order,
    lists for tuples, enum members as their words."""
    kind = type(value)
    if kind in _PLAIN:
        return value
    if kind is tuple or kind is list:
        return [item if type(item) in _PLAIN else to_json(item) for item in value]
    if kind is dict:
        return {key: item if type(item) in _PLAIN else to_json(item) for key, item in value.items()}
    if isinstance(value, Enum):
        return value.value
    if is_dataclass(value):
        # a stored record has thousands of small items: plain values are taken as they are
        out = {}
        for name in columns(kind):
            item = getattr(value, name)
            out[name] = item if type(item) in _PLAIN else to_json(item)
        return out
    return value


_PLAIN = frozenset({str, int, float, bool, type(None)})


def from_json(record: type, data):
    """The record of class ``record`` that ``to_json`` gave ``data`` for. Keys the class does not
    know are ignored, so that records stored by an older version can still be read."""
    return _convert(record, data)


@cache
def _hints(record: type) -> dict:
    return typing.get_type_hints(record, vars(sys.modules[record.__module__]))


def _convert(kind, data):
    origin = typing.get_origin(kind)
    if origin in (typing.Union, UnionType):
        if data is None:
            return None
        options = [a for a in typing.get_args(kind) if a is not NoneType]
        return _convert(options[0], data) if len(options) == 1 else data
    if is_dataclass(kind):
        hints = _hints(kind)
        known = {f.name: _convert(hints[f.name], data[f.name]) for f in fields(kind) if f.name in data}
        missing = [
            f.name
            for f in fields(kind)
            if f.name not in known and f.default is MISSING and f.default_factory is MISSING
        ]
        if missing:
            raise ValueError(f"{kind.__name__} record without {', '.join(missing)}: {str(data)[:200]}")
        return kind(**known)
    if origin is tuple:
        args = typing.get_args(kind)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_convert(args[0], item) for item in data)
        return tuple(_convert(arg, item) for arg, item in zip(args, data))
    if origin is list:
        return [_convert(typing.get_args(kind)[0], item) for item in data]
    if origin is dict:
        return {key: _convert(typing.get_args(kind)[1], item) for key, item in data.items()}
    if isinstance(kind, type) and issubclass(kind, Enum):
        return kind(data)
    return data


# ---- the schema document ------------------------------------------------------------------------


def schema_markdown() -> str:
    """``docs/schema.md``: every record with its fields, types and notes, from these classes."""
    lines = [
        "# Schema of the stored results",
        "",
        "Written by `python -m analysis.facts.schema` from the records of `analysis/facts/schema.py`;",
        "a test fails when this file is not current. Offsets point into `data/texts/<article_id>.txt`.",
        "JSON lists stand for the tuples below; a record stored by an older version may lack keys added since.",
        "",
    ]
    from .rows import TABLES  # only this document needs the rows with the records

    sections = [
        (
            "Fact record (`data/facts/<article_id>.json`)",
            [
                FactRecord,
                Person,
                Organization,
                Country,
                Place,
                Meeting,
                Agreement,
                Quote,
                DateMention,
                Amount,
                Theme,
                ArticleNetwork,
                Node,
                Link,
            ],
        ),
        ("Tables (`data/*.csv`, one row per record; the columns are the fields)", list(TABLES.values())),
    ]
    for heading, records in sections:
        lines += [f"## {heading}", ""]
        for record in records:
            notes = _notes(record)
            lines += [
                f"### {record.__name__}",
                "",
                " ".join(inspect.getdoc(record).split()),
                "",
                "| field | type | note |",
                "|---|---|---|",
            ]
            hints = _hints(record)
            for f in fields(record):
                shown = _type_name(hints[f.name]).replace("|", "\\|")  # a bar would end the cell
                lines.append(f"| `{f.name}` | `{shown}` | {notes.get(f.name, '')} |")
            lines.append("")
    return "\n".join(lines)


def _notes(record: type) -> dict[str, str]:
    """The comment written after each field in ``record``'s class body."""
    body = inspect.getsource(record)
    return dict(re.findall(r"^    (\w+): [^#\n]*  # (.*)$", body, re.MULTILINE))


def _type_name(kind) -> str:
    text = str(kind) if not isinstance(kind, type) else kind.__name__
    return text.replace("typing.", "").replace(f"{__name__}.", "").replace("NoneType", "None")


if __name__ == "__main__":
    sys.stdout.write(schema_markdown())
