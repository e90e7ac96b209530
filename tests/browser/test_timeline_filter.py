"""The timeline filters (docs/assets/javascripts/timeline-filter.js) in Chromium,
on a page holding the real timeline block and nothing else: filter, share the
URL, come back to it, follow an #evt-… link, and read it all without JavaScript."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from chaiqiang.data import load_dataset
from chaiqiang.render.common import RenderContext
from chaiqiang.render.links import Links
from chaiqiang.render.timeline import render_timeline

from tools.browser import serve

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "docs" / "assets" / "javascripts" / "timeline-filter.js"
EVENTS = "li[data-actors][data-kind]"


@pytest.fixture(scope="module")
def timeline_url(tmp_path_factory) -> Iterator[str]:
    """http://127.0.0.1:<port>/en/timeline/ serving the real timeline block."""
    site = tmp_path_factory.mktemp("filter-site")
    ctx = RenderContext(load_dataset(ROOT / "data"), "en", Links("en/timeline/", "en"))
    page_dir = site / "en" / "timeline"
    page_dir.mkdir(parents=True)
    (site / "timeline-filter.js").write_text(SCRIPT.read_text(encoding="utf-8"), encoding="utf-8")
    html = (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Timeline</title>'
        '<script src="../../timeline-filter.js" defer></script></head>'
        f'<body><article class="md-typeset">{render_timeline(ctx)}</article></body></html>'
    )
    (page_dir / "index.html").write_text(html, encoding="utf-8")
    with serve(site) as base_url:
        yield base_url + "en/timeline/"


def visible_ids(page) -> list[str]:
    return page.eval_on_selector_all(f"{EVENTS}:not([hidden])", "els => els.map(e => e.id)")


def test_the_form_appears_and_counts_the_events(page, timeline_url):
    page.goto(timeline_url)
    assert page.locator("form[data-cq-filter]").is_visible()
    assert page.locator("[data-cq-count]").inner_text() == "Showing 20 of 20 events"


def test_choosing_an_actor_filters_and_writes_the_url(page, timeline_url):
    page.goto(timeline_url)
    page.select_option("form[data-cq-filter] select[name=actor]", "douyin")
    assert page.url.endswith("/en/timeline/?actor=douyin")
    assert visible_ids(page) == ["evt-2020-douyin-cuts-taobao-links", "evt-2024-alimama-xingtu-star-cube"]
    assert page.locator("[data-cq-count]").inner_text() == "Showing 2 of 20 events"
    # Phases with no visible event disappear with their headings.
    assert page.locator("#phase-regulation").is_hidden()
    assert page.locator("#phase-blocking-war").is_visible()


def test_a_shared_url_restores_the_filters(page, timeline_url):
    page.goto(timeline_url + "?actor=tencent&kind=block")
    assert page.input_value("select[name=actor]") == "tencent"
    assert page.input_value("select[name=kind]") == "block"
    assert visible_ids(page) == ["evt-2015-tencent-blocks-alipay-red-packets"]


def test_unknown_values_in_the_url_are_ignored(page, timeline_url):
    page.goto(timeline_url + "?actor=<script>&kind=nonsense")
    assert len(visible_ids(page)) == 20


def test_a_link_to_an_event_always_shows_it(page, timeline_url):
    target = "evt-2025-09-16-alibaba-wechat-talks-reported"
    page.goto(timeline_url + f"?kind=block#{target}")
    assert page.locator(f"#{target}").is_visible()
    assert page.input_value("select[name=kind]") == ""
    assert page.url.endswith(f"/en/timeline/#{target}")


def test_show_all_resets(page, timeline_url):
    page.goto(timeline_url + "?status=reported")
    assert visible_ids(page) == ["evt-2025-09-16-alibaba-wechat-talks-reported"]
    page.click("form[data-cq-filter] button[type=reset]")
    page.wait_for_function("document.querySelectorAll('li[data-kind]:not([hidden])').length === 20")
    assert page.url.endswith("/en/timeline/")


def test_without_javascript_everything_is_visible(browser, timeline_url):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(timeline_url + "?actor=tencent")
        assert page.locator("form[data-cq-filter]").is_hidden()
        assert page.locator(f"{EVENTS}:visible").count() == 20
    finally:
        context.close()
