"""Chinese words inside the English pages, marked as Chinese.

An English page names things in Chinese (藍海億觀網, 拆牆, 流量入口). Under the
page's lang="en" a screen reader reads them with an English voice, which skips
them or spells out code points, and a browser may draw them with Japanese or
Simplified glyphs. Each run of Han characters (with the Chinese punctuation
inside it) gets <span lang="zh-Hant">, so the reader switches voice and the
browser picks Traditional Chinese glyphs.

The page's HTML passes through unchanged but for those spans: a tokenizer, not a
parse and re-serialisation. Left alone: text that already sits under a lang
attribute, scripts and styles, and SVG (its text cannot hold HTML elements).
"""

from __future__ import annotations

import re
from functools import lru_cache
from html.parser import HTMLParser

LANG = "zh-Hant"
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_PUNCT = "\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65"
# A run holds at least one Han character; punctuation joins it only between or after them.
HAN_RUN = re.compile(f"[{_HAN}](?:[{_HAN}{_PUNCT}]*[{_HAN}{_PUNCT}])?")

VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}
# Where text must stay as it is.
RAW = {"script", "style", "svg", "math", "textarea", "title"}


class _Marker(HTMLParser):
    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", source)]
        self.out: list[str] = []
        # (tag, whether text under it is left alone)
        self.stack: list[tuple[str, bool]] = []

    def _left_alone(self) -> bool:
        return bool(self.stack) and self.stack[-1][1]

    def handle_starttag(self, tag, attrs):
        self.out.append(self.get_starttag_text())
        if tag in VOID:
            return
        keep = self._left_alone() or tag in RAW or any(name in ("lang", "xml:lang") for name, _ in attrs)
        self.stack.append((tag, keep))

    def handle_startendtag(self, tag, attrs):
        self.out.append(self.get_starttag_text())

    def handle_endtag(self, tag):
        # As written (HTMLParser lowercases the name: </linearGradient>).
        line, column = self.getpos()
        start = self.line_starts[line - 1] + column
        self.out.append(self.source[start : self.source.index(">", start) + 1])
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                break

    def handle_data(self, data):
        if self._left_alone() or not HAN_RUN.search(data):
            self.out.append(data)
        else:
            self.out.append(HAN_RUN.sub(lambda m: f'<span lang="{LANG}">{m.group(0)}</span>', data))

    def handle_entityref(self, name):
        self.out.append(f"&{name};")

    def handle_charref(self, name):
        self.out.append(f"&#{name};")

    def handle_comment(self, data):
        self.out.append(f"<!--{data}-->")

    def handle_decl(self, decl):
        self.out.append(f"<!{decl}>")

    def handle_pi(self, data):
        self.out.append(f"<?{data}>")

    def unknown_decl(self, data):
        self.out.append(f"<![{data}]>")


@lru_cache(maxsize=256)  # `dev.py serve` rebuilds in one process: an unchanged page is not parsed again
def mark_chinese(html: str) -> str:
    """`html` with every run of Chinese outside a lang attribute in <span lang="zh-Hant">."""
    if not HAN_RUN.search(html):
        return html
    marker = _Marker(html)
    marker.feed(html)
    marker.close()
    return "".join(marker.out)
