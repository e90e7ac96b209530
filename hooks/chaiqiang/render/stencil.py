"""Many calls of one macro that differ only in values the macro prints as they are.

A timeline of 10,000 events calls its event macro 10,000 times in each language, and
Jinja spends nearly all of that looking up and escaping the same labels, badges and
links again. A stencil is the macro rendered once for one *shape* of its argument (what
decides the markup: an event's status, kind and phase, which optional parts it has),
with a marker where each per-call value goes; `fill` puts one call's values in, escaped
as `{{ value }}` escapes them (markupsafe.escape: text escaped, rendered markup as it is).
The result is the macro's output, byte for byte.

The contract with the template: print those values as they are, and ask at most whether
an optional one is there (a value that is empty or None is part of the shape, not a
marker). Each new stencil's first fill is checked against the macro itself.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Sequence
from operator import not_
from typing import Any

from markupsafe import Markup, escape

from ..templates import block_lines

# NUL never occurs in data (YAML refuses it) and escaping leaves it alone.
_MARKER = "\x00{}\x00"
_MARKERS = re.compile("\x00([0-9]+)\x00")

# The characters markupsafe.escape replaces: text without any of them comes out as it is,
# so it need not go through escape() (which makes a Markup of every value). Checked here
# once against markupsafe itself; if it escaped anything else, every value would go through.
_ESCAPED = re.compile("[&<>'\"]")
_OTHERS = "".join(chr(c) for c in range(1, 0x3100) if not 0xD800 <= c < 0xE000 and chr(c) not in "&<>'\"")
_SHORTCUT = str(escape(_OTHERS)) == _OTHERS and all(str(escape(c)) != c for c in "&<>'\"")


def _escaped(value: Any) -> str:
    if type(value) is Markup:
        return value  # rendered markup, as escape() gives it back
    if type(value) is str and _SHORTCUT and not _ESCAPED.search(value):
        return value
    return escape(value)


class StencilError(RuntimeError):
    """The macro does not print a per-call value as it is (see the module's contract)."""


class _Parts:
    """Rendered text with markers, split: the text around them, and which value goes where."""

    def __init__(self, html: str):
        pieces = _MARKERS.split(html)  # text, marker number, text, …, text
        marked = [int(number) for number in pieces[1::2]]
        self.positions = tuple(dict.fromkeys(marked))  # each value escaped once, however often printed
        self.parts = pieces
        self.slots = [(2 * k + 1, self.positions.index(p)) for k, p in enumerate(marked)]

    def fill(self, values: Sequence[Any]) -> str:
        out: list[str] = []
        self.fill_into(out, values)
        return "".join(out)

    def fill_into(self, out: list[str], values: Sequence[Any]) -> None:
        """Add the filled-in text to `out`, in pieces (joined once, for many calls)."""
        escaped = [_escaped(values[p]) for p in self.positions]
        base = len(out)
        out += self.parts
        for i, j in self.slots:
            out[base + i] = escaped[j]


class _Stencil:
    def __init__(self, html: str):
        self.raw = _Parts(html)
        # The output as templates.block_lines leaves it, made from the stencil's own lines:
        # the same as from the filled output when it ends its last line (so that outputs in
        # a row are lines in a row) and no value starts or ends with a space or holds a line
        # break (see `_lines_hold`).
        self.lines = _Parts(block_lines(html)) if html[-1:] in _LINE_BREAKS else None

    def lines_into(self, out: list[str], values: Sequence[Any], held: dict[str, bool]) -> bool:
        if self.lines is None:
            return False
        for position in self.lines.positions:
            value = values[position]
            if type(value) is Markup:  # rendered once, put in many times: asked once
                hold = held.get(value)
                if hold is None:
                    hold = held[value] = _lines_hold(value)
            else:
                hold = _lines_hold(value)
            if not hold:
                out.append(block_lines(self.raw.fill(values)))  # a value with a line break, say
                return True
        self.lines.fill_into(out, values)
        return True


# What str.splitlines() breaks lines at.
_LINE_BREAKS = frozenset("\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")


def _lines_hold(value: Any) -> bool:
    """Whether a value, put into a line, leaves that line as stripping would leave it."""
    text = str(value)
    return text.strip() == text and len(text.splitlines()) == 1


class Stencils:
    """`render(shape, values)` == `macro(*arguments(dict(zip(names, values))))`, for a
    `shape` that decides everything `arguments` passes besides the values (and the values'
    own empty ones); `lines(shape, values)` is that as templates.block_lines leaves it, or
    None. `values`: a tuple in the order of `names`."""

    def __init__(
        self, macro: Callable[..., Any], names: Sequence[str], arguments: Callable[[dict[str, Any]], tuple]
    ):
        self.macro = macro
        self.names = tuple(names)
        self.arguments = arguments
        self._made: dict[Hashable, _Stencil] = {}
        self._held: dict[str, bool] = {}  # rendered values (Markup): whether _lines_hold

    def direct(self, values: Sequence[Any]) -> str:
        """The macro itself, without a stencil."""
        return str(self.macro(*self.arguments(dict(zip(self.names, values, strict=True)))))

    def render(self, shape: Hashable, values: Sequence[Any]) -> str:
        return self._stencil(shape, values).raw.fill(values)

    def lines(self, shape: Hashable, values: Sequence[Any]) -> str | None:
        """The output's lines, each stripped, none empty, joined by line feeds; None if
        the output does not end its last line (then outputs in a row are not lines in a row)."""
        out: list[str] = []
        return "".join(out) if self.lines_into(out, shape, values) else None

    def lines_into(self, out: list[str], shape: Hashable, values: Sequence[Any]) -> bool:
        """`lines`, added to `out` in pieces; False (and nothing added) where `lines` is None."""
        return self._stencil(shape, values).lines_into(out, values, self._held)

    def _stencil(self, shape: Hashable, values: Sequence[Any]) -> _Stencil:
        # The shape, which values are empty and how (None, ""), in the values' order.
        key = (shape, tuple(map(bool, values)), tuple(filter(not_, values)))
        stencil = self._made.get(key)
        if stencil is not None:
            return stencil
        if len(values) != len(self.names):
            raise ValueError(f"expected the values {', '.join(self.names)}, got {len(values)}")
        markers = tuple(value if not value else _MARKER.format(i) for i, value in enumerate(values))
        stencil = _Stencil(self.direct(markers))
        html, want = stencil.raw.fill(values), self.direct(values)
        out: list[str] = []
        lines = "".join(out) if stencil.lines_into(out, values, self._held) else None
        if html != want or (lines is not None and lines != block_lines(want)):
            raise StencilError(
                f"{getattr(self.macro, 'name', self.macro)!r} does not print its per-call values as they "
                f"are ({', '.join(self.names)}): filled in {html!r}, rendered {want!r}"
            )
        self._made[key] = stencil
        return stencil
