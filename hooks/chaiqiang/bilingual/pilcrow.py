"""The ¶ after each aligned block, in the page's language: Markdown leaves it empty
(chaiqiang.markdown.alignment), the template gives it its sign and its words."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from markupsafe import Markup

from .. import strings, templates
from ..markdown.alignment import PILCROW_CLASS

EMPTY = re.compile(r'<a class="' + PILCROW_CLASS + r'" href="#([^"]+)"></a>')
TEMPLATE = "chaiqiang/bilingual/pilcrow.html"


@cache
def _template(lang: str, root: Path) -> str:
    # One render per language; the id goes in afterwards (it is [a-z0-9-], nothing to escape).
    return templates.render(TEMPLATE, root, id=Markup("\x00"), t=strings.group(lang, "bilingual", root))


def fill(html: str, lang: str, root: Path) -> str:
    if PILCROW_CLASS not in html:
        return html
    filled = _template(lang, root)
    return EMPTY.sub(lambda m: filled.replace("\x00", m.group(1)), html)
