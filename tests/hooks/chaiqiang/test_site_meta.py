from pathlib import Path

import pytest
from chaiqiang.site_meta import SiteMetaError, load_site_meta

from tests.conftest import ROOT

GOOD = """url: https://walls.example/
version: 1.0.0
released: 2026-01-01
title: {zh-Hant: 拆牆, en: Walls}
author: {zh-Hant: 編輯群, en: Editors}
publisher: {zh-Hant: 編輯群, en: Editors}
license:
  text_and_data: CC BY 4.0
  code: MIT
  text_and_data_spdx: CC-BY-4.0
  text_and_data_url: https://creativecommons.org/licenses/by/4.0/
  code_spdx: MIT
source:
  id: article-1
  author: {zh-Hant: 某網, en: Some Site}
  title: {zh-Hant: 分析, en: An analysis}
  date: 2025-09-24
  language: zh
dataset:
  title: {zh-Hant: 資料, en: Data}
  page: timeline.md
changelog:
  - version: 1.0.0
    date: 2026-01-01
    changes: {zh-Hant: [第二版。], en: [Second.]}
    pages: [story/a.md]
  - version: 0.9.0
    date: 2025-12-01
    changes: {zh-Hant: [第一版。], en: [First.]}
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "site.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_url_comes_from_the_file_and_the_environment_overrides_it(tmp_path):
    path = write(tmp_path, GOOD)
    assert load_site_meta(path, environ={}).url == "https://walls.example/"
    assert load_site_meta(path, environ={"SITE_URL": "https://mirror.example/walls"}).url == (
        "https://mirror.example/walls/"
    )


def test_the_changelog_is_read_newest_first_with_page_dates(tmp_path):
    meta = load_site_meta(write(tmp_path, GOOD), environ={})
    assert [v.version for v in meta.changelog] == ["1.0.0", "0.9.0"]
    assert meta.changelog[0].changes["en"] == ("Second.",)
    assert meta.changelog[1].pages is None
    assert meta.page_dates("story/a.md") == ("2025-12-01", "2026-01-01")
    assert meta.page_dates("story/b.md") == ("2025-12-01", "2025-12-01")
    assert meta.source.date == "2025-09-24" and meta.source.url is None
    assert meta.dataset.page == "timeline.md"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (GOOD.replace("version: 1.0.0\n", "", 1), "field 'version' is missing"),
        (GOOD.replace("en: Walls", "fr: Murs"), "field 'title': language 'en' is missing"),
        (GOOD.replace("https://walls.example/", "walls.example"), "is not an http(s) URL"),
        ("url: [unclosed", "site.yaml"),
        (GOOD.replace("publisher: {zh-Hant: 編輯群, en: Editors}\n", ""), "field 'publisher' is missing"),
        (GOOD.replace("  code_spdx: MIT\n", ""), "field 'license': 'code_spdx' is missing"),
        (
            GOOD.replace("released: 2026-01-01", "released: 2026-02-01"),
            "the newest entry must be the current version",
        ),
        (
            GOOD.replace("date: 2025-12-01", "date: 2026-02-01"),
            "changelog[1] (0.9.0): the list must run newest first",
        ),
        (GOOD.replace("version: 0.9.0", "version: 1.0.0"), "version 1.0.0 is listed twice"),
        (GOOD.replace("date: 2025-12-01", "date: 2025-13-01"), "changelog[1] (0.9.0): field 'date'"),
        (GOOD.replace("en: [First.]", "en: []"), "field 'changes': language 'en' needs a list of texts"),
        (GOOD.replace("en: [First.]", "en: [First., Again.]"), "different numbers of items"),
        (GOOD.replace("pages: [story/a.md]", "pages: [story/a]"), "field 'pages' must list page files"),
        (GOOD.replace("  date: 2025-09-24\n", ""), "source: field 'date' is missing"),
        (GOOD.replace("  page: timeline.md\n", ""), "dataset: field 'page'"),
        (GOOD.split("changelog:")[0], "field 'changelog' is missing"),
    ],
)
def test_bad_metadata_names_the_file_and_field(tmp_path, text, message):
    with pytest.raises(SiteMetaError) as info:
        load_site_meta(write(tmp_path, text), environ={})
    assert "site.yaml" in str(info.value)
    assert message in str(info.value)


def test_the_real_site_yaml_loads_and_its_article_matches_data_sources():
    """data/site.yaml names the article the way data/sources.yaml records it."""
    import yaml

    meta = load_site_meta(ROOT / "data" / "site.yaml", environ={})
    sources = yaml.safe_load((ROOT / "data" / "sources.yaml").read_text(encoding="utf-8"))["sources"]
    (entry,) = [s for s in sources if s["id"] == meta.source.id]
    assert str(entry["date"]) == meta.source.date
    assert entry["publisher"]["zh"] == meta.source.author["zh-Hant"]
    assert entry["title"]["zh"] == meta.source.title["zh-Hant"]
    assert entry["title"]["en"] == meta.source.title["en"]
    assert bool(entry.get("title_supplied")) == meta.source.title_supplied
    assert entry.get("url") == meta.source.url
