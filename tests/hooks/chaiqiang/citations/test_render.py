"""References in the four styles: golden strings, reviewed against the style
guides' own examples (see golden/README.md), and the post-corrections."""

from __future__ import annotations

import os

import pytest
from chaiqiang.citations import items, render, titles
from chaiqiang.citations.page import formats

from .conftest import GOLDEN

LANGS = ("zh-Hant", "en")
CASES = ("page", "section", "dataset", "article", "site", "home", "industry")
# Pages whose English titles hold the site's name or a phrasal verb ("tearing down"):
# title case must keep "Tearing Down the Walls" and capitalise "Down".
PAGES = {
    "home": (
        "index.md",
        {
            "zh-Hant": "拆牆：中國網路平臺從互相封鎖到合作",
            "en": "Tearing Down the Walls: how China's internet platforms went from blocking each other to cooperating",
        },
    ),
    "industry": (
        "story/tearing-down.md",
        {
            "zh-Hant": "拆牆運動：從對抗到互聯互通（2021–2024）",
            "en": "Tearing down the walls across the industry, 2021–2024",
        },
    ),
}


def item_for(case, meta, refs, lang):
    if case == "page":
        return items.page_item(meta, refs[lang])
    if case in PAGES:
        page, titles = PAGES[case]
        return items.page_item(
            meta, items.PageRef(lang, titles[lang], items.page_url(meta, lang, page), page)
        )
    if case == "site":
        return items.site_item(meta, lang)
    if case == "section":
        label = "囚徒困境" if lang == "zh-Hant" else "The prisoner's dilemma"
        return items.fragment_item(meta, refs[lang], "prisoners-dilemma", label)
    if case == "dataset":
        return items.dataset_item(meta, lang)
    return items.article_item(meta, lang)


def check_golden(name: str, actual: str) -> None:
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        # Only for a reviewed change: read the diff before committing it.
        path.write_text(actual + "\n", encoding="utf-8")
    assert path.is_file(), f"no golden file {path.name}: create it (UPDATE_GOLDEN=1) and review it"
    assert actual == path.read_text(encoding="utf-8").removesuffix("\n"), f"differs from golden/{name}"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("style", sorted(render.STYLES))
def test_each_style_gives_the_reviewed_reference(meta, refs, case, lang, style):
    rendered = render.render(item_for(case, meta, refs, lang), style, lang)
    check_golden(f"{case}.{lang}.{style}.txt", rendered.text)


@pytest.mark.parametrize("lang", LANGS)
def test_exports_give_the_reviewed_records(meta, refs, lang):
    by_key = {f.key: f.text for f in formats(items.page_item(meta, refs[lang]), lang)}
    check_golden(f"page.{lang}.bib", by_key["bibtex"])
    check_golden(f"page.{lang}.ris", by_key["ris"])
    check_golden(f"page.{lang}.json", by_key["csl-json"])


def test_zh_hant_pages_put_apa_first_and_the_chinese_national_standard_second(meta, refs):
    zh = [f.key for f in formats(items.page_item(meta, refs["zh-Hant"]), "zh-Hant")]
    en = [f.key for f in formats(items.page_item(meta, refs["en"]), "en")]
    assert zh == ["apa", "gb-t-7714", "mla", "chicago", "bibtex", "ris", "csl-json"]
    assert en == ["apa", "mla", "chicago", "gb-t-7714", "bibtex", "ris", "csl-json"]


def test_a_page_is_dated_by_the_version_that_last_changed_it(meta, refs):
    # The fixture's blocking-war page last changed in 1.0.1 (2026-12-10); the site is at 1.1.0.
    mla = render.render(items.page_item(meta, refs["en"]), "mla", "en").text
    assert "Version 1.1.0, 10 Dec. 2026," in mla
    gbt = render.render(items.page_item(meta, refs["zh-Hant"]), "gb-t-7714", "zh-Hant").text
    assert "(2026-12-10)" in gbt


