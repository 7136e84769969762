"""Every rendered page loads in headless Chromium with no request leaving it and no console
error; skipped, saying why, where Chromium or Playwright is missing (.ci/run installs both)."""

from pathlib import Path

import pytest

from browser import browser, chromium_missing, pages, visit

pytestmark = pytest.mark.skipif(bool(chromium_missing()), reason=chromium_missing() or "")


@pytest.fixture(scope="module")
def chromium(tmp_path_factory):
    with browser(tmp_path_factory.mktemp("chromium")) as context:
        yield context


def test_every_page_loads_offline_with_no_external_request_and_no_console_error(rendered, chromium):
    done, out = rendered
    assert done.returncode == 0, done.stderr[-3000:]
    visited = [visit(chromium, path) for path in pages(out)]
    assert len(visited) == 12  # the index, four corpus pages, five actor dossiers, two fact sheets
    for seen in visited:
        assert (seen.url, seen.external, seen.errors) == (seen.url, [], [])
        assert seen.title and seen.title != "Notebook"


def test_the_check_sees_a_request_to_a_cdn_and_a_script_error(chromium, tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        '<html><head><script src="https://cdnjs.cloudflare.com/ajax/libs/require.js/2.1.10/require.min.js"></script>'
        "<script>undefinedFunction()</script></head><body></body></html>",
        encoding="utf-8",
    )
    seen = visit(chromium, page)
    assert seen.external == ["https://cdnjs.cloudflare.com/ajax/libs/require.js/2.1.10/require.min.js"]
    assert any("undefinedFunction is not defined" in error for error in seen.errors)


def test_evidence_links_lead_to_a_sentence_of_the_marked_text(rendered, chromium):
    _, out = rendered
    sheet = next((out / "html").glob("fact_sheet_*.html"))
    page = chromium.new_page()
    page.goto(Path(sheet).as_uri())
    links = page.eval_on_selector_all("a.evidence", "links => links.map(a => a.getAttribute('href'))")
    assert links and all(page.query_selector(f"span.sentence[id='{href[1:]}']") for href in links)
    page.click("a.evidence")  # the sentence is highlighted: it is the page's :target
    assert page.evaluate("document.querySelector(':target').className") == "sentence"
    page.close()
