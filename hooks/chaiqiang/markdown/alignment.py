"""Alignment markers: `{¶ name}` gives a block the id `p-name`, the same in every language.

A story page's blocks are paired across languages by these ids (chaiqiang.bilingual),
never by position, and a reader can point at one (`…/the-deal/#p-taobao-side-2`).
The marker is written once per block, in every language's Markdown:

    {¶ taobao-side-2} **Reach.** As of June 2024, …       a paragraph: at its start
    - {¶ limits-2} The article …                          a list item: after its bullet
    {¶ five-forces-4}                                     any other block (a table):
                                                          on a line of its own, then
    | Force | … |                                         a blank line, then the block

An id stays with its block when the text changes (pinpoint citations outlive an
edition); a new block takes a new name. Each marked block ends with an empty
`<a class="cq-pilcrow">` that the page's language fills in (chaiqiang.bilingual.pilcrow).
Headings keep their own `{#id}`. Which pages must mark every block, and the check
that they do, are in chaiqiang.bilingual.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Extension
from markdown.treeprocessors import Treeprocessor

PREFIX = "p-"
NAME = r"[a-z0-9][a-z0-9-]*"
MARKER = re.compile(r"\{¶\s*(" + NAME + r")\s*\}")
# A marker where one belongs: the start of a block's text.
LEADING = re.compile(r"^\s*\{¶\s*(" + NAME + r")\s*\}[ \t]*\n?")
PILCROW_CLASS = "cq-pilcrow"


def anchor_id(name: str) -> str:
    return PREFIX + name


class AlignmentTreeprocessor(Treeprocessor):
    # Before the inline patterns (priority 20): the marker is still plain text.
    def run(self, root: etree.Element) -> None:
        self._walk(root)

    def _walk(self, parent: etree.Element) -> None:
        children = list(parent)
        for i, child in enumerate(children):
            if child.tag == "p" and len(child) == 0 and child.text and MARKER.fullmatch(child.text.strip()):
                # A marker on its own line: it names the next block.
                name = MARKER.fullmatch(child.text.strip()).group(1)
                following = children[i + 1] if i + 1 < len(children) else None
                if following is not None and following.get("id") is None:
                    self._mark(following, name)
                    parent.remove(child)
                continue
            if child.tag in ("p", "li"):
                target = child[0] if child.tag == "li" and len(child) and child[0].tag == "p" else child
                match = LEADING.match(target.text or "")
                if match:
                    target.text = target.text[match.end() :]
                    self._mark(child, match.group(1), target)
            if child.tag in ("ul", "ol", "blockquote", "div"):
                self._walk(child)

    @staticmethod
    def _mark(block: etree.Element, name: str, inside: etree.Element | None = None) -> None:
        block.set("id", anchor_id(name))
        # The pilcrow goes after the block's own text (a table's after the table).
        holder = inside if inside is not None else block
        if holder.tag not in ("p", "li"):
            return
        link = etree.SubElement(holder, "a", {"class": PILCROW_CLASS, "href": "#" + anchor_id(name)})
        link.text = ""


class AlignmentExtension(Extension):
    def extendMarkdown(self, md) -> None:
        md.treeprocessors.register(AlignmentTreeprocessor(md), "chaiqiang_alignment", 25)


def makeExtension(**kwargs) -> AlignmentExtension:
    return AlignmentExtension(**kwargs)
