"""Tables of the corpus pages: no index column, missing values blank, text left and numbers right."""

import re

import numpy as np
import pandas as pd

from analysis.report.tables import frame_html


def test_a_table_shows_its_columns_only_with_missing_values_blank_and_text_escaped():
    table = pd.DataFrame(
        {
            "name": ["Россия", "<b>", None],
            "mentions": [45, 2, 1],
            "share": [0.5, np.nan, 2.25],
            "code": ["RU", np.nan, ""],
        },
        index=[7, 8, 9],
    )
    html = frame_html(table, "No actors.")
    rows = [
        [re.sub(r"<[^>]+>", "", cell).strip() for cell in re.findall(r"<t[dh][^>]*>.*?</t[dh]>", row)]
        for row in re.findall(r"<tr>.*?</tr>", html, re.S)
    ]
    assert rows == [
        ["name", "mentions", "share", "code"],
        ["Россия", "45", "0.5", "RU"],
        ["&lt;b&gt;", "2", "", ""],
        ["", "1", "2.25", ""],
    ]
    # numbers right-aligned in their cells; text takes the page style: left-aligned and wrapped
    assert re.findall(r'<td style="text-align: right;">\s*45</td>', html)
    assert re.findall(r"<td>Россия\s*</td>", html)
    assert "text-align: left" in html and "overflow-wrap: anywhere" in html
    assert "nan" not in html.lower() and "None" not in html


def test_an_empty_table_is_one_line():
    assert frame_html(pd.DataFrame(columns=["a"]), "No file was skipped.") == "<p>No file was skipped.</p>"
