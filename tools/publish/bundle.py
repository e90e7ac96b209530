"""The offline bundle: the whole site in one zip that works from file://.

    python3 dev.py bundle [--out DIR] [--pdf-dir DIR]

Writes dist/chaiqiang-<version>-offline.zip and, beside it, its .sha256 (in
the format of `sha256sum -c`). The zip holds the site built with
mkdocs.offline.yml (pages as .html files, search that runs without a server,
both languages), README.txt at its root, and the PDF editions when
`python3 dev.py pdf` has put them in dist/ (chaiqiang-<lang>.pdf).

Steps: `npm ci` installs the iframe-worker shim pinned in package-lock.json
(only when node_modules/ does not already match the lock); MkDocs builds the
offline site into a temporary folder; the files that only a web server uses
(404 pages, sitemaps, _headers) are left out; the zip is written with sorted
entries, one timestamp and fixed permissions.

Reproducible: the build date is SOURCE_DATE_EPOCH (dev.py sets it to the last
commit's time), else the last commit's time, else the release date in
data/site.yaml. The same sources give a byte-identical zip.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import sys
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path

from chaiqiang import edition_info, editions, templates
from chaiqiang.citations import page as citation_page
from chaiqiang.citations import render as citation_render
from chaiqiang.data import DataError
from chaiqiang.errors import ChaiqiangError
from chaiqiang.languages import LANGUAGES
from chaiqiang.site_meta import SiteMeta, load_site_meta

from tools import common
from tools.common import ROOT, deterministic_zip, source_date_epoch

PROJECT = "chaiqiang"
CONFIG = "mkdocs.offline.yml"
README = "README.txt"
README_TEMPLATE = "chaiqiang/offline/readme.txt"
# Site files that only a web server uses: from file:// a missing page is the
# browser's own error, and sitemaps and _headers are read by crawlers and hosts.
SERVER_ONLY = ("404.html", "sitemap.xml", "sitemap.xml.gz", "_headers")


class BundleError(ChaiqiangError):
    pass


def zip_name(version: str) -> str:
    return f"{PROJECT}-{version}-offline.zip"


# --- the build date -------------------------------------------------------------------


def build_epoch(root: Path, meta: SiteMeta, environ: Mapping[str, str]) -> int:
    """SOURCE_DATE_EPOCH, else the last commit's time, else the release date (00:00 UTC)."""
    value = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if value:
        if not value.isdigit():
            raise BundleError(f"SOURCE_DATE_EPOCH must be seconds since 1970, not {value!r}")
        return int(value)
    commit = source_date_epoch(root)
    epoch = int(commit) if commit else None
    if epoch is not None:
        return epoch
    released = dt.date.fromisoformat(meta.released)
    return int(dt.datetime(released.year, released.month, released.day, tzinfo=dt.UTC).timestamp())


def build_date(epoch: int) -> str:
    return dt.datetime.fromtimestamp(epoch, dt.UTC).date().isoformat()


# --- the shim (npm) --------------------------------------------------------------------


def npm_ci(root: Path) -> None:
    """Install package-lock.json's packages (the iframe-worker shim) unless they are there."""
    try:
        common.npm_ci(root, "the iframe-worker shim", tool="bundle")
    except common.NpmError as exc:
        raise BundleError(str(exc)) from None


# --- the site --------------------------------------------------------------------------


def build_site(root: Path, site_dir: Path, environ: Mapping[str, str]) -> None:
    proc = common.build_site(site_dir, root=root, config=CONFIG, environ=environ)
    if proc.returncode != 0:
        raise BundleError(f"the offline build (mkdocs build -f {CONFIG}) failed (exit {proc.returncode})")


def drop_server_only(site_dir: Path, languages: Iterable[str] = LANGUAGES.codes) -> list[str]:
    """Remove the files only a web server uses, at the root and in each language's folder."""
    removed = []
    folders = {LANGUAGES.root(lang) for lang in languages}
    for folder in sorted(folders):
        for name in SERVER_ONLY:
            path = site_dir / folder / name
            if path.is_file():
                path.unlink()
                removed.append(f"{folder}{name}")
    return removed


