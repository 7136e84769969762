"""A table a reader can search, filter and sort in the page itself: a few lines of inline
JavaScript, no library, no server, no request (the page stays self-contained).

Type words into the box to keep the rows that hold all of them (any case, in any column);
choose a value of a column with a list to keep only its rows; click a column's head to sort by
it, again to reverse. Without JavaScript (a PDF, a printed page) the whole table shows.
"""

from __future__ import annotations

import hashlib
import json
from html import escape

from .render import Html


def searchable_table(rows: list[dict], choices: tuple[str, ...] = (), empty: str = "Nothing to show.") -> str:
    """``rows`` (dicts; columns in the order of the first row's keys; values escaped unless they
    are ``Html``) as a searchable, sortable table; each column of ``choices`` gets a list of its
    values to filter on."""
    if not rows:
        return f"<p>{escape(empty)}</p>"
    heads = list(rows[0])
    cells = "".join(
        "<tr>" + "".join(f"<td>{v if isinstance(v, Html) else escape(str(v))}</td>" for v in row.values()) + "</tr>\n"
        for row in rows
    )
    view = "table-" + hashlib.sha256(cells.encode()).hexdigest()[:12]
    lists = "".join(
        f'<label style="margin-right:.8em">{escape(name)} <select data-column="{heads.index(name)}">'
        '<option value="">all</option>'
        + "".join(
            f'<option value="{escape(v)}">{escape(v)}</option>' for v in sorted({str(row[name]) for row in rows} - {""})
        )
        + "</select></label>"
        for name in choices
    )
    head = "".join(f'<th title="sort by {escape(h)}">{escape(h)}</th>' for h in heads)
    return (
        f'<div id="{view}" class="searchable facts"><style>{_STYLE}</style>'
        f'<div class="controls"><input type="search" placeholder="Search all columns" aria-label="Search the table" '
        f'style="width:20em"> {lists}<span data-role="count">{len(rows)} of {len(rows)} rows</span></div>'
        f'<table class="facts-table"><thead><tr>{head}</tr></thead><tbody>\n{cells}</tbody></table></div>'
        f"<script>({_SCRIPT})(document.getElementById({json.dumps(view)}));</script>"
    )


_STYLE = (
    ".searchable .controls{margin:.4em 0;font-family:sans-serif;font-size:13px}"
    ".searchable .facts-table{table-layout:auto;margin-left:0;max-width:100%;border-collapse:collapse}"
    ".searchable .facts-table td,.searchable .facts-table th{text-align:left;vertical-align:top;white-space:normal;"
    "padding:.3em .5em;border-bottom:1px solid #ddd}"
    ".searchable .facts-table td{max-width:40em;overflow-wrap:break-word}"
    ".searchable th{cursor:pointer;user-select:none}"
    '.searchable th[aria-sort=ascending]::after{content:" \\25B2"}'
    '.searchable th[aria-sort=descending]::after{content:" \\25BC"}'
)

# Rows keep their text, lower-cased, once; a filter hides rows, a sort moves them.
_SCRIPT = """function (root) {
  var body = root.querySelector("tbody"), rows = Array.prototype.slice.call(body.rows);
  var text = rows.map(function (row) { return row.textContent.toLowerCase(); });
  var search = root.querySelector("input[type=search]"), count = root.querySelector("[data-role=count]");
  var lists = Array.prototype.slice.call(root.querySelectorAll("select"));
  function filter() {
    var words = search.value.toLowerCase().split(/\\s+/).filter(Boolean), shown = 0;
    rows.forEach(function (row, i) {
      var keep = words.every(function (w) { return text[i].indexOf(w) >= 0; }) && lists.every(function (list) {
        return !list.value || row.cells[+list.dataset.column].textContent === list.value;
      });
      row.hidden = !keep;
      shown += keep ? 1 : 0;
    });
    count.textContent = shown + " of " + rows.length + " rows";
  }
  search.addEventListener("input", filter);
  lists.forEach(function (list) { list.addEventListener("change", filter); });
  root.querySelectorAll("th").forEach(function (th, column) {
    th.addEventListener("click", function () {
      var up = th.getAttribute("aria-sort") !== "ascending";
      root.querySelectorAll("th").forEach(function (other) { other.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", up ? "ascending" : "descending");
      rows.slice().sort(function (a, b) {
        var x = a.cells[column].textContent, y = b.cells[column].textContent;
        var order = x.localeCompare(y, "ru", {numeric: true});
        return up ? order : -order;
      }).forEach(function (row) { body.appendChild(row); });
    });
  });
}"""
