"""Taiwan usage at the phrase level: OpenCC s2twp changes nothing in our zh-Hant
text outside quotations and names, except the phrases reviewed and kept in
tests/content/s2twp_reviewed.yaml.

test_orthography.py checks characters (s2tw); this checks words (s2twp: 軟件→軟體,
視頻→影片, 接口→介面). s2twp over-reaches (類型→型別, 支持→支援), so each phrase it
would change is either changed in the text or listed with a reason."""

from __future__ import annotations

import difflib
from functools import cache
from pathlib import Path

import pytest
import yaml

from tests.content.test_termbase import data_files, unquoted_page_text, yaml_prose
from tools.checks.textcheck import HAN, Finding

ROOT = Path(__file__).resolve().parents[2]
REVIEWED_FILE = Path(__file__).with_name("s2twp_reviewed.yaml")
REVIEWED = yaml.safe_load(REVIEWED_FILE.read_text(encoding="utf-8"))["reviewed"]


@cache
def _s2twp():
    import opencc

    return opencc.OpenCC("s2twp")


@cache
def names() -> tuple[str, ...]:
    """The names of companies, apps and authorities (data/actors.yaml): kept as their owners write them."""
    actors = yaml.safe_load((ROOT / "data" / "actors.yaml").read_text(encoding="utf-8"))["actors"]
    found = set()
    for actor in actors:
        for key in ("names", "full_names"):
            if actor.get(key):
                found.add(actor[key]["zh-Hant"])
    return tuple(sorted(found, key=len, reverse=True))


def s2twp_findings(text: str, where: str, reviewed=REVIEWED) -> list[Finding]:
    """Every change s2twp would make to `text`, outside names and reviewed phrases."""
    masked = text
    for phrase in sorted([r["phrase"] for r in reviewed] + list(names()), key=len, reverse=True):
        masked = masked.replace(phrase, "\u3000" * len(phrase))
    converted = _s2twp().convert(masked)
    if converted == masked:
        return []
    findings = []
    matcher = difflib.SequenceMatcher(None, masked, converted, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op != "equal":
            context = " ".join(text[max(0, i1 - 6) : i2 + 6].split())
            findings.append(
                Finding(where, f"s2twp would change {text[i1:i2]!r} to {converted[j1:j2]!r} (in …{context}…)")
            )
    return findings


def test_built_zh_hant_pages_need_no_unreviewed_s2twp_change(built_pages):
    findings = []
    for (lang, rel), page in sorted(built_pages.items()):
        if lang == "zh-Hant":
            findings += s2twp_findings(unquoted_page_text(page), f"built zh-Hant:/{rel}")
    assert findings == [], "\n".join(map(str, findings))


@pytest.mark.parametrize("path", data_files(), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_zh_hant_data_texts_need_no_unreviewed_s2twp_change(path):
    """Data texts reach readers as tooltips, table cells and downloads too."""
    findings = []
    for where, lang, text in yaml_prose(yaml.safe_load(path.read_text(encoding="utf-8"))):
        if lang == "zh-Hant":
            findings += s2twp_findings(text, f"{path.relative_to(ROOT).as_posix()}: {where}")
    assert findings == [], "\n".join(map(str, findings))


def test_every_reviewed_phrase_is_justified_and_still_needed():
    import re

    phrases = [r["phrase"] for r in REVIEWED]
    assert len(phrases) == len(set(phrases)), "a phrase is listed twice"
    for r in REVIEWED:
        assert len(re.findall(f"[{HAN}]", r["phrase"])) >= 2, (
            f"{r['phrase']!r}: list a phrase, not a character"
        )
        assert len(r["why"]) > 20, f"{r['phrase']!r} needs a reason"
        assert _s2twp().convert(r["phrase"]) == r["s2twp"], (
            f"{r['phrase']!r}: s2twp now gives {_s2twp().convert(r['phrase'])!r}, not {r['s2twp']!r}"
        )
        assert r["s2twp"] != r["phrase"], f"{r['phrase']!r}: s2twp no longer changes it; drop the entry"


def test_a_planted_mainland_phrase_fails(built_pages):
    clean = unquoted_page_text(built_pages[("zh-Hant", "story/blocking-war/")])
    assert s2twp_findings(clean, "clean copy") == []
    planted = clean.replace("資料", "數據", 1).replace("軟體", "軟件", 1)
    assert planted.count("數據") == 1 and planted.count("軟件") == 1
    messages = " ".join(f.message for f in s2twp_findings(planted, "planted copy"))
    assert "'數據' to '資料'" in messages
    # The finding names the characters that change, with the word around them.
    assert any(
        "'件' to '體'" in f.message and "軟件" in f.message for f in s2twp_findings(planted, "planted")
    )


def test_reviewed_phrases_and_names_pass_but_nothing_else_does():
    assert s2twp_findings("文章的類型與消息", "s") == []
    assert s2twp_findings("微信視頻號", "s") == []  # a reviewed proper name
    assert s2twp_findings("工業和信息化部", "s") == []  # an actor's full name
    assert s2twp_findings("一段視頻", "s")  # 視頻 outside the name is caught
    found = s2twp_findings("打開支付接口", "s")  # 打開 is reviewed, 接口 is not
    assert [f.message for f in found] == ["s2twp would change '接口' to '介面' (in …打開支付接口…)"]
