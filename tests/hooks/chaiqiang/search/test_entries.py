"""Material's search entries of each page kept between builds (chaiqiang.search.entries):
the entries read back are those Material makes; another page, dictionary or library
version, another key."""

from __future__ import annotations

import json
from types import SimpleNamespace

import pytest
from chaiqiang import caches
from chaiqiang.search import entries, segmenter
from material.plugins.search import plugin as material_search
from mkdocs.structure.toc import get_toc

CONTENT = (
    '<h1 id="t">封殺與解封</h1><p>淘寶屏蔽微信連結。</p><h2 id="p">Payments</h2><p>WeChat Pay in Taobao.</p>'
)
TOC = [
    {
        "level": 1,
        "id": "t",
        "name": "封殺與解封",
        "children": [{"level": 2, "id": "p", "name": "Payments", "children": []}],
    }
]


def page(content=CONTENT):
    return SimpleNamespace(content=content, toc=get_toc(TOC), title="封殺與解封", meta={}, url="story/x/")


def index():
    return material_search.SearchIndex(lang=["zh"], separator=r"[\s\-]+", pipeline=[], fields={})


@pytest.fixture
def folder(tmp_path, monkeypatch):
    # What jieba cuts with, as chaiqiang.search.prepare leaves it.
    monkeypatch.setattr(segmenter, "_loaded", "dictionary-a")
    yield tmp_path / "entries"
    entries.install(None)


def indexed(the_page):
    i = index()
    i.add_entry_from_context(the_page)
    return i.entries


def test_the_entries_read_back_are_materials(folder):
    entries.install(None)
    own = indexed(page())
    assert [e["location"] for e in own] == ["story/x/", "story/x/#p"]
    for _ in range(2):  # made now, then read back by a later build
        entries.install(folder)
        assert indexed(page()) == own
    assert len(list(folder.rglob("*.json"))) == 1


def test_an_entry_is_read_back_and_another_input_indexes_again(folder, monkeypatch):
    entries.install(folder)
    indexed(page())
    [entry] = folder.rglob("*.json")
    entry.write_text(json.dumps([{"location": "planted", "title": "", "text": ""}]), encoding="utf-8")
    entries.install(folder)
    assert indexed(page())[0]["location"] == "planted"
    # Another page text, or another dictionary: Material indexes again.
    assert "Alipay" in indexed(page(CONTENT + "<p>Alipay.</p>"))[-1]["text"]
    monkeypatch.setattr(segmenter, "_loaded", "dictionary-b")
    assert indexed(page())[0]["location"] == "story/x/"
    assert len(list(folder.rglob("*.json"))) == 3


def test_another_library_version_gives_another_key(folder, monkeypatch):
    before = entries.key(index(), page())
    real = caches.metadata.version
    with monkeypatch.context() as patched:
        patched.setattr(caches.metadata, "version", lambda n: "0.1" if n == "jieba" else real(n))
        entries._versions.cache_clear()
        assert entries.key(index(), page()) != before
    entries._versions.cache_clear()
    assert entries.key(index(), page()) == before


def test_pages_indexed_while_the_dictionary_is_made_are_indexed_in_order_before_the_index_is_written(
    folder, monkeypatch
):
    pages = [page(CONTENT + f"<p>Page {n}.</p>") for n in range(3)]
    entries.install(None)
    direct = index()
    for p in pages:
        direct.add_entry_from_context(p)
    handed = []
    monkeypatch.setattr(segmenter, "_pending", lambda: handed.append("jieba has its dictionary"))
    entries.install(folder)
    queued = index()
    for p in pages:
        queued.add_entry_from_context(p)
        p.content = "changed by Material after indexing"
    assert queued.entries == [] and handed == []
    written = json.loads(queued.generate_search_index(None))
    assert handed == ["jieba has its dictionary"]
    assert queued.entries == direct.entries
    assert [d["location"] for d in written["docs"]] == [e["location"] for e in direct.entries]


class FakeI18n:
    """What chaiqiang.search.entries.defer_to_merge uses of mkdocs-static-i18n's plugin,
    doing what its reconfigure_search_index does: the passes' entries, merged, written again."""

    build_languages = ("zh-Hant", "en")

    def __init__(self, final):
        self.final, self.kept, self.written = final, [], []

    def reconfigure_search_index(self, config):
        self.final.entries.clear()
        self.final.entries.extend(self.kept)
        self.written.append(json.loads(self.final.generate_search_index(None)))


