"""The PDF edition of each language (tools/publish/pdf_edition.py): every heading in its
language, Chinese drawn with a real Chinese font, page numbers in its contents,
and the file where the site's footer links it."""

from __future__ import annotations

import os
import posixpath
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from chaiqiang import strings
from chaiqiang.languages import LANGUAGES
from lxml import html

from tests.conftest import IN_CI
from tools.browser import CHROMIUM, CHROMIUM_ARGS
from tools.publish.pdf_edition import (
    CJK,
    EDITION_PAGES,
    PAGE_TEXT_WIDTH,
    EditionError,
    check_fits_the_page,
    cjk_glyph_count,
    make_editions,
    min_cjk_glyphs,
    page_file,
    pdf_fonts,
    pdf_pages_text,
)

LANGS = LANGUAGES.codes


def compact(text: str) -> str:
    return re.sub(r"[\s\u00b6]+", "", text)


def need(tool: str) -> str:
    path = shutil.which(tool)
    if path is None:
        reason = f"{tool} is missing: apt-get install poppler-utils"
        pytest.fail(f"CI is set but {reason}") if IN_CI else pytest.skip(reason)
    return path


@pytest.fixture(scope="module")
def site_with_pdfs(built_site, tmp_path_factory) -> Path:
    need("pdftotext")
    site = tmp_path_factory.mktemp("pdf-site")
    shutil.copytree(built_site, site, dirs_exist_ok=True)
    return site


@pytest.fixture(scope="module")
def editions(browser, site_with_pdfs, tmp_path_factory) -> dict[str, dict]:
    out = tmp_path_factory.mktemp("dist")
    return {r["lang"]: r for r in make_editions(site_with_pdfs, out, LANGS, browser=browser)}


def headings(site: Path, lang: str, level: str) -> list[str]:
    found = []
    for page in EDITION_PAGES:
        tree = html.fromstring(page_file(site, lang, page).read_bytes())
        article = tree.xpath("//article")[0]
        found += [" ".join(h.text_content().replace("\u00b6", "").split()) for h in article.iter(level)]
    return [h for h in found if h]


@pytest.mark.parametrize("lang", LANGS)
def test_every_heading_is_in_the_pdf_in_its_language(editions, site_with_pdfs, lang):
    text = compact("".join(pdf_pages_text(editions[lang]["path"])))
    titles = headings(site_with_pdfs, lang, "h1")
    assert len(titles) == len(EDITION_PAGES)
    for heading in titles + headings(site_with_pdfs, lang, "h2"):
        assert compact(heading) in text, f"{lang} PDF lacks the heading {heading!r}"
    other = "en" if lang == "zh-Hant" else "zh-Hant"
    for heading in headings(site_with_pdfs, other, "h1"):
        assert compact(heading) not in text, f"{lang} PDF has the {other} heading {heading!r}"


@pytest.mark.parametrize("lang", LANGS)
def test_chinese_is_drawn_with_an_embedded_chinese_font(editions, lang):
    path = editions[lang]["path"]
    listing = subprocess.run([need("pdffonts"), str(path)], capture_output=True, text=True, check=True).stdout
    rows = listing.splitlines()[2:]
    assert rows and all(" yes " in row for row in rows), f"a font is not embedded:\n{listing}"
    # Named, outline fonts only (tools/publish/cjk_truetype.py): Type 3 glyph drawings would mean
    # text drawn with the installed CFF font, unnamed and unhinted.
    assert not [row for row in rows if "Type 3" in row], f"Type 3 fonts:\n{listing}"
    cjk = [
        row.split()[0]
        for row in rows
        if re.match(r"[A-Z]{6}\+NotoSansCJKtc-(Regular|Bold) +CID TrueType", row)
    ]
    assert len(cjk) == 2, f"no embedded Noto Sans CJK TC, regular and bold:\n{listing}"
    fonts = pdf_fonts(path)
    assert len(fonts) == len(rows)
    drawn = set().union(*(f.cjk_chars for f in fonts if f.embedded))
    assert cjk_glyph_count(fonts) >= min_cjk_glyphs(lang)
    # The Chinese characters of the text have glyphs of their own in embedded fonts.
    # (Skia maps a few glyphs to a radical, e.g. 長 to U+2ED1, so not quite all are found;
    # with empty boxes almost none would be.)
    in_text = set(CJK.findall("".join(pdf_pages_text(path))))
    missing = in_text - drawn
    assert in_text and len(missing) <= max(2, len(in_text) // 50), (
        f"not drawn: {''.join(sorted(missing))[:80]}"
    )


