"""BibTeX, RIS and CSL-JSON, written from the same CSL-JSON item as the styles."""

from __future__ import annotations

import json
import re
from typing import Any

from .items import public

# --- BibTeX -------------------------------------------------------------------

_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_BIBTEX_SPECIAL = re.compile(r"([&%$#_{}])")
_BIBTEX_LANGUAGE = {"en": "english", "zh-Hant": "chinese", "zh": "chinese"}


def _bibtex_escape(text: str) -> str:
    text = text.replace("\\", r"\textbackslash{}").replace("~", r"\textasciitilde{}")
    text = text.replace("^", r"\textasciicircum{}")
    return _BIBTEX_SPECIAL.sub(r"\\\1", text)


def bibtex(item: dict[str, Any]) -> str:
    """A @misc entry, which every BibTeX and biblatex style knows.

    An institutional author goes in an extra pair of braces, so that BibTeX
    does not split it into first and last names. The title is braced whole,
    so that styles that lowercase titles keep it as written. biblatex reads
    `url`, `date` and `version`; `howpublished` and `note` carry the site and
    the version for classic BibTeX styles.
    """
    (year, month, day), *_ = item["issued"]["date-parts"]
    fields: list[tuple[str, str]] = []
    authors = " and ".join(
        "{" + _bibtex_escape(a["literal"]) + "}" if "literal" in a else _bibtex_escape(a["family"])
        for a in item.get("author", [])
    )
    if authors:
        fields.append(("author", authors))
    fields.append(("title", "{" + _bibtex_escape(item["title"]) + "}"))
    if item.get("container-title"):
        fields.append(("howpublished", _bibtex_escape(item["container-title"])))
    if item.get("publisher"):
        fields.append(("publisher", _bibtex_escape(item["publisher"])))
    fields.append(("year", str(year)))
    fields.append(("month", _MONTHS[month - 1]))
    fields.append(("date", f"{year:04d}-{month:02d}-{day:02d}"))
    if item.get("version"):
        fields.append(("version", _bibtex_escape(item["version"])))
        fields.append(("note", f"Version {_bibtex_escape(item['version'])}"))
    if item.get("URL"):
        fields.append(("url", item["URL"]))
    if item.get("language"):
        fields.append(("language", _BIBTEX_LANGUAGE.get(item["language"], item["language"])))
    lines = [f"@misc{{{item['id']},"]
    for name, value in fields:
        # Months are BibTeX's predefined macros (nov), not strings.
        shown = value if name == "month" else "{" + value + "}"
        lines.append(f"  {name} = {shown},")
    lines.append("}")
    return "\n".join(lines)


# --- RIS ------------------------------------------------------------------------

_RIS_TYPES = {"webpage": "ELEC", "dataset": "DATA"}


def ris(item: dict[str, Any]) -> str:
    """An RIS record: TY first, ER last, one tag per line (`XX  - value`).

    Institutional authors end with a comma, the RIS convention (EndNote,
    Zotero) for a name that has no first name to split off.
    """
    (year, month, day), *_ = item["issued"]["date-parts"]
    tags: list[tuple[str, str]] = [("TY", _RIS_TYPES.get(item["type"], "GEN"))]
    for author in item.get("author", []):
        tags.append(("AU", author["literal"] + "," if "literal" in author else author["family"]))
    tags.append(("TI", item["title"]))
    if item.get("container-title"):
        tags.append(("T2", item["container-title"]))
    if item.get("publisher"):
        tags.append(("PB", item["publisher"]))
    tags.append(("PY", str(year)))
    tags.append(("DA", f"{year:04d}/{month:02d}/{day:02d}/"))
    if item.get("version"):
        tags.append(("ET", item["version"]))
    if item.get("URL"):
        tags.append(("UR", item["URL"]))
    if item.get("language"):
        tags.append(("LA", item["language"]))
    tags.append(("ER", ""))
    return "\n".join(f"{tag}  - {value}" for tag, value in tags)


# --- CSL-JSON -------------------------------------------------------------------


def csl_json(item: dict[str, Any]) -> str:
    """A CSL-JSON array with the one item, as reference managers import it."""
    return json.dumps([public(item)], ensure_ascii=False, indent=2)
