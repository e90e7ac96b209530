"""Where a build keeps what it can reuse next time: .cache/ in the project (git
ignores it), or $CHAIQIANG_CACHE_DIR. One folder per kind: search/ (the derived
search dictionary, chaiqiang.search), citations/ (rendered references,
chaiqiang.citations.cache), headers/ (what each built page runs inline,
chaiqiang.http_headers), pages/ (each page's Markdown as HTML,
chaiqiang.page_cache), search-entries/ (Material's search entries of each page,
chaiqiang.search.entries), bilingual/ (the bilingual views,
chaiqiang.bilingual.build), jinja/ (compiled templates, one folder per kind of
environment: chaiqiang.templates), stylesheets/ (the stylesheets as one file,
chaiqiang.stylesheets). Every entry is keyed by its inputs, so the folder is
safe to delete and never stale."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Mapping
from importlib import metadata
from pathlib import Path
from typing import Any

ENV = "CHAIQIANG_CACHE_DIR"


def folder(root: Path, kind: str, environ: Mapping[str, str] | None = None) -> Path:
    environ = os.environ if environ is None else environ
    base = environ.get(ENV)
    return (Path(base) if base else Path(root) / ".cache") / kind


def source_digest(*paths: Path) -> str:
    """SHA-256 of these files' names and bytes: a cache key's part for the code that
    makes an entry, so that changing the code changes every key."""
    digest = hashlib.sha256()
    for path in paths:
        digest.update(Path(path).name.encode() + b"\0" + Path(path).read_bytes())
    return digest.hexdigest()


def versions(packages: tuple[str, ...], *sources: Path) -> str:
    """SHA-256 of the installed versions of `packages` (a missing one says so) and of the
    `sources`' bytes: the part of a key that changes with the code that makes the entries."""
    digest = hashlib.sha256()
    for package in packages:
        try:
            digest.update(f"{package}={metadata.version(package)}\n".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{package}: not installed\n".encode())
    digest.update(source_digest(*sources).encode())
    return digest.hexdigest()


class Store:
    """JSON values under content keys: in memory, and in `folder` when there is one
    (tests and tools keep them in memory only). The caller's key covers every input,
    so an entry is never stale and the folder is safe to delete."""

    def __init__(self, folder: Path | None = None):
        self.folder = Path(folder) if folder else None
        self._memory: dict[str, Any] = {}

    def _path(self, name: str) -> Path | None:
        """Where the entry `name` is kept in the folder (None: in memory only)."""
        return self.folder / name[:2] / f"{name}.json" if self.folder else None

    def has(self, name: str) -> bool:
        """Whether `cached(name, …)` would find an entry (in memory or in the folder)."""
        path = self._path(name)
        return name in self._memory or (path is not None and path.is_file())

    def cached(self, name: str, make: Callable[[], Any]) -> Any:
        """`make()`'s JSON-able result under the key `name`, from memory, the folder, or made now."""
        if name in self._memory:
            return self._memory[name]
        path = self._path(name)
        if path is not None and path.is_file():
            try:
                value = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                value = None  # a damaged entry is made again
            if value is not None:
                self._memory[name] = value
                return value
        value = make()
        self._memory[name] = value
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(f"{path.name}.{os.getpid()}.part")
            tmp.write_text(json.dumps(value, ensure_ascii=False), encoding="utf-8")
            tmp.replace(path)  # whole or not at all, if two builds write at once
        return value

    def clear_memory(self) -> None:
        self._memory.clear()
