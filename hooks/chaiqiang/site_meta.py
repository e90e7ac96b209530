"""The site's metadata (data/site.yaml), with the SITE_URL environment override."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

LANGUAGES = ("zh-Hant", "en")
DEFAULT_LANGUAGE = "zh-Hant"


class SiteMetaError(Exception):
    pass


class _Loader(yaml.SafeLoader):
    """YAML without implicit timestamps: dates stay text, checked with the field's name."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass(frozen=True)
class Version:
    """One entry of the changelog: a released version and what it changed."""

    version: str
    date: str  # YYYY-MM-DD
    changes: dict[str, tuple[str, ...]]  # language -> items
    corrections: dict[str, tuple[str, ...]]  # language -> items (may be empty)
    pages: tuple[str, ...] | None  # paths under docs/<lang>/; None = every page

    def touches(self, page: str) -> bool:
        return self.pages is None or page in self.pages


@dataclass(frozen=True)
class SourceArticle:
    """The article the site explains, as citations name it."""

    id: str
    author: dict[str, str]
    title: dict[str, str]
    title_supplied: bool
    date: str  # YYYY-MM-DD
    language: str
    url: str | None


@dataclass(frozen=True)
class DatasetMeta:
    title: dict[str, str]
    page: str  # path under docs/<lang>/


@dataclass(frozen=True)
class SiteMeta:
    url: str
    version: str
    released: str
    title: dict[str, str]
    author: dict[str, str]
    license: dict[str, str]
    publisher: dict[str, str] | None = None
    source: SourceArticle | None = None
    dataset: DatasetMeta | None = None
    changelog: tuple[Version, ...] = ()

    def page_dates(self, page: str) -> tuple[str, str]:
        """(first published, last changed) of a page (a path under docs/<lang>/),
        from the changelog: deterministic, never the clock."""
        touching = [v.date for v in self.changelog if v.touches(page)] or [self.released]
        return min(touching), max(touching)


def _date(value: Any, where: str) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    try:
        return dt.date.fromisoformat(str(value)).isoformat()
    except ValueError:
        raise SiteMetaError(f"{where}: {value!r} is not a date of the form YYYY-MM-DD") from None


def _per_language(raw: dict, field: str, where: str) -> dict[str, str]:
    value = raw.get(field)
    if not isinstance(value, dict):
        raise SiteMetaError(f"{where}: field '{field}' is missing or is not a mapping of languages")
    for lang in LANGUAGES:
        if not value.get(lang):
            raise SiteMetaError(f"{where}: field '{field}': language '{lang}' is missing")
    return {lang: str(value[lang]) for lang in LANGUAGES}


def _item_lists(raw: dict, field: str, where: str, required: bool) -> dict[str, tuple[str, ...]]:
    value = raw.get(field)
    if value is None and not required:
        return {lang: () for lang in LANGUAGES}
    if not isinstance(value, dict):
        raise SiteMetaError(f"{where}: field '{field}' is missing or is not a mapping of languages")
    out = {}
    for lang in LANGUAGES:
        items = value.get(lang)
        if not isinstance(items, list) or not items or not all(isinstance(i, str) and i for i in items):
            raise SiteMetaError(f"{where}: field '{field}': language '{lang}' needs a list of texts")
        out[lang] = tuple(items)
    counts = {len(out[lang]) for lang in LANGUAGES}
    if len(counts) != 1:
        raise SiteMetaError(f"{where}: field '{field}': the languages list different numbers of items")
    return out


