"""The one Jinja environment for the templates that the hooks and tools render
themselves (overrides/chaiqiang/: see overrides/README.md): the data blocks, the
citation markers, the PDF edition and the offline bundle's README.

Rooted at the project's overrides/, so names read as MkDocs's theme names them
("chaiqiang/timeline.html"). The root is the project the caller builds: a build
gives its config file's folder, tools and tests default to this repository.

- Autoescape is on for .html: every piece of data text is escaped wherever it
  lands. Plain-text templates (.txt) are not escaped.
- StrictUndefined: a typo in a template fails loudly.
- trim_blocks and lstrip_blocks: a block tag on a line of its own leaves no line.
- Globals and filters, also given to MkDocs's theme environments (`install_in_theme`,
  from the hook), since main.html includes some of these templates and Material reads
  its zh-Hant strings from the catalogue:
    strings         the interface words (chaiqiang.strings): strings[lang].citations.intro
    format_date     "2025-09-16" | format_date(lang) -> 2025年9月16日 / 16 September 2025
    format_number   value | format_number(unit, lang) -> 13.71 億, 1.371 billion, +4%, 3.4 kB
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import (
    Environment,
    FileSystemBytecodeCache,
    FileSystemLoader,
    StrictUndefined,
    select_autoescape,
)
from markupsafe import Markup

from . import caches, strings
from .render import dates, numbers

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE_DIR = "overrides"


def format_date(text: str, lang: str) -> str:
    return dates.format_date(text, lang)


def format_number(value: float | int, unit: str, lang: str) -> str:
    return numbers.format_value(value, unit, lang)


@cache
def _bytecode(root: Path, kind: str) -> FileSystemBytecodeCache:
    # A folder per kind of environment: Jinja keys compiled code by the template's name
    # and source only, and the theme's environment compiles with other settings than
    # ours (no autoescape, no trim_blocks): main.html includes templates that ours renders too.
    folder = caches.folder(root, "jinja") / kind
    folder.mkdir(parents=True, exist_ok=True)
    return FileSystemBytecodeCache(str(folder))


def install(env: Environment, root: Path | str = ROOT, kind: str = "chaiqiang") -> Environment:
    """Give an environment the words and the filters that our templates use, and
    the compiled templates of earlier builds (Jinja's bytecode cache, keyed by each
    template's source and Jinja's and Python's versions: .cache/jinja/<kind>/, one
    folder for each kind of environment: "chaiqiang" for ours, "theme" for MkDocs')."""
    env.bytecode_cache = _bytecode(Path(root), kind)
    env.globals["strings"] = strings.load(Path(root))
    env.filters["format_date"] = format_date
    env.filters["format_number"] = format_number
    return env


def install_in_theme(root: Path | str = ROOT) -> None:
    """Give every environment of the MkDocs theme our words and filters. MkDocs makes
    a new one at each `Theme.get_env()`, and not only for the build (whose environment
    on_env sees): Material's search plugin makes one in its on_config, before any hook
    runs, to read the search settings from partials/languages/zh-Hant.html."""
    from mkdocs.theme import Theme

    original = getattr(Theme.get_env, "chaiqiang_original", Theme.get_env)

    def get_env(self: Theme) -> Environment:
        return install(original(self), root, "theme")

    get_env.chaiqiang_original = original  # type: ignore[attr-defined]
    Theme.get_env = get_env  # type: ignore[method-assign]


@cache
def environment(root: Path | str = ROOT) -> Environment:
    """The environment of the project at `root` (one per root)."""
    env = Environment(
        loader=FileSystemLoader(Path(root) / TEMPLATE_DIR),
        autoescape=select_autoescape(enabled_extensions=("html",), default_for_string=True, default=False),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return install(env, root)


def render(name: str, root: Path | str | None = None, /, **context: object) -> str:
    """A template as it is written (the PDF edition, the citation markers)."""
    return environment(Path(root) if root else ROOT).get_template(name).render(**context)


def macros(name: str, root: Path | str | None = None, /, **context: object) -> Any:
    """A template of macros, to call from Python (`macros(...).time(d)`), with the
    variables its macros read (`t`), as a template that imports it `with context` has them."""
    return environment(Path(root) if root else ROOT).get_template(name).make_module(context)


def render_block(name: str, root: Path | str | None = None, /, **context: object) -> str:
    """A data block for a page's Markdown: Python-Markdown ends a raw HTML block at
    a blank line, so none may remain, and leading spaces could make a line a code block."""
    return block_lines(render(name, root, **context))


def block_lines(html: str) -> str:
    """What render_block makes of rendered HTML: every line stripped, no empty line."""
    return "\n".join(stripped for line in html.splitlines() if (stripped := line.strip()))


_LINE_MARKER = re.compile("\x00lines ([0-9]+)\x00")


class LineBlocks:
    """Long runs of lines made apart from their template, already as block_lines leaves
    them (a timeline's events), so that render_block need not split and strip them again.

        blocks = LineBlocks()
        html = render_block(name, groups=[{"events": blocks.place(lines)}])
        html = blocks.fill(html)   # None: render the plain way

    The template prints what `place` gives (a marker) on a line of its own; `fill` puts
    the lines in. Where a marker shares its line with other text, or its lines are empty,
    the result would not be the plain way's, and `fill` says so with None."""

    def __init__(self) -> None:
        self.blocks: list[list[str]] = []

    def place(self, pieces: list[str]) -> Markup:
        """A marker for the lines that `pieces` make, joined (each line stripped, none empty;
        in pieces, so that a long run is joined once, with the rest of the block)."""
        self.blocks.append(pieces)
        return Markup(f"\x00lines {len(self.blocks) - 1}\x00")

    def fill(self, block: str) -> str | None:
        pieces = _LINE_MARKER.split(block)  # text, marker number, text, …, text
        out: list[str] = [pieces[0]]
        for i in range(1, len(pieces), 2):
            before, after = pieces[i - 1], pieces[i + 1]
            alone = (before.endswith("\n") or (i == 1 and not before)) and (
                after.startswith("\n") or (i == len(pieces) - 2 and not after)
            )
            lines = self.blocks[int(pieces[i])]
            if not alone or not any(lines):
                return None
            out += lines
            out.append(after)
        return "".join(out)


def render_text(name: str, root: Path | str | None = None, /, **context: object) -> str:
    """A plain-text file (the offline README): Jinja drops a template's last newline,
    a text file ends with one."""
    return render(name, root, **context) + "\n"
