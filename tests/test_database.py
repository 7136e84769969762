"""The tables as Parquet and as one SQLite database with foreign keys: what a researcher queries
from pandas, the sqlite3 shell, DuckDB or R."""

import sqlite3
from dataclasses import dataclass, fields

import pandas as pd
import pytest

from analysis.facts.rows import TABLES
from analysis.storage.database import DATABASE, read_table
from analysis.storage.store import data_dir


@pytest.fixture(scope="module")
def database(seed_results):
    connection = sqlite3.connect(data_dir(seed_results.out) / DATABASE)
    yield connection
    connection.close()


def test_every_reference_has_its_row(database):
    assert database.execute("PRAGMA foreign_key_check").fetchall() == []
    references = {
        table: sorted((row[3], row[2]) for row in database.execute(f"PRAGMA foreign_key_list({table})"))
        for table in ("mentions", "roles", "quotes", "meeting_participants", "agreement_parties", "themes")
    }
    assert references == {
        "mentions": [("actor_id", "actors"), ("article_id", "articles")],
        "roles": [("actor_id", "actors"), ("article_id", "articles")],
        "quotes": [("article_id", "articles"), ("speaker_id", "actors")],
        "meeting_participants": [("actor_id", "actors"), ("meeting_id", "meetings")],
        "agreement_parties": [("actor_id", "actors"), ("agreement_id", "agreements")],
        "themes": [("article_id", "articles")],
    }


def test_a_join_of_meetings_actors_and_articles(database):
    # the people at meetings held in Astana, told in articles published in 2014: seed 004, where
    # Tasmagambetov met Minnikhanov with the ambassador and the Tatarstan delegation
    found = database.execute(
        """
        SELECT a.name FROM meeting_participants AS p
        JOIN meetings AS m USING (meeting_id)
        JOIN actors AS a USING (actor_id)
        JOIN articles AS ar ON ar.article_id = m.article_id
        WHERE m.place = 'Астана' AND m.status = 'held' AND ar.published LIKE '2014%' AND a.kind = 'person'
        ORDER BY a.name
        """
    ).fetchall()
    assert [name for (name,) in found] == [
        "Борис Тихомиров",
        "Валерий Пашко",
        "Имангали Тасмагамбетов",
        "Михаил Бочарников",
        "Равиль Зарипов",
        "Радик Хасанов",
        "Ренат Мистахов",
        "Рустам Минниханов",
        "Сергей Когогин",
    ]


def test_counts_in_the_database_are_those_of_the_csv_tables(database, seed_results):
    counted = database.execute(
        "SELECT a.name, COUNT(*) FROM mentions JOIN actors AS a USING (actor_id) "
        "WHERE a.kind = 'country' GROUP BY a.actor_id ORDER BY COUNT(*) DESC, a.name"
    ).fetchall()
    mentions = seed_results.mentions.merge(seed_results.actors, on="actor_id")
    by_csv = mentions[mentions["kind"] == "country"].groupby("name").size()
    assert counted == sorted(by_csv.items(), key=lambda pair: (-pair[1], pair[0]))
    assert counted[:2] == [("Казахстан", 54), ("Россия", 38)]
    for table in TABLES:
        (rows,) = database.execute(f"SELECT COUNT(*) FROM {table}").fetchone()
        assert rows == len(pd.read_csv(data_dir(seed_results.out) / f"{table}.csv", keep_default_na=False))


@pytest.mark.parametrize("table", list(TABLES))
def test_parquet_holds_the_csv_table(seed_results, table):
    folder = data_dir(seed_results.out)
    stored = pd.read_parquet(folder / f"{table}.parquet")
    text = {f.name: str for f in fields(TABLES[table]) if f.type == "str"}  # "1994" as a year is a word
    read = pd.read_csv(folder / f"{table}.csv", keep_default_na=False, na_values=[""], dtype=text)
    assert list(stored.columns) == list(read.columns)
    pd.testing.assert_frame_equal(stored, read, check_dtype=False)


def test_types_come_from_the_schema_and_na_stays_a_name(tmp_path):
    @dataclass
    class Row:
        actor_id: str
        articles: int
        amount: float | int

    path = tmp_path / "t.csv"
    path.write_text("actor_id,articles,amount\nNA,3,\nNone,,2.5\n", encoding="utf-8")
    table = read_table(path, Row)
    assert [str(t) for t in table.schema.types] == ["string", "int64", "double"]
    assert table.to_pylist() == [
        {"actor_id": "NA", "articles": 3, "amount": None},
        {"actor_id": "None", "articles": None, "amount": 2.5},
    ]
