"""Recognise page furniture and appended digests of other news, line by line.

A line is furniture by its own words (``boilerplate.csv``) or by its place among the lines
around it: the caption above a photo credit, the headline and lead of a related-article box,
the date under a social-media post, the lines of a legal footnote. Whether a block that
opens like a recap ("Напомним, …", "Ранее сообщалось …") is a digest of other news or the
story's own background is read from its words, not from its first word.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from functools import cache

from ..lexicon import boilerplate, digest_starts, rows
from ..vocabulary import Block

# furniture reasons that other lines are read against (their rows are in boilerplate.csv)
PHOTO_CREDIT, BARE_DOMAIN, TEASER = "photo credit", "bare domain", "teaser"
POST_SIGNATURE, LEGAL_NOTE = "post signature", "legal note"
PHOTO_CAPTION = "photo caption"  # given here only: a caption is known by the credit under it

_CAPTION_CHARS = 300  # a photo caption is a phrase or two; a longer line is story
_SOURCE_CHARS = 40  # "Reuters", "Facebook", "globallookpress.com" on a line of their own
_MARKER_CHARS = 30  # "Также по теме" alone on its line heads a box: a headline and a lead follow
_HEADLINE_CHARS = 250
_POST_DATE_CHARS = 40  # "13 сентября 2017 г.", "Фев 18 2017 в 8:19 PST" under a post's author
_NOTE_LINES = 3  # a legal footnote cut into lines by the page's links and brackets
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_ELLIPSIS = ("...", "…")
# a line ending like a sentence or a clause, or cut off mid-phrase, is no caption
_NOT_CAPTION_END = re.compile(r"(?:[.!?…:;,(—–-]|[.!?…][\"»”)]+)$")

# digest: which words of a block continue the story before it
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_STEM = 5  # first letters of a word: joins its case forms ("Омаров", "Омарова") without a lemmatiser
_ITEM_WORDS = 4  # a paragraph with fewer content words (a sub-heading, a cut line) is not judged
_SHARED = 2  # a paragraph continues the story when it has this many of the story's main words
_CONTINUING = 0.25  # a block is other news when fewer than this share of its paragraphs continue the story
_MIN_ITEMS = 2  # a digest is a run of items: a single closing paragraph of background is story


def furniture(line: str) -> str | None:
    """The reason a whole line is page furniture ("photo credit", "counter", ...), or None."""
    for reason, pattern in boilerplate():
        if pattern.search(line):
            return reason
    return None


def mark_context(lines: list[str], kinds: list[str]) -> None:
    """Mark in ``kinds`` the lines that are furniture by the lines around them.

    ``kinds`` holds each line's furniture reason or ``"body"``. The caption line right above a
    photo credit (and an agency line between them) is ``"photo caption"``; the headline after
    a "Также по теме" marker, and the lead after it when it ends in "...", are ``"teaser"``; the
    date line under a post's signature is a ``"post signature"``; the lines of a footnote
    ("* «X» ... — ... запрещённая в России") cut over several lines are a ``"legal note"``.
    """
    _photo_captions(lines, kinds)
    # read the lines' own reasons, not those this loop gives: a short headline marked as a
    # teaser heads no box of its own, a post's date line signs no further line
    for index, kind in enumerate(list(kinds)):
        if kind == TEASER and len(lines[index]) <= _MARKER_CHARS:
            _teaser_box(lines, kinds, index)
        elif kind == POST_SIGNATURE and _is_body(kinds, index + 1):
            following = lines[index + 1]
            if len(following) <= _POST_DATE_CHARS and _YEAR.search(following):
                kinds[index + 1] = POST_SIGNATURE
        elif kind == Block.BODY and lines[index].startswith("*"):
            ends = [k for k in range(index + 1, min(index + 1 + _NOTE_LINES, len(kinds))) if kinds[k] == LEGAL_NOTE]
            if ends:
                kinds[index : ends[0]] = [LEGAL_NOTE if k == Block.BODY else k for k in kinds[index : ends[0]]]


def _is_body(kinds: list[str], index: int) -> bool:
    return 0 <= index < len(kinds) and kinds[index] == Block.BODY


def _photo_captions(lines: list[str], kinds: list[str]) -> None:
    """Captions above photo credits; a source line right above a "© author" line is credit too.

    The story's first paragraph is never a caption: a lead or a sub-title without a full stop
    comes there, and an agency named alone under it ("РИА Новости", "ТАСС") signs the article,
    so it stays in the story as its source.
    """
    first = next((i for i, kind in enumerate(kinds) if kind == Block.BODY), len(kinds))
    for index in range(len(kinds)):
        if kinds[index] != PHOTO_CREDIT or (index + 1 < len(kinds) and kinds[index + 1] in (PHOTO_CREDIT, BARE_DOMAIN)):
            continue
        # walk up from the last line of a run of credit lines ("globallookpress.com", "© Имя")
        start = index
        while start > 0 and (
            kinds[start - 1] in (PHOTO_CREDIT, BARE_DOMAIN)
            or (_is_body(kinds, start - 1) and lines[start].startswith("©") and _is_source(lines[start - 1]))
        ):
            start -= 1
            kinds[start] = PHOTO_CREDIT
        caption = start - 1
        if caption <= first:
            if start == index and _is_source(lines[index]) and "©" not in lines[index]:
                kinds[index] = Block.BODY
            continue
        if not (_is_body(kinds, caption) and _is_caption(lines[caption])):
            continue
        if lines[caption][0].islower():
            # a caption wrapped over two lines; a lower-case line alone is a cut sentence
            if not (caption - 1 > first and _is_body(kinds, caption - 1) and _is_caption(lines[caption - 1])):
                continue
            if lines[caption - 1][0].islower():
                continue
            kinds[caption - 1] = PHOTO_CAPTION
        kinds[caption] = PHOTO_CAPTION


def _is_caption(line: str) -> bool:
    return len(line) <= _CAPTION_CHARS and not _NOT_CAPTION_END.search(line)


def _is_source(line: str) -> bool:
    """A photo's source named alone on its line: "Facebook", "AFP", "Пресс-служба"."""
    return len(line) <= _SOURCE_CHARS and len(line.split()) <= 3 and not _NOT_CAPTION_END.search(line)


