"""The ¶ after each aligned block: Markdown leaves it empty (chaiqiang.markdown.alignment),
the template gives it its sign and its attributes."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from markupsafe import Markup

from .. import templates
from ..markdown.alignment import PILCROW_CLASS

EMPTY = re.compile(r'<a class="' + PILCROW_CLASS + r'" href="#([^"]+)"></a>')
TEMPLATE = "chaiqiang/bilingual/pilcrow.html"


@cache
def _template(root: Path) -> str:
    # One render per build; the id goes in afterwards (it is [a-z0-9-], nothing to escape).
    return templates.render(TEMPLATE, root, id=Markup("\x00"))


def fill(html: str, root: Path) -> str:
    if PILCROW_CLASS not in html:
        return html
    filled = _template(root)
    return EMPTY.sub(lambda m: filled.replace("\x00", m.group(1)), html)
