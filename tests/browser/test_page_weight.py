"""Every page stays within its budget of what a first visit transfers, compressed
(tools/checks/pageweight.py), and loads nothing but files of the site."""

from __future__ import annotations

from tools.checks.a11y import built_pages
from tools.checks.pageweight import measure, report


def test_every_page_is_within_its_weight_budget(browser, site_server, built_site):
    pages = built_pages(built_site)
    weights = measure(browser, site_server, built_site, pages)
    text = report(weights)
    print(text)  # the per-page report, shown with pytest -s or on failure
    for w in weights:
        assert not w.missing, text
        # A first visit loads the page and Material's CSS and JS; the search index
        # waits until the reader opens the search (tests/browser/test_search.py).
        kinds = {k for k, v in w.by_kind.items() if v}
        assert {"html", "css", "js"} <= kinds, f"{w.page}: loads only {sorted(kinds)}\n{text}"
        assert "search" not in kinds, f"{w.page}: the search index loads with the page\n{text}"
    over = [w.page for w in weights if w.over]
    assert not over, f"over budget: {over}\n{text}"
