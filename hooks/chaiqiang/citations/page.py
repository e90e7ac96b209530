"""Everything one page's "Cite this page" box and <head> need, and the worked
examples of the How to cite page. Labels and sentences live in the templates
(overrides/chaiqiang/citations/); this module gives them data only."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from jinja2.utils import htmlsafe_json_dumps

from chaiqiang import urls
from chaiqiang.site_meta import SiteMeta

from . import embedded, exports, items, render
from .fragments import Fragment, grouped
from .items import PageRef

# A site-relative URL (en/timeline/) -> the address a citation names for it
# (chaiqiang.project.Project.permanent_url).
Permanent = Callable[[str], str]


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
    url: str  # the canonical URL: on the latest site, the page's latest address
    permanent_url: str  # the address the references name (PageRef.cited_url)
    edition: str | None  # the version this build is the archived edition of; None: the latest site
    version: str
    first_published: str
    last_changed: str
    formats: tuple[Format, ...]
    highwire: tuple[tuple[str, str], ...]
    json_ld: dict[str, Any]
    parts: tuple[Fragment, ...] = ()  # what else the box lets a reader cite (chaiqiang.citations.fragments)
    parts_json: str = ""  # their references in the styles, for the box's script (`parts_data`)

    @property
    def part_groups(self) -> list[tuple[str, list[Fragment]]]:
        return grouped(self.parts)


EXPORTS = ("bibtex", "ris", "csl-json")


def formats(
    item: dict[str, Any], lang: str, references: Callable[..., list[render.Rendered]] = render.references
) -> tuple[Format, ...]:
    """The item in every style (in the page language's order), then the exports.
    `references`: how the styles are rendered (`render.page_references` for a page)."""
    styles = [Format(r.style, r.text, r.segments) for r in references(item, lang)]
    data = items.for_style(item, items.EXPORT)
    return (
        *styles,
        Format("bibtex", exports.bibtex(data)),
        Format("ris", exports.ris(data)),
        Format("csl-json", exports.csl_json(data)),
    )


def home_url(meta: SiteMeta, lang: str) -> str:
    return items.page_url(meta, lang, "index.md")


def page_citation(
    meta: SiteMeta, ref: PageRef, parts: Sequence[Fragment] = (), edition: str | None = None
) -> PageCitation:
    """The box and the <head> of one page. `parts`: the sections, events and
    figures it offers besides the page (their references go to `parts_json`);
    `edition`: the version, inside an archived edition's build."""
    first, changed = meta.page_dates(ref.page)
    return PageCitation(
        lang=ref.lang,
        title=ref.title,
        url=ref.url,
        permanent_url=ref.cited_url,
        edition=edition,
        version=meta.version,
        first_published=first,
        last_changed=changed,
        formats=formats(items.page_item(meta, ref), ref.lang, render.page_references),
        highwire=tuple(embedded.highwire(meta, ref)),
        json_ld=embedded.json_ld(meta, ref, home_url(meta, ref.lang)),
        parts=tuple(parts),
        parts_json=parts_data(meta, ref, parts) if parts else "",
    )


def parts_data(meta: SiteMeta, ref: PageRef, parts: Sequence[Fragment]) -> str:
    """The references of a page's parts in the styles (not the exports), as the
    JSON of the box's data block, which docs/assets/javascripts/reader.js reads:

        {"styles": ["apa", …], "refs": {"<id>": [<segments of each style>, …]},
         "alias": {"<paragraph id>": "<the section id whose reference it has, or '' for the page's>"}}

    A reference's segments alternate plain and italic text, plain first
    ("" when it starts in italics), so that joined they are the copied text.
    < > & and ' are written as \\u escapes (Jinja's htmlsafe_json_dumps, which
    marks the result safe): no text can end the <script> element."""
    styles = render.order(ref.lang)
    aliases = {part.id: part.cites_as for part in parts if part.cites_as is not None}
    parts = [part for part in parts if part.cites_as is None]
    fragments = [items.fragment_item(meta, ref, part.id, part.label) for part in parts]
    base = items.page_item(meta, ref)
    variants = [(f["title"], f["URL"]) for f in fragments]
    # One citeproc-py render per style for all the parts (render.render_variants).
    by_style = [render.render_variants(base, style, ref.lang, variants) for style in styles]
    refs = {
        part.id: [_alternating(rendered[index].segments) for rendered in by_style]
        for index, part in enumerate(parts)
    }
    data = {"styles": list(styles), "refs": refs}
    if aliases:
        data["alias"] = aliases
    return htmlsafe_json_dumps(data, ensure_ascii=False, separators=(",", ":"))


def _alternating(segments: tuple[tuple[str, bool], ...]) -> list[str]:
    out = [""]
    for text, italic in segments:
        if italic == (len(out) % 2 == 1):  # a new run: plain at even, italic at odd places
            out.append(text)
        else:
            out[-1] += text
    return out if out != [""] else []


def fragment_formats(meta: SiteMeta, ref: PageRef, fragment: str, label: str) -> tuple[Format, ...]:
    """One section, event or figure of a page (its permalink #fragment), in every
    format. For renderers that offer a "cite" affordance per timeline event or
    figure: `label` is the event's or figure's title in the page's language."""
    return formats(items.fragment_item(meta, ref, fragment, label), ref.lang)


@dataclass(frozen=True)
class Example:
    """A worked example on the How to cite page."""

    kind: str  # site, page, section, event, figure, dataset, article, as-cited-in
    url: str | None  # the permanent address the reference points at (a link readers can follow)
    formats: tuple[Format, ...]
    in_text: tuple[str, str] = ("", "")  # as-cited-in: (article, page), APA, without parentheses


def _inner(citation: str) -> str:
    return citation[1:-1] if citation.startswith("(") and citation.endswith(")") else citation


KINDS = ("site", "page", "section", "event", "figure", "dataset", "article", "as-cited-in")
PAGE_KINDS = ("page", "section", "event", "figure", "as-cited-in")  # a page's item, or a part's


def example(
    meta: SiteMeta,
    kind: str,
    lang: str,
    ref: PageRef | None = None,
    fragment: str | None = None,
    label: str | None = None,
    permanent: Permanent | None = None,
) -> Example:
    """A worked example; `permanent` gives the address to cite for a site-relative
    URL (the site's and the data set's pages; a page's is in `ref`)."""

    def address(page: str) -> str | None:
        return permanent(urls.page_url(page, lang)) if permanent else None

    if kind == "site":
        item = items.site_item(meta, lang, address("index.md"))
    elif kind == "dataset":
        assert meta.dataset is not None
        item = items.dataset_item(meta, lang, address(meta.dataset.page))
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
    # A page's or a part's item is filled into its pages' shared render, as on the pages.
    styles = render.page_references if kind in PAGE_KINDS else render.references
    if kind == "as-cited-in":
        article = render.render_in_text(items.article_item(meta, lang), "apa", lang)
        page = render.render_in_text(item, "apa", lang)
        return Example(kind, item.get("URL"), formats(item, lang, styles), (_inner(article), _inner(page)))
    return Example(kind, item.get("URL"), formats(item, lang, styles))