def test_italics_are_kept_apart_from_the_copied_text(meta, refs):
    apa = render.render(items.page_item(meta, refs["en"]), "apa", "en")
    assert [text for text, italic in apa.segments if italic] == [refs["en"].title]
    assert "\ue000" not in apa.text and "\ue001" not in apa.text


# --- the documented post-corrections ----------------------------------------------


def test_punctuation_moves_inside_quotes_only_where_the_locale_says_so():
    assert render.punctuation_in_quote("en-US") is True
    assert render.punctuation_in_quote("zh-TW") is False
    item = {"author": []}
    assert render.post_correct("A. “Title”. Site, “Other”, x", "mla", "en-US", item) == (
        "A. “Title.” Site, “Other,” x"
    )
    assert render.post_correct("A. 「題名」. 網站", "mla", "zh-TW", item) == "A. 「題名」. 網站"


def test_literal_names_are_not_set_in_capitals(meta, refs):
    text = render.render(items.page_item(meta, refs["en"]), "gb-t-7714", "en").text
    assert text.startswith("The Tearing Down the Walls editors. ")
    assert "THE TEARING DOWN" not in text


def test_the_gbt_entry_carries_no_list_number(meta, refs):
    text = render.render(items.page_item(meta, refs["zh-Hant"]), "gb-t-7714", "zh-Hant").text
    assert text.startswith("拆牆編輯群. ")


def test_a_supplied_title_is_bracketed_in_every_style(meta):
    for lang in LANGS:
        article = items.article_item(meta, lang)
        title = f"[{article['title']}]"
        for style in render.STYLES:
            assert title in render.render(article, style, lang).text, (style, lang)
        assert items.for_style(article, items.EXPORT)["title"] == title


def test_gbt_sets_the_article_as_an_online_resource_without_an_address(meta):
    # GB/T 7714-2015 4.6: [EB/OL] and the date in parentheses; no form for an unknown access path (8.6).
    text = render.render(items.article_item(meta, "zh-Hant"), "gb-t-7714", "zh-Hant").text
    assert text == "藍海億觀網. [阿里巴巴與騰訊從互相封鎖走向合作的分析][EB/OL]. (2025-09-24)."
    assert items.UNKNOWN_URL not in text
    # An item with a known address keeps it, and no placeholder is given.
    with_url = {**items.article_item(meta, "en"), "URL": "https://news.example.org/a"}
    assert items.for_style(with_url, "gb-t-7714")["URL"] == "https://news.example.org/a"
    assert render.render(with_url, "gb-t-7714", "en").text.endswith(
        "(2025-09-24). https://news.example.org/a."
    )
    # The other styles are not given the placeholder.
    for style in ("apa", "mla", "chicago", items.EXPORT):
        assert "URL" not in items.for_style(items.article_item(meta, "en"), style)


# --- title case (MLA, Chicago) and APA's subtitles ------------------------------------


@pytest.mark.parametrize(
    ("title", "mla", "chicago"),
    [
        (
            "Tearing down the walls across the industry, 2021–2024",
            "Tearing Down the Walls across the Industry, 2021–2024",
            "Tearing Down the Walls across the Industry, 2021–2024",
        ),
        (
            "Tearing Down the Walls: how China's internet platforms went from blocking each other to cooperating",
            "Tearing Down the Walls: How China's Internet Platforms Went from Blocking Each Other to Cooperating",
            "Tearing Down the Walls: How China's Internet Platforms Went from Blocking Each Other to Cooperating",
        ),
        (
            "Timeline: 2013: Taobao cuts off links from WeChat",
            None,
            "Timeline: 2013: Taobao Cuts Off Links from WeChat",
        ),
        ("Why now?", "Why Now?", "Why Now?"),
        ("2021: the regulator steps in", "2021: The Regulator Steps In", "2021: The Regulator Steps In"),
        ("a year-on-year rise so far", "A Year-on-Year Rise so Far", "A Year-on-Year Rise So Far"),
        ("WeChat and iPhone: the MIIT's order", "WeChat and iPhone: The MIIT's Order", None),
    ],
)
def test_title_case_follows_mla_and_chicago(title, mla, chicago):
    if mla:
        assert titles.title_case(title, "mla") == mla
    if chicago:
        assert titles.title_case(title, "chicago") == chicago


