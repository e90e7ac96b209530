"""chaiqiang.edition_info: the footer's edition line, Open Graph locales, where the PDF editions live."""

from __future__ import annotations

from pathlib import Path

import pytest
from chaiqiang import edition_info, strings
from chaiqiang.languages import LANGUAGES
from chaiqiang.site_meta import load_site_meta

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def meta():
    return load_site_meta(ROOT / "data" / "site.yaml", environ={})


def test_every_language_has_every_string():
    keys = {lang: set(strings.group(lang, "edition")) for lang in LANGUAGES.codes}
    assert keys["zh-Hant"] == keys["en"]
    for lang in LANGUAGES.codes:
        assert all(value.strip() for value in strings.group(lang, "edition").values()), lang


def test_each_language_pdf_sits_under_its_own_root():
    assert edition_info.pdf_path("zh-Hant") == "downloads/chaiqiang-zh-Hant.pdf"
    assert edition_info.pdf_path("en") == "en/downloads/chaiqiang-en.pdf"
    # The file name is the same in every version, so that links to it keep working.
    assert "0." not in edition_info.pdf_name("en")


def test_reader_context_follows_the_language(meta):
    zh = edition_info.for_language(meta, "zh-Hant")
    en = edition_info.for_language(meta, "en")
    assert (zh.title, en.title) == (meta.title["zh-Hant"], meta.title["en"])
    assert zh.version == en.version == meta.version
    assert (zh.og_locale, zh.og_alternate_locales) == ("zh_TW", ("en_US",))
    assert (en.og_locale, en.og_alternate_locales) == ("en_US", ("zh_TW",))
    assert (zh.versions_path, en.versions_path) == ("versions/", "en/versions/")
    assert "PDF" in zh.t["pdf"] and "PDF" in en.t["pdf"]


def test_an_unknown_language_is_refused(meta):
    with pytest.raises(ValueError, match="fr"):
        edition_info.for_language(meta, "fr")


def test_chinese_strings_are_in_taiwan_orthography():
    from tools.checks.textcheck import orthography_findings

    findings = [
        f
        for key, text in strings.group("zh-Hant", "edition").items()
        for f in orthography_findings(text, key)
    ]
    assert not findings, "\n".join(map(str, findings))


def test_the_pdf_line_is_turned_on_only_where_the_pdf_is(tmp_path):
    off = '<footer>\n  <!-- pdf-edition:\n  <p><a href="{}" type="application/pdf">PDF</a></p>\n  :pdf-edition -->\n</footer>'
    pages = {"index.html": "downloads/x.pdf", "about/index.html": "../downloads/x.pdf", "en/index.html": "x"}
    for rel, href in pages.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(off.format(href), encoding="utf-8")
    with pytest.raises(edition_info.PdfLinkError, match=r"no downloads/chaiqiang-zh-Hant\.pdf"):
        edition_info.link_pdf_edition(tmp_path, "zh-Hant")
    (tmp_path / "downloads").mkdir()
    (tmp_path / edition_info.pdf_path("zh-Hant")).write_bytes(b"%PDF-")
    # The Chinese pages (the root, not en/) link it; the English page waits for its own PDF.
    assert edition_info.link_pdf_edition(tmp_path, "zh-Hant") == 2
    about = (tmp_path / "about/index.html").read_text(encoding="utf-8")
    assert (
        about == '<footer>\n  <p><a href="../downloads/x.pdf" type="application/pdf">PDF</a></p>\n</footer>'
    )
    assert "<!-- pdf-edition:" in (tmp_path / "en/index.html").read_text(encoding="utf-8")
    assert edition_info.link_pdf_edition(tmp_path, "zh-Hant") == 0  # done before: nothing to do
