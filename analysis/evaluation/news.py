"""Scores against hand-made gold for real news articles (``gold/news-dev/*.json``; its README is
the annotation guide): persons, organisations and countries of each article's story, the roles
of its people, its meetings, quotes and agreements, and lines of the story set aside as a digest.

A gold entry lists a name and its aliases (other forms equally right); one the annotators found
debatable is ``optional``: finding it is neither rewarded nor punished. An extracted name matches
an entry when it equals the name or an alias (case, ё/е, spaces and quote marks aside); a second
extracted name matching the same entry is a duplicate, counted as a wrong answer. Countries are
compared by ISO 3166-1 code (regions such as RU-TA are not countries and are not scored).

Relations name their actors by a gold entry's canonical name or a country's code; an extracted
actor is read as the entry its name matches (a country by its code). Meetings to come are not
scored (the gold has the meetings held). A meeting is right when it is told on one of a gold
meeting's lines and names at least two of its participants (all of them if
it has fewer) and no one outside its participants and ``also``. A gold quote is found when an
extracted quote overlaps it; its speaker is right when that quote's speaker is the gold one. An
agreement is right when one of its namings lies on a gold agreement's line and it is of the same
kind or shares a content word with the gold title. A second extracted fact matching the same gold
one is a duplicate, counted wrong; one matching an ``optional`` entry counts neither way.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import ParameterError
from ..facts.deals import deal_kinds
from ..facts.schema import FactRecord
from ..reading.corpus import Article
from ..vocabulary import MeetingStatus

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


def _entries(gold: dict) -> dict[str, str]:
    """Every normalised name form of the article's gold persons and organisations -> canonical name."""
    forms = {}
    for entry in [*gold["persons"], *gold["organizations"]]:
        for form in (entry["name"], *entry.get("aliases", [])):
            forms.setdefault(normal(form), entry["name"])
    return forms


def _canonical(name: str | None, forms: dict[str, str], codes: dict[str, str]) -> str | None:
    """The gold name (or country code) an extracted actor name stands for, else the name itself."""
    if name is None:
        return None
    return forms.get(normal(name)) or codes.get(name) or name


def _lines(text: str, start: int, stop: int) -> set[int]:
    return set(range(text.count("\n", 0, start) + 1, text.count("\n", 0, max(start, stop - 1)) + 2))


def score_meetings(text: str, facts: FactRecord, gold: dict) -> Tally:
    """Extracted meetings against the gold ``meetings`` (see the module's rules)."""
    forms, codes = _entries(gold), {c.name: c.code for c in facts.countries}
    entries = gold.get("meetings", [])
    matched: set[int] = set()
    correct = wrong = 0
    for meeting in facts.meetings:
        if meeting.status != MeetingStatus.HELD:
            continue  # the guide annotates meetings held, not those to come
        lines = _lines(text, *meeting.evidence)
        names = {_canonical(name, forms, codes) for name in meeting.participants}
        entry = _claim(
            matched,
            (
                i
                for i, e in enumerate(entries)
                if lines & set(e["lines"])
                and names <= {*e["participants"], *e.get("also", [])}
                and len(names & set(e["participants"])) >= min(2, len(e["participants"]))
            ),
        )
        if entry is None:
            wrong += 1
            continue
        correct += not entries[entry].get("optional")
    return Tally(correct, wrong, _missed(entries, matched))


def _claim(matched: set[int], fitting) -> int | None:
    """The first gold entry of ``fitting`` (indices of the entries a fact fits), now taken; None
    (a wrong answer) when there is none or it was taken already (a duplicate)."""
    entry = next(fitting, None)
    if entry is None or entry in matched:
        return None
    matched.add(entry)
    return entry


def _missed(entries: list[dict], matched: set[int]) -> int:
    return sum(1 for i, e in enumerate(entries) if not e.get("optional") and i not in matched)


