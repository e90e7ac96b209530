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
from .languages import LANGUAGES

LICENSE = "CC BY 4.0"
SOURCE_NOTE = (
    "Compiled by 拆牆 / Tearing Down the Walls from the article by 藍海億觀網 (Lanhai Yiguan) "
    "of 2025-09-24 and the sources it cites. Each record names its sources by id; "
    "status 'stated' means stated by the article (as fact), 'reported' that the article passes it on "
    "as an unconfirmed report (網傳); 'confirmed_by' lists the ids of sources besides the article "
    "that confirm a stated record (absent in JSON and empty in CSV when none; in CSV joined by ';')."
)
# What each downloadable dataset consists of: name -> file names.
DOWNLOADS = {
    "timeline": ("timeline.csv", "timeline.json"),
    "figures": ("figures.csv", "figures.json"),
}


def published_key(code: str) -> str:
    """A language's key in the downloads (JSON keys, CSV column suffixes): its primary
    language subtag, zh-Hant -> zh, en -> en. The published format, kept as it was
    when the data files were keyed that way."""
    return code.split("-")[0]


def _each_language(field: str) -> list[str]:
    return [f"{field}_{published_key(lang.code)}" for lang in LANGUAGES]


TIMELINE_COLUMNS = [
    "id", "date", "precision", *_each_language("date_note"), "phase", "kind", "status", "actors",
    *_each_language("title"), *_each_language("summary"), *_each_language("note"), "sources",
    "confirmed_by",
]  # fmt: skip
FIGURE_COLUMNS = [
    "id", "group", *_each_language("label"), *_each_language("measure"), "value", "unit", "as_of",
    "precision", "entities", "source", "status", "confirmed_by", *_each_language("note"),
]  # fmt: skip
LIST_SEPARATOR = ";"


def _dump(model: Any) -> dict[str, Any]:
    # The same keys as the YAML entry: optional fields left out when absent
    # (`confirmed_by` too when empty); a text's languages under their published keys.
    record = model.model_dump(mode="json", exclude_none=True)
    if record.get("confirmed_by") == []:
        del record["confirmed_by"]
    languages = set(LANGUAGES.codes)
    return {
        key: {published_key(k): v for k, v in value.items()}
        if isinstance(value, dict) and set(value) == languages
        else value
        for key, value in record.items()
    }


def _flat(record: dict[str, Any]) -> dict[str, str]:
    """One CSV row: per-language fields split into _zh/_en/…, lists joined."""
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
    cited = sorted(
        {
            s
            for r in records
            for s in [*(r.get("sources") or [r.get("source")]), *r.get("confirmed_by", [])]
            if s
        }
    )
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
