"""A checker of the built site, written for this site's two-language layout.

    python -m tools.checks.sitecheck site/ [--site-url URL]

Reports, for every built HTML page:
  broken-link        an internal href/src that resolves to no file
  broken-anchor      a #fragment that names no id in its target page
  external-resource  anything the page (or a built CSS file) would load from
                     outside the site; links *to* outside pages are fine
  switcher           a language-switcher entry that is not the counterpart page
  lang               an <html lang> that is not the page's language
  hreflang           missing, relative, wrong or non-reciprocal alternates, or a
                     canonical URL that is not the page's own
  sitemap            a page missing from sitemap.xml, or an entry with no page

The PDF editions are made after the build (`python3 dev.py pdf`); a build links
them only once they are there (chaiqiang.edition_info.link_pdf_edition), so their
links are checked like any other.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urljoin, urlsplit

from chaiqiang import urls
from chaiqiang.languages import LANGUAGES, Languages
from lxml import etree, html

NOT_FOUND_PAGE = "404.html"
EDITIONS = "editions/"  # chaiqiang.editions.root()
ARCHIVED = "(a file of an archived edition)"  # what resolve() gives for one: no page, no anchors

# Elements and attributes through which a page *loads* something.
RESOURCE_ATTRS = {
    "script": ("src",),
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "iframe": ("src",),
    "frame": ("src",),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "input": ("src",),
}
LOADING_RELS = {
    "stylesheet",
    "preload",
    "modulepreload",
    "prefetch",
    "preconnect",
    "dns-prefetch",
    "icon",
    "shortcut",
    "apple-touch-icon",
    "mask-icon",
    "manifest",
}
CSS_URL = re.compile(r"""url\(\s*(['"]?)(.*?)\1\s*\)|@import\s+(['"])(.*?)\3""", re.I)
NON_NAVIGABLE_SCHEMES = ("mailto:", "tel:", "javascript:", "data:", "blob:")


@dataclass(frozen=True, order=True)
class Finding:
    kind: str
    page: str
    detail: str

    def __str__(self) -> str:
        return f"{self.kind}: {self.page}: {self.detail}"


def is_external(url: str) -> bool:
    parts = urlsplit(url)
    return bool(parts.scheme and parts.scheme not in ("data", "blob")) or url.startswith("//")


@dataclass
class Page:
    path: str  # relative to the site root, POSIX, e.g. "en/about/index.html"
    tree: html.HtmlElement

    @cached_property
    def ids(self) -> set[str]:
        found = set(self.tree.xpath("//@id")) | set(self.tree.xpath("//a/@name"))
        return {str(v) for v in found}


@dataclass
class Site:
    root: Path
    site_url: str
    languages: Languages = LANGUAGES  # a copy of the project with other languages passes its own
    # The archived editions (editions/<version>/manifest.json) and the current version:
    # links into an edition that is not in the folder are checked against its manifest,
    # and links into the current version's edition against this build, which that
    # edition freezes when the version is released (tools/publish/edition.py).
    editions: tuple = ()
    version: str | None = None
    _pages: dict[str, Page] = field(default_factory=dict)

    @property
    def default_language(self) -> str:
        return self.languages.default.code

    @property
    def other_languages(self) -> tuple[str, ...]:
        return tuple(lang.code for lang in self.languages.others(self.default_language))

    @cached_property
    def base_path(self) -> str:
        return urlsplit(self.site_url).path.rstrip("/") + "/"

    @cached_property
    def html_files(self) -> list[str]:
        return sorted(p.relative_to(self.root).as_posix() for p in self.root.rglob("*.html"))

    def page(self, path: str) -> Page | None:
        if path not in self._pages:
            file = self.root / path
            if not file.is_file():
                return None
            self._pages[path] = Page(path, html.fromstring(file.read_bytes()))
        return self._pages[path]

    def language_of(self, path: str) -> str:
        for lang in self.languages:
            if lang.root and path.startswith(lang.root):
                return lang.code
        return self.default_language

    def counterpart(self, path: str, lang: str) -> str:
        bare = path[len(self.languages.root(self.language_of(path))) :]
        return self.languages.root(lang) + bare

    def url_of(self, path: str) -> str:
        """The public URL of a page file, as MkDocs writes it with directory URLs."""
        if path == "index.html":
            rel = ""
        elif path.endswith("/index.html"):
            rel = path[: -len("index.html")]
        else:
            rel = path
        return self.site_url.rstrip("/") + "/" + rel

    def resolve(self, from_page: str, url: str) -> tuple[str | None, str]:
        """(file path relative to the root or None when it does not exist, fragment)."""
        parts = urlsplit(url)
        if parts.scheme or url.startswith("//"):
            if not url.startswith(self.site_url):
                return None, parts.fragment
            path = urlsplit(url).path[len(self.base_path) :]
        elif parts.path.startswith("/"):
            if not parts.path.startswith(self.base_path):
                return None, parts.fragment
            path = parts.path[len(self.base_path) :]
        else:
            page_url = "/" + from_page
            path = urljoin(page_url, parts.path)[1:] if parts.path else from_page
        path = unquote(path)
        normalised = PurePosixPath(path).as_posix() if path else ""
        if path.endswith("/") or not path:
            normalised = (normalised.rstrip("/") + "/index.html").lstrip("/")
        if ".." in PurePosixPath(normalised).parts:
            return None, parts.fragment
        target = self.root / normalised
        if target.is_dir():
            normalised = normalised.rstrip("/") + "/index.html"
            target = self.root / normalised
        if not target.is_file() and normalised.startswith(EDITIONS):
            return self._in_edition(normalised), unquote(parts.fragment)
        return (normalised if target.is_file() else None), unquote(parts.fragment)

    def _in_edition(self, path: str) -> str | None:
        """A path under editions/<version>/ that this folder lacks: the current version's
        edition is this build (its own path), an archived one its manifest's."""
        version, _, rest = path[len(EDITIONS) :].partition("/")
        rest = rest or "index.html"
        recorded = next((m for m in self.editions if m.version == version), None)
        if recorded is not None:
            found = rest in recorded.files or rest == "manifest.json"
            return ARCHIVED if found else None  # there, but not a page of this folder: no anchor to check
        if version == self.version:
            return rest if (self.root / rest).is_file() else None
        return None


def check_site(
    root: Path,
    site_url: str,
    languages: Languages = LANGUAGES,
    editions: tuple = (),
    version: str | None = None,
) -> list[Finding]:
    site = Site(Path(root), site_url.rstrip("/") + "/", languages, editions, version)
    findings: list[Finding] = []
    for path in site.html_files:
        page = site.page(path)
        assert page is not None
        findings += _links_and_resources(site, page)
        findings += _language(site, page)
        findings += _switcher(site, page)
        findings += _hreflang(site, page)
    findings += _css(site)
    findings += _sitemap(site)
    return sorted(set(findings))


def _links_and_resources(site: Site, page: Page) -> list[Finding]:
    out = []

    def internal(url: str, what: str, check_fragment: bool) -> None:
        if not url or url.startswith(NON_NAVIGABLE_SCHEMES):
            return
        target, fragment = site.resolve(page.path, url)
        if target is None:
            out.append(Finding("broken-link", page.path, f"{what} {url!r} resolves to no file"))
            return
        if check_fragment and fragment and target.endswith(".html"):
            target_page = site.page(target)
            if target_page is not None and fragment not in target_page.ids:
                out.append(Finding("broken-anchor", page.path, f"{url!r}: no id {fragment!r} in {target}"))

    for el in page.tree.iter("a", "area"):
        href = el.get("href")
        if href is None:
            continue
        if is_external(href):
            if not href.startswith(site.site_url):
                continue
        internal(href, "link", check_fragment=True)

    def resource(url: str, what: str) -> None:
        url = url.strip()
        if not url or url.startswith(("data:", "blob:")):
            return
        if is_external(url):
            out.append(Finding("external-resource", page.path, f"{what} loads {url}"))
        else:
            internal(url, what, check_fragment=False)

    for el in page.tree.iter("link"):
        rels = set((el.get("rel") or "").lower().split())
        href = el.get("href")
        if href and rels & LOADING_RELS:
            resource(href, f"<link rel={' '.join(sorted(rels))}>")
    for tag, attrs in RESOURCE_ATTRS.items():
        for el in page.tree.iter(tag):
            for attr in attrs:
                value = el.get(attr)
                if not value:
                    continue
                urls = (
                    [c.strip().split()[0] for c in value.split(",") if c.strip()]
                    if attr == "srcset"
                    else [value]
                )
                for url in urls:
                    resource(url, f"<{tag} {attr}>")
    for el in page.tree.xpath("//*[local-name()='image' or local-name()='use' or local-name()='feImage']"):
        for attr in ("href", "{http://www.w3.org/1999/xlink}href"):
            value = el.get(attr)
            if value and not value.startswith("#"):
                resource(value, f"<{etree.QName(el).localname} href>")
    css_texts = [(s.text or "", "<style>") for s in page.tree.iter("style")]
    css_texts += [(el.get("style"), "style attribute") for el in page.tree.xpath("//*[@style]")]
    for text, what in css_texts:
        for m in CSS_URL.finditer(text):
            url = m.group(2) if m.group(2) is not None else m.group(4)
            if url and is_external(url):
                out.append(Finding("external-resource", page.path, f"{what} loads {url}"))
    return out


def _css(site: Site) -> list[Finding]:
    out = []
    for css in sorted(site.root.rglob("*.css")):
        rel = css.relative_to(site.root).as_posix()
        for m in CSS_URL.finditer(css.read_text(encoding="utf-8", errors="replace")):
            url = m.group(2) if m.group(2) is not None else m.group(4)
            if url and is_external(url):
                out.append(Finding("external-resource", rel, f"CSS loads {url}"))
    return out


def _language(site: Site, page: Page) -> list[Finding]:
    want = site.language_of(page.path)
    got = page.tree.getroottree().getroot().get("lang")
    if got != want:
        return [Finding("lang", page.path, f"<html lang={got!r}>, expected {want!r}")]
    return []


def _switcher(site: Site, page: Page) -> list[Finding]:
    out = []
    entries = page.tree.xpath("//a[contains(concat(' ', @class, ' '), ' md-select__link ')][@hreflang]")
    languages = (site.default_language, *site.other_languages)
    seen = {a.get("hreflang") for a in entries}
    for lang in languages:
        if lang not in seen:
            out.append(Finding("switcher", page.path, f"no switcher entry for {lang!r}"))
    for a in entries:
        lang = a.get("hreflang")
        if lang not in languages:
            out.append(Finding("switcher", page.path, f"switcher entry for unknown language {lang!r}"))
            continue
        want = site.counterpart(page.path, lang)
        got, _ = site.resolve(page.path, a.get("href", ""))
        if got != want:
            out.append(
                Finding(
                    "switcher",
                    page.path,
                    f"{lang} entry points at {got or a.get('href')!r}, expected {want!r}",
                )
            )
    return out


def _is_noindex(page: Page) -> bool:
    return bool(page.tree.xpath("//meta[@name='robots'][contains(@content, 'noindex')]"))


def _bilingual_view(site: Site, page: Page) -> list[Finding]:
    """A bilingual view (chaiqiang.bilingual) shows its page: its canonical URL is the
    page's, and it is no hreflang alternate."""
    shown = urls.page_of_bilingual(page.path)
    out = []
    canonical = page.tree.xpath("//link[@rel='canonical']/@href")
    if site.page(shown) is None:
        out.append(Finding("hreflang", page.path, f"the page it shows, {shown}, does not exist"))
    elif canonical != [site.url_of(shown)]:
        out.append(
            Finding("hreflang", page.path, f"canonical is {canonical!r}, expected [{site.url_of(shown)!r}]")
        )
    if page.tree.xpath("//head/link[@rel='alternate'][@hreflang]"):
        out.append(Finding("hreflang", page.path, "a bilingual view has no hreflang alternates"))
    return out


def _hreflang(site: Site, page: Page) -> list[Finding]:
    if page.path.endswith(NOT_FOUND_PAGE) or _is_noindex(page):
        return []
    if urls.page_of_bilingual(page.path):
        return _bilingual_view(site, page)
    out = []
    own_url = site.url_of(page.path)
    canonical = page.tree.xpath("//link[@rel='canonical']/@href")
    if canonical != [own_url]:
        out.append(Finding("hreflang", page.path, f"canonical is {canonical!r}, expected [{own_url!r}]"))
    alternates = {
        el.get("hreflang"): el.get("href", "")
        for el in page.tree.xpath("//head/link[@rel='alternate'][@hreflang]")
    }
    languages = (site.default_language, *site.other_languages)
    for lang in (*languages, "x-default"):
        href = alternates.get(lang)
        want_path = site.counterpart(page.path, site.default_language if lang == "x-default" else lang)
        if href is None:
            out.append(Finding("hreflang", page.path, f"no hreflang alternate for {lang!r}"))
            continue
        if not href.startswith(("http://", "https://")):
            out.append(Finding("hreflang", page.path, f"hreflang {lang!r} is not an absolute URL: {href!r}"))
            continue
        if href != site.url_of(want_path):
            out.append(
                Finding(
                    "hreflang",
                    page.path,
                    f"hreflang {lang!r} is {href!r}, expected {site.url_of(want_path)!r}",
                )
            )
            continue
        target = site.page(want_path)
        if target is None:
            out.append(Finding("hreflang", page.path, f"hreflang {lang!r} target {want_path} does not exist"))
            continue
        own_lang = site.language_of(page.path)
        back = target.tree.xpath(f"//head/link[@rel='alternate'][@hreflang='{own_lang}']/@href")
        if own_url not in back:
            out.append(Finding("hreflang", page.path, f"{want_path} has no hreflang link back to {own_url}"))
    return out


def _sitemap(site: Site) -> list[Finding]:
    sitemap = site.root / "sitemap.xml"
    if not sitemap.is_file():
        return [Finding("sitemap", "sitemap.xml", "missing")]
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locs = [str(x).strip() for x in etree.parse(str(sitemap)).xpath("//s:url/s:loc/text()", namespaces=ns)]
    listed = set()
    out = []
    for loc in locs:
        target, _ = site.resolve("index.html", loc)
        if target is None:
            out.append(Finding("sitemap", "sitemap.xml", f"{loc} has no page"))
        else:
            listed.add(target)
    for path in site.html_files:
        page = site.page(path)
        if path.endswith(NOT_FOUND_PAGE) or (page is not None and _is_noindex(page)):
            continue
        if urls.page_of_bilingual(path):
            continue  # a view of its page, which is listed
        if path not in listed:
            out.append(Finding("sitemap", path, f"not in sitemap.xml (expected {site.url_of(path)})"))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site_dir", type=Path)
    parser.add_argument("--site-url", default=None, help="default: read from data/site.yaml")
    args = parser.parse_args(argv)
    from chaiqiang import editions
    from chaiqiang.site_meta import load_site_meta

    from tools.common import ROOT

    meta = load_site_meta(ROOT / "data" / "site.yaml")
    site_url = args.site_url or meta.url
    findings = check_site(args.site_dir, site_url, editions=editions.read_all(ROOT), version=meta.version)
    for f in findings:
        print(f)
    print(f"{len(findings)} finding(s) in {args.site_dir}", file=sys.stderr)
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
