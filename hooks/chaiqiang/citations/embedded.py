"""Metadata embedded in a page's <head> for reference managers and search engines:
Highwire Press `citation_*` tags (read by Zotero, Mendeley, Google Scholar) and
schema.org JSON-LD. Both describe the same item as the page's references: the
address a reference manager stores (`citation_public_url`) is the permanent one
the references cite; the JSON-LD names the page by its canonical URL (the latest
address, which search engines index) and gives the permanent one as `archivedAt`."""

from __future__ import annotations

from typing import Any

from chaiqiang.site_meta import SiteMeta

from .items import PageRef


def _slashed(iso: str) -> str:
    # Highwire dates are written 2026/11/25.
    return iso.replace("-", "/")


def highwire(meta: SiteMeta, ref: PageRef) -> list[tuple[str, str]]:
    """(name, content) pairs, in a fixed order.

    The author is an institution: it is written "Name," (a last name with no
    first name), because readers split a plain "First Last" at its last space
    (Zotero would store "editors, The Tearing Down the Walls"). The public URL
    is the page's permanent address (`PageRef.cited_url`), as in the references.
    """
    first, changed = meta.page_dates(ref.page)
    publisher = meta.publisher[ref.lang] if meta.publisher else meta.author[ref.lang]
    return [
        ("citation_title", ref.title),
        ("citation_author", meta.author[ref.lang] + ","),
        ("citation_publication_date", _slashed(changed)),
        ("citation_online_date", _slashed(first)),
        ("citation_language", ref.lang),
        ("citation_public_url", ref.cited_url),
        ("citation_publisher", publisher),
    ]


def _organization(name: str, alternate: str | None = None) -> dict[str, str]:
    org = {"@type": "Organization", "name": name}
    if alternate and alternate != name:
        org["alternateName"] = alternate
    return org


def json_ld(meta: SiteMeta, ref: PageRef, home: str) -> dict[str, Any]:
    """A schema.org WebPage; `home` is the site's home page in the page's language.
    `@id` and `url` are the canonical URL; `archivedAt` (CreativeWork) is the
    permanent address, the page in an archived edition (inside an edition's
    build, the page's own address)."""
    first, changed = meta.page_dates(ref.page)
    publisher = meta.publisher[ref.lang] if meta.publisher else meta.author[ref.lang]
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "WebPage",
        "@id": ref.url,
        "url": ref.url,
        "archivedAt": ref.cited_url,
        "name": ref.title,
        "headline": ref.title,
        "inLanguage": ref.lang,
        "datePublished": first,
        "dateModified": changed,
        "version": meta.version,
        "license": meta.license.text_and_data_url,
        "author": _organization(meta.author[ref.lang]),
        "publisher": _organization(publisher),
        "isPartOf": {"@type": "WebSite", "name": meta.title[ref.lang], "url": home},
    }
    src = meta.source
    if src is not None:
        article: dict[str, Any] = {
            "@type": "NewsArticle",
            "author": _organization(src.author["zh-Hant"], src.author["en"]),
            "publisher": _organization(src.author["zh-Hant"], src.author["en"]),
            "datePublished": src.date,
            "inLanguage": src.language,
        }
        # A title we supplied is a description, not the article's name.
        article["description" if src.title_supplied else "name"] = src.title[ref.lang]
        if src.url:
            article["url"] = src.url
        data["isBasedOn"] = article
    return data
