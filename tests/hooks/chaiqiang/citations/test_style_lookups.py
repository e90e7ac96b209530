"""Remembering citeproc-py's style lookups changes nothing it renders."""

from __future__ import annotations

import pytest
from chaiqiang.citations import render, style_lookups

from .test_render import CASES, LANGS, item_for


@pytest.mark.parametrize("style", sorted(render.STYLES))
def test_every_reference_renders_the_same_with_and_without_remembered_lookups(meta, refs, style):
    items = [(item_for(case, meta, refs, lang), lang) for case in CASES for lang in LANGS]
    try:
        style_lookups.uninstall()
        plain = [render._render_marked(item, style, lang) for item, lang in items]
        style_lookups.install()
        remembered = [render._render_marked(item, style, lang) for item, lang in items]
        again = [render._render_marked(item, style, lang) for item, lang in items]
    finally:
        style_lookups.install()
    assert remembered == plain
    assert again == plain


def _styles():
    """Every style in two locales: two parsed trees with the same macro names."""
    return [render._style(style, locale) for style in sorted(render.STYLES) for locale in ("en-US", "zh-CN")]


def test_a_remembered_macro_is_the_one_in_the_asking_elements_own_style():
    style_lookups.install()
    for style in _styles():
        root = style.root
        for macro in root.iterfind("cs:macro", root.nsmap):
            name = macro.get("name")
            for asking in (root, next(macro.iter())):
                assert asking.get_macro(name) is macro, (style, name)


def test_remembered_answers_to_calls_variable_are_citeprocs_own():
    style_lookups.install()
    original = style_lookups._ORIGINAL["calls_variable"]
    checked = 0
    for style in _styles():
        for element in style.root.iter():
            if getattr(type(element), "calls_variable", None) is style_lookups._calls_variable:
                try:
                    expected = original(element)
                except TypeError:  # metadata (cs:info) that citeproc-py never asks
                    continue
                assert element.calls_variable() == expected, element.tag
                checked += 1
    assert checked > 100
