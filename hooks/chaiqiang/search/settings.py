"""The search settings that editors review: data/search.yaml, and the glossary's terms.

- `words`: names that jieba must keep whole when it segments zh-Hant text
  (companies, products), in groups. The glossary's zh-Hant terms and aliases
  (from the validated data set: data/glossary.yaml is read once, by the data
  loader) are added to them. A search then finds 淘口令 or 阿里媽媽 as one word
  instead of 淘|口令 or 阿里|媽媽.
- `rank`: a factor for the search rank of reference pages (the glossary, the
  timeline), by page file, in every language.

The model is the validation (JSON Schema in data/schema/search.schema.json);
problems are reported like every data file's, as a `chaiqiang.data.DataError`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

from pydantic import AfterValidator, Field, StringConstraints

from chaiqiang.data.errors import DataError, Problem, problem_at
from chaiqiang.data.load import read_model
from chaiqiang.data.schemas import Model, NonEmpty
from chaiqiang.data.yamlio import Parsed
from chaiqiang.site_meta import PageFile

from .dictionary import HAN_RUN


def is_segmentable(word: str) -> bool:
    """Only Han runs reach jieba, and a single character is never cut anyway."""
    return len(word) > 1 and HAN_RUN.fullmatch(word) is not None


def _han_word(word: str) -> str:
    # Taiwan orthography is checked by a test (OpenCC takes a tenth of a second to load).
    if not is_segmentable(word):
        raise ValueError(f"{word!r} is not a word of two or more Han characters")
    return word


Word = Annotated[str, StringConstraints(min_length=2), AfterValidator(_han_word)]
Factor = Annotated[float, Field(gt=0, le=10)]


class SearchFile(Model):
    """data/search.yaml."""

    words: dict[NonEmpty, Annotated[list[Word], Field(min_length=1)]] = Field(
        min_length=1,
        description="Groups of names (two or more Han characters, Taiwan orthography) that jieba keeps whole",
    )
    rank: dict[PageFile, Factor] = Field(
        default_factory=dict,
        description="Page file under docs/<language>/ -> factor (above 0, at most 10) of its search rank",
        json_schema_extra={"additionalProperties": False},
    )


@dataclass(frozen=True)
class Settings:
    words: tuple[str, ...]
    rank: dict[str, float]


def glossary_words(spellings: Iterable[str]) -> list[str]:
    """The glossary's zh-Hant terms and aliases that jieba could cut."""
    return [word for word in spellings if is_segmentable(word)]


def check(file: SearchFile, label: str, parsed: Parsed) -> list[Problem]:
    """Each word once, in one group."""
    seen: dict[str, str] = {}
    problems = []
    for group, items in file.words.items():
        for i, word in enumerate(items):
            if word in seen:
                message = f"{word} is already listed in group '{seen[word]}'"
                problems.append(problem_at(label, parsed, ("words", group, i), message))
            else:
                seen[word] = group
    return problems


def read_settings(
    data_dir: Path, glossary: Iterable[str], name: str = "search.yaml"
) -> tuple[Settings | None, list[Problem]]:
    """data/search.yaml, validated, with the glossary's words first (each word once);
    `glossary` is the zh-Hant spellings of the glossary's terms and aliases."""
    label, parsed, file, problems = read_model(data_dir, name, SearchFile)
    if file is None:
        return None, problems
    problems += check(file, label, parsed)
    if problems:
        return None, problems
    words = [word for items in file.words.values() for word in items]
    return Settings(tuple(dict.fromkeys([*glossary_words(glossary), *words])), dict(file.rank)), []


def load_settings(path: Path, glossary: Iterable[str] = ()) -> Settings:
    """One search.yaml, for tests and tools; a build reads it through chaiqiang.project."""
    path = Path(path)
    settings, problems = read_settings(path.parent, glossary, path.name)
    if problems:
        raise DataError(problems)
    return settings
