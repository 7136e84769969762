"""Open rendered pages in headless Chromium (Debian's package) through Playwright, recording
every request and console error; also takes the screenshots under docs/.

``python tests/browser.py OUT DIR`` saves a screenshot of every page of the output folder OUT
into DIR.
"""

from __future__ import annotations

import os
import shutil
import sys
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

# Playwright must never fetch a browser of its own: the machine's Chromium is used.
os.environ.setdefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# Chromium as root, with nothing of its own going out (updates, sync, field trials, QUIC probes).
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_missing() -> str:
    """Why pages cannot be opened here, or "" when they can."""
    if not os.access(CHROMIUM, os.X_OK):
        return f"no Chromium at {CHROMIUM}: `apt-get install chromium` (.ci/run does)"
    try:
        import playwright  # noqa: F401
    except ImportError:
        return "playwright is not installed: `pip install -e '.[test]'`"
    return ""


@dataclass
class Visit:
    """What one page did while it loaded."""

    url: str
    title: str = ""
    external: list[str] = field(default_factory=list)  # requests whose URL is not file: or data:
    errors: list[str] = field(default_factory=list)  # console errors and uncaught exceptions


@contextmanager
def browser(tmp: Path):
    """A headless Chromium with a fresh profile in ``tmp``; every request that is not a local
    file is refused before it leaves."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(tmp / "profile"),
            executable_path=CHROMIUM,
            args=FLAGS,
            headless=True,
            viewport={"width": 1200, "height": 900},
        )
        context.route("**/*", lambda route: route.continue_() if _local(route.request.url) else route.abort())
        try:
            yield context
        finally:
            context.close()


def _local(url: str) -> bool:
    return url.startswith(("file:", "data:", "about:"))


def visit(context, path: Path, screenshot: Path | None = None) -> Visit:
    """Load ``path`` and wait for it to settle; save a full-page screenshot when asked."""
    seen = Visit(path.resolve().as_uri())
    page = context.new_page()
    page.on("request", lambda r: None if _local(r.url) else seen.external.append(r.url))
    page.on("console", lambda m: seen.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: seen.errors.append(str(e)))
    page.goto(seen.url, wait_until="load")
    seen.title = page.title()
    if screenshot:
        page.screenshot(path=str(screenshot))  # the first screen: what a reader sees on opening it
    page.close()
    return seen


def pages(out: Path) -> list[Path]:
    """The index and every rendered page of the output folder ``out``."""
    return [out / "index.html", *sorted((out / "html").glob("*.html"))]


if __name__ == "__main__":
    import tempfile

    out, target = Path(sys.argv[1]), Path(sys.argv[2])
    target.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp, browser(Path(tmp)) as context:
        for path in pages(out):
            seen = visit(context, path, target / f"{path.stem}.png")
            print(f"{path.name}: {seen.title!r}, {len(seen.external)} external requests, {len(seen.errors)} errors")
