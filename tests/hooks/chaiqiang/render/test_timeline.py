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


def test_one_list_in_date_order_under_a_heading_per_year(zh, en):
    # The file has 2021-09, 2013, 2025-09-16; the phases overlap no more than the years do.
    [years] = select(en, "ol.cq-years")
    assert [h.get("id") for h in years.xpath("./li/h3")] == ["year-2013", "year-2021", "year-2025"]
    assert [text(h) for h in years.xpath("./li/h3")] == ["2013", "2021", "2025"]
    assert [h.xpath("string(time/@datetime)") for h in years.xpath("./li/h3")] == ["2013", "2021", "2025"]
    assert [text(h) for h in select(zh, "ol.cq-years")[0].xpath("./li/h3")] == ["2013年", "2021年", "2025年"]
    assert [[e.get("id") for e in li.xpath("./ol/li")] for li in years.xpath("./li")] == [
        ["evt-2013-taobao-blocks-wechat"],
        ["evt-2021-09-open"],
        ["evt-2025-09-16-talks"],
    ]
    # One list of events: no other list holds one, and event titles come under the year headings.
    assert len(select(en, "ol.cq-years")) == 1
    assert all(li.xpath("ancestor::ol[contains(@class,'cq-years')]") for li in select(en, "li.cq-event"))
    assert {h.tag for h in select(en, ".cq-event__title")} == {"h4"}


def test_a_coarser_date_comes_first_then_the_order_of_the_file(data_files, write_data_dir, render_ctx):
    events = data_files["timeline.yaml"]["events"]
    model = events[0]  # evt-2021-09-open, month, peace

    def add(event_id: str, date: str, precision: str, at: int | None = None) -> None:
        event = {**model, "id": event_id, "date": date, "precision": precision}
        events.insert(len(events) if at is None else at, event)

    add("evt-2021-09-01-day", "2021-09-01", "day", at=0)  # written before its month
    add("evt-2021-01-month", "2021-01", "month", at=1)  # written before its year
    add("evt-2021-year", "2021", "year")
    add("evt-2021-09-same-month", "2021-09", "month")  # the same date as evt-2021-09-open, later in the file
    root = parse(render_timeline(render_ctx("en", data=load_dataset(write_data_dir(data_files)))))
    assert [li.get("id") for li in select(root, "li.cq-event")] == [
        "evt-2013-taobao-blocks-wechat",
        "evt-2021-year",
        "evt-2021-01-month",
        "evt-2021-09-open",
        "evt-2021-09-same-month",
        "evt-2021-09-01-day",
        "evt-2025-09-16-talks",
    ]


def test_each_event_shows_its_phase_in_the_page_language(zh, en):
    def labels(root):
        return [
            (li.get("id"), li.get("data-phase"), text(a), a.get("href"))
            for li in select(root, "li.cq-event")
            for a in select(li, "a.cq-phase-label")
        ]

    assert labels(en) == [
        ("evt-2013-taobao-blocks-wechat", "war", "Blocking", "#phase-war"),
        ("evt-2021-09-open", "peace", "Peace", "#phase-peace"),
        ("evt-2025-09-16-talks", "peace", "Peace", "#phase-peace"),
    ]
    assert [t for _, _, t, _ in labels(zh)] == ["封鎖", "和解", "和解"]
    # Screen readers hear what the label is.
    assert "Phase: Blocking" in text(select(by_id(en, "evt-2013-taobao-blocks-wechat"), ".cq-event__meta")[0])


def test_the_phases_are_listed_with_their_years_where_the_labels_link(zh, en):
    [key] = select(en, "dl.cq-phase-key")
    assert [(dt.get("id"), text(dt)) for dt in key.xpath("./dt")] == [
        ("phase-war", "Blocking 2013–2020"),
        ("phase-peace", "Peace 2021–2025"),
    ]
    assert [text(dd) for dd in key.xpath("./dd")] == ["", "Summary"]
    assert [text(dt) for dt in select(zh, "dl.cq-phase-key dt")] == ["封鎖 2013–2020", "和解 2021–2025"]
    # Every label's link has its target.
    targets = {dt.get("id") for dt in key.xpath("./dt")}
    assert {a.get("href")[1:] for a in select(en, "a.cq-phase-label")} <= targets


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
    assert [text(s) for s in select(en, "li.cq-event .cq-status")] == [
        "stated by the article", "stated by the article", "reported (unconfirmed)"
    ]  # fmt: skip
    assert [text(s) for s in select(zh, "li.cq-event .cq-status")] == ["文章陳述", "文章陳述", "網傳"]


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
        "#phase-peace",
        "#evt-2025-09-16-talks",
        "../sources/#src-article",
        "../sources/#src-bank-report",
    ]
    offline = render_ctx("en", use_directory_urls=False)
    assert links(offline)[2:] == ["sources.html#src-article", "sources.html#src-bank-report"]
    # On a story page, an event's phase links to the phase on the timeline page.
    assert links(render_ctx("en", url="en/story/the-deal/"))[0] == "../../timeline/#phase-peace"


def test_the_filter_form_is_hidden_until_the_script_runs_and_offers_only_used_values(en):
    [form] = select(en, "form[data-cq-filter]")
    assert form.get("hidden") is not None
    actors = [o.get("value") for o in select(form, "select[name=actor] option")]
    assert actors == ["", "alibaba", "taobao", "tencent", "wechat"]
    assert [o.get("value") for o in select(form, "select[name=kind] option")] == ["", "block", "talks"]
    phases = select(form, "select[name=phase] option")
    assert [(o.get("value"), text(o)) for o in phases] == [
        ("", "all"),
        ("war", "Blocking (2013–2020)"),
        ("peace", "Peace (2021–2025)"),
    ]
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
    assert not select(root, "dl.cq-phase-key")
    # No year headings either: the event titles are the only headings.
    assert [h.tag for h in root.iter("h2", "h3", "h4")] == ["h3", "h3"]
    assert {a.get("href") for a in select(root, "a.cq-phase-label")} == {"#phase-peace"}
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
    title = select(by_id(root, "evt-2021-09-open"), ".cq-event__title")[0]
    assert text(title).startswith("<script>alert(1)</script>")
