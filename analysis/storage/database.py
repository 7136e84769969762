"""The stored tables once more, for querying: each as Parquet (``data/<table>.parquet``) and all
in one SQLite database (``data/corpus.sqlite``) with foreign keys between articles, actors,
mentions and facts.

Both are made from the CSV tables, with the column types of their rows (``facts.rows``): a blank
cell is NULL. In the database every fact table has an integer key (``meeting_id``, ...: its row
number in the CSV table) and the actors of meetings and documents are link tables
(``meeting_participants``, ``agreement_parties``), so a join needs no splitting of strings.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from dataclasses import fields
from pathlib import Path

from ..errors import ResultsError
from ..facts.rows import TABLES
from .store import _FILE_MODE, data_dir, write_atomic

DATABASE = "corpus.sqlite"
# column types by the annotation of their row's field; every other column is text
_INTEGER, _REAL = ("int", "int | str"), ("float | int",)
# the key each table's rows are known by in the database: a column of the table, or a new one
_KEYS = {"articles": "article_id", "actors": "actor_id"}
# (column, table it refers to) of each table; actor ids refer to actors, article ids to articles
_REFERENCES = {"article_id": "articles", "actor_id": "actors", "speaker_id": "actors"}
# ";"-joined actor ids of a fact table -> the link table listing them one a row
_LINKS = {"meetings": ("participant_ids", "meeting_participants"), "agreements": ("party_ids", "agreement_parties")}


def _annotation(field) -> str:
    """A field's type as written ("int", "float | int"), whether or not annotations are strings."""
    return field.type if isinstance(field.type, str) else getattr(field.type, "__name__", str(field.type))


def _arrow_type(field):
    import pyarrow as pa

    annotation = _annotation(field)
    return pa.int64() if annotation in _INTEGER else pa.float64() if annotation in _REAL else pa.string()


def read_table(path: Path, row: type):
    """A CSV table of ``row`` records as a pyarrow Table with the row's column types; blank
    cells are null, any other text (also "NA" or "None") is kept."""
    import pyarrow as pa
    from pyarrow import csv

    schema = pa.schema([(f.name, _arrow_type(f)) for f in fields(row)])
    return csv.read_csv(
        path,
        read_options=csv.ReadOptions(column_names=schema.names, skip_rows=1, block_size=1 << 24),
        convert_options=csv.ConvertOptions(
            column_types=schema, null_values=[""], strings_can_be_null=True, quoted_strings_can_be_null=True
        ),
    ).cast(schema)


def write_data_files(out: Path) -> list[Path]:
    """Every table of ``out/data`` as Parquet, and the SQLite database of them all (the paths
    written). Same tables, same bytes: no dates are stored, rows keep the tables' order."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    folder = data_dir(out)
    tables = {name: read_table(folder / f"{name}.csv", row) for name, row in TABLES.items()}
    written = []
    for name, table in tables.items():
        buffer = pa.BufferOutputStream()
        pq.write_table(table, buffer, compression="zstd")
        write_atomic(folder / f"{name}.parquet", buffer.getvalue().to_pybytes())
        written.append(folder / f"{name}.parquet")
    written.append(write_database(folder / DATABASE, tables))
    return written


def _column_sql(name: str, field_type: str, table: str) -> str:
    sql_type = "INTEGER" if field_type in _INTEGER else "REAL" if field_type in _REAL else "TEXT"
    own_key = _KEYS.get(table) == name
    refers = _REFERENCES.get(name) if not own_key and table != "skipped" else None
    return (
        f"{name} {sql_type}"
        + (" PRIMARY KEY" if own_key else "")
        + (" NOT NULL" if name == "article_id" and refers else "")
        + (f" REFERENCES {refers}" if refers else "")
    )


def schema_sql() -> str:
    """The database's tables, keys and indexes, as SQL."""
    statements = []
    for table, row in TABLES.items():
        columns = [_column_sql(f.name, _annotation(f), table) for f in fields(row)]
        if table not in _KEYS:
            columns.insert(0, f"{_row_key(table)} INTEGER PRIMARY KEY")
        statements.append(f"CREATE TABLE {table} (\n  " + ",\n  ".join(columns) + "\n)")
        statements += [
            f"CREATE INDEX {table}_{f.name} ON {table} ({f.name})"
            for f in fields(row)
            if f.name in _REFERENCES and _KEYS.get(table) != f.name and table != "skipped"
        ]
    for table, (_, link) in _LINKS.items():
        key = _row_key(table)
        statements.append(
            f"CREATE TABLE {link} (\n  {key} INTEGER NOT NULL REFERENCES {table},\n"
            "  actor_id TEXT NOT NULL REFERENCES actors,\n"
            f"  PRIMARY KEY ({key}, actor_id)\n)"
        )
        statements.append(f"CREATE INDEX {link}_actor_id ON {link} (actor_id)")
    return ";\n".join(statements) + ";\n"


def _row_key(table: str) -> str:
    """``meetings`` -> ``meeting_id``: the integer key of a table's rows."""
    return f"{table.removesuffix('s')}_id" if table != "metadata_extra" else "extra_id"


def write_database(path: Path, tables: dict) -> Path:
    """The tables (name -> pyarrow Table) as one SQLite database at ``path``, made in a temporary
    file (on disk, not in memory: a large corpus makes a large database) and renamed into place;
    foreign keys are checked before it is."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(fd)
    Path(tmp).unlink()  # sqlite makes the file itself: only the free name was wanted
    try:
        connection = sqlite3.connect(tmp)
        try:
            with connection:
                connection.executescript(schema_sql())
                for name, table in tables.items():
                    columns = table.column_names
                    rows = (tuple(r[c] for c in columns) for batch in table.to_batches() for r in batch.to_pylist())
                    marks = ", ".join("?" * len(columns))
                    connection.executemany(f"INSERT INTO {name} ({', '.join(columns)}) VALUES ({marks})", rows)
                for name, (column, link) in _LINKS.items():
                    joined = tables[name].column(column).to_pylist()
                    pairs = {(n, aid) for n, ids in enumerate(joined, 1) for aid in (ids or "").split(";") if aid}
                    connection.executemany(f"INSERT INTO {link} VALUES (?, ?)", sorted(pairs))
            problems = connection.execute("PRAGMA foreign_key_check").fetchall()
        finally:
            connection.close()
        if problems:  # the tables disagree: a defect of the package, never of the user's input
            raise ResultsError(
                f"{path}: rows refer to no row of another table ({problems[:3]}): the package's tables "
                "disagree, a defect of the package; please report it with the corpus"
            )
        Path(tmp).chmod(_FILE_MODE)
        Path(tmp).replace(path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path
