"""chaiqiang.markdown.alignment: each {¶ name} marker becomes its block's id, p-name,
and an empty ¶ link after the block's text; the marker leaves the text."""

from __future__ import annotations

import markdown
import pytest

EXTENSIONS = ["attr_list", "footnotes", "tables", "toc", "chaiqiang.markdown.alignment"]

# (Markdown, the HTML it must give): input and expected output side by side.
CASES = {
    "paragraph": (
        "{¶ intro-1} Hello **world**.",
        '<p id="p-intro-1">Hello <strong>world</strong>.<a class="cq-pilcrow" href="#p-intro-1"></a></p>',
    ),
    "list items": (
        "- {¶ a-1} one\n- {¶ a-2} two",
        '<ul>\n<li id="p-a-1">one<a class="cq-pilcrow" href="#p-a-1"></a></li>\n'
        '<li id="p-a-2">two<a class="cq-pilcrow" href="#p-a-2"></a></li>\n</ul>',
    ),
    "a loose list item": (
        "1. {¶ a-1} one\n\n2. {¶ a-2} two",
        '<ol>\n<li id="p-a-1">\n<p>one<a class="cq-pilcrow" href="#p-a-1"></a></p>\n</li>\n'
        '<li id="p-a-2">\n<p>two<a class="cq-pilcrow" href="#p-a-2"></a></p>\n</li>\n</ol>',
    ),
    "a table, marked on the line before": (
        "{¶ t-1}\n\n| a |\n|---|\n| 1 |",
        '<table id="p-t-1">',
    ),
    "a heading keeps its own id": ("## Title {#title}", '<h2 id="title">Title</h2>'),
}


@pytest.mark.parametrize("name", CASES)
def test_markers_become_ids(name):
    source, expected = CASES[name]
    out = markdown.markdown(source, extensions=EXTENSIONS)
    assert out.startswith(expected), out
    assert "{¶" not in out


def test_a_marker_in_the_middle_of_a_paragraph_stays_in_its_text():
    # chaiqiang.bilingual.blocks then stops the build, naming the marker.
    out = markdown.markdown("Some text {¶ x-1} more.", extensions=EXTENSIONS)
    assert "{¶ x-1}" in out and 'id="p-x-1"' not in out
