"""The data files under ``analysis/data/``, each read once per process.

Code holds the mechanisms; these files hold the knowledge (patterns, outlets, months), so
they can be extended for new outlets and sites without touching the code.
"""

from __future__ import annotations

import csv
import re
from functools import cache
from importlib import resources


def rows(name: str) -> list[dict]:
    """The rows of the CSV data file ``name``."""
    with resources.files(__package__).joinpath("data", name).open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


@cache
def boilerplate() -> tuple[tuple[str, re.Pattern], ...]:
    """(reason, pattern) for whole lines that are page furniture."""
    return tuple((row["reason"], re.compile(row["pattern"])) for row in rows("boilerplate.csv"))


@cache
def digest_starts() -> tuple[re.Pattern, ...]:
    """Patterns for the first line of a block of other news appended to a story."""
    return tuple(re.compile(row["pattern"]) for row in rows("digest.csv"))


@cache
def encodings() -> tuple[str, ...]:
    """Encodings charset-normalizer may choose from, for texts that are not UTF-8."""
    return tuple(row["encoding"] for row in rows("encodings.csv"))


@cache
def months() -> tuple[tuple[int, re.Pattern], ...]:
    return tuple(
        (int(row["month"]), re.compile(rf"(?:{row['pattern']})\.?", re.IGNORECASE)) for row in rows("months.csv")
    )


def month_number(word: str) -> int | None:
    """1-12 for a month name or abbreviation in Russian or English, in any case form."""
    for number, pattern in months():
        if pattern.fullmatch(word):
            return number
    return None


@cache
def month_pattern() -> str:
    """A regex alternation of every month form (for building date patterns)."""
    return "|".join(f"(?:{row['pattern']})" for row in rows("months.csv"))


@cache
def media() -> tuple[tuple[str, re.Pattern], ...]:
    """(canonical name, pattern) of news outlets and agencies."""
    return tuple((row["name"], re.compile(rf"(?:{row['pattern']})")) for row in rows("media.csv"))


@cache
def domain_pattern() -> re.Pattern:
    """A web domain of the usual news top-level domains ("Tengrinews.kz", "inbusiness.kz")."""
    tlds = "|".join(re.escape(row["tld"]) for row in rows("domains.csv"))
    return re.compile(rf"(?<![\w.@])(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+(?:{tlds})(?!\w|\.\w)")


@cache
def source_cues() -> re.Pattern:
    """Words after which a text names the outlet it cites ("передает", "со ссылкой на")."""
    return re.compile(
        r"\b(?:" + "|".join(f"(?:{row['pattern']})" for row in rows("source_cues.csv")) + r")\b", re.IGNORECASE
    )
