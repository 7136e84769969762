"""What an article says about itself: title, publication date, dateline, and the outlets it cites."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from ..lexicon import domain_pattern, media, month_number, month_pattern, rows, source_cues

# Headlines rarely end like a sentence; a first line that does is the lead, not a title.
_SENTENCE_END = re.compile(r"[.…:;]$")
_LEAD_SENTENCE = re.compile(r"^.+?[.!?…](?=\s+[«\"“A-ZА-ЯЁ0-9—–-]|$)")
_DATE_LABEL = re.compile(r"^(?:Опубликовано|Дата публикации|Дата|Обновлено|Published|Date)\s*:?\s*", re.IGNORECASE)
_TIME = re.compile(r"(?:,?\s*(?:в\s+)?\d{1,2}:\d{2}(?::\d{2})?)")
_WEEKDAY = re.compile(
    r"^(?:понедельник|вторник|среда|четверг|пятница|суббота|воскресенье|пн|вт|ср|чт|пт|сб|вс)\s*,?\s*", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A date with the parts the text gives; missing parts stay missing, never guessed."""

    year: int | None
    month: int | None
    day: int | None

    @property
    def iso(self) -> str:
        """ISO 8601: ``2014-12-29``, ``2014-12``, or ``--07-10`` for a day and month without a year."""
        if self.year is None:
            return f"--{self.month:02d}-{self.day:02d}" if self.day else f"--{self.month:02d}"
        parts = [f"{self.year:04d}"] + [f"{p:02d}" for p in (self.month, self.day) if p]
        return "-".join(parts)


@dataclass(frozen=True, slots=True)
class Dateline:
    """The opening of an agency report: "АСТАНА. 10 июля. КАЗИНФОРМ –"."""

    place: str
    date: PartialDate | None
    outlet: str | None
    outlet_start: int
    outlet_stop: int
    stop: int


@dataclass(frozen=True, slots=True)
class Source:
    """An outlet the text cites, with the offsets of its name."""

    name: str
    start: int
    stop: int


@cache
def _date_patterns() -> tuple[re.Pattern, ...]:
    months = month_pattern()
    return (
        re.compile(
            rf"(?P<day>\d{{1,2}})\s+(?P<month>(?:{months}))\.?(?:\s+(?P<year>\d{{4}}))?(?:\s*(?:г\.|года?))?",
            re.IGNORECASE,
        ),
        re.compile(r"(?P<day>\d{1,2})[./](?P<month>\d{1,2})[./](?P<year>\d{4})(?:\s*г\.)?"),
        re.compile(r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?:[T ][\d:.+Z-]*)?"),
    )


def _date(match: re.Match) -> PartialDate | None:
    day = int(match["day"])
    month = int(match["month"]) if match["month"].isdigit() else month_number(match["month"])
    year = int(match["year"]) if match["year"] else None
    if not month or not 1 <= month <= 12 or not 1 <= day <= 31:
        return None
    return PartialDate(year, month, day)


def parse_date(text: str) -> PartialDate | None:
    """The date a string is, allowing a label, weekday and time around it; None if it is no date."""
    text = _TIME.sub("", _WEEKDAY.sub("", _DATE_LABEL.sub("", text.strip()))).strip(" ,|")
    for pattern in _date_patterns():
        match = pattern.fullmatch(text)
        if match:
            return _date(match)
    return None


def is_title_line(line: str) -> bool:
    """A line that reads as a headline, not as the first sentence of the story."""
    return len(line) <= 300 and not _SENTENCE_END.search(line) and find_dateline(line) is None


def lead_sentence(line: str) -> str:
    match = _LEAD_SENTENCE.match(line)
    return match.group() if match else line


@cache
def _dateline_head() -> re.Pattern:
    months = month_pattern()
    return re.compile(
        r"(?P<place>[А-ЯЁ]{2,}(?:[- ][А-ЯЁ]{2,})*)\s*[.,]\s*"
        rf"(?:(?P<date>\d{{1,2}}\s+(?:{months})\.?(?:\s+\d{{4}})?(?:\s*г\.)?)\s*[.,]?\s*)?"
    )


_NAME = r"(?:[^.–—\n]|\.(?=\w)){2,40}?"  # an outlet name: dots only inside it ("Zakon.kz")
_OUTLET_AFTER_DATE = (
    re.compile(r"/(?P<outlet>[^/\n]{2,40})/\s*\.?\s*"),  # МОСКВА, 5 мая. /ТАСС/.
    re.compile(rf"[–—-]\s*(?P<outlet>{_NAME})\s*\.\s+"),  # БИШКЕК, 14 марта — Sputnik.
    re.compile(rf"(?P<outlet>{_NAME})\s*[–—-]\s*"),  # АСТАНА. 10 июля. КАЗИНФОРМ –
)


