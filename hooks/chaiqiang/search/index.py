"""One search index per language, each under its language's root.

Material's search plugin writes search/search_index.json; mkdocs-static-i18n
fills it with the pages of every language, so a zh-Hant reader searching 微信
would get English pages too. `split` divides the entries by the language of
their page (English pages live under en/) and gives each index the lunr
settings of its language; `write` puts the zh-Hant index where it was and the
English one at en/search/search_index.json, with locations relative to en/.

Each page's own entry (the one without #section) also gets a field `page`
with the text of all its sections. Material ranks a page's own entry well
above any section (it multiplies the one's score by 5, the other's by 2), so
without it a page that mentions 淘口令 once in its opening lines outranks the
page that explains it in three sections. With it, the page whose whole text is most
about the query comes first, its sections below it; a section whose heading
matches still outranks everything (Material weighs titles 1000 times). The
field is not shown; the browser only searches it.

The browser finds an index at `search/search_index.json` (or, from file://,
`search/search_index.js`) relative to the `base` in the page's Material config;
overrides/main.html points `base` at the page's language root (see
`chaiqiang.languages`), so each reader loads only their language's index. Splitting
the index, not filtering results, also keeps lunr's word statistics, and so
the ranking, to the reader's language.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from ..languages import LANGUAGES, Languages
from .errors import SearchError

# lunr settings per language, from Material's defaults for zh-Hant and en (see
# its partials/languages/*.html: which of lunr's pipeline functions to keep,
# and the separator between words). The separators also split at punctuation,
# as Material's own documentation recommends: with Material's `[\s\-]+`,
# "Alimama," and "(Alimama)" are words of their own, rarer than "Alimama", and a
# page scores by how many such spellings it happens to have. The zero-width
# space is the one Material puts between the words of Han text it segments.
# English also drops a possessive 's ("Porter's" is found as "Porter"), and
# keeps a full stop inside a number (3.5).
_PUNCTUATION = r"\s\u200b\-,:;!?()\[\]{}\"“”‘/|…—–"
LUNR_SETTINGS: dict[str, dict] = {
    "zh-Hant": {
        "lang": ["en"],
        "separator": rf"[{_PUNCTUATION}\u3000、。，．？！；：「」『』（）《》〈〉【】・]+|\.(?!\d)",
        "pipeline": ["stemmer"],
    },
    "en": {
        "lang": ["en"],
        "separator": rf"[{_PUNCTUATION}]+|\.(?!\d)|['’]s\b|['’](?!\w)",
        "pipeline": ["stopWordFilter"],
    },
}


# The hidden field with a page's whole text, and its weight (the same as `text`).
PAGE_FIELD = "page"
PAGE_FIELD_BOOST = 1.0

_TAG = re.compile(r"<[^>]+>")


class SearchIndexError(SearchError):
    pass


def language_of(location: str, languages: Languages = LANGUAGES) -> str:
    for language in languages:
        if language.root and location.startswith(language.root):
            return language.code
    return languages.default.code


def page_locations(page: str) -> set[str]:
    """Where a page file's entries are, with and without directory URLs: {"glossary/", "glossary.html"}."""
    stem = page.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        folder = stem.removesuffix("index")
        return {folder, f"{folder}index.html"}
    return {f"{stem}/", f"{stem}.html"}


def ranked(docs: list[dict], rank: dict[str, float], language: str) -> list[dict]:
    """The entries with each listed page's factor applied to its boost."""
    factors = {location: factor for page, factor in rank.items() for location in page_locations(page)}
    found: set[str] = set()
    result = []
    for doc in docs:
        page = doc["location"].partition("#")[0]
        if page in factors:
            found.add(page)
            doc = {**doc, "boost": round(doc.get("boost", 1) * factors[page], 6)}
        result.append(doc)
    missing = [page for page in rank if not page_locations(page) & found]
    if missing:
        raise SearchIndexError(
            f"data/search.yaml: 'rank': no {language} page for {', '.join(missing)}; "
            "remove the entry or correct the file name"
        )
    return result


def split(
    index: dict, languages: Languages = LANGUAGES, rank: dict[str, float] | None = None
) -> dict[str, dict]:
    """{language: index} with the entries of that language's pages, located from its root."""
    docs: dict[str, list[dict]] = {language: [] for language in languages.codes}
    for doc in index.get("docs", []):
        language = language_of(doc["location"], languages)
        root = languages.root(language)
        docs[language].append({**doc, "location": doc["location"][len(root) :]})
    split_index = {}
    for language in languages.codes:
        config = {**index.get("config", {}), **LUNR_SETTINGS.get(language, {})}
        config["fields"] = {**config.get("fields", {}), PAGE_FIELD: {"boost": PAGE_FIELD_BOOST}}
        entries = with_page_text(docs[language])
        if rank and entries:
            entries = ranked(entries, rank, language)
        split_index[language] = {"config": config, "docs": entries}
    return split_index


def with_page_text(docs: list[dict]) -> list[dict]:
    """The entries, each page's own entry with the text of all its sections in PAGE_FIELD."""
    sections: dict[str, list[str]] = {}
    for doc in docs:
        page, _, anchor = doc["location"].partition("#")
        if anchor:
            sections.setdefault(page, []).append(
                _TAG.sub(" ", f"{doc.get('title', '')} {doc.get('text', '')}")
            )
    result = []
    for doc in docs:
        page, _, anchor = doc["location"].partition("#")
        if not anchor and sections.get(page):
            doc = {**doc, PAGE_FIELD: " ".join(" ".join(sections[page]).split())}
        result.append(doc)
    return result


def dumps(index: dict) -> str:
    # As compact as Material's own index, but UTF-8 rather than \u escapes (half
    # the size for Han text). U+2028/2029 stay escaped for older JavaScript.
    text = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def write(
    site_dir: Path,
    languages: Languages = LANGUAGES,
    rank: dict[str, float] | None = None,
    offline: bool = False,
) -> dict[str, Path]:
    """Replace the merged index in `site_dir` with one index per language.

    With `offline` (Material's offline plugin), also write each index as the
    search_index.js script that pages load from file://.
    """
    merged = site_dir / "search" / "search_index.json"
    try:
        index = json.loads(merged.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise SearchIndexError(f"cannot read the search index {merged}: {exc}") from exc
    unindexed = [doc["location"] for doc in index.get("docs", []) if doc.get("unindexed")]
    if unindexed:  # chaiqiang.search.entries.Unindexed: an interim index was the last one written
        raise SearchIndexError(
            f"search index: {len(unindexed)} pages were never indexed ({', '.join(unindexed[:3])}, …): "
            "mkdocs-static-i18n wrote no merged index after its languages (did it change how it merges?)"
        )
    written = {}
    for language, part in split(index, languages, rank).items():
        if not part["docs"]:
            root = languages.root(language) or "the site root"
            raise SearchIndexError(
                f"search index: no entries for the language '{language}' (pages under {root}); "
                "did mkdocs-static-i18n change how it merges the index?"
            )
        folder = site_dir / languages.root(language) / "search"
        folder.mkdir(parents=True, exist_ok=True)
        text = dumps(part)
        (folder / "search_index.json").write_text(text, encoding="utf-8")
        if offline:
            (folder / "search_index.js").write_text(f"var __index = {text}", encoding="utf-8")
        written[language] = folder / "search_index.json"
    return written
