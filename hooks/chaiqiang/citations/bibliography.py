"""The whole bibliography (data/sources.yaml) as downloads: BibTeX, RIS and CSL-JSON.

One set of files per language, in that language's downloads folder
(downloads/sources.bib at the root for zh-Hant, en/downloads/sources.bib for
English): a reference keeps one title, one publisher and one container, and
the names we give them (and the titles we supplied) differ by language, so
each reader gets the bibliography of the pages they read. The entries are
the ones the citation boxes use (`items.source_item`, exported as
`items.for_style(…, EXPORT)`), sorted by key; nothing depends on the clock.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from chaiqiang.languages import LANGUAGES, Languages

from . import exports, items

NAME = "sources"  # `::: downloads sources`
FOLDER = "downloads"
# File name -> export format (exports.bibliography's keys).
FILES = {"sources.bib": "bibtex", "sources.ris": "ris", "sources.json": "csl-json"}


def entries(dataset: Any, lang: str) -> list[dict[str, Any]]:
    """Every source as an exported CSL item for readers of `lang`, sorted by id."""
    found = (items.for_style(items.source_item(s, lang), items.EXPORT) for s in dataset.sources.values())
    return sorted(found, key=lambda item: item["id"])


def files(dataset: Any, lang: str) -> dict[str, bytes]:
    """File name -> content, for one language."""
    texts = exports.bibliography(entries(dataset, lang))
    return {name: texts[key].encode("utf-8") for name, key in FILES.items()}


def folder(lang: str, languages: Languages = LANGUAGES) -> str:
    """The site-relative folder of a language's files: downloads/, en/downloads/."""
    return f"{languages.root(lang)}{FOLDER}/"


def write_bibliography(dataset: Any, site_dir: Path, languages: Languages = LANGUAGES) -> list[Path]:
    written = []
    for lang in languages.codes:
        out_dir = Path(site_dir) / folder(lang, languages)
        out_dir.mkdir(parents=True, exist_ok=True)
        for name, content in files(dataset, lang).items():
            (out_dir / name).write_bytes(content)
            written.append(out_dir / name)
    return written