@pytest.mark.parametrize("style", items.TITLE_CASE)
def test_title_case_never_lowers_a_capital(style):
    # Every word capitalised, minor words too: title case may only add capitals.
    title = "Tearing Down The Walls Across An Industry Of Walls: A Study In Capitals And Minor Words"
    assert titles.title_case(title, style) == title
    mixed = "the Blocking war Of the Walls and WeChat's iPhone In a Year-On-year view"
    for before, after in zip(mixed.split(), titles.title_case(mixed, style).split(), strict=True):
        assert after.lower() == before.lower()
        assert all(a == b or (b.islower() and a == b.upper()) for a, b in zip(after, before, strict=True))


def test_mla_and_chicago_keep_the_sites_name_as_written(meta):
    for style in items.TITLE_CASE:
        site = render.render(items.site_item(meta, "en"), style, "en").text
        assert "Tearing Down the Walls" in site and "Tearing down" not in site
        dataset = render.render(items.dataset_item(meta, "en"), style, "en").text
        assert "Tearing Down the Walls: Timeline and Figures Data Set" in dataset


def test_titles_reach_citeproc_marked_nocase_for_mla_and_chicago_only(meta, refs):
    item = items.page_item(meta, refs["en"])
    for style in items.TITLE_CASE:
        assert items.for_style(item, style)["title"].startswith('<span class="nocase">')
    for style in ("apa", items.GBT, items.EXPORT):
        assert "nocase" not in items.for_style(item, style)["title"]
    # Chinese titles are not title-cased (citeproc-py title-cases English only).
    assert "nocase" not in items.for_style(items.page_item(meta, refs["zh-Hant"]), "mla")["title"]
    # The exports carry the title as written.
    assert items.for_style(item, items.EXPORT)["title"] == refs["en"].title


def test_apa_capitalises_the_first_word_of_a_subtitle():
    assert titles.sentence_case("Tearing Down the Walls: how China's internet platforms") == (
        "Tearing Down the Walls: How China's internet platforms"
    )
    assert titles.sentence_case("The thaw: iPhone apps and WeChat") == "The thaw: iPhone apps and WeChat"


def test_apa_drops_a_site_name_or_publisher_that_repeats_the_author(meta):
    article = render.render(items.article_item(meta, "zh-Hant"), "apa", "zh-Hant").text
    assert article.count("藍海億觀網") == 1
    dataset = render.render(items.dataset_item(meta, "en"), "apa", "en").text
    assert dataset.count("The Tearing Down the Walls editors") == 1
    assert "[Data set]" in dataset


def test_in_text_citations_for_as_cited_in(meta, refs):
    assert render.render_in_text(items.article_item(meta, "en"), "apa", "en") == "(Lanhai Yiguan, 2025)"
    assert (
        render.render_in_text(items.page_item(meta, refs["zh-Hant"]), "apa", "zh-Hant")
        == "(拆牆編輯群, 2026)"
    )


def test_no_period_follows_a_question_mark(meta, refs):
    item = items.fragment_item(meta, refs["en"], "why-now", "Why now?")
    for style in render.STYLES:
        text = render.render(item, style, "en").text
        assert "?." not in text and "?”." not in text, (style, text)
    assert "Why Now?” Tearing Down the Walls," in render.render(item, "mla", "en").text
    assert "2013–2023: Why now? Tearing Down the Walls." in render.render(item, "apa", "en").text


