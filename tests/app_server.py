"""Helpers for the UI tests: import the root-level app.py and serve it in-process on a free port."""

from __future__ import annotations

import contextlib
import importlib
import socket
import sys
from collections.abc import Iterator
from types import ModuleType

from qa.config import PROJECT_ROOT, Settings


def load_app() -> ModuleType:
    """The `app` module (app.py lives at the repository root, outside the package)."""
    if str(PROJECT_ROOT) not in sys.path:
        sys.path.insert(0, str(PROJECT_ROOT))
    return importlib.import_module("app")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def serve(settings: Settings) -> Iterator[tuple[ModuleType, object, str]]:
    """Build and launch the app with its real launch options (auth from NEWSQA_AUTH, upload limit, ...);
    yields (app module, Blocks, base URL) and closes the server afterwards."""
    app = load_app()
    demo = app.build_app(settings)
    options = app.launch_options(settings, host="127.0.0.1", port=free_port())
    demo.launch(prevent_thread_lock=True, quiet=True, **options)
    try:
        yield app, demo, f"http://127.0.0.1:{options['server_port']}/"
    finally:
        demo.close()


CHROMIUM = "/usr/bin/chromium"  # Debian's Chromium (make browser); Playwright downloads nothing


@contextlib.contextmanager
def chromium() -> Iterator[object]:
    """A headless Chromium driven by Playwright, for the browser tests; a clear failure when it is missing."""
    import shutil

    import pytest
    from playwright.sync_api import sync_playwright

    if not shutil.which(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (make browser)")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM,
                              args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        try:
            yield b
        finally:
            b.close()
