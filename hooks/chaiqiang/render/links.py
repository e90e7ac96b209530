"""Relative links from the page being rendered to other pages and files.

The renderers emit HTML after Markdown has run its link processing, so links
must already be final URLs relative to the built page. They are computed from
the page's own URL (MkDocs' `page.url`, site-relative: `en/timeline/` or
`en/timeline.html`), which makes them right for any page depth, for both
languages and for both URL styles.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from functools import lru_cache

from ..urls import page_url

__all__ = ["Links", "page_url"]


@dataclass(frozen=True)
class Links:
    url: str  # the current page's site-relative URL
    lang: str
    use_directory_urls: bool = True

    @classmethod
    def for_page(cls, src: str, lang: str, use_directory_urls: bool = True) -> Links:
        return cls(page_url(src, lang, use_directory_urls), lang, use_directory_urls)

    def _dir(self) -> str:
        return self.url if self.url.endswith("/") else posixpath.dirname(self.url) + "/"

    def _relative(self, target: str, anchor: str | None = None) -> str:
        fragment = f"#{anchor}" if anchor else ""
        if target == self.url and fragment:
            return fragment
        return _relative_path(self._dir(), target) + fragment

    @property
    def base(self) -> str:
        """The relative path from this page to the site root: '', '../', '../../'."""
        return "../" * self._dir().count("/") if self._dir() != "/" else ""

    def page(self, name: str, anchor: str | None = None) -> str:
        """A top-level page of this language: page('sources', 'src-x')."""
        return self._relative(page_url(f"{name}.md", self.lang, self.use_directory_urls), anchor)

    def site_file(self, path: str) -> str:
        """A file at a fixed place in the site, e.g. downloads/timeline.csv."""
        return self._relative(path)

    def same_page(self, anchor: str) -> str:
        return f"#{anchor}"


@lru_cache(maxsize=4096)
def _relative_path(page_dir: str, target: str) -> str:
    """The path from a page's folder to a target URL (both site-relative). Cached: a
    page links the same few pages (sources, timeline) once per entry."""
    start = page_dir.rstrip("/") or "."
    rel = posixpath.relpath(target.rstrip("/") or ".", start)
    if target.endswith("/") or target == "":
        rel = "./" if rel == "." else rel + "/"
    return rel
