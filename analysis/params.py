"""Notebook parameters: default folders and validation with one clear message each."""

from __future__ import annotations

import json
from pathlib import Path

from .errors import ParameterError

_PACKAGE_CHECKOUT = Path(__file__).resolve().parent.parent


def project_dirs(corpus_dir: str = "", out_dir: str = "") -> tuple[Path, Path]:
    """The corpus and output folders a notebook works on.

    Given values are used as they are; a given ``out_dir`` must hold results already (the
    notebooks extract on their own only into the default). Empty ones default to the project's ``seeds/`` and
    ``output/``: the project is the nearest folder above the working directory that holds
    ``seeds/`` and ``notebooks/`` (so a notebook opened in JupyterLab and the papermill CLI
    run from the project both find it), else the checkout the package was installed from.
    """
    root = _project_root()
    if not corpus_dir and root is None:
        raise ParameterError(
            "corpus_dir is empty and no project folder with seeds/ was found: "
            "pass corpus_dir (and out_dir) as parameters"
        )
    corpus = Path(corpus_dir) if corpus_dir else root / "seeds"
    default = (root or corpus.parent) / "output"
    out = Path(out_dir) if out_dir else default
    if out.resolve() != default.resolve() and not _has_results(out):
        # a notebook extracts on its own only into the project's output/: a mistyped out_dir
        # (even "/") must not become a folder it writes into
        raise ParameterError(
            f"out_dir {out_dir!r} holds no results: run `python -m analysis extract --corpus CORPUS --out "
            f"{out_dir}` first, or leave out_dir empty for the project's output/"
        )
    return corpus.resolve(), out.resolve()


def _has_results(out: Path) -> bool:
    # as storage.store.has_results, which this base module cannot import
    try:
        record = json.loads((out / "data" / "extraction.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(record, dict) and "key" in record


def _project_root() -> Path | None:
    for folder in (Path.cwd(), *Path.cwd().parents, _PACKAGE_CHECKOUT):
        if (folder / "seeds").is_dir() and (folder / "notebooks").is_dir():
            return folder
    return None


def check_int(name: str, value, minimum: int = 0) -> int:
    """``value`` as an int of at least ``minimum``, else a ParameterError naming ``name``."""
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise ParameterError(f"parameter {name} must be a whole number >= {minimum}, got {value!r}")
    return value


def check_bool(name: str, value) -> bool:
    """``value`` if it is True or False, else a ParameterError naming ``name``."""
    if not isinstance(value, bool):
        raise ParameterError(f"parameter {name} must be True or False, got {value!r}")
    return value


def check_text(name: str, value) -> str:
    """``value`` if it is a string, else a ParameterError naming ``name``."""
    if not isinstance(value, str):
        raise ParameterError(f"parameter {name} must be text, got {value!r}")
    return value


def check_choice(name: str, value, allowed: tuple[str, ...]) -> str:
    """``value`` if it is one of ``allowed``, else a ParameterError naming both."""
    if value not in allowed:
        raise ParameterError(f"parameter {name} must be one of {', '.join(allowed)}; got {value!r}")
    return value
