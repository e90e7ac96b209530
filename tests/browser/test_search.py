"""Search in a real browser: the page about a term comes first, in the reader's language only.

Each language's queries run in one tab opened on that language's home page:
the query is typed into Material's search box as a reader types it (English
key by key, Chinese through an input method: see tests/browser/typist.py), and
the results are read as the reader sees them (the links and titles in the
result list).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

import pytest
from lxml import html

from tests.browser.typist import Typist

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

# Queries of several words (Chinese typed without spaces, as readers type it),
# each with the page it must put first: the page that contains the whole phrase
# and is about it (a heading names it, or it tells or explains what it names).
# jieba cut each Chinese query into two words or more in the index (騰訊|廣告,
# 下沉市場|的|銀髮族); the pages named first hold the phrase where another page
# only has its words, or hold it more often and in more detail.
ZH_PHRASES = [
    ("騰訊廣告", "story/blocking-war/"),  # the 2023 deal, told in "解凍"
    ("下沉市場的銀髮族", "story/tearing-down/"),
    ("淘寶小程式", "story/the-deal/"),
    ("獵鹿賽局", "story/blocking-war/"),
    ("圍牆花園", "story/tearing-down/"),
    ("巨量星圖", "story/tearing-down/"),
    ("淘天集團", "story/the-deal/"),
    ("議價能力", "story/the-deal/"),
    ("野蠻生長", "story/conclusion/"),
    ("本地生活", "story/tearing-down/"),
    ("免密功能", "story/the-deal/"),
    ("長尾市場", "story/tearing-down/"),
    ("行政指導", "story/blocking-war/"),
    ("抖音電商", "story/the-deal/"),
    ("內容種草", "story/tearing-down/"),
    ("跳轉合作", "story/tearing-down/"),
    ("微信支付的野心", "story/the-deal/"),
    ("淘寶的算盤", "story/the-deal/"),
    ("存量競爭時代", "story/tearing-down/"),
    ("三個框架", "story/conclusion/"),
    ("保護用戶安全", "story/blocking-war/"),
    ("數位現金", "story/blocking-war/"),
    ("監管介入", "story/blocking-war/"),
    ("拆牆運動", "story/tearing-down/"),
    ("生存焦慮", "story/blocking-war/"),
    ("哈佛商業評論", "story/the-deal/"),
    ("騰訊入股京東", "story/conclusion/"),
]

EN_PHRASES = [
    ("mini program", "story/the-deal/"),
    ("password-free", "story/the-deal/"),
    ("bargaining power", "story/the-deal/"),
    ("threat of substitutes", "story/the-deal/"),
    ("lower-tier shoppers", "story/the-deal/"),
    ("walled kingdoms", "story/the-deal/"),
    ("front door", "story/the-deal/"),
    ("Harvard Business Review", "story/the-deal/"),
    ("separate empires", "story/the-deal/"),
    ("checkout path", "story/the-deal/"),
    ("sinking market", "story/the-deal/"),
    ("stag hunt", "story/blocking-war/"),
    ("tit for tat", "story/blocking-war/"),
    ("survival anxiety", "story/blocking-war/"),
    ("user safety", "story/blocking-war/"),
    ("administrative guidance", "story/blocking-war/"),
    ("growth stalled", "story/blocking-war/"),
    ("local services", "story/tearing-down/"),
    ("Ocean Engine", "story/tearing-down/"),
    ("content seeding", "story/tearing-down/"),
    ("Chris Anderson", "story/tearing-down/"),
    ("stock competition", "story/tearing-down/"),
    ("co-opetition", "story/tearing-down/"),
    ("Lord Palmerston", "story/conclusion/"),
    ("wild growth", "story/conclusion/"),
    ("three frameworks", "story/conclusion/"),
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
        self.typist = Typist(page).open()

    def search(self, query: str) -> list[Result]:
        self.typist.clear()
        self.typist.type(query)
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


def check_query(searchers, site_server, lang: str, query: str, expected: str) -> list[Result]:
    results = searchers[lang].search(query)
    assert results, f"{lang}: {query!r} found nothing"
    pages = pages_in_order(results, site_server)
    root = ROOTS[lang]
    other_language = [p for p in pages if p.startswith("en/") != (lang == "en")]
    assert other_language == [], f"{lang}: {query!r} found pages of the other language: {other_language}"
    assert pages[0] == root + expected, f"{lang}: {query!r} put {pages[0]} first (then {pages[1:4]})"
    return results


@pytest.mark.parametrize(("query", "expected"), ZH_QUERIES, ids=[q for q, _ in ZH_QUERIES])
def test_zh_hant_query_finds_the_page_about_it_first(searchers, site_server, query, expected):
    check_query(searchers, site_server, "zh-Hant", query, expected)


@pytest.mark.parametrize(("query", "expected"), EN_QUERIES, ids=[q for q, _ in EN_QUERIES])
def test_english_query_finds_the_page_about_it_first(searchers, site_server, query, expected):
    check_query(searchers, site_server, "en", query, expected)


def page_text(built_site, path: str) -> str:
    """A built page's article, lower case, each run of spaces and hyphens one space."""
    tree = html.fromstring((built_site / path / "index.html").read_bytes())
    return normal("".join(tree.xpath("//article")[0].itertext()))


