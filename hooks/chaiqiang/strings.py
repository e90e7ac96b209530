"""The site's interface words: one catalogue per language, data/strings/<code>.yaml.

Each catalogue groups its words by the feature that shows them:
    blocks     the data blocks (chaiqiang.render, overrides/chaiqiang/*.html)
    edition    footer, printed page head, PDF edition (chaiqiang.edition_info)
    citations  "Cite this page", How to cite, Versions (overrides/chaiqiang/citations/)
    material   Material's own UI strings, where we override the theme's translation
               (overrides/partials/languages/<code>.html); optional per language
Every language in mkdocs.yml has a catalogue with exactly the default language's
keys (outside `material`), none of them empty, none holding markup (< > &: the
words are plain text, and Material's templates print theirs unescaped). A third
language is one more file.

Templates read the catalogue as the Jinja global `strings` (chaiqiang.templates;
`strings[lang].citations.intro`), Python through `for_language(lang)`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from functools import cache
from pathlib import Path
from typing import Any

from . import languages as languages_
from .data import yamlio
from .errors import ChaiqiangError

ROOT = Path(__file__).resolve().parents[2]
STRINGS_DIR = Path("data") / "strings"
# Material's own strings: a theme translation we override, not a word of ours,
# so a language may leave it out (Material's translation is used then).
OPTIONAL = ("material",)
MARKUP = re.compile(r"[<>&]")


class StringsError(ChaiqiangError):
    pass


def path_of(root: Path, lang: str) -> Path:
    return Path(root) / STRINGS_DIR / f"{lang}.yaml"


def _leaves(data: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], Any]]:
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _leaves(value, (*path, str(key)))
    else:
        yield path, data


def _key(path: tuple[str, ...]) -> str:
    return ".".join(path)  # group, then the word's own key: blocks.punct.list


def _read(root: Path, lang: str) -> tuple[dict, yamlio.Parsed, str]:
    path = path_of(root, lang)
    where = (STRINGS_DIR / path.name).as_posix()
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        raise StringsError(f"no catalogue for language {lang!r}: add this file", file=where) from None
    try:
        parsed = yamlio.parse(text)
    except yamlio.YamlSyntaxError as exc:
        raise StringsError(exc.message, file=where, line=exc.line) from None
    if parsed.duplicate_keys:
        key, line = parsed.duplicate_keys[0]
        raise StringsError(f"key {'.'.join(map(str, key))!r} is given twice", file=where, line=line)
    if not isinstance(parsed.data, dict):
        raise StringsError("expected a mapping of groups (blocks:, edition:, …)", file=where, line=1)
    for path_, value in _leaves(parsed.data):
        # The line only for a message: yamlio indexes the lines when first asked.
        if len(path_) < 2:
            message = f"key {path_[0]!r}: expected a group of words"
        elif not isinstance(value, str):
            message = f"key {_key(path_)!r}: expected text, got {value!r}"
        elif not value.strip():
            message = f"key {_key(path_)!r} is empty"
        elif MARKUP.search(value):
            # Plain words: Material's own templates print its strings without escaping.
            message = f"key {_key(path_)!r}: interface words are plain text, without < > or &: {value!r}"
        else:
            continue
        raise StringsError(message, file=where, line=parsed.line_of(path_))
    return parsed.data, parsed, where


@cache
def load(root: Path = ROOT) -> dict[str, dict]:
    """{language: catalogue} for the project at `root`, checked (read once per root)."""
    root = Path(root)
    mkdocs_yml = root / "mkdocs.yml"
    langs = languages_.load(mkdocs_yml) if mkdocs_yml.is_file() else languages_.LANGUAGES
    default = langs.default.code
    base, base_parsed, _ = _read(root, default)
    expected = {p for p, _ in _leaves(base) if p[0] not in OPTIONAL}
    out = {default: base}
    for lang in langs.codes:
        if lang == default:
            continue
        data, parsed, where = _read(root, lang)
        have = {p for p, _ in _leaves(data) if p[0] not in OPTIONAL}
        for path_ in sorted(have - expected):
            raise StringsError(
                f"key {_key(path_)!r} is not in the default language's catalogue "
                f"({(STRINGS_DIR / f'{default}.yaml').as_posix()})",
                file=where,
                line=parsed.line_of(path_),
            )
        for path_ in sorted(expected - have):
            raise StringsError(
                f"key {_key(path_)!r} is missing: {(STRINGS_DIR / f'{default}.yaml').as_posix()} "
                f"has it at line {base_parsed.line_of(path_)}; the group is",
                file=where,
                line=parsed.line_of(path_[:-1]),
            )
        out[lang] = data
    return out


def for_language(lang: str, root: Path = ROOT) -> Mapping[str, Any]:
    """One language's catalogue: {group: {key: text}}."""
    catalogue = load(Path(root))
    if lang not in catalogue:
        raise StringsError(f"unknown language {lang!r}; expected one of {', '.join(catalogue)}")
    return catalogue[lang]


def group(lang: str, name: str, root: Path = ROOT) -> dict[str, Any]:
    """One group of a language's words, e.g. group("en", "edition")["version"]."""
    return for_language(lang, root)[name]
