"""Parsing rendered blocks in tests (lxml; simple CSS-like selectors, since
cssselect is not a dependency)."""

from __future__ import annotations

import re

from lxml import etree, html

_PART = re.compile(r"^(?P<tag>[a-z0-9*]+)?(?P<classes>(\.[\w-]+)*)(?P<attrs>(\[[\w-]+(=[\w-]+)?\])*)$")


def _xpath(selector: str) -> str:
    steps = []
    for part in selector.split():
        m = _PART.match(part)
        if not m:
            raise ValueError(f"unsupported selector {part!r}")
        tests = [
            f"contains(concat(' ', normalize-space(@class), ' '), ' {c} ')"
            for c in m["classes"].split(".")
            if c
        ]
        for attr in re.findall(r"\[([\w-]+)(?:=([\w-]+))?\]", m["attrs"]):
            tests.append(f"@{attr[0]}='{attr[1]}'" if attr[1] else f"@{attr[0]}")
        steps.append((m["tag"] or "*") + "".join(f"[{t}]" for t in tests))
    return ".//" + "//".join(steps)


def select(root, selector: str) -> list:
    return root.xpath(_xpath(selector))


def parse(markup: str):
    """The block's elements under one wrapper <div>."""
    return html.fragment_fromstring(markup, create_parent="div")


def text(element) -> str:
    return " ".join("".join(element.itertext()).split())


def by_id(root, element_id: str):
    [found] = root.xpath(".//*[@id=$id]", id=element_id)
    return found


def xml(markup: str):
    """The block parsed as XML, so that SVG element names and case survive."""
    return etree.fromstring(f"<root>{markup}</root>".encode())
