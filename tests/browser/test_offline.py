"""The offline bundle read as a student would: unzipped, opened from file:// in
Chromium, with no network.

From index.html every page is reached by following links; the language switch
works both ways; search runs in both languages and stays in the page's
language; the timeline filters; a data download opens; the citation box gives
the hosted address. Every request the browser makes is recorded: none may use
a scheme other than file: (any other is also refused, so a failure never
reaches the network), and no page may log a console error.
"""

from __future__ import annotations

import re
from collections import deque
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from tests.browser.typist import Typist


class Offline:
    """One browser context on the unzipped bundle, recording what its pages do."""

    def __init__(self, browser, root: Path) -> None:
        self.root = root
        self.base = root.as_uri() + "/"
        self.context = browser.new_context(accept_downloads=True)
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.context.on("request", lambda request: self.requests.append(request.url))
        self.context.route(re.compile(r"^(?!file:)"), lambda route: route.abort())
        self.context.on("page", self._watch)

    def _watch(self, page) -> None:
        def console(message) -> None:
            if message.type == "error":
                self.errors.append(f"{page.url}: {message.text}")

        page.on("console", console)
        page.on("pageerror", lambda error: self.errors.append(f"{page.url}: {error}"))

    def new_page(self):
        return self.context.new_page()

    def url(self, path: str) -> str:
        return self.base + path

    def path_of(self, url: str) -> str:
        """The bundle file a file: URL names, relative to the bundle's root."""
        return unquote(urlsplit(url).path).removeprefix(unquote(urlsplit(self.base).path))

    def assert_stayed_on_disk(self) -> None:
        outside = sorted({u for u in self.requests if not u.startswith("file:")})
        assert outside == [], f"requests that did not use file: {outside}"
        assert self.requests, "no request was recorded at all"
        assert self.errors == [], f"console errors: {self.errors}"

    def close(self) -> None:
        self.context.close()


def search(page, query: str) -> list[str]:
    """Type a query into Material's search box as a reader would (Chinese through an
    input method: tests/browser/typist.py); the result links (resolved)."""
    Typist(page).open().type(query)
    return page.eval_on_selector_all(
        "li.md-search-result__item > a.md-search-result__link", "links => links.map(a => a.href)"
    )


@pytest.fixture
def offline(browser, offline_bundle):
    session = Offline(browser, offline_bundle.root)
    yield session
    session.close()


def html_files(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*.html")}


def test_every_page_is_reached_by_following_links_from_the_index(offline):
    page = offline.new_page()
    queue, seen, broken = deque(["index.html"]), {"index.html"}, []
    while queue:
        path = queue.popleft()
        page.goto(offline.url(path))
        assert page.evaluate("document.documentElement.lang") == (
            "en" if path.startswith("en/") else "zh-Hant"
        )
        # A bundle without the PDF editions links none (chaiqiang.edition_info.link_pdf_edition).
        hrefs = page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)")
        for href in hrefs:
            if not href.startswith("file:"):
                continue  # a link to a page outside (the hosted site, a licence): never loaded
            target = offline.path_of(href)
            if not (offline.root / target).is_file():
                broken.append(f"{path} -> {target}")
            elif target.endswith(".html") and target not in seen:
                seen.add(target)
                queue.append(target)
    assert broken == []
    assert seen == html_files(offline.root), f"not reached: {sorted(html_files(offline.root) - seen)}"
    offline.assert_stayed_on_disk()


def test_the_language_switch_works_both_ways(offline):
    page = offline.new_page()
    page.goto(offline.url("story/the-deal.html"))
    for lang, expected in (("en", "en/story/the-deal.html"), ("zh-Hant", "story/the-deal.html")):
        page.hover(".md-header .md-select")
        page.click(f".md-header a.md-select__link[hreflang='{lang}']")
        page.wait_for_load_state()
        assert offline.path_of(page.url) == expected
        assert page.evaluate("document.documentElement.lang") == lang
    offline.assert_stayed_on_disk()


