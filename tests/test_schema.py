"""One schema: typed records for the fact record and every table, JSON both ways, documented."""

import json
import subprocess
import sys

import pytest

from analysis.facts.rows import TABLES, AgreementRow, MeetingRow, fact_row
from analysis.facts.schema import FactRecord, Meeting, Person, columns, from_json, schema_markdown, to_json
from analysis.vocabulary import ActorKind
from conftest import ROOT


def test_docs_schema_md_is_current():
    """docs/schema.md is written from the records: regenerate it when a record changes."""
    stored = (ROOT / "docs" / "schema.md").read_text(encoding="utf-8")
    assert stored == schema_markdown(), "run: .venv/bin/python -m analysis.facts.schema > docs/schema.md"


def test_the_schema_command_prints_the_document():
    done = subprocess.run([sys.executable, "-m", "analysis.facts.schema"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and done.stdout == schema_markdown()
    assert "| `affiliation` | `str \\| None` | ISO code of a country" in done.stdout


def test_json_round_trip_of_a_record_with_every_kind_of_field():
    meeting = Meeting(
        "talks",
        ("Асан Омаров", "Иван Петров"),
        ("person:асан_омаров", "person:иван_петров"),
        "Минск",
        None,
        (10, 80),
        ((12, 23), (40, 51)),
    )
    record = FactRecord(
        "own",
        "Заголовок",
        None,
        ("ТАСС",),
        (Person("Асан Омаров", ("министр",), "KZ", ((12, 23),)),),
        (),
        meetings=(meeting,),
        digest={ActorKind.PERSON: ("Олег Смирнов",)},
        mentions=((12, 23, "PER", "person:асан_омаров"),),
    )
    stored = json.loads(json.dumps(to_json(record), ensure_ascii=False))
    assert stored["meetings"] == [
        {
            "kind": "talks",
            "participants": ["Асан Омаров", "Иван Петров"],
            "participant_ids": ["person:асан_омаров", "person:иван_петров"],
            "place": "Минск",
            "date": None,
            "evidence": [10, 80],
            "participant_mentions": [[12, 23], [40, 51]],
            "status": "held",
        }
    ]
    assert stored["digest"] == {"person": ["Олег Смирнов"]} and stored["network"] is None
    assert from_json(FactRecord, stored) == record


def test_from_json_ignores_keys_it_does_not_know_and_names_a_missing_one():
    person = {"name": "Асан Омаров", "roles": [], "affiliation": None, "mentions": [[0, 5]], "added_later": 1}
    assert from_json(Person, person) == Person("Асан Омаров", (), None, ((0, 5),))
    with pytest.raises(ValueError, match=r"Person record without mentions"):
        from_json(Person, {"name": "Асан Омаров", "roles": [], "affiliation": None})


def test_table_columns_are_the_row_fields():
    assert columns(MeetingRow) == (
        "article_id",
        "kind",
        "participants",
        "participant_ids",
        "place",
        "date",
        "status",
        "start",
        "stop",
    )
    assert set(TABLES) == {
        "articles",
        "mentions",
        "removed",
        "roles",
        "meetings",
        "agreements",
        "quotes",
        "dates",
        "amounts",
        "themes",
        "metadata_extra",
        "actors",
        "skipped",
    }


def test_a_fact_row_joins_lists_blanks_none_and_splits_evidence():
    meeting = Meeting("visit", ("А", "Б"), ("person:а", "person:б"), None, "2020-05", (3, 9), status="planned")
    assert fact_row("meetings", "own", meeting) == MeetingRow(
        "own", "visit", "А;Б", "person:а;person:б", "", "2020-05", "planned", 3, 9
    )
    assert columns(AgreementRow)[-2:] == ("start", "stop")


def test_stored_fact_records_read_back_as_records(seed_results):
    for article_id in seed_results.ids:
        stored = seed_results.facts(article_id)
        record = from_json(FactRecord, stored)
        assert to_json(record) == stored
        assert record.network is not None and all(isinstance(p, Person) for p in record.persons)
