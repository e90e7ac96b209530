"""A page's aligned blocks: each heading, paragraph, list item and table with its id.

The same function reads a page's content as Markdown makes it (on_page_content, to
stop the build at a block without an id) and the article of a built page (to pair
the languages). What is not text of the page's own is skipped: the print header,
the link to the bilingual view, the footnotes (paired as one block) and the cite box.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from lxml import html as lxml_html

from ..errors import ChaiqiangError
from ..markdown.alignment import MARKER, PREFIX

HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
LISTS = ("ul", "ol")
# Classes of blocks that are the page's furniture, not its text.
SKIPPED = ("cq-print-only", "cq-bilingual-link", "chaiqiang-cite")
FOOTNOTES = "footnote"


class AlignmentError(ChaiqiangError):
    pass


@dataclass
class Block:
    id: str | None  # None: the footnotes
    element: lxml_html.HtmlElement  # the block (a list item for a list's)
    kind: str  # "heading", "item", "footnotes" or "block"
    list_tag: str = ""  # "ul" or "ol", for an item
    number: int = 0  # an ordered list item's number


def _classes(element) -> set[str]:
    return set((element.get("class") or "").split())


def _snippet(element) -> str:
    text = " ".join(element.text_content().split())
    return text[:40] + ("…" if len(text) > 40 else "")


def blocks(children: Iterable, where: str) -> list[Block]:
    """The aligned blocks among `children` (an article's elements), in order; a block
    without an alignment id, or a marker left in the text, stops the build."""
    out: list[Block] = []
    for element in children:
        if not isinstance(element.tag, str):  # a comment
            continue
        classes = _classes(element)
        if classes & set(SKIPPED) or element.get("id") == "cite-this-page":
            continue
        if FOOTNOTES in classes:
            out.append(Block(None, element, "footnotes"))
            continue
        if element.tag in LISTS:
            start = int(element.get("start") or 1)
            for n, item in enumerate(element.iterchildren("li")):
                _need_id(item, where)
                out.append(Block(item.get("id"), item, "item", element.tag, start + n))
            continue
        if element.tag in HEADINGS:
            if not element.get("id"):
                raise AlignmentError(f"{where}: the heading {_snippet(element)!r} has no id ({{#id}})")
            out.append(Block(element.get("id"), element, "heading"))
            continue
        _need_id(element, where)
        out.append(Block(element.get("id"), element, "block"))
    seen: set[str] = set()
    for block in out:
        stray = MARKER.search(block.element.text_content())
        if stray:
            raise AlignmentError(
                f"{where}: the marker {stray.group(0)} is inside a block's text; it goes at the start "
                "of a paragraph or list item, or on a line of its own before any other block"
            )
        if block.id is None:
            continue
        if block.id in seen:
            raise AlignmentError(f"{where}: the id {block.id!r} is given to two blocks")
        seen.add(block.id)
    return out


def _need_id(element, where: str) -> None:
    if not (element.get("id") or "").startswith(PREFIX):
        raise AlignmentError(
            f"{where}: a block without an alignment id: {_snippet(element)!r}. "
            "Give it a marker such as {¶ section-3} in every language (chaiqiang.markdown.alignment)"
        )


def of_content(content: str, where: str) -> list[Block]:
    """The blocks of a page's content, as Markdown made it."""
    if not content.strip():
        return []
    return blocks(lxml_html.fragments_fromstring(content), where)


def compare(ids: dict[str, Sequence[str | None]]) -> None:
    """Every language's page (`where` -> its block ids in order) has the same ids."""
    (first_where, first), *others = ids.items()
    for where, other in others:
        missing = [i for i in first if i not in other]
        extra = [i for i in other if i not in first]
        if missing or extra:
            lines = [f"{first_where} and {where} differ in their alignment ids:"]
            lines += [f"  {i} is in {first_where} only" for i in missing]
            lines += [f"  {i} is in {where} only" for i in extra]
            raise AlignmentError("\n".join(lines))
