"""Search in a real browser: the page about a term comes first, in the reader's language only.

Each language's queries run in one tab opened on that language's home page:
the query is typed into Material's search box, and the results are read as
the reader sees them (the links and titles in the result list).
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

import pytest
from lxml import html

# (query, the page expected first). Each page is the one that explains the
# term: a heading names it, or it discusses it far more than any other page.
ZH_QUERIES = [
    ("淘口令", "story/blocking-war/"),
    ("互聯互通", "story/tearing-down/"),
    ("工信部", "story/blocking-war/"),
    ("下沉市場", "story/the-deal/"),
    ("囚徒困境", "story/blocking-war/"),
    ("支付寶", "story/the-deal/"),
    ("阿里媽媽", "story/tearing-down/"),
    ("微信支付", "story/the-deal/"),
    ("小程序", "story/the-deal/"),
    ("免密支付", "story/the-deal/"),
    ("種草", "story/tearing-down/"),
    ("紅包", "story/blocking-war/"),
    ("外鏈", "story/blocking-war/"),
    ("流量入口", "story/blocking-war/"),
    ("長尾理論", "story/tearing-down/"),
    ("波特五力", "story/the-deal/"),
    ("星立方", "story/tearing-down/"),
    ("快手", "story/tearing-down/"),
    ("美團", "story/tearing-down/"),
    ("百度", "story/tearing-down/"),
    ("嗶哩嗶哩", "story/tearing-down/"),
    ("銀髮族", "story/tearing-down/"),
    ("社交裂變", "story/tearing-down/"),
    ("重複賽局", "story/blocking-war/"),
    ("封鎖戰", "story/blocking-war/"),
    ("沒有永遠的敵人", "story/conclusion/"),
    ("隱私", "about/"),
    ("詞彙表", "glossary/"),
    ("引用", "cite/"),
    # Half a word, as while typing: the words that start with it.
    ("淘口", "story/blocking-war/"),
]

EN_QUERIES = [
    ("prisoner's dilemma", "story/blocking-war/"),
    ("prisoner’s dilemma", "story/blocking-war/"),
    ("WeChat Pay", "story/the-deal/"),
    ("MIIT", "story/blocking-war/"),
    ("long tail", "story/tearing-down/"),
    ("Alipay", "story/the-deal/"),
    ("Alimama", "story/tearing-down/"),
    ("Taokouling", "story/blocking-war/"),
    ("interconnection", "story/tearing-down/"),
    ("lower-tier markets", "story/the-deal/"),
    ("Porter's five forces", "story/the-deal/"),
    ("password-free payment", "story/the-deal/"),
    ("Pinduoduo", "story/the-deal/"),
    ("Star Cube", "story/tearing-down/"),
    ("Kuaishou", "story/tearing-down/"),
    ("Meituan", "story/tearing-down/"),
    ("Baidu", "story/tearing-down/"),
    ("Bilibili", "story/tearing-down/"),
    ("red packets", "story/blocking-war/"),
    ("repeated game", "story/blocking-war/"),
    ("outbound links", "story/blocking-war/"),
    ("traffic entrance", "story/blocking-war/"),
    ("silver-haired", "story/tearing-down/"),
    ("social fission", "story/tearing-down/"),
    ("walled gardens", "story/tearing-down/"),
    ("regulator", "story/blocking-war/"),
    ("no permanent enemies", "story/conclusion/"),
    ("privacy", "about/"),
    ("glossary", "glossary/"),
    ("licences", "about/"),
]

ROOTS = {"zh-Hant": "", "en": "en/"}


@dataclass
class Result:
    href: str  # as the browser resolved it
    title: str  # the heading shown in the result

    def path(self, server: str) -> str:
        """The page's path under the server, without query string or fragment."""
        return urlsplit(self.href)._replace(query="", fragment="").geturl().removeprefix(server)


class Searcher:
    """Material's search box on one page, typed into as a reader would."""

    def __init__(self, page, url: str) -> None:
        self.page = page
        self.errors: list[str] = []
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        page.goto(url)
        self.box = page.locator("input[data-md-component=search-query]")
        self.placeholder = page.evaluate(
            "JSON.parse(document.querySelector('#__config').textContent)"
            ".translations['search.result.placeholder']"
        )
        self.box.click()
        self._wait_for_meta("===")  # the index is loaded and the worker ready

    def _wait_for_meta(self, op: str) -> None:
        self.page.wait_for_function(
            f"p => document.querySelector('.md-search-result__meta').innerText {op} p",
            arg=self.placeholder,
            timeout=15_000,
        )

    def _type(self, text: str) -> None:
        # Material reads the box on key up; `fill` alone sends no key event.
        self.box.fill(text)
        self.box.press("End")

    def search(self, query: str) -> list[Result]:
        self._type("")
        self._wait_for_meta("===")
        self._type(query)
        self._wait_for_meta("!==")
        items = self.page.eval_on_selector_all(
            "li.md-search-result__item > a.md-search-result__link",
            "links => links.map(a => [a.href, (a.querySelector('h1, h2') || {}).innerText || ''])",
        )
        return [Result(href, title.replace("\u200b", "").strip()) for href, title in items]


