"""CSL-JSON items (https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html).

The item is the single description every format starts from: citeproc-py
renders the styles from it, and BibTeX, RIS and CSL-JSON are written from it.
Corrections that a style needs in its *data* are made here (see `for_style`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from chaiqiang import urls
from chaiqiang.languages import LANGUAGES
from chaiqiang.site_meta import SiteMeta

from .titles import sentence_case, title_case

# Keys `for_style` understands besides the other styles of render.STYLES.
GBT = "gb-t-7714"
EXPORT = "export"  # BibTeX, RIS and CSL-JSON: the data as reference managers should store it
# The styles whose titles are in title case (titles.title_case).
TITLE_CASE = ("mla", "chicago")
# What GB/T 7714 is given as the address of an online resource whose address is
# unknown, and `render.post_correct` removes again (see `for_style`).
UNKNOWN_URL = "\ue002"


@dataclass(frozen=True)
class PageRef:
    """A page as citations see it.

    page: path under docs/<lang>/ (story/the-deal.md), which keys the changelog.
    url: the page's canonical URL (on the latest site, its latest address).
    permanent: the address a citation names (chaiqiang.project.Project.permanent_url:
        the page in the current version's archived edition, or inside an edition
        the page's own); empty: the canonical URL.
    """

    lang: str
    title: str
    url: str
    page: str
    permanent: str = ""

    @property
    def cited_url(self) -> str:
        """The address the references name."""
        return self.permanent or self.url


def date_parts(iso: str) -> dict[str, Any]:
    """A date at its precision: "2025-09-24" -> [[2025, 9, 24]], "2004-10" -> [[2004, 10]], "1996" -> [[1996]]."""
    return {"date-parts": [[int(p) for p in iso.split("-")]]}


def item_id(page: str, lang: str, fragment: str | None = None) -> str:
    """A stable key (also the BibTeX key): chaiqiang-story-the-deal-en."""
    stem = PurePosixPath(page).with_suffix("").as_posix()
    stem = "home" if stem == "index" else stem.removesuffix("/index")
    parts = ["chaiqiang", stem, fragment or "", lang.lower()]
    return re.sub(r"[^a-z0-9]+", "-", "-".join(p for p in parts if p).lower()).strip("-")


def page_url(meta: SiteMeta, lang: str, page: str) -> str:
    """The canonical URL of a page file (chaiqiang.urls: story/the-deal.md in English -> …/en/story/the-deal/)."""
    return meta.url + urls.page_url(page, lang)


def _site_home(meta: SiteMeta, lang: str) -> str:
    return page_url(meta, lang, "index.md")


def page_item(meta: SiteMeta, ref: PageRef) -> dict[str, Any]:
    """A page of the site: a web page in the site (container), by the editors,
    dated by the version that last changed it, with the current version, at its
    permanent address."""
    _, changed = meta.page_dates(ref.page)
    return {
        "id": item_id(ref.page, ref.lang),
        "type": "webpage",
        "title": ref.title,
        "container-title": meta.title[ref.lang],
        "author": [{"literal": meta.author[ref.lang]}],
        "issued": date_parts(changed),
        "URL": ref.cited_url,
        "language": ref.lang,
        "version": meta.version,
    }


def fragment_item(meta: SiteMeta, ref: PageRef, fragment: str, label: str) -> dict[str, Any]:
    """One section, event or figure of a page: the page's item with the label
    added to the title and its anchor added to the page's permanent address."""
    item = page_item(meta, ref)
    separator = "：" if ref.lang == "zh-Hant" else ": "
    item.update(
        id=item_id(ref.page, ref.lang, fragment),
        title=f"{ref.title}{separator}{label}",
        URL=f"{ref.cited_url}#{fragment}",
    )
    return item


def site_item(meta: SiteMeta, lang: str, url: str | None = None) -> dict[str, Any]:
    """The whole site, as of the current version; `url`: the address to cite
    (the home page's permanent address), by default the home page's canonical URL."""
    return {
        "id": item_id("site", lang),
        "type": "webpage",
        "title": meta.title[lang],
        "author": [{"literal": meta.author[lang]}],
        "issued": date_parts(meta.released),
        "URL": url or _site_home(meta, lang),
        "language": lang,
        "version": meta.version,
    }


def dataset_item(meta: SiteMeta, lang: str, url: str | None = None) -> dict[str, Any]:
    """The data set (data/*.yaml and the tables built from them); `url`: the
    address to cite (its page's permanent address), by default the canonical URL."""
    assert meta.dataset is not None
    return {
        "id": item_id("dataset", lang),
        "type": "dataset",
        "title": meta.dataset.title[lang],
        "author": [{"literal": meta.author[lang]}],
        "publisher": meta.publisher[lang] if meta.publisher else meta.author[lang],
        "issued": date_parts(meta.released),
        "URL": url or page_url(meta, lang, meta.dataset.page),
        "language": lang,
        "version": meta.version,
    }


def article_item(meta: SiteMeta, lang: str) -> dict[str, Any]:
    """The source article (藍海億觀網, 2025-09-24), described in the page's language.

    It appeared on its publisher's news site, so it is a web page whose author
    and site are both the publisher. Its title is unknown: `title_supplied`
    marks our description, which `for_style` puts in square brackets.
    """
    src = meta.source
    assert src is not None
    item: dict[str, Any] = {
        "id": f"{src.id}-{lang.lower()}",
        "type": "webpage",
        "title": src.title[lang],
        "container-title": src.author[lang],
        "author": [{"literal": src.author[lang]}],
        "issued": date_parts(src.date),
        "language": src.language,
    }
    if src.url:
        item["URL"] = src.url
    if src.title_supplied:
        item["_title_supplied"] = True
    return item


# The kinds of data/sources.yaml as CSL types. The article is a web page, as
# `article_item` describes it; an online report (網傳) is known only as
# something circulating on the web.
SOURCE_TYPES = {
    "article": "webpage",
    "book": "book",
    "magazine-article": "article-magazine",
    "journal-article": "article-journal",
    "news-report": "article-newspaper",
    "reference-entry": "entry-encyclopedia",
    "law": "legislation",
    "regulatory-order": "legislation",
    "speech": "speech",
    "web-page": "webpage",
    "report": "report",
    "financial-results": "report",
    "online-report": "webpage",
}
# Kinds whose `publisher` is the paper or site they appear in (CSL's container-title).
_PUBLISHED_IN = {"article", "news-report"}


def person(name: str) -> dict[str, str]:
    """A name as printed ("Michael E. Porter") as CSL's family and given parts;
    a name without a space (an institution, a Chinese name) stays whole."""
    given, _, family = name.rpartition(" ")
    return {"family": family, "given": given} if given else {"literal": name}


def _own_language(language: str | None) -> str | None:
    """The site language that writes a source's language (zh -> zh-Hant), if any."""
    return next((code for code in LANGUAGES.codes if code.split("-")[0] == language), None)


def source_item(source: Any, lang: str) -> dict[str, Any]:
    """One entry of data/sources.yaml (a `Source`), described for readers of `lang`.

    The title is the source's own, in its own language (`language`) where it
    has one; a title we supplied is our description, in the reader's
    language, and marked like the article's (`_title_supplied`). Names of
    publishers and containers are in the reader's language. Only `url` is a
    URL of the source: `verified_at` names the pages where we checked it.
    The article has its publisher as author and site, as `article_item`.
    """
    own = _own_language(source.language)
    title_lang = own if own and not source.title_supplied else lang
    item: dict[str, Any] = {
        "id": f"{source.id}-{lang.lower()}",
        "type": SOURCE_TYPES[source.kind],
        "title": source.title[title_lang],
    }
    publisher = source.publisher[lang] if source.publisher else None
    authors = [person(name) for name in source.authors]
    if source.kind == "article" and publisher and not authors:
        authors = [{"literal": publisher}]
    if authors:
        item["author"] = authors
    if source.container:
        item["container-title"] = source.container[lang]
    elif publisher and source.kind in _PUBLISHED_IN:
        item["container-title"] = publisher
    if publisher and source.kind not in _PUBLISHED_IN:
        item["publisher"] = publisher
    for key, value in (
        ("volume", source.volume),
        ("issue", source.issue),
        ("page", source.pages),
        ("ISBN", source.isbn),
    ):
        if value:
            item[key] = value
    if source.date:
        item["issued"] = date_parts(source.date)
    if source.url:
        item["URL"] = source.url
    if source.language:
        item["language"] = source.language
    if source.title_supplied:
        item["_title_supplied"] = True
    return item


def for_style(item: dict[str, Any], style: str) -> dict[str, Any]:
    """The item as handed to one style: corrections to the *data* a style needs.

    - A supplied title (a description of an untitled work) is put in square
      brackets, as APA 7 (9.22) asks and GB/T 7714-2015 does for information
      the describer supplies (section 6, "[ ]": 自拟的信息), beside its own
      [EB/OL]; the exports keep the brackets too.
    - GB/T 7714 sets an online resource as [EB/OL] with its date in parentheses
      (4.6; 8.2: an electronic resource has both the type and the carrier code),
      and the style tells one by its URL. A web page whose address is unknown
      (the source article) is given a placeholder address (`UNKNOWN_URL`), which
      `render.post_correct` removes: the standard has no form for a missing
      access path (8.6), so the entry ends with its date.
    - MLA 9 and CMOS 18 write an English title in title case. citeproc-py's
      title case keeps its stop words low where the guides capitalise them
      ("Tearing down the Walls": "down" belongs to the verb) and raises
      prepositions they keep low ("Across"), so the title and the
      container are given in title case already (`titles.title_case`, which
      only ever adds capitals) and marked `nocase`, which citeproc-py leaves
      alone. A supplied title is a description and keeps its sentence case.
      APA 7 keeps the title's sentence case, with a capital on the first word
      of a subtitle (6.17; `titles.sentence_case`).
    - APA 7 drops the site name when it is the same as the author (group
      author = site): the style cannot compare the two, so the data leaves the
      container out.
    - APA 7, MLA 9 and CMOS 18 leave out a publisher that is the same as the
      author (the data set); GB/T 7714 always names the publisher (出版者).
    - APA 7 labels a data set "[Data set]" (manual 10.9); the style's generic
      term is "Dataset", and it prints the item's `genre` instead when given.
    - MLA 9 starts with the title when the author is also the site's owner
      (an organization that is its own publisher), naming it once, as the site.
    - Chicago author-date gives a web page's month and day after the site's
      name; an item without one (the whole site, the data set) keeps the year
      only, which the style would otherwise leave dangling ("Version 1.0. March 2.").
    """
    out = {k: v for k, v in item.items() if not k.startswith("_")}
    supplied = bool(item.get("_title_supplied"))
    if supplied:
        out["title"] = f"[{item['title']}]"
    if style == GBT and item.get("type") == "webpage" and not item.get("URL") and not item.get("DOI"):
        out["URL"] = UNKNOWN_URL
    english = str(item.get("language", "")).split("-")[0] == "en"
    if style == "apa" and english and not supplied:
        out["title"] = sentence_case(out["title"])
    if style in TITLE_CASE and english:
        for key in ("title", "container-title"):
            if out.get(key):
                cased = out[key] if key == "title" and supplied else title_case(out[key], style)
                out[key] = nocase(cased)
    authors = [a["literal"] for a in item.get("author", []) if "literal" in a]
    if style == "apa" and item.get("container-title") in authors:
        del out["container-title"]
    if style != GBT and item.get("publisher") in authors:
        del out["publisher"]
    if style == "apa" and item.get("type") == "dataset":
        out["genre"] = "Data set"
    if style == "mla" and item.get("container-title") in authors:
        del out["author"]
    if style == "chicago" and not item.get("container-title"):
        out["issued"] = {"date-parts": [item["issued"]["date-parts"][0][:1]]}
    return out


def nocase(text: str) -> str:
    """CSL-JSON markup that styles must not change the case of (citeproc-py reads it)."""
    return f'<span class="nocase">{text}</span>'


def public(item: dict[str, Any]) -> dict[str, Any]:
    """The item without our private markers: what CSL-JSON exports carry."""
    return {k: v for k, v in item.items() if not k.startswith("_")}
