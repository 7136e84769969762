"""One row of each table under ``data/``, as typed records (part of the schema of ``schema``):
a table's CSV columns are its row's fields (``schema.columns``)."""

from __future__ import annotations

from dataclasses import dataclass

from .schema import columns


@dataclass(frozen=True, slots=True)
class ArticleRow:
    """``articles.csv``: one row per article."""

    article_id: str
    title: str
    title_source: str
    published: str
    source: str  # cited outlets, ";"-joined
    dateline: str
    file: str
    line: int | str  # line of a .jsonl file, "" for other files
    url: str
    encoding: str
    sha256: str
    chars: int
    chars_analysed: int  # in the story (title and body)
    chars_removed: int  # in lines of page furniture
    chars_digest: int
    paragraphs: int
    sentences: int
    mentions: int
    persons: int
    warnings: str  # "; "-joined
    published_source: str  # where the date came from: date line, dateline, metadata, metadata.csv
    outlet: str  # the outlet that published it: metadata.csv or a JSON ``source``


@dataclass(frozen=True, slots=True)
class MentionRow:
    """``mentions.csv``: one row per named mention (``text[start:stop] == text`` column)."""

    article_id: str
    start: int
    stop: int
    text: str
    type: str  # a ``MentionType``
    normal: str  # the nominative form
    actor_id: str
    paragraph: int
    sentence: int
    block: str  # a ``Block``


@dataclass(frozen=True, slots=True)
class RemovedRow:
    """``removed.csv``: a line left out of the story, and why (furniture, or "digest")."""

    article_id: str
    start: int
    stop: int
    reason: str
    text: str


@dataclass(frozen=True, slots=True)
class RoleRow:
    """``roles.csv``: every (article, person, role) the texts state, for role timelines."""

    article_id: str
    actor_id: str
    role: str
    affiliation: str
    start: int
    stop: int


@dataclass(frozen=True, slots=True)
class ActorRow:
    """``actors.csv``: one row per actor of the corpus."""

    actor_id: str
    name: str
    kind: str  # an ``ActorKind``
    code: str  # ISO 3166 code of a country or region
    country: str  # ISO 3166-1 code of a place's or region's country
    articles: int
    mentions: int


@dataclass(frozen=True, slots=True)
class SkippedRow:
    """``skipped.csv``: a file or article that was not used, and why."""

    file: str
    reason: str


@dataclass(frozen=True, slots=True)
class MeetingRow:
    """``meetings.csv``: one row per ``Meeting``; lists ";"-joined, evidence as start/stop."""

    article_id: str
    kind: str
    participants: str
    participant_ids: str
    place: str
    date: str
    status: str
    start: int
    stop: int


@dataclass(frozen=True, slots=True)
class AgreementRow:
    """``agreements.csv``: one row per ``Agreement``."""

    article_id: str
    kind: str
    title: str
    status: str
    parties: str
    party_ids: str
    year: str
    start: int
    stop: int


@dataclass(frozen=True, slots=True)
class QuoteRow:
    """``quotes.csv``: one row per ``Quote``."""

    article_id: str
    speaker: str
    speaker_id: str
    text: str
    start: int
    stop: int
    cue: str


@dataclass(frozen=True, slots=True)
class DateRow:
    """``dates.csv``: one row per ``DateMention``."""

    article_id: str
    text: str
    value: str
    start: int
    stop: int


@dataclass(frozen=True, slots=True)
class AmountRow:
    """``amounts.csv``: one row per ``Amount``."""

    article_id: str
    text: str
    amount: float | int
    currency: str
    start: int
    stop: int


@dataclass(frozen=True, slots=True)
class ThemeRow:
    """``themes.csv``: one row per ``Theme`` of an article."""

    article_id: str
    theme: str
    label: str
    count: int


@dataclass(frozen=True, slots=True)
class ExtraRow:
    """``metadata_extra.csv``: a column of ``metadata.csv`` beyond id, file, title, date, outlet
    and url, one row per article and column with a value."""

    article_id: str
    column: str
    value: str


# the fact record's lists that have a table of their own, and that table's row
FACT_TABLES: dict[str, type] = {
    "meetings": MeetingRow,
    "agreements": AgreementRow,
    "quotes": QuoteRow,
    "dates": DateRow,
    "amounts": AmountRow,
    "themes": ThemeRow,
}
TABLES: dict[str, type] = {
    "articles": ArticleRow,
    "mentions": MentionRow,
    "removed": RemovedRow,
    "roles": RoleRow,
    **FACT_TABLES,
    "metadata_extra": ExtraRow,
    "actors": ActorRow,
    "skipped": SkippedRow,
}


def fact_row(kind: str, article_id: str, item) -> object:
    """The table row of one item of a fact record (``kind`` a key of ``FACT_TABLES``): lists
    ";"-joined, None blank, ``evidence`` as ``start`` and ``stop``."""
    row = FACT_TABLES[kind]
    values = {"article_id": article_id}
    for name in columns(row)[1:]:
        value = (
            item.evidence[("start", "stop").index(name)]
            if name in ("start", "stop") and hasattr(item, "evidence")
            else getattr(item, name)
        )
        values[name] = ";".join(value) if isinstance(value, tuple) else "" if value is None else value
    return row(**values)
