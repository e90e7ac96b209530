"""The built site under its own security headers, in Chromium.

A local server sends every response with the headers of the generated `_headers`
file, as Netlify or Cloudflare Pages would. Every page is loaded, then search,
the language switcher, the palette, a glossary tooltip and the timeline filters
are used: the browser must report no Content-Security-Policy violation, no
console error and no script error, and Material's inline scripts must have run.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from chaiqiang.http_headers import FILE_NAME, parse
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tools.browser import serve

# Records the violations a document reports, before any of its own scripts run.
RECORDER = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI}`
    + ` in ${e.sourceFile}:${e.lineNumber}`);
});
"""


def site_headers(site: Path) -> dict[str, str]:
    return parse((site / FILE_NAME).read_text(encoding="utf-8"))["/*"]


@pytest.fixture(scope="module")
def csp_site(built_site) -> Iterator[str]:
    with serve(built_site, headers=site_headers(built_site)) as url:
        yield url


class Watched:
    """A tab whose CSP violations, console errors and script errors are kept."""

    def __init__(self, browser):
        self.context = browser.new_context()
        self.context.add_init_script(RECORDER)
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(f"console: {m.text}"))
        self.page.on("pageerror", lambda e: self.errors.append(f"script error: {e}"))

    def goto(self, url: str):
        response = self.page.goto(url, wait_until="load")
        self.settle()
        return response

    def settle(self) -> None:
        # Violation events are queued as tasks: let them run.
        self.page.evaluate("new Promise((r) => setTimeout(r, 50))")

    def problems(self) -> list[str]:
        return [*self.page.evaluate("window.__cspViolations"), *self.errors]


@pytest.fixture
def tab(browser) -> Iterator[Watched]:
    watched = Watched(browser)
    yield watched
    watched.context.close()


def page_urls(site: Path) -> list[str]:
    urls = []
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        urls.append(rel.removesuffix("index.html"))
    return urls


def search(tab: Watched, query: str) -> int:
    """Type a query into Material's search and return how many results it lists.
    Material reads the field on keyup (or focus): a key press after filling it
    sends the query, again if the worker was not ready for it the first time."""
    field = tab.page.locator("input[data-md-component=search-query]")
    results = tab.page.locator(".md-search-result__item")
    field.fill(query)
    for _ in range(3):
        field.press("End")
        try:
            results.first.wait_for(state="attached", timeout=3000)
            return results.count()
        except PlaywrightTimeout:
            continue
    return 0


def test_every_page_loads_under_the_policy(tab, csp_site, built_site):
    policy = site_headers(built_site)["Content-Security-Policy"]
    problems = {}
    for rel in page_urls(built_site):
        response = tab.goto(csp_site + rel)
        assert response.headers.get("content-security-policy") == policy
        # Material's inline scripts ran: the scope it sets, the palette it restores.
        ran = tab.page.evaluate(
            "typeof __md_scope !== 'undefined' && document.body.hasAttribute('data-md-color-scheme')"
        )
        found = tab.problems() + ([] if ran else ["Material's inline scripts did not run"])
        if found:
            problems[rel] = found
        tab.errors.clear()
    assert problems == {}


def test_search_switcher_palette_tooltips_and_filters_work_under_the_policy(tab, csp_site):
    # Search, in both languages (the worker, its index, lunr's language files).
    tab.goto(csp_site)
    assert search(tab, "淘寶") > 0
    tab.goto(csp_site + "en/")
    assert search(tab, "Taobao") > 0
    # A glossary tooltip, and the palette toggle.
    tab.goto(csp_site + "story/the-deal/")
    tab.page.locator("article abbr").first.hover()
    tab.page.locator(".md-tooltip2").first.wait_for(state="attached", timeout=4000)
    scheme = tab.page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    tab.page.locator("form[data-md-component=palette] label:visible").first.click()
    assert tab.page.evaluate("document.body.getAttribute('data-md-color-scheme')") != scheme
    # The language switcher leads to the counterpart page.
    tab.page.locator(".md-select").first.hover()
    tab.page.locator("a.md-select__link[hreflang=en]").first.click()
    tab.page.wait_for_url("**/en/story/the-deal/")
    tab.settle()
    assert tab.page.evaluate("document.documentElement.lang") == "en"
    # The timeline filters.
    tab.goto(csp_site + "en/timeline/")
    tab.page.select_option("form[data-cq-filter] select[name=actor]", "douyin")
    assert tab.page.url.endswith("/en/timeline/?actor=douyin")
    events = tab.page.locator("li[data-actors][data-kind]")
    shown = tab.page.locator("li[data-actors][data-kind]:not([hidden])")
    assert 0 < shown.count() < events.count()
    tab.settle()
    assert tab.problems() == []


def test_the_check_sees_a_violation(tab, built_site):
    # Without the hashes Material's inline scripts are blocked: the recorder must say so.
    headers = site_headers(built_site)
    csp = headers["Content-Security-Policy"].split("; ")
    headers["Content-Security-Policy"] = "; ".join(
        "script-src 'self'" if d.startswith("script-src") else d for d in csp
    )
    with serve(built_site, headers=headers) as url:
        tab.goto(url)
        assert any(v.startswith("script-src-elem blocked inline in ") for v in tab.problems())
