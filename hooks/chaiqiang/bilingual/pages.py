"""Which pages are aligned block by block across the languages: the story, the home page, About."""

from __future__ import annotations

ALIGNED_PAGES = ("index.md", "about.md")
ALIGNED_FOLDERS = ("story/",)


def is_aligned(src: str) -> bool:
    """`src` is the page's path inside docs/<lang>/ (story/the-deal.md)."""
    return src in ALIGNED_PAGES or src.startswith(ALIGNED_FOLDERS)
