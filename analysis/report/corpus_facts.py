"""The facts of the whole corpus as one table: meetings, agreements, quotes and roles, each with
its article's title, date and outlets, the sentence it came from and a link to that sentence in
the article's fact sheet; the timeline's events are its meetings and agreements.

A row's ``date`` is the fact's own date when the text states one (a meeting's date, a
document's year), else the article's publication date, and ``date_from`` says which. Read from
the stored tables with the standard library (no pandas): the rows are plain dicts, in a fixed
order, so the same results give the same table.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections import Counter
from html import escape
from itertools import permutations
from pathlib import Path

from ..errors import ParameterError
from ..lexicon import rows as data_rows
from ..storage.store import write_atomic
from .render import Html, sentence_at

COLUMNS = (
    "kind",
    "type",
    "date",
    "date_from",
    "status",
    "fact",
    "actors",
    "place",
    "countries",
    "title",
    "published",
    "outlets",
    "evidence",
    "article_id",
    "actor_ids",
    "anchor",
)
FACT_KINDS = ("meeting", "agreement", "quote", "role")
_ISO = re.compile(r"[A-Z]{2}(-[A-Z0-9]{1,3})?")


def _table(out: Path, name: str) -> list[dict]:
    with open(Path(out) / "data" / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _text(out: Path, article_id: str) -> str:
    with open(Path(out) / "data" / "texts" / f"{article_id}.txt", encoding="utf-8", newline="") as f:
        return f.read()


def actor_countries(out: Path) -> dict[str, str]:
    """The country (ISO code) of each actor that has one: a country its own code, a place or
    organisation its country, a person the country their roles name most often."""
    home, by_name = {}, {}
    for row in _table(out, "actors.csv"):
        code = row["code"] if row["kind"] == "country" else row["country"]
        if code:
            home[row["actor_id"]] = by_name[row["name"]] = code
    named: dict[str, Counter] = {}
    for row in _table(out, "roles.csv"):
        # an affiliation is an ISO code ("KZ", a region's "RU-TA") or an organisation's name
        code = row["affiliation"] if _ISO.fullmatch(row["affiliation"]) else by_name.get(row["affiliation"])
        if code:
            named.setdefault(row["actor_id"], Counter())[code] += 1
    for actor, counts in named.items():
        home.setdefault(actor, sorted(counts.items(), key=lambda item: (-item[1], item[0]))[0][0])
    return home


def fact_rows(out: str | Path) -> list[dict]:
    """Every meeting, agreement, quote and role of the stored results under ``out``, one dict a
    fact with the keys of ``COLUMNS``, by date, article and place in the text. ``anchor`` is the
    fact sheet's id of the sentence the evidence starts in (``t<offset>``, as ``evidence_link``)."""
    out = Path(out)
    articles = {row["article_id"]: row for row in _table(out, "articles.csv")}
    names = {row["actor_id"]: row["name"] for row in _table(out, "actors.csv")}
    home = actor_countries(out)
    found: dict[str, list[tuple[int, dict]]] = {aid: [] for aid in articles}

    def add(row: dict, kind: str, start: int, stop: int, **fields) -> None:
        ids = [i for i in fields.pop("ids").split(";") if i]
        fields["countries"] = ";".join(sorted({home[i] for i in ids if i in home}))
        fields["actor_ids"] = ";".join(ids)
        found[row["article_id"]].append((start, {"kind": kind, "start": start, "stop": stop, **fields}))

    for row in _table(out, "meetings.csv"):
        add(
            row,
            "meeting",
            int(row["start"]),
            int(row["stop"]),
            type=row["kind"],
            date=row["date"],
            status=row["status"],
            fact=f"{row['kind']}: {row['participants'].replace(';', ', ')}",
            actors=row["participants"],
            place=row["place"],
            ids=row["participant_ids"],
        )
    for row in _table(out, "agreements.csv"):
        add(
            row,
            "agreement",
            int(row["start"]),
            int(row["stop"]),
            type=row["kind"],
            date=row["year"],
            status=row["status"],
            fact=row["title"],
            actors=row["parties"],
            place="",
            ids=row["party_ids"],
        )
    for row in _table(out, "quotes.csv"):
        add(
            row,
            "quote",
            int(row["start"]),
            int(row["stop"]),
            type="quote",
            date="",
            status="",
            fact=row["text"],
            actors=row["speaker"],
            place="",
            ids=row["speaker_id"],
        )
    for row in _table(out, "roles.csv"):
        add(
            row,
            "role",
            int(row["start"]),
            int(row["stop"]),
            type="role",
            date="",
            status="",
            fact=f"{names.get(row['actor_id'], row['actor_id'])}: {row['role']}",
            actors=names.get(row["actor_id"], row["actor_id"]),
            place="",
            ids=row["actor_id"],
        )
    rows = []
    for article_id, facts in found.items():
        if not facts:
            continue
        article, text = articles[article_id], _text(out, article_id)
        for _, fact in sorted(facts, key=lambda item: (item[0], FACT_KINDS.index(item[1]["kind"]))):
            start, stop = fact.pop("start"), fact.pop("stop")
            sentence = sentence_at(text, start)
            # a quote or role is shown in its sentence; a meeting or document in the sentences it is told in
            shown = (start, stop) if fact["kind"] in ("meeting", "agreement") else sentence
            fact.update(
                date=fact["date"] or article["published"],
                date_from="fact" if fact["date"] else "published" if article["published"] else "",
                title=article["title"],
                published=article["published"],
                outlets=article["source"].replace(";", ", "),
                evidence=" ".join(text[slice(*shown)].split()),
                article_id=article_id,
                anchor=f"t{sentence[0]}",
            )
            fact["actors"] = fact["actors"].replace(";", ", ")
            rows.append({column: fact[column] for column in COLUMNS})
    order = {kind: i for i, kind in enumerate(FACT_KINDS)}
    return sorted(rows, key=lambda r: (_sortable(r["date"]), r["article_id"], order[r["kind"]]))


