"""Figures for reports: every figure of the corpus pages is also saved under
``<out>/figures/`` as PNG (300 dpi) and SVG, with a caption file saying what it shows, the
corpus, the parameters and how to cite it. The files carry no dates, so the same inputs and
parameters give the same bytes.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from matplotlib.figure import Figure

from .. import __version__
from ..network.graph import save_figure
from ..storage.store import write_atomic

DPI = 300  # print resolution
# the actor_network notebook's parameters as its parameters cell sets them (but corpus_dir,
# out_dir and level, which the figure's name says); tests/test_figures.py checks they agree
NETWORK_DEFAULTS = {
    "window": "sentence",
    "min_weight": 1,
    "kinds": "person,organization,country,place",
    "ego": "",
    "include_digest": False,
    "labels": "ru",
    "top_n": 15,
}


def figure_name(stem: str, parameters: dict, defaults: dict) -> str:
    """``stem`` for a figure drawn with the ``defaults``, else ``stem`` and a fingerprint of the
    parameters, so that a notebook run with other parameters never overwrites the figure of the
    batch run (its caption lists the parameters)."""
    if parameters == defaults:
        return stem
    return f"{stem}_{hashlib.sha256(json.dumps(parameters, sort_keys=True).encode()).hexdigest()[:8]}"


def corpus_digest(articles) -> str:
    """A fingerprint of the corpus: the sha256 of its articles' ids and text hashes (the
    ``article_id`` and ``sha256`` columns of ``data/articles.csv``), in id order."""
    lines = sorted(f"{row.article_id} {row.sha256}\n" for row in articles.itertuples())
    return hashlib.sha256("".join(lines).encode("utf-8")).hexdigest()


def save_report_figure(
    fig: Figure, out: Path, name: str, title: str, shows: str, corpus: str, articles, parameters: dict
) -> list[Path]:
    """Write ``figures/<name>.png`` (300 dpi), ``.svg`` and ``.txt`` (the caption) under ``out``
    and return their paths. ``articles`` is the corpus' articles table; ``parameters`` the
    values the figure was drawn with."""
    stem = Path(out) / "figures" / name
    paths = save_figure(fig, stem, dpi=DPI)
    digest = corpus_digest(articles)
    settings = "; ".join(f"{key} = {value!r}" for key, value in parameters.items()) or "defaults"
    caption = (
        f"{title}\n\n"
        f"What it shows: {shows}\n"
        f"Corpus: {corpus}, {len(articles)} articles (fingerprint sha256 {digest}: the sha256 of the "
        "articles' ids and text hashes of data/articles.csv; manifest.json lists every input file)\n"
        f"Parameters: {settings}\n"
        f"Files: figures/{name}.png ({DPI} dpi), figures/{name}.svg\n"
        f"Cite as: “{title}”, figure figures/{name}.svg made with the analysis package {__version__} "
        f"from the corpus {corpus} ({len(articles)} articles, fingerprint {digest[:12]}).\n"
    )
    caption_path = stem.with_suffix(".txt")
    write_atomic(caption_path, caption)
    return [*paths, caption_path]
