"""Everything one page's "Cite this page" box and <head> need, and the worked
examples of the How to cite page. Labels and sentences live in the templates
(overrides/chaiqiang/citations/); this module gives them data only."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from chaiqiang.site_meta import SiteMeta

from . import embedded, exports, items, render
from .items import PageRef


@dataclass(frozen=True)
class Format:
    key: str  # gb-t-7714, apa, mla, chicago, bibtex, ris, csl-json
    text: str  # what the copy button copies
    segments: tuple[tuple[str, bool], ...] = ()  # (text, italic) for the styles; () for exports

    @property
    def is_style(self) -> bool:
        return bool(self.segments)


@dataclass(frozen=True)
class PageCitation:
    lang: str
    title: str
    url: str
    version: str
    first_published: str
    last_changed: str
    formats: tuple[Format, ...]
    highwire: tuple[tuple[str, str], ...]
    json_ld: dict[str, Any]


EXPORTS = ("bibtex", "ris", "csl-json")


def formats(item: dict[str, Any], lang: str) -> tuple[Format, ...]:
    """The item in every style (in the page language's order), then the exports."""
    styles = [Format(r.style, r.text, r.segments) for r in render.references(item, lang)]
    data = items.for_style(item, items.EXPORT)
    return (
        *styles,
        Format("bibtex", exports.bibtex(data)),
        Format("ris", exports.ris(data)),
        Format("csl-json", exports.csl_json(data)),
    )


def home_url(meta: SiteMeta, lang: str) -> str:
    return items.page_url(meta, lang, "index.md")


def page_citation(meta: SiteMeta, ref: PageRef) -> PageCitation:
    first, changed = meta.page_dates(ref.page)
    return PageCitation(
        lang=ref.lang,
        title=ref.title,
        url=ref.url,
        version=meta.version,
        first_published=first,
        last_changed=changed,
        formats=formats(items.page_item(meta, ref), ref.lang),
        highwire=tuple(embedded.highwire(meta, ref)),
        json_ld=embedded.json_ld(meta, ref, home_url(meta, ref.lang)),
    )


def fragment_formats(meta: SiteMeta, ref: PageRef, fragment: str, label: str) -> tuple[Format, ...]:
    """One section, event or figure of a page (its permalink #fragment), in every
    format. For renderers that offer a "cite" affordance per timeline event or
    figure: `label` is the event's or figure's title in the page's language."""
    return formats(items.fragment_item(meta, ref, fragment, label), ref.lang)


@dataclass(frozen=True)
class Example:
    """A worked example on the How to cite page."""

    kind: str  # site, page, section, event, figure, dataset, article, as-cited-in
    url: str | None  # the permalink the reference points at (a link readers can follow)
    formats: tuple[Format, ...]
    in_text: tuple[str, str] = ("", "")  # as-cited-in: (article, page), APA, without parentheses


def _inner(citation: str) -> str:
    return citation[1:-1] if citation.startswith("(") and citation.endswith(")") else citation


KINDS = ("site", "page", "section", "event", "figure", "dataset", "article", "as-cited-in")


def example(
    meta: SiteMeta,
    kind: str,
    lang: str,
    ref: PageRef | None = None,
    fragment: str | None = None,
    label: str | None = None,
) -> Example:
    if kind == "site":
        item = items.site_item(meta, lang)
    elif kind == "dataset":
        item = items.dataset_item(meta, lang)
    elif kind == "article":
        item = items.article_item(meta, lang)
    elif kind in ("page", "as-cited-in") and ref is not None:
        item = items.page_item(meta, ref)
    elif kind in ("section", "event", "figure") and ref is not None and fragment and label:
        item = items.fragment_item(meta, ref, fragment, label)
    elif kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r} (one of {', '.join(KINDS)})")
    else:
        raise ValueError(f"example {kind!r} needs {'a page' if ref is None else 'an id and a label'}")
    if kind == "as-cited-in":
        article = render.render_in_text(items.article_item(meta, lang), "apa", lang)
        page = render.render_in_text(item, "apa", lang)
        return Example(kind, item.get("URL"), formats(item, lang), (_inner(article), _inner(page)))
    return Example(kind, item.get("URL"), formats(item, lang))
