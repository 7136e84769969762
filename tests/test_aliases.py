"""aliases.csv: the user merges, renames and drops actors; the next run applies it, redoes only
what it changes and records it in the manifest."""

import csv
import json
import subprocess
import sys

import nbformat
import pytest

from analysis import extract_corpus
from analysis.batch.run import CORPUS_NOTEBOOKS, FACT_SHEET
from analysis.facts.actors import Actor, apply_aliases
from analysis.reading.overrides import Alias, read_aliases
from conftest import ROOT, TWO

ALIASES = (
    "actor,action,name\n"
    # natasha cuts the forum's name short; a national body without its country is Kazakhstan's here
    "АРМИ-2020,rename,Армия-2020\n"
    "organization:министерство_обороны,merge,Министерство обороны Казахстана\n"
    "place:астана,drop,\n"
    "Нет Такого,drop,\n"
)


def rows(path) -> dict[str, dict]:
    with open(path, encoding="utf-8", newline="") as f:
        return {r["actor_id"]: r for r in csv.DictReader(f)}


@pytest.fixture(scope="module")
def corrected(tmp_path_factory):
    corpus = tmp_path_factory.mktemp("aliased")
    for article_id in TWO:
        (corpus / f"{article_id}.txt").write_bytes((ROOT / "seeds" / f"{article_id}.txt").read_bytes())
    (corpus / "aliases.csv").write_text(ALIASES, encoding="utf-8")
    out = tmp_path_factory.mktemp("aliased_out")
    return corpus, out, extract_corpus(corpus, out, progress=False)


def test_rows_that_cannot_be_used_are_named(tmp_path):
    path = tmp_path / "aliases.csv"
    path.write_text("actor,action,name\nОДКБ,join,X\n,drop,\nОДКБ,rename,\n", encoding="utf-8")
    assert read_aliases(path).problems == (
        f"{path} row 2: action 'join' is none of merge, rename, drop; row ignored",
        f"{path} row 3: no actor given: write an actor_id or name of data/actors.csv; row ignored",
        f"{path} row 4: rename of 'ОДКБ' gives no name: write the name; row ignored",
    )
    path.write_text("name,becomes\nОДКБ,X\n", encoding="utf-8")
    assert read_aliases(path).problems == (
        f"{path}: no column actor, action (its columns: name, becomes): the columns are actor, action (merge, "
        "rename or drop) and name; file ignored",
    )


def test_rename_merge_and_drop_change_actors_and_mentions(corrected):
    corpus, out, report = corrected
    actors = rows(out / "data" / "actors.csv")
    assert actors["organization:армия-2020"] == {
        "actor_id": "organization:армия-2020",
        "name": "Армия-2020",
        "kind": "organization",
        "code": "",
        "country": "",
        "articles": "1",
        "mentions": "1",
    }
    # 1 mention without a country in the first article, 3 + 2 with it in the two articles
    merged = actors["organization:министерство_обороны_казахстана"]
    assert (merged["name"], merged["country"], merged["articles"], merged["mentions"]) == (
        "Министерство обороны Казахстана",
        "KZ",
        "2",
        "6",
    )
    gone = {"organization:арми-2020", "organization:министерство_обороны", "place:астана"}
    assert not gone & set(actors)
    with open(out / "data" / "mentions.csv", encoding="utf-8", newline="") as f:
        mentions = list(csv.DictReader(f))
    assert not gone & {m["actor_id"] for m in mentions}
    assert not [m for m in mentions if m["text"].startswith("Астан")]  # a dropped actor has no mention
    facts = json.loads((out / "data" / "facts" / f"{TWO[0]}.json").read_text(encoding="utf-8"))
    assert "Армия-2020" in [o["name"] for o in facts["organizations"]]
    assert report.warnings[-1] == (
        f"{corpus / 'aliases.csv'} row 5: no actor 'нет такого' in the corpus: use an actor_id or name of "
        "data/actors.csv; row ignored"
    )
    record = json.loads((out / "data" / "extraction.json").read_text(encoding="utf-8"))
    assert record["aliases"] == [
        {"row": 2, "actor": "арми-2020", "action": "rename", "name": "Армия-2020", "articles": 1},
        {
            "row": 3,
            "actor": "organization:министерство_обороны",
            "action": "merge",
            "name": "Министерство обороны Казахстана",
            "articles": 1,
        },
        {"row": 4, "actor": "place:астана", "action": "drop", "name": "", "articles": 2},
        {"row": 5, "actor": "нет такого", "action": "drop", "name": "", "articles": 0},
    ]


