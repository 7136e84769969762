"""The one place that renders HTML: executed notebooks (code hidden) and the index page.

Every string that comes from an article or a file name is escaped before it is written.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from ..vocabulary import MentionType

if TYPE_CHECKING:  # a type only: the page's imports stay light
    from ..facts.schema import FactRecord


@dataclass(frozen=True, slots=True)
class IndexEntry:
    """One rendered output on the index page."""

    section: str
    title: str
    html: str
    notebook: str
    status: str
    detail: str = ""


def notebook_html(notebook: Path, footer: str = "", title: str = "") -> str:
    """An executed notebook as a standalone HTML page showing outputs only, titled ``title``
    (else the notebook's file name), with ``footer`` (how to cite it) at the end."""
    import nbformat
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(
        template_name="lab", exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True
    )
    body, _ = exporter.from_notebook_node(
        nbformat.read(notebook, as_version=4), resources={"metadata": {"name": title or Path(notebook).stem}}
    )
    if not footer:
        return body
    note = (
        f'<footer style="margin:2em;padding-top:1em;border-top:1px solid #ccc;color:#555;font-size:90%">'
        f"{escape(footer)}</footer>\n"
    )
    return body.replace("</body>", note + "</body>", 1)


def index_html(title: str, entries: list[IndexEntry], data_links: list[tuple[str, str]], notes: list[str]) -> str:
    """The entry page linking every rendered output; paths are relative to the page."""
    sections: dict[str, list[IndexEntry]] = {}
    for entry in entries:
        sections.setdefault(entry.section, []).append(entry)
    parts = [
        f'<!DOCTYPE html>\n<html lang="ru">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(title)}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n"
        f"<h1>{escape(title)}</h1>\n"
    ]
    for section, items in sections.items():
        parts.append(
            f"<h2>{escape(section)}</h2>\n<table>\n"
            "<tr><th>output</th><th>status</th><th>notebook</th><th>detail</th></tr>\n"
        )
        for e in items:
            parts.append(
                f'<tr class="{escape(e.status)}"><td><a href="{escape(e.html)}">{escape(e.title)}</a></td>'
                f'<td>{escape(e.status)}</td><td><a href="{escape(e.notebook)}">.ipynb</a></td>'
                f"<td>{escape(e.detail)}</td></tr>\n"
            )
        parts.append("</table>\n")
    parts.append("<h2>Data</h2>\n<ul>\n")
    parts.extend(f'<li><a href="{escape(href)}">{escape(label)}</a></li>\n' for label, href in data_links)
    parts.append("</ul>\n")
    if notes:
        parts.append("<h2>Notes</h2>\n<ul>\n")
        parts.extend(f"<li>{escape(note)}</li>\n" for note in notes)
        parts.append("</ul>\n")
    parts.append("</body>\n</html>\n")
    return "".join(parts)


_STYLE = (
    "body{font-family:sans-serif;max-width:60em;margin:2em auto;padding:0 1em}"
    "table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.3em;text-align:left}"
    "tr.failed td{background:#fdd}"
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
    rows = "".join(f'<tr><th style="text-align:left">{escape(k)}</th><td>{escape(str(v))}</td></tr>' for k, v in fields)
    return f"<h2>{escape(facts.title or facts.article_id)}</h2><table>{rows}</table>"


_MARK_COLOURS = {MentionType.PER: "#cfe2ff", MentionType.ORG: "#ffe5b4", MentionType.LOC: "#d4edda"}


def highlighted_text(text: str, mentions: list[tuple[int, int, str, str]]) -> str:
    """The article text as escaped HTML, each mention ``(start, stop, type, title)`` marked.

    Nested or overlapping mentions keep the outer one; line ends become paragraph breaks.
    """
    parts, position = [], 0
    for start, stop, kind, title in sorted(mentions, key=lambda m: (m[0], -m[1])):
        if start < position:
            continue
        parts.append(escape(text[position:start]))
        parts.append(
            f'<mark style="background:{_MARK_COLOURS.get(kind, "#eeeeee")}" title="{escape(title)}">'
            f"{escape(text[start:stop])}</mark>"
        )
        position = stop
    parts.append(escape(text[position:]))
    body = "".join(parts).replace("\n", "<br>\n")
    legend = " ".join(f'<mark style="background:{colour}">{kind}</mark>' for kind, colour in _MARK_COLOURS.items())
    return f'<div style="line-height:1.6;max-width:60em">{legend}<br><br>{body}</div>'
