"""Layout a reader sees on a phone and a desktop, and on paper: no page scrolls
sideways (a wide table scrolls in its own box), and no table squeezes a column
to a character or two a line, which Chinese text, breakable between any two
characters, otherwise invites."""

from __future__ import annotations

import pytest

from tools.checks.a11y import built_pages

# The page's width beyond the viewport, in CSS pixels.
SIDEWAYS = "document.documentElement.scrollWidth - document.documentElement.clientWidth"

# Table cells of the article whose text runs over more than one line in a box
# narrower than three characters of its font: [width in characters, text].
SQUEEZED = """() => {
  const found = [];
  for (const cell of document.querySelectorAll('article table th, article table td')) {
    const text = cell.innerText.trim();
    if (!text) continue;
    const style = getComputedStyle(cell);
    const size = parseFloat(style.fontSize);
    const width = cell.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    const range = document.createRange();
    range.selectNodeContents(cell);
    const lines = new Set([...range.getClientRects()].map(r => Math.round(r.top))).size;
    if (lines > 1 && width < 3 * size) found.push([Math.round(width / size * 10) / 10, text.slice(0, 30)]);
  }
  return found;
}"""

# Tables of the article that reach past its right edge: cut off on paper.
CLIPPED = """() => {
  const edge = document.querySelector('article').getBoundingClientRect().right;
  return [...document.querySelectorAll('article table')]
    .filter(t => t.getBoundingClientRect().right > edge + 1)
    .map(t => [Math.round(t.getBoundingClientRect().right - edge), (t.caption || t).innerText.slice(0, 30)]);
}"""

MIN_CHARACTERS = 3


@pytest.fixture(scope="module")
def tab(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    yield context.new_page()
    context.close()


def test_no_page_scrolls_sideways_on_a_phone(tab, site_server, built_site):
    pages = built_pages(built_site)
    wide = []
    for path in pages:
        tab.goto(site_server + path, wait_until="load")
        if (extra := tab.evaluate(SIDEWAYS)) > 0:
            wide.append(f"/{path}: {extra} px wider than the phone")
    assert len(pages) > 20
    assert wide == [], "\n".join(wide)


@pytest.mark.parametrize("width", [390, 1280, "print"])
def test_no_table_column_is_squeezed_and_none_is_cut_off_on_paper(tab, site_server, built_site, width):
    # "print": A4 less the print stylesheet's margins, about 680 CSS px.
    tab.set_viewport_size({"width": 680 if width == "print" else width, "height": 844})
    tab.emulate_media(media="print" if width == "print" else "screen")
    squeezed = []
    try:
        for path in built_pages(built_site):
            tab.goto(site_server + path, wait_until="load")
            squeezed += [
                f"/{path}: {chars} characters wide: {text!r}" for chars, text in tab.evaluate(SQUEEZED)
            ]
            if width == "print":
                squeezed += [
                    f"/{path}: {px} px past the page: {text!r}" for px, text in tab.evaluate(CLIPPED)
                ]
    finally:
        tab.emulate_media(media="screen")
        tab.set_viewport_size({"width": 390, "height": 844})
    assert squeezed == [], "\n".join(squeezed)


def test_the_checks_catch_a_squeezed_table_in_a_flex_row(tab):
    # The figures page's old fault: a table in a flex item (min-width: auto) and
    # a long note column taking the room of the Chinese ones.
    cells = "".join(f"<td>{'騰訊金融科技及企業服務' if i < 3 else '長' * 200}</td>" for i in range(4))
    tab.set_content(
        '<html lang="zh-Hant"><body style="margin:0"><article><div style="display:flex">'
        '<div><div style="overflow-x:auto"><table><tr>'
        f"{cells}<td style='white-space:nowrap'>{'2024年第二季 年增率（%） ' * 3}</td>"
        "</tr></table></div></div></div></article></body></html>"
    )
    assert tab.evaluate(SIDEWAYS) > 0
    squeezed = tab.evaluate(SQUEEZED)
    assert len(squeezed) >= 3 and all(chars < MIN_CHARACTERS for chars, _ in squeezed), squeezed
