"""Reproducible analysis of Russian-language news on Kazakhstan's defence cooperation.

    from analysis import load_corpus, extract_corpus, load_results
"""

import os

# One BLAS thread per process, set before numpy loads: with the default, parallel workers
# slow each other down several times over.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

__version__ = "0.1.0"

from .corpus import Article, Corpus, Paragraph, load_corpus  # noqa: E402
from .errors import AnalysisError, CorpusError, ParameterError, ResultsError  # noqa: E402
from .extract import extract_corpus, open_results  # noqa: E402
from .store import Results, load_results  # noqa: E402

__all__ = [
    "AnalysisError", "Article", "Corpus", "CorpusError", "Paragraph", "ParameterError", "Results",
    "ResultsError", "extract_corpus", "load_corpus", "load_results", "open_results",
]
