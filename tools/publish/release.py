"""One release: every file of one version in dist/chaiqiang-<version>/, with SHA256SUMS.

    python3 dev.py release

Refuses to run when the working tree has uncommitted changes (a release is built
from a commit, so that anyone can rebuild it and compare) or when the version in
data/site.yaml has no changelog entry. Then, with SOURCE_DATE_EPOCH set to the
commit's time:

  1. `python3 dev.py build`: the static site into site/;
  2. `python3 dev.py pdf`, then `python3 dev.py bundle`, each if dev.py has it (the
     two PDF editions, the offline zip): what they write into dist/ is collected,
     named with the version;
  3. site/ as chaiqiang-<version>-site.zip, the folder any static host serves;
  4. CHANGES.md: the version's changelog entry in both languages, and the commit;
  5. SHA256SUMS over all of them (check with `sha256sum -c SHA256SUMS`).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from chaiqiang.data import DataError
from chaiqiang.errors import ChaiqiangError
from chaiqiang.languages import LANGUAGES
from chaiqiang.site_meta import load_site_meta

from tools import common
from tools.common import ROOT

PROJECT = "chaiqiang"
SUMS = "SHA256SUMS"
# The other commands whose files belong in a release, in the order they run
# (the PDF step copies the editions into site/, which the bundle may pack).
ARTIFACT_COMMANDS = {"pdf": "the PDF editions", "bundle": "the offline zip"}
# Checksum files that the commands write beside their files; SHA256SUMS replaces them.
SIDECARS = (".sha256", ".sha256sum", SUMS)


class ReleaseError(ChaiqiangError):
    pass


@dataclass(frozen=True)
class Commit:
    sha: str
    epoch: int


def _git(root: Path, *args: str) -> str:
    try:
        proc = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=False)
    except OSError as exc:
        raise ReleaseError(f"git is needed to release (a release is built from a commit): {exc}") from None
    if proc.returncode != 0:
        raise ReleaseError(f"git {' '.join(args)} failed in {root}: {proc.stderr.strip()}")
    return proc.stdout


def check_clean(root: Path) -> Commit:
    """The commit to release; refuses when the working tree differs from it."""
    changes = _git(root, "status", "--porcelain", "--untracked-files=normal").splitlines()
    if changes:
        listed = "\n".join(f"  {line}" for line in changes[:20])
        more = f"\n  … and {len(changes) - 20} more" if len(changes) > 20 else ""
        raise ReleaseError(
            "the working tree has uncommitted changes; a release is built from a commit, "
            f"so commit them first:\n{listed}{more}"
        )
    sha, epoch = _git(root, "log", "-1", "--format=%H %ct").split()
    return Commit(sha=sha, epoch=int(epoch))


def changelog_entry(meta, site_yaml: Path):
    """The changelog entry of the current version (data/site.yaml)."""
    for entry in meta.changelog:
        if entry.version == meta.version:
            return entry
    raise ReleaseError(
        f"{site_yaml}: version {meta.version} has no entry in 'changelog'; add one (what changed, "
        "in both languages) before releasing it"
    )


def versioned_name(name: str, version: str) -> str:
    """chaiqiang-en.pdf -> chaiqiang-<version>-en.pdf; a name with the version stays."""
    if version in name:
        return name
    return f"{PROJECT}-{version}-{name.removeprefix(PROJECT + '-')}"


def deterministic_zip(src: Path, dest: Path, top: str, epoch: int) -> Path:
    """Zip `src` into `dest` under the folder `top` (tools.common.deterministic_zip:
    the same folder always gives the same bytes)."""
    return common.deterministic_zip(common.folder_entries(src, prefix=f"{top}/"), dest, epoch)


def sha256sums(folder: Path) -> Path:
    """SHA256SUMS in the format of `sha256sum`, for every other file in `folder`."""
    files = sorted(p for p in folder.iterdir() if p.is_file() and p.name != SUMS)
    return common.write_sha256sums(files, folder / SUMS)


def changes_text(entry, commit: Commit, languages: Iterable[str]) -> str:
    lines = [
        f"# {PROJECT} {entry.version} ({entry.date})",
        "",
        f"Commit: {commit.sha}",
        f"Rebuild it byte for byte from that commit with SOURCE_DATE_EPOCH={commit.epoch}.",
        "",
    ]
    for lang in languages:
        lines += [f"## {lang}", ""]
        lines += [f"- {item}" for item in entry.changes[lang]]
        lines += [f"- {item}" for item in entry.corrections[lang]]
        lines.append("")
    return "\n".join(lines)


def _snapshot(dist: Path, skip: Path) -> dict[Path, tuple[int, int]]:
    if not dist.is_dir():
        return {}
    return {
        p: (p.stat().st_size, p.stat().st_mtime_ns)
        for p in dist.rglob("*")
        if p.is_file() and skip not in p.parents
    }


def release(
    root: Path,
    available: Iterable[str],
    run_command: Callable[[str, dict[str, str]], int],
    environ: dict[str, str] | None = None,
) -> tuple[Path, list[str]]:
    """Build the release of the current commit. Returns its folder and what was left out."""
    environ = dict(os.environ if environ is None else environ)
    commit = check_clean(root)
    site_yaml = root / "data" / "site.yaml"
    try:
        meta = load_site_meta(site_yaml, environ=environ)
    except DataError as exc:
        raise ReleaseError(str(exc)) from None
    entry = changelog_entry(meta, site_yaml)

    dist = root / "dist"
    out = dist / f"{PROJECT}-{meta.version}"
    if out.exists():
        shutil.rmtree(out)
    env = {**environ, "SOURCE_DATE_EPOCH": str(commit.epoch)}

    def step(name: str) -> None:
        print(f"release: python3 dev.py {name}", flush=True)
        status = run_command(name, env)
        if status != 0:
            raise ReleaseError(f"`python3 dev.py {name}` failed (exit {status}); nothing was released")

    step("build")
    produced: dict[Path, str] = {}
    missing: list[str] = []
    for name, what in ARTIFACT_COMMANDS.items():
        if name not in available:
            missing.append(f"{what} (dev.py has no `{name}` command)")
            continue
        before = _snapshot(dist, out)
        step(name)
        new = [p for p, stat in _snapshot(dist, out).items() if before.get(p) != stat]
        new = [p for p in new if not p.name.endswith(SIDECARS)]
        if not new:
            raise ReleaseError(f"`python3 dev.py {name}` wrote nothing into {dist}; expected {what}")
        for path in sorted(new):
            produced[path] = name

    out.mkdir(parents=True)
    for path in sorted(produced):
        target = out / versioned_name(path.name, meta.version)
        if target.exists():
            raise ReleaseError(
                f"two files would be released as {target.name}: check the `{produced[path]}` step"
            )
        shutil.copyfile(path, target)
    top = f"{PROJECT}-{meta.version}-site"
    deterministic_zip(root / "site", out / f"{top}.zip", top, commit.epoch)
    (out / "CHANGES.md").write_text(changes_text(entry, commit, LANGUAGES.codes), encoding="utf-8")
    sha256sums(out)
    return out, missing


def _run_dev_command(name: str, env: dict[str, str]) -> int:
    return subprocess.call([sys.executable, str(ROOT / "dev.py"), name], cwd=ROOT, env=env)


def main(argv: list[str] | None = None) -> int:
    import dev

    try:
        out, missing = release(ROOT, dev.COMMANDS, _run_dev_command)
    except ReleaseError as exc:
        print(f"release: {exc}", file=sys.stderr)
        return 1
    print(f"release: {out.relative_to(ROOT)}/")
    for line in (out / SUMS).read_text(encoding="utf-8").splitlines():
        name = line.split("  ", 1)[1]
        print(f"  {name}  ({(out / name).stat().st_size:,} bytes)")
    for what in missing:
        print(f"release: not included: {what}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