@pytest.fixture(scope="module")
def searchers(browser, site_server):
    context = browser.new_context()
    # Nothing outside the local server (the hreflang alternates name the public site).
    context.route(
        "**/*",
        lambda route: route.continue_() if route.request.url.startswith(site_server) else route.abort(),
    )
    opened = {lang: Searcher(context.new_page(), site_server + root) for lang, root in ROOTS.items()}
    yield opened
    context.close()
    errors = [error for searcher in opened.values() for error in searcher.errors]
    assert errors == [], f"JavaScript errors while searching: {errors}"


def pages_in_order(results: list[Result], server: str) -> list[str]:
    pages: list[str] = []
    for result in results:
        path = result.path(server)
        if path not in pages:
            pages.append(path)
    return pages


def check_query(searchers, site_server, lang: str, query: str, expected: str) -> None:
    results = searchers[lang].search(query)
    assert results, f"{lang}: {query!r} found nothing"
    pages = pages_in_order(results, site_server)
    root = ROOTS[lang]
    other_language = [p for p in pages if p.startswith("en/") != (lang == "en")]
    assert other_language == [], f"{lang}: {query!r} found pages of the other language: {other_language}"
    assert pages[0] == root + expected, f"{lang}: {query!r} put {pages[0]} first (then {pages[1:4]})"


@pytest.mark.parametrize(("query", "expected"), ZH_QUERIES, ids=[q for q, _ in ZH_QUERIES])
def test_zh_hant_query_finds_the_page_about_it_first(searchers, site_server, query, expected):
    check_query(searchers, site_server, "zh-Hant", query, expected)


@pytest.mark.parametrize(("query", "expected"), EN_QUERIES, ids=[q for q, _ in EN_QUERIES])
def test_english_query_finds_the_page_about_it_first(searchers, site_server, query, expected):
    check_query(searchers, site_server, "en", query, expected)


def test_the_query_sets_are_large_enough():
    assert len(ZH_QUERIES) >= 25 and len(EN_QUERIES) >= 25


@pytest.mark.parametrize(
    ("lang", "query"),
    [("zh-Hant", "WeChat"), ("zh-Hant", "Taobao"), ("en", "淘口令"), ("en", "微信"), ("en", "Taobao")],
)
def test_a_search_never_leaves_the_readers_language(searchers, site_server, lang, query):
    # Words of the other language (English names in Chinese pages, Chinese
    # names quoted in English ones) still only find pages in the reader's language.
    pages = pages_in_order(searchers[lang].search(query), site_server)
    assert [p for p in pages if p.startswith("en/") != (lang == "en")] == []


def test_the_whole_chinese_word_is_searched_not_its_first_part(searchers):
    # Material alone searches 阿里媽媽 as 阿里 (every page about Alibaba);
    # docs/assets/javascripts/search.js lets it find the whole word.
    first = searchers["zh-Hant"].search("阿里媽媽")[0]
    assert parse_qs(urlsplit(first.href).query)["h"] == ["阿里媽媽"]


def headings(built_site, path: str) -> set[str]:
    tree = html.fromstring((built_site / path / "index.html").read_bytes())
    for link in tree.xpath("//a[contains(@class, 'headerlink')]"):
        link.drop_tree()
    return {
        " ".join(h.text_content().split())
        for h in tree.xpath("//article//*[self::h1 or self::h2 or self::h3]")
    }


@pytest.mark.parametrize(
    ("lang", "query"), [("zh-Hant", "淘口令"), ("zh-Hant", "互聯互通"), ("en", "WeChat Pay")]
)
def test_result_titles_are_the_pages_headings_in_the_readers_language(
    searchers, site_server, built_site, lang, query
):
    results = searchers[lang].search(query)
    assert results
    for result in results:
        titles = headings(built_site, result.path(site_server))
        assert " ".join(result.title.split()) in titles, f"{result.title!r} is not a heading of {result.href}"


def test_search_from_a_page_deep_in_the_english_site(browser, site_server):
    # The index is found relative to the page's language root, at any depth.
    context = browser.new_context()
    context.route(
        "**/*",
        lambda route: route.continue_() if route.request.url.startswith(site_server) else route.abort(),
    )
    try:
        searcher = Searcher(context.new_page(), site_server + "en/story/the-deal/")
        results = searcher.search("MIIT")
        pages = pages_in_order(results, site_server)
        assert pages[0] == "en/story/blocking-war/"
        assert all(p.startswith("en/") for p in pages)
        assert searcher.errors == []
    finally:
        context.close()