def score_quotes(facts: FactRecord, gold: dict) -> tuple[Tally, Tally]:
    """Extracted quotes against the gold ``quotes``: found (a gold quote counts once however
    many extracted quotes overlap it; an extracted quote overlapping none is wrong), and their
    speakers (right; wrong: another speaker named; missed: wrong or none, so that recall is the
    share of found quotes with the right speaker)."""
    forms, codes = _entries(gold), {c.name: c.code for c in facts.countries}
    entries = gold.get("quotes", [])

    def overlapping(quote, entry) -> bool:
        return quote.start < entry["stop"] and entry["start"] < quote.stop

    wrong = sum(1 for q in facts.quotes if not any(overlapping(q, e) for e in entries))
    found = right = named_wrong = unnamed = 0
    for entry in entries:
        quotes = [q for q in facts.quotes if overlapping(q, entry)]
        if entry.get("optional"):
            continue
        if not quotes:
            continue
        found += 1
        if entry.get("speaker") is None:
            continue
        speaker = _canonical(
            max(quotes, key=lambda q: min(q.stop, entry["stop"]) - max(q.start, entry["start"])).speaker, forms, codes
        )
        if speaker == entry["speaker"]:
            right += 1
        elif speaker is None:
            unnamed += 1
        else:
            named_wrong += 1
    missed = sum(1 for e in entries if not e.get("optional")) - found
    return Tally(found, wrong, missed), Tally(right, named_wrong, named_wrong + unnamed)


def score_agreements(text: str, facts: FactRecord, gold: dict) -> tuple[Tally, Tally]:
    """Extracted agreements against the gold ``agreements`` (see the module's rules), and the
    status of those matched to a gold agreement with a status (right, wrong, and none given)."""
    entries = gold.get("agreements", [])
    matched: set[int] = set()
    correct = wrong = 0
    status = Tally()
    for agreement in [a for a in facts.agreements if a.kind not in deal_kinds()]:  # deals are not annotated
        lines = set().union(*(_lines(text, *span) for span in agreement.mentions or [agreement.evidence]))
        word = {w for w in normal(agreement.title).split() if len(w) > 3}  # its content words
        entry = _claim(
            matched,
            (
                i
                for i, e in enumerate(entries)
                if lines & set(e["lines"]) and (e["kind"] == agreement.kind or word & set(normal(e["title"]).split()))
            ),
        )
        if entry is None:
            wrong += 1
            continue
        correct += not entries[entry].get("optional")
        wanted = entries[entry].get("status")
        if wanted and not entries[entry].get("optional"):
            status = status + Tally(
                int(agreement.status == wanted),
                int(agreement.status not in (None, wanted)),
                int(agreement.status != wanted),
            )
    return Tally(correct, wrong, _missed(entries, matched)), status


def score_article(article: Article, facts: FactRecord, gold: dict) -> dict[str, Tally]:
    """Tallies of one article: each kind of entity, and its lines classed as digest (a line the
    gold says is story counts wrong, a gold digest line not set aside counts missed)."""
    scores = {
        "persons": score_names([p.name for p in facts.persons], gold["persons"]),
        "organizations": score_names([o.name for o in facts.organizations], gold["organizations"]),
        "countries": score_countries([c.code for c in facts.countries], gold["countries"]),
    }
    scores["roles"] = score_roles(facts.persons, gold["persons"])
    if "meetings" in gold:
        scores["meetings"] = score_meetings(article.text, facts, gold)
    if "quotes" in gold:
        scores["quotes"], scores["quote speakers"] = score_quotes(facts, gold)
    if "agreements" in gold:
        scores["agreements"], scores["agreement status"] = score_agreements(article.text, facts, gold)
    not_story = {line for block in gold.get("not_story", []) for line in block["lines"]}
    digest = {line for block in gold.get("not_story", []) if block["kind"] == "digest" for line in block["lines"]}
    found = digest_lines(article)
    scores["digest lines"] = Tally(len(found & digest), len(found - not_story), len(digest - found))
    return scores
