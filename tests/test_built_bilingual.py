"""中英對照 in the built site (chaiqiang.bilingual): every aligned page has the same
block ids in both languages, a bilingual view in each language that pairs every
block with its counterpart, a link to it, and a ¶ after each paragraph; the views
stay out of the search index and the sitemap; an unaligned page stops the build."""

from __future__ import annotations

import json

import pytest
from chaiqiang import urls
from chaiqiang.bilingual.blocks import blocks
from chaiqiang.bilingual.build import aligned_sources
from chaiqiang.languages import LANGUAGES
from lxml import html

from tests.conftest import ROOT, copy_project, run_build

SOURCES = aligned_sources(ROOT, LANGUAGES)


def test_the_story_home_and_about_are_aligned():
    assert SOURCES == [
        "about.md",
        "index.md",
        "story/blocking-war.md",
        "story/conclusion.md",
        "story/tearing-down.md",
        "story/the-deal.md",
    ]


def read(built_site, url: str):
    path = built_site / (url + "index.html" if url == "" or url.endswith("/") else url)
    return html.document_fromstring(path.read_bytes().decode("utf-8"))


def article(doc):
    return doc.xpath("//article")[0]


@pytest.mark.parametrize("src", SOURCES)
def test_every_block_has_the_same_id_in_both_languages(built_site, src):
    ids = {
        lang: [b.id for b in blocks(article(read(built_site, urls.page_url(src, lang))), src)]
        for lang in LANGUAGES.codes
    }
    zh, en = ids["zh-Hant"], ids["en"]
    assert zh == en
    assert len([i for i in zh if i and i.startswith("p-")]) >= 5


@pytest.mark.parametrize("lang", LANGUAGES.codes)
@pytest.mark.parametrize("src", SOURCES)
def test_each_view_pairs_every_block_with_its_counterpart(built_site, src, lang):
    page_url = urls.page_url(src, lang)
    single = [b.id for b in blocks(article(read(built_site, page_url)), src) if b.id]
    view = read(built_site, urls.bilingual_path(page_url))
    partner = LANGUAGES.partner(lang).code
    pairs = view.xpath("//div[contains(concat(' ', @class, ' '), ' cq-pair ')]")
    # The h1 holds both titles; every other block is one pair, in the page's order.
    assert [p.get("id") for p in pairs if p.get("id")] == single[1:]
    for pair in pairs:
        sides = pair.xpath("div[@class='cq-pair__side']")
        assert [s.get("lang") for s in sides] == [lang, partner], pair.get("id")
        assert all(" ".join(s.text_content().split()) for s in sides), pair.get("id")
    assert len(view.xpath("//h1")) == 1
    assert view.xpath("//html/@lang") == [lang]
    # Search engines index the text on its page: the view's canonical URL is the page's.
    assert view.xpath("//link[@rel='canonical']/@href") == read(built_site, page_url).xpath(
        "//link[@rel='canonical']/@href"
    )
    assert view.xpath("//link[@hreflang]") == []


@pytest.mark.parametrize("lang", LANGUAGES.codes)
def test_a_page_links_its_view_and_its_paragraphs_have_a_pilcrow(built_site, lang):
    doc = read(built_site, urls.page_url("story/the-deal.md", lang))
    assert doc.xpath("//p[@class='cq-bilingual-link']/a/@href") == ["bilingual.html"]
    marks = doc.xpath("//article//a[contains(@class, 'cq-pilcrow')]")
    assert len(marks) > 30
    for mark in marks:
        assert mark.text == "¶"
        assert (
            mark.getparent().get("id") == mark.get("href")[1:]
            or mark.getparent().getparent().get("id") == mark.get("href")[1:]
        )


def test_the_views_are_neither_searched_nor_in_the_sitemap(built_site):
    for lang in LANGUAGES.codes:
        index = json.loads(
            (built_site / LANGUAGES.root(lang) / "search" / "search_index.json").read_text("utf-8")
        )
        assert not [d["location"] for d in index["docs"] if "bilingual" in d["location"]]
    assert "bilingual" not in (built_site / "sitemap.xml").read_text("utf-8")


def test_a_page_not_in_the_view_links_none(built_site):
    doc = read(built_site, urls.page_url("timeline.md", "en"))
    assert doc.xpath("//p[@class='cq-bilingual-link']") == []
    assert not (built_site / "en" / "timeline" / "bilingual.html").exists()


def _edit(project, path, old, new):
    page = project / path
    text = page.read_text(encoding="utf-8")
    assert old in text
    page.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_paragraph_without_its_marker_stops_the_build(tmp_path):
    project = copy_project(tmp_path / "project")
    _edit(project, "docs/en/story/the-deal.md", "{¶ the-report-2} ", "")
    result = run_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert (
        "docs/en/story/the-deal.md: a block without an alignment id: 'A mini program is a lightweight"
        in result.output
    )
    assert "Traceback" not in result.output


def test_ids_that_differ_between_the_languages_stop_the_build(tmp_path):
    project = copy_project(tmp_path / "project")
    _edit(project, "docs/en/story/the-deal.md", "{¶ the-report-2}", "{¶ the-report-9}")
    result = run_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "p-the-report-2 is in docs/zh-Hant/story/the-deal.md only" in result.output
    assert "p-the-report-9 is in docs/en/story/the-deal.md only" in result.output
    assert "Traceback" not in result.output
