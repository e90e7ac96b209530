"""References that hold, in the built site: every link to a source (the
footnotes' ../sources.md#src-…, the data blocks' sources/#src-…) in both
languages lands on an entry of the Sources page and of its bibliography
downloads; every entry is used somewhere; the downloads are linked, valid
and complete. Each check is a function, also shown to catch a planted fault."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import yaml
from chaiqiang.citations import bibliography
from chaiqiang.languages import LANGUAGES
from lxml import html

from tests.conftest import ROOT
from tests.hooks.chaiqiang.citations import checks

SOURCE_IDS = [s["id"] for s in yaml.safe_load((ROOT / "data" / "sources.yaml").read_text("utf-8"))["sources"]]
BASE = "https://site.invalid/"


def sources_page(lang: str) -> str:
    return f"{LANGUAGES.root(lang)}sources/"


def page_url(site: Path, path: Path) -> str:
    rel = path.relative_to(site).as_posix()
    return rel[: -len("index.html")] if rel.endswith("index.html") else rel


def reference_links(url: str, text: str) -> list[tuple[str, str, str]]:
    """(target page, source id, href) of every link in a page to a #src-… fragment."""
    found = []
    for href in html.fromstring(text).xpath("//a/@href"):
        parts = urlsplit(urljoin(BASE + url, href))
        if parts.fragment.startswith("src-") and parts.netloc == urlsplit(BASE).netloc:
            found.append((parts.path.lstrip("/"), parts.fragment.removeprefix("src-"), href))
    return found


def entries_of_page(text: str) -> set[str]:
    """The source ids the Sources page lists (its <li class="cq-source" id="src-…">)."""
    ids = html.fromstring(text).xpath("//li[contains(concat(' ', @class, ' '), ' cq-source ')]/@id")
    return {i.removeprefix("src-") for i in ids}


def broken_references(
    links: dict[str, list[tuple[str, str, str]]],
    page_entries: dict[str, set[str]],
    file_entries: dict[str, set[str]],
) -> list[str]:
    """Links whose target is not a Sources page, or whose id is not an entry of
    that page and of that language's bibliography downloads."""
    problems = []
    pages = {sources_page(lang): lang for lang in page_entries}
    for url, found in sorted(links.items()):
        for target, source_id, href in found:
            lang = pages.get(target)
            if lang is None:
                problems.append(f"{url}: {href} does not point to a Sources page")
            elif source_id not in page_entries[lang]:
                problems.append(f"{url}: {href}: no entry src-{source_id} on {target}")
            elif source_id not in file_entries[lang]:
                problems.append(f"{url}: {href}: src-{source_id} is not in {bibliography.folder(lang)}")
    return problems


USE_KEYS = {"source", "sources", "confirmed_by"}


def data_uses(documents: dict[str, object]) -> dict[str, set[str]]:
    """source id -> the data files that name it (events, figures, models: any
    `source`, `sources` or `confirmed_by`; a source's `as_cited_by`)."""
    uses: dict[str, set[str]] = {}

    def walk(value, where):
        if isinstance(value, dict):
            for key, inner in value.items():
                if key in USE_KEYS | {"as_cited_by"} and isinstance(inner, str | list):
                    for name in [inner] if isinstance(inner, str) else inner:
                        if isinstance(name, str):
                            uses.setdefault(name, set()).add(where)
                else:
                    walk(inner, where)
        elif isinstance(value, list):
            for inner in value:
                walk(inner, where)

    for name, document in documents.items():
        if name == "sources.yaml":
            for source in document["sources"]:
                if source.get("as_cited_by"):
                    uses.setdefault(source["as_cited_by"], set()).add(f"{name}: {source['id']}")
        else:
            walk(document, name)
    return uses


def unused(source_ids: list[str], uses: dict[str, set[str]]) -> list[str]:
    return [s for s in source_ids if not uses.get(s)]


def read_data_uses() -> dict[str, set[str]]:
    names = ("sources.yaml", "timeline.yaml", "figures.yaml", "models.yaml")
    return data_uses({n: yaml.safe_load((ROOT / "data" / n).read_text("utf-8")) for n in names})


# --- the built site ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def pages(built_site) -> dict[str, str]:
    return {page_url(built_site, p): p.read_text("utf-8") for p in sorted(built_site.rglob("*.html"))}


@pytest.fixture(scope="module")
def downloaded(built_site) -> dict[str, dict[str, str]]:
    """lang -> file name -> text, from each language's downloads folder."""
    return {
        lang: {
            name: (built_site / bibliography.folder(lang) / name).read_text("utf-8")
            for name in bibliography.FILES
        }
        for lang in LANGUAGES.codes
    }


def file_entries(downloaded) -> dict[str, set[str]]:
    return {
        lang: {i["id"].removesuffix(f"-{lang.lower()}") for i in json.loads(files["sources.json"])}
        for lang, files in downloaded.items()
    }


def page_entries(pages) -> dict[str, set[str]]:
    return {lang: entries_of_page(pages[sources_page(lang)]) for lang in LANGUAGES.codes}