def _teaser_box(lines: list[str], kinds: list[str], marker: int) -> None:
    headline = marker + 1
    if not (_is_body(kinds, headline) and len(lines[headline]) <= _HEADLINE_CHARS):
        return
    if lines[headline].endswith(".") and not lines[headline].endswith(_ELLIPSIS):
        return  # a sentence of the story, not a headline
    kinds[headline] = TEASER
    lead = headline + 1
    if _is_body(kinds, lead) and lines[lead].endswith(_ELLIPSIS):
        kinds[lead] = TEASER


@cache
def _function_words() -> frozenset[str]:
    return frozenset(row["word"].replace("ё", "е") for row in rows("function_words.csv"))


def _content_words(text: str) -> frozenset[str]:
    """The content words of ``text`` as stems: abbreviations whole ("США", "ОДКБ" as "сша",
    "одкб"), other words of four letters or more cut to their first five, function words
    (``function_words.csv``) left out."""
    found = set()
    for word in _WORD.findall(text):
        lower = word.lower().replace("ё", "е")
        if len(word) >= 2 and word.isupper():
            found.add(lower)
        elif len(word) >= 4 and lower not in _function_words():
            found.add(lower[:_STEM])
    return frozenset(found)


def digest_start(lines: list[str], kinds: list[str], first_body: int) -> int | None:
    """Index of the line that opens a digest of other news appended to the story, if any.

    A block opening like a recap ("Напомним, ...", "Ранее сообщалось ...", "Другие новости";
    ``digest.csv``) after at least one story paragraph, and running to the end, is a digest
    when it is a run of items on other subjects: of its paragraphs with enough words to judge
    (there must be two or more), fewer than a quarter share at least two of the story's main words
    (those of the title, and those used in two paragraphs before the block). Background that continues
    the story ("Напомним, ранее Омаров ...") names its people and subjects again, and stays
    story.
    """
    story = (Block.TITLE, Block.BODY)
    words = [_content_words(line) if kind in story else frozenset() for line, kind in zip(lines, kinds)]
    items = [i for i, kind in enumerate(kinds) if kind == Block.BODY and len(words[i]) >= _ITEM_WORDS]
    main = set().union(*(words[i] for i, kind in enumerate(kinds) if kind == Block.TITLE))
    counts: Counter[str] = Counter()
    for index in range(first_body, len(lines)):
        if kinds[index] != Block.BODY:
            continue
        opens = index > first_body and any(p.search(lines[index]) for p in digest_starts())
        if opens and _other_news(items, bisect_left(items, index), words, main):
            return index
        counts.update(words[index])
        main.update(word for word in words[index] if counts[word] == 2)
    return None


def _other_news(items: list[int], first: int, words: list[frozenset[str]], main: set[str]) -> bool:
    """Whether the paragraphs ``items[first:]`` are a run of items on other subjects than ``main``."""
    block = len(items) - first
    if block < _MIN_ITEMS:
        return False
    continuing, limit = 0, _CONTINUING * block
    for index in items[first:]:
        if len(words[index] & main) >= _SHARED:
            continuing += 1
            if continuing >= limit:  # enough of the block goes on with the story: stop reading
                return False
    return True
