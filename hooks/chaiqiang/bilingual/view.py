"""The bilingual view of one page, made from the two built pages.

The page of the reader's language is the frame (header, navigation, table of
contents, footer, cite box); its article becomes pairs, each block beside its
counterpart of the partner language, matched by id (chaiqiang.bilingual.blocks),
never by position. The view sits in the same folder as the page
(chaiqiang.urls.bilingual_path), so the frame's relative links keep their meaning;
the partner's links are rebased onto the view's folder. Inside each copy every id
gets the copy's language as a suffix (fn:x--en), so that the page has each id once;
a pair carries the block's own id, so `#p-…` and the table of contents lead to it.

For search engines the view is a way of showing its page: its canonical URL is the
page's (where each text is indexed), and it has no hreflang alternates; it is not in
the site's search index or sitemap (every hit would appear twice).
"""

from __future__ import annotations

import copy
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

from lxml import html as lxml_html
from markupsafe import Markup

from .. import strings, templates, urls
from ..languages import LANGUAGES
from .blocks import Block, blocks, compare

ARTICLE = "//article[contains(concat(' ', normalize-space(@class), ' '), ' md-content__inner ')]"
TEMPLATE = "chaiqiang/bilingual/article.html"
LINK_TEMPLATE = "chaiqiang/bilingual/link.html"
# Attributes that name an id of the same page.
ID_REFS = ("for", "aria-labelledby", "aria-describedby", "aria-controls", "headers")
EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//|/|#)", re.I)


@dataclass(frozen=True)
class Page:
    """One built page: its HTML, its site-relative URL, its language, and its file (for errors)."""

    html: bytes
    url: str
    lang: str
    where: str


def _article(doc, where: str):
    found = doc.xpath(ARTICLE)
    if not found:
        raise ValueError(f"{where}: no article in the built page")
    return found[0]


def _rebase(element, from_url: str, to_url: str) -> None:
    """Relative links and sources written for `from_url`, made to work from `to_url`."""
    from_dir = posixpath.dirname(from_url) or "."
    to_dir = posixpath.dirname(to_url) or "."
    if from_dir == to_dir:
        return
    for el in element.iter():
        for attr in ("href", "src"):
            value = el.get(attr)
            if not value or EXTERNAL.match(value):
                continue
            cut = min((i for i in (value.find("#"), value.find("?")) if i >= 0), default=len(value))
            path, rest = value[:cut], value[cut:]
            target = posixpath.normpath(posixpath.join(from_dir, path))
            new = posixpath.relpath(target, to_dir)
            if path.endswith("/") or new == ".":
                new = new.rstrip("/") + "/"
            el.set(attr, new + rest)


def _inner_ids(chosen: list[Block]) -> dict[str, str]:
    """The ids inside a language's blocks (not the blocks' own, which their pairs
    take), each with the language as a suffix: the footnotes' and their references'."""
    renamed: dict[str, str] = {}
    for block in chosen:
        for el in block.element.iter():
            if (
                isinstance(el.tag, str)
                and el.get("id")
                and (el is not block.element or block.kind == "footnotes")
            ):
                renamed[el.get("id")] = el.get("id")
    return renamed


def _own_ids(element, renamed: dict[str, str], lang: str) -> None:
    """Every inner id of a copy gets the copy's language, and so do the references to it."""
    for el in element.iter():
        if not isinstance(el.tag, str):
            continue
        if el.get("id") in renamed:
            el.set("id", f"{el.get('id')}--{lang}")
        href = el.get("href")
        if href and href.startswith("#") and href[1:] in renamed:
            el.set("href", f"#{href[1:]}--{lang}")
        for attr in ID_REFS:
            if el.get(attr):
                el.set(attr, " ".join(f"{t}--{lang}" if t in renamed else t for t in el.get(attr).split()))


