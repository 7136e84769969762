"""Tables of the corpus pages: no index column, missing values blank, numbers right-aligned,
text left-aligned, long text wrapping and short values never."""

import re

import numpy as np
import pandas as pd

from analysis.report.tables import frame_html


def cells(html: str) -> list[list[tuple[str, str]]]:
    """(class, text) of every cell, row by row."""
    return [re.findall(r'<t[dh] class="(\w)">(.*?)</t[dh]>', row) for row in re.findall(r"<tr>.*?</tr>", html, re.S)]


def test_a_table_shows_its_columns_only_with_missing_values_blank_and_text_escaped():
    table = pd.DataFrame(
        {
            "name": ["Россия", "<b>", None],
            "mentions": [1234567, 2, 1],
            "share": [0.5, np.nan, 2.0],
            "title": ["Казахстан и Россия подписали договор о военном сотрудничестве", "", np.nan],
        },
        index=[7, 8, 9],
    )
    assert cells(frame_html(table, "No actors.")) == [
        [("s", "name"), ("n", "mentions"), ("n", "share"), ("w", "title")],
        [
            ("s", "Россия"),
            ("n", "1234567"),
            ("n", "0.5"),
            ("w", "Казахстан и Россия подписали договор о военном сотрудничестве"),
        ],
        [("s", "&lt;b&gt;"), ("n", "2"), ("n", ""), ("w", "")],
        [("s", ""), ("n", "1"), ("n", "2"), ("w", "")],
    ]


def test_the_page_style_aligns_numbers_right_and_wraps_only_long_text():
    html = frame_html(pd.DataFrame({"a": [1]}), "")
    style = re.search(r"<style>(.*)</style>", html).group(1)
    assert ".facts .facts-table .n {text-align: right; white-space: nowrap}" in style
    assert ".facts .facts-table td.s {white-space: nowrap}" in style
    assert ".facts .facts-table td.w {overflow-wrap: anywhere}" in style
    assert "text-align: left" in style


def test_an_empty_table_is_one_line():
    assert frame_html(pd.DataFrame(columns=["a"]), "No file was skipped.") == "<p>No file was skipped.</p>"
