"""A story section printed from the browser: no navigation or search, where its
links go, the site's title, version and URL, white paper even from the dark
palette; timeline events and table rows are not split across pages."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from tests.conftest import IN_CI

STORY = {"zh-Hant": "story/the-deal/", "en": "en/story/the-deal/"}
TITLE = {"zh-Hant": "拆牆", "en": "Tearing Down the Walls"}
CHROME = (".md-header", ".md-tabs", ".md-sidebar", ".md-search", ".md-footer", ".md-top", ".md-skip")


def compact(text: str) -> str:
    return re.sub(r"\s+", "", text)


def pdftotext(pdf: bytes, tmp_path) -> str:
    tool = shutil.which("pdftotext")
    if tool is None:
        reason = "pdftotext is missing: apt-get install poppler-utils"
        pytest.fail(f"CI is set but {reason}") if IN_CI else pytest.skip(reason)
    path = tmp_path / "print.pdf"
    path.write_bytes(pdf)
    return subprocess.run(
        [tool, "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True, text=True
    ).stdout


@pytest.fixture
def printed(browser, site_server):
    """A tab showing a page as the printer sees it, from the dark palette."""
    context = browser.new_context(viewport={"width": 1280, "height": 800}, color_scheme="dark")
    tab = context.new_page()

    def open_(path: str):
        tab.goto(site_server + path, wait_until="load")
        assert tab.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
        nav = tab.eval_on_selector_all(
            ".md-sidebar--primary .md-nav__link", "els => els.map(e => e.textContent.trim())"
        )
        tab.emulate_media(media="print")
        # reader.js marks the links when the page turns to print.
        tab.wait_for_function("document.querySelector('.md-content a[data-print-href]') !== null")
        return nav

    yield tab, open_
    context.close()


@pytest.mark.parametrize("lang", STORY)
def test_a_story_section_prints_clean(printed, lang, tmp_path, site_url):
    tab, open_ = printed
    nav_texts = open_(STORY[lang])
    for selector in CHROME:
        for element in tab.query_selector_all(selector):
            assert not element.is_visible(), f"{selector} shows on paper"
    # White paper and dark text, though the screen was in the dark palette.
    colours = tab.evaluate(
        """() => [getComputedStyle(document.body).backgroundColor,
                  getComputedStyle(document.querySelector('article p:not(.cq-print-head)')).color]"""
    )
    assert colours[0] == "rgb(255, 255, 255)"
    rgb = [int(v) for v in re.findall(r"\d+", colours[1])[:3]]
    assert max(rgb) < 100, f"body text {colours[1]} is not dark on paper"
    # The printed page names its site, version and address.
    head = tab.inner_text("article .cq-print-head")
    canonical = site_url + STORY[lang]
    assert TITLE[lang] in head and canonical in head and re.search(r"\d+\.\d+\.\d+", head)

    # Every link in the text shows its address on paper, absolute to the published site.
    shown = tab.eval_on_selector_all(
        "article a[data-print-href]",
        "els => els.map(a => [a.getAttribute('href'), getComputedStyle(a, '::after').content])",
    )
    assert shown
    for href, after in shown:
        assert site_url in after or "http" in after, f"{href}: prints {after!r}"
    internal = [after for href, after in shown if not href.startswith("http")]
    assert internal and all(site_url in after for after in internal)

    text = pdftotext(tab.pdf(), tmp_path)
    flat = compact(text)
    assert compact(canonical) in flat
    article_text = compact(tab.inner_text("article"))
    for item in nav_texts:
        if item and compact(item) not in article_text:
            assert compact(item) not in flat, f"the navigation's {item!r} is printed"


@pytest.mark.parametrize(("path", "selector"), [("en/timeline/", ".cq-event"), ("figures/", "tr")])
def test_events_and_table_rows_are_kept_whole(printed, path, selector):
    tab, open_ = printed
    open_(path)
    breaks = tab.eval_on_selector_all(selector, "els => els.map(e => getComputedStyle(e).breakInside)")
    assert breaks and set(breaks) == {"avoid"}
