"""The PDF edition of the site, one document per language.

    python3 dev.py pdf [--no-build] [--site site/] [--lang en] [--out dist/]

Builds the site (strict) into site/ unless --no-build, then for each language
composes one document from the built pages (overrides/chaiqiang/reader/edition.html:
a cover, the contents with page numbers, the home page's introduction, the four
story sections, the timeline, the figures, the sources and how to cite) and has
Debian's headless Chromium print it with the site's own stylesheets. Page numbers
in the contents come from a first printing (pdftotext finds where each section
starts) and are checked in the final one. Links between the included pages jump
inside the PDF; links to other pages go to the published site.

Writes dist/chaiqiang-<lang>.pdf, copies it into the built site (chaiqiang.edition_info.pdf_path:
downloads/ under the language's root) and turns on the footer's link to it in that
language's pages (a plain build links no PDF), so a deploy is `python3 dev.py pdf` and
then publishing site/.

Needs Debian's chromium, fonts-noto-cjk (without it Chinese prints as empty
boxes: the tool stops and says so) and poppler-utils. The Chinese is set in
Noto Sans CJK TC, subset to the edition's characters and given TrueType
outlines (tools/publish/cjk_truetype.py), so the PDF embeds it as a named font.
"""

from __future__ import annotations

import argparse
import contextlib
import copy
import functools
import os
import posixpath
import re
import shutil
import string
import subprocess
import sys
import tempfile
import unicodedata
import zlib
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import unquote, urlsplit

from chaiqiang import edition_info, templates, urls
from chaiqiang.errors import ChaiqiangError
from chaiqiang.languages import LANGUAGES
from chaiqiang.site_meta import load_site_meta
from lxml import html
from markupsafe import Markup

from tools import common
from tools.browser import chromium, serve
from tools.common import ROOT
from tools.publish.cjk_truetype import Face, write_faces

# What the edition holds, in order: paths under docs/<language>/.
EDITION_PAGES = (
    "index.md",
    "story/blocking-war.md",
    "story/the-deal.md",
    "story/tearing-down.md",
    "story/conclusion.md",
    "timeline.md",
    "figures.md",
    "sources.md",
    "cite.md",
)
# Screen-only parts of a built page, left out of the PDF (elements, or classes).
DROP_TAGS = ("script",)
DROP_CLASSES = (
    "headerlink",
    "cq-print-head",
    "chaiqiang-cite",  # "Cite this page": the edition has How to cite
    "md-content__button",
    "md-source-file",
    "cq-filter",
    "cq-permalink",
    "cq-bilingual-link",  # the link to the page's bilingual view
    "cq-pilcrow",  # each paragraph's ¶ link
)
# Blocks that a heading must stay on the same page with (short, and kept whole).
KEEP_WITH_HEADING = ("cq-chart", "cq-figures")
ID_REF_ATTRS = ("for", "aria-labelledby", "aria-describedby", "aria-controls", "aria-owns", "headers", "list")
URL_REF = re.compile(r"url\(#([^)]+)\)")
CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
# A language's edition must draw at least this many different Chinese characters from
# an embedded font that has them (with empty boxes each font maps one at most).
MIN_CJK_GLYPHS = {"zh-Hant": 500}
MIN_CJK_GLYPHS_ELSEWHERE = 5  # a page in another language quotes a few Chinese names


def min_cjk_glyphs(lang: str) -> int:
    """How many Chinese characters an edition must draw at the least (fewer: a font is missing)."""
    return MIN_CJK_GLYPHS.get(lang, MIN_CJK_GLYPHS_ELSEWHERE)


class EditionError(ChaiqiangError, RuntimeError):
    pass


# ---- Which page is where -------------------------------------------------------------


def page_url(lang: str, page: str) -> str:
    """A page's URL path relative to the site root: story/the-deal.md -> en/story/the-deal/."""
    return urls.page_url(page, lang)


def page_file(site_dir: Path, lang: str, page: str) -> Path:
    return site_dir / urls.page_url(page, lang) / "index.html"  # the hosted build: directory URLs


