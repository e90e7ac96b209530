"""References in the four styles: golden strings, reviewed against the style
guides' own examples (see golden/README.md), and the post-corrections."""

from __future__ import annotations

import os

import pytest
from chaiqiang.citations import items, render
from chaiqiang.citations.page import formats

from .conftest import GOLDEN

LANGS = ("zh-Hant", "en")
CASES = ("page", "section", "dataset", "article")


def item_for(case, meta, refs, lang):
    if case == "page":
        return items.page_item(meta, refs[lang])
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


def test_zh_hant_pages_put_the_chinese_national_standard_first(meta, refs):
    zh = [f.key for f in formats(items.page_item(meta, refs["zh-Hant"]), "zh-Hant")]
    en = [f.key for f in formats(items.page_item(meta, refs["en"]), "en")]
    assert zh == ["gb-t-7714", "apa", "mla", "chicago", "bibtex", "ris", "csl-json"]
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


def test_a_supplied_title_is_bracketed_except_in_gbt(meta):
    article = items.article_item(meta, "en")
    assert "[An analysis of Alibaba" in render.render(article, "apa", "en").text
    gbt = render.render(article, "gb-t-7714", "en").text
    assert "[An analysis" not in gbt and "An analysis of Alibaba" in gbt


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
