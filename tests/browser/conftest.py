"""Shared browser fixtures: Debian's Chromium driven by Playwright, the built site over HTTP.

    browser      one headless Chromium for the session (Debian's /usr/bin/chromium;
                 never a browser that Playwright downloads)
    site_server  the `built_site` served at http://127.0.0.1:<port>/ for the session
    page         a fresh tab (its own context) per test, closed afterwards

Without /usr/bin/chromium the tests skip, or fail when CI is set.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import IN_CI
from tools.browser import CHROMIUM, chromium, serve


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)


def _need_chromium() -> None:
    if CHROMIUM.is_file():
        return
    reason = (
        f"Debian's chromium is not installed ({CHROMIUM} is missing): apt-get install chromium fonts-noto-cjk"
    )
    if IN_CI:
        pytest.fail(f"CI is set but {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser():
    _need_chromium()
    with chromium() as launched:
        yield launched


@pytest.fixture(scope="session")
def site_server(built_site) -> Iterator[str]:
    """The built site at http://127.0.0.1:<port>/ (the root of the site, as when deployed)."""
    with serve(built_site) as base_url:
        yield base_url


@pytest.fixture
def page(browser):
    context = browser.new_context()
    tab = context.new_page()
    yield tab
    context.close()
