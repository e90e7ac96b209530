"""Downloadable copies of the data: timeline and figures as CSV and JSON.

Deterministic (no timestamps; events in chronological order, figures in the
file's order) so that a rebuild changes a file only when the data change.
CSV carries a BOM so that spreadsheet programs open the Chinese text as UTF-8.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from .data import Dataset

LICENSE = "CC BY 4.0"
SOURCE_NOTE = (
    "Compiled by 拆牆 / Tearing Down the Walls from the article by 藍海億觀網 (Lanhai Yiguan) "
    "of 2025-09-24 and the sources it cites. Each record names its sources by id; "
    "status 'confirmed' means the article states it as fact, 'reported' that it passes on a rumour (網傳)."
)
# What each downloadable dataset consists of: name -> file names.
DOWNLOADS = {
    "timeline": ("timeline.csv", "timeline.json"),
    "figures": ("figures.csv", "figures.json"),
}

TIMELINE_COLUMNS = [
    "id", "date", "precision", "date_note_zh", "date_note_en", "phase", "kind", "status", "actors",
    "title_zh", "title_en", "summary_zh", "summary_en", "note_zh", "note_en", "sources",
]  # fmt: skip
FIGURE_COLUMNS = [
    "id", "group", "label_zh", "label_en", "measure_zh", "measure_en", "value", "unit", "as_of",
    "precision", "entities", "source", "status", "note_zh", "note_en",
]  # fmt: skip
LIST_SEPARATOR = ";"


def _dump(model: Any) -> dict[str, Any]:
    # The same keys as the YAML entry: optional fields left out when absent.
    return model.model_dump(mode="json", exclude_none=True)


def _flat(record: dict[str, Any]) -> dict[str, str]:
    """One CSV row: bilingual fields split into _zh/_en, lists joined."""
    row: dict[str, str] = {}
    for key, value in record.items():
        if isinstance(value, dict):
            for lang, text in value.items():
                row[f"{key}_{lang}"] = text
        elif isinstance(value, list):
            row[key] = LIST_SEPARATOR.join(value)
        else:
            row[key] = str(value)
    return row


def _csv(columns: list[str], records: list[dict[str, Any]]) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, fieldnames=columns, restval="", extrasaction="raise")
    writer.writeheader()
    for record in records:
        writer.writerow(_flat(record))
    return out.getvalue().encode("utf-8-sig")


def _json(key: str, records: list[dict[str, Any]], dataset: Dataset) -> bytes:
    cited = sorted({s for r in records for s in (r.get("sources") or [r.get("source")]) if s})
    document = {
        "license": LICENSE,
        "source": SOURCE_NOTE,
        key: records,
        "sources": [_dump(dataset.sources[s]) for s in cited],
    }
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def download_files(dataset: Dataset) -> dict[str, bytes]:
    """File name -> content, for every downloadable file."""
    events = [_dump(e) for e in dataset.events]
    figures = [_dump(f) for f in dataset.figures]
    return {
        "timeline.csv": _csv(TIMELINE_COLUMNS, events),
        "timeline.json": _json("events", events, dataset),
        "figures.csv": _csv(FIGURE_COLUMNS, figures),
        "figures.json": _json("figures", figures, dataset),
    }


def write_downloads(dataset: Dataset, out_dir: Path) -> list[Path]:
    """Write the files into `out_dir` (the lead calls it with site_dir/downloads)."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, content in download_files(dataset).items():
        path = out_dir / name
        path.write_bytes(content)
        written.append(path)
    return written
