"""The title of each footnote's back link, in the page's language.

Python-Markdown's footnotes give every back link one title for the whole site
(English by default, "Jump back to footnote 1 in the text"); mkdocs.yml sets it
to a mark instead (`MARK` and the footnote's number), and `fill` puts the page's
language's words there (data/strings/: blocks.footnote.back). A mark left over
stops the build, naming the page: a title the reader would see as a stray sign.
"""

from __future__ import annotations

import html as html_
import re
from pathlib import Path

from .. import strings
from ..errors import ChaiqiangError

MARK = "\ue020"  # a private-use character: never in the text (mkdocs.yml: footnotes BACKLINK_TITLE)
_TITLE = re.compile('title="' + MARK + r'(\d+)"')


def fill(html: str, lang: str, where: str, root: Path = strings.ROOT) -> str:
    if MARK not in html:
        return html
    title = html_.escape(strings.group(lang, "blocks", root)["footnote.back"])
    html = _TITLE.sub(lambda m: 'title="' + title.replace("{n}", m.group(1)) + '"', html)
    if MARK in html:
        raise ChaiqiangError(
            "a footnote mark that is not a back link's title (mkdocs.yml: footnotes)", file=where
        )
    return html
