"""Problems in data files, phrased for the person editing the YAML.

Every problem names the file, the entry (by its id where it has one) and the
field, plus the line where known, e.g.
    data/timeline.yaml: entry 'evt-2013-x': field 'date': 2013-02-30 is not a real date (line 14)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from ..errors import ChaiqiangError, located
from .dates import ANY_DATE_PATTERN
from .yamlio import Parsed


@dataclass(frozen=True)
class Problem:
    file: str
    message: str
    entry: str | None = None
    field: str | None = None
    line: int | None = None

    def __str__(self) -> str:
        return located(self.message, self.file, self.entry, self.field, self.line)


class DataError(ChaiqiangError):
    """One or more problems in data/; str() lists them all, one per line.
    With one problem, its file, entry, field and line are the error's own."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        if len(self.problems) == 1:
            (p,) = self.problems
            super().__init__(p.message, file=p.file, entry=p.entry, field=p.field, line=p.line)
        else:
            super().__init__("\n".join(str(p) for p in self.problems))


def problem_at(file: str, parsed: Parsed, loc: tuple[Any, ...], message: str) -> Problem:
    """A problem that a check after validation finds at a location of the file."""
    entry, field = locate(parsed.data, loc)
    return Problem(file, message, entry, field, parsed.line_of(loc))


def field_path(parts: tuple[Any, ...]) -> str | None:
    text = ""
    for part in parts:
        if part == "[key]":  # pydantic's mark of a problem with a mapping's key
            continue
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or None


# What names an entry of a list: its id; a changelog entry (site.yaml) its version.
NAME_FIELDS = ("id", "version")


def entry_name(data: Any, key: str, index: int) -> str:
    """An entry is named by its id; one without a usable id by its position."""
    for name_field in NAME_FIELDS:
        try:
            entry_id = data[key][index].get(name_field)
        except (KeyError, IndexError, TypeError, AttributeError):
            entry_id = None
        if isinstance(entry_id, str) and entry_id.strip():
            return entry_id
    return f"#{index + 1} of {key}"


def locate(data: Any, loc: tuple[Any, ...]) -> tuple[str | None, str | None]:
    """(entry, field) for a location path in a file's top-level mapping."""
    if not loc:
        return None, None
    key = loc[0]
    if len(loc) >= 2 and isinstance(loc[1], int):
        return entry_name(data, key, loc[1]), field_path(loc[2:])
    if isinstance(data, dict) and isinstance(data.get(key), dict) and len(loc) >= 2:
        # A single top-level object (models.yaml's `dilemma`) is its own entry.
        return str(key), field_path(loc[1:])
    return None, field_path(loc)


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


PATTERN_HELP = {
    r"\S": "must not be blank",
    ANY_DATE_PATTERN: "is not a date of the form YYYY, YYYY-Qn, YYYY-MM or YYYY-MM-DD",
    r"^[a-z0-9]+(-[a-z0-9]+)*$": "is not a lowercase-hyphenated id (a-z, 0-9, -)",
    r"^evt-[a-z0-9]+(-[a-z0-9]+)*$": "must start with 'evt-' and be lowercase-hyphenated",
    r"^fig-[a-z0-9]+(-[a-z0-9]+)*$": "must start with 'fig-' and be lowercase-hyphenated",
    r"^https?://\S+$": "is not an http(s) URL",
    r"^\d{4}-\d{2}-\d{2}$": "is not a date of the form YYYY-MM-DD",
    r"^[^/\s][^\s]*\.md$": "is not a page file under docs/<language>/, such as story/the-deal.md",
}

TYPE_NAMES = {
    "string_type": "text",
    "int_type": "a whole number",
    "float_type": "a number",
    "bool_type": "true or false",
    "list_type": "a list",
    "tuple_type": "a list",
    "dict_type": "a mapping (key: value pairs)",
    "model_type": "a mapping (key: value pairs)",
    "model_attributes_type": "a mapping (key: value pairs)",
}


BOUNDS = {
    "greater_than": "above",
    "greater_than_equal": "at least",
    "less_than": "below",
    "less_than_equal": "at most",
}


def describe(error: dict[str, Any]) -> str:
    kind = error["type"]
    value = error.get("input")
    ctx = error.get("ctx") or {}
    if kind == "missing":
        return "missing (required)"
    if kind == "extra_forbidden":
        return "is not a known field (a typo?)"
    if kind == "string_too_short":
        return "must not be empty"
    if kind == "string_pattern_mismatch":
        help_text = PATTERN_HELP.get(ctx.get("pattern"), f"does not match {ctx.get('pattern')}")
        return f"{_shown(value)} {help_text}"
    if kind == "value_error":
        return str(ctx.get("error", error["msg"]))
    if kind == "literal_error":
        return f"{_shown(value)} is not allowed; expected {ctx.get('expected')}"
    if kind in ("too_short", "too_long"):
        bound = "at least" if kind == "too_short" else "at most"
        limit = ctx.get("min_length" if kind == "too_short" else "max_length")
        return f"needs {bound} {limit} item(s), has {ctx.get('actual_length')}"
    if kind in BOUNDS:
        bound = next(iter(ctx.values()), None)
        if isinstance(bound, float) and bound.is_integer():
            bound = int(bound)
        return f"must be {BOUNDS[kind]} {bound}, not {_shown(value)}"
    if kind in TYPE_NAMES:
        hint = ""
        if kind == "string_type" and isinstance(value, int) and not isinstance(value, bool):
            hint = f' (quote it: "{value}")'
        return f"expected {TYPE_NAMES[kind]}, got {type(value).__name__} {_shown(value)}{hint}"
    return f"{error['msg']} (got {_shown(value)})"


# pydantic adds the member type to the location of errors in an `int | float`
# union and reports each member; the editor needs one message per field.
UNION_MEMBERS = {"int": "float_type", "float": "float_type"}


def from_validation(file: str, parsed: Parsed, exc: ValidationError) -> list[Problem]:
    problems: list[Problem] = []
    seen: set[tuple[Any, ...]] = set()
    for error in exc.errors(include_url=False):
        loc = tuple(error["loc"])
        if loc and loc[-1] in UNION_MEMBERS and error["type"].endswith("_type"):
            loc = loc[:-1]
            error = {**error, "type": UNION_MEMBERS[error["loc"][-1]]}
        if loc in seen:
            continue
        seen.add(loc)
        entry, field = locate(parsed.data, loc)
        problems.append(Problem(file, describe(error), entry, field, parsed.line_of(loc)))
    return problems
