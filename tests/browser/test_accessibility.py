"""axe-core finds nothing on any built page, in either language, on a phone or a
desktop, in the light or the dark palette (tools/checks/a11y.py)."""

from __future__ import annotations

import pytest

from tools.checks.a11y import SCHEMES, WIDTHS, built_pages, check


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width", WIDTHS)
def test_axe_finds_no_violation_on_any_page(browser, site_server, built_site, width, scheme):
    pages = built_pages(built_site)
    # Both languages, every page of each, and the two 404 pages.
    assert {"index.html", "en/index.html", "404.html", "en/404.html"} <= set(pages)
    assert len([p for p in pages if p.startswith("en/")]) * 2 == len(pages)
    violations, problems = check(browser, site_server, pages, width, scheme)
    assert not problems, "\n".join(problems)
    assert not violations, f"{len(violations)} axe violation(s):\n" + "\n".join(map(str, violations))
