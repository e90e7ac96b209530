"""Items, URLs, page dates and the markers of the How to cite and Versions pages."""

from __future__ import annotations

from pathlib import Path

import pytest
from chaiqiang import urls
from chaiqiang.citations import items
from chaiqiang.citations.site import CitationError, expand_markers, for_page, relative


@pytest.mark.parametrize(
    ("lang", "page", "url"),
    [
        ("zh-Hant", "index.md", ""),
        ("en", "index.md", "en/"),
        ("zh-Hant", "cite.md", "cite/"),
        ("en", "story/the-deal.md", "en/story/the-deal/"),
        ("en", "story/index.md", "en/story/"),
    ],
)
def test_site_paths_follow_mkdocs_directory_urls(lang, page, url):
    assert urls.page_url(page, lang) == url


def test_relative_links_between_pages():
    assert relative("en/story/the-deal/", "en/cite/") == "../../cite/"
    assert relative("", "versions/") == "versions/"
    assert relative("cite/", "cite/") == "./"
    assert relative("cite/", "") == "../"


def test_page_paths_drop_the_language_folder():
    assert urls.split_src("en/story/the-deal.md") == ("en", "story/the-deal.md")
    assert urls.split_src("zh-Hant/index.md") == ("zh-Hant", "index.md")


def test_page_dates_come_from_the_changelog(meta):
    # blocking-war: first in 1.0.0, changed in 1.0.1; the timeline changed in 1.1.0; others only in 1.0.0.
    assert meta.page_dates("story/blocking-war.md") == ("2026-11-25", "2026-12-10")
    assert meta.page_dates("timeline.md") == ("2026-11-25", "2027-03-02")
    assert meta.page_dates("about.md") == ("2026-11-25", "2026-11-25")


def test_a_fragment_is_the_page_plus_a_permalink(meta, refs):
    item = items.fragment_item(meta, refs["zh-Hant"], "evt-2013-x", "2013年：某事")
    assert item["URL"] == "https://walls.example/story/blocking-war/#evt-2013-x"
    assert item["title"] == "封鎖戰與解凍（2013–2023）：2013年：某事"
    assert item["id"] == "chaiqiang-story-blocking-war-evt-2013-x-zh-hant"


def test_for_page_gives_the_box_its_links(meta):
    citation, links = for_page(
        meta, "en", "Title", "https://walls.example/en/about/", "en/about.md", "en/about/"
    )
    assert links == {"cite": "../cite/", "versions": "../versions/"}
    assert citation.url == "https://walls.example/en/about/"
    assert citation.version == "1.1.0"
    assert citation.highwire[0][0] == "citation_title"


def write_page(docs: Path, lang: str, page: str, text: str) -> None:
    path = docs / lang / page
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def fake_render(name, **context):
    example = context.get("example")
    return f"[{name}:{example.kind if example else 'versions'}:{example.url if example else ''}]"


def test_markers_are_expanded_with_the_target_pages_heading(meta, tmp_path):
    write_page(tmp_path, "en", "story/x.md", "---\ntitle: X page\n---\n\n# X page\n\n## The part {#part}\n")
    # The pages the fixture's changelog names.
    write_page(tmp_path, "en", "timeline.md", "# Timeline\n")
    write_page(tmp_path, "en", "story/blocking-war.md", "---\ntitle: The blocking war\n---\n")
    html = (
        '<p>a</p>\n<div data-cite-example="section" data-page="story/x.md" data-fragment="part"></div>\n'
        "<div data-cite-versions></div>"
    )
    out = expand_markers(
        html, meta=meta, lang="en", docs_dir=tmp_path, where="docs/en/cite.md", render=fake_render
    )
    assert "[chaiqiang/citations/example.html:section:https://walls.example/en/story/x/#part]" in out
    assert "[chaiqiang/citations/versions.html:versions:]" in out
    assert "data-cite-" not in out


@pytest.mark.parametrize(
    ("marker", "message"),
    [
        (
            '<div data-cite-example="page" data-page="gone.md"></div>',
            "data-page: 'gone.md': docs/en/gone.md does not exist",
        ),
        (
            '<div data-cite-example="section" data-page="story/x.md" data-fragment="nope"></div>',
            "no heading with that id",
        ),
        ('<div data-cite-example="event" data-page="story/x.md"></div>', "needs an id and a label"),
        ('<div data-cite-example="quote"></div>', "unknown kind 'quote'"),
        ('<div data-cite-example="page" data-page="story/x.md">text</div>', "not an empty <div>"),
    ],
)
def test_bad_markers_stop_the_build_with_a_message(meta, tmp_path, marker, message):
    write_page(tmp_path, "en", "story/x.md", "---\ntitle: X\n---\n\n# X\n")
    with pytest.raises(CitationError) as info:
        expand_markers(
            marker, meta=meta, lang="en", docs_dir=tmp_path, where="docs/en/cite.md", render=fake_render
        )
    assert "docs/en/cite.md" in str(info.value)
    assert message in str(info.value)
