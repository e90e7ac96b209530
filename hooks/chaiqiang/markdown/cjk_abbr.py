"""Python-Markdown's `abbr`, made to match terms inside Chinese text.

The stock extension wraps each term in `\\b…\\b`. Han characters count as word
characters, so `\\b淘口令\\b` never matches inside a sentence such as
「屏蔽了淘口令。」. Here the boundary applies only where the term meets Latin
letters or digits, which keeps `MIIT` from matching inside `MIITS`.
"""

from __future__ import annotations

import re

from markdown.extensions.abbr import AbbrExtension, AbbrTreeprocessor


class CjkAbbrTreeprocessor(AbbrTreeprocessor):
    def run(self, root):
        if not self.abbrs:
            return None
        terms = sorted(self.abbrs, key=len, reverse=True)
        alternatives = "|".join(re.escape(term) for term in terms)
        self.RE = re.compile(rf"(?<![A-Za-z0-9])(?:{alternatives})(?![A-Za-z0-9])")
        self.iter_element(root)
        return None


class CjkAbbrExtension(AbbrExtension):
    def extendMarkdown(self, md):
        super().extendMarkdown(md)
        md.treeprocessors.register(CjkAbbrTreeprocessor(md, self.abbrs), "abbr", 7)


def makeExtension(**kwargs):
    return CjkAbbrExtension(**kwargs)