def _sortable(date: str) -> str:
    """An ISO date, possibly partial, as a key that puts dates without a year ("--07-10") last."""
    return date if date[:4].isdigit() else "9999" + date


def fact_link(row: dict) -> str:
    """The href of a fact's sentence in its article's fact sheet, from a page in ``html/``."""
    return f"fact_sheet_{row['article_id']}.html#{row['anchor']}"


def article_cell(row: dict) -> Html:
    """A table cell naming a fact's article by its title, linked to its fact sheet."""
    return Html(f'<a href="fact_sheet_{row["article_id"]}.html">{escape(row["title"] or row["article_id"])}</a>')


def evidence_cell(row: dict) -> Html:
    """A table cell of a fact's evidence (its first 300 characters), linked to its sentence."""
    return Html(f'<a class="evidence" href="{fact_link(row)}">{escape(row["evidence"][:300])}</a>')


# ---- the timeline's events and filters -------------------------------------------------------------


def country_groups() -> dict[str, frozenset[str]]:
    """Groups of countries a filter may name (``data/country_groups.csv``), by name and Russian
    abbreviation: ``CSTO`` and ``ОДКБ`` are Armenia, Belarus, Kazakhstan, Kyrgyzstan, Russia and
    Tajikistan."""
    groups = {}
    for row in data_rows("country_groups.csv"):
        members = frozenset(row["members"].split())
        groups[row["group"]] = groups[row["name"]] = members
    return groups


def check_countries(value: str) -> tuple[frozenset[str], ...]:
    """A country filter, "KZ,RU" or "KZ,CSTO": each item an ISO code or a group of
    ``country_groups``; the events kept involve a different country of each item."""
    groups = country_groups()
    items = [item.strip() for item in value.split(",") if item.strip()]
    wrong = [i for i in items if i not in groups and not (len(i) == 2 and i.isalpha() and i.isupper())]
    if wrong or len(items) > 4:
        raise ParameterError(
            f"parameter countries must be up to four ISO codes or groups separated by commas (e.g. "
            f"'KZ,RU' or 'KZ,CSTO'; groups: {', '.join(sorted(groups))}); got {value!r}"
        )
    return tuple(groups.get(item, frozenset({item})) for item in items)


def involves(countries: str, wanted: tuple[frozenset[str], ...]) -> bool:
    """Whether the ";"-joined ``countries`` of a fact hold a different country of each of ``wanted``."""
    found = [c for c in countries.split(";") if c]
    return not wanted or any(
        all(c in group for c, group in zip(chosen, wanted)) for chosen in permutations(found, len(wanted))
    )


