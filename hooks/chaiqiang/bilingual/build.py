"""After every language is built: the bilingual view of each aligned page, in each
language (that language first, its partner beside it: chaiqiang.languages.partner)."""

from __future__ import annotations

from pathlib import Path

from .. import urls
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


def write_views(site_dir: Path, root: Path, languages: Languages, use_directory_urls: bool) -> list[Path]:
    written = []
    for src in aligned_sources(root, languages):
        for language in languages:
            frame = _page(site_dir, root, src, language.code, use_directory_urls)
            partner = _page(site_dir, root, src, languages.partner(language.code).code, use_directory_urls)
            out = site_dir / urls.bilingual_path(frame.url)
            out.write_text(render(frame, partner, root), encoding="utf-8")
            written.append(out)
    return written
