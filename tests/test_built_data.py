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
        # Grouped into the story's phases (which overlap in time); in date order within each.
        for phase in page(built_site, lang, "timeline").xpath("//ol[contains(@class,'cq-events')]"):
            dates = phase.xpath("./li/p//time/@datetime")
            assert dates == sorted(dates), f"{lang}: a phase is not in date order: {dates}"
        # Status is written as words, not shown by colour alone.
        text = page(built_site, lang, "timeline").text_content()
        assert ("網傳" if lang == "zh-Hant" else "reported") in text


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


def test_downloads_are_linked_from_both_languages(built_site):
    for lang in PAGES:
        for rel, name in (("timeline", "timeline.csv"), ("figures", "figures.json")):
            hrefs = page(built_site, lang, rel).xpath("//a/@href")
            assert any(h.endswith(f"downloads/{name}") for h in hrefs), f"{lang}/{rel}: no link to {name}"
