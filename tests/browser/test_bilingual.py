"""中英對照 as a reader sees it (chaiqiang.bilingual, docs/assets/stylesheets/bilingual.css):
each block beside its counterpart on a wide screen, one after the other on a phone,
never scrolling sideways; three reading modes, that work without JavaScript and are
remembered with it; pairs kept whole on paper; the same from the offline bundle."""

from __future__ import annotations

import pytest

from tests.browser.test_offline import Offline

VIEWS = {"zh-Hant": "story/the-deal/bilingual.html", "en": "en/story/tearing-down/bilingual.html"}

# Where each side of every pair is: [first side's box, second side's box].
SIDES = """() => [...document.querySelectorAll('.cq-pair')].map(pair =>
  [...pair.querySelectorAll(':scope > .cq-pair__side')].map(side => {
    const r = side.getBoundingClientRect();
    return {lang: side.lang, left: r.left, top: r.top, bottom: r.bottom, width: r.width, shown: r.height > 0};
  }))"""


def open_view(browser, url: str, width: int, **options):
    context = browser.new_context(viewport={"width": width, "height": 900}, **options)
    tab = context.new_page()
    tab.goto(url, wait_until="load")
    return context, tab


@pytest.mark.parametrize("lang", VIEWS)
def test_side_by_side_on_a_wide_screen(browser, site_server, lang):
    context, tab = open_view(browser, site_server + VIEWS[lang], 1280)
    try:
        pairs = tab.evaluate(SIDES)
        assert len(pairs) > 20
        partner = "en" if lang == "zh-Hant" else "zh-Hant"
        for first, second in pairs:
            assert (first["lang"], second["lang"]) == (lang, partner)
            assert abs(first["top"] - second["top"]) < 2 and second["left"] > first["left"] + first["width"]
        assert tab.evaluate("document.documentElement.scrollWidth <= innerWidth")
    finally:
        context.close()


@pytest.mark.parametrize("lang", VIEWS)
def test_one_after_the_other_on_a_phone(browser, site_server, lang):
    context, tab = open_view(browser, site_server + VIEWS[lang], 390)
    try:
        for first, second in tab.evaluate(SIDES):
            assert abs(first["left"] - second["left"]) < 1 and second["top"] >= first["bottom"] - 1
        assert tab.evaluate("document.documentElement.scrollWidth <= innerWidth")
    finally:
        context.close()


def shown_langs(tab) -> set[str]:
    return {side["lang"] for pair in tab.evaluate(SIDES) for side in pair if side["shown"]}


def test_a_mode_is_remembered_on_the_next_view(browser, site_server):
    context, tab = open_view(browser, site_server + VIEWS["zh-Hant"], 1280)
    try:
        assert shown_langs(tab) == {"zh-Hant", "en"}
        tab.get_by_label("只看英文").check()
        assert shown_langs(tab) == {"en"}
        # The English-first view of another page opens on English only too.
        tab.goto(site_server + VIEWS["en"], wait_until="load")
        assert tab.get_by_label("English only").is_checked()
        assert shown_langs(tab) == {"en"}
        tab.get_by_label("Both languages side by side").check()
        assert shown_langs(tab) == {"zh-Hant", "en"}
    finally:
        context.close()


def test_without_javascript_both_languages_show_and_the_modes_still_work(browser, site_server):
    context, tab = open_view(browser, site_server + VIEWS["en"], 1280, java_script_enabled=False)
    try:
        assert shown_langs(tab) == {"zh-Hant", "en"}
        tab.get_by_label("Chinese only").check()
        assert shown_langs(tab) == {"zh-Hant"}
    finally:
        context.close()


def test_the_glossary_tooltips_are_there_in_both_languages(browser, site_server):
    context, tab = open_view(browser, site_server + VIEWS["zh-Hant"], 1280)
    try:
        for lang in ("zh-Hant", "en"):
            titles = tab.eval_on_selector_all(
                f".cq-pair__side[lang='{lang}'] abbr[title]", "els => els.length"
            )
            assert titles > 3, lang
    finally:
        context.close()


def test_on_paper_the_pairs_stay_side_by_side_and_whole(browser, site_server, tmp_path):
    context, tab = open_view(browser, site_server + VIEWS["zh-Hant"], 1280)
    try:
        tab.emulate_media(media="print")
        styles = tab.eval_on_selector_all(
            ".cq-pair",
            "els => els.map(e => [getComputedStyle(e).breakInside, getComputedStyle(e).gridTemplateColumns])",
        )
        assert {b for b, _ in styles} == {"avoid"}
        # Side by side, but a table, which needs the page's width.
        tables = tab.eval_on_selector_all(".cq-pair", "els => els.map(e => !!e.querySelector('table'))")
        assert any(tables)
        for (_, columns), table in zip(styles, tables, strict=True):
            assert len(columns.split()) == (1 if table else 2)
        assert not tab.locator(".cq-bilingual__modes").is_visible()
        pdf = tab.pdf()
        assert len(pdf) > 10_000
    finally:
        context.close()


def test_the_offline_bundle_shows_the_view_from_the_disk(browser, offline_bundle):
    session = Offline(browser, offline_bundle.root)
    try:
        tab = session.new_page()
        tab.set_viewport_size({"width": 1280, "height": 900})
        tab.goto(session.url("story/the-deal.html"))
        tab.get_by_role("link", name="中英對照閱讀").click()
        tab.wait_for_selector(".cq-pair")
        assert tab.url.endswith("story/the-deal.bilingual.html")
        pairs = tab.evaluate(SIDES)
        assert len(pairs) > 20 and all(first["shown"] and second["shown"] for first, second in pairs)
        tab.get_by_label("只看中文").check()
        assert shown_langs(tab) == {"zh-Hant"}
        # The English text's links lead to the English pages, on the disk.
        href = tab.eval_on_selector(".cq-pair__side[lang='en'] a[href*='sources']", "a => a.href")
        assert "/en/sources.html" in href
        session.assert_stayed_on_disk()
    finally:
        session.close()
