"""The timeline block: structure, language, provenance, escaping."""

from __future__ import annotations

import pytest
from chaiqiang.data import load_dataset
from chaiqiang.render.timeline import render_timeline

from .html import by_id, parse, select, text


@pytest.fixture
def zh(render_ctx):
    return parse(render_timeline(render_ctx("zh-Hant")))


@pytest.fixture
def en(render_ctx):
    return parse(render_timeline(render_ctx("en")))


def test_one_ordered_list_of_phases_each_with_a_heading_and_its_events(en):
    [phases] = select(en, "ol.cq-phases")
    items = phases.xpath("./li")
    assert [h.get("id") for h in phases.xpath("./li/h2")] == ["phase-war", "phase-peace"]
    assert [text(h) for h in phases.xpath("./li/h2")] == ["Blocking 2013–2020", "Peace 2021–2025"]
    assert [[e.get("id") for e in li.xpath("./ol/li")] for li in items] == [
        ["evt-2013-taobao-blocks-wechat"],
        ["evt-2021-09-open", "evt-2025-09-16-talks"],
    ]


def test_event_ids_are_the_same_in_both_languages(zh, en):
    def ids(root):
        return [li.get("id") for li in select(root, "li.cq-event")]

    assert ids(zh) == ids(en)


def test_time_elements_carry_the_precision(zh, en):
    assert [(t.get("datetime"), t.text) for t in select(en, "li.cq-event time")] == [
        ("2013", "2013"),
        ("2021-09", "September 2021"),
        ("2025-09-16", "16 September 2025"),
    ]
    assert [t.text for t in select(zh, "li.cq-event time")] == ["2013年", "2021年9月", "2025年9月16日"]


def test_status_is_written_out_not_only_coloured(zh, en):
    assert [text(s) for s in select(en, "li.cq-event .cq-status")] == ["confirmed", "confirmed", "reported"]
    assert [text(s) for s in select(zh, "li.cq-event .cq-status")] == ["已證實", "已證實", "網傳"]


def test_event_data_attributes_drive_the_filters(en):
    talks = by_id(en, "evt-2025-09-16-talks")
    assert talks.get("data-actors") == "alibaba tencent"
    assert talks.get("data-kind") == "talks"
    assert talks.get("data-status") == "reported"


def test_actor_names_kind_title_and_summary_are_in_the_page_language(zh):
    event = by_id(zh, "evt-2013-taobao-blocks-wechat")
    assert text(select(event, ".cq-event__title")[0]).startswith("淘寶封鎖微信")
    assert [a.text for a in select(event, ".cq-actor")] == ["淘寶", "微信"]
    assert select(event, ".cq-kind")[0].text == "封鎖"
    assert "（傳聞日期）" in text(by_id(zh, "evt-2025-09-16-talks"))


def test_sources_link_to_the_sources_page_and_each_event_to_itself(render_ctx):
    def links(ctx):
        event = by_id(parse(render_timeline(ctx)), "evt-2025-09-16-talks")
        return [a.get("href") for a in select(event, "a")]

    assert links(render_ctx("en")) == [
        "#evt-2025-09-16-talks",
        "../sources/#src-article",
        "../sources/#src-bank-report",
    ]
    offline = render_ctx("en", use_directory_urls=False)
    assert links(offline)[1:] == ["sources.html#src-article", "sources.html#src-bank-report"]


def test_the_filter_form_is_hidden_until_the_script_runs_and_offers_only_used_values(en):
    [form] = select(en, "form[data-cq-filter]")
    assert form.get("hidden") is not None
    actors = [o.get("value") for o in select(form, "select[name=actor] option")]
    assert actors == ["", "alibaba", "taobao", "tencent", "wechat"]
    assert [o.get("value") for o in select(form, "select[name=kind] option")] == ["", "block", "talks"]
    assert "{shown}" in form.get("data-count-template")
    # Every label belongs to a field.
    ids = {s.get("id") for s in select(form, "select")}
    assert {label.get("for") for label in select(form, "label")} == ids
    # Nothing else is hidden: without JavaScript every event shows.
    assert not [e for e in select(en, "li") if e.get("hidden") is not None]


def test_one_phase_alone_has_no_filters_and_no_phase_heading(render_ctx):
    root = parse(render_timeline(render_ctx("en"), "peace"))
    assert not select(root, "form")
    assert not select(root, "h2")
    assert [li.get("id") for li in select(root, "li.cq-event")] == [
        "evt-2021-09-open",
        "evt-2025-09-16-talks",
    ]


def test_data_text_is_escaped(data_files, write_data_dir, render_ctx):
    data_files["timeline.yaml"]["events"][0]["title"]["en"] = "<script>alert(1)</script> & co"
    data_files["actors.yaml"]["actors"][3]["names"]["en"] = 'We"Chat<b>'
    dataset = load_dataset(write_data_dir(data_files))
    markup = render_timeline(render_ctx("en", data=dataset))
    assert "<script>" not in markup and "<b>" not in markup
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in markup
    root = parse(markup)
    assert not select(root, "script")
    assert text(select(by_id(root, "evt-2021-09-open"), "h3")[0]).startswith("<script>alert(1)</script>")
