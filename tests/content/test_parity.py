"""Every page exists in both languages with the same heading structure and ids."""

from __future__ import annotations


def test_same_pages_in_both_languages(built_pages):
    zh = {rel for lang, rel in built_pages if lang == "zh-Hant"}
    en = {rel for lang, rel in built_pages if lang == "en"}
    assert zh == en


def test_same_heading_structure_and_ids(built_pages):
    for (lang, rel), page in built_pages.items():
        if lang != "zh-Hant":
            continue
        zh = page.headings()
        en = built_pages[("en", rel)].headings()
        assert zh == en, f"{rel}: zh-Hant headings {zh} differ from English {en}"


def test_headings_have_explicit_readable_ids(built_pages):
    """The Markdown's headings: the data blocks' own headings (event titles) are anchored on their items."""
    for (lang, rel), page in built_pages.items():
        prose = page.article.xpath(
            "./*[self::h2 or self::h3 or self::h4 or self::h5 or self::h6]"
            " | ./div[not(contains(@class, 'cq-block'))]//*[self::h2 or self::h3 or self::h4]"
        )
        for tag, hid in [(h.tag, h.get("id")) for h in prose]:
            assert hid and hid.isascii(), f"{lang}:{rel}: <{tag}> without an explicit ASCII id ({hid!r})"
