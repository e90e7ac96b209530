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
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Iterable, Mapping
from pathlib import Path

import jinja2

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "hooks"))

from chaiqiang import edition_info  # noqa: E402
from chaiqiang.citations import page as citation_page  # noqa: E402
from chaiqiang.site_meta import LANGUAGES, SiteMeta, SiteMetaError, load_site_meta  # noqa: E402

from dev import source_date_epoch  # noqa: E402  (the one place that reads the commit date)

PROJECT = "chaiqiang"
CONFIG = "mkdocs.offline.yml"
README = "README.txt"
README_TEMPLATE = "chaiqiang/offline/readme.txt"
# Site files that only a web server uses: from file:// a missing page is the
# browser's own error, and sitemaps and _headers are read by crawlers and hosts.
SERVER_ONLY = ("404.html", "sitemap.xml", "sitemap.xml.gz", "_headers")
# The citation style README.txt shows for each language.
README_STYLE = {"zh-Hant": "gb-t-7714", "en": "apa"}
ZIP_EPOCH_MIN = 315532800  # 1980-01-01, the earliest date a zip entry can carry


class BundleError(Exception):
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


def node_modules_current(root: Path) -> bool:
    """Whether node_modules/ holds exactly the packages of package-lock.json (npm's own record)."""
    installed = root / "node_modules" / ".package-lock.json"
    try:
        lock = json.loads((root / "package-lock.json").read_text(encoding="utf-8"))
        have = json.loads(installed.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    wanted = {k: v.get("integrity") for k, v in lock.get("packages", {}).items() if k}
    found = {k: v.get("integrity") for k, v in have.get("packages", {}).items() if k}
    return bool(wanted) and wanted == found


def npm_ci(root: Path) -> None:
    """Install package-lock.json's packages (the iframe-worker shim) unless they are there."""
    if node_modules_current(root):
        return
    npm = shutil.which("npm")
    if npm is None:
        raise BundleError(
            "npm is needed to install the iframe-worker shim (package-lock.json): "
            "install Node.js and npm (apt-get install nodejs npm)"
        )
    print("bundle: npm ci (package-lock.json)", flush=True)
    proc = subprocess.run(
        [npm, "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"], cwd=root
    )
    if proc.returncode != 0:
        raise BundleError(f"`npm ci` failed (exit {proc.returncode})")


# --- the site --------------------------------------------------------------------------


def build_site(root: Path, site_dir: Path, environ: Mapping[str, str]) -> None:
    env = dict(
        environ,
        PYTHONPATH=os.pathsep.join([str(root / "hooks"), str(root)]),
        NO_MKDOCS_2_WARNING="1",
    )
    cmd = [sys.executable, "-m", "mkdocs", "build", "-f", CONFIG, "--strict", "--clean"]
    proc = subprocess.run([*cmd, "--site-dir", str(site_dir)], cwd=root, env=env)
    if proc.returncode != 0:
        raise BundleError(f"the offline build (mkdocs build -f {CONFIG}) failed (exit {proc.returncode})")


def drop_server_only(site_dir: Path, languages: Iterable[str] = LANGUAGES) -> list[str]:
    """Remove the files only a web server uses, at the root and in each language's folder."""
    removed = []
    folders = {edition_info.language_root(lang) for lang in languages}
    for folder in sorted(folders):
        for name in SERVER_ONLY:
            path = site_dir / folder / name
            if path.is_file():
                path.unlink()
                removed.append(f"{folder}{name}")
    return removed


def add_pdfs(site_dir: Path, pdf_dir: Path, languages: Iterable[str] = LANGUAGES) -> list[str]:
    """Copy the PDF editions that `python3 dev.py pdf` left in pdf_dir to where the pages link them."""
    added = []
    for lang in languages:
        source = pdf_dir / edition_info.pdf_name(lang)
        if source.is_file():
            target = site_dir / edition_info.pdf_path(lang)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
            added.append(edition_info.pdf_path(lang))
    return added


def readme_text(meta: SiteMeta, epoch: int, pdfs: list[str]) -> str:
    citation = {}
    for lang in LANGUAGES:
        example = citation_page.example(meta, "site", lang)
        citation[lang] = next(f.text for f in example.formats if f.key == README_STYLE[lang])
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(ROOT / "overrides"),
        autoescape=False,  # plain text
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    return env.get_template(README_TEMPLATE).render(
        title=meta.title,
        version=meta.version,
        built=build_date(epoch),
        url=meta.url,
        zip_name=zip_name(meta.version),
        citation=citation,
        pdfs=pdfs,
    )


# --- the zip ---------------------------------------------------------------------------


def zip_time(epoch: int) -> tuple[int, int, int, int, int, int]:
    when = dt.datetime.fromtimestamp(max(epoch, ZIP_EPOCH_MIN), dt.UTC)
    return (when.year, when.month, when.day, when.hour, when.minute, when.second)


def deterministic_zip(entries: Mapping[str, bytes], dest: Path, epoch: int) -> Path:
    """A zip of {name: bytes} at its root: names in order, one timestamp, fixed
    permissions and system, so that the same entries always give the same bytes."""
    stamp = zip_time(epoch)
    tmp = dest.with_name(dest.name + ".part")
    with zipfile.ZipFile(tmp, "w") as archive:
        for name in sorted(entries):
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o100644 << 16
            info.create_system = 3  # Unix, whatever system builds it
            archive.writestr(info, entries[name], compresslevel=9)
    tmp.replace(dest)
    return dest


def site_entries(site_dir: Path) -> dict[str, bytes]:
    return {
        path.relative_to(site_dir).as_posix(): path.read_bytes()
        for path in site_dir.rglob("*")
        if path.is_file()
    }


def write_sha256(path: Path) -> Path:
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    out = path.with_name(path.name + ".sha256")
    out.write_text(f"{digest}  {path.name}\n", encoding="utf-8")
    return out


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
    except SiteMetaError as exc:
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
