"""Errors a user can cause, each carrying one message that says what to do, and the record of an
input that was set aside without stopping the others."""

from dataclasses import dataclass


class AnalysisError(Exception):
    """Base of the errors the command line reports as one line, without a traceback."""


class CorpusError(AnalysisError):
    """A corpus folder or article file that cannot be used."""


class ParameterError(AnalysisError, ValueError):
    """A notebook or command parameter with a value outside what it accepts."""


class ResultsError(AnalysisError):
    """Stored results that are missing or do not match the request."""


@dataclass(frozen=True, slots=True)
class Skipped:
    """A file (or a line of a .jsonl file) that was not used, and why: reported, never raised."""

    path: str
    reason: str
