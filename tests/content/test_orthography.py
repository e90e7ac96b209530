"""zh-Hant text in Taiwan orthography (OpenCC s2tw changes nothing), with no pinyin glosses."""

from __future__ import annotations

from pathlib import Path

import pytest

from tools.textcheck import S2TW_FALSE_POSITIVES, orthography_findings

ROOT = Path(__file__).resolve().parents[2]


def zh_sources() -> list[Path]:
    return sorted((ROOT / "docs" / "zh-Hant").rglob("*.md")) + sorted((ROOT / "data").glob("*.yaml"))


@pytest.mark.parametrize("path", zh_sources(), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_zh_hant_sources_pass_s2tw(path):
    findings = orthography_findings(path.read_text(encoding="utf-8"), path.relative_to(ROOT).as_posix())
    assert findings == [], "\n".join(map(str, findings))


def test_built_zh_hant_pages_pass_s2tw(built_pages):
    findings = []
    for (lang, rel), page in built_pages.items():
        if lang == "zh-Hant":
            findings += orthography_findings(page.text(), f"built zh-Hant page /{rel}")
    assert findings == [], "\n".join(map(str, findings))


def test_checker_catches_simplified_characters_and_pinyin_glosses():
    found = orthography_findings("淘寶終于關閉了網(wǎng)站的跳轉通道，并且", "sample")
    messages = " ".join(f.message for f in found)
    assert "'于' should be '於'" in messages
    assert "'并' should be '並'" in messages
    assert "pinyin gloss '網(wǎng)'" in messages


def test_allowlist_entries_are_justified():
    for word, reason in S2TW_FALSE_POSITIVES.items():
        assert word and len(reason) > 10, f"allowlist entry {word!r} needs a reason"
