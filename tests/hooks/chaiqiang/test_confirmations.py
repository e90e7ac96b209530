"""`confirmed_by`: sources besides the article that confirm a stated event or
figure. Checked against data/sources.yaml, refused on a reported entry, shown
beside the status badge with a link to the Sources page, and in the downloads."""

from __future__ import annotations

import csv
import io
import json

import pytest
from chaiqiang.data import DataError, load_dataset
from chaiqiang.downloads import FIGURE_COLUMNS, TIMELINE_COLUMNS, write_downloads
from chaiqiang.render.figures import render_figures
from chaiqiang.render.timeline import render_timeline

from .render.html import by_id, parse, select, text


@pytest.fixture
def problems(data_files, write_data_dir):
    def run(change) -> str:
        change(data_files)
        with pytest.raises(DataError) as info:
            load_dataset(write_data_dir(data_files))
        return str(info.value)

    return run


def _event(files, event_id):
    return next(e for e in files["timeline.yaml"]["events"] if e["id"] == event_id)


def test_an_unknown_source_is_named_with_file_entry_and_field(problems):
    def change(f):
        _event(f, "evt-2021-09-open")["confirmed_by"] = ["bank-report", "nobody-2021"]
        f["figures.yaml"]["figures"][0]["confirmed_by"] = ["nobody-2024"]

    message = problems(change)
    assert (
        "data/timeline.yaml: entry 'evt-2021-09-open': field 'confirmed_by[1]': "
        "unknown source 'nobody-2021' (not in data/sources.yaml) (line "
    ) in message
    assert (
        "data/figures.yaml: entry 'fig-wechat-mau': field 'confirmed_by[0]': "
        "unknown source 'nobody-2024' (not in data/sources.yaml) (line "
    ) in message


def test_a_reported_entry_cannot_be_confirmed(problems):
    message = problems(lambda f: _event(f, "evt-2025-09-16-talks").update(confirmed_by=["bank-report"]))
    assert "data/timeline.yaml: entry 'evt-2025-09-16-talks': field 'confirmed_by': " in message
    assert "a 'reported' (網傳) entry cannot also be confirmed by another source" in message
    assert "change its status to 'stated'" in message


def test_a_source_it_rests_on_does_not_confirm_it(problems):
    message = problems(lambda f: _event(f, "evt-2021-09-open").update(confirmed_by=["article"]))
    assert (
        "entry 'evt-2021-09-open': field 'confirmed_by[0]': 'article' is already one of the sources"
        in message
    )


@pytest.mark.parametrize(
    ("lang", "label"), [("en", "Also confirmed by: Bank report"), ("zh-Hant", "另有來源證實：銀行報告")]
)
def test_the_timeline_names_the_confirming_source_beside_the_badge(render_ctx, lang, label):
    root = parse(render_timeline(render_ctx(lang)))
    event = by_id(root, "evt-2021-09-open")
    [meta] = select(event, "p.cq-event__meta")
    [confirmed] = select(meta, "span.cq-confirmed")
    assert text(confirmed) == label
    assert [a.get("href") for a in select(confirmed, "a")] == ["../sources/#src-bank-report"]
    # The badge still says what the article does: it states it.
    assert [s.get("class") for s in select(meta, ".cq-status")] == ["cq-status cq-status--stated"]
    # An event that no other source confirms has no such line.
    assert not select(by_id(root, "evt-2013-taobao-blocks-wechat"), "span.cq-confirmed")


def test_the_status_filter_offers_the_confirmed_events(render_ctx):
    root = parse(render_timeline(render_ctx("en")))
    options = [(o.get("value"), text(o)) for o in select(root, "select[name=status] option")]
    assert options[1:] == [
        ("stated", "stated by the article"),
        ("reported", "reported (unconfirmed)"),
        ("confirmed", "also confirmed by another source"),
    ]
    # timeline-filter.js matches one of the space-separated tokens.
    assert by_id(root, "evt-2021-09-open").get("data-status") == "stated confirmed"
    assert by_id(root, "evt-2013-taobao-blocks-wechat").get("data-status") == "stated"
    assert by_id(root, "evt-2025-09-16-talks").get("data-status") == "reported"


def test_the_figure_table_names_the_confirming_source(render_ctx):
    for lang, label in (("en", "Also confirmed by: Bank report"), ("zh-Hant", "另有來源證實：銀行報告")):
        row = by_id(parse(render_figures(render_ctx(lang))), "fig-wechat-mau")
        [confirmed] = select(row, "span.cq-confirmed")
        assert text(confirmed) == label
        assert select(confirmed, "a")[0].get("href").endswith("sources/#src-bank-report")
    assert not select(by_id(parse(render_figures(render_ctx("en"))), "fig-alipay-mau"), "span.cq-confirmed")


def test_the_downloads_carry_confirmed_by(small_dataset, tmp_path):
    write_downloads(small_dataset, tmp_path)
    assert "confirmed_by" in TIMELINE_COLUMNS and "confirmed_by" in FIGURE_COLUMNS
    timeline = json.loads((tmp_path / "timeline.json").read_text(encoding="utf-8"))
    events = {e["id"]: e for e in timeline["events"]}
    assert events["evt-2021-09-open"]["confirmed_by"] == ["bank-report"]
    assert "confirmed_by" not in events["evt-2013-taobao-blocks-wechat"]
    assert "bank-report" in [s["id"] for s in timeline["sources"]]
    assert "confirmed_by" in timeline["source"]
    rows = {
        r["id"]: r for r in csv.DictReader(io.StringIO((tmp_path / "timeline.csv").read_text("utf-8-sig")))
    }
    assert rows["evt-2021-09-open"]["confirmed_by"] == "bank-report"
    assert rows["evt-2013-taobao-blocks-wechat"]["confirmed_by"] == ""
    figures = json.loads((tmp_path / "figures.json").read_text(encoding="utf-8"))
    assert next(f for f in figures["figures"] if f["id"] == "fig-wechat-mau")["confirmed_by"] == [
        "bank-report"
    ]
    fig_rows = {
        r["id"]: r for r in csv.DictReader(io.StringIO((tmp_path / "figures.csv").read_text("utf-8-sig")))
    }
    assert fig_rows["fig-wechat-mau"]["confirmed_by"] == "bank-report"
