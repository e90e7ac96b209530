"""The site as deployed: the latest build at the root and every archived edition
under editions/<version>/, each checked byte for byte against its manifest.

    python3 dev.py assemble                      # site/ + editions/ -> public/
    python3 dev.py assemble --require-current    # and the current version must have its edition (deploy)

For each editions/<version>/ of the repository: its manifest.json is read and
checked, and every file of its edition.zip must have the SHA-256 the manifest
records, no file missing and none added; the zip's own copy of the manifest
must be the manifest. Append-only: when the output already holds an edition
(a previous assembly, or a deployed copy), every one of its bytes must be the
same, or the assembly stops naming the file that differs; and with
`--published URL` (the deploy), each edition the live site already serves must
have the same manifest.json, byte for byte. Then the security
headers (`_headers`) are computed again over every page, latest and archived,
so that the Content-Security-Policy covers the editions' own inline scripts.
Nothing here needs the network or the dependencies of an old edition.
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import sys
import urllib.error
import urllib.request
import zipfile
from pathlib import Path

from chaiqiang import editions, http_headers, known_scripts
from chaiqiang.editions import ARCHIVE, MANIFEST, EditionError, Manifest
from chaiqiang.site_meta import load_site_meta

from tools.common import ROOT


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def edition_files(root: Path, manifest: Manifest) -> dict[str, bytes]:
    """The files of one edition from its archive, each checked against the manifest."""
    folder = root / editions.DIR / manifest.version
    where = (folder / ARCHIVE).relative_to(root).as_posix()
    recorded = (folder / MANIFEST).relative_to(root).as_posix()
    try:
        with zipfile.ZipFile(folder / ARCHIVE) as archive:
            files = {info.filename: archive.read(info) for info in archive.infolist() if not info.is_dir()}
    except (OSError, zipfile.BadZipFile) as exc:
        raise EditionError(f"{where}: cannot be read as a zip: {exc}") from None
    for path, digest in sorted(manifest.files.items()):
        if path not in files:
            raise EditionError(f"{where}: {path} is missing (it is recorded in {recorded})")
        found = _sha256(files[path])
        if found != digest:
            raise EditionError(
                f"{where}: {path} differs from the edition as recorded in {recorded} "
                f"(SHA-256 {found}, recorded {digest}): an archived file never changes"
            )
    extra = sorted(set(files) - set(manifest.files) - {MANIFEST})
    if extra:
        raise EditionError(f"{where}: {extra[0]} is not in {recorded}: nothing is added to an edition")
    if _sha256(files.get(MANIFEST, b"")) != manifest.sha256:
        raise EditionError(f"{where}: its {MANIFEST} is not {recorded}")
    return files


def _place(out: Path, version: str, files: dict[str, bytes]) -> None:
    """Write an edition under out/editions/<version>/; an edition already there must be the same."""
    target = out / editions.root(version)
    if target.exists():
        present = {p.relative_to(target).as_posix() for p in target.rglob("*") if p.is_file()}
        for path in sorted(present | set(files)):
            here = target / path
            if path not in files or not here.is_file() or here.read_bytes() != files[path]:
                where = (Path(editions.root(version)) / path).as_posix()
                raise EditionError(
                    f"{out}/{where}: differs from the edition {version} already published there; "
                    "an edition is never changed"
                )
        return
    for path, data in files.items():
        dest = target / path
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_bytes(data)


def check_published(recorded: tuple[Manifest, ...], published: str) -> list[str]:
    """Compare each edition's manifest with the one the live site serves; returns the
    versions not yet published. An edition that is published must be the same bytes."""
    new = []
    for manifest in recorded:
        url = editions.base_url(published, manifest.version) + MANIFEST
        try:
            with urllib.request.urlopen(url, timeout=30) as response:
                live = response.read()
        except urllib.error.HTTPError as exc:
            if exc.code == 404:
                new.append(manifest.version)
                continue
            raise EditionError(f"{url}: {exc}") from None
        except (OSError, urllib.error.URLError) as exc:
            raise EditionError(
                f"{url}: cannot be read ({exc}); the published editions must be compared"
            ) from None
        if _sha256(live) != manifest.sha256:
            raise EditionError(
                f"{editions.root(manifest.version)}{MANIFEST} differs from the one published at {url}: "
                "an edition is never changed"
            )
    return new


def assemble(site: Path, out: Path, root: Path = ROOT, require_current: bool = False) -> tuple[Manifest, ...]:
    """site/ (the latest build) and every edition into `out`. Returns the editions."""
    if not (site / "index.html").is_file():
        raise EditionError(f"{site} holds no built site: run `python3 dev.py build` first")
    if (site / editions.DIR).exists():
        raise EditionError(f"{site}/{editions.DIR}/ exists: the latest build must not hold editions")
    recorded = editions.read_all(root)
    if require_current:
        version = load_site_meta(root / "data" / "site.yaml", environ={}).version
        if version not in {m.version for m in recorded}:
            raise EditionError(
                f"version {version} (data/site.yaml) has no archived edition in {editions.DIR}/: "
                "the latest site cites it, so make it first (`python3 dev.py edition`)"
            )
    checked = [(m, edition_files(root, m)) for m in recorded]
    out.mkdir(parents=True, exist_ok=True)
    # The latest site replaces the previous one; editions already in `out` stay and are compared.
    for child in out.iterdir():
        if child.name != editions.DIR:
            shutil.rmtree(child) if child.is_dir() else child.unlink()
    for path in site.iterdir():
        dest = out / path.name
        shutil.copytree(path, dest) if path.is_dir() else shutil.copy2(path, dest)
    for manifest, files in checked:
        _place(out, manifest.version, files)
    http_headers.write_headers(out, known_scripts.site_templates(root), root / "data")
    return tuple(m for m, _ in checked)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="dev.py assemble", description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="the latest build (default site/)")
    parser.add_argument(
        "--out", type=Path, default=ROOT / "public", help="where to assemble (default public/)"
    )
    parser.add_argument(
        "--require-current", action="store_true", help="fail unless the current version has its edition"
    )
    parser.add_argument(
        "--published",
        metavar="URL",
        help="the live site: each edition it already serves must have the same manifest (deploy)",
    )
    args = parser.parse_args(argv)
    try:
        if args.published:
            new = check_published(editions.read_all(ROOT), args.published)
            print(f"dev.py assemble: published editions compared; new: {', '.join(new) or 'none'}")
        found = assemble(args.site, args.out, require_current=args.require_current)
    except EditionError as exc:
        print(f"dev.py assemble: {exc}", file=sys.stderr)
        return 1
    listed = ", ".join(m.version for m in found) or "none"
    print(f"dev.py assemble: {args.out}: the latest site and the editions {listed}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