def add_pdfs(site_dir: Path, pdf_dir: Path, languages: Iterable[str] = LANGUAGES.codes) -> list[str]:
    """Copy the PDF editions that `python3 dev.py pdf` left in pdf_dir to where the pages link
    them, and turn those links on (a language without its PDF links none)."""
    added = []
    for lang in languages:
        source = pdf_dir / edition_info.pdf_name(lang)
        if source.is_file():
            target = site_dir / edition_info.pdf_path(lang)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
            edition_info.link_pdf_edition(site_dir, lang)
            added.append(edition_info.pdf_path(lang))
    return added


def readme_text(meta: SiteMeta, epoch: int, pdfs: list[str]) -> str:
    citation = {}
    # The edition's permanent address, as "Cite this page" on the hosted site gives it.
    permanent = lambda url: editions.permanent_url(meta.url, meta.version, url)  # noqa: E731
    for lang in LANGUAGES.codes:
        example = citation_page.example(meta, "site", lang, permanent=permanent)
        citation[lang] = next(f.text for f in example.formats if f.key == citation_render.order(lang)[0])
    return templates.render_text(
        README_TEMPLATE,
        ROOT,
        title=meta.title,
        version=meta.version,
        built=build_date(epoch),
        url=meta.url,
        zip_name=zip_name(meta.version),
        citation=citation,
        pdfs=pdfs,
    )


# --- the zip (tools.common.deterministic_zip) -------------------------------------------


def site_entries(site_dir: Path) -> dict[str, bytes]:
    return common.folder_entries(site_dir)


def write_sha256(path: Path) -> Path:
    """<zip>.sha256 beside the zip, for `sha256sum -c`."""
    return common.write_sha256sums([path], path.with_name(path.name + ".sha256"))


# --- all of it -------------------------------------------------------------------------


def bundle(
    root: Path = ROOT,
    out_dir: Path | None = None,
    pdf_dir: Path | None = None,
    environ: Mapping[str, str] | None = None,
) -> Path:
    """Build the offline zip into out_dir (dist/); returns its path."""
    environ = dict(os.environ if environ is None else environ)
    out_dir = out_dir or root / "dist"
    pdf_dir = pdf_dir or root / "dist"
    # The hosted URL from data/site.yaml (or SITE_URL, as the pages get it).
    try:
        meta = load_site_meta(root / "data" / "site.yaml", environ=environ)
    except DataError as exc:
        raise BundleError(str(exc)) from None
    epoch = build_epoch(root, meta, environ)
    environ["SOURCE_DATE_EPOCH"] = str(epoch)
    npm_ci(root)
    with tempfile.TemporaryDirectory(prefix="chaiqiang-offline-") as tmp:
        site_dir = Path(tmp) / "site"
        build_site(root, site_dir, environ)
        drop_server_only(site_dir)
        pdfs = add_pdfs(site_dir, pdf_dir)
        if not pdfs:
            print(
                f"bundle: no PDF editions in {pdf_dir} (python3 dev.py pdf makes them); the bundle has none",
                flush=True,
            )
        entries = site_entries(site_dir)
    if README in entries:
        raise BundleError(f"the site has a file named {README} at its root; the bundle needs that name")
    entries[README] = readme_text(meta, epoch, pdfs).encode("utf-8")
    out_dir.mkdir(parents=True, exist_ok=True)
    dest = deterministic_zip(entries, out_dir / zip_name(meta.version), epoch)
    write_sha256(dest)
    return dest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=None, help="where the zip goes (default: dist/)")
    parser.add_argument(
        "--pdf-dir", type=Path, default=None, help="where `dev.py pdf` left the PDFs (default: dist/)"
    )
    args = parser.parse_args(argv)
    try:
        dest = bundle(ROOT, args.out, args.pdf_dir)
    except BundleError as exc:
        print(f"bundle: {exc}", file=sys.stderr)
        return 1
    size = dest.stat().st_size
    print(f"bundle: wrote {dest} ({size / 1e6:.2f} MB) and {dest.name}.sha256")
    return 0


if __name__ == "__main__":
    sys.exit(main())