def _stub_notebooks(folder):
    """Notebooks of the batch's names that only take their parameters: the test is about which
    are redone, not what they show, and a real one costs seconds each."""
    folder.mkdir()
    for name in [n for n, _ in CORPUS_NOTEBOOKS] + [FACT_SHEET]:
        book = nbformat.v4.new_notebook()
        cell = nbformat.v4.new_code_cell('corpus_dir = ""\nout_dir = ""\narticle_id = ""', id="parameters")
        cell.metadata["tags"] = ["parameters"]
        book.cells.append(cell)
        book.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
        nbformat.write(book, folder / f"{name}.ipynb")
    return folder


def run(corpus, out, notebooks, *more):
    done = subprocess.run(
        [sys.executable, "-m", "analysis", "run", "--corpus", corpus, "--out", out, "--notebooks", notebooks, *more],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    return manifest, {n["name"]: n["reused"] for n in manifest["notebooks"]}


def test_a_changed_metadata_or_aliases_file_redoes_only_the_pages_it_changes(corpus, tmp_path):
    notebooks, out = _stub_notebooks(tmp_path / "notebooks"), tmp_path / "out"
    corpus_pages = {name: False for name, _ in CORPUS_NOTEBOOKS}
    first, sheets = f"{FACT_SHEET}_{TWO[0]}", f"{FACT_SHEET}_{TWO[1]}"
    run(corpus, out, notebooks)
    # a title for the first article: its sheet and the corpus pages are redone, not the other sheet
    metadata = tmp_path / "elsewhere.csv"  # outside the corpus folder, as for a read-only corpus
    metadata.write_text(f"id,title\n{TWO[0]},Договор\n", encoding="utf-8")
    manifest, reused = run(corpus, out, notebooks, "--metadata", metadata)
    assert reused == {**corpus_pages, first: False, sheets: True}
    assert manifest["corrections"] == {
        "metadata.csv": {"path": str(metadata), "sha256": manifest["corrections"]["metadata.csv"]["sha256"]}
    }
    assert len(manifest["corrections"]["metadata.csv"]["sha256"]) == 64
    # an actor of the second article only is renamed: its sheet is redone, not the first one's
    (corpus / "aliases.csv").write_text("actor,action,name\nНиколай Азаматов,rename,Николай Азаматов (ГВПК)\n")
    manifest, reused = run(corpus, out, notebooks, "--metadata", metadata)
    assert reused == {**corpus_pages, first: True, sheets: False}
    assert manifest["aliases"] == [
        {"row": 2, "actor": "николай азаматов", "action": "rename", "name": "Николай Азаматов (ГВПК)", "articles": 1}
    ]
    assert "person:николай_азаматов_(гвпк)" in rows(out / "data" / "actors.csv")
    # nothing changed: nothing redone
    manifest, reused = run(corpus, out, notebooks, "--metadata", metadata)
    assert not [name for name, kept in reused.items() if not kept]


def test_an_actor_merged_into_one_of_that_name_takes_its_country():
    actors = [
        Actor("organization:министерство_обороны", "Министерство обороны", "organization"),
        Actor(
            "organization:министерство_обороны_казахстана", "Министерство обороны Казахстана", "organization", "", "KZ"
        ),
    ]
    ids = [actors[0].actor_id, actors[1].actor_id, actors[0].actor_id]
    merge = Alias(2, "organization:министерство_обороны", "merge", "Министерство обороны Казахстана")
    assert apply_aliases(actors, ids, [merge]) == ([actors[1]], [actors[1].actor_id] * 3, {2})
    assert apply_aliases(actors, ids, [Alias(2, "министерство обороны", "drop")]) == (
        [actors[1]],
        [None, actors[1].actor_id, None],
        {2},
    )
