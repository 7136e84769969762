"""Read the files of a corpus folder into decoded documents: .txt, .html/.htm and .jsonl.

The decoded text, with line ends normalised to ``\\n``, is what every offset refers to.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from bs4 import BeautifulSoup, NavigableString, Tag
from bs4.dammit import EncodingDetector
from bs4.element import CData
from charset_normalizer import from_bytes

from ..errors import CorpusError
from ..lexicon import encodings, rows

SUFFIXES = (".txt", ".html", ".htm", ".jsonl")
# An id becomes a file name under output/ (also inside longer names: fact_sheet_<id>.html), so
# it holds only letters, digits, "_", "-", "." and stays short enough for any file system
SAFE_ID = re.compile(r"\w[\w.-]*")
MAX_ID_CHARS = 80
MAX_BYTES = 64 << 20  # the largest article file, or .jsonl line (in characters), that is read
# and bytes in UTF-8: ".fact_sheet_<id>.partial.ipynb" must stay within a file system's 255
MAX_ID_BYTES = 160
_UNSAFE = re.compile(r"[^\w.-]+")
# Elements whose text a reader never sees, or that hold site furniture rather than the story.
_HIDDEN = (
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "iframe",
    "head",
    "nav",
    "footer",
    "aside",
    "form",
    "button",
)
_TEXT = (NavigableString, CData)  # the string types get_text gives
_BLOCKS = (
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "br",
    "tr",
    "td",
    "th",
    "table",
    "blockquote",
    "figcaption",
    "figure",
    "section",
    "article",
    "header",
    "pre",
    "dd",
    "dt",
    "time",
)


@dataclass(frozen=True, slots=True)
class Decoded:
    """A decoded input: its id, text, and what structured inputs say about it."""

    id: str
    path: str
    sha256: str  # of the article's own bytes: the file, or its line in a .jsonl file
    text: str
    encoding: str
    title_hint: str = ""
    date: str = ""
    url: str = ""
    source: str = ""
    line: int = 0  # line number in a .jsonl file, else 0
    file_sha256: str = ""  # of the whole file the article came from
    warnings: tuple[str, ...] = ()  # about how it was read


def read_documents(path: Path) -> Iterable[Decoded | CorpusError]:
    """The documents of one file; a .jsonl line that cannot be used is a CorpusError among them.
    A .jsonl file is read a line at a time as its documents are taken."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise CorpusError(f"not an article file (expected {', '.join(SUFFIXES)}); skipped")
    if suffix == ".jsonl":
        return _jsonl(path)
    data = path.read_bytes()
    if not data.strip():
        raise CorpusError("empty file; skipped")
    article_id = safe_id(path.stem)
    sha = hashlib.sha256(data).hexdigest()
    if suffix in (".html", ".htm"):
        text, encoding, title, meta = _html(data)
        return [_document(article_id, path, sha, text, encoding, title_hint=title, **meta)]
    data, cut = whole_characters(data)
    text, encoding = decode(data)
    return [_document(article_id, path, sha, text, encoding, warnings=(cut,) if cut else ())]


