"""Where a build keeps what it can reuse next time: .cache/ in the project (git
ignores it), or $CHAIQIANG_CACHE_DIR. One folder per kind: search/ (the derived
search dictionary, chaiqiang.search), citations/ (rendered references,
chaiqiang.citations.cache). Every entry is keyed by its inputs, so the folder is
safe to delete and never stale."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

ENV = "CHAIQIANG_CACHE_DIR"


def folder(root: Path, kind: str, environ: Mapping[str, str] | None = None) -> Path:
    environ = os.environ if environ is None else environ
    base = environ.get(ENV)
    return (Path(base) if base else Path(root) / ".cache") / kind
