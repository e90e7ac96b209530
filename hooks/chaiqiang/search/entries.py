"""Material's search entries for each page, kept between builds (.cache/search-entries/).

Material's search plugin splits every page into sections and has jieba cut
their Han text: after the pages' HTML (chaiqiang.page_cache), the largest part
of a build that gives the same result for the same page. `install` wraps its
`SearchIndex.add_entry_from_context` (Material is in maintenance, pinned to 9.x).

Content-addressed: the key covers what the plugin reads of the page (its HTML,
table of contents, title, front matter and address), the index's settings, the
versions of Material and of the libraries it cuts and matches with, and what
jieba cuts with (chaiqiang.search.segmenter.fingerprint: its dictionary and the
site's words). Without jieba, Material cuts nothing, and the key says so.

While jieba's dictionary is still being made in another process (an empty
cache: chaiqiang.search.segmenter.prepare), pages are queued, with what the
plugin reads of them, and indexed in the same order just before the index is
written (`SearchIndex.generate_search_index`), so the build does not wait.

mkdocs-static-i18n builds the languages one after the other, each pass writing
an index, and then writes the merged one (`defer_to_merge`). An index written
before that while the dictionary is still being made is an interim one: each
queued page keeps its place in it as an `Unindexed` entry, which the merged
index has indexed, in the same order, so the next language is built while the
dictionary is made; and if it is still being made then, the merged index waits
for the build's last steps (`finish_merge`). While the merged index waits for the
dictionary, Material reads the queued pages' sections, which needs no dictionary
(`_sections`); jieba cuts them once the dictionary is there (`_cut`), as Material
would have, last, in each entry's title and text.
"""

from __future__ import annotations

import hashlib
import json
from functools import cache
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from material.plugins.search import plugin as material_search
from mkdocs.exceptions import PluginError

from .. import caches, parallel
from ..errors import ChaiqiangError
from . import segmenter

LIBRARIES = ("mkdocs-material", "jieba", "backrefs")

_store: caches.Store | None = None
_original = material_search.SearchIndex.add_entry_from_context
_original_generate = material_search.SearchIndex.generate_search_index
_queue: list[tuple[Any, SimpleNamespace]] = []
# Whether a merged index will be written, and the merge held back for `finish_merge` (`defer_to_merge`).
_merge = SimpleNamespace(follows=False, held=None)
# What Material's add_entry_from_context reads of a page (and `key` with it).
PAGE_FIELDS = ("content", "toc", "title", "meta", "url")


@cache
def _versions() -> str:
    return caches.versions(LIBRARIES, Path(__file__))


def _toc(toc) -> list[Any]:
    return [[item.id, item.title, item.url, _toc(item.children)] for item in toc]


def key(index, page) -> str:
    inputs = {
        "content": page.content,
        "toc": _toc(page.toc),
        "title": page.title,
        "meta": page.meta,
        "url": page.url,
        "index": index.config,
        # Material cuts Han text only when it can import jieba (the benchmark's baseline cannot).
        "jieba": segmenter.fingerprint() if material_search.jieba else None,
    }
    text = json.dumps(inputs, sort_keys=True, ensure_ascii=False, default=repr)
    return hashlib.sha256((_versions() + "\n" + text).encode("utf-8")).hexdigest()


def _add_entry_from_context(index, page) -> None:
    if _queue or segmenter.pending():
        # The page as it is now: the plugin strips attributes from its content next.
        _queue.append((index, SimpleNamespace(**{name: getattr(page, name) for name in PAGE_FIELDS})))
        return None
    return _add_now(index, page)


class Unindexed(dict):
    """A queued page's place in an interim index: shaped like an entry (its page's
    own), marked, and replaced by the page's entries in the merged index."""

    def __init__(self, index, page: SimpleNamespace):
        super().__init__(location=page.url, title=page.title, text="", unindexed=True)
        self.index, self.page = index, page
        self.sections: list[dict] | None = None  # `_sections`, read while the dictionary is made


