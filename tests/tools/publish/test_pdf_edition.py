"""tools/publish/pdf_edition.py without a browser: pages become sections of one document,
and the contents find the page each section starts on."""

from __future__ import annotations

import pytest
from lxml import html

from tools.publish.pdf_edition import (
    EDITION_PAGES,
    EditionError,
    css_string,
    extract_section,
    keep_headings_with_blocks,
    page_url,
    section_pages,
    slug,
)

SITE_URL = "https://example.org/"
ASSETS = "http://127.0.0.1:8000/"
PAGE = b"""<html><head><title>x</title></head><body>
<nav><a href="../../">site navigation</a></nav>
<article class="md-content__inner md-typeset">
<p class="cq-print-only cq-print-head">From the site</p>
<h1 id="why">Why the deal<a class="headerlink" href="#why">\xc2\xb6</a></h1>
<p>
<a id="l1" href="#talks">same page</a>
<a id="l2" href="../blocking-war/#lead">another page of the edition</a>
<a id="l3" href="../../timeline/">the timeline</a>
<a id="l4" href="../../about/">a page outside the edition</a>
<a id="l5" href="https://elsewhere.example/x">elsewhere</a>
<a id="l6" href="https://example.org/en/figures/#mau">the site, absolute</a>
<a id="l7" href="#nowhere">a fragment the page lacks</a>
</p>
<h2 id="talks">The talks</h2>
<label for="pick">Pick</label><input id="pick">
<svg aria-labelledby="c-title c-desc"><title id="c-title">T</title><desc id="c-desc">D</desc>
<linearGradient id="g"></linearGradient><rect fill="url(#g)"></rect></svg>
<img src="../../../assets/chart.png" srcset="../../../assets/chart@2x.png 2x" alt="">
<details class="note chaiqiang-cite"><summary>Cite this page</summary></details>
<script>console.log(1)</script>
</article></body></html>"""


def edition(lang: str) -> dict[str, str]:
    return {page_url(lang, p): slug(p) for p in EDITION_PAGES}


@pytest.fixture
def section():
    return extract_section(PAGE, "en", "story/the-deal.md", edition("en"), SITE_URL, ASSETS)


def test_pages_and_their_section_ids():
    assert page_url("zh-Hant", "index.md") == ""
    assert page_url("en", "index.md") == "en/"
    assert page_url("en", "story/the-deal.md") == "en/story/the-deal/"
    assert slug("story/the-deal.md") == "story-the-deal"
    # The edition: the introduction, four sections, timeline, figures, sources, how to cite.
    assert EDITION_PAGES[0] == "index.md" and EDITION_PAGES[-1] == "cite.md"
    assert [p for p in EDITION_PAGES if p.startswith("story/")] == [
        "story/blocking-war.md",
        "story/the-deal.md",
        "story/tearing-down.md",
        "story/conclusion.md",
    ]
    assert {"timeline.md", "figures.md", "sources.md"} <= set(EDITION_PAGES)


def test_the_section_keeps_the_text_and_drops_screen_furniture(section):
    assert section.id == "story-the-deal"
    assert section.title == "Why the deal"
    tree = html.fromstring(f"<div>{section.html}</div>")
    text = tree.text_content()
    assert "The talks" in text
    for gone in ("site navigation", "From the site", "Cite this page", "console.log", "\u00b6"):
        assert gone not in text


def test_ids_cannot_clash_between_pages(section):
    tree = html.fromstring(f"<div>{section.html}</div>")
    ids = set(tree.xpath("//@id"))
    assert {"story-the-deal--why", "story-the-deal--talks", "story-the-deal--pick"} <= ids
    assert not ids & {"why", "talks", "pick"}
    assert tree.xpath("//label/@for") == ["story-the-deal--pick"]
    assert tree.xpath("//svg/@aria-labelledby") == ["story-the-deal--c-title story-the-deal--c-desc"]
    assert tree.xpath("//rect/@fill") == ["url(#story-the-deal--g)"]