def slug(page: str) -> str:
    """The id of a page's section in the edition: story/the-deal.md -> story-the-deal."""
    return page[: -len(".md")].replace("/", "-")


# ---- One page's text, made part of one document -----------------------------------------


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    html: Markup
    page: int | None = None


def _resolve(from_url: str, href: str) -> tuple[str, str]:
    """(path relative to the site root, fragment) of a relative or root-relative link."""
    parts = urlsplit(href)
    if parts.path.startswith("/"):
        path = parts.path.lstrip("/")
    elif parts.path:
        path = posixpath.normpath(posixpath.join("/" + from_url, parts.path)).lstrip("/")
        if parts.path.endswith("/") and path:
            path += "/"
    else:
        path = from_url
    path = unquote(path)
    if path.endswith("index.html"):
        path = path[: -len("index.html")]
    if path == ".":
        path = ""
    return path, unquote(parts.fragment)


def keep_headings_with_blocks(article: html.HtmlElement) -> None:
    """Put a heading and the chart or table after it into one unbreakable box.
    break-after: avoid on the heading is not enough: Chromium leaves the heading
    at the foot of a page when the block after it, kept whole, does not fit."""
    for heading in list(article.iter("h2", "h3")):
        block = heading.getnext()
        classes = (block.get("class") or "").split() if block is not None else []
        if any(name in classes for name in KEEP_WITH_HEADING):
            box = html.Element("div", {"class": "cq-pdf-keep"})
            heading.addprevious(box)
            box.append(heading)  # lxml moves the element, with its tail
            box.append(block)


def extract_section(
    page_html: bytes, lang: str, page: str, edition: dict[str, str], site_url: str, asset_base: str
) -> Section:
    """The built page's article as a section of the edition.

    edition maps each included page's URL (relative to the site root) to its section id.
    Ids get the section's id as prefix so that the pages' ids cannot clash; links to
    included pages become links inside the document, other links absolute URLs of the
    published site; images and the like load from asset_base (the local server).
    """
    tree = html.fromstring(page_html)
    found = tree.xpath("//article[contains(concat(' ', @class, ' '), ' md-content__inner ')]")
    if not found:
        raise EditionError(f"{page} ({lang}): the built page has no article")
    article = copy.deepcopy(found[0])
    for el in list(article.iter(*DROP_TAGS)):
        el.drop_tree()
    for name in DROP_CLASSES:
        for el in article.xpath(f".//*[contains(concat(' ', normalize-space(@class), ' '), ' {name} ')]"):
            el.drop_tree()
    own_url = page_url(lang, page)
    prefix = edition[own_url]
    own_ids = {el.get("id") for el in article.iter() if isinstance(el.tag, str) and el.get("id")}

    def local(fragment: str) -> str:
        return f"{prefix}--{fragment}"

    for el in article.iter():
        if not isinstance(el.tag, str):
            continue
        if el.get("id"):
            el.set("id", local(el.get("id")))
        for attr in ID_REF_ATTRS:
            if el.get(attr):
                el.set(attr, " ".join(local(v) if v in own_ids else v for v in el.get(attr).split()))
        for attr, value in list(el.attrib.items()):
            if "url(#" in value:
                el.set(attr, URL_REF.sub(lambda m: f"url(#{local(m.group(1))})", value))
    for el in article.iter("a"):
        href = el.get("href")
        if not href or href.startswith(("mailto:", "tel:", "data:")):
            continue
        parts = urlsplit(href)
        if parts.scheme or href.startswith("//"):
            if not href.startswith(site_url):
                continue  # a page elsewhere on the web
            href = "/" + href[len(site_url) :]
        if href.startswith("#"):
            fragment = unquote(href[1:])
            el.set("href", f"#{local(fragment)}" if fragment in own_ids else f"#{prefix}")
            continue
        path, fragment = _resolve(own_url, href)
        if path in edition:
            target = edition[path]
            el.set("href", f"#{target}--{fragment}" if fragment else f"#{target}")
        else:
            el.set("href", site_url + path + (f"#{fragment}" if fragment else ""))
    for el in article.iter():
        if not isinstance(el.tag, str):
            continue
        for attr in ("src", "{http://www.w3.org/1999/xlink}href"):
            value = el.get(attr)
            if value and not urlsplit(value).scheme and not value.startswith(("#", "//")):
                path, _ = _resolve(own_url, value)
                el.set(attr, asset_base + path)
        if el.tag in ("img", "source") and el.get("srcset"):
            el.attrib.pop("srcset")
    keep_headings_with_blocks(article)
    heading = article.find(".//h1")
    if heading is None:
        raise EditionError(f"{page} ({lang}): the built page has no <h1>")
    title = " ".join(heading.text_content().split())
    body = "".join(html.tostring(child, encoding="unicode") for child in article)
    return Section(id=prefix, title=title, html=Markup(body))


