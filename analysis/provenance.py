"""What an output was made from: input hashes, the code that made it, and keys that change when
either does, so a rerun redoes only what is out of date.

Deliberately light (standard library only): a rerun with nothing to do checks these keys and
stops before any model, notebook engine or plotting library is imported.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Iterable
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def input_hashes(files: Iterable[Path]) -> dict[str, str]:
    """sha256 of each of ``files`` (the corpus' files the loader reads), by name."""
    return {p.name: sha256_file(p) for p in files}


def code_hash() -> str:
    """One hash of the package's code and data files: any change to them changes it."""
    digest = hashlib.sha256()
    for path in sorted(p for p in PACKAGE.rglob("*") if p.is_file() and p.suffix in (".py", ".csv")):
        digest.update(path.relative_to(PACKAGE).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def key(*parts) -> str:
    """A short stable key of JSON-able ``parts``."""
    return hashlib.sha256(json.dumps(parts, sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:32]


def inputs_changed(corpus: Path, hashes: dict[str, str]) -> str:
    """When the given inputs last changed, as a UTC date: ``SOURCE_DATE_EPOCH`` when set (for
    reproducible builds), else the newest modification time among them."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        stamp = int(epoch)
    else:
        times = [(Path(corpus) / name).stat().st_mtime for name in hashes if (Path(corpus) / name).exists()]
        stamp = int(max(times)) if times else 0
    return time.strftime("%Y-%m-%d", time.gmtime(stamp))
