"""write_downloads(): CSV and JSON that parse back to the YAML data (a text's
languages under their published keys: zh-Hant -> zh)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import yaml
from chaiqiang.data import load_dataset
from chaiqiang.downloads import FIGURE_COLUMNS, TIMELINE_COLUMNS, published_key, write_downloads
from chaiqiang.languages import LANGUAGES

REAL_DATA = Path(__file__).resolve().parents[3] / "data"


def published(records: list[dict]) -> list[dict]:
    """The YAML records as the downloads publish them."""
    langs = set(LANGUAGES.codes)
    return [
        {k: {published_key(c): t for c, t in v.items()} if isinstance(v, dict) and set(v) == langs else v
         for k, v in r.items()}
        for r in records
    ]  # fmt: skip


def test_files_are_written(small_dataset, tmp_path):
    written = write_downloads(small_dataset, tmp_path / "site" / "downloads")
    assert sorted(p.name for p in written) == ["figures.csv", "figures.json", "timeline.csv", "timeline.json"]


def test_output_is_deterministic(small_dataset, tmp_path):
    first = {p.name: p.read_bytes() for p in write_downloads(small_dataset, tmp_path / "a")}
    second = {p.name: p.read_bytes() for p in write_downloads(small_dataset, tmp_path / "b")}
    assert first == second


def test_json_parses_back_to_the_yaml(data_files, small_dataset, tmp_path):
    write_downloads(small_dataset, tmp_path)
    timeline = json.loads((tmp_path / "timeline.json").read_text(encoding="utf-8"))
    figures = json.loads((tmp_path / "figures.json").read_text(encoding="utf-8"))
    assert timeline["license"] == figures["license"] == "CC BY 4.0"
    assert "藍海億觀網" in timeline["source"]
    by_id = {e["id"]: e for e in published(data_files["timeline.yaml"]["events"])}
    # Same records, in chronological order.
    assert timeline["events"] == [
        by_id[i] for i in ("evt-2013-taobao-blocks-wechat", "evt-2021-09-open", "evt-2025-09-16-talks")
    ]
    assert figures["figures"] == published(data_files["figures.yaml"]["figures"])
    assert [s["id"] for s in timeline["sources"]] == ["article", "bank-report"]


def test_csv_has_a_bom_and_parses_back_to_the_yaml(data_files, small_dataset, tmp_path):
    write_downloads(small_dataset, tmp_path)
    raw = (tmp_path / "figures.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert list(rows[0]) == FIGURE_COLUMNS
    for row, figure in zip(rows, published(data_files["figures.yaml"]["figures"]), strict=True):
        assert row["id"] == figure["id"]
        assert float(row["value"]) == figure["value"]
        assert row["label_zh"] == figure["label"]["zh"] and row["label_en"] == figure["label"]["en"]
        assert (row["entities"].split(";") if row["entities"] else []) == figure["entities"]
        assert row["note_en"] == figure.get("note", {}).get("en", "")

    timeline = list(csv.DictReader(io.StringIO((tmp_path / "timeline.csv").read_text(encoding="utf-8-sig"))))
    assert list(timeline[0]) == TIMELINE_COLUMNS
    talks = timeline[2]
    assert (talks["date"], talks["precision"], talks["status"]) == ("2025-09-16", "day", "reported")
    assert talks["sources"].split(";") == ["article", "bank-report"]
    assert talks["date_note_zh"] == "傳聞日期"


def test_the_real_data_round_trips(real_dataset, tmp_path):
    write_downloads(real_dataset, tmp_path)
    source = yaml.safe_load((REAL_DATA / "figures.yaml").read_text(encoding="utf-8"))
    figures = json.loads((tmp_path / "figures.json").read_text(encoding="utf-8"))["figures"]
    assert figures == published(source["figures"])
    events = json.loads((tmp_path / "timeline.json").read_text(encoding="utf-8"))["events"]
    assert len(events) == len(real_dataset.events)
    assert load_dataset(REAL_DATA).events[0].id == events[0]["id"]
