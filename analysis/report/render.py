"""The one place that renders HTML: executed notebooks (code hidden), the index page, the
fact sheet's header and marked text, and each page's citation entries.

Pages are self-contained: the template ``templates/page`` drops the scripts nbconvert loads from a
CDN, so a page opened offline looks the same and a page opened online contacts no one. Every
string that comes from an article or a file name is escaped before it is written.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from ..vocabulary import MentionType

if TYPE_CHECKING:  # a type only: the page's imports stay light
    from ..facts.schema import FactRecord

TEMPLATES = Path(__file__).resolve().parent / "templates"


class Html(str):
    """Text that is HTML already (escaped where it holds article text): written as it is."""


@dataclass(frozen=True, slots=True)
class Page:
    """What a rendered notebook's page shows around the notebook: its title, the links to the
    other pages (``(label, href)``, relative to the page; ``current`` is this page's label), and
    the footer saying how to cite it with links to its citation files."""

    title: str
    nav: tuple[tuple[str, str], ...] = ()
    current: str = ""
    cite: str = ""
    citations: tuple[tuple[str, str], ...] = ()


def notebook_html(notebook: Path, page: Page) -> str:
    """An executed notebook as a standalone, self-contained HTML page showing outputs only."""
    import nbformat
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(
        extra_template_basedirs=[str(TEMPLATES)],
        template_name="page",
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
    )
    body, _ = exporter.from_notebook_node(
        nbformat.read(notebook, as_version=4),
        resources={
            "metadata": {"name": page.title or Path(notebook).stem},
            "page": {"nav": nav_html(page.nav, page.current), "footer": _footer(page)},
        },
    )
    return body


def nav_html(links: tuple[tuple[str, str], ...], current: str = "") -> str:
    """The bar of links between the pages; the current page is marked, not linked away."""
    if not links:
        return ""
    mark = ' aria-current="page"'
    items = "".join(
        f'<a href="{escape(href)}"{mark if label == current else ""}>{escape(label)}</a>' for label, href in links
    )
    return f'<nav class="pages">{items}</nav>'


def _footer(page: Page) -> str:
    if not page.cite and not page.citations:
        return ""
    links = " ".join(f'<a href="{escape(href)}">{escape(label)}</a>' for label, href in page.citations)
    return f'<footer class="cite">{escape(page.cite)}{" Citation: " + links if links else ""}</footer>'


@dataclass(frozen=True, slots=True)
class Citation:
    """A rendered page as a reference-manager entry: ``key`` (the page's file stem), its title,
    what kind of page it is, the corpus it was made from, the date its inputs last changed
    (``YYYY-MM-DD``), the package version and commit, and its path inside the output folder."""

    key: str
    title: str
    genre: str
    corpus: str
    date: str
    version: str
    commit: str
    path: str

    def note(self) -> str:
        """One sentence for the entry's note: kind of page, inputs, package version and commit."""
        commit = f", commit {self.commit[:12]}" if self.commit else ""
        return f"{self.genre.capitalize()}. Inputs: {self.corpus}. Made by the analysis package {self.version}{commit}."


PUBLISHER = "The kz-defence-news project team"  # the author of CITATION.cff
_TEX = {"\\": r"\textbackslash{}", "^": r"\^{}", "~": r"\~{}", **{c: "\\" + c for c in "{}%&$#_"}}


def _braced(text: str) -> str:
    return "{" + "".join(_TEX.get(c, c) for c in text) + "}"


def bibtex(entry: Citation) -> str:
    """``entry`` as a BibTeX ``@misc`` record (UTF-8, for biblatex or BibTeX with inputenc)."""
    fields = {
        "title": _braced(entry.title),
        "author": "{" + _braced(PUBLISHER) + "}",  # a body, not a person: braced so it is not split
        "howpublished": _braced(f"Rendered page {entry.path}"),
        "year": _braced(entry.date[:4]),
        "date": _braced(entry.date),
        "version": _braced(entry.version),
        "note": _braced(entry.note()),
        "url": "{" + entry.path.replace("{", "").replace("}", "") + "}",  # verbatim: url fields are not TeX
    }
    body = ",\n".join(f"  {name} = {text}" for name, text in fields.items() if text != "{}")
    return f"@misc{{{entry.key},\n{body}\n}}\n"


def csl_json(entry: Citation) -> str:
    """``entry`` as CSL-JSON (a list of one item), as Zotero, Mendeley and pandoc read it."""
    parts = [int(p) for p in entry.date.split("-") if p]
    item = {
        "id": entry.key,
        "type": "webpage",
        "title": entry.title,
        "author": [{"literal": PUBLISHER}],
        "genre": entry.genre,
        "version": entry.version,
        "note": entry.note(),
        "URL": entry.path,
        **({"issued": {"date-parts": [parts]}} if parts else {}),
    }
    return json.dumps([item], ensure_ascii=False, indent=2) + "\n"


@dataclass(frozen=True, slots=True)
class IndexEntry:
    """One rendered output on the index page; a fact sheet also names its article's date,
    outlets and id."""

    section: str
    title: str
    html: str
    notebook: str
    status: str
    detail: str = ""
    article_id: str = ""
    published: str = ""
    sources: str = ""


def index_html(
    title: str,
    entries: list[IndexEntry],
    data_links: list[tuple[str, str]],
    notes: list[str],
    nav: tuple[tuple[str, str], ...] = (),
) -> str:
    """The entry page linking every rendered output; paths are relative to the page. Each
    section is an anchor (``#fact-sheets``) that the pages' navigation links to."""
    sections: dict[str, list[IndexEntry]] = {}
    for entry in entries:
        sections.setdefault(entry.section, []).append(entry)
    parts = [
        f'<!DOCTYPE html>\n<html lang="ru">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(title)}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n"
        f"{nav_html(nav, nav[0][0] if nav else '')}\n<h1>{escape(title)}</h1>\n"
    ]
    for section, items in sections.items():
        articles = any(e.article_id for e in items)
        head = ["article", "published", "outlets", "id"] if articles else ["output"]
        parts.append(
            f'<h2 id="{_anchor(section)}">{escape(section)}</h2>\n<table>\n<tr>'
            + "".join(f"<th>{h}</th>" for h in [*head, "status", "notebook", "detail"])
            + "</tr>\n"
        )
        for e in items:
            cells = [f'<a href="{escape(e.html)}">{escape(e.title)}</a>']
            if articles:
                cells += [escape(e.published or "not stated"), escape(e.sources)]
                cells.append(f"<code>{escape(e.article_id)}</code>")
            cells += [escape(e.status), f'<a href="{escape(e.notebook)}">.ipynb</a>', escape(e.detail)]
            parts.append(f'<tr class="{escape(e.status)}">' + "".join(f"<td>{c}</td>" for c in cells) + "</tr>\n")
        parts.append("</table>\n")
    parts.append('<h2 id="data">Data</h2>\n<ul>\n')
    parts.extend(f'<li><a href="{escape(href)}">{escape(label)}</a></li>\n' for label, href in data_links)
    parts.append("</ul>\n")
    if notes:
        parts.append("<h2>Notes</h2>\n<ul>\n")
        parts.extend(f"<li>{escape(note)}</li>\n" for note in notes)
        parts.append("</ul>\n")
    parts.append("</body>\n</html>\n")
    return "".join(parts)


def _anchor(section: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", section.lower()).strip("-")


_STYLE = (
    "body{font-family:sans-serif;max-width:72em;margin:2em auto;padding:0 1em}"
    "table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.3em;text-align:left;"
    "vertical-align:top}tr.failed td{background:#fdd}"
    "nav.pages{padding:.6em 0;border-bottom:1px solid #ccc}nav.pages a{margin-right:1.2em}"
    "nav.pages a[aria-current]{font-weight:bold;color:inherit;text-decoration:none}"
)


def fact_header(facts: FactRecord) -> str:
    """The head of a fact sheet as escaped HTML: title, date, sources, id, file, text hash."""
    fields = [
        ("Article id", facts.article_id),
        ("Published", facts.published or "not stated"),
        ("Dateline", facts.dateline or "none"),
        ("Sources", ", ".join(facts.sources) or "none named"),
        ("File", facts.file),
        ("sha256", facts.sha256),
    ]
    if facts.title_source == "lead sentence":
        fields.insert(1, ("Title", "the article has no title line; its lead sentence is shown"))
    # inline styles: JupyterLab's page style right-aligns cells, and outranks a class
    cell = 'style="text-align:left"'
    rows = "".join(f"<tr><th {cell}>{escape(k)}</th><td {cell}>{escape(str(v))}</td></tr>" for k, v in fields)
    return f"<h2>{escape(facts.title or facts.article_id)}</h2><table>{rows}</table>"


# ---- the marked text and the links of facts to its sentences -----------------------------------


@lru_cache(maxsize=4)
def sentence_spans(text: str) -> tuple[tuple[int, int], ...]:
    """The sentences of ``text`` as ``(start, stop)`` offsets, never across a line end (razdel,
    the segmenter under natasha, line by line)."""
    from razdel import sentenize

    spans, position = [], 0
    for line in text.split("\n"):
        spans.extend((position + s.start, position + s.stop) for s in sentenize(line))
        position += len(line) + 1
    return tuple(spans)


def sentence_at(text: str, offset: int) -> tuple[int, int]:
    """The sentence of ``text`` that holds ``offset`` (or the next one, between sentences)."""
    spans = sentence_spans(text)
    return next((s for s in spans if offset < s[1]), spans[-1] if spans else (0, len(text)))


def evidence_link(text: str, start: int, stop: int | None = None, limit: int = 300) -> Html:
    """A link to the marked sentence that holds ``start``, shown as the words of ``start:stop``
    (without ``stop``: as that sentence), cut at ``limit`` characters."""
    sentence = sentence_at(text, start)
    passage = " ".join(text[start:stop].split()) if stop is not None else " ".join(text[slice(*sentence)].split())
    passage = passage if len(passage) <= limit else passage[: limit - 1] + "…"
    return Html(f'<a class="evidence" href="#t{sentence[0]}">{escape(passage)}</a>')


_MARK_COLOURS = {MentionType.PER: "#cfe2ff", MentionType.ORG: "#ffe5b4", MentionType.LOC: "#d4edda"}
_TEXT_STYLE = (
    ".marked-text{line-height:1.6;max-width:60em}.marked-text p{margin:.2em 0 .6em}"
    ".marked-text .sentence:target{background:#fff3a0;outline:2px solid #e0b000}"
    ".marked-text .sentence{scroll-margin-top:4em}"
    ".marked-text p.furniture,.marked-text p.digest{color:#666;border-left:4px solid #bbb;padding-left:.6em}"
    ".marked-text p.furniture{background:#f2f2f2;text-decoration:line-through;text-decoration-color:#aaa}"
    ".marked-text p.digest{background:#f6f3ec;border-left-color:#c9b98f}"
    ".marked-text .why{font-size:80%;font-style:italic;text-decoration:none;display:inline-block;margin-right:.5em;"
    "color:#555}"
)


def highlighted_text(
    text: str,
    mentions: list[tuple[int, int, str, str]],
    removed: list[tuple[int, int, str]] = (),
    names: dict[str, str] | None = None,
) -> str:
    """The article text as escaped HTML, one paragraph a line, each sentence an anchor
    (``#t<start>``, the target of ``evidence_link``), each mention ``(start, stop, type,
    actor_id)`` marked with the actor's name from ``names`` on hover, and each line the analysis
    left out (``removed``: ``(start, stop, reason)``, page furniture or a digest of other news)
    labelled with its reason.

    Nested or overlapping mentions keep the outer one.
    """
    names = names or {}
    marks, position = [], 0
    for start, stop, kind, actor in sorted(mentions, key=lambda m: (m[0], -m[1])):
        if start >= position:
            marks.append((start, stop, kind, names.get(actor) or _actor_name(actor)))
            position = stop
    paragraphs, line_start = [], 0
    sentences = sentence_spans(text)
    for line in text.split("\n"):
        line_stop = line_start + len(line)
        if line.strip():
            reason = next((r for a, b, r in removed if a < line_stop and b > line_start), None)
            parts, position = [], line_start
            for a, b in (s for s in sentences if line_start <= s[0] < line_stop):
                parts.append(_marked(text, position, a, marks))  # the space between sentences
                parts.append(f'<span class="sentence" id="t{a}">{_marked(text, a, b, marks)}</span>')
                position = b
            inner = "".join(parts) + _marked(text, position, line_stop, marks)
            if reason is None:
                paragraphs.append(f"<p>{inner}</p>")
            else:
                label = "digest of other news" if reason == "digest" else f"page furniture: {reason}"
                kind = "digest" if reason == "digest" else "furniture"
                paragraphs.append(f'<p class="{kind}"><span class="why">[{escape(label)}]</span>{inner}</p>')
        line_start = line_stop + 1
    legend = " ".join(f'<mark style="background:{colour}">{kind}</mark>' for kind, colour in _MARK_COLOURS.items())
    legend += ' <span class="why">[page furniture]</span> <span class="why">[digest of other news]</span>'
    return f'<div class="marked-text"><style>{_TEXT_STYLE}</style><p>{legend}</p>{"".join(paragraphs)}</div>'


def _marked(text: str, start: int, stop: int, marks: list[tuple[int, int, str, str]]) -> str:
    """``text[start:stop]`` escaped, with the parts of ``marks`` inside it marked."""
    parts, position = [], start
    for a, b, kind, name in marks:
        a, b = max(a, start), min(b, stop)
        if a >= b:
            continue
        parts.append(escape(text[position:a]))
        parts.append(
            f'<mark style="background:{_MARK_COLOURS.get(kind, "#eeeeee")}" title="{escape(name)}">'
            f"{escape(text[a:b])}</mark>"
        )
        position = b
    parts.append(escape(text[position:stop]))
    return "".join(parts)


def _actor_name(actor_id: str) -> str:
    """A readable name for an actor id no name was given for: ``media:tengrinews.kz`` ->
    ``tengrinews.kz (media)``."""
    kind, _, name = actor_id.partition(":")
    return f"{name.replace('_', ' ')} ({kind})" if name else actor_id
