"""One search index per language, each page ranked by its whole text."""

from __future__ import annotations

import json

import pytest
from chaiqiang.search.index import (
    LUNR_SETTINGS,
    PAGE_FIELD,
    SearchIndexError,
    language_of,
    page_locations,
    split,
    write,
)

LANGS = ("zh-Hant", "en")
CONFIG = {
    "lang": ["en"],
    "separator": "[\\s\\-]+",
    "pipeline": ["stemmer"],
    "fields": {"title": {"boost": 1000.0}},
}


def entry(location: str, title: str, text: str = "") -> dict:
    return {"location": location, "title": title, "text": text}


MERGED = {
    "config": CONFIG,
    "docs": [
        entry("", "拆牆", "<p>首頁</p>"),
        entry("story/blocking-war/", "封鎖戰與解凍", "<p>開頭</p>"),
        entry("story/blocking-war/#background", "背景", "<p>淘口令\u200b是\u200b一段\u200b文字</p>"),
        entry("story/blocking-war/#regulation", "監管\u200b介入", "<ul><li>工信部</li></ul>"),
        entry("glossary/", "詞彙表", "<dl><dt>淘口令</dt></dl>"),
        entry("en/", "Tearing Down the Walls", "<p>Home</p>"),
        entry("en/story/blocking-war/", "The blocking war", "<p>Opening</p>"),
        entry("en/story/blocking-war/#background", "Background", "<p>Taokouling (淘口令)</p>"),
        entry("en/glossary/", "Glossary", "<dl><dt>Taokouling</dt></dl>"),
    ],
}


def locations(index: dict) -> list[str]:
    return [doc["location"] for doc in index["docs"]]


def test_each_language_gets_only_its_own_pages_located_from_its_root():
    parts = split(MERGED)
    assert locations(parts["zh-Hant"]) == [
        "",
        "story/blocking-war/",
        "story/blocking-war/#background",
        "story/blocking-war/#regulation",
        "glossary/",
    ]
    assert locations(parts["en"]) == [
        "",
        "story/blocking-war/",
        "story/blocking-war/#background",
        "glossary/",
    ]
    assert parts["en"]["docs"][0]["title"] == "Tearing Down the Walls"


def test_each_language_gets_its_own_lunr_settings():
    parts = split(MERGED)
    for lang in LANGS:
        config = parts[lang]["config"]
        assert {k: config[k] for k in LUNR_SETTINGS[lang]} == LUNR_SETTINGS[lang]
        assert config["fields"]["title"] == {"boost": 1000.0}
        assert PAGE_FIELD in config["fields"]
    # English keeps Material's stop words; Chinese keeps every character.
    assert parts["en"]["config"]["pipeline"] == ["stopWordFilter"]
    assert "\\u200b" in parts["en"]["config"]["separator"]


def test_a_pages_own_entry_carries_the_text_of_its_sections():
    zh = {doc["location"]: doc for doc in split(MERGED)["zh-Hant"]["docs"]}
    page = zh["story/blocking-war/"][PAGE_FIELD]
    assert "淘口令\u200b是" in page and "監管\u200b介入" in page and "工信部" in page
    assert "<" not in page
    # Only a page's own entry, and only when it has sections.
    assert PAGE_FIELD not in zh["story/blocking-war/#background"]
    assert PAGE_FIELD not in zh["glossary/"]


def test_ranked_pages_are_boosted_in_every_language():
    parts = split(MERGED, rank={"glossary.md": 0.5, "index.md": 0.25})
    for lang in LANGS:
        boosts = {doc["location"]: doc.get("boost") for doc in parts[lang]["docs"]}
        assert boosts["glossary/"] == 0.5
        assert boosts[""] == 0.25
        assert boosts["story/blocking-war/"] is None


def test_a_ranked_page_that_does_not_exist_stops_the_build():
    with pytest.raises(SearchIndexError, match=r"data/search.yaml: 'rank': no zh-Hant page for timeline.md"):
        split(MERGED, rank={"timeline.md": 0.5})


def test_page_files_map_to_locations_with_and_without_directory_urls():
    assert page_locations("glossary.md") == {"glossary/", "glossary.html"}
    assert page_locations("index.md") == {"", "index.html"}
    assert page_locations("story/index.md") == {"story/", "story/index.html"}
    assert language_of("en/timeline/") == "en" and language_of("timeline/") == "zh-Hant"


def test_write_puts_each_index_under_its_language_root(tmp_path):
    (tmp_path / "search").mkdir()
    (tmp_path / "search" / "search_index.json").write_text(json.dumps(MERGED), encoding="utf-8")
    written = write(tmp_path)
    assert written == {
        "zh-Hant": tmp_path / "search" / "search_index.json",
        "en": tmp_path / "en" / "search" / "search_index.json",
    }
    zh = json.loads(written["zh-Hant"].read_text(encoding="utf-8"))
    en = json.loads(written["en"].read_text(encoding="utf-8"))
    assert not any(loc.startswith("en/") for loc in locations(zh))
    assert "Tearing Down the Walls" in [doc["title"] for doc in en["docs"]]
    # Han text is written as UTF-8, not as \\u escapes.
    assert "淘口令" in written["zh-Hant"].read_text(encoding="utf-8")
    assert not list(tmp_path.rglob("search_index.js"))


def test_offline_writes_each_index_as_a_script_too(tmp_path):
    (tmp_path / "search").mkdir()
    (tmp_path / "search" / "search_index.json").write_text(json.dumps(MERGED), encoding="utf-8")
    write(tmp_path, offline=True)
    for folder in (tmp_path / "search", tmp_path / "en" / "search"):
        script = (folder / "search_index.js").read_text(encoding="utf-8")
        assert script.startswith("var __index = ")
        assert json.loads(script.removeprefix("var __index = ")) == json.loads(
            (folder / "search_index.json").read_text(encoding="utf-8")
        )


def test_a_language_without_entries_stops_the_build(tmp_path):
    (tmp_path / "search").mkdir()
    zh_only = {**MERGED, "docs": [d for d in MERGED["docs"] if not d["location"].startswith("en/")]}
    (tmp_path / "search" / "search_index.json").write_text(json.dumps(zh_only), encoding="utf-8")
    with pytest.raises(SearchIndexError, match="no entries for the language 'en'"):
        write(tmp_path)


def test_an_index_with_pages_never_indexed_stops_the_build(tmp_path):
    # chaiqiang.search.entries.Unindexed: an interim index must never be the one published.
    (tmp_path / "search").mkdir()
    interim = {**MERGED, "docs": [*MERGED["docs"], {**entry("story/the-deal/", "合作"), "unindexed": True}]}
    (tmp_path / "search" / "search_index.json").write_text(json.dumps(interim), encoding="utf-8")
    with pytest.raises(SearchIndexError, match="1 pages were never indexed \\(story/the-deal/"):
        write(tmp_path)