# ---- The contents' page numbers --------------------------------------------------------


def compact(text: str) -> str:
    return re.sub(r"[\s\u00b6]+", "", text)


def pdf_pages_text(pdf: Path) -> list[str]:
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        raise EditionError("pdftotext is missing: apt-get install poppler-utils")
    out = subprocess.run([pdftotext, "-enc", "UTF-8", str(pdf), "-"], capture_output=True, check=True)
    pages = out.stdout.decode("utf-8").split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


def section_pages(page_texts: list[str], titles: list[str], running_head: str) -> list[int]:
    """The page (1-based) on which each section starts: the first page, after the
    previous section's, whose text begins with the section's title (after the
    running head). Every section starts on a new page."""
    head = compact(running_head)
    found = []
    start = 0
    for title in titles:
        want = compact(title)
        for index in range(start, len(page_texts)):
            text = compact(page_texts[index])
            if text.startswith(head):
                text = text[len(head) :]
            if text.startswith(want):
                found.append(index + 1)
                start = index + 1
                break
        else:
            raise EditionError(f"the section {title!r} starts on no page of the printed edition")
    return found


# ---- The fonts in the PDF ---------------------------------------------------------------

_OBJ = re.compile(rb"(\d+) 0 obj\s*(.*?)endobj", re.S)
_STREAM = re.compile(rb"stream\r?\n(.*?)\r?\nendstream", re.S)
_TOUNICODE = re.compile(rb"/ToUnicode (\d+) 0 R")
_BFCHAR = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")
_BFRANGE = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")


@dataclass(frozen=True)
class PdfFont:
    name: str  # the BaseFont, or "" for Type 3 fonts, which have none
    subtype: str
    embedded: bool
    cjk_chars: frozenset[str]  # the Chinese characters its ToUnicode map gives glyphs for


def _hex_text(value: bytes) -> str:
    data = bytes.fromhex(value.decode("ascii"))
    return data.decode("utf-16-be", errors="ignore")


def _unified(char: str) -> str:
    """Skia maps some glyphs to the Kangxi radical (U+2F3F) rather than the character (手)."""
    return unicodedata.normalize("NFKC", char) if len(char) == 1 else char


