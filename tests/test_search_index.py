"""The built site's search indexes: one per language, found by every page of that language.

(The browser tests in tests/browser/test_search.py search them as a reader does.)
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urljoin

import pytest
from lxml import html

from tests.conftest import copy_project, run_build

ROOTS = {"zh-Hant": "", "en": "en/"}
SITE = "https://site.test/"


def load_index(site: Path, lang: str) -> dict:
    return json.loads((site / ROOTS[lang] / "search" / "search_index.json").read_text(encoding="utf-8"))


def tokens(index: dict) -> set[str]:
    separator = re.compile(index["config"]["separator"])
    found: set[str] = set()
    for doc in index["docs"]:
        for field in ("title", "text"):
            found |= {t.lower() for t in separator.split(re.sub(r"<[^>]+>", " ", doc[field])) if t}
    return found


def built_pages(site: Path, lang: str) -> list[str]:
    """Page paths (as search locations) of one language, from the built files."""
    pages = []
    for path in sorted(site.rglob("index.html")):
        rel = path.parent.relative_to(site).as_posix()
        rel = "" if rel == "." else rel + "/"
        if rel.startswith("en/") == (lang == "en") and not rel.startswith(("search/", "assets/")):
            pages.append(rel.removeprefix(ROOTS[lang]))
    return pages


@pytest.mark.parametrize("lang", ROOTS)
def test_each_language_has_its_own_index_with_every_page(built_site, lang):
    index = load_index(built_site, lang)
    located = {doc["location"].partition("#")[0] for doc in index["docs"]}
    assert not any(loc.startswith("en/") for loc in located)
    assert sorted(located) == sorted(built_pages(built_site, lang))


def test_the_indexes_hold_only_their_own_languages_titles(built_site):
    zh, en = load_index(built_site, "zh-Hant"), load_index(built_site, "en")
    assert {d["title"] for d in zh["docs"] if d["location"] == "glossary/"} == {"詞彙表"}
    assert {d["title"] for d in en["docs"] if d["location"] == "glossary/"} == {"Glossary"}


@pytest.mark.parametrize("lang", ROOTS)
def test_every_page_points_material_at_its_languages_index(built_site, lang):
    for rel in built_pages(built_site, lang):
        page = html.fromstring((built_site / ROOTS[lang] / rel / "index.html").read_bytes())
        config = json.loads(page.xpath("//script[@id='__config']/text()")[0])
        url = SITE + ROOTS[lang] + rel
        assert urljoin(url, config["base"].rstrip("/") + "/") == SITE + ROOTS[lang], rel
        scripts = page.xpath("//script/@src")
        assert any(src.endswith("assets/javascripts/search.js") for src in scripts), rel


def test_the_english_404_page_finds_the_english_index(built_site):
    page = html.fromstring((built_site / "en" / "404.html").read_bytes())
    config = json.loads(page.xpath("//script[@id='__config']/text()")[0])
    assert config["base"].endswith("/en/")


def test_chinese_is_indexed_as_the_sites_words(built_site):
    words = tokens(load_index(built_site, "zh-Hant"))
    for word in (
        "淘口令",
        "互聯互通",
        "工信部",
        "下沉市場",
        "囚徒困境",
        "支付寶",
        "阿里媽媽",
        "長尾理論",
        "平臺",
    ):
        assert word in words, f"{word} is not one word in the zh-Hant index"
    # jieba's Simplified dictionary would have cut these across words.
    assert not {"網路平", "地資", "本市", "尾理論"} & words


def test_a_broken_search_settings_file_stops_the_build_with_its_name(tmp_path):
    project = copy_project(tmp_path / "project")
    path = project / "data" / "search.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("  - 騰訊\n", "  - Tencent\n"), encoding="utf-8")
    result = run_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "data/search.yaml: entry 'words': field 'companies[1]'" in result.output
    assert "'Tencent' is not a word of two or more Han characters" in result.output
    assert "Traceback" not in result.output
