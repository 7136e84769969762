"""Scores against hand-made gold for real news articles (``gold/news-dev/*.json``; its README is
the annotation guide): persons, organisations and countries of each article's story, and lines
of the story set aside as a digest.

A gold entry lists a name and its aliases (other forms equally right); one the annotators found
debatable is ``optional``: finding it is neither rewarded nor punished. An extracted name matches
an entry when it equals the name or an alias (case, ё/е, spaces and quote marks aside); a second
extracted name matching the same entry is a duplicate, counted as a wrong answer. Countries are
compared by ISO 3166-1 code (regions such as RU-TA are not countries and are not scored).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import ParameterError
from ..facts.schema import FactRecord
from ..reading.corpus import Article

GOLD = Path(__file__).resolve().parent / "gold" / "news-dev"
KINDS = ("persons", "organizations", "countries")


@dataclass(frozen=True, slots=True)
class Tally:
    """Counts behind precision and recall: extracted right, extracted wrong, gold missed."""

    correct: int = 0
    wrong: int = 0
    missed: int = 0

    def __add__(self, other: Tally) -> Tally:
        return Tally(self.correct + other.correct, self.wrong + other.wrong, self.missed + other.missed)

    @property
    def precision(self) -> float:
        found = self.correct + self.wrong
        return self.correct / found if found else 1.0

    @property
    def recall(self) -> float:
        gold = self.correct + self.missed
        return self.correct / gold if gold else 1.0


def normal(name: str) -> str:
    """A name compared regardless of case, ё/е, spacing and quote marks."""
    return " ".join(re.sub(r"[«»\"“”„]", "", name).lower().replace("ё", "е").split())


def load_gold(folder: str | Path = GOLD) -> dict[str, dict]:
    """The gold annotations of a folder, by article id."""
    files = sorted(Path(folder).glob("*.json"))
    if not files:
        raise ParameterError(f"no gold annotations (*.json) in {folder}")
    return {f.stem: json.loads(f.read_text(encoding="utf-8")) for f in files}


def score_names(found: list[str], gold: list[dict]) -> Tally:
    """``found`` names against gold entries with ``name``, ``aliases`` and ``optional``."""
    forms = [{normal(e["name"]), *map(normal, e.get("aliases", []))} for e in gold]
    matched: set[int] = set()
    correct = wrong = 0
    for name in found:
        entry = next((i for i, names in enumerate(forms) if normal(name) in names), None)
        if entry is None or entry in matched:
            wrong += 1
        elif gold[entry].get("optional"):
            matched.add(entry)
        else:
            matched.add(entry)
            correct += 1
    missed = sum(1 for i, e in enumerate(gold) if not e.get("optional") and i not in matched)
    return Tally(correct, wrong, missed)


def score_countries(found: list[str], gold: list[dict]) -> Tally:
    """Country codes against gold entries with ``code`` and ``optional``."""
    codes = {e["code"]: bool(e.get("optional")) for e in gold}
    found = sorted({code for code in found if "-" not in code})  # regions are not countries
    correct = sum(1 for code in found if code in codes and not codes[code])
    wrong = sum(1 for code in found if code not in codes)
    missed = sum(1 for code, optional in codes.items() if not optional and code not in found)
    return Tally(correct, wrong, missed)


def score_roles(persons, gold: list[dict]) -> Tally:
    """The roles of the extracted people that match a gold person, against that person's gold
    roles. A role matches when one phrase's words run inside the other's ("министр обороны" and
    "министр обороны Казахстана"): the text's wording varies more than the position it names."""
    correct = wrong = missed = 0
    for entry in gold:
        names = {normal(entry["name"]), *map(normal, entry.get("aliases", []))}
        person = next((p for p in persons if normal(p.name) in names), None)
        if person is None or entry.get("optional"):
            continue  # a person not found is scored under persons
        wanted = [normal(role) for role in entry.get("roles", [])]
        found = [normal(role) for role in person.roles]
        correct += sum(1 for role in found if any(_within(role, w) or _within(w, role) for w in wanted))
        wrong += sum(1 for role in found if not any(_within(role, w) or _within(w, role) for w in wanted))
        missed += sum(1 for w in wanted if not any(_within(role, w) or _within(w, role) for role in found))
    return Tally(correct, wrong, missed)


def _within(shorter: str, longer: str) -> bool:
    return f" {shorter} " in f" {longer} "


def digest_lines(article: Article) -> set[int]:
    """Line numbers (1-based, as in the file) of the lines the reader set aside as a digest."""
    return {article.text.count("\n", 0, p.start) + 1 for p in article.paragraphs if p.kind == "digest"}


def score_article(article: Article, facts: FactRecord, gold: dict) -> dict[str, Tally]:
    """Tallies of one article: each kind of entity, and its lines classed as digest (a line the
    gold says is story counts wrong, a gold digest line not set aside counts missed)."""
    scores = {
        "persons": score_names([p.name for p in facts.persons], gold["persons"]),
        "organizations": score_names([o.name for o in facts.organizations], gold["organizations"]),
        "countries": score_countries([c.code for c in facts.countries], gold["countries"]),
    }
    scores["roles"] = score_roles(facts.persons, gold["persons"])
    not_story = {line for block in gold.get("not_story", []) for line in block["lines"]}
    digest = {line for block in gold.get("not_story", []) if block["kind"] == "digest" for line in block["lines"]}
    found = digest_lines(article)
    scores["digest lines"] = Tally(len(found & digest), len(found - not_story), len(digest - found))
    return scores