def pdf_fonts(pdf: Path) -> list[PdfFont]:
    """The fonts of a PDF as Chromium (Skia) writes it: uncompressed objects, Flate streams.

    Which characters a font draws tells more than its name: with no Chinese font
    installed, Chinese prints as empty boxes, all one glyph, and a font maps at
    most one Chinese character."""
    data = pdf.read_bytes()
    objects = {int(m.group(1)): m.group(2) for m in _OBJ.finditer(data)}

    def stream(number: int) -> bytes:
        body = objects.get(number, b"")
        m = _STREAM.search(body)
        if not m:
            return b""
        raw = m.group(1)
        try:
            return zlib.decompress(raw) if b"/FlateDecode" in body[: m.start()] else raw
        except zlib.error:
            return b""

    fonts = []
    for body in objects.values():
        head = body.split(b"stream", 1)[0]
        if b"/Type /Font" not in head or b"/ToUnicode" not in head:
            continue
        subtype = re.search(rb"/Subtype /(\w+)", head)
        name = re.search(rb"/BaseFont /([^\s/<>\[\]]+)", head)
        descendant = re.search(rb"/DescendantFonts \[(\d+) 0 R\]", head)
        embedded = subtype is not None and subtype.group(1) == b"Type3"
        if descendant:
            d_head = objects.get(int(descendant.group(1)), b"")
            desc = re.search(rb"/FontDescriptor (\d+) 0 R", d_head)
            if desc and re.search(rb"/FontFile[23]? ", objects.get(int(desc.group(1)), b"")):
                embedded = True
        cmap = stream(int(_TOUNICODE.search(head).group(1)))
        chars: set[str] = set()
        for block in re.findall(rb"beginbfrange(.*?)endbfrange", cmap, re.S):
            for m in _BFRANGE.finditer(block):
                lo, hi, first = int(m.group(1), 16), int(m.group(2), 16), _hex_text(m.group(3))
                if len(first) == 1 and 0 <= hi - lo < 0x10000:
                    chars.update(chr(ord(first) + i) for i in range(hi - lo + 1))
        for block in re.findall(rb"beginbfchar(.*?)endbfchar", cmap, re.S):
            for m in _BFCHAR.finditer(block):
                chars.update(_hex_text(m.group(2)))
        fonts.append(
            PdfFont(
                name=name.group(1).decode("latin-1") if name else "",
                subtype=subtype.group(1).decode("latin-1") if subtype else "",
                embedded=embedded,
                cjk_chars=frozenset(c for c in map(_unified, chars) if CJK.match(c)),
            )
        )
    return fonts


def cjk_glyph_count(fonts: list[PdfFont]) -> int:
    """How many different Chinese characters the PDF's embedded fonts draw."""
    return len(set().union(*(f.cjk_chars for f in fonts if f.embedded)))


# ---- Printing ---------------------------------------------------------------------------


def css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def font_url(base_url: str, face: Face) -> str:
    return base_url + "__edition__/fonts/" + face.path.name


def compose(
    site_dir: Path,
    lang: str,
    base_url: str,
    page_numbers: list[int] | None,
    faces: tuple[Face, ...] = (),
) -> tuple[str, list[Section]]:
    meta = load_site_meta(ROOT / "data" / "site.yaml")
    r = edition_info.for_language(meta, lang)
    edition = {page_url(lang, p): slug(p) for p in EDITION_PAGES}
    sections = []
    for page in EDITION_PAGES:
        path = page_file(site_dir, lang, page)
        if not path.is_file():
            raise EditionError(f"{path} is missing: build the site first (python3 dev.py build)")
        sections.append(extract_section(path.read_bytes(), lang, page, edition, meta.url, base_url))
    if page_numbers:
        sections = [Section(s.id, s.title, s.html, n) for s, n in zip(sections, page_numbers, strict=True)]
    home = html.fromstring(page_file(site_dir, lang, "index.md").read_bytes())
    subtitle = (home.xpath("//meta[@name='description']/@content") or [""])[0]
    stylesheets = [
        base_url + _resolve(page_url(lang, "index.md"), href)[0]
        for href in home.xpath("//head/link[@rel='stylesheet']/@href")
    ]
    document = templates.render(
        "chaiqiang/reader/edition.html",
        ROOT,
        lang=lang,
        t=r.t,
        title=r.title,
        subtitle=subtitle,
        author=meta.author[lang],
        version=meta.version,
        released=meta.released,
        url=meta.url + LANGUAGES.root(lang),
        license=r.t["license"],
        stylesheets=stylesheets,
        fonts=[{"family": f.family, "weight": f.weight, "url": font_url(base_url, f)} for f in faces],
        running_head=Markup(css_string(running_head(r))),
        sections=sections,
    )
    return document, sections


def running_head(r: edition_info.Reader) -> str:
    return f"{r.title} · {r.t['pdf_edition']} {r.version}"


