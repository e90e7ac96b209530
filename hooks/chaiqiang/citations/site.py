"""What the MkDocs glue calls: a page's citation context, and the markers that
the How to cite and Versions pages carry in their Markdown.

A marker is an empty element in the Markdown, expanded in the page's HTML:

    <div data-cite-example="page" data-page="story/blocking-war.md"></div>
    <div data-cite-example="section" data-page="story/blocking-war.md" data-fragment="prisoners-dilemma"></div>
    <div data-cite-example="event" data-page="timeline.md" data-fragment="evt-…" data-label="…"></div>
    <div data-cite-versions></div>

A section's label is its heading in the target page's Markdown; an event's or
a figure's label is given in the marker (the target page is generated).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import yaml

from chaiqiang import editions, urls
from chaiqiang.errors import ChaiqiangError
from chaiqiang.languages import LANGUAGES
from chaiqiang.render.links import Links
from chaiqiang.site_meta import SiteMeta

from . import fragments
from . import page as page_mod
from .items import PageRef, page_url

Render = Callable[..., str]  # render(template_name, **context) -> HTML


class CitationError(ChaiqiangError):
    pass


def relative(from_url: str, to_url: str) -> str:
    """A link from one site-relative directory URL to another."""
    rel = posixpath.relpath("/" + to_url, "/" + from_url)
    return "./" if rel == "." else rel + "/"


def for_page(
    meta: SiteMeta,
    lang: str,
    title: str,
    canonical_url: str,
    src_uri: str,
    url: str,
    use_directory_urls: bool = True,
    *,
    permanent_url: str = "",
    edition: str | None = None,
    toc: Iterable[Any] = (),
    html: str = "",
    dataset: Any = None,
    root: Path | None = None,
):
    """(PageCitation, links) for a page's template context. `url` is the page's
    site-relative URL; without directory URLs (the offline bundle) it is a file
    (en/about.html) and so are the links. `permanent_url` is the address the
    references name (chaiqiang.project.Project.permanent_url; empty: the canonical
    URL), `edition` the version inside an archived edition's build. The page's
    table of contents (MkDocs' page.toc), its HTML and the data set give the
    sections, events and figures the box offers besides the page
    (chaiqiang.citations.fragments); `root` is the project whose words they use."""
    ref = PageRef(lang, title, canonical_url, urls.split_src(src_uri)[1], permanent_url)
    parts = fragments.of_page(toc, html, dataset, lang, *([root] if root else []))
    if use_directory_urls:
        links = {
            "cite": relative(url, urls.page_url("cite.md", lang)),
            "versions": relative(url, urls.page_url("versions.md", lang)),
        }
    else:
        here = Links(url, lang, use_directory_urls=False)
        links = {"cite": here.page("cite"), "versions": here.page("versions")}
    return page_mod.page_citation(meta, ref, parts, edition), links


# --- markers -----------------------------------------------------------------------

MARKER = re.compile(r"<div (data-cite-(?:example|versions)[^>]*)>\s*</div>")
ATTR = re.compile(r'data-([a-z-]+)(?:="([^"]*)")?')
_HEADING = r"^#{{2,6}}\s+(.+?)\s*\{{[^}}]*#{id}[^}}]*\}}\s*$"


def _front_matter_title(text: str) -> str | None:
    if text.startswith("---"):
        end = text.find("\n---", 3)
        if end > 0:
            meta = yaml.safe_load(text[3:end]) or {}
            if isinstance(meta, dict) and meta.get("title"):
                return str(meta["title"])
    match = re.search(r"^# (.+)$", text, re.M)
    return match.group(1).strip() if match else None


def _target(docs_dir: Path, lang: str, page: str, where: str) -> tuple[str, str]:
    path = docs_dir / lang / page
    if not path.is_file():
        raise CitationError(f"{where}: {page!r}: docs/{lang}/{page} does not exist")
    text = path.read_text(encoding="utf-8")
    title = _front_matter_title(text)
    if not title:
        raise CitationError(f"{where}: docs/{lang}/{page} has no title")
    return title, text


def expand_markers(
    html: str,
    *,
    meta: SiteMeta,
    lang: str,
    docs_dir: Path,
    where: str,
    render: Render,
    archived: tuple[editions.Manifest, ...] = (),
    here: str | None = None,
    edition: str | None = None,
    permanent: page_mod.Permanent | None = None,
) -> str:
    """Replace the markers in a page's HTML; `where` names the page in messages.
    `archived` are the editions the Versions page lists; `here` is the page's
    site-relative URL when the editions sit beside it (the hosted latest site),
    None to link them at their public addresses (an edition, the offline bundle);
    `edition` is the version this build is the edition of; `permanent` gives the
    address the worked examples cite for a site-relative URL (by default the
    canonical URL)."""
    counter = 0

    def one(match: re.Match[str]) -> str:
        nonlocal counter
        counter += 1
        attrs = {k: v for k, v in ATTR.findall(match.group(1))}
        if "cite-versions" in attrs:
            return _versions(meta, lang, docs_dir, where, render, archived, here, edition)
        kind = attrs.get("cite-example", "")
        ref, fragment, label = None, attrs.get("fragment"), attrs.get("label")
        if "page" in attrs:
            title, text = _target(docs_dir, lang, attrs["page"], f"{where}: data-page")
            target = urls.page_url(attrs["page"], lang)
            cited = permanent(target) if permanent else ""
            ref = PageRef(lang, title, page_url(meta, lang, attrs["page"]), attrs["page"], cited)
            if kind == "section":
                heading = re.search(_HEADING.format(id=re.escape(fragment or "")), text, re.M)
                if not heading:
                    raise CitationError(
                        f"{where}: data-fragment {fragment!r}: no heading with that id in docs/{lang}/{attrs['page']}"
                    )
                label = heading.group(1)
        try:
            example = page_mod.example(meta, kind, lang, ref, fragment, label, permanent)
        except ValueError as exc:
            raise CitationError(f"{where}: data-cite-example {kind!r}: {exc}") from None
        return render(
            "chaiqiang/citations/example.html",
            example=example,
            lang=lang,
            prefix=f"cite-ex-{counter}",
            # On the latest site, a permanent address is in an edition made on release.
            artifact=bool(permanent) and edition is None,
        )

    out = MARKER.sub(one, html)
    if "data-cite-" in out:
        raise CitationError(f"{where}: a data-cite-… marker is not an empty <div> of its own")
    return out


def edition_view(manifest: editions.Manifest, lang: str, here: str | None) -> dict:
    """What the Versions page shows of one edition, links relative to `here` or absolute."""

    def link(path: str) -> str:
        if here is None:
            return manifest.address + path
        return posixpath.relpath("/" + editions.root(manifest.version) + path, "/" + here) + (
            "/" if path.endswith("/") or not path else ""
        )

    # An edition made before a language was added has its default language only.
    root = LANGUAGES.root(lang) if LANGUAGES.root(lang) + "index.html" in manifest.files else ""
    return {
        "version": manifest.version,
        "date": manifest.date,
        "commit": manifest.commit,
        "sha256": manifest.sha256,
        "home": link(root),
        "address": manifest.address + root,
        "manifest": link(editions.MANIFEST),
        "downloads": [
            {
                "kind": d.kind,
                "lang": d.lang,
                "href": link(d.path),
                "megabytes": f"{d.bytes / 1_000_000:.1f}",
                "sha256": d.sha256,
            }
            for d in manifest.downloads
        ],
    }


def _versions(
    meta: SiteMeta,
    lang: str,
    docs_dir: Path,
    where: str,
    render: Render,
    archived: tuple[editions.Manifest, ...] = (),
    here: str | None = None,
    edition: str | None = None,
) -> str:
    links = {}
    for version in meta.changelog:
        for page in version.pages or ():
            title, _ = _target(docs_dir, lang, page, f"data/site.yaml: changelog {version.version}: pages")
            links[page] = (title, page_url(meta, lang, page))
    views = {m.version: edition_view(m, lang, here) for m in archived}
    return render(
        "chaiqiang/citations/versions.html",
        changelog=meta.changelog,
        lang=lang,
        page_links=links,
        editions=views,
        current_edition=edition,
        language_names={code: LANGUAGES.get(code).name for code in LANGUAGES.codes},
    )