def normal(text: str) -> str:
    return re.sub(r"[\s\-]+", " ", text.lower())


@pytest.mark.parametrize(("query", "expected"), ZH_PHRASES, ids=[q for q, _ in ZH_PHRASES])
def test_a_chinese_phrase_finds_the_page_with_all_of_it_first(
    searchers, site_server, built_site, query, expected
):
    first = check_query(searchers, site_server, "zh-Hant", query, expected)[0]
    # Every word counts: the first result is highlighted with all of them (騰訊 廣告, not 廣告).
    assert "".join(parse_qs(urlsplit(first.href).query)["h"][0].split()) == query
    assert query in page_text(built_site, expected)


@pytest.mark.parametrize(("query", "expected"), EN_PHRASES, ids=[q for q, _ in EN_PHRASES])
def test_an_english_phrase_finds_the_page_with_all_of_it_first(
    searchers, site_server, built_site, query, expected
):
    check_query(searchers, site_server, "en", query, expected)
    assert normal(query) in page_text(built_site, "en/" + expected)


def test_the_query_sets_are_large_enough():
    assert len(ZH_QUERIES) >= 25 and len(EN_QUERIES) >= 25
    assert len(ZH_PHRASES) >= 20 and len(EN_PHRASES) >= 20


@pytest.mark.parametrize("query", ["騰訊廣告", "下沉市場的銀髮族"])
def test_every_result_of_a_chinese_phrase_has_every_word(searchers, query):
    # Each word is required: every result, page or section, is highlighted with all of them.
    results = searchers["zh-Hant"].search(query)
    assert results
    for result in results:
        assert "".join(parse_qs(urlsplit(result.href).query)["h"][0].split()) == query, result.href


def test_words_that_no_page_has_together_still_find_each_page(searchers, site_server):
    # 帕麥斯頓 is only in the conclusion, and 巨量星圖 is never there: no page has all
    # their words, so any word will do, and both pages are found.
    pages = pages_in_order(searchers["zh-Hant"].search("帕麥斯頓巨量星圖"), site_server)
    assert {"story/conclusion/", "story/tearing-down/"} <= set(pages)


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


# Counts the index messages (SETUP, type 0) a page sends to its search worker.
COUNT_SETUP = """
(() => {
  window.__setups = 0;
  const post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (message) {
    if (message && message.type === 0) window.__setups++;
    return post.apply(this, arguments);
  };
})();
"""


@pytest.mark.parametrize("width", [390, 1280])
def test_the_index_reaches_the_worker_only_when_the_reader_opens_search(browser, site_server, width):
    # Copying the index to the worker holds the main thread; a reader who never
    # searches never pays for it (docs/assets/javascripts/search.js).
    # Nor does it download the index: the request waits for the same moment.
    context = browser.new_context(viewport={"width": width, "height": 844})
    context.add_init_script(COUNT_SETUP)
    requested: list[str] = []
    context.on("request", lambda r: requested.append(r.url) if "search_index" in r.url else None)
    try:
        tab = context.new_page()
        tab.goto(site_server + "en/timeline/", wait_until="load")
        tab.wait_for_timeout(1500)
        assert tab.evaluate("window.__setups") == 0
        assert requested == []
        if width < 960:
            tab.click("label.md-header__button[for=__search]")
        tab.click("input.md-search__input")
        tab.keyboard.type("MIIT")
        tab.wait_for_selector(".md-search-result__item a", timeout=15000)
        assert tab.evaluate("window.__setups") == 1
        assert requested == [site_server + "en/search/search_index.json"]
    finally:
        context.close()
