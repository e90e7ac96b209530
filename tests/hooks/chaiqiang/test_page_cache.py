"""Each page's Markdown as HTML kept between builds (chaiqiang.page_cache): a page
read from the cache is the page MkDocs converts, with its warnings; any input
changed, a new conversion; on an empty cache, a fork converts half the pages."""

from __future__ import annotations

import json
import logging
import os

import pytest
from chaiqiang import caches, page_cache, parallel
from mkdocs.commands.build import _populate_page
from mkdocs.config import load_config
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

TEXT = """# A title

See [the other page](other.md#part) and [a missing one](gone.md).

## A part {#a-part}

Text.
"""


@pytest.fixture
def project(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text(TEXT, encoding="utf-8")
    (docs / "other.md").write_text("# Other\n\n## Part {#part}\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: t\nmarkdown_extensions:\n  - attr_list\n  - toc:\n      permalink: true\n",
        encoding="utf-8",
    )
    config = load_config(config_file=str(tmp_path / "mkdocs.yml"))
    yield tmp_path, config
    page_cache.install(None)


def files_of(config, *names):
    return Files([File(n, config.docs_dir, config.site_dir, config.use_directory_urls) for n in names])


def converted(config, files, text=None):
    page = Page(None, files.get_file_from_path("index.md"), config)
    page.read_source(config)
    if text is not None:
        page.markdown = text
    page.render(config, files)
    return page


def view(page):
    links = {f.src_uri: a for f, a in (page.links_to_anchors or {}).items()}
    return (page.content, str(page.toc), page.toc.items[0].active, page.title, page.present_anchor_ids, links)


class Warnings(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages = []

    def emit(self, record):
        self.messages.append(record.getMessage())


@pytest.fixture
def warnings():
    handler = Warnings()
    logging.getLogger("mkdocs").addHandler(handler)
    yield handler.messages
    logging.getLogger("mkdocs").removeHandler(handler)


def test_a_page_from_the_cache_is_the_page_mkdocs_converts(project, warnings):
    tmp_path, config = project
    files = files_of(config, "index.md", "other.md")
    page_cache.install(None)
    own = view(converted(config, files))
    assert warnings and "gone.md" in warnings[0]
    expected = list(warnings)
    for _ in range(2):  # made now, then read back by a later build (a new store, the same folder)
        warnings.clear()
        page_cache.install(tmp_path / "pages")
        assert view(converted(config, files)) == own
        # The broken link's warning is logged either way, so --strict still fails.
        assert warnings == expected
    assert own[4] >= {"a-title", "a-part"} and own[5]["other.md"] == {"part": "other.md#part"}
    assert len(list((tmp_path / "pages").rglob("*.json"))) == 1


def test_an_entry_is_read_back_and_a_changed_input_converts_again(project):
    tmp_path, config = project
    files = files_of(config, "index.md", "other.md")
    page_cache.install(tmp_path / "pages")
    converted(config, files)
    [entry] = (tmp_path / "pages").rglob("*.json")
    entry.write_text(
        json.dumps({**json.loads(entry.read_text()), "content": "<p>planted</p>"}), encoding="utf-8"
    )
    page_cache.install(tmp_path / "pages")
    assert converted(config, files).content == "<p>planted</p>"
    # The text, the files that links resolve against: each makes a new entry.
    assert "Other words" in converted(config, files, TEXT + "\nOther words.\n").content
    assert 'href="gone/"' in converted(config, files_of(config, "index.md", "other.md", "gone.md")).content
    assert len(list((tmp_path / "pages").rglob("*.json"))) == 3


def test_another_library_version_gives_another_key(project, monkeypatch):
    _, config = project
    files = files_of(config, "index.md", "other.md")
    page = converted(config, files)
    before = page_cache.key(page, config, files)
    real = caches.metadata.version
    monkeypatch.setattr(caches.metadata, "version", lambda n: "9.9" if n == "markdown" else real(n))
    page_cache._versions.cache_clear()
    try:
        assert page_cache.key(page, config, files) != before
    finally:
        monkeypatch.undo()
        page_cache._versions.cache_clear()
    assert page_cache.key(page, config, files) == before


PAGES = ("index.md", "a.md", "b.md", "c.md")


@pytest.fixture
def four_pages(project, monkeypatch):
    tmp_path, config = project
    docs = tmp_path / "docs"
    for name in PAGES[1:]:
        # The last page's broken link is logged by whichever process converts it.
        link = "[a missing one](gone.md)" if name == "c.md" else "[home](index.md)"
        (docs / name).write_text(f"# Page {name}\n\n{link}\n\n## Part {{#part}}\n", encoding="utf-8")
    # A build's process has no threads; the suite's has (browsers, servers).
    monkeypatch.setattr(parallel, "_cores", lambda: 2)
    monkeypatch.setattr(parallel.threading, "active_count", lambda: 1)
    conversions = []
    real = page_cache._original
    monkeypatch.setattr(
        page_cache, "_original", lambda page, *a: conversions.append(page.file.src_uri) or real(page, *a)
    )
    return tmp_path, config, conversions


def build_pages(config, prefill: bool):
    """The pages as MkDocs' build reads them, after on_nav (which starts the fork)."""
    files = files_of(config, *PAGES)
    pages = [Page(None, f, config) for f in files.documentation_pages()]
    if prefill:
        page_cache.prefill(config, files)
    for page in pages:
        _populate_page(page, config, files, False)
    return [view(page) for page in pages]


def test_on_an_empty_cache_a_fork_converts_the_second_half_of_the_pages(
    four_pages, warnings, capfd, monkeypatch
):
    tmp_path, config, conversions = four_pages
    page_cache.install(None)
    expected, expected_warnings = build_pages(config, prefill=False), list(warnings)
    assert any("'c.md' contains a link 'gone.md'" in w for w in expected_warnings)
    conversions.clear()
    warnings.clear()
    forked = []
    real_fork = os.fork
    monkeypatch.setattr(os, "fork", lambda: forked.append(real_fork()) or forked[-1])
    printed = logging.StreamHandler()  # as MkDocs prints its log, on stderr
    logging.getLogger("mkdocs").addHandler(printed)
    try:
        capfd.readouterr()
        page_cache.install(tmp_path / "pages")  # empty
        assert build_pages(config, prefill=True) == expected
    finally:
        logging.getLogger("mkdocs").removeHandler(printed)
    # This process converted the first half; the second came from the fork's entries.
    assert conversions == ["index.md", "a.md"]
    assert len(list((tmp_path / "pages").rglob("*.json"))) == 4
    # The fork's warning is reported here, once, as the entry is read: --strict still fails.
    assert warnings == expected_warnings
    assert capfd.readouterr().err.count("'c.md' contains a link 'gone.md'") == 1
    # This process waited for the fork before the second half: none is left behind.
    (pid,) = forked
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)


def test_a_fork_that_fails_leaves_its_pages_to_be_converted_here(four_pages, monkeypatch):
    tmp_path, config, conversions = four_pages
    page_cache.install(None)
    expected = build_pages(config, prefill=False)
    conversions.clear()
    here = os.getpid()
    real = page_cache._convert

    def fails_in_the_fork(page, *args):
        if os.getpid() != here:
            raise RuntimeError("planted: the fork fails")
        return real(page, *args)

    monkeypatch.setattr(page_cache, "_convert", fails_in_the_fork)
    page_cache.install(tmp_path / "pages")
    assert build_pages(config, prefill=True) == expected
    assert conversions == list(PAGES)


def test_no_fork_once_the_cache_has_entries_or_where_forking_is_not_safe(four_pages, monkeypatch):
    tmp_path, config, _ = four_pages
    page_cache.install(tmp_path / "pages")
    build_pages(config, prefill=True)  # the cache now has the pages
    monkeypatch.setattr(os, "fork", lambda: pytest.fail("forked"))
    page_cache.install(tmp_path / "pages")
    build_pages(config, prefill=True)
    page_cache.install(tmp_path / "other")
    monkeypatch.setattr(parallel.threading, "active_count", lambda: 2)  # mkdocs serve's threads
    build_pages(config, prefill=True)