def safe_id(name: str) -> str:
    """The article id of a file stem or a record's id: the name itself when it is safe, else its
    letters and digits joined by "_", shortened, with a short hash of the whole name, so that
    names a download may have ("копия статьи (2)", "a/../b") give safe ids that stay distinct
    and the same in every run. The original file name is kept in ``articles.csv``."""
    if SAFE_ID.fullmatch(name) and len(name) <= MAX_ID_CHARS and len(name.encode("utf-8")) <= MAX_ID_BYTES:
        return name
    cleaned = _UNSAFE.sub("_", unicodedata.normalize("NFC", name)).strip("._-")
    digest = hashlib.sha256(name.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    head = cleaned[: MAX_ID_CHARS - 9]
    while len(head.encode("utf-8")) > MAX_ID_BYTES - 9:
        head = head[:-1]
    return f"{head.rstrip('._-') or 'article'}_{digest}"


def decode(data: bytes) -> tuple[str, str]:
    """Text and encoding name: strict UTF-8 first, else charset-normalizer's best guess."""
    try:
        return normalise_newlines(data.decode("utf-8-sig")), "utf-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(data, cp_isolation=list(encodings())).best()
    if best is None:
        raise CorpusError("binary or undecodable data, not text in a known encoding; skipped")
    return normalise_newlines(str(best)), best.encoding


def whole_characters(data: bytes) -> tuple[bytes, str]:
    """``data`` without a UTF-8 character cut off at its very end (a file cut short mid-way),
    and a warning when there was one; any other data as it is."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        if error.reason == "unexpected end of data" and error.end == len(data):
            return data[: error.start], (
                f"ends in the middle of a character (cut short?): its last {len(data) - error.start} bytes are left out"
            )
    return data, ""


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _document(article_id, path, sha, text, encoding, **meta) -> Decoded:
    if not text.strip():
        raise CorpusError("no text after decoding; skipped")
    return Decoded(article_id, str(path), sha, text, encoding, file_sha256=sha, **meta)


def _html(data: bytes) -> tuple[str, str, str, dict[str, str]]:
    """Visible text of a page, one block per line, its encoding, the page's headline, and the
    date, outlet (``source``) and url its ``<meta>`` tags give (``html_meta.csv``)."""
    declared = EncodingDetector.find_declared_encoding(data, is_html=True)
    try:
        markup, encoding = (data.decode(declared), declared) if declared else decode(data)
    except (LookupError, UnicodeDecodeError):
        markup, encoding = decode(data)
    soup = BeautifulSoup(markup, "html.parser")
    page_title = soup.title.get_text(" ", strip=True) if soup.title else ""
    meta = _meta(soup)
    for tag in soup.find_all(_HIDDEN):
        tag.decompose()
    h1 = soup.find("h1")
    headline = " ".join(h1.get_text(" ").split()) if h1 else ""
    lines = (" ".join(line.split()) for line in normalise_newlines(_block_text(soup)).split("\n"))
    return "\n".join(line for line in lines if line) + "\n", encoding, headline or page_title, meta


@cache
def _meta_fields() -> tuple[tuple[str, str, str], ...]:
    """(Decoded field, attribute, its value in lower case) of ``html_meta.csv``, in order."""
    fields = {"outlet": "source"}  # the outlet that published the page is a Decoded's source
    return tuple(
        (fields.get(r["field"], r["field"]), r["attribute"], r["value"].lower()) for r in rows("html_meta.csv")
    )


def _meta(soup: BeautifulSoup) -> dict[str, str]:
    """The first value of each field (date, source, url) that the page's ``<meta>`` tags give, in
    the order of ``html_meta.csv``."""
    found: dict[str, str] = {}
    tags = soup.find_all("meta", content=True)
    for field, attribute, value in _meta_fields():
        if field in found:
            continue
        for tag in tags:
            if str(tag.get(attribute, "")).lower() == value and tag["content"].strip():
                found[field] = " ".join(tag["content"].split())
                break
    return found


_END = object()  # marks, on the walk's stack, where a block element ends


def _block_text(root: Tag) -> str:
    """The text ``get_text`` gives, with a line end before and after each block element: a walk
    with its own stack, so time is linear in the page and nesting depth has no limit (inserting
    line-end nodes into the tree took quadratic time on a page of 10,000 nested elements)."""
    parts, stack = [], [root]
    while stack:
        node = stack.pop()
        if node is _END:
            parts.append("\n")
        elif isinstance(node, Tag):
            if node.name in _BLOCKS and node is not root:
                parts.append("\n")
                stack.append(_END)
            stack.extend(reversed(node.contents))
        elif type(node) in _TEXT:  # comments, doctype, CDATA-like script text are not shown
            parts.append(str(node))
    return "".join(parts)


def _jsonl(path: Path) -> Iterator[Decoded | CorpusError]:
    """The documents of a .jsonl file, one a line. The file is scanned once first, in blocks,
    for its sha256 and whether it is UTF-8 (as JSON should be); then its lines are read one at a
    time. Any other encoding is recognised over the whole file, so that file is read whole."""
    digest, utf8, blank = hashlib.sha256(), codecs.getincrementaldecoder("utf-8-sig")(), True
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
            blank = blank and not block.strip()
            if utf8:
                try:
                    utf8.decode(block)
                except UnicodeDecodeError:
                    utf8 = None
    if utf8:
        try:
            utf8.decode(b"", final=True)
        except UnicodeDecodeError:
            utf8 = None
    if blank:
        raise CorpusError("empty file; skipped")
    if utf8:
        return _jsonl_documents(path, _utf8_lines(path), "utf-8", digest.hexdigest())
    if path.stat().st_size > MAX_BYTES:  # only UTF-8 is read a line at a time
        raise CorpusError(f"not UTF-8 and larger than {MAX_BYTES >> 20} MB: convert it to UTF-8; skipped")
    text, encoding = decode(path.read_bytes())
    return _jsonl_documents(path, iter(text.split("\n")), encoding, digest.hexdigest())


def _utf8_lines(path: Path) -> Iterator[str | None]:
    """The lines of a UTF-8 file, None for a line longer than ``MAX_BYTES`` characters (read past
    in parts, never held whole)."""
    # newline=None: "\r\n" and "\r" end lines as normalise_newlines has them
    with open(path, encoding="utf-8-sig", newline=None) as f:
        while line := f.readline(MAX_BYTES):
            if len(line) < MAX_BYTES or line.endswith("\n"):
                yield line.removesuffix("\n")
                continue
            while (rest := f.readline(MAX_BYTES)) and not rest.endswith("\n"):
                pass
            yield None


def _jsonl_documents(
    path: Path, lines: Iterator[str | None], encoding: str, file_sha: str
) -> Iterator[Decoded | CorpusError]:
    for number, line in enumerate(lines, 1):
        origin = f"{path.name} line {number}"
        if line is None:
            yield CorpusError(f"{origin}: longer than {MAX_BYTES >> 20} M characters, more than an article; skipped")
            continue
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            if not isinstance(record, dict):
                raise CorpusError(f"{origin}: not a JSON object; skipped")
            json.dumps(record, ensure_ascii=False).encode("utf-8")  # a lone surrogate fails here, not in a worker
            body = record.get("text") or record.get("content") or ""
            title = str(record.get("title") or "").strip()
            if not isinstance(body, str) or not body.strip():
                raise CorpusError(f"{origin}: no 'text' or 'content'; skipped")
            article_id = safe_id(str(record.get("id") or f"{safe_id(path.stem)}_{number:05d}"))
            full = normalise_newlines(f"{title}\n\n{body}" if title else body)
            yield Decoded(
                article_id,
                str(path),
                hashlib.sha256(line.encode("utf-8")).hexdigest(),
                full,
                encoding,
                title_hint=title,
                date=str(record.get("date") or ""),
                url=str(record.get("url") or ""),
                source=str(record.get("source") or ""),
                line=number,
                file_sha256=file_sha,
            )
        except json.JSONDecodeError as error:
            yield CorpusError(f"{origin}: not valid JSON ({error.msg}); skipped")
        except CorpusError as error:
            yield error
        except RecursionError:
            yield CorpusError(f"{origin}: JSON nested too deep to read; skipped")
        except UnicodeEncodeError:
            yield CorpusError(f"{origin}: holds a lone surrogate escape (such as \\ud800), which is no text; skipped")
        except Exception as error:  # whatever one line holds, the other lines are read
            yield CorpusError(f"{origin}: cannot be read ({type(error).__name__}: {error}); skipped")
