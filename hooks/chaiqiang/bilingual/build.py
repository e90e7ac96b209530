"""After every language is built: the bilingual view of each aligned page, in each
language (that language first, its partner beside it: chaiqiang.languages.partner).

A view is kept between builds (.cache/bilingual/, chaiqiang.caches): its key is the
two pages' bytes, addresses and languages, and everything else a view is made
from (the templates in overrides/, data/ with the words of data/strings/, the
chaiqiang package's source, lxml's, Jinja's and MarkupSafe's versions)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from .. import caches, urls
from ..languages import Languages
from .pages import is_aligned
from .view import Page, render

DOCS = "docs"


def aligned_sources(root: Path, languages: Languages) -> list[str]:
    """The aligned pages (their paths inside docs/<lang>/), from the default language's folder."""
    folder = root / DOCS / languages.default.code
    found = (p.relative_to(folder).as_posix() for p in folder.rglob("*.md"))
    return sorted(src for src in found if is_aligned(src))


def _page(site_dir: Path, root: Path, src: str, lang: str, use_directory_urls: bool) -> Page:
    url = urls.page_url(src, lang, use_directory_urls)
    path = site_dir / (url + "index.html" if url == "" or url.endswith("/") else url)
    return Page(path.read_bytes(), url, lang, f"{DOCS}/{lang}/{src}")


LIBRARIES = ("lxml", "jinja2", "markupsafe")
PACKAGE = Path(__file__).resolve().parent.parent


def _maker(root: Path) -> str:
    """What a view is made from besides its two pages, hashed."""
    files = [
        *sorted(p for p in (root / "overrides").rglob("*") if p.is_file()),
        *sorted(p for p in (root / "data").rglob("*") if p.is_file()),
        *sorted(PACKAGE.rglob("*.py")),
    ]
    return caches.versions(LIBRARIES, *files)


def _key(maker: str, frame: Page, partner: Page) -> str:
    digest = hashlib.sha256(maker.encode())
    for page in (frame, partner):
        digest.update("\0".join((page.url, page.lang, page.where)).encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(page.html).digest())
    return digest.hexdigest()


def write_views(
    site_dir: Path, root: Path, languages: Languages, use_directory_urls: bool, cache: Path | None = None
) -> list[Path]:
    """Write every view; `cache`: the folder that keeps them between builds."""
    store = caches.Store(cache)
    maker = _maker(root)
    written = []
    for src in aligned_sources(root, languages):
        for language in languages:
            frame = _page(site_dir, root, src, language.code, use_directory_urls)
            partner = _page(site_dir, root, src, languages.partner(language.code).code, use_directory_urls)
            out = site_dir / urls.bilingual_path(frame.url)
            html = store.cached(_key(maker, frame, partner), lambda f=frame, p=partner: render(f, p, root))
            out.write_text(html, encoding="utf-8")
            written.append(out)
    return written
