"""Each page's Markdown as HTML, kept between builds (.cache/pages/, chaiqiang.caches).

Converting the pages' Markdown is most of what is left of a build once the
references and the CSP scans are cached, and it gives the same result for the
same inputs. MkDocs has no event that could stand in for its conversion, so
`install` wraps `mkdocs.structure.pages.Page.render` (MkDocs is pinned below 2).

Content-addressed: the key covers the page's Markdown as the hooks leave it (the
data blocks already expanded), its source path and address, every file's address
(links resolve against them), the Markdown settings and link validation of
mkdocs.yml, the versions of the libraries that convert, and the source of our own
Markdown extensions and of this module. What the conversion leaves on the page
(its HTML, table of contents, title, anchors and links to other pages' anchors)
is kept, and so are the warnings it logged: they are logged again on every build
that reads the entry, so `--strict` fails on a broken link whether or not the
page came from the cache.

In a build that starts on an empty cache (a fresh clone), `prefill` (from the hooks'
on_nav, in each language's pass) has a fork of the build read the second half of
the pass's pages ahead, as MkDocs would (`_populate_page`: every plugin's page
events and the conversion), while this process reads the first half. The fork's
entries land in this cache, and what its hooks render on the way in theirs (references,
compiled templates); the fork's result is nothing else. When this process comes to
the second half, it waits for the fork and finds those entries: the keys are the
same, since the fork started from this process as it was before any page was read.
A fork that fails or makes other keys costs only its time: those pages are converted
here, as ever.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from . import caches, parallel

HERE = Path(__file__).parent
LIBRARIES = ("markdown", "mkdocs", "mkdocs-material", "pymdown-extensions", "pygments")

_store: caches.Store | None = None
_original = Page.render
# The pages a `prefill` fork is reading (by id), and the wait for it.
_ahead: set[int] = set()
_wait_ahead: Callable[[], bool] | None = None
_started_empty = False  # the cache folder had no entry when `install` was called


@cache
def _versions() -> str:
    return caches.versions(LIBRARIES, Path(__file__), *sorted((HERE / "markdown").glob("*.py")))


def key(page: Page, config, files) -> str:
    inputs = {
        "markdown": page.markdown,
        "src": page.file.src_uri,
        "url": page.file.url,
        "files": sorted((f.src_uri, f.dest_uri, f.url) for f in files),
        "extensions": config["markdown_extensions"],
        "configs": config["mdx_configs"],
        "validation": config["validation"],
        "directory_urls": config["use_directory_urls"],
    }
    # A setting that is an object (not JSON) shows as its repr: at worst a miss, never a stale entry.
    text = json.dumps(inputs, sort_keys=True, ensure_ascii=False, default=repr)
    return hashlib.sha256((_versions() + "\n" + text).encode("utf-8")).hexdigest()


class _Logged(logging.Handler):
    """The records logged while a page converts, to log again when it is read from the cache."""

    def __init__(self):
        super().__init__(logging.DEBUG)
        self.records: list[list[Any]] = []
        self._seen: set[int] = set()

    def emit(self, record):
        if id(record) not in self._seen and record.levelno >= logging.INFO:
            self._seen.add(id(record))
            self.records.append([record.name, record.levelno, record.getMessage()])


def _convert(page: Page, config, files) -> dict[str, Any]:
    logged = _Logged()
    # MkDocs' own logger does not pass its records on to the root logger.
    loggers = (logging.getLogger(), logging.getLogger("mkdocs"))
    for logger in loggers:
        logger.addHandler(logged)
    try:
        _original(page, config, files)
    finally:
        for logger in loggers:
            logger.removeHandler(logged)
    links = page.links_to_anchors
    return {
        "content": page.content,
        "toc": _tokens(page.toc),
        "title": page._title_from_render,
        "anchors": sorted(page.present_anchor_ids or ()),
        "links": None if links is None else {f.src_uri: dict(a) for f, a in links.items()},
        "log": logged.records,
    }


def _tokens(toc) -> list[dict[str, Any]]:
    """The table of contents as the tokens `get_toc` builds it from."""
    return [
        {"level": item.level, "id": item.id, "name": item.title, "children": _tokens(item.children)}
        for item in toc
    ]


def prefill(config, files) -> None:
    """Start a fork that reads the second half of the pages ahead (see the module's text),
    if the build started on an empty cache and a fork is safe (`parallel`)."""
    global _wait_ahead
    from mkdocs.commands.build import _populate_page

    _wait_for_ahead()
    if not _started_empty:
        return
    pages = [f.page for f in files.documentation_pages() if f.page is not None]
    later = pages[len(pages) // 2 :]
    if len(later) < 2:
        return

    def read_ahead() -> None:
        # Silent: this process reports whatever the pages log, on reading them or their entries.
        for logger in (logging.getLogger(), logging.getLogger("mkdocs")):
            logger.handlers = [logging.NullHandler()]
        for page in later:
            _populate_page(page, config, files, False)

    _wait_ahead = parallel.in_background(read_ahead)
    if _wait_ahead is not None:
        _ahead.update(map(id, later))


def _wait_for_ahead() -> None:
    global _wait_ahead
    wait, _wait_ahead = _wait_ahead, None
    _ahead.clear()
    if wait is not None:
        wait()


def _render(page: Page, config, files) -> None:
    if id(page) in _ahead:
        _wait_for_ahead()
    if _store is None:
        return _original(page, config, files)
    if page.markdown is None:  # MkDocs' own error
        return _original(page, config, files)
    made = []  # the conversion ran now, and MkDocs logged its warnings itself

    def convert():
        made.append(True)
        return _convert(page, config, files)

    entry = _store.cached(key(page, config, files), convert)
    page.content = entry["content"]
    page.toc = get_toc(entry["toc"])
    page._title_from_render = entry["title"]
    page.present_anchor_ids = set(entry["anchors"])
    if entry["links"] is not None:
        page.links_to_anchors = {files.get_file_from_path(src): dict(a) for src, a in entry["links"].items()}
    if not made:
        for name, level, message in entry["log"]:
            logging.getLogger(name).log(level, message)
    return None


def install(folder: Path | None) -> None:
    """Convert pages through the cache in `folder` (None: MkDocs' own conversion, uncached)."""
    global _store, _started_empty
    _store = caches.Store(folder) if folder else None
    _started_empty = folder is not None and not (Path(folder).is_dir() and any(Path(folder).iterdir()))
    Page.render = _render
