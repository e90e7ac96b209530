"""chaiqiang.bilingual.view, without MkDocs: two small built pages in, the bilingual page out."""

from __future__ import annotations

from collections import Counter

import pytest
from chaiqiang.bilingual.blocks import AlignmentError
from chaiqiang.bilingual.view import Page, render
from lxml import html

from tests.conftest import ROOT

SHELL = """<!doctype html><html lang="{lang}"><head><title>{title} - Site</title>
<link rel="canonical" href="https://example.org/{url}">
<link rel="alternate" hreflang="en" href="https://example.org/en/story/x/">
<meta property="og:url" content="https://example.org/{url}">
<meta name="citation_title" content="{title}">
<script type="application/ld+json">{{}}</script></head><body>
<a class="md-select__link" hreflang="zh-Hant" href="{zh_switch}">中文</a>
<a class="md-select__link" hreflang="en" href="{en_switch}">English</a>
<article class="md-content__inner md-typeset">
<p class="cq-print-only">printed</p>
<p class="cq-bilingual-link"><a href="bilingual.html">side by side</a></p>
{body}
<details class="note chaiqiang-cite" id="cite-this-page"><summary>Cite</summary></details>
</article></body></html>"""

ZH_BODY = """<h1 id="x">標題<a class="headerlink" href="#x">¶</a></h1>
<p id="p-x-1">第一段<sup id="fnref:a"><a href="#fn:a">1</a></sup>，見<a href="../../sources/#s">來源</a>。</p>
<h2 id="part">一節<a class="headerlink" href="#part">¶</a></h2>
<ol><li id="p-part-1">甲</li><li id="p-part-2">乙</li></ol>
<div class="footnote"><ol><li id="fn:a">注<a href="#fnref:a">↩</a></li></ol></div>"""

EN_BODY = """<h1 id="x">Title<a class="headerlink" href="#x">¶</a></h1>
<p id="p-x-1">First<sup id="fnref:a"><a href="#fn:a">1</a></sup>, see <a href="../../sources/#s">sources</a>.</p>
<h2 id="part">A part<a class="headerlink" href="#part">¶</a></h2>
<ol><li id="p-part-1">one</li><li id="p-part-2">two</li></ol>
<div class="footnote"><ol><li id="fn:a">note<a href="#fnref:a">↩</a></li></ol></div>"""


def page(lang: str, body: str, title: str) -> Page:
    url = "story/x/" if lang == "zh-Hant" else "en/story/x/"
    switches = {"zh_switch": "./", "en_switch": "../../en/story/x/"}
    if lang == "en":
        switches = {"zh_switch": "../../../story/x/", "en_switch": "./"}
    text = SHELL.format(lang=lang, title=title, url=url, body=body, **switches)
    return Page(text.encode(), url, lang, f"docs/{lang}/story/x.md")


@pytest.fixture
def view():
    out = render(page("zh-Hant", ZH_BODY, "標題"), page("en", EN_BODY, "Title"), ROOT)
    return html.document_fromstring(out)


def test_every_block_sits_beside_its_counterpart_in_the_readers_language_first(view):
    pairs = view.xpath("//div[contains(@class, 'cq-pair ')]")
    assert [p.get("id") for p in pairs] == ["p-x-1", "part", "p-part-1", "p-part-2", None]
    for pair in pairs:
        assert [side.get("lang") for side in pair.xpath("div")] == ["zh-Hant", "en"]
    first = pairs[0].xpath("div")
    assert "第一段" in first[0].text_content() and "First" in first[1].text_content()
    # A list item stays a numbered list item: the second keeps its number.
    assert pairs[3].xpath("div[2]/ol/@start") == ["2"]


def test_one_h1_with_both_titles(view):
    (h1,) = view.xpath("//h1")
    assert [s.get("lang") for s in h1.xpath("span")] == ["zh-Hant", "en"]
    assert h1.text_content() == "標題Title"


def test_each_id_once_and_each_copys_footnotes_its_own(view):
    ids = Counter(view.xpath("//@id"))
    assert [i for i, n in ids.items() if n > 1] == []
    assert view.xpath("//div[@lang='en']//sup/a/@href") == ["#fn:a--en"]
    assert view.xpath("//div[@lang='zh-Hant']//sup/a/@href") == ["#fn:a--zh-Hant"]


def test_the_partners_links_are_rebased_onto_the_views_folder(view):
    assert view.xpath("//div[@lang='zh-Hant']//a[text()='來源']/@href") == ["../../sources/#s"]
    assert view.xpath("//div[@lang='en']//a[text()='sources']/@href") == ["../../en/sources/#s"]


def test_for_search_engines_the_view_shows_its_page(view):
    head = view.find("head")
    assert head.xpath("link[@rel='canonical']/@href") == ["https://example.org/story/x/"]
    assert head.xpath("link[@hreflang] | meta[starts-with(@name, 'citation_')] | script") == []
    assert "中英對照" in head.findtext("title")


def test_the_language_switch_leads_to_the_other_view_and_the_page_is_linked(view):
    assert view.xpath("//a[contains(@class, 'md-select__link')]/@href") == [
        "./bilingual.html",
        "../../en/story/x/bilingual.html",
    ]
    assert view.xpath("//p[@class='cq-bilingual-link']/a/@href") == ["./"]
    assert view.xpath("//details[@id='cite-this-page']")


def test_a_block_missing_from_one_language_stops_the_build():
    en = EN_BODY.replace('<li id="p-part-2">two</li>', "")
    with pytest.raises(AlignmentError) as caught:
        render(page("zh-Hant", ZH_BODY, "標題"), page("en", en, "Title"), ROOT)
    assert "p-part-2 is in docs/zh-Hant/story/x.md only" in str(caught.value)
