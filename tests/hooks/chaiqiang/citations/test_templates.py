"""The citation templates (overrides/chaiqiang/citations/) rendered on their own."""

from __future__ import annotations

import jinja2
from chaiqiang import templates
from chaiqiang.citations.page import example, page_citation
from lxml import html

from tests.conftest import ROOT


def env() -> jinja2.Environment:
    return templates.environment(ROOT)


def test_the_versions_list_names_dates_corrections_and_pages(meta):
    links = {
        "timeline.md": ("時間軸", "https://walls.example/timeline/"),
        "story/blocking-war.md": ("封鎖戰", "https://walls.example/story/blocking-war/"),
    }
    out = (
        env()
        .get_template("chaiqiang/citations/versions.html")
        .render(changelog=meta.changelog, lang="zh-Hant", page_links=links)
    )
    tree = html.fromstring(out)
    assert [h.text_content() for h in tree.xpath("//h3")] == [
        "版本 1.1.0（2027年3月2日）",
        "版本 1.0.1（2026年12月10日）",
        "版本 1.0.0（2026年11月25日）",
    ]
    assert tree.xpath("//h3/@id") == ["v1-1-0", "v1-0-1", "v1-0-0"]
    second = tree.xpath("//section")[1].text_content()
    assert "更正" in second and "支付寶關閉接口的年份是2014年。" in second
    assert tree.xpath("//section")[1].xpath(".//a/@href") == ["https://walls.example/story/blocking-war/"]
    assert "修改的頁面：全站" in " ".join(tree.xpath("//section")[2].text_content().split())

    en = html.fromstring(
        env()
        .get_template("chaiqiang/citations/versions.html")
        .render(changelog=meta.changelog, lang="en", page_links=links)
    )
    assert en.xpath("//h3")[0].text_content() == "Version 1.1.0 (2 March 2027)"


def test_the_box_shows_every_format_with_preview_and_copy_block(meta, refs):
    citation = page_citation(meta, refs["en"])
    out = (
        env()
        .get_template("chaiqiang/citations/box.html")
        .render(citation=citation, citation_links={"cite": "../../cite/", "versions": "../../versions/"})
    )
    tree = html.fromstring(out)
    assert tree.xpath("//summary")[0].text_content() == "Cite this page"
    assert tree.xpath("//label/text()") == [
        "APA 7th ed.",
        "MLA 9th ed.",
        "Chicago (author-date)",
        "GB/T 7714-2015",
        "BibTeX",
        "RIS",
        "CSL-JSON",
    ]
    apa = tree.xpath("//div[@data-format='apa']")[0]
    assert apa.xpath(".//p//i/text()") == [refs["en"].title]
    assert apa.xpath(".//pre")[0].text_content() == citation.formats[0].text
    # Its copy button names the format and targets that text.
    (button,) = apa.xpath(".//button")
    assert button.text_content() == "Copy APA 7th ed."
    assert button.get("data-clipboard-target") == "#" + apa.xpath(".//pre/@id")[0]
    assert "version 1.1.0" in tree.text_content() and "10 December 2026" in tree.text_content()
    assert tree.xpath("//a/@href") == ["../../cite/", "../../versions/"]


def test_an_example_escapes_what_it_shows(meta):
    shown = example(meta, "article", "en")
    out = (
        env()
        .get_template("chaiqiang/citations/example.html")
        .render(example=shown, lang="en", prefix="cite-ex-1")
    )
    assert "<script" not in out
    assert html.fromstring(out).xpath("//div[@data-format='csl-json']//pre")[0].text_content().startswith("[")
