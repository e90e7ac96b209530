"""Remembered lookups in citeproc-py's parsed CSL styles.

citeproc-py finds a macro by an XPath query from the style's root each time a
`cs:text macro=…` is rendered or asked whether it calls a variable, and asks
every group, choose and macro again, recursively, whether it calls a variable.
A style tree never changes once parsed, so both answers are the same every time:
on an empty cache these repeated queries were about half of all citation
rendering (36,000 macro queries for 232 entries). `install()` makes citeproc-py
remember them; what it renders is unchanged (tests/hooks/chaiqiang/citations/
test_style_lookups.py renders every style both ways).

The remembered elements are held by the maps below, which keeps lxml's Python
proxies for them alive and so their identity stable (lxml makes a new proxy for
an element no one holds).
"""

from __future__ import annotations

from typing import Any

from citeproc import model

_MACROS: dict[tuple[Any, str], Any] = {}
_CALLS_VARIABLE: dict[Any, bool] = {}
_ORIGINAL = {
    "get_macro": model.CitationStylesElement.get_macro,
    "calls_variable": model.Parent.calls_variable,
}


def _get_macro(self: Any, name: str) -> Any:
    root = self.get_root()
    key = (root, name)
    macro = _MACROS.get(key)
    if macro is None:
        macro = _MACROS[key] = _ORIGINAL["get_macro"](self, name)
    return macro


def _calls_variable(self: Any) -> bool:
    answer = _CALLS_VARIABLE.get(self)
    if answer is None:
        answer = _CALLS_VARIABLE[self] = _ORIGINAL["calls_variable"](self)
    return answer


def install() -> None:
    model.CitationStylesElement.get_macro = _get_macro
    model.Parent.calls_variable = _calls_variable


def uninstall() -> None:
    model.CitationStylesElement.get_macro = _ORIGINAL["get_macro"]
    model.Parent.calls_variable = _ORIGINAL["calls_variable"]
    _MACROS.clear()
    _CALLS_VARIABLE.clear()
