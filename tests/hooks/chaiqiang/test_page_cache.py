"""Each page's Markdown as HTML kept between builds (chaiqiang.page_cache): a page
read from the cache is the page MkDocs converts, with its warnings; any input
changed, a new conversion."""

from __future__ import annotations

import json
import logging

import pytest
from chaiqiang import caches, page_cache
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
