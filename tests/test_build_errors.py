"""Bad input stops the build with a message that names what is wrong."""

from __future__ import annotations

import pytest

from tests.conftest import copy_project, run_build


def test_a_missing_translation_stops_the_build(tmp_path):
    project = copy_project(tmp_path / "project")
    (project / "docs" / "en" / "about.md").unlink()
    result = run_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "docs/en/about.md: missing translation" in result.output
    assert "Traceback" not in result.output


def test_a_broken_link_fails_the_strict_build(tmp_path):
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "en" / "glossary.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n\n[gone](no-such-page.md)\n", encoding="utf-8")
    result = run_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "no-such-page.md" in result.output


def test_a_broken_anchor_fails_the_strict_build(tmp_path):
    project = copy_project(tmp_path / "project")
    # A page outside the bilingual view: an aligned page would first ask for the new
    # paragraph's alignment marker (tests/test_built_bilingual.py).
    page = project / "docs" / "zh-Hant" / "glossary.md"
    page.write_text(
        page.read_text(encoding="utf-8") + "\n\n[錨點](index.md#no-such-heading)\n", encoding="utf-8"
    )
    result = run_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "no-such-heading" in result.output


def _edit(project, name, old, new):
    path = project / "data" / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text not found in {name}: {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


FIRST_EVENT = "evt-2013-taobao-blocks-wechat"

BAD_DATA = {
    "yaml syntax": (
        "timeline.yaml",
        "    title:\n      zh-Hant: 淘寶切斷來自微信的跳轉",
        "    title: [unclosed\n      zh-Hant: 淘寶切斷來自微信的跳轉",
        ["data/timeline.yaml", "line"],
    ),
    "missing field": (
        "timeline.yaml",
        "    status: stated\n    actors: [taobao, wechat]\n",
        "    actors: [taobao, wechat]\n",
        [FIRST_EVENT, "'status'"],
    ),
    "wrong type": ("timeline.yaml", "actors: [taobao, wechat]", "actors: taobao", [FIRST_EVENT, "'actors'"]),
    "impossible date": (
        "timeline.yaml",
        'date: "2014"\n    precision: year',
        'date: "2014-02-30"\n    precision: day',
        ["2014-02-30 is not a real date", "'date'"],
    ),
    "duplicate id": (
        "timeline.yaml",
        "  - id: evt-2013-tencent-retaliates",
        f"  - id: {FIRST_EVENT}",
        [FIRST_EVENT, "duplicate"],
    ),
    "unknown actor": (
        "timeline.yaml",
        "actors: [taobao, wechat]",
        "actors: [taobao, nobody]",
        [FIRST_EVENT, "unknown actor 'nobody'"],
    ),
    "unknown source": (
        "timeline.yaml",
        "    sources: [lanhai-2025-09-24]\n    confirmed_by: [sina-2013-11-taobao-blocks-wechat]\n",
        "    sources: [no-such-source]\n    confirmed_by: [sina-2013-11-taobao-blocks-wechat]\n",
        [FIRST_EVENT, "no-such-source"],
    ),
    "missing language": (
        "timeline.yaml",
        "      en: Taobao cuts off links from WeChat\n",
        "",
        [FIRST_EVENT, "'title.en'"],
    ),
    "confirmed_by: unknown source": (
        "timeline.yaml",
        "    confirmed_by: [sina-2013-11-taobao-blocks-wechat]\n",
        "    confirmed_by: [sina-2013-11-no-such-report]\n",
        [
            f"entry '{FIRST_EVENT}': field 'confirmed_by[0]': unknown source 'sina-2013-11-no-such-report'"
            " (not in data/sources.yaml) (line ",
        ],
    ),
    "confirmed_by: on a figure, unknown source": (
        "figures.yaml",
        "    confirmed_by: [tencent-2024-interim-report]\n",
        "    confirmed_by: [tencent-2024-no-such-report]\n",
        [
            "entry 'fig-wechat-mau-2024-06': field 'confirmed_by[0]': unknown source "
            "'tencent-2024-no-such-report' (not in data/sources.yaml) (line ",
        ],
    ),
    "confirmed_by: on a reported event": (
        "timeline.yaml",
        "    sources: [report-2025-09-16, lanhai-2025-09-24]\n",
        "    sources: [report-2025-09-16, lanhai-2025-09-24]\n    confirmed_by: [sohu-2025-09-16-jd-wechat-entry]\n",
        [
            "entry 'evt-2025-09-16-alibaba-wechat-talks-reported': field 'confirmed_by': "
            "a 'reported' (網傳) entry cannot also be confirmed by another source",
            "change its status to 'stated'",
            "(line ",
        ],
    ),
    "value without unit": ("figures.yaml", "    unit: people\n", "", ["fig-wechat-mau-2024-06", "'unit'"]),
    "empty string": (
        "timeline.yaml",
        "      zh-Hant: 淘寶切斷來自微信的跳轉",
        '      zh-Hant: ""',
        [FIRST_EVENT, "'title.zh-Hant'"],
    ),
    "site.yaml: impossible date": (
        "site.yaml",
        "    date: 2026-11-25\n    changes:",
        "    date: 2026-11-31\n    changes:",
        ["entry '0.1.0': field 'date': '2026-11-31' is not a real date", "(line "],
    ),
    "site.yaml: unknown field": (
        "site.yaml",
        "  title_supplied: true\n",
        "  title_suplied: true\n",
        ["entry 'source': field 'title_suplied': is not a known field", "(line "],
    ),
    "search.yaml: factor out of range": (
        "search.yaml",
        "  glossary.md: 0.5",
        "  glossary.md: 11",
        ["entry 'rank': field 'glossary.md': must be at most 10, not 11", "(line "],
    ),
    "search.yaml: not a Han word": (
        "search.yaml",
        "    - 阿里媽媽\n",
        "    - Alimama\n",
        [
            "entry 'words': field 'products[5]': 'Alimama' is not a word of two or more Han characters",
            "(line ",
        ],
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_DATA))
def test_bad_data_stops_the_build_naming_file_entry_and_field(tmp_path, case):
    name, old, new, expected = BAD_DATA[case]
    project = copy_project(tmp_path / "project")
    _edit(project, name, old, new)
    result = run_build(project, tmp_path / "site")
    assert result.returncode == 1, result.output
    assert f"data/{name}" in result.output
    for part in expected:
        assert part in result.output, f"{case}: {part!r} not in:\n{result.output}"
    assert "Traceback" not in result.output


def test_problems_in_several_data_files_are_reported_together(tmp_path):
    project = copy_project(tmp_path / "project")
    _edit(project, "site.yaml", "  title_supplied: true\n", "  title_suplied: true\n")
    _edit(project, "search.yaml", "  glossary.md: 0.5", "  glossary.md: 11")
    _edit(project, "figures.yaml", "    unit: people\n", "")
    result = run_build(project, tmp_path / "site")
    assert result.returncode == 1, result.output
    for part in ("data/site.yaml: entry 'source'", "data/search.yaml: entry 'rank'", "data/figures.yaml"):
        assert part in result.output, f"{part!r} not in:\n{result.output}"
    assert "Traceback" not in result.output


def test_an_unknown_data_block_stops_the_build(tmp_path):
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "en" / "figures.md"
    page.write_text(
        page.read_text(encoding="utf-8").replace("::: chart mau-2024", "::: chart no-such-group"),
        encoding="utf-8",
    )
    result = run_build(project, tmp_path / "site")
    assert result.returncode == 1
    assert "docs/en/figures.md" in result.output and "no-such-group" in result.output
    assert "Traceback" not in result.output
