"""The offline build (mkdocs.offline.yml): the site as files that work from file://.

Material's offline plugin turns directory URLs off (pages are `about.html`,
`en/about.html`) and writes each search index as a script. One thing is this
site's own:

- `install_shim`: search's worker runs from file:// only through the
  iframe-worker shim (browsers refuse a Worker there). The shim is npm's
  `iframe-worker`, pinned in package-lock.json and installed with `npm ci` into
  node_modules/ (never committed); this copies it, with its licence, to the
  polyfill path that mkdocs.offline.yml names. A polyfill that is not a local
  path would be loaded from outside the reader's disk: the build stops.

The offline copy is a copy of the hosted site, so its canonical links and
citations give the page's address there (`…/about/`), never the file name it has
in the bundle (`…/about.html`, which the host does not serve): see
`chaiqiang.urls.hosted_url`.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from .errors import ChaiqiangError

SHIM_PACKAGE = "iframe-worker"
SHIM_FILE = PurePosixPath("shim/index.js")
# Its MIT licence asks that the notice go with every copy.
SHIM_LICENSE = "LICENSE"


class OfflineError(ChaiqiangError):
    pass


def enabled(plugins) -> bool:
    """Whether Material's offline plugin is in the build (MkDocs' config.plugins)."""
    plugin = plugins.get("material/offline") or plugins.get("offline")
    return bool(plugin and plugin.config.enabled)


def shim_source(root: Path) -> Path:
    return root / "node_modules" / SHIM_PACKAGE / SHIM_FILE


def shim_target(polyfills: Iterable[object]) -> PurePosixPath:
    """The site-relative path of the shim among `extra.polyfills`; every polyfill must be local."""
    paths = [str(getattr(p, "path", p)) for p in polyfills]
    for path in paths:
        if urlsplit(path).scheme or path.startswith(("//", "/")):
            raise OfflineError(
                f"extra.polyfills: {path!r} would be loaded from outside the offline copy; "
                "name a path inside the site (mkdocs.offline.yml)"
            )
    shims = [p for p in paths if SHIM_PACKAGE in p]
    if len(shims) != 1:
        raise OfflineError(
            f"extra.polyfills: expected one local path naming {SHIM_PACKAGE} "
            f"(else Material's offline plugin adds a CDN copy), found {shims or 'none'}"
        )
    return PurePosixPath(shims[0])


def install_shim(root: Path, site_dir: Path, polyfills: Iterable[object]) -> Path:
    """Copy the installed iframe-worker shim (and its licence) to its polyfill path in site_dir."""
    target = site_dir / shim_target(polyfills)
    source = shim_source(root)
    if not source.is_file():
        raise OfflineError(
            f"{source.relative_to(root)} is missing: the offline build needs the {SHIM_PACKAGE} "
            "package; run `npm ci` in the project (python3 dev.py bundle does)"
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    licence = source.parent.parent / SHIM_LICENSE
    if licence.is_file():
        shutil.copyfile(licence, target.parent / f"{SHIM_PACKAGE}.LICENSE.txt")
    return target
