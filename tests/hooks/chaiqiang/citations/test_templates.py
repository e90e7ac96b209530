"""The citation templates (overrides/chaiqiang/citations/) rendered on their own."""

from __future__ import annotations

import json
from dataclasses import replace

import jinja2
from chaiqiang import templates
from chaiqiang.citations import items, render
from chaiqiang.citations.fragments import Fragment
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
        .render(changelog=meta.changelog, lang="zh-Hant", page_links=links, **editions_context("zh-Hant"))
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
        .render(changelog=meta.changelog, lang="en", page_links=links, **editions_context("en"))
    )
    assert en.xpath("//h3")[0].text_content() == "Version 1.1.0 (2 March 2027)"
    # Each version's archived edition: its address, the manifest's checksum, the commit, the
    # downloads; a version without one says when it comes.
    block = en.xpath("//dl[@id='edition-1-0-0']")[0]
    text = block.text_content()
    assert "https://walls.example/editions/1.0.0/en/" in text and "ab" * 32 in text and "c0ffee" in text
    assert block.xpath(".//a/@href") == [
        "../../editions/1.0.0/en/",
        "../../editions/1.0.0/manifest.json",
        "../../editions/1.0.0/en/downloads/chaiqiang-en.pdf",
    ]
    assert "PDF edition (English) (0.7 MB)" in text
    pending = en.xpath("//section")[0].xpath(".//p[contains(@class, 'cq-edition--pending')]")
    assert pending and "made when it is released" in pending[0].text_content()


def editions_context(lang: str) -> dict:
    from chaiqiang import editions as ed
    from chaiqiang.citations import site as citations_site

    manifest = ed.Manifest(
        version="1.0.0",
        date="2026-11-25",
        commit="c0ffee" + "0" * 34,
        built="2026-11-25T00:00:00Z",
        address="https://walls.example/editions/1.0.0/",
        downloads=(ed.Download("en/downloads/chaiqiang-en.pdf", "pdf", "en", 700_000, "f" * 64),),
        files={"en/downloads/chaiqiang-en.pdf": "f" * 64, "en/index.html": "e" * 64, "index.html": "d" * 64},
        sha256="ab" * 32,
    )
    here = "en/versions/" if lang == "en" else "versions/"
    return {
        "editions": {"1.0.0": citations_site.edition_view(manifest, lang, here)},
        "language_names": {"zh-Hant": "繁體中文", "en": "English"},
        "current_edition": None,
    }


PERMANENT = "https://walls.example/editions/1.1.0/en/story/blocking-war/"


def render_box(citation) -> html.HtmlElement:
    out = (
        env()
        .get_template("chaiqiang/citations/box.html")
        .render(citation=citation, citation_links={"cite": "../../cite/", "versions": "../../versions/"})
    )
    return html.fromstring(out)


def test_the_box_shows_every_format_with_preview_and_copy_block(meta, refs):
    citation = page_citation(meta, replace(refs["en"], permanent=PERMANENT))
    tree = render_box(citation)
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
    # The permanent address (which the references cite) and the latest one, as links.
    assert tree.xpath("//a/@href") == [PERMANENT, refs["en"].url, "../../cite/", "../../versions/"]
    assert all(PERMANENT in f.text for f in citation.formats)
    assert refs["en"].url not in "".join(f.text for f in citation.formats)
    text = " ".join(tree.text_content().split())
    assert (
        f"Permalink, in the archived edition of version 1.1.0: {PERMANENT}. It always shows this text" in text
    )
    assert f"Latest address: {refs['en'].url}. It leads to the newest version, which may change" in text
    # The old claim that the page's (latest) address is a permalink is gone.
    assert "address is a permalink" not in text
    # No parts to choose from: no picker and no data block.
    assert not tree.xpath("//select") and not tree.xpath("//script")


def test_inside_an_edition_the_box_names_the_editions_address(meta, refs):
    own = "https://walls.example/editions/1.1.0/story/blocking-war/"
    ref = replace(refs["zh-Hant"], url=own, permanent=own)
    tree = render_box(page_citation(meta, ref, edition="1.1.0"))
    text = " ".join(tree.text_content().split())
    assert f"這個存檔版本的永久連結：{own}。" in text
    assert "最新版本的網址" not in text
    assert tree.xpath("//a/@href")[:1] == [own]


PARTS = (
    Fragment("prisoners-dilemma", "section", "The prisoner's dilemma"),
    Fragment("evt-2013-taobao-blocks-wechat", "event", "2013: Taobao blocks WeChat <b>&</b>"),
    Fragment("fig-wechat-mau", "figure", "MAU (WeChat)"),
)


def test_the_box_offers_the_pages_parts_with_their_references(meta, refs):
    ref = replace(refs["en"], permanent=PERMANENT)
    citation = page_citation(meta, ref, PARTS)
    tree = render_box(citation)
    # The picker: hidden until the script runs, labelled, the page first, then each kind.
    (pick,) = tree.xpath("//p[contains(@class, 'chaiqiang-cite__pick')]")
    assert pick.get("hidden") is not None
    (select,) = pick.xpath(".//select")
    assert pick.xpath(".//label/@for") == [select.get("id")]
    assert pick.xpath(".//label")[0].text_content() == "What to cite"
    assert select.xpath("./option/@value") == [""]
    assert select.xpath("./optgroup/@label") == ["Sections", "Events", "Figures"]
    assert select.xpath(".//optgroup/option/@value") == [p.id for p in PARTS]
    assert select.xpath(".//optgroup/option")[1].text_content() == "2013: Taobao blocks WeChat <b>&</b>"
    # The data block: each part's references in the styles, in the box's order.
    (script,) = tree.xpath("//script")
    assert script.get("type") == "application/json" and script.get("id") == select.get("data-cite-parts")
    assert "<b>" not in script.text  # no markup can close the <script> element
    data = json.loads(script.text)
    styles = [f.key for f in citation.formats if f.is_style]
    assert data["styles"] == styles
    assert list(data["refs"]) == [p.id for p in PARTS]
    for part in PARTS:
        item = items.fragment_item(meta, ref, part.id, part.label)
        for style, segments in zip(styles, data["refs"][part.id], strict=True):
            rendered = render.render(item, style, "en")
            assert "".join(segments) == rendered.text
            assert segments[1::2] == [t for t, italic in rendered.segments if italic]
        assert f"{PERMANENT}#{part.id}" in "".join(data["refs"][part.id][0])
    # The box itself still cites the page.
    assert tree.xpath("//div[@data-format='apa']//pre")[0].text_content() == citation.formats[0].text


def test_an_example_escapes_what_it_shows(meta):
    shown = example(meta, "article", "en")
    out = (
        env()
        .get_template("chaiqiang/citations/example.html")
        .render(example=shown, lang="en", prefix="cite-ex-1")
    )
    assert "<script" not in out
    assert html.fromstring(out).xpath("//div[@data-format='csl-json']//pre")[0].text_content().startswith("[")
