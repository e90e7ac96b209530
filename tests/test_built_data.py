"""The data pages and downloads as a reader gets them from the built site."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import yaml
from chaiqiang.downloads import published_key
from lxml import html

ROOT = Path(__file__).resolve().parent.parent
TIMELINE = yaml.safe_load((ROOT / "data" / "timeline.yaml").read_text(encoding="utf-8"))
FIGURES = yaml.safe_load((ROOT / "data" / "figures.yaml").read_text(encoding="utf-8"))
PAGES = {"zh-Hant": "", "en": "en/"}


def _date_key(date: str) -> tuple[int, ...]:
    # A part the date does not give counts as 0, so a year comes before its
    # months and a month before its days (events have no quarters).
    return tuple(int(part) for part in date.split("-")) + (0,) * (2 - date.count("-"))


# Date order; the coarser first where dates start alike; then the file's order (sorted() is stable).
CHRONOLOGICAL = [e["id"] for e in sorted(TIMELINE["events"], key=lambda e: _date_key(str(e["date"])))]


def page(site: Path, lang: str, rel: str) -> html.HtmlElement:
    return html.fromstring((site / PAGES[lang] / rel / "index.html").read_bytes())


def test_every_event_is_on_the_timeline_in_date_order_with_its_datetime(built_site):
    want = {e["id"]: e for e in TIMELINE["events"]}
    for lang in PAGES:
        items = page(built_site, lang, "timeline").xpath("//li[starts-with(@id, 'evt-')]")
        ids = [li.get("id") for li in items]
        assert sorted(ids) == sorted(want), f"{lang}: events on the page differ from data/timeline.yaml"
        for li in items:
            [time_el] = li.xpath(".//time[@datetime]")[:1]
            event = want[li.get("id")]
            # <time datetime> at the event's precision: "2013", "2021-09", "2025-09-16".
            assert time_el.get("datetime") == str(event["date"]), li.get("id")
        # One list in date order, however the story's phases overlap.
        assert ids == CHRONOLOGICAL, f"{lang}: the timeline is not in date order: {ids}"
        assert len(page(built_site, lang, "timeline").xpath("//ol[contains(@class,'cq-years')]")) == 1
        # Status is written as words, not shown by colour alone.
        text = page(built_site, lang, "timeline").text_content()
        assert ("網傳" if lang == "zh-Hant" else "reported") in text


def test_each_event_is_under_its_year_and_labelled_with_its_phase(built_site):
    phases = {p["id"]: p for p in TIMELINE["phases"]}
    for lang in PAGES:
        tree = page(built_site, lang, "timeline")
        for event in TIMELINE["events"]:
            [li] = tree.xpath(f"//li[@id='{event['id']}']")
            year = li.xpath("ancestor::li[contains(@class,'cq-year')]/h3/time/@datetime")
            assert year == [str(event["date"])[:4]], f"{lang}: {event['id']} is under the year {year}"
            [label] = li.xpath(".//a[contains(@class,'cq-phase-label')]")
            phase = phases[event["phase"]]
            assert label.text_content() == phase["title"][lang], f"{lang}: {event['id']}"
            assert label.get("href") == f"#phase-{phase['id']}"
        # What the labels link to: each phase with its years.
        for phase in phases.values():
            [dt] = tree.xpath(f"//dl[contains(@class,'cq-phase-key')]/dt[@id='phase-{phase['id']}']")
            start, end = phase["start"], phase["end"]
            span = f"{start}–{end}" if start != end else str(start)
            assert dt.text_content() == f"{phase['title'][lang]} {span}"


def test_the_same_event_anchor_in_both_languages(built_site):
    zh = {
        li.get("id") for li in page(built_site, "zh-Hant", "timeline").xpath("//li[starts-with(@id,'evt-')]")
    }
    en = {li.get("id") for li in page(built_site, "en", "timeline").xpath("//li[starts-with(@id,'evt-')]")}
    assert zh == en


def test_every_figure_is_in_a_table_row_on_the_figures_page(built_site):
    for lang in PAGES:
        tree = page(built_site, lang, "figures")
        for figure in FIGURES["figures"]:
            rows = tree.xpath(f"//table//tr[@id='{figure['id']}']")
            assert len(rows) == 1, f"{lang}: figure {figure['id']} is in {len(rows)} table rows"
        # Charts are inline SVG with a text alternative.
        for svg in tree.xpath("//*[local-name()='svg'][@role='img']"):
            assert svg.get("aria-labelledby")


def test_every_page_with_status_badges_explains_them_before_the_first(built_site):
    """A reader meets "reported" (網傳) with its meaning above it, on every page that uses it."""
    pages = 0
    for path in sorted(built_site.rglob("*.html")):
        tree = html.fromstring(path.read_bytes())
        badges = tree.xpath("//article//span[contains(@class,'cq-status')]")
        if not badges:
            continue
        pages += 1
        legends = tree.xpath("//article//p[@class='cq-legend']")
        assert legends, f"{path.relative_to(built_site)}: status badges without a legend"
        first_badge = badges[0]
        assert first_badge in legends[0].iter(), (
            f"{path.relative_to(built_site)}: a badge comes before the legend"
        )
    # The timeline and the figures page, in both languages (and the offline-style pages if any).
    assert pages >= 4


def test_the_value_is_formatted_for_the_language(built_site):
    assert "13.71 億" in page(built_site, "zh-Hant", "figures").text_content()
    assert "1.371 billion" in page(built_site, "en", "figures").text_content()


def test_downloads_parse_and_equal_the_yaml(built_site):
    downloads = built_site / "downloads"
    raw = (downloads / "timeline.csv").read_bytes()
    assert raw.startswith("\ufeff".encode()), "timeline.csv needs a byte-order mark for spreadsheet programs"
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    by_id = {e["id"]: e for e in TIMELINE["events"]}
    assert sorted(r["id"] for r in rows) == sorted(by_id)
    for r in rows:
        e = by_id[r["id"]]
        assert r["date"] == str(e["date"]) and r["status"] == e["status"]
        assert r["title_zh"] == e["title"]["zh-Hant"] and r["title_en"] == e["title"]["en"]

    timeline = json.loads((downloads / "timeline.json").read_text(encoding="utf-8"))
    assert "CC BY 4.0" in timeline["license"]
    assert [e["id"] for e in timeline["events"]] == [r["id"] for r in rows]
    # In the timeline's order: by date, the coarser first, then the file's order.
    assert [r["id"] for r in rows] == CHRONOLOGICAL

    # The downloads key texts by primary language subtag (zh), as published since 0.1.0.
    def published(text: dict) -> dict:
        return {published_key(code): value for code, value in text.items()}

    for e in timeline["events"]:
        assert e["title"] == published(by_id[e["id"]]["title"])
        assert e["summary"] == published(by_id[e["id"]]["summary"])

    figures = json.loads((downloads / "figures.json").read_text(encoding="utf-8"))
    assert "CC BY 4.0" in figures["license"]
    want = {f["id"]: f for f in FIGURES["figures"]}
    assert {f["id"] for f in figures["figures"]} == set(want)
    for f in figures["figures"]:
        assert f["value"] == want[f["id"]]["value"] and f["unit"] == want[f["id"]]["unit"]
    fig_rows = list(csv.DictReader(io.StringIO((downloads / "figures.csv").read_bytes().decode("utf-8-sig"))))
    assert {r["id"] for r in fig_rows} == set(want)


CONFIRMED_LABEL = {"zh-Hant": "另有來源證實：", "en": "Also confirmed by: "}


def _confirmation(tree: html.HtmlElement, entry_id: str) -> html.HtmlElement:
    [entry] = tree.xpath(f"//*[@id='{entry_id}']")
    [confirmed] = entry.xpath(".//span[@class='cq-confirmed']")
    return confirmed


def test_a_confirmed_event_and_figure_name_their_source_in_both_languages(built_site):
    """The label ("Also confirmed by: <source>") beside the badge, linking to the
    source's entry on the Sources page."""
    cases = [
        ("timeline", "evt-2013-taobao-blocks-wechat", ["sina-2013-11-taobao-blocks-wechat"]),
        ("figures", "fig-wechat-mau-2024-06", ["tencent-2024-interim-report"]),
    ]
    for lang in PAGES:
        sources = page(built_site, lang, "sources")
        anchors = set(sources.xpath("//@id"))
        for rel, entry_id, source_ids in cases:
            tree = page(built_site, lang, rel)
            confirmed = _confirmation(tree, entry_id)
            assert confirmed.text_content().startswith(CONFIRMED_LABEL[lang]), confirmed.text_content()
            hrefs = confirmed.xpath(".//a/@href")
            assert hrefs == [f"../sources/#src-{s}" for s in source_ids], (lang, rel, hrefs)
            for href in hrefs:
                assert href.split("#")[1] in anchors, f"{lang}: no anchor for {href} on the Sources page"
            # Beside the status badge: the same line of the event, the same cell of the row.
            [badge] = confirmed.getparent().xpath("./span[contains(@class,'cq-status')]")
            assert "cq-status--stated" in badge.get("class")
    # Every confirmation in the data is on the page; a stated event without one has none.
    want = {e["id"] for e in TIMELINE["events"] if e.get("confirmed_by")}
    zh = page(built_site, "zh-Hant", "timeline")
    shown = {li.get("id") for li in zh.xpath("//li[starts-with(@id,'evt-')][.//span[@class='cq-confirmed']]")}
    assert shown == want
    reported = [e["id"] for e in TIMELINE["events"] if e["status"] == "reported"]
    assert reported and not want & set(reported)