def _entries_of(index, page, sections: list[dict] | None = None) -> list[dict]:
    """The entries Material makes of `page` with `index`'s settings (its own pass's);
    `sections`: what `_sections` read of it, for jieba to cut."""
    scratch = material_search.SearchIndex(**index.config)
    _add_now(scratch, page, sections)
    return scratch.entries


def _sections(index, page) -> list[dict]:
    """Material's entries of `page` before jieba cuts their title and text (Material's last step)."""
    scratch = material_search.SearchIndex(**index.config)
    jieba, material_search.jieba = material_search.jieba, None
    try:
        _original(scratch, page)
    finally:
        material_search.jieba = jieba
    return scratch.entries


def _cut(index, sections: list[dict]) -> list[dict]:
    """The entries that Material makes of these sections with jieba."""
    if not material_search.jieba:
        return sections
    cut = index._segment_chinese
    return [{**entry, "title": cut(entry["title"]), "text": cut(entry["text"])} for entry in sections]


def _generate_search_index(index, prev) -> str:
    try:
        if _merge.follows and segmenter.pending():
            index.entries.extend(Unindexed(queued_index, page) for queued_index, page in _queue)
            _queue.clear()
        else:
            unindexed = [entry for entry in index.entries if isinstance(entry, Unindexed)]
            if unindexed:
                if segmenter.waiting():  # meanwhile, what needs no dictionary
                    for entry in unindexed:
                        entry.sections = _sections(entry.index, entry.page)
                segmenter.ready()  # before the fork: both processes cut with the dictionary
                made = iter(
                    parallel.map_in_two(
                        lambda entry: _entries_of(entry.index, entry.page, entry.sections), unindexed
                    )
                )
                index.entries[:] = [
                    new
                    for entry in list(index.entries)
                    for new in (next(made) if isinstance(entry, Unindexed) else [entry])
                ]
            while _queue:
                queued_index, page = _queue.pop(0)
                _add_now(queued_index, page)
    except ChaiqiangError as exc:  # as the hooks report theirs: the message, no traceback
        raise PluginError(str(exc)) from None
    return _original_generate(index, prev)


def defer_to_merge(i18n) -> None:
    """While mkdocs-static-i18n has languages still to build, an index is an interim
    one; its `reconfigure_search_index` writes the merged index, which is indexed in full.
    If jieba has not been handed its dictionary by then (`segmenter.pending`: it may
    still be being made), the merge is held back until `finish_merge`
    (chaiqiang.post_build), so that the steps that need no dictionary (the bilingual
    views, the headers) are done meanwhile instead of after a wait."""
    _merge.follows = len(i18n.build_languages) > 1
    merge = i18n.reconfigure_search_index
    if getattr(merge, "indexes_in_full", False):
        return

    def merged(config):
        _merge.follows = False
        if segmenter.pending():
            _merge.held = lambda: merge(config)
            return None
        return merge(config)

    merged.indexes_in_full = True
    i18n.reconfigure_search_index = merged


def finish_merge() -> None:
    """Write the merged index that `defer_to_merge` held back, if it held one."""
    held, _merge.held = _merge.held, None
    if held is not None:
        held()


def _add_now(index, page, sections: list[dict] | None = None) -> None:
    segmenter.ready()
    add = _original if sections is None else lambda index, page: index.entries.extend(_cut(index, sections))
    if _store is None or (material_search.jieba and segmenter.fingerprint() is None):
        return add(index, page)
    start = len(index.entries)
    made = []

    def make():
        made.append(True)
        add(index, page)
        return json.loads(json.dumps(index.entries[start:], ensure_ascii=False))

    entries = _store.cached(key(index, page), make)
    if not made:
        # A copy: the index's entries may be changed later, the cache's must not.
        index.entries.extend(json.loads(json.dumps(entries, ensure_ascii=False)))
    return None


def install(folder: Path | None) -> None:
    """Index pages through the cache in `folder` (None: Material's own indexing, uncached)."""
    global _store
    _store = caches.Store(folder) if folder else None
    _queue.clear()
    _merge.follows, _merge.held = False, None
    material_search.SearchIndex.add_entry_from_context = _add_entry_from_context
    material_search.SearchIndex.generate_search_index = _generate_search_index
