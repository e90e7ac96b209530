"""Python-Markdown's `abbr`, made to match terms inside Chinese text, and glossing
each term once per section.

The stock extension wraps each term in `\\b…\\b`. Han characters count as word
characters, so `\\b淘口令\\b` never matches inside a sentence such as
「屏蔽了淘口令。」. Here the boundary applies only where the term meets Latin
letters or digits, which keeps `MIIT` from matching inside `MIITS`.

The stock extension also marks every mention. Here only the first mention of a
term in each section (from one `h2` to the next) keeps its `<abbr>`, as reference
works gloss a term where a reader meets it: a page of dotted underlines reads
badly, and Material sets up one tooltip per `<abbr>` as the page loads (49 on a
story page was a measurable share of its main-thread time).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown.extensions.abbr import AbbrExtension, AbbrTreeprocessor
from markdown.treeprocessors import Treeprocessor

# A new section starts here: the terms count as unmet again.
SECTION_TAGS = {"h1", "h2"}


class CjkAbbrTreeprocessor(AbbrTreeprocessor):
    def run(self, root):
        if not self.abbrs:
            return None
        terms = sorted(self.abbrs, key=len, reverse=True)
        alternatives = "|".join(re.escape(term) for term in terms)
        self.RE = re.compile(rf"(?<![A-Za-z0-9])(?:{alternatives})(?![A-Za-z0-9])")
        self.iter_element(root)
        return None


class FirstMentionTreeprocessor(Treeprocessor):
    """Unwraps every `<abbr>` but the first of its term in each section."""

    def run(self, root):
        parents = {child: parent for parent in root.iter() for child in parent}
        seen: set[str] = set()
        repeats = []
        for element in root.iter():
            if element.tag in SECTION_TAGS:
                seen.clear()
            elif element.tag == "abbr":
                term = "".join(element.itertext())
                if term in seen:
                    repeats.append(element)
                seen.add(term)
        # Last first, so text merged into an earlier sibling's tail stays in order.
        for element in reversed(repeats):
            unwrap(parents[element], element)
        return None


def unwrap(parent: etree.Element, element: etree.Element) -> None:
    """Replaces `element` with its text (an `<abbr>` holds text only)."""
    text = (element.text or "") + (element.tail or "")
    index = list(parent).index(element)
    if index == 0:
        parent.text = (parent.text or "") + text
    else:
        previous = parent[index - 1]
        previous.tail = (previous.tail or "") + text
    parent.remove(element)


class CjkAbbrExtension(AbbrExtension):
    def extendMarkdown(self, md):
        super().extendMarkdown(md)
        md.treeprocessors.register(CjkAbbrTreeprocessor(md, self.abbrs), "abbr", 7)
        md.treeprocessors.register(FirstMentionTreeprocessor(md), "abbr_first_mention", 6.9)


def makeExtension(**kwargs):
    return CjkAbbrExtension(**kwargs)
