"""What the reader sees around the text of every page: the footer's edition line
(licences, version, the PDF edition), the Open Graph tags, and the line that a
printed page carries at its top (title, version, URL).

The PDF edition itself is made after the build by tools/publish/pdf_edition.py
(`python3 dev.py pdf`), which writes it to dist/ and copies it into the built
site at `pdf_path(lang)`, under the language's own root; the links here point there.
"""

from __future__ import annotations

from dataclasses import dataclass

from .site_meta import DEFAULT_LANGUAGE, LANGUAGES, SiteMeta

# Where a language's PDF edition lives under that language's root.
PDF_DIR = "downloads"
# Open Graph wants language_TERRITORY; Traditional Chinese as written in Taiwan.
OG_LOCALES = {"zh-Hant": "zh_TW", "en": "en_US"}

STRINGS: dict[str, dict[str, str]] = {
    "zh-Hant": {
        "edition": "本站資訊",
        "version": "版本",
        "license": "文字與資料以 CC BY 4.0 授權，程式碼以 MIT 授權。",
        "pdf": "下載全站 PDF 版",
        "pdf_note": "（繁體中文，可列印、加註）",
        "printed_from": "出自",
        "pdf_edition": "PDF 版",
        "contents": "目錄",
        "released": "發布日期",
        "page": "頁",
        "cover_note": "本 PDF 由網站內容自動產生，內容與同一版本的網頁相同。引用時請註明版本與網址。",
    },
    "en": {
        "edition": "About this edition",
        "version": "Version",
        "license": "Text and data under CC BY 4.0, code under the MIT licence.",
        "pdf": "Download the whole site as a PDF",
        "pdf_note": "(English, to print or annotate)",
        "printed_from": "From",
        "pdf_edition": "PDF edition",
        "contents": "Contents",
        "released": "Released",
        "page": "page",
        "cover_note": "This PDF is generated from the website and has the same text as the pages of the same version. When you cite it, give the version and the URL.",
    },
}


def pdf_name(lang: str) -> str:
    """The PDF edition's file name, stable across versions so that links keep working."""
    return f"chaiqiang-{lang}.pdf"


def language_root(lang: str) -> str:
    """A language's folder in the built site: "" for the default language, "en/" for English."""
    return "" if lang == DEFAULT_LANGUAGE else f"{lang}/"


def pdf_path(lang: str) -> str:
    """Where the PDF edition of a language sits in the built site, relative to the site's root:
    downloads/chaiqiang-zh-Hant.pdf, en/downloads/chaiqiang-en.pdf."""
    return f"{language_root(lang)}{PDF_DIR}/{pdf_name(lang)}"


@dataclass(frozen=True)
class Reader:
    """The template context `reader` (overrides/partials/copyright.html, overrides/chaiqiang/reader/)."""

    lang: str
    title: str
    version: str
    released: str
    site_url: str
    pdf_path: str  # relative to the site's root: use it with the `url` filter
    versions_path: str  # the language's Versions page, likewise
    home_path: str  # the language's home page ("" or "en/"), as MkDocs's page.url
    og_locale: str
    og_alternate_locales: tuple[str, ...]
    t: dict[str, str]


def for_language(meta: SiteMeta, lang: str, use_directory_urls: bool = True) -> Reader:
    """The footer's context; without directory URLs (the offline bundle) pages are files (versions.html)."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}: expected one of {', '.join(LANGUAGES)}")
    return Reader(
        lang=lang,
        title=meta.title[lang],
        version=meta.version,
        released=meta.released,
        site_url=meta.url,
        pdf_path=pdf_path(lang),
        versions_path=f"{language_root(lang)}{'versions/' if use_directory_urls else 'versions.html'}",
        home_path=language_root(lang),
        og_locale=OG_LOCALES[lang],
        og_alternate_locales=tuple(OG_LOCALES[other] for other in LANGUAGES if other != lang),
        t=STRINGS[lang],
    )
