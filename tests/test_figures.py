"""Figures for reports: sized from their data, no text over other text, every country and the most
central actors labelled, saved as PNG, SVG and a caption that are the same on every run."""

import ast
import random
import re
from pathlib import Path

import networkx as nx
import pandas as pd
import papermill
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.text import Text
from PIL import Image

from analysis import __version__
from analysis.facts.themes import theme_labels
from analysis.network.graph import LABEL_ALL, actor_graph, labelled, layout, network_figure
from analysis.report.charts import MAX_ROWS, article_labels, article_lengths, corpus_timeline, themes_heatmap
from analysis.report.figures import NETWORK_DEFAULTS, corpus_digest, figure_name, save_report_figure

SIZES = (2, 5, 40, 300)
ROOT = Path(__file__).resolve().parent.parent


def corpus(size: int, seed: int = 7) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Tables of an invented corpus of ``size`` articles: articles, themes and dates."""
    draw = random.Random(seed)
    words = [
        "Казахстан",
        "Россия",
        "договор",
        "военном",
        "сотрудничестве",
        "министр",
        "обороны",
        "встреча",
        "поставки",
        "вооружения",
    ]
    ids = [f"{'rt' if n % 3 else 'ng'}_{draw.getrandbits(64):016x}" for n in range(size)]
    articles = pd.DataFrame(
        {
            "article_id": ids,
            "title": [" ".join(draw.choices(words, k=draw.randint(3, 14))) for _ in ids],
            "published": [f"{draw.randint(1995, 2026)}-0{draw.randint(1, 9)}-1{draw.randint(0, 9)}" for _ in ids],
            "chars_analysed": [draw.randint(500, 40000) for _ in ids],
            "chars_digest": [draw.choice([0, 0, 1200]) for _ in ids],
            "chars_removed": [draw.randint(0, 3000) for _ in ids],
            "sha256": [f"{n:064x}" for n in range(size)],
        }
    )
    themes = pd.DataFrame(
        [
            {"article_id": a, "theme": t, "count": draw.choice([1, 2, 9, 64, 140])}
            for a in ids
            for t in theme_labels()
            if draw.random() < 0.4
        ],
        columns=["article_id", "theme", "count"],
    )
    dates = pd.DataFrame({"value": [f"{draw.randint(1914, 2026)}-01-01" for _ in range(3 * size)]})
    return articles, themes, dates


def drawn_texts(fig) -> list:
    """Every piece of text the figure draws, with its extent in pixels."""
    FigureCanvasAgg(fig)
    fig.canvas.draw()
    texts = list(fig.texts) + [t for legend in fig.legends for t in legend.get_texts()]
    for ax in fig.axes:
        texts += list(ax.texts) + [ax.title]
        if ax.axison:
            for axis in (ax.xaxis, ax.yaxis):
                axis.get_majorticklabels()  # brings the ticks up to date
                low, high = sorted(axis.get_view_interval())
                texts += [t.label1 for t in axis.get_major_ticks() if low - 1e-9 <= t.get_loc() <= high + 1e-9]
                texts += [t.label2 for t in axis.get_major_ticks() if t.label2.get_visible()]
                texts.append(axis.label)
    renderer = fig.canvas.get_renderer()
    # Text's own extent: an annotation's would take in its line to the node
    return [(t, Text.get_window_extent(t, renderer)) for t in texts if t.get_visible() and t.get_text().strip()]


def overlapping(fig) -> list[tuple[str, str]]:
    """Pairs of texts that overlap (by more than half a pixel), and texts cut off by the edge."""
    texts = drawn_texts(fig)
    page = fig.bbox
    found = [(t.get_text(), "outside the figure") for t, box in texts if not page.padded(1).contains(box.x0, box.y0)]
    found += [(t.get_text(), "outside the figure") for t, box in texts if not page.padded(1).contains(box.x1, box.y1)]
    for i, (first, a) in enumerate(texts):
        for second, b in texts[i + 1 :]:
            if min(a.x1, b.x1) - max(a.x0, b.x0) > 0.5 and min(a.y1, b.y1) - max(a.y0, b.y0) > 0.5:
                found.append((first.get_text(), second.get_text()))
    return found


@pytest.mark.parametrize("size", SIZES)
def test_charts_of_any_corpus_size_have_no_text_over_text(size):
    articles, themes, dates = corpus(size)
    for fig in (
        article_lengths(articles),
        themes_heatmap(themes, articles, theme_labels()),
        corpus_timeline(articles, dates),
    ):
        assert overlapping(fig) == []


def test_charts_grow_with_their_rows_up_to_a_page_and_say_what_they_leave_out():
    heights = {}
    for size in SIZES:
        articles, themes, _ = corpus(size)
        heights[size] = themes_heatmap(themes, articles, theme_labels()).get_figheight()
    # the same height per article up to MAX_ROWS, then no more
    assert heights[5] - heights[2] == pytest.approx(3 * 0.22)
    assert heights[40] - heights[5] == pytest.approx(35 * 0.22)
    assert heights[300] - heights[40] == pytest.approx((MAX_ROWS - 40) * 0.22)
    articles, themes, _ = corpus(300)
    heatmap = themes_heatmap(themes, articles, theme_labels())
    assert len(heatmap.axes[0].get_yticklabels()) == MAX_ROWS
    assert heatmap.axes[0].get_xlabel() == f"the {MAX_ROWS} of 300 articles that name these areas most often"
    lengths = article_lengths(articles)
    assert lengths.axes[0].get_title() == f"the {MAX_ROWS} longest of 300 articles"
    # every article of a small corpus, each labelled with its id and the start of its title
    small, _, _ = corpus(5)
    labels = [t.get_text() for t in article_lengths(small).axes[0].get_yticklabels()]
    assert sorted(label.split(" · ")[0] for label in labels) == sorted(small["article_id"])


def test_an_article_is_labelled_by_its_id_and_as_much_of_its_title_as_fits():
    articles = pd.DataFrame(
        {
            "article_id": ["a1", "b" * 60, "c3"],
            "title": ["Казахстан и Россия подписали договор о военном сотрудничестве", "Учения", None],
        }
    )
    assert article_labels(articles) == {
        "a1": "a1 · Казахстан и Россия подписали договор о…",
        "b" * 60: "b" * 60,
        "c3": "c3",
    }
    assert overlapping(article_lengths(articles.assign(chars_analysed=9, chars_digest=0, chars_removed=1))) == []


def test_legends_sit_outside_the_data():
    articles, _, dates = corpus(40)
    for fig in (article_lengths(articles), corpus_timeline(articles, dates)):
        FigureCanvasAgg(fig)
        fig.canvas.draw()
        (legend,) = fig.legends
        assert legend.get_window_extent().y0 >= fig.axes[0].get_window_extent().y1 - 0.5


def test_the_heatmap_shows_each_count_in_its_cell():
    articles = pd.DataFrame({"article_id": ["a1", "a2"], "title": ["Первая", "Вторая"]})
    themes = pd.DataFrame(
        {"article_id": ["a1", "a2", "a2"], "theme": ["training", "training", "supply"], "count": [6, 14, 3]}
    )
    ax = themes_heatmap(themes, articles, theme_labels()).axes[0]
    cells = sorted((t.get_text(), t.get_position()) for t in ax.texts)
    columns = list(theme_labels())
    assert cells == [("14", (columns.index("training"), 1)), ("3", (columns.index("supply"), 1)), ("6", (0, 0))]


def graph_of(size: int, seed: int = 3) -> nx.Graph:
    """An invented actor network of ``size`` actors, a fifth of them countries."""
    draw = random.Random(seed)
    graph = nx.Graph()
    kinds = ("country", "person", "organization", "place", "person")
    for n in range(size):
        kind = kinds[n % 5]
        graph.add_node(
            f"{kind}:{n:03d}",
            label=f"{'Страна' if kind == 'country' else 'Актор'} {draw.choice(['Длинное название', 'Имя'])} {n}",
            kind=kind,
            country="",
            mentions=draw.randint(1, 40),
            articles=1,
            article_ids="a1",
        )
    nodes = sorted(graph)
    for n, node in enumerate(nodes[1:], 1):
        for other in draw.sample(nodes[:n], min(n, draw.randint(1, 3))):
            graph.add_edge(
                node,
                other,
                weight=draw.randint(1, 5),
                cooccurrence=1,
                met=0,
                signed=0,
                affiliated=0,
                type=draw.choice(["cooccurrence", "met", "signed", "affiliated"]),
                articles="a1",
                evidence="a1:0-5",
            )
    return graph


def label_boxes(fig) -> dict[str, object]:
    FigureCanvasAgg(fig)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    return {t.get_text(): Text.get_window_extent(t, renderer) for t in fig.axes[0].texts}


@pytest.mark.parametrize("size", [2, 5, 40, 120, 300])
def test_network_labels_every_country_and_the_most_central_without_overlaps(size):
    graph = graph_of(size)
    fig = network_figure(graph, "Actor network", caption="Corpus: invented.", labels=10)
    boxes = label_boxes(fig)
    drawn = graph.subgraph(layout(graph))
    expected = {drawn.nodes[n]["label"] for n in labelled(drawn, 10)}
    assert set(boxes) == expected
    countries = {d["label"] for _, d in drawn.nodes(data=True) if d["kind"] == "country"}
    assert countries <= set(boxes)
    assert len(boxes) == (len(drawn) if len(drawn) <= LABEL_ALL else len(countries | expected))
    frame = fig.axes[0].get_window_extent()
    for name, box in boxes.items():
        assert frame.padded(1).contains(box.x0, box.y0) and frame.padded(1).contains(box.x1, box.y1), name
    assert overlapping(fig) == []


def test_the_seed_network_labels_every_actor_at_a4_width(seed_results):
    graph = actor_graph(seed_results)
    fig = network_figure(graph, "Actor network")
    boxes = label_boxes(fig)
    assert fig.get_figwidth() == 7.0
    # the actors the first figures left out: Belarus, the ministers who met, the CSTO's circle
    assert {"Беларусь", "Нурлан Ермекбаев", "Сергей Шойгу", "ОДКБ", "Секретариат ОДКБ"} <= set(boxes)
    assert len(boxes) == graph.number_of_nodes()
    assert overlapping(fig) == []


def test_a_network_in_pieces_fills_the_figure():
    # one large piece and many pairs: the large piece keeps most of the room
    graph = graph_of(60)
    for n in range(20):
        graph.add_node(
            f"person:x{n:02d}", label=f"x{n}", kind="person", country="", mentions=1, articles=1, article_ids="a1"
        )
        graph.add_node(
            f"person:y{n:02d}", label=f"y{n}", kind="person", country="", mentions=1, articles=1, article_ids="a1"
        )
        graph.add_edge(f"person:x{n:02d}", f"person:y{n:02d}", weight=1, type="cooccurrence")
    positions = layout(graph)
    main = [positions[n] for n in graph_of(60)]
    xs, ys = [x for x, _ in positions.values()], [y for _, y in positions.values()]
    main_xs, main_ys = [x for x, _ in main], [y for _, y in main]
    share = (max(main_xs) - min(main_xs)) * (max(main_ys) - min(main_ys)) / ((max(xs) - min(xs)) * (max(ys) - min(ys)))
    # its share of the drawing is at least half its share of the nodes (60 of 100)
    assert share >= 0.5 * 60 / 100
    assert layout(graph) == positions


def test_report_figures_are_png_at_300_dpi_svg_and_a_caption_the_same_on_every_run(tmp_path):
    articles, themes, _ = corpus(5)
    for run in ("a", "b"):
        paths = save_report_figure(
            themes_heatmap(themes, articles, theme_labels()),
            tmp_path / run,
            "themes_by_article",
            "Areas of cooperation by article",
            "how often each article names each area",
            "invented",
            articles,
            {"top_n": 20},
        )
        assert [p.relative_to(tmp_path / run).as_posix() for p in paths] == [
            "figures/themes_by_article.png",
            "figures/themes_by_article.svg",
            "figures/themes_by_article.txt",
        ]
    for name in ("themes_by_article.png", "themes_by_article.svg", "themes_by_article.txt"):
        assert (tmp_path / "a" / "figures" / name).read_bytes() == (tmp_path / "b" / "figures" / name).read_bytes()
    with Image.open(tmp_path / "a" / "figures" / "themes_by_article.png") as image:
        assert [round(d) for d in image.info["dpi"]] == [300, 300]
    caption = (tmp_path / "a" / "figures" / "themes_by_article.txt").read_text(encoding="utf-8")
    digest = corpus_digest(articles)
    assert caption.splitlines()[0] == "Areas of cooperation by article"
    assert f"Corpus: invented, 5 articles (fingerprint sha256 {digest}" in caption
    assert "Parameters: top_n = 20" in caption
    assert caption.splitlines()[-1] == (
        "Cite as: “Areas of cooperation by article”, figure figures/themes_by_article.svg made with the "
        f"analysis package {__version__} from the corpus invented (5 articles, fingerprint {digest[:12]})."
    )
    # the fingerprint follows the articles' texts, not their order
    assert corpus_digest(articles.iloc[::-1]) == digest
    assert corpus_digest(articles.assign(sha256=articles["sha256"].str.replace("0", "1"))) != digest


def test_a_network_drawn_with_other_parameters_gets_a_name_of_its_own():
    cell = papermill.inspect_notebook(str(ROOT / "notebooks" / "actor_network.ipynb"))
    defaults = {name: ast.literal_eval(p["default"]) for name, p in cell.items()}
    assert {k: v for k, v in defaults.items() if k not in ("corpus_dir", "out_dir", "level")} == NETWORK_DEFAULTS
    assert figure_name("actor_network", dict(NETWORK_DEFAULTS), NETWORK_DEFAULTS) == "actor_network"
    ego = figure_name("actor_network", {**NETWORK_DEFAULTS, "ego": "Сергей Шойгу"}, NETWORK_DEFAULTS)
    heavier = figure_name("actor_network", {**NETWORK_DEFAULTS, "min_weight": 2}, NETWORK_DEFAULTS)
    assert re.fullmatch(r"actor_network_[0-9a-f]{8}", ego) and re.fullmatch(r"actor_network_[0-9a-f]{8}", heavier)
    assert ego != heavier
    # the order in which the parameters are given does not matter
    backwards = dict(reversed(list({**NETWORK_DEFAULTS, "ego": "Сергей Шойгу"}.items())))
    assert figure_name("actor_network", backwards, NETWORK_DEFAULTS) == ego
