"""What a reference that holds looks like, as functions that return problems
(empty: none), so that the unit tests, the built-site tests and the tests of
the tests (a planted fault must be found) share one definition."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

import bibtexparser
import jsonschema

from .conftest import SCHEMAS

# What a field holds when nobody knew what to write. A whole value that is one
# of these, or contains one of the marked words, is a placeholder.
PLACEHOLDER_VALUES = {
    "",
    "?",
    "??",
    "-",
    "n.d.",
    "nd",
    "n/a",
    "na",
    "none",
    "null",
    "unknown",
    "tbd",
    "不詳",
    "未知",
}
PLACEHOLDER_WORDS = re.compile(r"\bTODO\b|\bFIXME\b|\bxxx+\b|example\.(com|org|net)|lorem ipsum|\?\?", re.I)
URL_KEYS = {"URL", "url", "verified_at"}


def isbn_ok(isbn: str) -> bool:
    """ISBN-10 or ISBN-13 with a valid check digit (hyphens and spaces ignored)."""
    digits = re.sub(r"[\s-]", "", isbn).upper()
    if re.fullmatch(r"\d{9}[\dX]", digits):
        total = sum((10 - i) * (10 if c == "X" else int(c)) for i, c in enumerate(digits))
        return total % 11 == 0
    if re.fullmatch(r"97[89]\d{10}", digits):
        return sum((3 if i % 2 else 1) * int(c) for i, c in enumerate(digits)) % 10 == 0
    return False


def _strings(value: Any, path: str) -> Iterable[tuple[str, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, inner in value.items():
            yield from _strings(inner, f"{path}.{key}" if path else str(key))
    elif isinstance(value, list):
        for i, inner in enumerate(value):
            yield from _strings(inner, f"{path}[{i}]")


def placeholder_problems(record: dict[str, Any], name: str) -> list[str]:
    """A reference (a CSL item or a data/sources.yaml entry) with an empty or
    placeholder field, a URL that is not http(s), or an ISBN that fails its checksum."""
    problems = []
    for path, value in _strings(record, ""):
        stripped = value.strip()
        if stripped.lower() in PLACEHOLDER_VALUES or PLACEHOLDER_WORDS.search(value):
            problems.append(f"{name}: {path} is a placeholder: {value!r}")
        if path.split(".")[-1].split("[")[0] in URL_KEYS and not re.fullmatch(r"https?://\S+", value):
            problems.append(f"{name}: {path} is not an http(s) URL: {value!r}")
        if path.split(".")[-1] in {"ISBN", "isbn"} and not isbn_ok(value):
            problems.append(f"{name}: {path} fails the ISBN checksum: {value!r}")
    return problems


def csl_problems(text: str, ids: list[str]) -> list[str]:
    """CSL-JSON that is not valid CSL data or does not hold exactly `ids`, in order."""
    schema = json.loads((SCHEMAS / "csl-data.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft7Validator(schema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)
    data = json.loads(text)
    problems = [f"CSL-JSON: {e.message}" for e in sorted(validator.iter_errors(data), key=str)]
    if isinstance(data, list) and [i.get("id") for i in data] != ids:
        problems.append(f"CSL-JSON: ids {[i.get('id') for i in data]} != {ids}")
    return problems


def bibtex_problems(text: str, ids: list[str]) -> list[str]:
    library = bibtexparser.parse_string(text)
    problems = [f"BibTeX: cannot parse {b.raw[:60]!r}" for b in library.failed_blocks]
    keys = [e.key for e in library.entries]
    if keys != ids:
        problems.append(f"BibTeX: keys {keys} != {ids}")
    for entry in library.entries:
        fields = {f.key: f.value for f in entry.fields}
        if not fields.get("title"):
            problems.append(f"BibTeX: {entry.key} has no title")
    return problems


RIS_LINE = re.compile(r"^[A-Z][A-Z0-9]  - ")


def ris_problems(text: str, ids_count: int) -> list[str]:
    """Every record TY first and ER last, every line a tag, one record per item."""
    problems = []
    records = [r for r in text.strip("\n").split("\n\n")]
    if len(records) != ids_count:
        problems.append(f"RIS: {len(records)} records, expected {ids_count}")
    for n, record in enumerate(records, start=1):
        lines = record.split("\n")
        bad = [line for line in lines if not RIS_LINE.match(line)]
        if bad:
            problems.append(f"RIS record {n}: not a tag line: {bad[0]!r}")
        if not lines[0].startswith("TY  - ") or lines[-1] != "ER  - ":
            problems.append(f"RIS record {n}: does not run from TY to ER")
        if [line[:2] for line in lines].count("TY") != 1 or "TI" not in {line[:2] for line in lines}:
            problems.append(f"RIS record {n}: needs one TY and a TI")
    return problems
