"""What every built page tells search engines, sharers and printers (chaiqiang.edition_info):
its own description, Open Graph tags, the footer's edition line with the PDF
edition, a named search dialog, and the line printed at its top."""

from __future__ import annotations

import posixpath
from pathlib import Path

import pytest
from chaiqiang import edition_info, strings
from chaiqiang.languages import LANGUAGES
from lxml import html

LANG_ROOTS = {"zh-Hant": "", "en": "en/"}


def pages(site: Path) -> list[tuple[str, str]]:
    """(language, path relative to the site root) of every page but the 404s."""
    out = []
    for path in sorted(site.rglob("index.html")):
        rel = path.relative_to(site).as_posix()
        if rel.startswith(("assets/", "downloads/")):
            continue
        out.append(("en" if rel.startswith("en/") else "zh-Hant", rel))
    return out


@pytest.fixture(scope="module")
def parsed(built_site):
    return {rel: (lang, html.fromstring((built_site / rel).read_bytes())) for lang, rel in pages(built_site)}


def meta(tree, attr: str, name: str) -> list[str]:
    return tree.xpath(f"//head/meta[@{attr}='{name}']/@content")


def test_every_page_has_its_own_description(parsed):
    seen: dict[tuple[str, str], str] = {}
    for rel, (lang, tree) in parsed.items():
        descriptions = meta(tree, "name", "description")
        assert len(descriptions) == 1, f"{rel}: {len(descriptions)} meta descriptions"
        text = descriptions[0].strip()
        assert 40 <= len(text) <= 300 or (lang == "zh-Hant" and 20 <= len(text) <= 160), f"{rel}: {text!r}"
        other = seen.get((lang, text))
        assert other is None, f"{rel} and {other} share the description {text!r}"
        seen[(lang, text)] = rel
    assert len(seen) == len(parsed) >= 20


def test_open_graph_tags_describe_the_page_in_its_language(parsed, site_url):
    for rel, (lang, tree) in parsed.items():
        canonical = tree.xpath("//head/link[@rel='canonical']/@href")
        assert meta(tree, "property", "og:url") == canonical, rel
        assert canonical[0].startswith(site_url)
        assert meta(tree, "property", "og:locale") == [LANGUAGES.get(lang).og_locale], rel
        assert meta(tree, "property", "og:description") == meta(tree, "name", "description"), rel
        title = meta(tree, "property", "og:title")
        assert len(title) == 1 and title[0].strip(), rel
        assert meta(tree, "property", "og:type") == (
            ["website"] if rel in ("index.html", "en/index.html") else ["article"]
        )
        site_name = meta(tree, "property", "og:site_name")
        assert site_name == [{"zh-Hant": "拆牆", "en": "Tearing Down the Walls"}[lang]], rel


def test_the_footer_links_the_pdf_edition_only_once_it_is_there(parsed, built_site):
    """A plain build has no PDF: the footer's PDF line waits in a comment, which `dev.py pdf`
    turns on for the pages of each language whose PDF it put in the site."""
    for rel, (lang, tree) in parsed.items():
        assert tree.xpath("//footer//a[@type='application/pdf']") == [], rel
        [off] = edition_info.PDF_LINE_OFF.findall((built_site / rel).read_text(encoding="utf-8"))
        links = html.fragment_fromstring(off, create_parent="div").xpath(".//a[@type='application/pdf']")
        assert len(links) == 1, rel
        target = posixpath.normpath(posixpath.join(posixpath.dirname(rel), links[0].get("href")))
        assert target == edition_info.pdf_path(lang), rel
        assert "PDF" in links[0].text_content()
        footer = " ".join(
            tree.xpath("//footer//div[contains(@class,'md-copyright')]")[0].text_content().split()
        )
        assert strings.group(lang, "edition")["version"] in footer and "CC BY 4.0" in footer, rel
        assert "Material for MkDocs" not in footer


def test_the_search_dialog_has_a_name(parsed):
    for rel, (lang, tree) in parsed.items():
        dialog = tree.xpath("//*[@data-md-component='search'][@role='dialog']")
        assert dialog and dialog[0].get("aria-label") == {"zh-Hant": "搜尋", "en": "Search"}[lang], rel


def test_a_printed_page_says_where_it_came_from(parsed):
    for rel, (lang, tree) in parsed.items():
        head = tree.xpath("//article//p[contains(@class,'cq-print-head')]")
        assert len(head) == 1, rel
        text = " ".join(head[0].text_content().split())
        canonical = tree.xpath("//head/link[@rel='canonical']/@href")[0]
        assert canonical in text and "0." in text, f"{rel}: {text!r}"
        assert {"zh-Hant": "拆牆", "en": "Tearing Down the Walls"}[lang] in text
