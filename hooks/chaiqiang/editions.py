"""Archived editions: every released version kept for good, as built files, at an
address of its own. The one home of the edition addresses:

    latest site          editions
    /                    /editions/<version>/          (zh-Hant, the default language)
    /en/story/x/         /editions/<version>/en/story/x/

An edition is built once, from the commit that carried its version, with the
build's public URL set to its own address (SITE_URL, which every commit's
build understands) and `CHAIQIANG_EDITION=<version>`; tools/publish/edition.py
then adds its banner and manifest and freezes it under editions/<version>/
(see editions/README.md). A citation on the latest site names the permanent
address of the current version's edition; inside an edition, the permanent
address is the page's own.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from . import urls
from .errors import ChaiqiangError

DIR = "editions"
ENV = "CHAIQIANG_EDITION"


class EditionError(ChaiqiangError):
    pass


def root(version: str) -> str:
    """An edition's folder, relative to the site's root: editions/0.2.0/."""
    return f"{DIR}/{version}/"


def base_url(site_url: str, version: str) -> str:
    """An edition's public address, from the latest site's: https://…/editions/0.2.0/."""
    return site_url.rstrip("/") + "/" + root(version)


def permanent_url(site_url: str, version: str, url: str) -> str:
    """The permanent address of a page of the latest site (its site-relative URL,
    hosted or offline) in the edition of `version`."""
    return base_url(site_url, version) + urls.hosted_path(url)


def building(environ: Mapping[str, str] | None = None) -> str | None:
    """The version this build is the edition of, or None for the latest site."""
    environ = os.environ if environ is None else environ
    return environ.get(ENV) or None


def check_build(version: str, site_url: str, environ: Mapping[str, str] | None = None) -> str | None:
    """In an edition build: the edition's version, after checking that it is the
    current one and that the public URL (SITE_URL) is the edition's own address."""
    edition = building(environ)
    if edition is None:
        return None
    if edition != version:
        raise EditionError(
            f"{ENV}={edition} but data/site.yaml's version is {version}: an edition is built "
            "from the commit that carries its version"
        )
    if not site_url.endswith("/" + root(version)):
        raise EditionError(
            f"{ENV}={edition} but the public URL is {site_url}: an edition is built with "
            f"SITE_URL set to its own address (…/{root(version)})"
        )
    return edition


# --- the record of an edition: editions/<version>/manifest.json ----------------------

MANIFEST = "manifest.json"
ARCHIVE = "edition.zip"


@dataclass(frozen=True)
class Download:
    path: str  # inside the edition: downloads/chaiqiang-zh-Hant.pdf
    kind: str  # "pdf" or "offline"
    lang: str | None  # the PDF's language; None for the bilingual offline zip
    bytes: int
    sha256: str


@dataclass(frozen=True)
class Manifest:
    """What an edition is: its version, date, the commit it was built from, its
    public address, its downloads and every file with its SHA-256."""

    version: str
    date: str  # the version's release date (data/site.yaml's changelog)
    commit: str
    built: str  # the build's time, from the commit (SOURCE_DATE_EPOCH), ISO 8601 UTC
    address: str  # its public base URL: https://…/editions/<version>/
    downloads: tuple[Download, ...]
    files: dict[str, str]  # path inside the edition -> SHA-256
    sha256: str = ""  # of manifest.json itself: the one checksum that stands for every file

    def to_json(self) -> bytes:
        data = {
            "version": self.version,
            "date": self.date,
            "commit": self.commit,
            "built": self.built,
            "address": self.address,
            "downloads": [vars(d) for d in self.downloads],
            "files": dict(sorted(self.files.items())),
        }
        return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


_MANIFEST_KEYS = {"version", "date", "commit", "built", "address", "downloads", "files"}
_HEX = re.compile(r"^[0-9a-f]{64}$")
_DOWNLOAD_KEYS = {"path", "kind", "lang", "bytes", "sha256"}


def parse_manifest(raw: bytes, where: str) -> Manifest:
    """A manifest.json, checked; an EditionError names the file and the field."""
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise EditionError(f"{where}: not valid JSON: {exc}") from None
    if not isinstance(data, dict) or set(data) != _MANIFEST_KEYS:
        found = sorted(data) if isinstance(data, dict) else type(data).__name__
        raise EditionError(f"{where}: needs exactly the fields {sorted(_MANIFEST_KEYS)}, has {found}")
    for key in ("version", "date", "commit", "built", "address"):
        if not isinstance(data[key], str) or not data[key]:
            raise EditionError(f"{where}: field {key!r} must be a non-empty string")
    files = data["files"]
    if not isinstance(files, dict) or not files:
        raise EditionError(f"{where}: field 'files' must map every file to its SHA-256")
    for path, digest in files.items():
        if not isinstance(digest, str) or not _HEX.match(digest):
            raise EditionError(f"{where}: files: {path!r}: not a SHA-256 ({digest!r})")
    downloads = []
    for index, entry in enumerate(data["downloads"] if isinstance(data["downloads"], list) else [None]):
        if not isinstance(entry, dict) or set(entry) != _DOWNLOAD_KEYS:
            raise EditionError(f"{where}: downloads #{index + 1}: needs the fields {sorted(_DOWNLOAD_KEYS)}")
        if files.get(entry["path"]) != entry["sha256"]:
            raise EditionError(
                f"{where}: downloads #{index + 1}: {entry['path']!r} is not in 'files' with that SHA-256"
            )
        downloads.append(Download(**entry))
    return Manifest(
        **{k: data[k] for k in ("version", "date", "commit", "built", "address")},
        downloads=tuple(downloads),
        files=files,
        sha256=hashlib.sha256(raw).hexdigest(),
    )


def version_key(version: str) -> tuple:
    return tuple(int(p) if p.isdigit() else p for p in re.split(r"[.-]", version))


def read_all(root: Path) -> tuple[Manifest, ...]:
    """Every edition recorded in the repository (editions/*/manifest.json), oldest first."""
    folder = Path(root) / DIR
    found = []
    for path in sorted(folder.glob(f"*/{MANIFEST}")) if folder.is_dir() else ():
        where = path.relative_to(root).as_posix()
        manifest = parse_manifest(path.read_bytes(), where)
        if manifest.version != path.parent.name:
            raise EditionError(
                f"{where}: field 'version' is {manifest.version}, but the folder is {path.parent.name}"
            )
        found.append(manifest)
    return tuple(sorted(found, key=lambda m: version_key(m.version)))