def _site_parts(lang: str):
    """Every section, event and figure the real site offers to cite, in one language."""
    import re as re_

    from chaiqiang.citations import fragments
    from chaiqiang.data import load_dataset

    from tools.common import ROOT

    dataset = load_dataset(ROOT / "data")
    ids = [e.id for e in dataset.events] + [f.id for f in dataset.figures]
    parts = fragments.data_parts("".join(f'<li id="{i}">' for i in ids), dataset, lang)
    heading = re_.compile(r"^#{2,3} (.+?) \{#([a-z0-9-]+)\}\s*$", re_.M)
    for md in sorted((ROOT / "docs" / lang).rglob("*.md")):
        parts += [
            fragments.Fragment(anchor, "section", label)
            for label, anchor in heading.findall(md.read_text(encoding="utf-8"))
        ]
    return parts


@pytest.mark.parametrize("lang", ["zh-Hant", "en"])
def test_parts_rendered_once_with_placeholders_equal_their_own_renders(meta, refs, lang):
    # render.render_variants fills one render per style; every part of the real site must
    # come out exactly as rendering it on its own would give.
    ref = refs[lang]
    parts = _site_parts(lang)
    assert len(parts) > 50
    fragments_ = [items.fragment_item(meta, ref, p.id, p.label) for p in parts]
    variants = [(f["title"], f["URL"]) for f in fragments_]
    for style in render.order(lang):
        filled = render.render_variants(items.page_item(meta, ref), style, lang, variants)
        for item, rendered in zip(fragments_, filled, strict=True):
            assert rendered == render.render(item, style, lang), (style, item["title"])


@pytest.mark.parametrize("lang", ["zh-Hant", "en"])
def test_pages_rendered_through_a_shared_template_equal_their_own_renders(meta, lang):
    # render.page_references fills the render that pages alike but for title, address
    # and id share; every page of the real site must come out as rendering it alone gives.
    from chaiqiang.citations.site import _front_matter_title

    from tools.common import ROOT

    docs = ROOT / "docs" / lang
    pages = sorted(md.relative_to(docs).as_posix() for md in docs.rglob("*.md"))
    assert len(pages) > 10
    titles_ = set()
    for page in pages:
        title = _front_matter_title((docs / page).read_text(encoding="utf-8"))
        titles_.add(title)
        item = items.page_item(meta, items.PageRef(lang, title, items.page_url(meta, lang, page), page))
        assert render.page_references(item, lang) == render.references(item, lang), page
    assert len(titles_) == len(pages)  # the pages were told apart


def test_a_template_shared_by_pages_is_one_render_per_style(meta, refs, monkeypatch):
    # The point of page_references: two pages of the same date cost one render per style.
    calls = []
    real = render._render_marked
    monkeypatch.setattr(render, "_render_marked", lambda *a: calls.append(a[0]["title"]) or real(*a))
    monkeypatch.setattr(render.disk_cache, "_store", render.disk_cache.caches.Store())
    ref = refs["en"]
    other = items.PageRef("en", "Another page", ref.url + "other/", ref.page)
    first = render.page_references(items.page_item(meta, ref), "en")
    second = render.page_references(items.page_item(meta, other), "en")
    assert len(calls) == len(render.order("en"))
    assert first != second and "Another page" in second[0].text


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", ["page", "section", "event", "figure", "as-cited-in"])
def test_worked_examples_of_pages_and_parts_equal_their_own_renders(meta, refs, lang, kind):
    # The How to cite page's examples of a page or a part go through the pages' shared render.
    from chaiqiang.citations.page import PAGE_KINDS, example

    assert kind in PAGE_KINDS
    ref = refs[lang]
    shown = example(meta, kind, lang, ref, "evt-2013-taobao-blocks-wechat", "Taobao blocks WeChat?")
    if kind in ("page", "as-cited-in"):
        item = items.page_item(meta, ref)
    else:
        item = items.fragment_item(meta, ref, "evt-2013-taobao-blocks-wechat", "Taobao blocks WeChat?")
    assert shown.formats == formats(item, lang)