@pytest.mark.parametrize(
    ("start", "query", "first"),
    [
        ("index.html", "淘口令", "story/blocking-war.html"),
        ("index.html", "波特五力", "story/the-deal.html"),
        ("en/index.html", "WeChat Pay", "en/story/the-deal.html"),
        # From a page two folders down: the index is found from the language's root.
        ("en/story/the-deal.html", "MIIT", "en/story/blocking-war.html"),
        # Several words: the query is cut, and the page with the whole phrase comes first.
        ("index.html", "下沉市場的銀髮族", "story/tearing-down.html"),
        ("en/index.html", "mini program", "en/story/the-deal.html"),
    ],
)
def test_search_finds_the_page_first_and_stays_in_the_pages_language(offline, start, query, first):
    page = offline.new_page()
    page.goto(offline.url(start))
    pages = list(dict.fromkeys(offline.path_of(href) for href in search(page, query)))
    assert pages, f"{query!r} found nothing from {start}"
    assert pages[0] == first, f"{query!r} put {pages[0]} first (then {pages[1:4]})"
    english = start.startswith("en/")
    assert [p for p in pages if p.startswith("en/") != english] == [], "results in the other language"
    assert all((offline.root / p).is_file() for p in pages)
    # Following the first result opens that page.
    page.click("li.md-search-result__item > a.md-search-result__link >> nth=0")
    page.wait_for_load_state()
    assert offline.path_of(page.url) == first
    offline.assert_stayed_on_disk()


def test_every_word_of_a_chinese_phrase_counts_from_the_disk(offline):
    # search.js reads the index and cuts the query from file:// too (the worker is
    # the iframe shim there): every result is highlighted with all three words.
    page = offline.new_page()
    page.goto(offline.url("index.html"))
    hrefs = search(page, "下沉市場的銀髮族")
    assert hrefs
    assert {parse_qs(urlsplit(href).query)["h"][0] for href in hrefs} == {"下沉市場 的 銀髮族"}
    offline.assert_stayed_on_disk()


@pytest.mark.parametrize(
    ("path", "count"),
    [("timeline.html", "顯示 2 / 20 件事件"), ("en/timeline.html", "Showing 2 of 20 events")],
)
def test_the_timeline_filters(offline, path, count):
    page = offline.new_page()
    page.goto(offline.url(path))
    page.select_option("form[data-cq-filter] select[name=actor]", "douyin")
    assert page.locator("[data-cq-count]").inner_text() == count
    visible = page.eval_on_selector_all(
        "li[data-actors][data-kind]:not([hidden])", "els => els.map(e => e.id)"
    )
    assert visible == ["evt-2020-douyin-cuts-taobao-links", "evt-2024-alimama-xingtu-star-cube"]
    assert page.url.endswith(f"{path}?actor=douyin")
    offline.assert_stayed_on_disk()


def test_a_data_download_opens(offline):
    page = offline.new_page()
    page.goto(offline.url("en/timeline.html"))
    with page.expect_download() as download:
        page.click("a[href$='downloads/timeline.csv']")
    saved = Path(download.value.path())
    assert download.value.suggested_filename == "timeline.csv"
    assert saved.read_bytes() == (offline.root / "downloads" / "timeline.csv").read_bytes()
    assert saved.read_bytes().lstrip(b"\xef\xbb\xbf").startswith(b"id,date,")
    offline.assert_stayed_on_disk()


def test_the_charts_are_drawn(offline):
    page = offline.new_page()
    page.goto(offline.url("en/figures.html"))
    charts = page.locator("svg.cq-chart__svg")
    assert charts.count() > 0
    assert charts.first.is_visible()
    offline.assert_stayed_on_disk()


def test_the_citation_box_cites_the_hosted_page(offline, site_url):
    page = offline.new_page()
    page.goto(offline.url("en/story/the-deal.html"))
    page.click("#cite-this-page > summary")
    box = page.locator("#cite-this-page")
    assert box.evaluate("details => details.open")
    assert f"{site_url}en/story/the-deal/" in box.inner_text()
    # Its links lead to the bundle's own How to cite and Versions pages.
    page.click("#cite-this-page a[href$='cite.html']")
    page.wait_for_load_state()
    assert offline.path_of(page.url) == "en/cite.html"
    offline.assert_stayed_on_disk()
