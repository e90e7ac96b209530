"""Every page must exist in every language: a missing translation is an error."""

from __future__ import annotations

from collections.abc import Iterable

from .languages import LANGUAGES, Languages
from .urls import split_src


def missing_translations(src_paths: Iterable[str], languages: Languages = LANGUAGES) -> list[str]:
    """Messages for pages (Markdown under docs/<lang>/) that lack a counterpart.

    `src_paths` are paths relative to docs_dir, e.g. "zh-Hant/story/x.md".
    """
    by_lang: dict[str, set[str]] = {lang: set() for lang in languages.codes}
    for src in src_paths:
        lang, page = split_src(src, languages)
        if src.endswith(".md") and lang is not None:
            by_lang[lang].add(page)
    every = set().union(*by_lang.values())
    return [
        f"docs/{lang}/{page}: missing translation (docs/{other}/{page} exists)"
        for page in sorted(every)
        for lang in languages.codes
        if page not in by_lang[lang]
        for other in [next(o for o in languages.codes if page in by_lang[o])]
    ]