def find_dateline(line: str) -> Dateline | None:
    """The dateline that opens ``line``, if any; offsets are relative to the line."""
    head = _dateline_head().match(line)
    if not head or not (head["date"] or re.match(r"[A-ZА-ЯЁ]", line[head.end() :])):
        return None
    for pattern in _OUTLET_AFTER_DATE:
        tail = pattern.match(line, head.end())
        name = tail and _dateline_outlet(tail["outlet"].strip())
        if name:
            return Dateline(
                _title_case(head["place"]),
                _first_date(head["date"]),
                name,
                tail.start("outlet"),
                tail.start("outlet") + len(tail["outlet"].strip()),
                tail.end(),
            )
    if head["date"]:
        return Dateline(_title_case(head["place"]), _first_date(head["date"]), None, 0, 0, head.end())
    return None


def _dateline_outlet(text: str) -> str | None:
    """A known outlet, or a short name in capitals or Latin letters, as agencies sign datelines."""
    if outlet_name(text):
        return outlet_name(text)
    if len(text.split()) <= 3 and (text.isupper() or re.fullmatch(r"[A-Za-z][\w .-]*", text)):
        return text
    return None


def _first_date(text: str | None) -> PartialDate | None:
    return parse_date(text) if text else None


def _title_case(name: str) -> str:
    return re.sub(r"[А-ЯЁ]+", lambda m: m.group().capitalize(), name)


@lru_cache(maxsize=100_000)  # asked of every mention: the same names recur in every article
def outlet_name(text: str) -> str | None:
    """The canonical name of a news outlet or website, if ``text`` is one."""
    for name, pattern in media():
        if pattern.fullmatch(text):
            return name
    if domain_pattern().fullmatch(text):
        return text
    return None


def _outlet_at(text: str, position: int) -> tuple[str, int, int] | None:
    """An outlet name starting at ``position`` (longest match), as (name, start, stop)."""
    found = []
    for name, pattern in media():
        match = pattern.match(text, position)
        if match and _ends_word(text, match.end()):
            found.append((match.end(), name))
    match = domain_pattern().match(text, position)
    if match:
        found.append((match.end(), match.group()))
    if not found:
        return None
    stop, name = max(found)
    return name, position, stop


def _ends_word(text: str, position: int) -> bool:
    return position == len(text) or not text[position].isalnum()


@cache
def _naming_cues() -> re.Pattern:
    """Cues after which a name in quotes or Latin letters is an outlet even when no list knows it
    ("газета «Вестник»", "в интервью The Daily Post"): only outlets are named that way there."""
    patterns = [row["pattern"] for row in rows("source_cues.csv") if row["names"] == "any"]
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


# an outlet's own name: in quotes («Вестник»), or Latin words (The Daily Post, Bild)
_QUOTED_NAME = re.compile(r"[«\"“„](?P<name>[A-ZА-ЯЁ0-9][^«»\"“”„\n]{0,40}?)[»\"”“]")
_LATIN_NAME = re.compile(r"(?P<name>[A-Z][\w'&.-]*(?:[ \t]+(?:[A-Z][\w'&.-]*|of|the|de|und|am|für))*)(?<!\.)")
# an editor's note closing a parenthesis: "(из соглашения. – «Вестник»)", "(с Украиной. — RT)"
_EDITOR_NOTE = re.compile(r"[.,]\s*[–—-]\s*")


def _named_outlet_at(text: str, position: int) -> tuple[str, int, int] | None:
    """A name in quotes or Latin letters starting at ``position``, as (name, start, stop)."""
    match = _QUOTED_NAME.match(text, position) or _LATIN_NAME.match(text, position)
    if not match or not _ends_word(text, match.end()):
        return None
    return match["name"], match.start("name"), match.end("name")


def find_sources(text: str, offset: int = 0) -> list[Source]:
    """Outlets cited after a cue ("передает Tengrinews.kz", "со ссылкой на inbusiness.kz",
    "газета «Вестник»", "в интервью The Daily Post") or signing an editor's note ("(… – «Вестник»)")."""
    sources = []
    for cue in source_cues().finditer(text):
        position = cue.end()
        while position < len(text) and text[position].isspace():
            position += 1
        quoted = position < len(text) and text[position] in '"«“„'
        found = _outlet_at(text, position + quoted)
        if found is None and _naming_cues().fullmatch(cue.group()):
            found = _named_outlet_at(text, position)
        if found:
            name, start, stop = found
            sources.append(Source(name, offset + start, offset + stop))
    for note in _EDITOR_NOTE.finditer(text):
        position = note.end()
        quoted = position < len(text) and text[position] in '"«“„'
        found = _outlet_at(text, position + quoted) or _named_outlet_at(text, position)
        if found and re.match(r"[»\"”]?\s*\)", text[found[2] :]):
            name, start, stop = found
            sources.append(Source(name, offset + start, offset + stop))
    return sources
