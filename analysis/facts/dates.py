"""Dates an article's text states: "29 декабря 2014 г.", "в январе 2015 года", "на 2026 год",
"10 июля", and years relative to the publication date ("в августе текущего года").

Regular expressions over the month table cover every form natasha's DatesExtractor knows
(day.month.year, day month [year], month year, year with "год"/"г.") at a small fraction of its
cost, and the forms it misses: abbreviated months, a month alone, relative years. A value keeps
only the parts the text gives; a year is never guessed.
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_left
from collections.abc import Iterator
from functools import cache

from ..lexicon import month_number, month_pattern, rows
from ..reading.metadata import PartialDate
from .schema import DateMention

# a plausible year, 1900-2100: other four-digit numbers are counts, not years
_YEAR = r"(?:19\d\d|20\d\d|2100)(?!\d)"
# "год" after a year: "2014 г.", "1994 года", "в 2020–2021 годах"
_YEAR_WORD = r"(?:\s*гг?\.|\s+г(?!\w)|\s+год(?:а|у|ом|е|ы|ов|ах|ам|ами)?(?!\w))"
# a relative year names one year: singular forms only ("прошлых лет" is no date)
_ONE_YEAR = r"\s+год(?:а|у|ом|е)?(?!\w)"
_NUMERIC = re.compile(rf"(?<![\d.])(?P<day>\d{{1,2}})\.(?P<month>\d{{1,2}})\.(?P<year>{_YEAR})(?:{_YEAR_WORD})?")
_YEARS = re.compile(rf"(?<![\w.,])(?:(?P<first>{_YEAR})\s*[–—-]\s*)?(?P<year>{_YEAR}){_YEAR_WORD}")
_WORD_BEFORE = re.compile(r"(?<!\w)(\w+)\s+$")

# A candidate is (start, stop, value); value None claims the characters of a relative date
# that cannot be resolved, so that no part of it ("августе" alone) is reported instead.
Candidate = tuple[int, int, str | None]


@cache
def _relative_years() -> tuple[tuple[re.Pattern, int], ...]:
    """(adjective pattern, years from the publication year): "прошлого" -> -1."""
    return tuple((re.compile(row["pattern"], re.IGNORECASE), int(row["offset"])) for row in rows("relative_years.csv"))


@cache
def _month_cues() -> frozenset[str]:
    """Words after which a month name alone is a date: "в августе", "с начала марта"."""
    return frozenset(row["word"] for row in rows("month_cues.csv"))


def _relative_alternation() -> str:
    return "|".join(f"(?:{pattern.pattern})" for pattern, _ in _relative_years())


@cache
def _month_phrase() -> re.Pattern:
    """[day] month [year | relative year]; a dot after the month only if a number follows."""
    return re.compile(
        rf"(?:(?<![\w.,:])(?P<day>\d{{1,2}})\s+)?(?<!\w)(?P<month>{month_pattern()})(?!\w)(?:\.(?=\s*\d))?"
        rf"(?:\s+(?:(?P<year>{_YEAR})(?:{_YEAR_WORD})?|(?P<relative>{_relative_alternation()}){_ONE_YEAR}))?",
        re.IGNORECASE,
    )


@cache
def _relative_year() -> re.Pattern:
    return re.compile(rf"(?<!\w)(?P<relative>{_relative_alternation()}){_ONE_YEAR}", re.IGNORECASE)


def _offset(adjective: str) -> int:
    return next(offset for pattern, offset in _relative_years() if pattern.fullmatch(adjective))


def _valid(year: int | None, month: int | None, day: int | None) -> bool:
    if month is None or not 1 <= month <= 12:
        return False
    # a leap year when the text gives none, so that "29 февраля" stands
    return day is None or 1 <= day <= calendar.monthrange(year or 2000, month)[1]


def _publication_year(published: str) -> int | None:
    match = re.match(r"\d{4}", published)
    return int(match.group()) if match else None


def _month_phrases(text: str, start: int, stop: int, year_now: int | None) -> Iterator[Candidate]:
    for match in _month_phrase().finditer(text, start, stop):
        day = int(match["day"]) if match["day"] else None
        month = month_number(match["month"])
        if match["relative"]:
            year = year_now + _offset(match["relative"]) if year_now is not None else None
            if year is None:
                yield match.start(), match.end(), None
                continue
        elif match["year"]:
            year = int(match["year"])
        else:
            year = None
            if day is None and not _after_cue(text, match.start()):
                continue
        if _valid(year, month, day):
            yield match.start(), match.end(), PartialDate(year, month, day).iso


def _after_cue(text: str, position: int) -> bool:
    before = _WORD_BEFORE.search(text, max(0, position - 20), position)
    return bool(before) and before.group(1).lower() in _month_cues()


def _numeric_dates(text: str, start: int, stop: int) -> Iterator[Candidate]:
    for match in _NUMERIC.finditer(text, start, stop):
        year, month, day = int(match["year"]), int(match["month"]), int(match["day"])
        if _valid(year, month, day):
            yield match.start(), match.end(), PartialDate(year, month, day).iso


def _years(text: str, start: int, stop: int) -> Iterator[Candidate]:
    for match in _YEARS.finditer(text, start, stop):
        if match["first"]:
            yield match.start("first"), match.end("first"), match["first"]
        yield match.start("year"), match.end(), match["year"]


def _relative_years_in(text: str, start: int, stop: int, year_now: int | None) -> Iterator[Candidate]:
    for match in _relative_year().finditer(text, start, stop):
        year = year_now + _offset(match["relative"]) if year_now is not None else None
        yield match.start(), match.end(), str(year) if year is not None else None


def _longest_first(candidates: list[Candidate]) -> list[Candidate]:
    """The candidates that overlap no longer one (the earlier of two equally long), sorted by start."""
    kept: list[Candidate] = []  # disjoint and sorted, so only the neighbours can overlap a newcomer
    starts: list[int] = []
    for candidate in sorted(candidates, key=lambda c: (c[0] - c[1], c[0])):
        start, stop, _ = candidate
        index = bisect_left(starts, start)
        if (index == len(kept) or stop <= kept[index][0]) and (index == 0 or kept[index - 1][1] <= start):
            kept.insert(index, candidate)
            starts.insert(index, start)
    return kept


def find_dates(text: str, spans: list[tuple[int, int]], published: str = "") -> list[DateMention]:
    """Dates stated inside the given [start, stop) spans of ``text`` (the analysed paragraphs), sorted by start.

    ``published`` (ISO, possibly partial) resolves "в этом году", "прошлого года" and the like;
    without a publication year they give no date.
    """
    year_now = _publication_year(published)
    candidates: list[Candidate] = []
    for start, stop in spans:
        candidates += _month_phrases(text, start, stop, year_now)
        candidates += _numeric_dates(text, start, stop)
        candidates += _years(text, start, stop)
        candidates += _relative_years_in(text, start, stop, year_now)
    return [
        DateMention(text[start:stop], value, start, stop)
        for start, stop, value in _longest_first(candidates)
        if value is not None
    ]