def document_characters(document: str) -> str:
    """Every character the printed document may draw: its text (the running head is in
    its <style>), its attributes (print CSS shows link targets) and printable ASCII
    (page numbers)."""
    tree = html.fromstring(document)
    attributes = "".join(v for el in tree.iter() if isinstance(el.tag, str) for v in el.attrib.values())
    return "".join(sorted(set(tree.text_content() + attributes + string.printable)))


def _fulfill_font(face: Face, route) -> None:
    route.fulfill(path=str(face.path), content_type="font/ttf")


# The edition's text width: A4 less the margins of edition.html's @page, in CSS px.
PAGE_TEXT_WIDTH = round((210 - 2 * 17) / 25.4 * 96)
# The outermost elements of the text that reach past its right edge, as [px, text].
WIDER_THAN_PAGE = """(width) => {
  const found = [];
  for (const el of document.querySelectorAll('main *')) {
    const right = el.getBoundingClientRect().right;
    if (right > width + 1 && !found.some(f => f.el.contains(el))) found.push({el, right});
  }
  return found.map(f => [Math.round(f.right - width), f.el.tagName.toLowerCase() + ': '
    + (f.el.innerText || '').trim().slice(0, 40)]);
}"""


def check_fits_the_page(tab, lang: str) -> None:
    """Chromium shrinks a whole document to fit its widest element on the page: one
    table too wide makes every page's text smaller. Stop instead, naming it."""
    tab.set_viewport_size({"width": PAGE_TEXT_WIDTH, "height": 1000})
    tab.emulate_media(media="print")
    try:
        wide = tab.evaluate(WIDER_THAN_PAGE, PAGE_TEXT_WIDTH)
    finally:
        tab.emulate_media(media="screen")
    if wide:
        listed = "; ".join(f"{text!r} by {px} px" for px, text in wide[:5])
        raise EditionError(f"{lang}: wider than the page, which would shrink the whole edition: {listed}")


def print_pdf(
    browser, base_url: str, lang: str, document: str, out: Path, faces: tuple[Face, ...] = ()
) -> None:
    context = browser.new_context()
    try:
        tab = context.new_page()
        url = base_url + LANGUAGES.root(lang) + "__edition__.html"
        tab.route(url, lambda route: route.fulfill(body=document, content_type="text/html; charset=utf-8"))
        for face in faces:
            tab.route(font_url(base_url, face), functools.partial(_fulfill_font, face))
        tab.goto(url, wait_until="load")
        tab.evaluate("document.fonts.ready")
        check_fits_the_page(tab, lang)
        tab.pdf(path=str(out), prefer_css_page_size=True, print_background=True, outline=True, tagged=True)
    finally:
        context.close()
    pin_pdf_dates(out)


PDF_NODE_ID = re.compile(rb"node\d{8}(?!\d)")
PDF_DATE = re.compile(rb"(/(?:CreationDate|ModDate) ?\(D:)(\d{14})([+-]\d\d'\d\d'|Z)?")


def pin_pdf_dates(path: Path, environ: dict[str, str] | None = None) -> None:
    """Chromium stamps the PDF with the clock; use SOURCE_DATE_EPOCH instead, so two
    builds of one commit give the same bytes. Same-length replacement keeps the xref valid."""
    data = path.read_bytes()
    fixed = data
    epoch = (os.environ if environ is None else environ).get("SOURCE_DATE_EPOCH")
    if epoch:
        stamp = datetime.fromtimestamp(int(epoch), tz=UTC).strftime("%Y%m%d%H%M%S").encode()

        def fix(m: re.Match[bytes]) -> bytes:
            zone = m.group(3) or b""
            zone = b"+00'00'" if len(zone) == 7 else (b"Z" if zone else b"")
            return m.group(1) + stamp + zone

        fixed = PDF_DATE.sub(fix, fixed)
    # Tagged PDFs name structure elements after the renderer's DOM node counter, which
    # depends on what the browser printed before; number them by first appearance.
    order: dict[bytes, bytes] = {}
    fixed = PDF_NODE_ID.sub(lambda m: order.setdefault(m.group(0), b"node%08d" % (len(order) + 1)), fixed)
    assert len(fixed) == len(data)
    path.write_bytes(fixed)


