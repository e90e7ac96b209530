"""The citation tests' fixture: a frozen site.yaml and one page of it."""

from __future__ import annotations

from pathlib import Path

import pytest
from chaiqiang.citations.items import PageRef, page_url
from chaiqiang.site_meta import SiteMeta, load_site_meta

HERE = Path(__file__).parent
GOLDEN = HERE / "golden"
SCHEMAS = HERE / "schemas"
PAGE = "story/blocking-war.md"
TITLES = {
    "zh-Hant": "封鎖戰與解凍（2013–2023）",
    "en": "The blocking war and the thaw, 2013–2023",
}


@pytest.fixture(scope="session")
def meta() -> SiteMeta:
    return load_site_meta(HERE / "fixtures" / "site.yaml", environ={})


@pytest.fixture(scope="session")
def refs(meta) -> dict[str, PageRef]:
    return {lang: PageRef(lang, TITLES[lang], page_url(meta, lang, PAGE), PAGE) for lang in TITLES}