def _changelog(raw: Any, path: Path, version: str, released: str) -> tuple[Version, ...]:
    if not isinstance(raw, list) or not raw:
        raise SiteMetaError(f"{path}: field 'changelog' is missing or is not a list of versions")
    out: list[Version] = []
    for index, entry in enumerate(raw):
        where = f"{path}: changelog[{index}]"
        if not isinstance(entry, dict) or not entry.get("version"):
            raise SiteMetaError(f"{where}: field 'version' is missing")
        where = f"{where} ({entry['version']})"
        if "date" not in entry:
            raise SiteMetaError(f"{where}: field 'date' is missing")
        pages = entry.get("pages")
        if pages is not None and (
            not isinstance(pages, list) or not all(isinstance(p, str) and p.endswith(".md") for p in pages)
        ):
            raise SiteMetaError(f"{where}: field 'pages' must list page files such as story/the-deal.md")
        out.append(
            Version(
                version=str(entry["version"]),
                date=_date(entry["date"], f"{where}: field 'date'"),
                changes=_item_lists(entry, "changes", where, required=True),
                corrections=_item_lists(entry, "corrections", where, required=False),
                pages=None if pages is None else tuple(pages),
            )
        )
    seen: set[str] = set()
    for index, entry in enumerate(out):
        if entry.version in seen:
            raise SiteMetaError(f"{path}: changelog[{index}]: version {entry.version} is listed twice")
        seen.add(entry.version)
        if index and entry.date > out[index - 1].date:
            raise SiteMetaError(
                f"{path}: changelog[{index}] ({entry.version}): the list must run newest first, "
                f"but {entry.date} is after {out[index - 1].date}"
            )
    newest = out[0]
    if (newest.version, newest.date) != (version, released):
        raise SiteMetaError(
            f"{path}: changelog[0] is {newest.version} of {newest.date}, but fields 'version' and "
            f"'released' say {version} of {released}: the newest entry must be the current version"
        )
    return tuple(out)


def _source(raw: Any, path: Path) -> SourceArticle:
    where = f"{path}: source"
    if not isinstance(raw, dict):
        raise SiteMetaError(f"{path}: field 'source' is missing or is not a mapping")
    for field in ("id", "date", "language"):
        if not raw.get(field):
            raise SiteMetaError(f"{where}: field '{field}' is missing or empty")
    url = raw.get("url")
    if url is not None and not str(url).startswith(("http://", "https://")):
        raise SiteMetaError(f"{where}: field 'url': {url!r} is not an http(s) URL")
    return SourceArticle(
        id=str(raw["id"]),
        author=_per_language(raw, "author", where),
        title=_per_language(raw, "title", where),
        title_supplied=bool(raw.get("title_supplied", False)),
        date=_date(raw["date"], f"{where}: field 'date'"),
        language=str(raw["language"]),
        url=None if url is None else str(url),
    )


def _dataset(raw: Any, path: Path) -> DatasetMeta:
    where = f"{path}: dataset"
    if not isinstance(raw, dict):
        raise SiteMetaError(f"{path}: field 'dataset' is missing or is not a mapping")
    page = raw.get("page")
    if not isinstance(page, str) or not page.endswith(".md"):
        raise SiteMetaError(f"{where}: field 'page' must name a page file such as timeline.md")
    return DatasetMeta(title=_per_language(raw, "title", where), page=page)


def load_site_meta(path: Path, environ: dict[str, str] | None = None) -> SiteMeta:
    environ = os.environ if environ is None else environ
    try:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
    except (OSError, yaml.YAMLError) as exc:
        raise SiteMetaError(f"{path}: {exc}") from exc
    if not isinstance(raw, dict):
        raise SiteMetaError(f"{path}: expected a mapping at the top level")
    for field in ("url", "version", "released", "title", "author", "publisher", "license"):
        if not raw.get(field):
            raise SiteMetaError(f"{path}: field '{field}' is missing or empty")
    for field in ("title", "author", "publisher"):
        _per_language(raw, field, str(path))
    if not isinstance(raw["license"], dict):
        raise SiteMetaError(f"{path}: field 'license' is not a mapping")
    for key in ("text_and_data", "code", "text_and_data_spdx", "text_and_data_url", "code_spdx"):
        if not raw["license"].get(key):
            raise SiteMetaError(f"{path}: field 'license': '{key}' is missing or empty")
    url = environ.get("SITE_URL") or raw["url"]
    if not url.startswith(("http://", "https://")):
        raise SiteMetaError(f"{path}: field 'url' (or SITE_URL): {url!r} is not an http(s) URL")
    version = str(raw["version"])
    released = _date(raw["released"], f"{path}: field 'released'")
    return SiteMeta(
        url=url.rstrip("/") + "/",
        version=version,
        released=released,
        title=dict(raw["title"]),
        author=dict(raw["author"]),
        license=dict(raw["license"]),
        publisher=dict(raw["publisher"]),
        source=_source(raw.get("source"), path),
        dataset=_dataset(raw.get("dataset"), path),
        changelog=_changelog(raw.get("changelog"), path, version, released),
    )
