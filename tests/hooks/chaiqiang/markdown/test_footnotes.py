"""chaiqiang.markdown.footnotes: the back links' titles in the page's language."""

from __future__ import annotations

import markdown
import pytest
from chaiqiang.errors import ChaiqiangError
from chaiqiang.markdown import footnotes

from tools.common import ROOT


def rendered(text: str) -> str:
    # As mkdocs.yml configures the footnotes (tests/test_built_site.py checks the built pages).
    options = {"BACKLINK_TITLE": footnotes.MARK + "%d"}
    return markdown.markdown(text, extensions=["footnotes"], extension_configs={"footnotes": options})


TEXT = "One[^a] and two[^b].\n\n[^a]: The first.\n[^b]: The second.\n"


def test_each_back_link_is_titled_in_the_page_s_language():
    html = rendered(TEXT)
    assert footnotes.MARK in html  # mkdocs.yml leaves the title to the hook
    zh = footnotes.fill(html, "zh-Hant", "docs/zh-Hant/x.md", ROOT)
    assert 'title="回到內文中的註腳 1"' in zh and 'title="回到內文中的註腳 2"' in zh
    en = footnotes.fill(html, "en", "docs/en/x.md", ROOT)
    assert 'title="Jump back to footnote 2 in the text"' in en
    assert footnotes.MARK not in zh + en


def test_a_page_without_footnotes_is_left_as_it_is():
    assert footnotes.fill("<p>x</p>", "zh-Hant", "docs/zh-Hant/x.md", ROOT) == "<p>x</p>"


def test_a_mark_left_anywhere_else_stops_the_build_naming_the_page():
    with pytest.raises(ChaiqiangError, match=r"docs/zh-Hant/x\.md: .*footnote mark"):
        footnotes.fill(f"<p>{footnotes.MARK}1</p>", "zh-Hant", "docs/zh-Hant/x.md", ROOT)
