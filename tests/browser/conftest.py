"""The dashboard in a real browser: Debian's chromium driven by Playwright (no browser download).

``dashboard_site`` is one server process (SQLite) per module with the programme
data and staff accounts of :mod:`tests.browser.data`; ``browser`` is
chromium, or the test is skipped with the reason when /usr/bin/chromium is
missing (it is installed by .ci/run).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser.data import Site, open_site

CHROMIUM = Path("/usr/bin/chromium")
SHOTS = Path("/tmp/shots8")


@pytest.fixture(scope="module")
def dashboard_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    yield from open_site(tmp_path_factory.mktemp("dashboard-site"))


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing: install Debian's chromium to run the browser tests")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        try:
            yield launched
        finally:
            launched.close()
