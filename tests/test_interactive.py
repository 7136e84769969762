"""The interactive network view: its data, a self-contained page, and (where Chromium is
installed) a browser that draws it without a console message."""

import re
import shutil
import subprocess

import networkx as nx
import pytest

from analysis.report.interactive import ASSETS, LIBRARY, interactive_html, network_data


def small_graph() -> nx.Graph:
    graph = nx.Graph()
    graph.add_node(
        "country:kz", label="Казахстан", kind="country", country="KZ", mentions=5, articles=2, article_ids="a1;a2"
    )
    graph.add_node(
        "person:x", label="</script><b>Икс</b>", kind="person", country="", mentions=1, articles=1, article_ids="a1"
    )
    graph.add_edge(
        "country:kz",
        "person:x",
        weight=3,
        cooccurrence=2,
        met=0,
        signed=0,
        affiliated=1,
        type="affiliated",
        articles="a1;a2",
        evidence="a1:0-5",
    )
    return graph


def test_nodes_and_links_carry_position_style_and_the_text_shown_on_hover():
    data = network_data(
        small_graph(), {"country:kz": (0.0, 0.5), "person:x": (1.0, -0.5)}, {"country:kz": "Kazakhstan"}
    )
    assert data["nodes"][0] == {
        "id": "country:kz",
        "label": "Kazakhstan",
        "kind": "country",
        "value": 5,
        "x": 0.0,
        "y": -500.0,
        "color": "#d62728",
        "title": "Kazakhstan\ncountry, KZ\n5 mentions in 2 articles\n1 links",
    }
    assert data["edges"] == [
        {
            "from": "country:kz",
            "to": "person:x",
            "type": "affiliated",
            "value": 3,
            "color": "#8c564b",
            "dashes": [2, 4],
            "title": "Kazakhstan — </script><b>Икс</b>\nweight 3: cooccurrence 2, affiliated 1\narticles: a1, a2",
        }
    ]
    # a node without a position is left out, and so are its links
    assert network_data(small_graph(), {"country:kz": (0.0, 0.0)}) == {
        "nodes": [
            {
                **data["nodes"][0],
                "label": "Казахстан",
                "title": data["nodes"][0]["title"].replace("Kazakhstan", "Казахстан"),
                "y": -0.0,
            }
        ],
        "edges": [],
    }


def test_the_view_is_self_contained_escaped_and_the_same_every_time():
    graph = small_graph()
    positions = {"country:kz": (0.0, 0.5), "person:x": (1.0, -0.5)}
    html = interactive_html(graph, positions)
    assert html == interactive_html(graph, positions)
    library = LIBRARY.read_text(encoding="utf-8")
    assert html.count(library[: library.rfind("//# sourceMappingURL=")].rstrip()) == 1
    assert "sourceMappingURL" not in html
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", html)
    # a name cannot end the script early or add markup
    assert html.count("</script>") == 1 and "<b>Икс</b>" not in html
    assert "\\u003c/script>\\u003cb>Икс\\u003c/b>" in html
    for box in ('data-kind="country"', 'data-kind="person"', 'data-link="affiliated"'):
        assert box in html
    assert 'data-link="met"' not in html  # only the kinds of link the network has
    assert interactive_html(nx.Graph(), {}) == "<p>No actors to show.</p>"


def test_the_bundled_library_is_the_version_and_licence_its_readme_names():
    readme = (ASSETS / "README.md").read_text(encoding="utf-8")
    version = re.search(r"@version (\S+)", LIBRARY.read_text(encoding="utf-8")).group(1)
    assert f"**{version}**" in readme
    for licence in ("LICENSE-MIT", "LICENSE-APACHE-2.0"):
        assert (ASSETS / licence).is_file() and licence in readme


@pytest.mark.skipif(shutil.which("chromium") is None, reason="Chromium is not installed")
def test_a_browser_draws_the_view_with_no_console_message(tmp_path, seed_results):
    from analysis.network.graph import actor_graph, layout

    graph = actor_graph(seed_results)
    page = tmp_path / "view.html"
    page.write_text(
        f'<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>{interactive_html(graph, layout(graph))}'
        "</body></html>",
        encoding="utf-8",
    )
    done = subprocess.run(
        [
            "chromium",
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--enable-logging=stderr",
            "--v=1",
            "--virtual-time-budget=3000",
            "--dump-dom",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert [line for line in done.stderr.splitlines() if ":CONSOLE" in line] == []
    # vis-network drew its canvas into the view
    assert re.search(r'<div data-role="canvas"[^>]*>.*?<canvas', done.stdout, re.S)
