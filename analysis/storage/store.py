"""Write and read the stored results under ``output/data``.

All files are written atomically (temporary file, then rename), rows are sorted, and CSV
uses ``\\n`` line ends, so the same inputs give byte-identical files.
"""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import ParameterError, ResultsError
from ..facts.schema import FactRecord, columns, from_json

if TYPE_CHECKING:  # pandas loads on use: a rerun with nothing to do never needs it
    import pandas as pd


def record_lines(records) -> str:
    """Table rows (records of ``facts.schema``) as CSV lines, without the header: columns are
    their fields, None is blank."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    for record in records:
        writer.writerow([getattr(record, name) for name in columns(type(record))])
    return buffer.getvalue()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


# mkstemp creates files readable by the owner only; outputs get the usual permissions.
_FILE_MODE = 0o666 & ~_umask()


def write_atomic(path: Path, data: str | bytes) -> None:
    """Write ``data`` to ``path`` so that a reader sees either the old or the new file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(raw)
        os.chmod(tmp, _FILE_MODE)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def csv_lines(names: list[str], rows: list[dict]) -> str:
    """``rows`` (dicts) as CSV lines under the columns ``names``, without the header."""
    buffer = io.StringIO()
    csv.DictWriter(buffer, fieldnames=names, lineterminator="\n", extrasaction="ignore").writerows(rows)
    return buffer.getvalue()


def _header(names: list[str] | tuple[str, ...]) -> str:
    return csv_lines(list(names), [dict(zip(names, names))])


def write_csv(path: Path, names: list[str], rows: list[dict]) -> None:
    """A table of dicts under the columns ``names`` (for tables whose rows have no record)."""
    write_atomic(path, _header(names) + csv_lines(names, rows))


def write_table(path: Path, row: type, records) -> None:
    """A table of ``row`` records (``facts.schema``) with its header."""
    write_atomic(path, _header(columns(row)) + record_lines(records))


class CsvStream:
    """A CSV table written a part at a time into a temporary file and renamed into place on
    ``close``, so that a corpus of any size never holds a whole table in memory and a reader
    never sees half of one."""

    def __init__(self, path: Path, row: type):
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        fd, self.tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        self.file = os.fdopen(fd, "w", encoding="utf-8", newline="")
        self.file.write(_header(columns(row)))

    def write(self, lines: str) -> None:
        """Append rows made by ``record_lines`` from this table's row records."""
        self.file.write(lines)

    def close(self) -> None:
        self.file.close()
        os.chmod(self.tmp, _FILE_MODE)
        os.replace(self.tmp, self.path)

    def discard(self) -> None:
        self.file.close()
        Path(self.tmp).unlink(missing_ok=True)


def write_json(path: Path, record: dict | list) -> None:
    write_atomic(path, json_text(record) + "\n")


def read_json(path: Path) -> dict:
    """The JSON object at ``path``, or an empty one when it is missing or unreadable (a record a
    stopped run left half-written, or none yet)."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


_ENCODER = json.JSONEncoder(ensure_ascii=False)


def json_text(value, levels: int = 3, indent: str = "") -> str:
    """``value`` as JSON laid out by level: objects and lists in the first ``levels`` levels one
    item a line, everything deeper compact (a person, a mention, a link: one line each). Made by
    the C encoder, an item at a time: ``indent=`` would switch json.dumps to its pure-Python
    encoder, which cost more time than the extraction's workers."""
    inner = indent + "  "
    if levels and isinstance(value, dict) and value:
        items = [f"{inner}{_ENCODER.encode(k)}: {json_text(v, levels - 1, inner)}" for k, v in value.items()]
        return "{\n" + ",\n".join(items) + f"\n{indent}}}"
    if levels and isinstance(value, list) and len(value) > 1 and isinstance(value[0], (dict, list)):
        return "[\n" + ",\n".join(inner + json_text(v, 0, inner) for v in value) + f"\n{indent}]"
    return _ENCODER.encode(value)


def data_dir(out: Path) -> Path:
    return Path(out) / "data"


