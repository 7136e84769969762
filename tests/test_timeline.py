"""The timeline and facts pages: parameters checked with one message each, and every link from
an event or fact to a sentence of a fact sheet leads to that sentence."""

import re

import pytest
from openpyxl import load_workbook
from test_notebooks import outputs_text, run

from conftest import TWO


@pytest.mark.parametrize(
    "parameters, message",
    [
        (
            {"countries": "KZ,Russia"},
            "ParameterError: parameter countries must be up to four ISO codes or groups separated by commas",
        ),
        ({"kinds": "meetings"}, "ParameterError: parameter kinds must list some of meeting, talks, visit"),
        ({"top_n": 0}, "ParameterError: parameter top_n must be a whole number >= 1, got 0"),
        ({"actor": 5}, "ParameterError: parameter actor must be text, got 5"),
    ],
)
def test_timeline_refuses_bad_parameters_with_one_message(two_corpus, two_results, tmp_path, parameters, message):
    result = run(two_corpus, two_results.out, "timeline", **parameters)
    assert result.status == "failed" and result.error.startswith(message), result.error


def test_timeline_filtered_to_kazakhstan_and_russia(two_corpus, two_results):
    result = run(two_corpus, two_results.out, "timeline", countries="KZ,RU", kinds="meeting")
    assert (result.status, result.error) == ("ok", "")
    shown = outputs_text(two_results.out / "notebooks" / "timeline.ipynb")
    assert "1 events in 2 articles; filters: countries = 'KZ,RU'; kinds = 'meeting'" in shown
    assert f'<a href="fact_sheet_{TWO[0]}.html#t165">meeting: Нурлан Ермекбаев, Сергей Шойгу</a>' in shown


def _links(page: str) -> list[tuple[str, str]]:
    return re.findall(r'href="(fact_sheet_[^"#]+\.html)#(t\d+)"', page)


@pytest.mark.parametrize("name", ["timeline", "facts_table", "actor_dossier_country_kz"])
def test_links_to_evidence_lead_to_existing_sentences(rendered, name):
    done, out = rendered
    assert done.returncode == 0, done.stderr[-3000:]
    (page,) = (out / "html").glob(f"{name}*.html") if name.startswith("actor_") else [out / "html" / f"{name}.html"]
    links = _links(page.read_text(encoding="utf-8"))
    assert len(links) >= 2, name
    for sheet, anchor in links:
        assert f'id="{anchor}"' in (out / "html" / sheet).read_text(encoding="utf-8"), (name, sheet, anchor)


def test_the_run_writes_the_facts_to_excel(rendered):
    _, out = rendered
    sheet = load_workbook(out / "data" / "facts.xlsx").active
    assert sheet.max_row == 21  # the header and the 20 facts of the two articles
