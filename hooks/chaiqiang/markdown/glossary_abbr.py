"""Glossary terms as Markdown abbreviation definitions, for hover and tap tooltips.

The definitions are appended to each page's Markdown in the page's language;
`cjk_abbr` then wraps every occurrence of a term in `<abbr title=…>`, which
Material's `content.tooltips` shows as a tooltip.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache


def abbreviation_block(entries: Iterable[tuple[str, str]]) -> str:
    """`*[term]: definition` lines for (term, definition) pairs, longest term first,
    a blank line between them."""
    return _block(frozenset(entries))


@lru_cache(maxsize=16)  # every page of a language has the same block: made once per language
def _block(entries: frozenset[tuple[str, str]]) -> str:
    lines = []
    for term, definition in sorted(entries, key=lambda e: (-len(e[0]), e[0])):
        # A definition is one line of plain text in an attribute: no newlines.
        lines.append(f"*[{term}]: {' '.join(definition.split())}")
    # A blank line between definitions: Python-Markdown's abbr takes one definition
    # from a block and hands the rest back to every block processor, which scan it
    # again (quadratic: a third of a clean build's Markdown time in one block).
    return "\n\n" + "\n\n".join(lines) + "\n" if lines else ""