def test_downloads_carry_confirmed_by(built_site):
    downloads = built_site / "downloads"
    for name, data, key in (("timeline", TIMELINE, "events"), ("figures", FIGURES, "figures")):
        want = {r["id"]: r.get("confirmed_by", []) for r in data[key]}
        assert any(want.values()), f"data/{name}.yaml has no confirmed_by to check"
        document = json.loads((downloads / f"{name}.json").read_text(encoding="utf-8"))
        assert {r["id"]: r.get("confirmed_by", []) for r in document[key]} == want
        # The confirming sources are described in the file like the others.
        described = {s["id"] for s in document["sources"]}
        assert {s for ids in want.values() for s in ids} <= described
        rows = csv.DictReader(io.StringIO((downloads / f"{name}.csv").read_bytes().decode("utf-8-sig")))
        assert {r["id"]: r["confirmed_by"] for r in rows} == {i: ";".join(ids) for i, ids in want.items()}


def test_downloads_are_linked_from_both_languages(built_site):
    for lang in PAGES:
        for rel, name in (("timeline", "timeline.csv"), ("figures", "figures.json")):
            hrefs = page(built_site, lang, rel).xpath("//a/@href")
            assert any(h.endswith(f"downloads/{name}") for h in hrefs), f"{lang}/{rel}: no link to {name}"
