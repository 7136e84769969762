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

from .errors import ParameterError, ResultsError

if TYPE_CHECKING:  # pandas loads on use: a rerun with nothing to do never needs it
    import pandas as pd

ARTICLE_COLUMNS = ["article_id", "title", "title_source", "published", "source", "dateline", "file", "line", "url",
                   "encoding", "sha256", "chars", "chars_analysed", "chars_removed", "chars_digest", "paragraphs",
                   "sentences", "mentions", "persons", "warnings"]
MENTION_COLUMNS = ["article_id", "start", "stop", "text", "type", "normal", "actor_id", "paragraph", "sentence",
                   "block"]
REMOVED_COLUMNS = ["article_id", "start", "stop", "reason", "text"]
# every (article, person, role) the texts state, so a role timeline can be drawn
ROLE_COLUMNS = ["article_id", "actor_id", "role", "affiliation", "start", "stop"]
ACTOR_COLUMNS = ["actor_id", "name", "kind", "code", "country", "articles", "mentions"]
SKIPPED_COLUMNS = ["file", "reason"]
# one table per kind of fact, one row per fact, for corpus-wide analysis; lists joined by ";"
FACT_TABLES = {
    "meetings": ["article_id", "kind", "participants", "participant_ids", "place", "date", "start", "stop"],
    "agreements": ["article_id", "kind", "title", "status", "parties", "party_ids", "year", "start", "stop"],
    "quotes": ["article_id", "speaker", "speaker_id", "text", "start", "stop", "cue"],
    "dates": ["article_id", "text", "value", "start", "stop"],
    "amounts": ["article_id", "text", "amount", "currency", "start", "stop"],
    "themes": ["article_id", "theme", "label", "count"],
}


def fact_rows(kind: str, facts: dict) -> list[dict]:
    """The rows of the ``kind`` table for one article's fact record."""
    rows = []
    for record in facts[kind]:
        row = {"article_id": facts["article_id"], **record}
        if "evidence" in record:
            row["start"], row["stop"] = record["evidence"]
        rows.append({key: ";".join(value) if isinstance(value, list) else ("" if value is None else value)
                     for key, value in row.items() if key in FACT_TABLES[kind]})
    return rows


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


def csv_lines(columns: list[str], rows: list[dict]) -> str:
    """``rows`` as CSV lines under ``columns``, without the header: as every table stores them."""
    buffer = io.StringIO()
    csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n", extrasaction="ignore").writerows(rows)
    return buffer.getvalue()


def _header(columns: list[str]) -> str:
    return csv_lines(columns, [dict(zip(columns, columns))])


def write_csv(path: Path, columns: list[str], rows: list[dict]) -> None:
    write_atomic(path, _header(columns) + csv_lines(columns, rows))


class CsvStream:
    """A CSV table written a part at a time into a temporary file and renamed into place on
    ``close``, so that a corpus of any size never holds a whole table in memory and a reader
    never sees half of one."""

    def __init__(self, path: Path, columns: list[str]):
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        fd, self.tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        self.file = os.fdopen(fd, "w", encoding="utf-8", newline="")
        self.file.write(_header(columns))

    def write(self, lines: str) -> None:
        """Append rows made by ``csv_lines`` with this table's columns."""
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
        """The corpus-wide table of one kind of fact (a key of ``FACT_TABLES``)."""
        import pandas as pd

        return pd.read_csv(data_dir(self.out) / f"{kind}.csv", keep_default_na=False, na_values=[""])

    def facts(self, article_id: str) -> dict:
        return _facts(self.out, self.check_id(article_id))

    def text(self, article_id: str) -> str:
        return _text(self.out, self.check_id(article_id))


def _check_id(article_id: str, ids: list[str], out: Path) -> str:
    if article_id not in ids:
        shown = ", ".join(ids[:5]) + (" ..." if len(ids) > 5 else "")
        raise ParameterError(f"unknown article_id {article_id!r}: use one of the {len(ids)} ids in "
                             f"{data_dir(out) / 'articles.csv'} ({shown})")
    return article_id


def _facts(out: Path, article_id: str) -> dict:
    return json.loads((data_dir(out) / "facts" / f"{article_id}.json").read_text(encoding="utf-8"))


def _text(out: Path, article_id: str) -> str:
    with open(data_dir(out) / "texts" / f"{article_id}.txt", encoding="utf-8", newline="") as f:
        return f.read()  # newline="": offsets count every character as stored


def open_article(out: str | Path, corpus_dir: str | Path, article_id: str = "") -> tuple[dict, str]:
    """The fact record and text of one stored article (the first when ``article_id`` is empty),
    read without pandas; when ``out`` holds no results yet, ``corpus_dir`` is extracted first."""
    out = Path(out)
    index = data_dir(out) / "extraction.json"
    if not index.is_file():
        from .extract import extract_corpus

        extract_corpus(corpus_dir, out, progress=False)
    ids = list(json.loads(index.read_text(encoding="utf-8"))["articles"])
    if not ids:
        raise ResultsError(f"no article of {corpus_dir} could be extracted: see {data_dir(out) / 'skipped.csv'}")
    article_id = _check_id(article_id or ids[0], ids, out)
    facts = _facts(out, article_id)
    if "network" not in facts:
        raise ResultsError(f"{data_dir(out)} was extracted by an older version of the package: run "
                           f"`python -m analysis extract --corpus {corpus_dir} --out {out}` again")
    return facts, _text(out, article_id)


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

    return Results(out, read("articles.csv"), read("mentions.csv"), read("actors.csv"), read("skipped.csv"),
                   read("removed.csv"))
