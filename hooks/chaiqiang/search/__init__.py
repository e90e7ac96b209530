"""Search that understands Traditional Chinese and stays in the reader's language.

- `dictionary`: a Traditional Chinese word list for jieba, derived from jieba's own
  (Simplified) dictionary with OpenCC and trimmed to the words that occur in the
  site's sources; cached, never committed.
- `settings`: data/search.yaml: the site's own words (with the glossary's terms)
  that jieba must keep whole, and the rank of reference pages.
- `segmenter`: points jieba, which Material's search plugin uses to segment Han
  text, at that dictionary.
- `index`: splits the search index that Material and mkdocs-static-i18n write
  into one index per language, under each language's root, and ranks pages by
  their whole text.
- docs/assets/javascripts/search.js cuts a Chinese query into the index's words
  in the browser, requires all of them, and puts the pages with the whole phrase
  first (overrides/main.html loads it before Material's bundle).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path

from .. import caches
from . import index, segmenter
from .errors import SearchError

__all__ = ["SearchError", "enabled", "finish", "prepare", "start"]

# `CHAIQIANG_SEARCH_PIPELINE=off` builds with Material's search as it comes, for
# the benchmark's baseline (tools/bench/benchmark.py --search); never for the site.
SWITCH = "CHAIQIANG_SEARCH_PIPELINE"


def enabled(environ: Mapping[str, str] | None = None) -> bool:
    environ = os.environ if environ is None else environ
    return environ.get(SWITCH, "on").lower() not in {"off", "0", "no", "false"}


def cache_dir(root: Path, environ: Mapping[str, str] | None = None) -> Path:
    """.cache/search/ in the project (git ignores it), or $CHAIQIANG_CACHE_DIR/search."""
    return caches.folder(root, "search", environ)


def _sources(root: Path, docs_dir: Path) -> list[Path]:
    sources = [docs_dir, root / "data", root / "overrides", root / "hooks" / "chaiqiang"]
    return [p for p in sources if p.exists()]


def start(root: Path, docs_dir: str = "docs") -> None:
    """As soon as the hooks are loaded, before MkDocs has read the rest of its config:
    on an empty cache, start making jieba's dictionary for the sources (with mkdocs.yml's
    usual docs_dir) in a fork, a quarter of a second before `prepare` could. `prepare`
    takes it up if its sources give the same dictionary file."""
    if enabled():
        segmenter.start(_sources(root, root / docs_dir), cache_dir(root))


def prepare(root: Path, docs_dir: Path, words: Iterable[str], background: bool = False) -> Path:
    """Before any page is indexed: give jieba the Traditional dictionary and the site's
    words (`Settings.words`: data/search.yaml and the glossary, read by chaiqiang.project).
    With `background`, jieba gets them when the first page is indexed
    (`segmenter.prepare`), and a missing dictionary is made meanwhile.

    Returns the dictionary file jieba reads.
    """
    return segmenter.prepare(_sources(root, docs_dir), words, cache_dir(root), background)


def finish(site_dir: Path, rank: Mapping[str, float], offline: bool = False) -> dict[str, Path]:
    """After the last language is built: one search index per language (under each one's
    root), reference pages ranked by `Settings.rank` (data/search.yaml)."""
    return index.write(site_dir, rank=rank, offline=offline)