EVENT_KINDS = ("meeting", "talks", "visit", "session", "call", "agreement")


def events(rows: list[dict]) -> list[dict]:
    """The timeline's events: the meetings and agreements of ``fact_rows``."""
    return [r for r in rows if r["kind"] in ("meeting", "agreement")]


def filter_events(
    rows: list[dict], countries: str = "", actor: str = "", kinds: str = "", outlet: str = ""
) -> list[dict]:
    """The events of ``rows`` that involve the ``countries`` (see ``check_countries``), an actor
    whose id is ``actor`` or whose name holds it (any case), are of one of the ``kinds``
    (comma-separated: meeting kinds, or ``agreement`` for any document or deal) and come from an
    article citing an outlet whose name holds ``outlet``; an empty filter keeps all."""
    wanted = check_countries(countries)
    chosen = tuple(k.strip() for k in kinds.split(",") if k.strip())
    if any(k not in EVENT_KINDS for k in chosen):
        raise ParameterError(f"parameter kinds must list some of {', '.join(EVENT_KINDS)}; got {kinds!r}")
    who, where = actor.strip().lower(), outlet.strip().lower()
    kept = []
    for row in rows:
        kind = row["type"] if row["kind"] == "meeting" else "agreement"
        if chosen and kind not in chosen:
            continue
        if who and who not in row["actor_ids"].split(";") and who not in row["actors"].lower():
            continue
        if where and where not in row["outlets"].lower():
            continue
        if involves(row["countries"], wanted):
            kept.append(row)
    return kept


def met_pairs(rows: list[dict], level: str, kinds: dict[str, str]) -> Counter:
    """How often each pair of countries (``level`` "countries") or of people ("people") met in
    the held meetings of ``rows``; ``kinds`` gives each actor id its kind. Pairs are sorted tuples."""
    pairs: Counter = Counter()
    for row in rows:
        if row["kind"] != "meeting" or row["status"] != "held":
            continue
        if level == "countries":
            sides = sorted(set(c for c in row["countries"].split(";") if c))
        else:
            sides = sorted({i for i in row["actor_ids"].split(";") if kinds.get(i) == "person"})
        pairs.update((a, b) for i, a in enumerate(sides) for b in sides[i + 1 :])
    return pairs


# ---- Excel ----------------------------------------------------------------------------------------

XLSX_COLUMNS = tuple(c for c in COLUMNS if c != "anchor") + ("sentence_start",)
_WIDTHS = {"fact": 60, "actors": 40, "title": 50, "evidence": 80, "article_id": 24, "actor_ids": 40, "outlets": 20}
_FIXED = (1980, 1, 1, 0, 0, 0)  # zip's earliest date: the file carries no date of its own


def write_xlsx(rows: list[dict], path: Path) -> None:
    """``rows`` of ``fact_rows`` as an Excel sheet "facts" at ``path`` (a header row, filters on
    it, the top row frozen; ``sentence_start`` the offset of the evidence's sentence in the
    article's text). The same rows give the same bytes: no creation date, fixed zip dates."""
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    sheet.title = "facts"
    sheet.append(list(XLSX_COLUMNS))
    for row in rows:
        sheet.append([row[c] for c in XLSX_COLUMNS[:-1]] + [int(row["anchor"][1:])])
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    for number, name in enumerate(XLSX_COLUMNS):
        sheet.column_dimensions[get_column_letter(number + 1)].width = _WIDTHS.get(name, 11)
    book.properties.creator = "analysis package"
    buffer = io.BytesIO()
    book.save(buffer)
    write_atomic(Path(path), _fixed_dates(buffer.getvalue()))


def _fixed_dates(xlsx: bytes) -> bytes:
    """The zip ``xlsx`` with every member dated ``_FIXED`` and the workbook's created and
    modified dates left out, so that it depends on its contents only."""
    source, target = zipfile.ZipFile(io.BytesIO(xlsx)), io.BytesIO()
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as packed:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "docProps/core.xml":
                data = re.sub(rb"<dcterms:(created|modified)[^>]*>[^<]*</dcterms:\1>", b"", data)
            packed.writestr(zipfile.ZipInfo(item.filename, _FIXED), data, zipfile.ZIP_DEFLATED)
    return target.getvalue()
