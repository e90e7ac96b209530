"""chaiqiang.bilingual.blocks: an aligned page's blocks, and the errors that stop its build."""

from __future__ import annotations

import pytest
from chaiqiang.bilingual.blocks import AlignmentError, compare, of_content

GOOD = (
    '<h1 id="page">Title</h1>'
    '<p id="p-page-1">Intro.</p>'
    '<h2 id="part">Part</h2>'
    '<ol start="3"><li id="p-part-1">one</li><li id="p-part-2">two</li></ol>'
    '<table id="p-part-3"><tr><td>1</td></tr></table>'
    '<div class="footnote"><ol><li id="fn:a">note</li></ol></div>'
)


def test_headings_paragraphs_list_items_tables_and_the_footnotes_in_order():
    found = of_content(GOOD, "docs/en/x.md")
    assert [(b.id, b.kind) for b in found] == [
        ("page", "heading"),
        ("p-page-1", "block"),
        ("part", "heading"),
        ("p-part-1", "item"),
        ("p-part-2", "item"),
        ("p-part-3", "block"),
        (None, "footnotes"),
    ]
    assert [b.number for b in found if b.kind == "item"] == [3, 4]


@pytest.mark.parametrize(
    ("html", "message"),
    [
        ("<p>No marker here.</p>", "docs/en/x.md: a block without an alignment id: 'No marker here.'"),
        ('<ul><li id="p-a-1">one</li><li>two</li></ul>', "a block without an alignment id: 'two'"),
        ('<p id="p-a-1">one</p><p id="p-a-1">two</p>', "the id 'p-a-1' is given to two blocks"),
        ('<p id="p-a-1">one {¶ a-2} two</p>', "the marker {¶ a-2} is inside a block's text"),
        ("<h2>Untitled</h2>", "the heading 'Untitled' has no id"),
    ],
)
def test_a_page_that_is_not_aligned_stops_the_build(html, message):
    with pytest.raises(AlignmentError) as caught:
        of_content(html, "docs/en/x.md")
    assert message in str(caught.value)


def test_ids_that_differ_between_languages_are_named():
    with pytest.raises(AlignmentError) as caught:
        compare({"docs/zh-Hant/x.md": ["a", "p-b", "p-c"], "docs/en/x.md": ["a", "p-c", "p-d"]})
    message = str(caught.value)
    assert "p-b is in docs/zh-Hant/x.md only" in message
    assert "p-d is in docs/en/x.md only" in message


def test_the_same_ids_in_another_order_are_no_error():
    compare({"zh": ["a", "p-b", "p-c"], "en": ["a", "p-c", "p-b"]})
