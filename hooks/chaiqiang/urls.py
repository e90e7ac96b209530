"""Where a page lives: from its Markdown file to its URL, hosted or offline, and back.

The one home of MkDocs' URL rule for this site (mkdocs-static-i18n, folder
structure: the default language at the site root, the others under `<code>/`):

    src (inside docs/<lang>/)   hosted (directory URLs)   offline (files)
    index.md                    ""  /  "en/"               index.html  /  en/index.html
    timeline.md                 timeline/                  timeline.html
    story/the-deal.md           story/the-deal/            story/the-deal.html

URLs are site-relative, as MkDocs' `page.url`.
"""

from __future__ import annotations

from pathlib import PurePosixPath

from .languages import LANGUAGES, Languages


def page_path(src: str, use_directory_urls: bool = True) -> str:
    """The URL of a page inside its language's root, from its path in docs/<lang>/."""
    stem = src[:-3] if src.endswith(".md") else src
    if stem == "index" or stem.endswith("/index"):
        path = stem[: -len("index")]
        return path if use_directory_urls else path + "index.html"
    return stem + ("/" if use_directory_urls else ".html")


def page_url(src: str, lang: str, use_directory_urls: bool = True, languages: Languages = LANGUAGES) -> str:
    """The site-relative URL of a page of one language: page_url("timeline.md", "en") == "en/timeline/"."""
    return languages.root(lang) + page_path(src, use_directory_urls)


def split_src(src_uri: str, languages: Languages = LANGUAGES) -> tuple[str | None, str]:
    """docs-relative "en/story/x.md" -> ("en", "story/x.md"); a path outside a language folder -> (None, it)."""
    parts = PurePosixPath(src_uri).parts
    if len(parts) > 1 and parts[0] in languages:
        return parts[0], PurePosixPath(*parts[1:]).as_posix()
    return None, src_uri


def hosted_path(url: str) -> str:
    """A site-relative URL as the hosted site (directory URLs) has it:
    `about.html` -> `about/`, `en/index.html` -> `en/`, `index.html` -> ``."""
    if url == "index.html" or url.endswith("/index.html"):
        return url[: -len("index.html")]
    if url.endswith(".html"):
        return url[: -len(".html")] + "/"
    return url


def hosted_url(site_url: str, url: str) -> str:
    """The page's public address on the hosted site, from its (hosted or offline) site-relative URL."""
    return site_url.rstrip("/") + "/" + hosted_path(url)


def source_of(url: str, languages: Languages = LANGUAGES) -> tuple[str, str]:
    """The inverse of page_url: ("en", "timeline.md") for "en/timeline/" or "en/timeline.html"."""
    path = hosted_path(url.lstrip("/"))
    lang = languages.default.code
    for other in languages:
        if not other.default and (path == other.root or path.startswith(other.root)):
            lang, path = other.code, path[len(other.root) :]
            break
    stem = path.rstrip("/")
    return lang, (
        stem + ".md"
        if stem and not stem.endswith("index")
        else (stem + "/index.md").lstrip("/")
        if stem
        else "index.md"
    )


def bilingual_path(url: str) -> str:
    """The bilingual view of a page, beside it in the same folder, so that every relative
    link of the page means the same there: `story/x/` -> `story/x/bilingual.html`,
    `""` -> `bilingual.html`, offline `story/x.html` -> `story/x.bilingual.html`."""
    if url == "" or url.endswith("/"):
        return url + "bilingual.html"
    if url == "index.html" or url.endswith("/index.html"):
        return url[: -len("index.html")] + "bilingual.html"
    return url[: -len(".html")] + ".bilingual.html"


def page_of_bilingual(path: str) -> str | None:
    """The page file a bilingual view's file shows (`story/x/bilingual.html` ->
    `story/x/index.html`, `story/x.bilingual.html` -> `story/x.html`); None for any other file."""
    if path == "bilingual.html" or path.endswith("/bilingual.html"):
        return path[: -len("bilingual.html")] + "index.html"
    if path.endswith(".bilingual.html"):
        return path[: -len(".bilingual.html")] + ".html"
    return None
