"""Fixtures for the chaiqiang data layer and renderers: a small, valid data
set written to a temporary data/ folder, which tests break one field at a time."""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from chaiqiang.data import Dataset, load_dataset
from chaiqiang.render.common import RenderContext
from chaiqiang.render.links import Links

ROOT = Path(__file__).resolve().parents[3]
REAL_DATA = ROOT / "data"


def T(zh: str, en: str) -> dict[str, str]:
    return {"zh-Hant": zh, "en": en}


MINIMAL: dict[str, dict] = {
    "actors.yaml": {
        "actors": [
            {"id": "alibaba", "kind": "company", "names": T("阿里巴巴", "Alibaba")},
            {"id": "taobao", "kind": "platform", "names": T("淘寶", "Taobao"), "parent": "alibaba"},
            {"id": "tencent", "kind": "company", "names": T("騰訊", "Tencent")},
            {"id": "wechat", "kind": "platform", "names": T("微信", "WeChat"), "parent": "tencent"},
        ]
    },
    "sources.yaml": {
        "sources": [
            {
                "id": "article",
                "kind": "article",
                "publisher": T("藍海億觀網", "Lanhai Yiguan"),
                "title": T("一篇分析", "An analysis"),
                "title_supplied": True,
                "short": T("藍海億觀網", "Lanhai Yiguan"),
                "date": "2025-09-24",
                "precision": "day",
                "language": "zh",
            },
            {
                "id": "bank-report",
                "kind": "report",
                "publisher": T("某銀行", "A bank"),
                "title": T("報告", "Report"),
                "title_supplied": True,
                "short": T("銀行報告", "Bank report"),
                "as_cited_by": "article",
            },
        ]
    },
    "timeline.yaml": {
        "phases": [
            {"id": "war", "start": 2013, "end": 2020, "title": T("封鎖", "Blocking")},
            {"id": "peace", "start": 2021, "end": 2025, "title": T("和解", "Peace"), "summary": T("摘要", "Summary")},
        ],
        "kinds": [
            {"id": "block", "label": T("封鎖", "Blocking")},
            {"id": "talks", "label": T("洽談", "Talks")},
        ],
        "events": [
            {
                "id": "evt-2021-09-open",
                "date": "2021-09",
                "precision": "month",
                "phase": "peace",
                "kind": "block",
                "status": "stated",
                "actors": ["wechat", "taobao"],
                "title": T("微信開放", "WeChat opens"),
                "summary": T("摘要。", "Summary."),
                "sources": ["article"],
                "confirmed_by": ["bank-report"],
            },
            {
                "id": "evt-2013-taobao-blocks-wechat",
                "date": "2013",
                "precision": "year",
                "phase": "war",
                "kind": "block",
                "status": "stated",
                "actors": ["taobao", "wechat"],
                "title": T("淘寶封鎖微信", "Taobao blocks WeChat"),
                "summary": T("摘要。", "Summary."),
                "sources": ["article"],
            },
            {
                "id": "evt-2025-09-16-talks",
                "date": "2025-09-16",
                "precision": "day",
                "date_note": T("傳聞日期", "date of the report"),
                "phase": "peace",
                "kind": "talks",
                "status": "reported",
                "actors": ["alibaba", "tencent"],
                "title": T("網傳洽談", "Reported talks"),
                "summary": T("摘要。", "Summary."),
                "sources": ["article", "bank-report"],
            },
        ],
    },
    "figures.yaml": {
        "groups": [
            {"id": "mau", "title": T("月活", "MAU"), "chart": "bar"},
            {"id": "growth", "title": T("成長", "Growth"), "chart": "diverging"},
            {"id": "other", "title": T("其他", "Other")},
        ],
        "figures": [
            {
                "id": "fig-wechat-mau",
                "group": "mau",
                "measure": T("月活躍用戶數", "monthly active users"),
                "label": T("微信", "WeChat"),
                "value": 1371000000,
                "unit": "people",
                "as_of": "2024-06",
                "precision": "month",
                "entities": ["wechat"],
                "source": "article",
                "status": "stated",
                "confirmed_by": ["bank-report"],
            },
            {
                "id": "fig-alipay-mau",
                "group": "mau",
                "measure": T("月活躍用戶數", "monthly active users"),
                "label": T("支付寶", "Alipay"),
                "value": 893000000,
                "unit": "people",
                "as_of": "2024-06",
                "precision": "month",
                "entities": [],
                "source": "article",
                "status": "stated",
                "note": T("附註", "A note"),
            },
            {
                "id": "fig-down",
                "group": "growth",
                "measure": T("年增率", "growth"),
                "label": T("甲", "A"),
                "value": -1,
                "unit": "percent_yoy",
                "as_of": "2024-Q2",
                "precision": "quarter",
                "entities": ["alibaba"],
                "source": "bank-report",
                "status": "stated",
            },
            {
                "id": "fig-up",
                "group": "growth",
                "measure": T("年增率", "growth"),
                "label": T("乙", "B"),
                "value": 4,
                "unit": "percent_yoy",
                "as_of": "2024-Q2",
                "precision": "quarter",
                "entities": ["tencent"],
                "source": "article",
                "status": "stated",
            },
            {
                "id": "fig-share",
                "group": "other",
                "measure": T("市場份額", "market share"),
                "label": T("2019年", "2019"),
                "value": 66,
                "unit": "percent",
                "as_of": "2019",
                "precision": "year",
                "entities": ["taobao"],
                "source": "bank-report",
                "status": "reported",
            },
        ],
    },
    "models.yaml": {
        "dilemma": {
            "title": T("囚徒困境", "Prisoner's dilemma"),
            "players": ["alibaba", "tencent"],
            "moves": [{"id": "open", "label": T("開放", "Open")}, {"id": "block", "label": T("封鎖", "Block")}],
            "outcomes": [
                {"id": "both-block", "label": T("都封鎖", "Both block"), "cells": [["block", "block"]],
                 "outcome": T("損失", "Loss")},
                {"id": "one-opens", "label": T("一方開放", "One opens"), "cells": [["open", "block"], ["block", "open"]],
                 "outcome": T("風險", "Risk")},
                {"id": "both-open", "label": T("都開放", "Both open"), "cells": [["open", "open"]],
                 "outcome": T("最好", "Best")},
            ],
            "source": "article",
        },
        "five_forces": [
            {"id": f, "force": T(f"力{i}", f"Force {i}"), "who": T("誰", "Who"), "actors": ["taobao"],
             "claim": T("看法", "Claim"), "explicit": True, "source": "article"}
            for i, f in enumerate(["rivalry", "substitutes", "supplier-power", "buyer-power"])
        ]
        + [{"id": "new-entrants", "force": T("新進者", "New entrants"), "actors": [], "explicit": False,
            "source": "article"}],
    },
    "glossary.yaml": {
        "terms": [
            {"id": "taokouling", "zh-Hant": {"term": "淘口令", "aliases": [], "definition": "淘寶的分享口令。"},
             "en": {"term": "Taokouling", "aliases": ["Taobao password"], "definition": "A share code."}},
            {"id": "mini-program", "zh-Hant": {"term": "小程序", "aliases": [], "definition": "App 裡的 App。"},
             "en": {"term": "mini program", "aliases": [], "definition": "An app inside an app."}},
            {"id": "abc", "zh-Hant": {"term": "GMV", "aliases": [], "definition": "成交總額。"},
             "en": {"term": "GMV", "aliases": [], "definition": "Gross merchandise value."}},
        ]
    },
}  # fmt: skip


