"""Reproducible analysis of Russian-language news on Kazakhstan's defence cooperation.

from analysis import load_corpus, extract_corpus, load_results
"""

import os

# One BLAS thread per process, set before numpy loads: with the default, parallel workers
# slow each other down several times over.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

__version__ = "0.1.0"

from .errors import AnalysisError, CorpusError, ParameterError, ResultsError  # noqa: E402

# The rest loads on first use, so that a command with nothing to do (a rerun on unchanged
# inputs) does not pay for importing the NLP and data libraries.
_EXPORTS = {
    "Article": "reading.corpus",
    "Corpus": "reading.corpus",
    "Paragraph": "reading.corpus",
    "load_corpus": "reading.corpus",
    "extract_corpus": "batch.extract",
    "open_results": "batch.extract",
    "Results": "storage.store",
    "load_results": "storage.store",
}

__all__ = [
    "AnalysisError",
    "Article",
    "Corpus",
    "CorpusError",
    "Paragraph",
    "ParameterError",
    "Results",
    "ResultsError",
    "extract_corpus",
    "load_corpus",
    "load_results",
    "open_results",
]


def __getattr__(name: str):
    if name in _EXPORTS:
        from importlib import import_module

        return getattr(import_module(f".{_EXPORTS[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
