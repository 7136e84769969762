"""Recognise page furniture and appended digests of other news, line by line."""

from __future__ import annotations

from ..lexicon import boilerplate, digest_starts
from ..vocabulary import Block


def furniture(line: str) -> str | None:
    """The reason a whole line is page furniture ("photo credit", "counter", ...), or None."""
    for reason, pattern in boilerplate():
        if pattern.search(line):
            return reason
    return None


def digest_start(lines: list[str], kinds: list[str], first_body: int) -> int | None:
    """Index of the line that opens a digest appended to the story, if any.

    A digest ("Напомним, ...", "Ранее сообщалось ...", "Читайте также") runs from its first
    line to the end of the article. At least one story paragraph must come before it, so an
    article that opens with "Ранее, ..." is not taken for a digest.
    """
    for index in range(first_body + 1, len(lines)):
        if kinds[index] == Block.BODY and any(p.search(lines[index]) for p in digest_starts()):
            return index
    return None
