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
    # Years with no visible event disappear with their headings; the list of phases stays.
    assert page.locator("#year-2021").is_hidden()
    assert page.locator("#year-2020").is_visible() and page.locator("#year-2024").is_visible()
    assert page.locator("#phase-regulation").is_visible()


def test_choosing_a_phase_filters_in_date_order_and_counts(page, timeline_url):
    page.goto(timeline_url)
    labels = page.eval_on_selector_all("select[name=phase] option", "os => os.map(o => o.textContent)")
    assert labels[:3] == ["all", "The blocking war (2013–2020)", "Regulators step in (2021)"]
    assert page.locator("label[for=cq-all-phase]").inner_text() == "Phase"
    page.select_option("form[data-cq-filter] select[name=phase]", "thaw")
    assert page.url.endswith("/en/timeline/?phase=thaw")
    assert visible_ids(page) == [
        "evt-2021-09-wechat-restores-taobao-links",
        "evt-2021-11-alibaba-apps-accept-wechat-pay",
        "evt-2023-09-alimama-tencent-ads",
        "evt-2024-08-taote-in-app-wechat-pay",
    ]
    assert page.locator("[data-cq-count]").inner_text() == "Showing 4 of 20 events"
    assert page.locator("#year-2013").is_hidden() and page.locator("#year-2022").is_hidden()
    # The phase joins the other filters.
    page.select_option("form[data-cq-filter] select[name=kind]", "payment")
    assert page.url.endswith("/en/timeline/?phase=thaw&kind=payment")
    assert visible_ids(page) == [
        "evt-2021-11-alibaba-apps-accept-wechat-pay",
        "evt-2024-08-taote-in-app-wechat-pay",
    ]
    assert page.locator("[data-cq-count]").inner_text() == "Showing 2 of 20 events"


def test_every_event_is_in_date_order_and_its_phase_label_links_to_the_phase(page, timeline_url):
    page.goto(timeline_url)
    dates = page.eval_on_selector_all(f"{EVENTS} time", "ts => ts.map(t => t.getAttribute('datetime'))")
    assert len(dates) == 20
    assert [d[:4] for d in dates] == sorted(d[:4] for d in dates)
    page.click("#evt-2021-09-17-miit-deadline a.cq-phase-label")
    assert page.url.endswith("/en/timeline/#phase-regulation")
    assert page.locator("#phase-regulation").is_visible()
    assert page.locator("#phase-regulation").inner_text() == "Regulators step in 2021"


def test_a_shared_url_restores_the_filters(page, timeline_url):
    page.goto(timeline_url + "?actor=tencent&kind=block")
    assert page.input_value("select[name=actor]") == "tencent"
    assert page.input_value("select[name=kind]") == "block"
    assert visible_ids(page) == ["evt-2015-tencent-blocks-alipay-red-packets"]
    page.goto(timeline_url + "?phase=talks&status=reported")
    assert page.input_value("select[name=phase]") == "talks"
    assert visible_ids(page) == ["evt-2025-09-16-alibaba-wechat-talks-reported"]


def test_unknown_values_in_the_url_are_ignored(page, timeline_url):
    page.goto(timeline_url + "?actor=<script>&kind=nonsense&phase=peace")
    assert len(visible_ids(page)) == 20
    assert page.input_value("select[name=phase]") == ""


def test_a_link_to_an_event_always_shows_it(page, timeline_url):
    target = "evt-2025-09-16-alibaba-wechat-talks-reported"
    page.goto(timeline_url + f"?kind=block#{target}")
    assert page.locator(f"#{target}").is_visible()
    assert page.input_value("select[name=kind]") == ""
    assert page.url.endswith(f"/en/timeline/#{target}")
    # The phase filter too.
    early = "evt-2013-taobao-blocks-wechat"
    page.goto(timeline_url + f"?phase=talks#{early}")
    assert page.locator(f"#{early}").is_visible()
    assert page.input_value("select[name=phase]") == ""


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
        page.goto(timeline_url + "?actor=tencent&phase=thaw")
        assert page.locator("form[data-cq-filter]").is_hidden()
        assert page.locator(f"{EVENTS}:visible").count() == 20
        # One list, in date order, with every year's heading.
        assert page.locator("ol.cq-years").count() == 1
        assert page.locator("h3.cq-year__title:visible").count() == 10
    finally:
        context.close()