def test_while_another_language_is_built_the_dictionary_is_not_waited_for(folder, monkeypatch):
    # Two passes (zh-Hant, then en, as mkdocs-static-i18n builds them), each writing an
    # interim index, then the merged one: the same entries, in the same order, as indexing
    # every page at once, and the dictionary awaited only for the merged index.
    zh = [page(CONTENT + f"<p>頁 {n}.</p>") for n in range(2)]
    en = [
        SimpleNamespace(**{**vars(page(f"<h1 id='t'>Page {n}</h1><p>English.</p>")), "url": f"en/x{n}/"})
        for n in range(2)
    ]
    entries.install(None)
    direct = index()
    for p in zh + en:
        direct.add_entry_from_context(p)
    handed = []
    monkeypatch.setattr(segmenter, "_pending", lambda: handed.append("jieba has its dictionary"))
    monkeypatch.setattr(segmenter, "_pending_file", folder.parent / "not-made-yet.txt")
    read = entries._sections
    monkeypatch.setattr(entries, "_sections", lambda i, p: handed.append(f"read {p.url}") or read(i, p))
    entries.install(folder)
    first, second = index(), index()
    i18n = FakeI18n(second)
    entries.defer_to_merge(i18n)
    for pass_index, pages in ((first, zh), (second, en)):
        for p in pages:
            pass_index.add_entry_from_context(p)
        interim = json.loads(pass_index.generate_search_index(None))
        assert all(doc["unindexed"] for doc in interim["docs"]) and handed == []
        i18n.kept.extend(pass_index.entries)
    i18n.reconfigure_search_index(None)
    # Held back while the dictionary is made: the build's last steps write it (post_build).
    assert i18n.written == [] and handed == []
    entries.finish_merge()
    # Material read the pages' sections while the dictionary was being made; jieba cut them after.
    assert handed == [*(f"read {p.url}" for p in zh + en), "jieba has its dictionary"]
    entries.finish_merge()  # once only
    (merged,) = i18n.written
    assert merged["docs"] == json.loads(json.dumps(direct.entries))
    assert not any(isinstance(e, entries.Unindexed) for e in second.entries)


def test_sections_read_without_jieba_and_cut_after_are_the_entries_material_makes(folder):
    entries.install(None)
    tagged = page(CONTENT + "<h2 id='q'>阿里巴巴與騰訊</h2><p>平臺之間的互聯互通。</p>")
    tagged.meta = {"tags": ["平臺", 3], "search": {"boost": 2}}
    own = indexed(tagged)
    # jieba cut them, in titles and texts.
    assert any("\u200b" in e["title"] for e in own) and any("\u200b" in e["text"] for e in own)
    assert entries._cut(index(), entries._sections(index(), tagged)) == own


def test_with_the_dictionary_file_made_no_page_is_read_ahead(folder, monkeypatch):
    # A warm cache: jieba only has to load the file; reading the pages ahead would be wasted.
    made = folder.parent / "made.txt"
    made.write_text("", encoding="utf-8")
    monkeypatch.setattr(segmenter, "_pending", lambda: None)
    monkeypatch.setattr(segmenter, "_pending_file", made)
    monkeypatch.setattr(entries, "_sections", lambda i, p: pytest.fail("read ahead"))
    entries.install(folder)
    first, second = index(), index()
    i18n = FakeI18n(second)
    entries.defer_to_merge(i18n)
    first.add_entry_from_context(page())
    first.generate_search_index(None)
    i18n.kept.extend(first.entries)
    i18n.reconfigure_search_index(None)
    entries.finish_merge()
    (merged,) = i18n.written
    assert [d["location"] for d in merged["docs"]] == ["story/x/", "story/x/#p"]


def test_with_the_dictionary_made_the_merge_is_not_held_back(folder, monkeypatch):
    monkeypatch.setattr(segmenter, "_pending", None)
    entries.install(folder)
    i18n = FakeI18n(index())
    entries.defer_to_merge(i18n)
    i18n.reconfigure_search_index(None)
    assert len(i18n.written) == 1
    entries.finish_merge()
    assert len(i18n.written) == 1


def test_without_a_merge_to_come_the_index_waits_for_the_dictionary(folder, monkeypatch):
    # A single language (no mkdocs-static-i18n): its index is the final one.
    monkeypatch.setattr(segmenter, "_pending", lambda: None)
    entries.install(folder)
    only = index()
    only.add_entry_from_context(page())
    written = json.loads(only.generate_search_index(None))
    assert [d["location"] for d in written["docs"]] == ["story/x/", "story/x/#p"]
