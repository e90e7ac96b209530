"""The built site as a reader meets it: languages, switcher, 404 pages, nothing from outside."""

from __future__ import annotations

import re
from pathlib import Path

from lxml import html

from tools.checks.sitecheck import check_site
from tools.common import ROOT


def parse(path: Path) -> html.HtmlElement:
    return html.fromstring(path.read_bytes())


def zh_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("index.html") if not p.relative_to(site).as_posix().startswith("en/"))


def test_site_checker_finds_nothing(built_site, site_url):
    # Links into archived editions are checked against their manifests, and into the
    # current version's edition against this build (which that edition freezes).
    from chaiqiang import editions
    from chaiqiang.site_meta import load_site_meta

    version = load_site_meta(ROOT / "data" / "site.yaml", environ={}).version
    findings = check_site(built_site, site_url, editions=editions.read_all(ROOT), version=version)
    assert findings == [], "\n".join(map(str, findings))


def test_every_page_exists_in_both_languages(built_site):
    pages = zh_pages(built_site)
    assert len(pages) >= 2
    for page in pages:
        rel = page.relative_to(built_site)
        assert (built_site / "en" / rel).is_file(), f"no English counterpart for {rel}"


def test_chinese_is_the_default_at_the_root(built_site):
    root = parse(built_site / "index.html")
    assert root.get("lang") == "zh-Hant"
    assert parse(built_site / "en" / "index.html").get("lang") == "en"


def test_theme_strings_site_name_and_nav_follow_the_language(built_site):
    zh = parse(built_site / "index.html")
    en = parse(built_site / "en" / "index.html")
    # Material's own UI strings (the search box) come from its zh-Hant and en translations.
    assert zh.xpath("//input[@name='query']/@placeholder") == ["搜尋"]
    assert en.xpath("//input[@name='query']/@placeholder") == ["Search"]
    zh_title = " ".join(zh.xpath("//header//span[contains(@class,'md-ellipsis')]/text()"))
    en_title = " ".join(en.xpath("//header//span[contains(@class,'md-ellipsis')]/text()"))
    assert "拆牆" in zh_title
    assert "Tearing Down the Walls" in en_title
    zh_nav = {
        t.strip() for t in zh.xpath("//nav[contains(@class,'md-nav--primary')]//a//text()") if t.strip()
    }
    en_nav = {
        t.strip() for t in en.xpath("//nav[contains(@class,'md-nav--primary')]//a//text()") if t.strip()
    }
    assert "關於本站" in zh_nav
    assert "About this site" in en_nav and "關於本站" not in en_nav


def test_each_language_has_its_own_404_page_with_working_switcher(built_site):
    zh = parse(built_site / "404.html")
    en = parse(built_site / "en" / "404.html")
    assert zh.get("lang") == "zh-Hant" and en.get("lang") == "en"
    assert "找不到" in zh.text_content()
    assert "Page not found" in en.text_content()
    for page in (zh, en):
        switcher = dict(
            (a.get("hreflang"), a.get("href")) for a in page.xpath("//a[contains(@class,'md-select__link')]")
        )
        assert switcher == {"zh-Hant": "/404.html", "en": "/en/404.html"}
    # The 404 page is served at any depth: its links must be absolute.
    assert "/en/" in en.xpath("//article//a/@href")


def test_no_theme_font_is_fetched(built_site):
    for page in (built_site / "index.html", built_site / "en" / "index.html"):
        text = page.read_text(encoding="utf-8")
        assert "fonts.googleapis.com" not in text and "fonts.gstatic.com" not in text


def test_every_script_waits_until_the_text_is_on_screen(built_site):
    # A script file that blocks the parser at the end of the body runs before the
    # browser paints the article: readers on slow phones stared at a bare header.
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 20
    for page in pages:
        for script in parse(page).xpath("//script[@src]"):
            assert script.get("defer") is not None, (
                f"{page.relative_to(built_site)}: {script.get('src')} is not deferred"
            )


def test_chinese_on_english_pages_is_marked_as_chinese(built_site):
    # A screen reader reads text in the voice of its nearest lang: without the
    # mark it reads 藍海億觀網 on an English page with an English voice, or not at all.
    han = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
    pages = sorted((built_site / "en").rglob("*.html"))
    assert len(pages) > 10
    unmarked, marked = [], 0
    for page in pages:
        tree = parse(page)
        texts = "//body//text()[not(ancestor::script or ancestor::style or ancestor::*[local-name()='svg'])]"
        for text in tree.xpath(texts):
            if not han.search(text):
                continue
            lang = text.getparent().xpath("ancestor-or-self::*[@lang][1]/@lang")
            if lang == ["zh-Hant"]:
                marked += 1
            else:
                unmarked.append(f"{page.relative_to(built_site)}: {text.strip()[:30]!r} under lang={lang}")
    assert unmarked == [], "\n".join(unmarked[:20])
    assert marked > 100  # the English pages name many things in Chinese


def test_every_page_s_heading_has_its_own_readable_id_in_both_languages(built_site):
    """Each page's h1 carries an explicit id (`# 標題 {#id}`), the same in both languages:
    Python-Markdown gives a Chinese heading `_1`, and the skip link would point there."""
    generated = re.compile(r"^_\d+$")
    for page in zh_pages(built_site):
        rel = page.relative_to(built_site)
        ids = []
        for path in (page, built_site / "en" / rel):
            [h1] = parse(path).xpath("//article//h1")
            assert h1.get("id") and not generated.match(h1.get("id")), f"{path}: h1 id {h1.get('id')!r}"
            ids.append(h1.get("id"))
            # The skip link leads to it.
            assert parse(path).xpath("//a[contains(@class,'md-skip')]/@href") == ["#" + h1.get("id")], path
        assert ids[0] == ids[1], f"{rel}: h1 ids differ between languages: {ids}"


def test_footnote_back_links_are_titled_in_the_page_s_language(built_site):
    # Material shows the title as a tooltip; Python-Markdown's own is English on every page.
    seen = {"zh-Hant": 0, "en": 0}
    for page in sorted(built_site.rglob("*.html")):
        doc = parse(page)
        for link in doc.xpath("//a[contains(@class, 'footnote-backref')]"):
            lang = link.xpath("string(ancestor-or-self::*[@lang][1]/@lang)")
            title = link.get("title")
            if lang == "zh-Hant":
                assert re.fullmatch(r"回到內文中的註腳 \d+", title), (page, title)
            else:
                assert re.fullmatch(r"Jump back to footnote \d+ in the text", title), (page, title)
            seen[lang] += 1
    assert seen["zh-Hant"] > 10 and seen["en"] > 10, seen
