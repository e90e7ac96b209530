"""zh-Hant text in Taiwan orthography (OpenCC s2tw changes nothing), with no pinyin glosses."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import html

from tools.checks.textcheck import S2TW_FALSE_POSITIVES, orthography_findings

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


# Attributes whose words a reader sees or hears: tooltips, landmark and button
# names, the search box, image descriptions.
READ_ATTRIBUTES = ("title", "aria-label", "placeholder", "alt", "content")


def interface_text(tree: html.HtmlElement) -> str:
    """Everything of a built page a reader meets besides the article: header, nav,
    footer, labels and tooltips, and Material's UI strings (search messages and
    the copy button's) in its page configuration."""
    parts = [tree.xpath("string(//body)")]
    for attr in READ_ATTRIBUTES:
        parts += tree.xpath(
            f"//body//@{attr} | //head/meta[@name='description' or starts-with(@property, 'og:')]/@{attr}"
        )
    for config in tree.xpath("//script[@id='__config']/text()"):
        parts += json.loads(config)["translations"].values()
    return "\n".join(parts)


def test_the_whole_zh_hant_page_is_in_taiwan_usage(built_site):
    pages = [p for p in sorted(built_site.rglob("*.html")) if not p.relative_to(built_site).parts[0] == "en"]
    assert len(pages) > 10
    findings = []
    for page in pages:
        tree = html.fromstring(page.read_bytes())
        findings += orthography_findings(interface_text(tree), f"built /{page.relative_to(built_site)}")
    assert findings == [], "\n".join(map(str, findings))


def test_interface_text_reaches_labels_tooltips_and_search_messages():
    # Material 9.8.2's own zh-Hant strings had 个 in a search message and 脚 in the
    # footer's landmark name: both are out of the article's text.
    page = html.fromstring(
        '<html><head><meta name="description" content="說明"></head><body><p>頁</p>'
        '<footer aria-label="頁脚"></footer>'
        '<script id="__config" type="application/json">'
        '{"translations": {"search.result.one": "找到 1 个符合條件的結果"}}</script></body></html>'
    )
    messages = " ".join(f.message for f in orthography_findings(interface_text(page), "sample"))
    assert "'脚' should be '腳'" in messages and "'个' should be '個'" in messages


def test_the_interface_words_pass_s2tw():
    # Our words and Material's, in data/strings/zh-Hant.yaml (chaiqiang.strings).
    path = ROOT / "data" / "strings" / "zh-Hant.yaml"
    findings = orthography_findings(path.read_text(encoding="utf-8"), "data/strings/zh-Hant.yaml")
    assert findings == [], "\n".join(map(str, findings))


def test_the_theme_strings_override_covers_every_material_string():
    # A key missing from the `material` group of data/strings/zh-Hant.yaml (which
    # overrides/partials/languages/zh-Hant.html returns) would fall back to
    # Material's English string.
    import re

    import material
    from chaiqiang import strings

    ours = strings.group("zh-Hant", "material")
    theirs = (
        Path(material.__file__).parent / "templates" / "partials" / "languages" / "zh-Hant.html"
    ).read_text(encoding="utf-8")
    key = re.compile(r'^\s*"([\w.]+)":', re.M)
    assert set(ours) == set(key.findall(theirs))
    findings = [f for k, text in ours.items() for f in orthography_findings(text, f"material: {k}")]
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