def test_empty_boxes_would_be_caught(browser, tmp_path):
    """With no Chinese font (fontconfig that knows only DejaVu) the check fails."""
    dejavu = Path("/usr/share/fonts/truetype/dejavu")
    if not dejavu.is_dir():
        pytest.skip("no DejaVu fonts to stand in for a machine without fonts-noto-cjk")
    conf = tmp_path / "fonts.conf"
    conf.write_text(
        f'<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig><dir>{dejavu}</dir>'
        f"<cachedir>{tmp_path / 'cache'}</cachedir></fontconfig>"
    )
    bare = browser.browser_type.launch(
        executable_path=str(CHROMIUM),
        args=CHROMIUM_ARGS,
        env={**os.environ, "FONTCONFIG_FILE": str(conf)},
    )
    try:
        tab = bare.new_page()
        tab.set_content(
            '<html lang="zh-Hant"><body><p>拆牆：中國網路平臺從互相封鎖到合作，時間軸與關鍵數字。</p></body></html>'
        )
        pdf = tmp_path / "tofu.pdf"
        tab.pdf(path=str(pdf))
    finally:
        bare.close()
    assert cjk_glyph_count(pdf_fonts(pdf)) < min_cjk_glyphs("en")


@pytest.mark.parametrize("lang", LANGS)
def test_contents_give_the_page_each_section_starts_on(editions, lang):
    result = editions[lang]
    assert 15 <= result["pages"] <= 150, f"{result['pages']} pages"
    numbers = [n for _, n in result["sections"]]
    assert numbers[0] >= 3  # after the cover and the contents
    assert numbers == sorted(set(numbers)) and numbers[-1] <= result["pages"]
    pages = pdf_pages_text(result["path"])
    layout = subprocess.run(
        [need("pdftotext"), "-layout", "-enc", "UTF-8", "-f", "2", "-l", "2", str(result["path"]), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    lines = [compact(line) for line in layout.splitlines() if line.strip()]
    assert lines[-1] == "2"  # the contents page's own number, at its foot
    lines = lines[:-1]
    assert compact(strings.group(lang, "edition")["contents"]) in lines
    for title, number in result["sections"]:
        # Long titles wrap: the entry's last line ends with its page number.
        entry = "".join(lines)
        assert re.search(re.escape(compact(title)) + r"\.*" + str(number) + r"(?!\d)", entry), title
    # The cover: the site's title in the edition's language, its version and address.
    cover = compact(pages[0])
    meta_title = {"zh-Hant": "拆牆", "en": "TearingDowntheWalls"}[lang]
    assert cover.startswith(meta_title) and re.search(r"\d+\.\d+\.\d+", cover) and "https://" in cover
    # Every page after the cover carries its number at its foot.
    laid_out = subprocess.run(
        [need("pdftotext"), "-layout", "-enc", "UTF-8", str(result["path"]), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split("\f")
    for index, page in enumerate(laid_out[1 : result["pages"]], start=2):
        assert page.rstrip().splitlines()[-1].strip() == str(index), f"page {index} has no page number"


@pytest.mark.parametrize("lang", LANGS)
def test_the_site_links_each_pdf_where_it_is(editions, site_with_pdfs, lang):
    home = LANGUAGES.root(lang) + "index.html"
    tree = html.fromstring((site_with_pdfs / home).read_bytes())
    # `make_editions` turned the footer's link on once the file was there.
    [href] = tree.xpath("//footer//a[@type='application/pdf']/@href")
    target = site_with_pdfs / posixpath.normpath(posixpath.join(posixpath.dirname(home), href))
    assert target.is_file() and target.read_bytes() == editions[lang]["path"].read_bytes()
    assert target.read_bytes().startswith(b"%PDF-")


def test_a_table_wider_than_the_page_stops_the_edition(browser):
    # Chromium would shrink every page of the edition to fit it.
    tab = browser.new_page()
    try:
        cells = "".join(
            f"<td style='white-space:nowrap'>column {n} of a table too wide</td>" for n in range(6)
        )
        tab.set_content(
            f"<html><body style='margin:0'><main><p>Text</p><table><tr>{cells}</tr></table></main></body></html>"
        )
        with pytest.raises(EditionError, match=r"en: wider than the page.*'table: column 0"):
            check_fits_the_page(tab, "en")
        tab.set_content(
            f"<html><body style='margin:0'><main><p style='width:{PAGE_TEXT_WIDTH}px'>Text</p></main></body></html>"
        )
        check_fits_the_page(tab, "en")
    finally:
        tab.close()


def test_two_printings_give_the_same_bytes(site_with_pdfs, browser, tmp_path, monkeypatch):
    # A release's checksums hold only if the same commit prints the same file
    # (dates from SOURCE_DATE_EPOCH, structure ids and the font subset stable).
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764547200")
    first, second = (
        make_editions(site_with_pdfs, tmp_path / name, ("zh-Hant",), browser=browser)[0]["path"].read_bytes()
        for name in ("first", "second")
    )
    assert first == second
