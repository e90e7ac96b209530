"""Every page must exist in every language: a missing translation is an error."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import PurePosixPath


def missing_translations(src_paths: Iterable[str], languages: tuple[str, ...]) -> list[str]:
    """Messages for pages (Markdown under docs/<lang>/) that lack a counterpart.

    `src_paths` are paths relative to docs_dir, e.g. "zh-Hant/story/x.md".
    """
    by_lang: dict[str, set[str]] = {lang: set() for lang in languages}
    for src in src_paths:
        parts = PurePosixPath(src).parts
        if src.endswith(".md") and len(parts) > 1 and parts[0] in by_lang:
            by_lang[parts[0]].add(PurePosixPath(*parts[1:]).as_posix())
    every = set().union(*by_lang.values())
    return [
        f"docs/{lang}/{page}: missing translation (docs/{other}/{page} exists)"
        for page in sorted(every)
        for lang in languages
        if page not in by_lang[lang]
        for other in [next(o for o in languages if page in by_lang[o])]
    ]
