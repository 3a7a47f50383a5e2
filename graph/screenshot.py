"""Save a PNG screenshot of a kamerkg page with headless Chromium (Playwright).

Usage from CI: ``python -m kamerkg.graph.screenshot out/graph.html docs/screenshot.png``.
The page is opened from disk with every non-file request refused, and the picture is
taken once the network has drawn.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from kamerkg.extract.errors import InputError, KamerkgError

from .export import atomic_write

__all__ = ["CHROMIUM", "CHROMIUM_ARGS", "main", "screenshot"]

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def _local_only(route: Any) -> None:
    if route.request.url.startswith(("file:", "data:")):
        route.continue_()
    else:
        route.abort()


def _shoot(browser: Any, html: Path, width: int, height: int, timeout_ms: int) -> bytes:
    page = browser.new_page(viewport={"width": width, "height": height})
    try:
        page.route("**/*", _local_only)
        page.goto(html.resolve().as_uri())
        page.wait_for_function("window.kamerkg && window.kamerkg.state.ready", timeout=timeout_ms)
        return page.screenshot(type="png")
    finally:
        page.close()


def screenshot(
    html: Path,
    png: Path,
    *,
    width: int = 1280,
    height: int = 800,
    executable: str = CHROMIUM,
    timeout_ms: int = 60_000,
    browser: Any = None,
) -> Path:
    """Open ``html`` in headless Chromium and write a PNG of the viewport to ``png``.

    ``browser`` reuses an open Playwright browser (tests); otherwise one is launched.

    Raises
    ------
    InputError
        ``E607`` when the page or the browser is missing, or the page does not draw.
    """
    html, png = Path(html), Path(png)
    if not html.is_file():
        raise InputError("E607", f"page {html} not found", "build it first with kamerkg")
    if not Path(executable).exists():
        raise InputError(
            "E607", f"browser {executable} not found", "install it: apt-get install chromium"
        )
    from playwright.sync_api import Error, sync_playwright

    try:
        if browser is not None:
            data = _shoot(browser, html, width, height, timeout_ms)
        else:
            with sync_playwright() as pw:
                own = pw.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
                try:
                    data = _shoot(own, html, width, height, timeout_ms)
                finally:
                    own.close()
    except Error as exc:
        raise InputError(
            "E607", f"could not draw {html}: {exc.message.splitlines()[0]}", "check the page"
        ) from exc
    atomic_write(png, data)
    return png


def main(argv: list[str] | None = None) -> int:
    """Command line: ``screenshot PAGE.html OUT.png [--width W --height H]``."""
    parser = argparse.ArgumentParser(prog="python -m kamerkg.graph.screenshot")
    parser.add_argument("html", type=Path)
    parser.add_argument("png", type=Path, nargs="?", default=Path("docs/screenshot.png"))
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=800)
    args = parser.parse_args(argv)
    try:
        screenshot(args.html, args.png, width=args.width, height=args.height)
    except KamerkgError as exc:
        print(exc, file=sys.stderr)
        return exc.exit_code
    return 0


if __name__ == "__main__":
    sys.exit(main())