def test_links_jump_inside_the_pdf_or_go_to_the_published_site(section):
    tree = html.fromstring(f"<div>{section.html}</div>")
    href = {a.get("id"): a.get("href") for a in tree.iter("a") if a.get("id")}
    assert href["story-the-deal--l1"] == "#story-the-deal--talks"
    assert href["story-the-deal--l2"] == "#story-blocking-war--lead"
    assert href["story-the-deal--l3"] == "#timeline"
    assert href["story-the-deal--l4"] == "https://example.org/en/about/"
    assert href["story-the-deal--l5"] == "https://elsewhere.example/x"
    assert href["story-the-deal--l6"] == "#figures--mau"
    assert href["story-the-deal--l7"] == "#story-the-deal"


def test_images_load_from_the_local_server(section):
    tree = html.fromstring(f"<div>{section.html}</div>")
    img = tree.xpath("//img")[0]
    assert img.get("src") == "http://127.0.0.1:8000/assets/chart.png"
    assert img.get("srcset") is None


def test_a_page_without_an_article_is_an_error():
    with pytest.raises(EditionError, match="no article"):
        extract_section(
            b"<html><body><p>x</p></body></html>", "en", "cite.md", edition("en"), SITE_URL, ASSETS
        )


def test_each_section_starts_where_its_title_heads_a_page():
    head = "Tearing Down the Walls · PDF edition 0.1.0"
    pages = [
        "Tearing Down the Walls\nA cover",
        f"{head}\nContents\nThe blocking war ..... 3\nWhy the deal ..... 4",
        f"{head}\nThe blocking\nwar\nIt began in 2013. Why the deal came later.",
        f"{head}\nWhy the deal\nThe talks",
        f"{head}\nmore about the deal",
    ]
    assert section_pages(pages, ["The blocking war", "Why the deal"], head) == [3, 4]
    with pytest.raises(EditionError, match="Sources"):
        section_pages(pages, ["The blocking war", "Sources"], head)


def test_css_strings_are_quoted():
    assert css_string('拆牆 · "PDF" \\ 0.1.0') == '"拆牆 · \\"PDF\\" \\\\ 0.1.0"'


def test_pdf_dates_come_from_source_date_epoch(tmp_path):
    from tools.publish.pdf_edition import pin_pdf_dates

    pdf = tmp_path / "x.pdf"
    original = b"<< /CreationDate (D:20261125171200+08'00') /ModDate (D:20261125171201+08'00') >>"
    pdf.write_bytes(original)
    pin_pdf_dates(pdf, environ={"SOURCE_DATE_EPOCH": "0"})
    assert (
        pdf.read_bytes()
        == b"<< /CreationDate (D:19700101000000+00'00') /ModDate (D:19700101000000+00'00') >>"
    )
    assert len(pdf.read_bytes()) == len(original)


def test_pdf_structure_ids_are_numbered_by_appearance(tmp_path):
    from tools.publish.pdf_edition import pin_pdf_dates

    pdf = tmp_path / "x.pdf"
    pdf.write_bytes(b"/ID (node00001132) /ID (node00000987) /K (node00001132)")
    pin_pdf_dates(pdf, environ={})
    assert pdf.read_bytes() == b"/ID (node00000001) /ID (node00000002) /K (node00000001)"


def test_a_heading_stays_on_the_page_of_its_chart_or_table():
    article = html.fromstring(
        "<article><h2 id='a'>Chart</h2><div class='cq-block cq-chart'>c</div>tail"
        "<h2 id='b'>Table</h2><div class='cq-block cq-figures'>t</div>"
        "<h2 id='c'>Prose</h2><p>text</p><h3 id='d'>Events</h3><ol class='cq-timeline'></ol></article>"
    )
    keep_headings_with_blocks(article)
    boxes = article.xpath("./div[@class='cq-pdf-keep']")
    assert [[child.tag for child in box] for box in boxes] == [["h2", "div"], ["h2", "div"]]
    assert [box[0].get("id") for box in boxes] == ["a", "b"]
    # Nothing else moves, and no text is lost.
    assert [el.tag for el in article] == ["div", "div", "h2", "p", "h3", "ol"]
    assert article.text_content() == "ChartctailTabletProsetextEvents"
