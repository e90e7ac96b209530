from pathlib import Path

import pytest
from chaiqiang.data import DataError
from chaiqiang.project import Project
from chaiqiang.site_meta import load_site_meta

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


def test_a_bad_site_url_override_is_named(tmp_path):
    with pytest.raises(DataError) as info:
        load_site_meta(write(tmp_path, GOOD), environ={"SITE_URL": "walls.example"})
    assert str(info.value).endswith("site.yaml: field 'url': SITE_URL='walls.example' is not an http(s) URL")


def test_every_problem_is_reported_at_once(tmp_path):
    text = GOOD.replace("en: Walls", "fr: Murs").replace("  code_spdx: MIT\n", "")
    with pytest.raises(DataError) as info:
        load_site_meta(write(tmp_path, text), environ={})
    assert [(p.entry, p.field) for p in info.value.problems] == [(None, "title"), ("license", "code_spdx")]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (GOOD.replace("version: 1.0.0\n", "", 1), "field 'version': missing (required) (line 1)"),
        (GOOD.replace("en: Walls", "fr: Murs"), "field 'title': 'fr' is not a language of the site"),
        (GOOD.replace("https://walls.example/", "walls.example"), "is not an http(s) URL"),
        ("url: [unclosed", "site.yaml"),
        (
            GOOD.replace("publisher: {zh-Hant: 編輯群, en: Editors}\n", ""),
            "field 'publisher': missing (required)",
        ),
        (
            GOOD.replace("  code_spdx: MIT\n", ""),
            "entry 'license': field 'code_spdx': missing (required) (line 7)",
        ),
        (
            GOOD.replace("released: 2026-01-01", "released: 2026-02-01"),
            "the newest changelog entry must be the current version",
        ),
        (
            GOOD.replace("date: 2025-12-01", "date: 2026-02-01"),
            "entry '0.9.0': field 'date': the list must run newest first",
        ),
        (
            GOOD.replace("version: 0.9.0", "version: 1.0.0"),
            "entry '1.0.0': field 'version': 1.0.0 is listed twice (also entry #1 of changelog) (line 27)",
        ),
        (
            GOOD.replace("date: 2025-12-01", "date: 2025-13-01"),
            "entry '0.9.0': field 'date': '2025-13-01' is not a real date (YYYY-MM-DD) (line 28)",
        ),
        (
            GOOD.replace("en: [First.]", "en: []"),
            "entry '0.9.0': field 'changes.en': needs at least 1 item(s), has 0 (line 29)",
        ),
        (
            GOOD.replace("en: [First.]", "en: [First., Again.]"),
            "entry '0.9.0': field 'changes': the languages list different numbers of items (line 29)",
        ),
        (
            GOOD.replace("pages: [story/a.md]", "pages: [story/a]"),
            "entry '1.0.0': field 'pages[0]': 'story/a' is not a page file under docs/<language>/",
        ),
        (
            GOOD.replace("  date: 2025-09-24\n", ""),
            "entry 'source': field 'date': missing (required) (line 13)",
        ),
        (
            GOOD.replace("  page: timeline.md\n", ""),
            "entry 'dataset': field 'page': missing (required) (line 19)",
        ),
        (GOOD.split("changelog:")[0], "field 'changelog': missing (required)"),
    ],
)
def test_bad_metadata_names_the_file_and_field(tmp_path, text, message):
    with pytest.raises(DataError) as info:
        load_site_meta(write(tmp_path, text), environ={})
    assert "site.yaml" in str(info.value)
    assert message in str(info.value)


def test_the_real_site_yaml_loads_and_its_article_matches_data_sources():
    """data/site.yaml names the article the way data/sources.yaml records it."""
    project = Project.load(ROOT, environ={})
    meta = project.meta
    entry = project.dataset.sources[meta.source.id]
    assert entry.date == meta.source.date
    # The English publisher adds the Chinese name in brackets; the article's own language is the same.
    assert entry.publisher["zh-Hant"] == meta.source.author["zh-Hant"]
    for lang in project.languages.codes:
        assert entry.title[lang] == meta.source.title[lang]
    assert entry.title_supplied == meta.source.title_supplied
    assert entry.url == meta.source.url