def make_edition(browser, base_url: str, site_dir: Path, lang: str, out: Path) -> dict:
    """Print one language's edition to `out`; returns what a report needs."""
    meta = load_site_meta(ROOT / "data" / "site.yaml")
    head = running_head(edition_info.for_language(meta, lang))
    numbers: list[int] | None = None
    with tempfile.TemporaryDirectory() as tmp:
        draft = Path(tmp) / "draft.pdf"
        document, _ = compose(site_dir, lang, base_url, None)
        faces = tuple(write_faces(document_characters(document), Path(tmp) / "fonts"))
        document, sections = compose(site_dir, lang, base_url, None, faces)
        print_pdf(browser, base_url, lang, document, draft, faces)
        numbers = section_pages(pdf_pages_text(draft), [s.title for s in sections], head)
        for _ in range(3):  # the numbers take no more room, so one more printing settles them
            document, sections = compose(site_dir, lang, base_url, numbers, faces)
            print_pdf(browser, base_url, lang, document, out, faces)
            texts = pdf_pages_text(out)
            final = section_pages(texts, [s.title for s in sections], head)
            if final == numbers:
                break
            numbers = final
        else:
            raise EditionError(f"{lang}: the contents' page numbers do not settle")
    fonts = pdf_fonts(out)
    glyphs = cjk_glyph_count(fonts)
    if glyphs < min_cjk_glyphs(lang):
        raise EditionError(
            f"{out}: its fonts draw only {glyphs} different Chinese characters: is fonts-noto-cjk "
            "installed? (apt-get install fonts-noto-cjk)"
        )
    return {
        "lang": lang,
        "path": out,
        "pages": len(texts),
        "bytes": out.stat().st_size,
        "sections": list(zip([s.title for s in sections], numbers, strict=True)),
        "cjk_glyphs": glyphs,
    }


def build_site(site_dir: Path) -> None:
    common.build_site(site_dir, quiet=True).check_returncode()


def make_editions(
    site_dir: Path, out_dir: Path, languages: tuple[str, ...] = LANGUAGES.codes, browser=None
) -> list[dict]:
    """Every language's edition into out_dir, each copied into the built site too.
    Uses `browser` if given (a Playwright Chromium), else launches Debian's."""
    out_dir.mkdir(parents=True, exist_ok=True)
    results = []
    with serve(site_dir) as base_url, contextlib.ExitStack() as stack:
        if browser is None:
            browser = stack.enter_context(chromium())
        for lang in languages:
            out = out_dir / edition_info.pdf_name(lang)
            results.append(make_edition(browser, base_url, site_dir, lang, out))
            in_site = site_dir / edition_info.pdf_path(lang)
            in_site.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(out, in_site)
            # The footers link the PDF now that it is there (a plain build links none).
            edition_info.link_pdf_edition(site_dir, lang)
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", default=ROOT / "site", type=Path)
    parser.add_argument("--out", default=ROOT / "dist", type=Path)
    parser.add_argument("--lang", action="append", choices=LANGUAGES.codes)
    parser.add_argument("--no-build", action="store_true", help="use the site already built in --site")
    args = parser.parse_args(argv)
    try:
        if not args.no_build:
            build_site(args.site)
        results = make_editions(args.site, args.out, tuple(args.lang or LANGUAGES.codes))
    except (EditionError, subprocess.CalledProcessError, RuntimeError) as exc:
        print(f"pdf_edition: {exc}", file=sys.stderr)
        return 1
    for r in results:
        print(
            f"{r['path']}: {r['pages']} pages, {r['bytes'] / 1e6:.2f} MB, "
            f"{r['cjk_glyphs']} Chinese characters drawn; also at {args.site / edition_info.pdf_path(r['lang'])}"
        )
        for title, number in r["sections"]:
            print(f"  p. {number:3d}  {title}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
