"""The site's metadata (data/site.yaml), with the SITE_URL environment override."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import yaml

LANGUAGES = ("zh-Hant", "en")
DEFAULT_LANGUAGE = "zh-Hant"


class SiteMetaError(Exception):
    pass


@dataclass(frozen=True)
class SiteMeta:
    url: str
    version: str
    released: str
    title: dict[str, str]
    author: dict[str, str]
    license: dict[str, str]


def load_site_meta(path: Path, environ: dict[str, str] | None = None) -> SiteMeta:
    environ = os.environ if environ is None else environ
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise SiteMetaError(f"{path}: {exc}") from exc
    if not isinstance(raw, dict):
        raise SiteMetaError(f"{path}: expected a mapping at the top level")
    for field in ("url", "version", "released", "title", "author", "license"):
        if not raw.get(field):
            raise SiteMetaError(f"{path}: field '{field}' is missing or empty")
    for field in ("title", "author"):
        for lang in LANGUAGES:
            if not (raw[field] or {}).get(lang):
                raise SiteMetaError(f"{path}: field '{field}': language '{lang}' is missing")
    url = environ.get("SITE_URL") or raw["url"]
    if not url.startswith(("http://", "https://")):
        raise SiteMetaError(f"{path}: field 'url' (or SITE_URL): {url!r} is not an http(s) URL")
    return SiteMeta(
        url=url.rstrip("/") + "/",
        version=str(raw["version"]),
        released=str(raw["released"]),
        title=dict(raw["title"]),
        author=dict(raw["author"]),
        license=dict(raw["license"]),
    )
