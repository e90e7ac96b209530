"""The inline scripts the site may run: the ones its templates are known to emit.

The Content-Security-Policy (chaiqiang.http_headers) allows inline scripts by
their hashes. Hashing whatever the built pages contain would allow anything
that reached a page, a `<script>` in a data file included; so every inline
script of the output must first be one that a template writes:

- Material's own (its `partials/javascripts/*.html`: the storage scope, the
  palette, the tab from the URL's fragment …), and
- any in our overrides/.

A template's script is turned into a pattern: its text literally, each Jinja
expression (`{{ base_url }}`) as a value that cannot leave the quoted string it
sits in. A script of the output that matches no pattern stops the build,
naming the page and, when its text is found in a data file, the file, entry,
field and line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import material

from .data import yamlio

_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S)
_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)
# A Jinja expression inside a script's string literal: a URL or a path, never a quote,
# a backslash or a character that could end the script.
_VALUE = r"[^\"'\\<>\n]*"

MATERIAL_TEMPLATES = Path(material.__file__).parent / "templates"


@dataclass(frozen=True)
class Known:
    origin: str  # the template that writes it
    pattern: re.Pattern[str]


def _runs(attrs: str) -> bool:
    kind = re.search(r'\btype\s*=\s*"([^"]*)"', attrs)
    return not re.search(r"\bsrc\s*=", attrs) and (not kind or "json" not in kind.group(1).lower())


def _pattern(body: str) -> re.Pattern[str]:
    parts, last = [], 0
    for match in _JINJA.finditer(body):
        parts.append(re.escape(body[last : match.start()]))
        parts.append(_VALUE if match.group(0).startswith("{{") else "")
        last = match.end()
    parts.append(re.escape(body[last:]))
    return re.compile("".join(parts), re.S)


def from_templates(folders: Iterable[tuple[str, Path]]) -> tuple[Known, ...]:
    """The inline scripts of every template in `folders` ((label, folder) pairs)."""
    found = []
    for label, folder in folders:
        for path in sorted(Path(folder).rglob("*.html")):
            text = path.read_text(encoding="utf-8")
            for match in _SCRIPT.finditer(text):
                if _runs(match.group("attrs")):
                    origin = f"{label}/{path.relative_to(folder).as_posix()}"
                    found.append(Known(origin, _pattern(match.group("body"))))
    return tuple(found)


def site_templates(root: Path) -> tuple[Known, ...]:
    """Material's templates and the project's overrides/."""
    return from_templates(
        [("material/templates", MATERIAL_TEMPLATES), ("overrides", Path(root) / "overrides")]
    )


def origin_of(text: str, known: Iterable[Known]) -> str | None:
    """The template that writes this script, or None when none does."""
    normal = text.replace("\r\n", "\n").replace("\r", "\n")
    return next((k.origin for k in known if k.pattern.fullmatch(normal)), None)


def _strings(data, path=()) -> Iterator[tuple[tuple, str]]:
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _strings(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _strings(value, (*path, index))
    elif isinstance(data, str):
        yield path, data


def in_data(text: str, data_dir: Path, marker: str | None = "<script") -> str | None:
    """Where a script's text sits in data/*.yaml (file, field and line); failing
    that, the first text holding `marker` (a script element whose text the page
    shows transformed, e.g. JSON-escaped)."""
    needle = text.strip()
    for path in sorted(Path(data_dir).rglob("*.yaml")):
        raw = path.read_text(encoding="utf-8")
        if (not marker or marker not in raw.lower()) and (not needle or needle not in raw):
            continue
        try:
            parsed = yamlio.parse(raw)
        except yamlio.YamlSyntaxError:
            continue
        for field, value in _strings(parsed.data):
            if (needle and needle in value) or (marker and marker in value.lower()):
                where = ".".join(str(p) for p in field)
                line = parsed.line_of(field)
                return f"{path.relative_to(data_dir.parent).as_posix()}, field {where}" + (
                    f", line {line}" if line else ""
                )
    return None
