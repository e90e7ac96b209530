"""Every glossary term is on the glossary page in both languages, and tooltips speak the page's language."""

from __future__ import annotations

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
TERMS = yaml.safe_load((ROOT / "data" / "glossary.yaml").read_text(encoding="utf-8"))["terms"]


def test_every_term_is_on_the_glossary_page_in_both_languages(built_pages):
    for lang, key in (("zh-Hant", "zh-Hant"), ("en", "en")):
        page = built_pages[(lang, "glossary/")]
        ids = set(page.article.xpath(".//@id"))
        text = page.text()
        for term in TERMS:
            assert f"term-{term['id']}" in ids, f"{lang}: no #term-{term['id']} on the glossary page"
            assert term[key]["term"] in text, f"{lang}: {term[key]['term']!r} missing from the glossary page"
            assert " ".join(term[key]["definition"].split()) in " ".join(text.split())


def test_tooltips_use_the_definition_in_the_page_language(built_pages):
    definitions = {
        lang: {" ".join(t[key]["definition"].split()) for t in TERMS}
        for lang, key in (("zh-Hant", "zh-Hant"), ("en", "en"))
    }
    used = {"zh-Hant": 0, "en": 0}
    for (lang, rel), page in built_pages.items():
        for abbr in page.article.xpath(".//abbr[@title]"):
            assert abbr.get("title") in definitions[lang], (
                f"{lang}:/{rel}: tooltip for {abbr.text!r} is not a {lang} glossary definition"
            )
            used[lang] += 1
    # The story uses glossary terms: tooltips must actually appear in both languages.
    assert used["zh-Hant"] > 20 and used["en"] > 20, used


def test_the_terms_the_issue_names_have_tooltips_on_the_story_pages(built_pages):
    story = " ".join(
        " ".join(a.text_content() for a in page.article.xpath(".//abbr"))
        for (lang, rel), page in built_pages.items()
        if lang == "zh-Hant" and rel.startswith("story/")
    )
    for term in ("淘口令", "小程序", "免密支付", "下沉市場", "種草"):
        assert term in story, f"no tooltip for {term} in the zh-Hant story"
