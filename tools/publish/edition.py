"""Make the archived edition of a released version, once, from the commit that carried it.

    python3 dev.py edition                 # the current version, from HEAD (a clean tree)
    python3 dev.py edition --commit d7948aa

The commit is checked out in a temporary git worktree and built there by its own
dev.py (its own requirements.lock: an old edition never needs today's
dependencies), with SITE_URL set to the edition's address, CHAIQIANG_EDITION to
its version and SOURCE_DATE_EPOCH to the commit's time: `dev.py build`, then
`dev.py pdf --no-build` and `dev.py bundle`. Then, with today's templates and
words, it is frozen:

  - every HTML page gets the edition banner (overrides/chaiqiang/editions/banner.html)
    at the top of its article, and `<meta name="robots" content="noindex">`: the
    editions are exact copies kept for citations, so search engines are asked to
    send readers to the latest text (as Wikipedia does with its permanent
    revision links); the pages' canonical URLs still name their own addresses;
  - the sitemap (the latest site's lists the latest only) and `_headers` (the
    assembled site's headers cover every edition: tools/publish/assemble.py) go;
  - the offline zip joins the PDFs under downloads/;
  - manifest.json records the version, its date, the commit, the build's time, the
    address, the downloads and every file with its SHA-256.

The result goes to editions/<version>/: manifest.json and edition.zip (a
deterministic zip of the edition's files, manifest included). An edition that
exists is never made again: editions are append-only.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import posixpath
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml
from chaiqiang import editions, templates
from chaiqiang.editions import ARCHIVE, MANIFEST, Download, EditionError, Manifest
from chaiqiang.languages import LANGUAGES
from chaiqiang.site_meta import load_site_meta

from tools import common
from tools.common import ROOT

DOWNLOADS = "downloads"
DROPPED = ("sitemap.xml", "sitemap.xml.gz", "_headers")
ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">')
HTML_LANG = re.compile(r'<html[^>]*\blang="([^"]+)"')
NOINDEX = '<meta name="robots" content="noindex">'


def _git(root: Path, *args: str) -> str:
    proc = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True)
    if proc.returncode != 0:
        raise EditionError(f"git {' '.join(args)}: {proc.stderr.strip()}")
    return proc.stdout


def released(root: Path, commit: str) -> tuple[str, str]:
    """(version, release date) as data/site.yaml says at `commit`."""
    data = yaml.safe_load(_git(root, "show", f"{commit}:data/site.yaml"))
    version = str(data["version"])
    for entry in data.get("changelog", ()):
        if str(entry.get("version")) == version:
            return version, str(entry["date"])
    raise EditionError(f"{commit}: data/site.yaml has no changelog entry for its version {version}")


# --- freezing a built site ----------------------------------------------------------------


def latest_link(path: str, lang: str) -> tuple[str, str]:
    """(the page in the latest site, the latest Versions page), relative to an archived
    page at `path` inside its edition (en/story/x/index.html)."""
    here = posixpath.dirname(path)
    depth = len(editions.root("v").strip("/").split("/")) + (len(here.split("/")) if here else 0)
    up = "../" * depth
    # A 404 page has no counterpart: it leads to the latest home page of its language.
    target = LANGUAGES.root(lang) if path.endswith("404.html") else (here + "/" if here else "")
    return up + target, up + LANGUAGES.root(lang) + "versions/"


def freeze_page(html: str, path: str, version: str, date: str, root: Path = ROOT) -> str:
    """One archived page: the banner after the article's opening tag, noindex in the head."""
    lang_match = HTML_LANG.search(html)
    if not lang_match or not ARTICLE.search(html) or "</head>" not in html:
        raise EditionError(f"{path}: not a page of the theme (no <html lang>, <article> or </head>)")
    lang = lang_match.group(1)
    latest, versions = latest_link(path, lang)
    banner = templates.render(
        "chaiqiang/editions/banner.html",
        root,
        lang=lang,
        version=version,
        date=date,
        latest=latest,
        versions=versions,
    )
    html = ARTICLE.sub(lambda m: m.group(0) + banner, html, count=1)
    return html.replace("</head>", NOINDEX + "</head>", 1)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def freeze(
    site: Path, offline_zip: Path | None, *, version: str, date: str, commit: str, epoch: int, address: str
) -> tuple[dict[str, bytes], Manifest]:
    """The edition's files {path: bytes}, manifest.json included, from a built site."""
    files: dict[str, bytes] = {}
    for path in sorted(site.rglob("*")):
        rel = path.relative_to(site).as_posix()
        if not path.is_file() or rel in DROPPED:
            continue
        data = path.read_bytes()
        if rel.endswith(".html"):
            data = freeze_page(data.decode("utf-8"), rel, version, date).encode("utf-8")
        files[rel] = data
    if offline_zip is not None:
        files[f"{DOWNLOADS}/{offline_zip.name}"] = offline_zip.read_bytes()
    downloads = []
    for rel in sorted(files):
        name = posixpath.basename(rel)
        if rel.endswith(".pdf"):
            lang = next((code for code in LANGUAGES.codes if name == f"chaiqiang-{code}.pdf"), None)
            downloads.append(Download(rel, "pdf", lang, len(files[rel]), sha256(files[rel])))
        elif rel.endswith("-offline.zip"):
            downloads.append(Download(rel, "offline", None, len(files[rel]), sha256(files[rel])))
    built = dt.datetime.fromtimestamp(epoch, dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    manifest = Manifest(
        version=version,
        date=date,
        commit=commit,
        built=built,
        address=address,
        downloads=tuple(downloads),
        files={rel: sha256(data) for rel, data in files.items()},
    )
    raw = manifest.to_json()
    files[MANIFEST] = raw
    return files, editions.parse_manifest(raw, MANIFEST)


# --- building a commit ------------------------------------------------------------------------


def build_commit(
    root: Path, commit: str, version: str, address: str, epoch: int, work: Path
) -> tuple[Path, Path]:
    """The site (with its PDFs) and the offline zip of `commit`, built in a worktree by its own dev.py."""
    tree = work / "tree"
    _git(root, "worktree", "add", "--detach", str(tree), commit)
    try:
        env = common.build_env()
        env.update(SITE_URL=address, SOURCE_DATE_EPOCH=str(epoch), **{editions.ENV: version})
        env.pop("PYTEST_ADDOPTS", None)
        for command in (["build"], ["pdf", "--no-build"], ["bundle"]):
            print(f"edition {version}: dev.py {' '.join(command)} at {commit[:12]}", flush=True)
            proc = subprocess.run([sys.executable, "dev.py", *command], cwd=tree, env=env)
            if proc.returncode != 0:
                raise EditionError(
                    f"`dev.py {' '.join(command)}` of {commit[:12]} failed (exit {proc.returncode})"
                )
        site = work / "site"
        shutil.copytree(tree / "site", site)
        zips = sorted((tree / "dist").glob("*-offline.zip"))
        if len(zips) != 1:
            raise EditionError(f"{commit[:12]}: `dev.py bundle` left {len(zips)} offline zips in dist/")
        offline = work / zips[0].name
        shutil.copy2(zips[0], offline)
        return site, offline
    finally:
        _git(root, "worktree", "remove", "--force", str(tree))


def make(root: Path, commit: str) -> Path:
    """editions/<version>/ of the version that `commit` carries; refuses an existing one."""
    sha = _git(root, "rev-parse", "--verify", f"{commit}^{{commit}}").strip()
    epoch = int(_git(root, "log", "-1", "--format=%ct", sha).strip())
    version, date = released(root, sha)
    folder = root / editions.DIR / version
    if folder.exists():
        raise EditionError(
            f"{folder.relative_to(root)} exists: an edition is made once and never changed "
            "(release a new version instead)"
        )
    meta = load_site_meta(root / "data" / "site.yaml", environ={})
    address = editions.base_url(meta.url, version)
    with tempfile.TemporaryDirectory(prefix=f"edition-{version}-") as tmp:
        site, offline = build_commit(root, sha, version, address, epoch, Path(tmp))
        files, manifest = freeze(
            site, offline, version=version, date=date, commit=sha, epoch=epoch, address=address
        )
    folder.mkdir(parents=True)
    (folder / MANIFEST).write_bytes(files[MANIFEST])
    common.deterministic_zip(files, folder / ARCHIVE, epoch)
    print(
        f"edition {version}: {len(files)} files, manifest SHA-256 {manifest.sha256}\n"
        f"  {folder.relative_to(root)}/{MANIFEST} and {ARCHIVE}: commit them"
    )
    return folder


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="dev.py edition", description=__doc__.split("\n\n")[0])
    parser.add_argument("--commit", default="HEAD", help="the commit that carried the version (default HEAD)")
    args = parser.parse_args(argv)
    try:
        if args.commit == "HEAD" and _git(ROOT, "status", "--porcelain"):
            raise EditionError("the working tree has uncommitted changes: an edition is built from a commit")
        make(ROOT, args.commit)
    except EditionError as exc:
        print(f"dev.py edition: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
