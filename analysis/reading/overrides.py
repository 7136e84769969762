"""What the user says about the corpus, beside the articles: ``metadata.csv`` (title, date,
outlet, url of an article, overriding what its text gives) and ``aliases.csv`` (actor names to
merge, rename or drop).

Both are optional. A row that cannot be used (an unknown article, a bad date, an empty name) is
one problem naming the file, its row and the value, and what to do; the other rows apply. A file
that cannot be used at all (no key column, not UTF-8) is one problem and applies nothing.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from ..errors import CorpusError
from ..provenance import sha256_file
from .corpus import USER_FILES, Article
from .metadata import parse_date

METADATA_FILE, ALIASES_FILE = USER_FILES
# the columns metadata.csv may override; any other column is kept as extra metadata
METADATA_FIELDS = ("title", "date", "outlet", "url")
ALIAS_ACTIONS = ("merge", "rename", "drop")
_ISO = re.compile(r"(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?")


@dataclass(frozen=True, slots=True)
class ArticleMetadata:
    """One row of ``metadata.csv``: what it sets for one article (empty values set nothing)."""

    row: int  # line number in the file, the header being line 1
    key: str  # the article id or file name the row names
    title: str = ""
    published: str = ""
    outlet: str = ""
    url: str = ""
    extra: tuple[tuple[str, str], ...] = ()  # the other columns, (name, value)


@dataclass(frozen=True, slots=True)
class UserMetadata:
    """The rows of ``metadata.csv`` by article id and by file name, and the problems found."""

    path: str = ""
    by_id: dict = field(default_factory=dict)
    by_file: dict = field(default_factory=dict)
    problems: tuple[str, ...] = ()

    def rows_for(self, article: Article) -> list[ArticleMetadata]:
        """The rows for ``article``: the one naming its file's name, then the one naming its id
        (whose values win: a file may hold several articles)."""
        rows = (self.by_file.get(Path(article.path).name), self.by_id.get(article.id))
        return [row for row in rows if row]

    def unused(self, used: set[int]) -> list[str]:
        """A problem for each row whose article is not in the corpus (``used``: the rows applied)."""
        rows = sorted({r.row: r for r in (*self.by_id.values(), *self.by_file.values())}.items())
        return [
            f"{self.path} row {n}: no article {r.key!r} in the corpus: use an id of data/articles.csv "
            "(column id) or a file name of the corpus folder (column file); row ignored"
            for n, r in rows
            if n not in used
        ]


@dataclass(frozen=True, slots=True)
class Alias:
    """One row of ``aliases.csv``: the actor ``actor`` (an actor id, or a name of any kind)
    takes the name ``name`` (merge, rename) or is no actor (drop)."""

    row: int
    actor: str
    action: str
    name: str = ""

    def matches(self, actor_id: str, actor_name: str) -> bool:
        return self.actor in (actor_id, _folded(actor_name))


@dataclass(frozen=True, slots=True)
class Aliases:
    """The rows of ``aliases.csv`` and the problems found."""

    path: str = ""
    rows: tuple[Alias, ...] = ()
    problems: tuple[str, ...] = ()

    def unused(self, used: set[int]) -> list[str]:
        """A problem for each row that matched no actor of the corpus."""
        return [
            f"{self.path} row {a.row}: no actor {a.actor!r} in the corpus: use an actor_id or name "
            "of data/actors.csv; row ignored"
            for a in self.rows
            if a.row not in used
        ]


def _folded(name: str) -> str:
    return " ".join(name.lower().replace("ё", "е").split())


def correction_files(corpus: Path, metadata: str | Path | None = None, aliases: str | Path | None = None) -> dict:
    """The user's files that apply to ``corpus``, as {"metadata.csv": path, "aliases.csv": path}:
    the paths given, else the files of that name in the corpus folder, when there."""
    found = {}
    for name, given in ((METADATA_FILE, metadata), (ALIASES_FILE, aliases)):
        if given:
            if not Path(given).is_file():
                option = name.removesuffix(".csv")
                raise CorpusError(f"--{option} {given}: no such file (give the path of a CSV file, or leave it out)")
            found[name] = Path(given)
        elif (Path(corpus) / name).is_file():
            found[name] = Path(corpus) / name
    return found


def correction_hashes(files: dict) -> dict[str, str]:
    """sha256 of each file of ``correction_files``, by its role ("metadata.csv", "aliases.csv")."""
    return {name: sha256_file(path) for name, path in sorted(files.items())}


def _read_rows(path: Path) -> tuple[list[str], list[tuple[int, dict]]]:
    """The header (lower-cased, stripped) and the rows with their line numbers."""
    try:
        with open(path, encoding="utf-8-sig", newline="") as f:
            reader = csv.reader(f)
            header = [h.strip().lower() for h in next(reader, [])]
            rows = [(reader.line_num, dict(zip(header, (v.strip() for v in values)))) for values in reader]
    except UnicodeDecodeError:
        raise CorpusError(f"{path}: not UTF-8 text: save it as CSV in UTF-8; file ignored") from None
    except csv.Error as error:
        raise CorpusError(f"{path}: not a CSV file ({error}): file ignored") from None
    return header, [(n, row) for n, row in rows if any(row.values())]


def read_metadata(path: str | Path | None) -> UserMetadata:
    """The rows of a ``metadata.csv`` (columns ``id`` or ``file``, and any of ``title``, ``date``,
    ``outlet``, ``url``; other columns are kept as extra metadata). Dates are ISO 8601, in full
    or in part (``2014-12-29``, ``2014-12``, ``2014``), or ``29.12.2014``."""
    if not path:
        return UserMetadata()
    try:
        header, rows = _read_rows(Path(path))
    except CorpusError as error:
        return UserMetadata(str(path), problems=(str(error),))
    if "id" not in header and "file" not in header:
        return UserMetadata(
            str(path),
            problems=(
                f"{path}: no column id or file (its columns: {', '.join(header) or 'none'}): name each "
                "article by its id (column id) or file name (column file); file ignored",
            ),
        )
    by_id, by_file, problems = {}, {}, []
    extra_columns = [h for h in header if h and h not in ("id", "file", *METADATA_FIELDS)]
    for number, row in rows:
        where = f"{path} row {number}"
        key = row.get("id") or row.get("file") or ""
        if not key:
            problems.append(f"{where}: neither id nor file is given: name the article; row ignored")
            continue
        published = ""
        if row.get("date"):
            published = _iso_date(row["date"])
            if not published:
                problems.append(
                    f"{where}: date {row['date']!r} is no date: write it as 2014-12-29, 2014-12 or 2014; "
                    "the row's other values apply"
                )
        found = ArticleMetadata(
            number,
            key,
            row.get("title", ""),
            published,
            row.get("outlet", ""),
            row.get("url", ""),
            tuple((h, row.get(h, "")) for h in extra_columns if row.get(h)),
        )
        table = by_id if row.get("id") else by_file
        if key in table:
            problems.append(f"{where}: {key!r} is named again (first in row {table[key].row}): row ignored")
            continue
        table[key] = found
    return UserMetadata(str(path), by_id, by_file, tuple(problems))


def _iso_date(value: str) -> str:
    """``value`` as an ISO date with only the parts it gives, or "" when it is no valid date."""
    match = _ISO.fullmatch(value)
    if match:
        year, month, day = (int(match[p]) if match[p] else None for p in ("year", "month", "day"))
    else:
        parsed = parse_date(value)
        if parsed is None or parsed.year is None:
            return ""
        year, month, day = parsed.year, parsed.month, parsed.day
    try:
        date(year, month or 1, day or 1)
    except ValueError:
        return ""
    return "-".join([f"{year:04d}"] + [f"{p:02d}" for p in (month, day) if p])


def apply_metadata(article: Article, rows: list[ArticleMetadata]) -> Article:
    """``article`` with the values ``rows`` give (a later row's over an earlier one's) in place
    of those its text gave."""
    changes, extra = {}, {}
    for row in rows:
        if row.title:
            changes.update(title=row.title, title_source="metadata.csv")
        if row.published:
            changes.update(published=row.published, published_source="metadata.csv")
        if row.outlet:
            changes["outlet"] = row.outlet
        if row.url:
            changes["url"] = row.url
        extra.update(row.extra)
    return replace(article, **changes, extra=tuple(extra.items())) if rows else article


def read_aliases(path: str | Path | None) -> Aliases:
    """The rows of an ``aliases.csv``: columns ``actor`` (an actor id or name as in actors.csv),
    ``action`` (``merge`` or ``rename``: the actor takes the name ``name``, so that actors given
    one name become one; ``drop``: it is not an actor) and ``name``."""
    if not path:
        return Aliases()
    try:
        header, rows = _read_rows(Path(path))
    except CorpusError as error:
        return Aliases(str(path), problems=(str(error),))
    missing = [c for c in ("actor", "action", "name") if c not in header]
    if missing:
        return Aliases(
            str(path),
            problems=(
                f"{path}: no column {', '.join(missing)} (its columns: {', '.join(header) or 'none'}): "
                "the columns are actor, action (merge, rename or drop) and name; file ignored",
            ),
        )
    found, problems = [], []
    for number, row in rows:
        where = f"{path} row {number}"
        action = row["action"].lower()
        if not row["actor"]:
            problems.append(f"{where}: no actor given: write an actor_id or name of data/actors.csv; row ignored")
        elif action not in ALIAS_ACTIONS:
            problems.append(f"{where}: action {row['action']!r} is none of {', '.join(ALIAS_ACTIONS)}; row ignored")
        elif action != "drop" and not row["name"]:
            problems.append(f"{where}: {action} of {row['actor']!r} gives no name: write the name; row ignored")
        else:
            actor = row["actor"] if ":" in row["actor"] else _folded(row["actor"])
            found.append(Alias(number, actor, action, row["name"] if action != "drop" else ""))
    return Aliases(str(path), tuple(found), tuple(problems))
