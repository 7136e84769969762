"""Load a folder of articles into Article records.

Every offset in the package points into ``Article.text``, the decoded text of the file,
which the store writes out unchanged so that ``text[start:stop]`` can always be checked.
"""

from __future__ import annotations

import csv
import hashlib
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from .errors import CorpusError

ARTICLE_SUFFIXES = (".txt",)
# An id becomes a file name under output/; anything else could escape that folder.
SAFE_ID = re.compile(r"^[\w][\w.-]{0,199}$")
BODY = "body"
TITLE = "title"


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One line of the article, with its offsets into the article text.

    ``kind`` is ``"title"``, ``"body"`` or the reason the line is page furniture
    (``"photo credit"``, ``"counter"``, ...); only title and body are analysed.
    """

    start: int
    stop: int
    text: str
    kind: str = BODY

    @property
    def analysed(self) -> bool:
        return self.kind in (TITLE, BODY)


@dataclass(frozen=True, slots=True)
class Article:
    """A decoded article: its id (the file stem), text, title and paragraphs."""

    id: str
    path: str
    sha256: str
    text: str
    title: str
    paragraphs: tuple[Paragraph, ...]

    @property
    def analysed_paragraphs(self) -> tuple[Paragraph, ...]:
        return tuple(p for p in self.paragraphs if p.analysed)

    @property
    def removed_chars(self) -> int:
        """Characters of lines recognised as page furniture."""
        return sum(p.stop - p.start for p in self.paragraphs if not p.analysed)


@dataclass(frozen=True, slots=True)
class Skipped:
    """A file of the corpus folder that was not loaded, and why."""

    path: str
    reason: str


@dataclass(frozen=True, slots=True)
class Corpus:
    """The loaded articles (sorted by id) and the files that were skipped."""

    path: str
    articles: tuple[Article, ...]
    skipped: tuple[Skipped, ...]

    def __iter__(self):
        return iter(self.articles)

    def __len__(self) -> int:
        return len(self.articles)

    @property
    def ids(self) -> list[str]:
        return [a.id for a in self.articles]


def load_corpus(path: str | Path) -> Corpus:
    """Load every article file of the folder ``path``.

    A file that cannot be used is listed in ``Corpus.skipped`` with the reason; it never
    stops the others.
    """
    folder = Path(path)
    if not folder.is_dir():
        raise CorpusError(f"corpus folder not found: {folder} (pass an existing folder of .txt articles)")
    articles, skipped = [], []
    for file in sorted(folder.iterdir()):
        if file.name.startswith(".") or file.is_dir():
            continue
        if file.suffix.lower() not in ARTICLE_SUFFIXES:
            skipped.append(Skipped(str(file), f"not an article file (expected {', '.join(ARTICLE_SUFFIXES)})"))
            continue
        try:
            articles.append(load_article(file))
        except CorpusError as error:
            skipped.append(Skipped(str(file), str(error)))
    return Corpus(str(folder), tuple(articles), tuple(skipped))


def load_article(file: str | Path) -> Article:
    """Decode one article file and split it into paragraphs."""
    file = Path(file)
    if not SAFE_ID.match(file.stem):
        raise CorpusError(f"file name {file.name!r} is not a safe article id (use letters, digits, '_', '-', '.')")
    data = file.read_bytes()
    try:
        # utf-8-sig drops a byte-order mark, so offsets count from the first real character.
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise CorpusError(f"not UTF-8 text ({error.reason} at byte {error.start}); skipped") from None
    if not text.strip():
        raise CorpusError("empty file; skipped")
    return parse_article(file.stem, text, path=str(file), sha256=hashlib.sha256(data).hexdigest())


def parse_article(article_id: str, text: str, path: str = "", sha256: str = "") -> Article:
    """Build an Article from decoded text: lines become paragraphs, furniture is marked."""
    lines = list(_lines(text))
    kinds = [_furniture(line) for _, _, line in lines]
    title = next((line for (_, _, line), kind in zip(lines, kinds) if kind is None), "")
    paragraphs, title_seen = [], False
    for (start, stop, line), kind in zip(lines, kinds):
        if kind is None and line == title:
            kind = "repeated title" if title_seen else TITLE
            title_seen = True
        paragraphs.append(Paragraph(start, stop, line, kind or BODY))
    return Article(article_id, path, sha256 or hashlib.sha256(text.encode()).hexdigest(), text, title,
                   tuple(paragraphs))


def _lines(text: str):
    """Non-blank lines as (start, stop, stripped line), offsets into ``text``."""
    for match in re.finditer(r"[^\r\n]+", text):
        line = match.group()
        stripped = line.strip()
        if stripped:
            start = match.start() + len(line) - len(line.lstrip())
            yield start, start + len(stripped), stripped


def _furniture(line: str) -> str | None:
    """The boilerplate reason a line matches, or None for article text."""
    for reason, pattern in _boilerplate_patterns():
        if pattern.search(line):
            return reason
    return None


@cache
def _boilerplate_patterns() -> tuple[tuple[str, re.Pattern], ...]:
    with resources.files(__package__).joinpath("data/boilerplate.csv").open(encoding="utf-8") as f:
        return tuple((row["reason"], re.compile(row["pattern"])) for row in csv.DictReader(f))
