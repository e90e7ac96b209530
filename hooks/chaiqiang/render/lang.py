"""The two page languages and how they map to the data's `zh`/`en` keys."""

from __future__ import annotations

from typing import Protocol

LANGS = ("zh-Hant", "en")
DATA_KEY = {"zh-Hant": "zh", "en": "en"}


class Bilingual(Protocol):
    zh: str
    en: str


def check(lang: str) -> str:
    if lang not in DATA_KEY:
        raise ValueError(f"unknown language {lang!r}; expected one of {', '.join(LANGS)}")
    return lang


def pick(text: Bilingual | None, lang: str) -> str | None:
    """The text in the page's language (None stays None)."""
    if text is None:
        return None
    return getattr(text, DATA_KEY[check(lang)])


def other(lang: str) -> str:
    return "en" if check(lang) == "zh-Hant" else "zh-Hant"
