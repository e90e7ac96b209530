"""Citations in the built site: every page, in both languages, carries the same
description in its citation_* tags, its JSON-LD and its "Cite this page" box,
and the URL in all of them is the page's canonical URL."""

from __future__ import annotations

import json
from pathlib import Path

import bibtexparser
import pytest
from chaiqiang.site_meta import load_site_meta
from lxml import html

from tests.conftest import ROOT

STYLE_ORDER = {
    "zh-Hant": ["gb-t-7714", "apa", "mla", "chicago", "bibtex", "ris", "csl-json"],
    "en": ["apa", "mla", "chicago", "gb-t-7714", "bibtex", "ris", "csl-json"],
}


def pages(site: Path) -> list[Path]:
    out = []
    for path in sorted(site.rglob("index.html")):
        rel = path.relative_to(site).as_posix()
        if rel.startswith(("assets/", "search/")):
            continue
        out.append(path)
    return out


@pytest.fixture(scope="module")
def meta():
    return load_site_meta(ROOT / "data" / "site.yaml", environ={})


@pytest.fixture(scope="module")
def parsed(built_site):
    return {p.relative_to(built_site).as_posix(): html.fromstring(p.read_bytes()) for p in pages(built_site)}


def head_tags(tree) -> dict[str, list[str]]:
    tags: dict[str, list[str]] = {}
    for meta in tree.xpath("//head/meta[starts-with(@name, 'citation_')]"):
        tags.setdefault(meta.get("name"), []).append(meta.get("content"))
    return tags


def json_ld(tree) -> dict:
    (script,) = tree.xpath("//head/script[@type='application/ld+json']")
    return json.loads(script.text)


def test_there_are_pages_in_both_languages(parsed):
    assert any(p.startswith("en/") for p in parsed) and any(not p.startswith("en/") for p in parsed)
    assert {"cite/index.html", "en/cite/index.html", "versions/index.html", "en/versions/index.html"} <= set(
        parsed
    )


def test_every_page_has_consistent_citation_tags_and_json_ld(parsed, meta):
    for path, tree in parsed.items():
        lang = tree.get("lang")
        (canonical,) = tree.xpath("//head/link[@rel='canonical']/@href")
        tags = head_tags(tree)
        names = [
            "citation_title",
            "citation_author",
            "citation_publication_date",
            "citation_online_date",
            "citation_language",
            "citation_public_url",
            "citation_publisher",
        ]
        for name in names:
            assert len(tags.get(name, [])) == 1, f"{path}: {name} appears {len(tags.get(name, []))} times"
        tag = {name: values[0] for name, values in tags.items()}
        assert tag["citation_public_url"] == canonical, path
        assert tag["citation_language"] == lang, path
        # An institution: "Name," so that reference managers do not split it into first and last names.
        assert tag["citation_author"] == meta.author[lang] + ",", path
        assert tag["citation_publisher"] == meta.publisher[lang], path
        assert tag["citation_title"], path

        data = json_ld(tree)
        assert data["@context"] == "https://schema.org" and data["@type"] == "WebPage", path
        assert data["url"] == data["@id"] == canonical, path
        assert data["inLanguage"] == lang, path
        assert data["name"] == tag["citation_title"], path
        assert data["dateModified"].replace("-", "/") == tag["citation_publication_date"], path
        assert data["datePublished"].replace("-", "/") == tag["citation_online_date"], path
        assert data["version"] == meta.version, path
        assert data["license"] == meta.license.text_and_data_url, path
        assert data["author"]["name"] == meta.author[lang], path
        assert data["isBasedOn"]["datePublished"] == meta.source.date, path
        assert data["isPartOf"]["url"] == (meta.url if lang == "zh-Hant" else meta.url + "en/"), path


def test_a_page_and_its_translation_describe_the_same_version(parsed):
    for path, tree in parsed.items():
        if path.startswith("en/"):
            continue
        zh, en = json_ld(tree), json_ld(parsed["en/" + path])
        for key in ("datePublished", "dateModified", "version", "license"):
            assert zh[key] == en[key], f"{path}: {key}"


def test_every_page_has_a_cite_box_with_every_format(parsed):
    for path, tree in parsed.items():
        lang = tree.get("lang")
        (canonical,) = tree.xpath("//head/link[@rel='canonical']/@href")
        (box,) = tree.xpath("//details[@id='cite-this-page']")
        summary = box.xpath("./summary")[0].text_content().strip()
        assert summary == ("引用本頁" if lang == "zh-Hant" else "Cite this page"), path
        blocks = box.xpath(".//div[@data-format]")
        assert [b.get("data-format") for b in blocks] == STYLE_ORDER[lang], path
        texts = {b.get("data-format"): b.xpath(".//pre")[0].text_content() for b in blocks}
        for key in ("gb-t-7714", "apa", "mla", "chicago", "ris"):
            assert canonical in texts[key], f"{path}: {key} does not cite {canonical}"
        (csl,) = json.loads(texts["csl-json"])
        assert csl["URL"] == canonical and csl["language"] == lang, path
        (entry,) = bibtexparser.parse_string(texts["bibtex"]).entries
        assert entry.fields_dict["url"].value == canonical, path
        # Every format has a preview (the styles) or not (exports), and a text with a copy
        # button aimed at it (unique ids, so the button copies this format and no other).
        for block in blocks:
            (pre,) = block.xpath(".//pre[@id]")
            (button,) = block.xpath(".//button[@data-clipboard-target]")
            assert button.get("data-clipboard-target") == "#" + pre.get("id"), path
            assert len(tree.xpath(f"//*[@id='{pre.get('id')}']")) == 1, path


def test_the_cite_page_shows_every_kind_of_example(parsed, meta):
    kinds = ["site", "page", "section", "event", "figure", "dataset", "article", "as-cited-in"]
    for path in ("cite/index.html", "en/cite/index.html"):
        tree = parsed[path]
        examples = tree.xpath("//div[@data-example]")
        assert [e.get("data-example") for e in examples] == kinds, path
        by_kind = {e.get("data-example"): e for e in examples}
        assert by_kind["section"].xpath(".//a/@href")[0].endswith("/story/blocking-war/#prisoners-dilemma")
        assert by_kind["event"].xpath(".//a/@href")[0].endswith("/timeline/#evt-2013-taobao-blocks-wechat")
        assert by_kind["figure"].xpath(".//a/@href")[0].endswith("/figures/#fig-wechat-mau-2024-06")
        as_cited = by_kind["as-cited-in"].xpath(".//pre")[0].text_content()
        assert as_cited.startswith(
            f"({meta.source.author['zh-Hant' if path.startswith('cite') else 'en']}, 2025, as cited in "
        )


def test_the_versions_page_lists_the_current_version(parsed, meta):
    for path in ("versions/index.html", "en/versions/index.html"):
        tree = parsed[path]
        entries = tree.xpath("//section[contains(@class,'chaiqiang-versions__entry')]")
        ids = [e.xpath(".//h3/@id")[0] for e in entries]
        assert ids == ["v" + v.version.replace(".", "-") for v in meta.changelog], path
        heading = entries[0].xpath(".//h3")[0].text_content()
        assert meta.version in heading, path
        lang = tree.get("lang")
        assert meta.changelog[0].changes[lang][0] in entries[0].text_content(), path