@dataclass(frozen=True)
class Results:
    """The stored tables of one output folder, as pandas DataFrames."""

    out: Path
    articles: pd.DataFrame
    mentions: pd.DataFrame
    actors: pd.DataFrame
    skipped: pd.DataFrame
    removed: pd.DataFrame

    @property
    def ids(self) -> list[str]:
        return list(self.articles["article_id"])

    def check_id(self, article_id: str) -> str:
        """``article_id`` if it is one of the stored articles, else a ParameterError."""
        return _check_id(article_id, self.ids, self.out)

    def table(self, kind: str) -> pd.DataFrame:
        """The corpus-wide table of one kind of fact (a key of ``facts.schema.FACT_TABLES``)."""
        import pandas as pd

        return pd.read_csv(data_dir(self.out) / f"{kind}.csv", keep_default_na=False, na_values=[""])

    def facts(self, article_id: str) -> dict:
        return _facts(self.out, self.check_id(article_id))

    def text(self, article_id: str) -> str:
        return _text(self.out, self.check_id(article_id))


def _check_id(article_id: str, ids: list[str], out: Path) -> str:
    if article_id not in ids:
        shown = ", ".join(ids[:5]) + (" ..." if len(ids) > 5 else "")
        raise ParameterError(
            f"unknown article_id {article_id!r}: use one of the {len(ids)} ids in "
            f"{data_dir(out) / 'articles.csv'} ({shown})"
        )
    return article_id


def _facts(out: Path, article_id: str) -> dict:
    return json.loads((data_dir(out) / "facts" / f"{article_id}.json").read_text(encoding="utf-8"))


def _text(out: Path, article_id: str) -> str:
    with open(data_dir(out) / "texts" / f"{article_id}.txt", encoding="utf-8", newline="") as f:
        return f.read()  # newline="": offsets count every character as stored


def has_results(out: str | Path) -> bool:
    """Whether ``out`` holds a whole extraction's results (reading them never extracts: callers
    decide); an extraction that did not finish left none."""
    try:
        record = json.loads((data_dir(Path(out)) / "extraction.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(record, dict) and "key" in record


def open_article(out: str | Path, article_id: str = "") -> tuple[FactRecord, str]:
    """The fact record and text of one stored article (the first when ``article_id`` is empty),
    read without pandas."""
    out = Path(out)
    if not has_results(out):
        raise ResultsError(f"no stored results in {data_dir(out)}: run `python -m analysis extract --out {out}` first")
    extraction = json.loads((data_dir(out) / "extraction.json").read_text(encoding="utf-8"))
    ids = list(extraction["articles"])
    if not ids:
        raise ResultsError(
            f"no article of {extraction['corpus']} could be extracted: see {data_dir(out) / 'skipped.csv'}"
        )
    article_id = _check_id(article_id or ids[0], ids, out)
    facts = _facts(out, article_id)
    if "network" not in facts:
        raise ResultsError(
            f"{data_dir(out)} was extracted by an older version of the package: run "
            f"`python -m analysis extract --corpus {extraction['corpus']} --out {out}` again"
        )
    return from_json(FactRecord, facts), _text(out, article_id)


def removed_lines(out: str | Path, article_id: str) -> list[tuple[int, int, str]]:
    """The lines of one stored article that the analysis left out (page furniture, digests of
    other news): ``(start, stop, reason)`` from ``removed.csv``, read without pandas."""
    with open(data_dir(Path(out)) / "removed.csv", encoding="utf-8", newline="") as f:
        rows = [r for r in csv.DictReader(f) if r["article_id"] == article_id]
    return [(int(r["start"]), int(r["stop"]), r["reason"]) for r in rows]


def load_results(out: str | Path) -> Results:
    """Read the tables that ``python -m analysis extract`` stored under ``out/data``."""
    out = Path(out)
    folder = data_dir(out)
    if not (folder / "articles.csv").is_file():
        raise ResultsError(f"no stored results in {folder}: run `python -m analysis extract --out {out}` first")

    import pandas as pd

    def read(name: str) -> pd.DataFrame:
        # keep_default_na=False: a name such as "NA" or "None" stays a string
        return pd.read_csv(folder / name, keep_default_na=False, na_values=[""])

    return Results(
        out, read("articles.csv"), read("mentions.csv"), read("actors.csv"), read("skipped.csv"), read("removed.csv")
    )