def test_every_reference_on_every_page_resolves_to_a_bibliography_entry(pages, downloaded):
    links = {url: reference_links(url, text) for url, text in pages.items()}
    # Both languages' story pages cite sources in footnotes.
    for lang in LANGUAGES.codes:
        assert links[f"{LANGUAGES.root(lang)}story/blocking-war/"], lang
    assert broken_references(links, page_entries(pages), file_entries(downloaded)) == []


def test_the_sources_page_and_its_downloads_list_every_source(pages, downloaded):
    for lang in LANGUAGES.codes:
        assert page_entries(pages)[lang] == set(SOURCE_IDS), lang
        assert file_entries(downloaded)[lang] == set(SOURCE_IDS), lang


def test_every_bibliography_entry_is_used_somewhere(pages):
    uses = read_data_uses()
    for url, text in pages.items():
        if url in {sources_page(lang) for lang in LANGUAGES.codes}:
            continue  # the Sources page links every entry; that is not a use
        for _, source_id, _ in reference_links(url, text):
            uses.setdefault(source_id, set()).add(url)
    assert unused(SOURCE_IDS, uses) == []


def test_the_sources_page_links_the_downloads_of_its_language(built_site, pages):
    for lang in LANGUAGES.codes:
        url = sources_page(lang)
        hrefs = html.fromstring(pages[url]).xpath("//div[contains(@class,'cq-downloads')]//a/@href")
        targets = sorted(urlsplit(urljoin(BASE + url, h)).path.lstrip("/") for h in hrefs)
        assert targets == sorted(f"{bibliography.folder(lang)}{name}" for name in bibliography.FILES)
        assert all((built_site / t).is_file() for t in targets)


def test_the_downloads_are_valid_and_hold_no_placeholder(downloaded):
    for lang, files in downloaded.items():
        want = sorted(f"{s}-{lang.lower()}" for s in SOURCE_IDS)
        assert checks.csl_problems(files["sources.json"], want) == [], lang
        assert checks.bibtex_problems(files["sources.bib"], want) == [], lang
        assert checks.ris_problems(files["sources.ris"], len(want)) == [], lang
        problems = [
            p
            for item in json.loads(files["sources.json"])
            for p in checks.placeholder_problems(item, item["id"])
        ]
        assert problems == [], lang


# --- without a build ----------------------------------------------------------------------

MD_LINK = re.compile(r"\]\((?:\.\./)*sources\.md#src-([a-z0-9-]+)\)")


def test_every_footnote_in_the_markdown_names_a_source():
    problems = []
    for path in sorted((ROOT / "docs").rglob("*.md")):
        for source_id in MD_LINK.findall(path.read_text("utf-8")):
            if source_id not in SOURCE_IDS:
                problems.append(f"{path.relative_to(ROOT)}: src-{source_id} is not in data/sources.yaml")
    assert problems == []


# --- the checks catch planted faults -------------------------------------------------------

STORY = """<p>Blocked.<a href="../../sources/#src-porter-1979">1</a> Also
<a href="../../sources/#src-no-such-source">2</a>, <a href="../../timeline/#src-porter-1979">3</a>
and <a href="../../en/sources/#src-porter-1979">4</a> <a href="https://other.example/#src-x">5</a></p>"""


def test_the_link_check_catches_a_planted_broken_reference():
    links = {"story/blocking-war/": reference_links("story/blocking-war/", STORY)}
    assert [(t, s) for t, s, _ in links["story/blocking-war/"]] == [
        ("sources/", "porter-1979"),
        ("sources/", "no-such-source"),
        ("timeline/", "porter-1979"),
        ("en/sources/", "porter-1979"),
    ]
    entries = {lang: {"porter-1979"} for lang in LANGUAGES.codes}
    problems = broken_references(links, entries, entries)
    assert len(problems) == 2
    assert "no entry src-no-such-source" in problems[0] and "not point to a Sources page" in problems[1]
    # An entry on the page but missing from the downloads is caught too.
    missing = {lang: set() for lang in LANGUAGES.codes}
    assert broken_references({"x/": [("sources/", "porter-1979", "h")]}, entries, missing)


def test_the_page_entry_check_reads_the_sources_list():
    text = '<ol><li class="cq-source" id="src-a"></li><li id="src-b"></li></ol>'
    assert entries_of_page(text) == {"a"}


def test_the_use_check_catches_a_planted_unused_entry():
    uses = read_data_uses()
    assert "lanhai-2025-09-24" in uses and "goldman-sachs-report" in uses  # an event's and a figure's
    planted = data_uses(
        {
            "sources.yaml": {"sources": [{"id": "a"}, {"id": "b", "as_cited_by": "a"}, {"id": "c"}]},
            "timeline.yaml": {"events": [{"sources": ["b"], "confirmed_by": ["d"]}]},
        }
    )
    assert unused(["a", "b", "c", "d"], planted) == ["c"]


def test_the_markdown_check_reads_footnote_links():
    line = "[^x]: [Porter (1979)](../sources.md#src-porter-1979) and [y](sources.md#src-nope)."
    assert MD_LINK.findall(line) == ["porter-1979", "nope"]
