"""What the reader sees around the text of every page: the footer's edition line
(licences, version, the PDF edition), the Open Graph tags, and the line that a
printed page carries at its top (title, version, URL).

The PDF edition itself is made after the build by tools/publish/pdf_edition.py
(`python3 dev.py pdf`), which writes it to dist/ and copies it into the built
site at `pdf_path(lang)`, under the language's own root; the links here point there.
A build leaves the footer's PDF line inside a comment (overrides/partials/copyright.html):
`link_pdf_edition` turns it on in a language's pages once that language's PDF is in
the site (`python3 dev.py pdf`, and the offline bundle when it packs the PDFs), so no
build links a file that is not there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from . import strings, urls
from .errors import ChaiqiangError
from .languages import LANGUAGES, Languages
from .site_meta import SiteMeta

# Where a language's PDF edition lives under that language's root.
PDF_DIR = "downloads"

# The words (edition, version, licence line, PDF edition…) are the `edition` group of
# the strings catalogue, data/strings/<lang>.yaml (chaiqiang.strings).


def pdf_name(lang: str) -> str:
    """The PDF edition's file name, stable across versions so that links keep working."""
    return f"chaiqiang-{lang}.pdf"


def pdf_path(lang: str) -> str:
    """Where the PDF edition of a language sits in the built site, relative to the site's root:
    downloads/chaiqiang-zh-Hant.pdf, en/downloads/chaiqiang-en.pdf."""
    return f"{LANGUAGES.root(lang)}{PDF_DIR}/{pdf_name(lang)}"


# The footer's PDF line as a build leaves it (overrides/partials/copyright.html).
PDF_LINE_OFF = re.compile(r"<!-- pdf-edition:(.*?):pdf-edition -->", re.S)


class PdfLinkError(ChaiqiangError):
    pass


def pages_of(site_dir: Path, lang: str, languages: Languages = LANGUAGES) -> list[Path]:
    """The built pages (*.html) of a language: under its root, not under another's."""
    root = languages.root(lang)
    others = [r for r in (languages.root(o.code) for o in languages.others(lang)) if len(r) > len(root)]
    found = []
    for path in sorted(site_dir.rglob("*.html")):
        rel = path.relative_to(site_dir).as_posix()
        if rel.startswith(root) and not any(rel.startswith(r) for r in others):
            found.append(path)
    return found


def link_pdf_edition(site_dir: Path, lang: str, languages: Languages = LANGUAGES) -> int:
    """Turn on the footer's PDF line in every page of `lang` in site_dir, whose PDF edition
    must be there (at `pdf_path(lang)`). Returns how many pages changed (0 when done before)."""
    if not (site_dir / pdf_path(lang)).is_file():
        raise PdfLinkError(f"{site_dir}: no {pdf_path(lang)}, so its pages cannot link it")
    changed = 0
    for page in pages_of(site_dir, lang, languages):
        text = page.read_text(encoding="utf-8")
        linked, count = PDF_LINE_OFF.subn(lambda m: m.group(1).strip(), text)
        if count:
            page.write_text(linked, encoding="utf-8")
            changed += 1
    return changed


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


def for_language(
    meta: SiteMeta, lang: str, use_directory_urls: bool = True, root: Path = strings.ROOT
) -> Reader:
    """The footer's context; without directory URLs (the offline bundle) pages are files (versions.html)."""
    language = LANGUAGES.get(lang)  # LanguageError (a ValueError) if it is not one of the site's
    return Reader(
        lang=lang,
        title=meta.title[lang],
        version=meta.version,
        released=meta.released,
        site_url=meta.url,
        pdf_path=pdf_path(lang),
        versions_path=urls.page_url("versions.md", lang, use_directory_urls),
        home_path=urls.page_url("index.md", lang),
        og_locale=language.og_locale,
        og_alternate_locales=tuple(other.og_locale for other in LANGUAGES.others(lang)),
        t=strings.group(lang, "edition", root),
    )
