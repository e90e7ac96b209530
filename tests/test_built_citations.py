"""Citations in the built site: every page, in both languages, carries the same
description in its citation_* tags, its JSON-LD and its "Cite this page" box.
The references, the exports and `citation_public_url` name the page's permanent
address (the page in the current version's archived edition); the JSON-LD names
the canonical URL (the latest address) and the permanent one as `archivedAt`."""

from __future__ import annotations

import json
from pathlib import Path

import bibtexparser
import pytest
from chaiqiang import editions, urls
from chaiqiang.site_meta import load_site_meta
from lxml import html

from tests.conftest import ROOT

STYLE_ORDER = {
    "zh-Hant": ["apa", "gb-t-7714", "mla", "chicago", "bibtex", "ris", "csl-json"],
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


def permanent(meta, path: str) -> str:
    """The permanent address of a built page (en/about/index.html)."""
    return editions.permanent_url(meta.url, meta.version, urls.hosted_path(path))


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
        assert tag["citation_public_url"] == permanent(meta, path), path
        assert "/editions/" in tag["citation_public_url"] and canonical != tag["citation_public_url"], path
        assert tag["citation_language"] == lang, path
        # An institution: "Name," so that reference managers do not split it into first and last names.
        assert tag["citation_author"] == meta.author[lang] + ",", path
        assert tag["citation_publisher"] == meta.publisher[lang], path
        assert tag["citation_title"], path

        data = json_ld(tree)
        assert data["@context"] == "https://schema.org" and data["@type"] == "WebPage", path
        assert data["url"] == data["@id"] == canonical, path
        assert data["archivedAt"] == tag["citation_public_url"], path
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


def test_every_page_has_a_cite_box_with_every_format(parsed, meta):
    for path, tree in parsed.items():
        lang = tree.get("lang")
        (canonical,) = tree.xpath("//head/link[@rel='canonical']/@href")
        cited = permanent(meta, path)
        (box,) = tree.xpath("//details[@id='cite-this-page']")
        summary = box.xpath("./summary")[0].text_content().strip()
        assert summary == ("引用本頁" if lang == "zh-Hant" else "Cite this page"), path
        blocks = box.xpath(".//div[@data-format]")
        assert [b.get("data-format") for b in blocks] == STYLE_ORDER[lang], path
        texts = {b.get("data-format"): b.xpath(".//pre")[0].text_content() for b in blocks}
        for key in ("gb-t-7714", "apa", "mla", "chicago", "ris"):
            assert cited in texts[key], f"{path}: {key} does not cite {cited}"
            assert canonical not in texts[key].replace(cited, ""), f"{path}: {key} cites the latest address"
        (csl,) = json.loads(texts["csl-json"])
        assert csl["URL"] == cited and csl["language"] == lang, path
        (entry,) = bibtexparser.parse_string(texts["bibtex"]).entries
        assert entry.fields_dict["url"].value == cited, path
        # The box links the permanent address and the latest one.
        addresses = box.xpath(".//a[@data-cite-address]/@href")
        assert addresses == [cited, canonical], path
        # The current version's edition is made on release, after this build (sitecheck skips it).
        assert box.xpath(".//a[@data-artifact]/@href") == [cited], path
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
        # Every worked example (but the article's) cites a permanent address, in every format.
        base = editions.base_url(meta.url, meta.version)
        for kind in ("site", "page", "section", "event", "figure", "dataset", "as-cited-in"):
            (href,) = by_kind[kind].xpath(".//p/a[@data-artifact]/@href")
            assert href.startswith(base), f"{path}: {kind}: {href}"
            for block in by_kind[kind].xpath(".//div[@data-format]"):
                assert href in block.xpath(".//pre")[-1].text_content(), (
                    f"{path}: {kind}: {block.get('data-format')}"
                )
        assert not by_kind["article"].xpath(".//p/a"), path
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


def test_the_box_offers_sections_events_figures_and_paragraphs_with_their_references(parsed, meta):
    for path, kinds in (
        ("timeline/index.html", {"section", "event"}),
        ("en/timeline/index.html", {"section", "event"}),
        ("figures/index.html", {"section", "figure"}),
        ("en/figures/index.html", {"section", "figure"}),
        ("en/story/blocking-war/index.html", {"section", "paragraph"}),
    ):
        tree = parsed[path]
        (box,) = tree.xpath("//details[@id='cite-this-page']")
        (select,) = box.xpath(".//select[@data-cite-parts]")
        assert select.xpath("ancestor::p[1]/@hidden") == [""], path  # shown by the script only
        options = select.xpath(".//optgroup/option/@value")
        # Every option is an anchor of the page: a heading, an event or a figure.
        for anchor in options:
            assert tree.xpath(f"//*[@id='{anchor}']"), f"{path}: #{anchor}"
        if "event" in kinds:
            assert {e.get("id") for e in tree.xpath("//li[starts-with(@id, 'evt-')]")} <= set(options), path
        if "figure" in kinds:
            assert {f.get("id") for f in tree.xpath("//tr[starts-with(@id, 'fig-')]")} <= set(options), path
        assert len(select.xpath("./optgroup")) == len(kinds), path
        (script,) = box.xpath(f".//script[@id='{select.get('data-cite-parts')}']")
        data = json.loads(script.text)
        styles = [b.get("data-format") for b in box.xpath(".//div[@data-format][p]")]
        assert data["styles"] == styles, path
        # A paragraph is cited as its section is (or the page, before the first
        # section), at its own anchor: reader.js adds it to the address.
        aliases = data.get("alias", {})
        if "paragraph" in kinds:
            paragraphs = {p.get("id") for p in tree.xpath("//article//*[starts-with(@id, 'p-')]")}
            assert set(aliases) == paragraphs and paragraphs <= set(options), path
            assert set(aliases.values()) - {""} <= set(data["refs"]), path
        assert list(data["refs"]) + list(aliases) == options, path
        for anchor, refs in data["refs"].items():
            assert len(refs) == len(styles), path
            for segments in refs:
                assert f"{permanent(meta, path)}#{anchor}" in "".join(segments), f"{path}: #{anchor}"


def test_a_page_without_sections_has_no_picker(parsed):
    for path in ("glossary/index.html", "en/glossary/index.html"):
        (box,) = parsed[path].xpath("//details[@id='cite-this-page']")
        assert not box.xpath(".//select") and not box.xpath(".//script"), path
