"""The search settings that editors review: data/search.yaml, and the glossary's terms.

- `words`: names that jieba must keep whole when it segments zh-Hant text
  (companies, products), in groups. The glossary's zh-Hant terms and aliases
  (data/glossary.yaml, validated by the data loader; here only its Han-only
  strings are read) are added to them. A search then finds 淘口令 or 阿里媽媽
  as one word instead of 淘|口令 or 阿里|媽媽.
- `rank`: a factor for the search rank of reference pages (the glossary, the
  timeline), by page file, in both languages.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from .dictionary import HAN_RUN
from .errors import SearchError

# libyaml's loader when PyYAML has it: ten times faster, and this runs every build.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _load_yaml(path: Path) -> object:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)


class SearchSettingsError(SearchError):
    pass


@dataclass(frozen=True)
class Settings:
    words: tuple[str, ...]
    rank: dict[str, float]


def is_segmentable(word: str) -> bool:
    """Only Han runs reach jieba, and a single character is never cut anyway."""
    return len(word) > 1 and HAN_RUN.fullmatch(word) is not None


def glossary_words(path: Path) -> list[str]:
    """The zh-Hant terms and aliases of data/glossary.yaml that jieba could cut."""
    try:
        data = _load_yaml(path) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise SearchSettingsError(f"{path}: {exc}") from exc
    terms = data.get("terms") if isinstance(data, dict) else None
    words = []
    for term in terms if isinstance(terms, list) else []:
        zh = term.get("zh") if isinstance(term, dict) else None
        if not isinstance(zh, dict):
            continue
        for word in [zh.get("term"), *(zh.get("aliases") or [])]:
            if isinstance(word, str) and is_segmentable(word):
                words.append(word)
    return words


def _words(label: str, groups: object, problems: list[str]) -> list[str]:
    # Taiwan orthography is checked by a test (OpenCC takes a tenth of a second to load).
    if not isinstance(groups, dict) or not groups:
        problems.append(f"{label}: 'words': expected a mapping of group names to lists of words")
        return []
    seen: dict[str, str] = {}
    words = []
    for group, items in groups.items():
        if not isinstance(items, list) or not items:
            problems.append(f"{label}: 'words', group '{group}': expected a non-empty list of words")
            continue
        for i, word in enumerate(items, 1):
            where = f"{label}: 'words', group '{group}', entry {i}"
            if not isinstance(word, str) or not is_segmentable(word):
                problems.append(f"{where}: {word!r} is not a word of two or more Han characters")
            elif word in seen:
                problems.append(f"{where}: {word} is already listed in group '{seen[word]}'")
            else:
                seen[word] = str(group)
                words.append(word)
    return words


def _rank(label: str, rank: object, problems: list[str]) -> dict[str, float]:
    if rank is None:
        return {}
    if not isinstance(rank, dict):
        problems.append(f"{label}: 'rank': expected a mapping of page files (glossary.md) to factors")
        return {}
    result = {}
    for page, factor in rank.items():
        where = f"{label}: 'rank', entry '{page}'"
        if not isinstance(page, str) or not page.endswith(".md") or page.startswith("/"):
            problems.append(
                f"{where}: expected a page file relative to docs/<language>/, such as glossary.md"
            )
        elif isinstance(factor, bool) or not isinstance(factor, int | float) or not 0 < factor <= 10:
            problems.append(f"{where}: the factor must be a number above 0 and at most 10, not {factor!r}")
        else:
            result[page] = float(factor)
    return result


def load_settings(path: Path, glossary: Path) -> Settings:
    """data/search.yaml, validated, with the glossary's words first (each word once)."""
    label = f"{path.parent.name}/{path.name}"
    try:
        data = _load_yaml(path)
    except (OSError, yaml.YAMLError) as exc:
        raise SearchSettingsError(f"{label}: {exc}") from exc
    if not isinstance(data, dict):
        raise SearchSettingsError(f"{label}: expected a mapping with the keys 'words' and 'rank'")
    problems: list[str] = []
    unknown = sorted(set(data) - {"words", "rank"})
    if unknown:
        problems.append(f"{label}: unknown keys {', '.join(map(str, unknown))} (expected 'words' and 'rank')")
    words = _words(label, data.get("words"), problems)
    rank = _rank(label, data.get("rank"), problems)
    if problems:
        raise SearchSettingsError("\n".join(problems))
    return Settings(tuple(dict.fromkeys([*glossary_words(glossary), *words])), rank)
