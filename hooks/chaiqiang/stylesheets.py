"""The site's own stylesheets, served as one file.

mkdocs.yml lists them (`extra_css`), each with one job (site.css, data.css,
reader.css, bilingual.css); every page would fetch each one before it shows any
text, and on a slow phone each request costs a round trip (Lighthouse: first
paint 1.5 s with four, 1.2 s with one). So the build writes their concatenation,
in the listed order, as one file, links that file instead, and ships no copy
of the parts.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

BUNDLE = "assets/stylesheets/chaiqiang.css"


def is_own(path: str) -> bool:
    """A stylesheet of the site's docs/ (not a URL)."""
    return not path.startswith(("http:", "https:", "//", "/"))


def bundle(sources: Sequence[str], docs_dir: Path) -> str:
    """The sources, in order, each after a comment that names it."""
    parts = []
    for source in sources:
        text = (docs_dir / source).read_text(encoding="utf-8").rstrip("\n")
        parts.append(f"/* ---- {source} ---- */\n{text}\n")
    return "\n".join(parts)


def write(sources: Sequence[str], docs_dir: Path, folder: Path) -> Path:
    """The bundle as a file in `folder` (the build's cache: chaiqiang.caches)."""
    folder.mkdir(parents=True, exist_ok=True)
    out = folder / Path(BUNDLE).name
    text = bundle(sources, docs_dir)
    if not out.is_file() or out.read_text(encoding="utf-8") != text:
        out.write_text(text, encoding="utf-8")
    return out
