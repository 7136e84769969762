"""Sums of money and percentages in an article's text: "500 млн долларов", "$115 млрд",
"1 200 000 тенге", "12,5%".

A number, then an optional multiplier word ("млн", "миллиарда"), then a currency, or a currency
sign or code before the number ("$115 млрд", "USD 5 млн"). Currencies and multipliers are the
data files ``currencies.csv`` and ``multipliers.csv``; natasha's MoneyExtractor is not used, as
it knows neither tenge nor a sign before the number.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import cache

from ..lexicon import rows
from .schema import Amount

# digits in groups of three split by a space, no-break space or narrow no-break space
# ("1 200 000"), or plain digits; a decimal comma or point
_NUMBER = re.compile(r"(?<!\w)(?<!\d[.,])(?:\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?)(?![.,]?\d)")
_SPACE = re.compile(r"[ \u00a0\u202f]*")
# the dot of "тыс."/"млн." is part of an amount only when a currency follows ("300 тыс. евро"),
# so that "$115 млрд." does not take the full stop
_AFTER_MULTIPLIER = re.compile(r"\.?[ \u00a0\u202f]*")
_CURRENCY_BEFORE_GAP = r"[ \u00a0\u202f]?\Z"  # "$115", "USD 5"


@cache
def _multipliers() -> tuple[tuple[re.Pattern, int], ...]:
    """(pattern, factor): "млн" -> 1 000 000."""
    return tuple((re.compile(rf"(?:{row['pattern']})(?!\w)"), int(row["factor"])) for row in rows("multipliers.csv"))


@cache
def _currencies_after() -> tuple[tuple[re.Pattern, str], ...]:
    """(pattern, code) of every currency form that can follow the number."""
    return tuple((re.compile(rf"(?:{row['pattern']})(?!\w)"), row["code"]) for row in rows("currencies.csv"))


@cache
def _currency_before() -> tuple[re.Pattern, dict[str, str]]:
    """One pattern for a sign or code right before a number, and the code of each such form."""
    forms = [row for row in rows("currencies.csv") if row["position"] == "both"]
    names = {f"c{index}": row["code"] for index, row in enumerate(forms)}
    alternation = "|".join(f"(?P<c{index}>{row['pattern']})" for index, row in enumerate(forms))
    return re.compile(rf"(?<!\w)(?:{alternation}){_CURRENCY_BEFORE_GAP}"), names


def _longest(patterns: tuple[tuple[re.Pattern, int | str], ...], text: str, position: int, stop: int):
    """The longest of ``patterns`` matching at ``position``, as (match, value), or None."""
    found = [(match, value) for pattern, value in patterns if (match := pattern.match(text, position, stop))]
    return max(found, key=lambda item: item[0].end(), default=None)


def _value(number: str, factor: int) -> float | int:
    value = Decimal(re.sub(r"[ \u00a0\u202f]", "", number).replace(",", ".")) * factor
    return int(value) if value == value.to_integral_value() else float(value)


def _currency_before_number(text: str, start: int, position: int) -> tuple[int, str] | None:
    """(start, code) of a currency sign or code that stands right before ``position``."""
    pattern, codes = _currency_before()
    # the longest form ("US$") is a few characters; the window keeps the search short
    match = pattern.search(text, max(start, position - 6), position)
    if not match:
        return None
    return match.start(), codes[match.lastgroup]


def find_amounts(text: str, spans: list[tuple[int, int]]) -> list[Amount]:
    """Sums of money and percentages inside the given [start, stop) spans of ``text``, sorted by start."""
    amounts = []
    for span_start, span_stop in spans:
        for number in _NUMBER.finditer(text, span_start, span_stop):
            position = _SPACE.match(text, number.end(), span_stop).end()
            multiplier = _longest(_multipliers(), text, position, span_stop)
            factor = 1
            if multiplier:
                factor = multiplier[1]
                position = _AFTER_MULTIPLIER.match(text, multiplier[0].end(), span_stop).end()
            currency = _longest(_currencies_after(), text, position, span_stop)
            if currency:
                start, stop, code = number.start(), currency[0].end(), currency[1]
            elif before := _currency_before_number(text, span_start, number.start()):
                start, code = before
                stop = multiplier[0].end() if multiplier else number.end()
            else:
                continue
            amounts.append(Amount(text[start:stop], _value(number.group(), factor), code, start, stop))
    return sorted(amounts, key=lambda amount: amount.start)