def _side(block: Block, page: Page, frame: Page, renamed: dict[str, str]) -> Markup:
    element = copy.deepcopy(block.element)
    element.tail = None
    if block.kind != "footnotes":
        element.attrib.pop("id", None)
    if block.kind == "heading":
        for link in element.xpath(".//a[contains(@class, 'headerlink')]"):
            link.drop_tree()
    _rebase(element, page.url, frame.url)
    _own_ids(element, renamed, page.lang)
    markup = lxml_html.tostring(element, encoding="unicode").strip()
    if block.kind == "item":
        start = f' start="{block.number}"' if block.list_tag == "ol" and block.number != 1 else ""
        markup = f"<{block.list_tag}{start}>{markup}</{block.list_tag}>"
    return Markup(markup)


def _title(block: Block) -> str:
    element = copy.deepcopy(block.element)
    for link in element.xpath(".//a[contains(@class, 'headerlink')]"):
        link.drop_tree()
    return " ".join(element.text_content().split())


def render(frame: Page, partner: Page, root: Path) -> str:
    """The bilingual page: `frame`'s page with its article paired with `partner`'s."""
    doc = lxml_html.document_fromstring(frame.html.decode("utf-8"))
    other = lxml_html.document_fromstring(partner.html.decode("utf-8"))
    article, other_article = _article(doc, frame.where), _article(other, partner.where)
    mine, theirs = blocks(article, frame.where), blocks(other_article, partner.where)
    compare({frame.where: [b.id for b in mine], partner.where: [b.id for b in theirs]})
    by_id = {b.id: b for b in theirs}
    mine_inner, theirs_inner = _inner_ids(mine), _inner_ids(theirs)
    t = strings.group(frame.lang, "bilingual", root)

    title = None
    pairs = []
    for block in mine:
        counterpart = by_id[block.id]
        if block.element.tag == "h1":
            title = {
                "id": block.id,
                "sides": [(frame.lang, _title(block)), (partner.lang, _title(counterpart))],
            }
            continue
        pairs.append(
            {
                "id": block.id,
                # A data block with a table (the game model's) needs the page's width as a table does.
                "kind": "table"
                if block.element.tag == "table" or block.element.find(".//table") is not None
                else block.kind,
                "sides": [
                    (frame.lang, _side(block, frame, frame, mine_inner)),
                    (partner.lang, _side(counterpart, partner, frame, theirs_inner)),
                ],
            }
        )

    page_file = (
        posixpath.basename(frame.url.rstrip("/")) if not frame.url.endswith("/") and frame.url else "./"
    )
    body = templates.render(
        TEMPLATE,
        root,
        title=title,
        pairs=pairs,
        t=t,
        langs=[frame.lang, partner.lang],
        # A language without a name in this catalogue goes by its own name (the switcher's).
        names={
            lang: t.get("language_" + lang) or LANGUAGES.get(lang).name for lang in (frame.lang, partner.lang)
        },
        back=templates.render(LINK_TEMPLATE, root, href=page_file, text=t["back"], lang=frame.lang),
    )
    kept = [el for el in article if "cq-print-only" in (el.get("class") or "")]
    cite = [
        el
        for el in article
        if el.get("id") == "cite-this-page" or "chaiqiang-cite" in (el.get("class") or "")
    ]
    for el in list(article):
        article.remove(el)
    for el in kept:
        article.append(el)
    for el in lxml_html.fragments_fromstring(body):
        article.append(el)
    for el in cite:
        article.append(el)

    _frame_head(doc, frame, t)
    return "<!doctype html>\n" + lxml_html.tostring(doc, encoding="unicode")


def _frame_head(doc, frame: Page, t: dict) -> None:
    head = doc.find("head")
    for el in head.xpath("title"):
        el.text = t["page_title"].format(title=el.text or "")
    # The canonical URL stays the page's own (the frame's): search engines index
    # the text on its page. The view is no hreflang alternate of the single
    # pages, nor a copy for Scholar, and has no structured data of its own.
    for el in head.xpath(
        "link[@rel='alternate'][@hreflang] | meta[starts-with(@name, 'citation_')] | script[@type='application/ld+json']"
    ):
        el.drop_tree()
    # The language switch leads to the other languages' bilingual views.
    for link in doc.xpath("//a[contains(@class, 'md-select__link')][@hreflang]"):
        link.set("href", urls.bilingual_path(link.get("href")))
