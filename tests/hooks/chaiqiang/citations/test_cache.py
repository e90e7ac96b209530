"""Rendered references kept between builds (chaiqiang.citations.cache): content-addressed,
never stale."""

from __future__ import annotations

import json

import pytest
from chaiqiang import caches
from chaiqiang.citations import cache, items, render


@pytest.fixture
def folder(tmp_path):
    cache.configure(tmp_path / "citations")
    cache.clear_memory()
    yield tmp_path / "citations"
    cache.configure(None)
    cache.clear_memory()


def entries(folder):
    return sorted(folder.rglob("*.json"))


def test_a_render_is_kept_and_read_back(folder, meta, refs):
    item = items.page_item(meta, refs["en"])
    first = render.render(item, "apa", "en")
    [entry] = entries(folder)
    # Read back from the folder (not memory): plant a different value under the same key.
    cache.clear_memory()
    entry.write_text(json.dumps("planted"), encoding="utf-8")
    assert render.render(item, "apa", "en").text == "planted"
    entry.unlink()
    cache.clear_memory()
    assert render.render(item, "apa", "en") == first


def test_a_changed_input_gives_a_new_entry_and_output(folder, meta, refs):
    item = items.page_item(meta, refs["en"])
    before = render.render(item, "apa", "en")
    after = render.render({**item, "title": "Another title"}, "apa", "en")
    assert "Another title" in after.text and after != before
    assert len(entries(folder)) == 2
    # The style and the language are inputs too.
    render.render(item, "mla", "en")
    render.render(items.page_item(meta, refs["zh-Hant"]), "apa", "zh-Hant")
    assert len(entries(folder)) == 4


def test_another_library_version_gives_another_key(folder, meta, refs, monkeypatch):
    item = items.page_item(meta, refs["en"])
    files = render._files("apa", "en")
    inputs = {"kind": "entry", "item": item, "style": "apa", "locale": "en-US"}
    before = cache.key(inputs, files)
    real = caches.metadata.version
    monkeypatch.setattr(
        caches.metadata, "version", lambda name: "99.0" if name == "citeproc-py" else real(name)
    )
    cache._versions.cache_clear()
    try:
        assert cache.key(inputs, files) != before
    finally:
        monkeypatch.undo()
        cache._versions.cache_clear()
    assert cache.key(inputs, files) == before


def test_a_damaged_entry_is_made_again(folder, meta, refs):
    item = items.page_item(meta, refs["en"])
    good = render.render(item, "chicago", "en")
    [entry] = entries(folder)
    entry.write_text("{not json", encoding="utf-8")
    cache.clear_memory()
    assert render.render(item, "chicago", "en") == good
