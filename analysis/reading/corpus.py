"""Load a folder of articles into Article records.

Every offset in the package points into ``Article.text``, the decoded text of the input,
which the store writes out unchanged so that ``text[start:stop]`` can always be checked.
Lines that are page furniture stay in the text but are marked with the reason and left out
of the analysis; a digest of other news appended to the story is marked ``digest``.
"""

from __future__ import annotations

import hashlib
import re
import stat
from collections.abc import Iterator
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

from ..errors import CorpusError, Skipped
from ..vocabulary import Block
from .boilerplate import digest_start, furniture, mark_context
from .formats import MAX_BYTES, Decoded, read_documents
from .metadata import find_dateline, find_sources, is_title_line, lead_sentence, parse_date

TITLE, BODY, DIGEST = Block.TITLE, Block.BODY, Block.DIGEST
ANALYSED = tuple(Block)
DATE_LINE, REPEATED_TITLE, PAGE_HEADER = "date line", "repeated title", "page header"
_CYRILLIC = re.compile(r"[А-Яа-яЁё]")
_DATE_LINE_WINDOW = 6  # a publication date line stands among the first lines of a page
# the user's files beside the articles (reading/overrides.py): read apart, never as articles
USER_FILES = ("metadata.csv", "aliases.csv")


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One line of the article, with its offsets into the article text.

    ``kind`` is ``"title"``, ``"body"``, ``"digest"`` (analysed) or the reason the line is not
    part of the story: ``"photo credit"``, ``"photo caption"``, ``"teaser"``, ``"counter"``,
    ``"repeated title"``, ``"date line"``, ...
    """

    start: int
    stop: int
    text: str
    kind: str = BODY

    @property
    def analysed(self) -> bool:
        return self.kind in ANALYSED


@dataclass(frozen=True, slots=True)
class Article:
    """A decoded article, its paragraphs and what it says about itself.

    ``title_source`` says where the title came from: ``"title line"``, ``"metadata"`` (HTML
    headline, JSON field) or ``"lead sentence"`` when the text has no title. ``published`` is
    an ISO date, possibly partial (``"--07-10"``: a day and month without a year), or ``""``.
    ``sources`` are the outlets the text cites; ``source_spans`` where it names them.
    ``published_source`` says where the date came from (``"date line"``, ``"dateline"``,
    ``"metadata"``: a JSON ``date``, or ``"metadata.csv"``); ``outlet`` is the outlet that
    published the article (a JSON ``source``, or ``metadata.csv``); ``extra`` are the other
    columns of its ``metadata.csv`` row, as (name, value).
    """

    id: str
    path: str
    sha256: str
    text: str
    title: str
    paragraphs: tuple[Paragraph, ...]
    title_source: str = "title line"
    published: str = ""
    dateline: str = ""
    sources: tuple[str, ...] = ()
    source_spans: tuple[tuple[int, int], ...] = ()
    encoding: str = "utf-8"
    url: str = ""
    warnings: tuple[str, ...] = ()
    line: int = 0
    file_sha256: str = ""
    published_source: str = ""
    outlet: str = ""
    extra: tuple[tuple[str, str], ...] = ()

    @property
    def analysed_paragraphs(self) -> tuple[Paragraph, ...]:
        return tuple(p for p in self.paragraphs if p.analysed)

    @property
    def removed_chars(self) -> int:
        """Characters of lines recognised as page furniture."""
        return sum(p.stop - p.start for p in self.paragraphs if not p.analysed)

    @property
    def digest_chars(self) -> int:
        return sum(p.stop - p.start for p in self.paragraphs if p.kind == DIGEST)


@dataclass(frozen=True, slots=True)
class Corpus:
    """The loaded articles (in file order) and the files that were skipped."""

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
    """Load every article of the folder ``path`` (.txt, .html/.htm, .jsonl).

    A file that cannot be used is listed in ``Corpus.skipped`` with the reason; it never
    stops the others. A second file with the same text as an earlier one, or an id used
    twice, is skipped as a duplicate.
    """
    articles: list[Article] = []
    skipped: list[Skipped] = []
    for item in iter_corpus(path):
        (skipped if isinstance(item, Skipped) else articles).append(item)
    return Corpus(str(Path(path)), tuple(articles), tuple(skipped))


def iter_corpus(path: str | Path) -> Iterator[Article | Skipped]:
    """The articles of the folder ``path`` one at a time, in file order, each file read only
    when the one before is done, and a ``Skipped`` for each file or line not used (as in
    ``load_corpus``): a corpus of any size is never held in memory. Only a hash of each text
    is kept, to find duplicates."""
    folder = Path(path)
    if not folder.is_dir():
        raise CorpusError(f"corpus folder not found: {folder} (pass an existing folder of articles)")
    return _articles(folder)


def count_articles(path: str | Path) -> int:
    """How many items ``iter_corpus`` will give (articles and skipped ones): one a file, a line
    for a .jsonl file. For progress bars: reads only the .jsonl files, and those only for lines."""
    count = 0
    for file, unusable in corpus_entries(Path(path)):
        lines = 0
        if file.suffix.lower() == ".jsonl" and not unusable:
            with suppress(OSError):  # the loader reports it, as one skipped file
                lines = _filled_lines(file)
        count += max(1, lines)
    return count


def _filled_lines(file: Path) -> int:
    """Lines of ``file`` that are not blank, read in blocks: a line of any length costs no memory."""
    lines, filled = 0, False
    with open(file, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            *ended, last = block.split(b"\n")
            for part in ended:
                lines += filled or bool(part.strip())
                filled = False
            filled = filled or bool(last.strip())
    return lines + filled


def corpus_files(path: str | Path) -> list[Path]:
    """The files of the folder ``path`` that the loader reads (see ``corpus_entries``)."""
    return [file for file, unusable in corpus_entries(Path(path)) if not unusable]


def corpus_entries(folder: Path) -> list[tuple[Path, str]]:
    """Every entry of ``folder`` but hidden ones, in name order, each with why it is not read
    ("" when it is): only regular files are, directly in the folder or linked from inside it.
    A subfolder, a link leading out of the folder, a pipe or device (which would block or never
    end), a file too large to hold are named, never followed."""
    entries, inside = [], folder.resolve()
    for entry in sorted(folder.iterdir()):
        if entry.name.startswith(".") or entry.name in USER_FILES:
            continue
        if _undecodable(entry.name):  # shown with its bytes escaped: it can be neither printed nor stored
            shown = entry.name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
            entries.append((folder / shown, "a file name that is not UTF-8: rename it; skipped"))
            continue
        try:
            if entry.is_symlink() and not entry.resolve().is_relative_to(inside):
                entries.append((entry, "a link to a file outside the corpus folder; skipped"))
                continue
            status = entry.stat()
        except (OSError, RuntimeError) as error:  # RuntimeError: a link loop
            entries.append((entry, f"cannot be read ({getattr(error, 'strerror', None) or error}); skipped"))
            continue
        if stat.S_ISDIR(status.st_mode):
            reason = "a folder: subfolders are not read; skipped (move its articles into the corpus folder)"
        elif not stat.S_ISREG(status.st_mode):
            reason = "not a regular file (a pipe, device or socket); skipped"
        elif status.st_size > MAX_BYTES and entry.suffix.lower() != ".jsonl":
            reason = f"larger than {MAX_BYTES >> 20} MB, more than an article; skipped"
        else:
            reason = ""
        entries.append((entry, reason))
    return entries


def _undecodable(name: str) -> bool:
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:  # bytes the file system decoder kept as lone surrogates
        return True
    return False


def _articles(folder: Path) -> Iterator[Article | Skipped]:
    seen_text: dict[bytes, str] = {}
    seen_ids: set[str] = set()
    for file, unusable in corpus_entries(folder):
        if unusable:
            yield Skipped(str(file), unusable)
            continue
        try:
            yield from _file_articles(file, seen_text, seen_ids)
        except Exception as error:  # whatever one file does, the others are read
            yield Skipped(str(file), f"cannot be read ({type(error).__name__}: {error}); skipped")


def _file_articles(file: Path, seen_text: dict[bytes, str], seen_ids: set[str]) -> Iterator[Article | Skipped]:
    try:
        documents = read_documents(file)
    except CorpusError as error:
        yield Skipped(str(file), str(error))
        return
    except OSError as error:
        yield Skipped(str(file), f"cannot be read ({error.strerror}); skipped")
        return
    for document in documents:
        if isinstance(document, CorpusError):
            yield Skipped(str(file), str(document))
            continue
        # the same words with other spacing or line breaks are the same article
        key = hashlib.sha256(" ".join(document.text.split()).encode("utf-8")).digest()
        where = f"{file.name} line {document.line}: " if document.line else ""
        if key in seen_text:
            yield Skipped(document.path, f"{where}same text as article {seen_text[key]}; skipped as a duplicate")
        elif document.id in seen_ids:
            yield Skipped(document.path, f"{where}article id {document.id} is used twice; skipped")
        else:
            try:
                article = build_article(document)
            except Exception as error:  # one line of a .jsonl file never stops the others
                yield Skipped(document.path, f"{where}cannot be read ({type(error).__name__}: {error}); skipped")
                continue
            seen_text[key] = document.id
            seen_ids.add(document.id)
            yield article


def load_article(file: str | Path) -> Article:
    """The article of one .txt or .html file."""
    document = next(iter(read_documents(Path(file))))
    if isinstance(document, CorpusError):
        raise document
    return build_article(document)


def parse_article(article_id: str, text: str) -> Article:
    """An Article from text alone (for scripts and tests)."""
    return build_article(Decoded(article_id, "", hashlib.sha256(text.encode()).hexdigest(), text, "utf-8"))


def build_article(document: Decoded) -> Article:
    """Split a document into paragraphs, mark furniture and digest, read its metadata."""
    text = document.text
    lines = list(_lines(text))
    texts = [line for _, _, line in lines]
    kinds = [furniture(line) or BODY for line in texts]
    published = parse_date(document.date) if document.date else None
    published_source = "metadata" if published else ""
    for index in range(min(_DATE_LINE_WINDOW, len(texts))):
        if kinds[index] == BODY and parse_date(texts[index]):
            kinds[index] = DATE_LINE
            published_source = published_source or DATE_LINE
            published = published or parse_date(texts[index])
    title, title_source, warnings = _title(texts, kinds, document.title_hint)
    warnings[:0] = document.warnings
    mark_context(texts, kinds)  # after the title: a title is never taken for a photo caption
    first_story = next((i for i, kind in enumerate(kinds) if kind == BODY), None)
    if first_story is not None:
        start = digest_start(texts, kinds, first_story)
        if start is not None:
            kinds[start:] = [DIGEST if kind == BODY else kind for kind in kinds[start:]]
            warnings.extend(_digest_warning(texts, kinds))

    dateline, sources = "", []
    for (start, _, line), kind in zip(lines, kinds):
        if kind not in (TITLE, BODY):
            continue
        found = find_dateline(line) if not dateline and kind == BODY else None
        if found:
            dateline = found.place
            if not published and found.date:
                published, published_source = found.date, "dateline"
            if found.outlet:
                sources.append((found.outlet, start + found.outlet_start, start + found.outlet_stop))
        sources.extend((s.name, s.start, s.stop) for s in find_sources(line, start))
    if document.source:
        sources.insert(0, (document.source, 0, 0))
    if not _CYRILLIC.search(text):
        warnings.append("no Cyrillic letters: processed, but the language models are for Russian")
    names = list(dict.fromkeys(name for name, _, _ in sources))
    spans = tuple(sorted({(s, e) for _, s, e in sources if e > s}))
    return Article(
        id=document.id,
        path=document.path,
        sha256=document.sha256,
        text=text,
        title=title,
        paragraphs=tuple(Paragraph(s, e, line, kind) for (s, e, line), kind in zip(lines, kinds)),
        title_source=title_source,
        published=published.iso if published else "",
        dateline=dateline,
        sources=tuple(names),
        source_spans=spans,
        encoding=document.encoding,
        url=document.url,
        warnings=tuple(warnings),
        line=document.line,
        file_sha256=document.file_sha256 or document.sha256,
        published_source=published_source,
        outlet=document.source,
    )


def _digest_warning(texts: list[str], kinds: list[str]) -> list[str]:
    """A warning when the digest is more than a third of the text read (title, story and
    digest): so much of the article is then left out of its facts that where the story ends
    should be checked."""
    digest = sum(len(line) for line, kind in zip(texts, kinds) if kind == DIGEST)
    read = sum(len(line) for line, kind in zip(texts, kinds) if kind in ANALYSED)
    if 3 * digest <= read:
        return []
    return [
        f"digest of other news is {digest} of the {read} characters read (more than a third): "
        "check where the story ends"
    ]


def _title(texts: list[str], kinds: list[str], hint: str) -> tuple[str, str, list[str]]:
    """Mark the title line (and its repeats) in ``kinds``; return title, its source, warnings."""
    candidates = [i for i, kind in enumerate(kinds) if kind == BODY]
    warnings: list[str] = []
    hint = " ".join(hint.split())
    index = next((i for i in candidates if texts[i] == hint), None) if hint else None
    if index is not None:
        for before in candidates:
            if before < index:
                kinds[before] = PAGE_HEADER
        title, source = hint, "metadata"
    elif hint:
        return hint, "metadata", warnings
    elif candidates and is_title_line(texts[candidates[0]]):
        index, title, source = candidates[0], texts[candidates[0]], "title line"
    else:
        label = lead_sentence(texts[candidates[0]]) if candidates else ""
        warnings.append("no title line: labelled by its lead sentence")
        return label, "lead sentence", warnings
    kinds[index] = TITLE
    for later in candidates:
        if later > index and texts[later] == title:
            kinds[later] = REPEATED_TITLE
    return title, source, warnings


def _lines(text: str):
    """Non-blank lines as (start, stop, stripped line), offsets into ``text``."""
    for match in re.finditer(r"[^\n]+", text):
        line = match.group()
        stripped = line.strip()
        if stripped:
            start = match.start() + len(line) - len(line.lstrip())
            yield start, start + len(stripped), stripped
