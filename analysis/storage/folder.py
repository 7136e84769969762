"""The output folder is the package's own: claimed, locked, and only its listed files removed.

A folder becomes an output folder when a run finds it missing or empty (or holding the record
of a version before the marker) and writes the marker file into it; a folder holding anything
else is refused, so a mistyped ``--out`` never touches a researcher's files. While a run writes
into it, the marker is locked (``flock``): a second run into the same folder is refused, and the
kernel drops the lock of a run that was killed, so no stale lock is ever left behind. A rerun
removes only files an earlier run listed, with their sha256, as its own outputs; an output is
reused only when its bytes still match that list.
"""

from __future__ import annotations

import fcntl
import json
import os
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import AnalysisError
from ..provenance import sha256_file

MARKER = ".analysis-output"
# manifests that list only the run's own outputs; older ones listed every file in the folder
MANIFEST_VERSION = 2
_MARKER_TEXT = (
    "This folder holds the outputs of the `analysis` package (python -m analysis run/extract).\n"
    "Reruns replace or remove only the files manifest.json lists; anything else here is left alone.\n"
)
# the temporary files write_atomic and the batch make, left behind by a killed run
_OWN_TEMPORARY = re.compile(r"\..+\.[A-Za-z0-9_]{8}\.tmp|\..+\.partial\.ipynb")
_OWN_FOLDERS = (".", "data", "data/texts", "data/facts", "network", "notebooks", "html")

_held: dict[Path, int] = {}  # output folders this process holds locked, and the lock's descriptor


class FolderError(AnalysisError):
    """An output folder that cannot be used: not ours, busy, or inside the corpus."""


@contextmanager
def output_folder(out: str | Path, corpus: str | Path | None = None) -> Iterator[Path]:
    """Claim ``out`` for one run and hold its lock until the block ends; yields its resolved path.

    Refused with a FolderError: ``out`` naming a file, a folder that is neither empty nor an
    earlier output, ``corpus`` inside ``out`` or ``out`` inside ``corpus``, another run holding
    the folder. Temporary files a killed run left are removed. A process that holds the folder
    already claims it again freely (extraction inside a batch).
    """
    out = Path(out).resolve()
    if out in _held:
        yield out
        return
    if corpus is not None:
        _check_apart(Path(corpus).resolve(), out)
    marker = out / MARKER
    try:
        if out.exists() and not out.is_dir():
            raise FolderError(f"--out {out} is a file, not a folder: pass a new or empty folder")
        if not marker.is_file():
            if out.is_dir() and any(out.iterdir()) and not _earlier_output(out):
                raise FolderError(
                    f"{out} is not empty and holds no outputs of this package: pass a new or empty folder "
                    "(a run never writes into, or deletes from, a folder it did not create)"
                )
            out.mkdir(parents=True, exist_ok=True)
            marker.write_text(_MARKER_TEXT, encoding="utf-8")
        fd = os.open(marker, os.O_RDONLY)
    except OSError as error:
        raise FolderError(f"cannot use {out} as the output folder: {error.strerror or error}") from None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        raise FolderError(f"another run is writing into {out}: wait until it ends, or pass another --out") from None
    _held[out] = fd
    try:
        remove_temporary(out)
        yield out
    finally:
        del _held[out]
        os.close(fd)  # releases the lock


def _earlier_output(out: Path) -> bool:
    """Whether ``out`` holds the record of a run by a version of the package that wrote no marker
    (its listing of outputs, which named every file of the folder, is never used to remove any)."""
    for record in (out / "manifest.json", out / "data" / "extraction.json"):
        try:
            if "package_version" in json.loads(record.read_text(encoding="utf-8")):
                return True
        except (OSError, ValueError, TypeError):
            continue
    return False


def _check_apart(corpus: Path, out: Path) -> None:
    if corpus == out or corpus.is_relative_to(out):
        raise FolderError(f"the corpus folder {corpus} is inside the output folder {out}: pass folders apart")
    if out.is_relative_to(corpus):
        raise FolderError(f"the output folder {out} is inside the corpus folder {corpus}: pass folders apart")


def remove_temporary(out: Path) -> None:
    """Remove the temporary files a stopped run left in ``out`` (hidden, named as the package
    names them: ``.NAME.XXXXXXXX.tmp``, ``.NAME.partial.ipynb``)."""
    for name in _OWN_FOLDERS:
        folder = out / name
        if folder.is_dir():
            for path in folder.iterdir():
                if _OWN_TEMPORARY.fullmatch(path.name) and path.is_file() and not path.is_symlink():
                    path.unlink()


def listed_outputs(out: Path, paths: Iterable[str]) -> dict[str, str]:
    """sha256 of each of ``paths`` (relative to ``out``, as a manifest lists them)."""
    return {path: sha256_file(out / path) for path in paths}


def changed_outputs(out: Path, listed: dict[str, str]) -> list[str]:
    """The outputs of ``listed`` (path -> sha256) that are missing or no longer hold those bytes,
    each as "PATH is missing" or "PATH was changed"."""
    problems = []
    for path, sha in listed.items():
        file = out / path
        if not file.is_file():
            problems.append(f"{path} is missing")
        elif sha256_file(file) != sha:
            problems.append(f"{path} was changed")
    return problems


def remove_outputs(out: Path, paths: Iterable[str]) -> None:
    """Remove ``paths`` (relative to ``out``): only ever outputs an earlier run listed as its own."""
    for path in paths:
        file = out / path
        if file.is_relative_to(out) and ".." not in Path(path).parts:
            file.unlink(missing_ok=True)
