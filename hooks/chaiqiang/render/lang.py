"""The page languages as the renderers use them (declared in chaiqiang.languages),
and how a page picks its text from the data's per-language mappings."""

from __future__ import annotations

from typing import Any, Protocol

from ..languages import LANGUAGES


class PerLanguage(Protocol):
    def __getitem__(self, code: str) -> Any: ...


def check(lang: str) -> str:
    """`lang` itself, if it is a language of the site (else LanguageError, a ValueError)."""
    return LANGUAGES.get(lang).code


def pick(text: PerLanguage | None, lang: str) -> Any:
    """The text in the page's language (None stays None)."""
    if text is None:
        return None
    return text[check(lang)]


def other(lang: str) -> str:
    """The language a page shows beside its own (the glossary's and the actors'
    "other name"): the default language's pages show the first of the other
    languages, every other language's pages the default language."""
    if LANGUAGES.get(lang).default:
        return LANGUAGES.others(lang)[0].code
    return LANGUAGES.default.code
