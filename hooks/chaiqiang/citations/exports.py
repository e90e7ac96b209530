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


def _date(item: dict[str, Any]) -> list[int]:
    """[year, month, day] as far as the item's date is known; [] without one."""
    return list(item["issued"]["date-parts"][0]) if item.get("issued") else []


# CSL types with an entry type of their own; all others are @misc.
_BIBTEX_TYPES = {
    "book": "book",
    "article-journal": "article",
    "article-magazine": "article",
    "article-newspaper": "article",
}


def _bibtex_name(author: dict[str, str]) -> str:
    if "literal" in author:
        return "{" + _bibtex_escape(author["literal"]) + "}"
    if author.get("given"):
        return _bibtex_escape(f"{author['family']}, {author['given']}")
    return _bibtex_escape(author["family"])


def bibtex(item: dict[str, Any]) -> str:
    """A @misc entry, which every BibTeX and biblatex style knows (@book and
    @article for books and periodicals, with the periodical as `journal`).

    An institutional author goes in an extra pair of braces, so that BibTeX
    does not split it into first and last names; a person is "Family, Given".
    The title is braced whole, so that styles that lowercase titles keep it
    as written. biblatex reads `url`, `date` (at the date's precision) and
    `version`; `howpublished` and `note` carry the site and the version for
    classic BibTeX styles.
    """
    entry_type = _BIBTEX_TYPES.get(item["type"], "misc")
    fields: list[tuple[str, str]] = []
    authors = " and ".join(_bibtex_name(a) for a in item.get("author", []))
    if authors:
        fields.append(("author", authors))
    fields.append(("title", "{" + _bibtex_escape(item["title"]) + "}"))
    if item.get("container-title"):
        container = "journal" if entry_type == "article" else "howpublished"
        fields.append((container, _bibtex_escape(item["container-title"])))
    if item.get("publisher"):
        fields.append(("publisher", _bibtex_escape(item["publisher"])))
    for csl, name in (("volume", "volume"), ("issue", "number"), ("page", "pages"), ("ISBN", "isbn")):
        if item.get(csl):
            value = _bibtex_escape(item[csl])
            fields.append((name, value.replace("–", "--") if name == "pages" else value))
    date = _date(item)
    if date:
        fields.append(("year", str(date[0])))
    if len(date) > 1:
        fields.append(("month", _MONTHS[date[1] - 1]))
    if date:
        fields.append(("date", "-".join(f"{p:02d}" if i else f"{p:04d}" for i, p in enumerate(date))))
    if item.get("version"):
        fields.append(("version", _bibtex_escape(item["version"])))
        fields.append(("note", f"Version {_bibtex_escape(item['version'])}"))
    if item.get("URL"):
        fields.append(("url", item["URL"]))
    if item.get("language"):
        fields.append(("language", _BIBTEX_LANGUAGE.get(item["language"], item["language"])))
    lines = [f"@{entry_type}{{{item['id']},"]
    for name, value in fields:
        # Months are BibTeX's predefined macros (nov), not strings.
        shown = value if name == "month" else "{" + value + "}"
        lines.append(f"  {name} = {shown},")
    lines.append("}")
    return "\n".join(lines)


# --- RIS ------------------------------------------------------------------------

_RIS_TYPES = {
    "webpage": "ELEC",
    "dataset": "DATA",
    "book": "BOOK",
    "article-journal": "JOUR",
    "article-magazine": "MGZN",
    "article-newspaper": "NEWS",
    "entry-encyclopedia": "ENCYC",
    "legislation": "STAT",
    "report": "RPRT",
}


def _ris_name(author: dict[str, str]) -> str:
    if "literal" in author:
        return author["literal"] + ","
    return f"{author['family']}, {author['given']}" if author.get("given") else author["family"]


def ris(item: dict[str, Any]) -> str:
    """An RIS record: TY first, ER last, one tag per line (`XX  - value`).

    Institutional authors end with a comma, the RIS convention (EndNote,
    Zotero) for a name that has no first name to split off. DA leaves the
    parts of a date that are not known empty (1979/03//).
    """
    tags: list[tuple[str, str]] = [("TY", _RIS_TYPES.get(item["type"], "GEN"))]
    for author in item.get("author", []):
        tags.append(("AU", _ris_name(author)))
    tags.append(("TI", item["title"]))
    if item.get("container-title"):
        tags.append(("T2", item["container-title"]))
    if item.get("publisher"):
        tags.append(("PB", item["publisher"]))
    if item.get("volume"):
        tags.append(("VL", item["volume"]))
    if item.get("issue"):
        tags.append(("IS", item["issue"]))
    if item.get("page"):
        start, _, end = item["page"].replace("--", "–").partition("–")
        tags.append(("SP", start))
        if end:
            tags.append(("EP", end))
    if item.get("ISBN"):
        tags.append(("SN", item["ISBN"]))
    date = _date(item)
    if date:
        tags.append(("PY", str(date[0])))
        parts = [f"{date[0]:04d}", *(f"{p:02d}" for p in date[1:])]
        tags.append(("DA", "/".join(parts + [""] * (3 - len(parts))) + "/"))
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


# --- A whole bibliography ---------------------------------------------------------


def bibliography(items: list[dict[str, Any]]) -> dict[str, str]:
    """Many items in each export, in the order given: format key -> file text.
    BibTeX entries and RIS records are separated by a blank line; every file
    ends with a newline."""
    return {
        "bibtex": "\n\n".join(bibtex(i) for i in items) + "\n",
        "ris": "\n\n".join(ris(i) for i in items) + "\n",
        "csl-json": json.dumps([public(i) for i in items], ensure_ascii=False, indent=2) + "\n",
    }
