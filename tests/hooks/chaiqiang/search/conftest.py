"""The derived Traditional dictionary, made once (and cached in .cache/search/ like the build's)."""

from __future__ import annotations

import pytest
from chaiqiang import search
from chaiqiang.search.dictionary import DictionaryCache

from tests.conftest import ROOT


@pytest.fixture(scope="session")
def dictionary_cache() -> DictionaryCache:
    return DictionaryCache(search.cache_dir(ROOT))


@pytest.fixture(scope="session")
def zh_runs() -> list[str]:
    """The Han runs of the zh-Hant pages, in order."""
    from chaiqiang.search.dictionary import HAN_RUN

    runs = []
    for path in sorted((ROOT / "docs" / "zh-Hant").rglob("*.md")):
        runs += HAN_RUN.findall(path.read_text(encoding="utf-8"))
    return runs