def _small_games() -> dict:
    """data/games.yaml with its references pointed into the small data set: the real
    families and strategies (the build checks the families cover every game), two
    presets and a replay of one round."""
    games = yaml.safe_load((REAL_DATA / "games.yaml").read_text(encoding="utf-8"))
    for family in games["families"]:
        family.pop("source", None)
    for strategy in games["strategies"]:
        strategy.pop("source", None)
    games["presets"] = games["presets"][:2]
    for preset in games["presets"]:
        preset["source"] = "article"
        preset["events"] = ["evt-2021-09-open"]
    games["replay"].update(
        source="article", rounds=[{"event": "evt-2013-taobao-blocks-wechat", "moves": ["block", "open"]}]
    )
    return games


MINIMAL["games.yaml"] = _small_games()


@pytest.fixture
def data_files() -> dict[str, dict]:
    """A fresh deep copy: tests change it freely."""
    return copy.deepcopy(MINIMAL)


@pytest.fixture
def write_data_dir(tmp_path: Path) -> Callable[..., Path]:
    """write_data_dir(files, raw) -> the data/ folder. `files` maps file
    names to data (None leaves a file out); raw texts replace a file's YAML."""

    def write(files: dict[str, dict | None], raw: dict[str, str] | None = None) -> Path:
        data_dir = tmp_path / "data"
        data_dir.mkdir(exist_ok=True)
        for name, content in files.items():
            if content is not None:
                text = yaml.safe_dump(content, allow_unicode=True, sort_keys=False)
                (data_dir / name).write_text(text, encoding="utf-8")
        for name, text in (raw or {}).items():
            (data_dir / name).write_text(text, encoding="utf-8")
        return data_dir

    return write


@pytest.fixture
def small_dataset(data_files, write_data_dir) -> Dataset:
    return load_dataset(write_data_dir(data_files))


@pytest.fixture(scope="session")
def real_dataset() -> Dataset:
    return load_dataset(REAL_DATA)


@pytest.fixture
def render_ctx(small_dataset) -> Callable[..., RenderContext]:
    """render_ctx(lang, url='timeline/', use_directory_urls=True)."""

    def make(lang: str = "en", url: str | None = None, use_directory_urls: bool = True, data=None):
        if url is None:
            url = ("en/" if lang == "en" else "") + ("timeline/" if use_directory_urls else "timeline.html")
        return RenderContext(data or small_dataset, lang, Links(url, lang, use_directory_urls))

    return make
