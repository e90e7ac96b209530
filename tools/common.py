"""What the tools share, each stated once: the repository's root, the last commit's
date, building the site, deterministic zips and their checksums, and `npm ci` when
a package-lock.json has changed.

Standard library only: dev.py imports it before .venv/ exists.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Iterable, Mapping
from pathlib import Path

# tools/common.py -> the repository root is one level up.
ROOT = Path(__file__).resolve().parents[1]
ZIP_EPOCH_MIN = 315532800  # 1980-01-01, the earliest date a zip entry can carry


# --- the commit's date ------------------------------------------------------------------


def source_date_epoch(repo: Path = ROOT) -> str | None:
    """The last commit's time (seconds since 1970), or None without git or a commit."""
    try:
        proc = subprocess.run(
            ["git", "log", "-1", "--format=%ct"], cwd=repo, capture_output=True, text=True, check=False
        )
    except OSError:
        return None
    epoch = proc.stdout.strip()
    return epoch if proc.returncode == 0 and epoch.isdigit() else None


# --- building the site ------------------------------------------------------------------


def build_env(environ: Mapping[str, str] | None = None) -> dict[str, str]:
    """The environment of a build: `environ` (default: this process's), MkDocs 2's notice off.
    The `chaiqiang` package comes from the editable install (dev.py), not from a path."""
    return dict(os.environ if environ is None else environ, NO_MKDOCS_2_WARNING="1")


def mkdocs_build_args(
    site_dir: Path | None = None, config: str | None = None, quiet: bool = False
) -> list[str]:
    """`-m mkdocs build … --strict --clean`, for a Python to run."""
    args = ["-m", "mkdocs", "build", *(["-f", config] if config else []), "--strict", "--clean"]
    if quiet:
        args.append("--quiet")
    if site_dir is not None:
        args += ["--site-dir", str(site_dir)]
    return args


def build_site(
    site_dir: Path,
    *,
    root: Path = ROOT,
    config: str | None = None,
    environ: Mapping[str, str] | None = None,
    quiet: bool = False,
    capture: bool = False,
) -> subprocess.CompletedProcess:
    """A clean, strict `mkdocs build` of the project in `root` into `site_dir`.
    With `capture`, the output is in the result (text) instead of on the terminal."""
    return subprocess.run(
        [sys.executable, *mkdocs_build_args(site_dir, config, quiet)],
        cwd=root,
        env=build_env(environ),
        capture_output=capture,
        text=capture,
    )


# --- deterministic zips and checksums ---------------------------------------------------


def zip_time(epoch: int) -> tuple[int, int, int, int, int, int]:
    when = dt.datetime.fromtimestamp(max(epoch, ZIP_EPOCH_MIN), dt.UTC)
    return (when.year, when.month, when.day, when.hour, when.minute, when.second)


def folder_entries(folder: Path, prefix: str = "") -> dict[str, bytes]:
    """{prefix + path inside folder: bytes} for every file under folder."""
    return {
        prefix + path.relative_to(folder).as_posix(): path.read_bytes()
        for path in folder.rglob("*")
        if path.is_file()
    }


def deterministic_zip(entries: Mapping[str, bytes], dest: Path, epoch: int) -> Path:
    """A zip of {name: bytes}: names in order, one timestamp, fixed permissions and
    system, so that the same entries always give the same bytes."""
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


def write_sha256sums(files: Iterable[Path], out: Path) -> Path:
    """`out` in the format of `sha256sum` (check with `sha256sum -c`), one line per file."""
    lines = [f"{hashlib.sha256(path.read_bytes()).hexdigest()}  {path.name}\n" for path in files]
    out.write_text("".join(lines), encoding="utf-8")
    return out


# --- npm --------------------------------------------------------------------------------


class NpmError(Exception):
    pass


def node_modules_current(folder: Path) -> bool:
    """Whether folder/node_modules/ holds exactly the packages of folder/package-lock.json
    (npm's own record of what it installed)."""
    installed = folder / "node_modules" / ".package-lock.json"
    try:
        lock = json.loads((folder / "package-lock.json").read_text(encoding="utf-8"))
        have = json.loads(installed.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    wanted = {k: v.get("integrity") for k, v in lock.get("packages", {}).items() if k}
    found = {k: v.get("integrity") for k, v in have.get("packages", {}).items() if k}
    return bool(wanted) and wanted == found


def npm_ci(folder: Path, what: str, *, ignore_scripts: bool = True, tool: str = "npm") -> bool:
    """`npm ci` in folder (the packages of its package-lock.json, `what` they are for)
    unless node_modules/ already matches the lock. Returns whether it ran."""
    if node_modules_current(folder):
        return False
    lock = folder / "package-lock.json"
    where = lock.relative_to(ROOT).as_posix() if lock.is_relative_to(ROOT) else str(lock)
    npm = shutil.which("npm")
    if npm is None:
        raise NpmError(
            f"npm is needed to install {what} ({where}): install Node.js and npm (apt-get install nodejs npm)"
        )
    print(f"{tool}: npm ci ({where})", flush=True)
    scripts = ["--ignore-scripts"] if ignore_scripts else []
    proc = subprocess.run([npm, "ci", *scripts, "--no-audit", "--no-fund", "--loglevel=error"], cwd=folder)
    if proc.returncode != 0:
        raise NpmError(f"`npm ci` ({where}) failed (exit {proc.returncode})")
    return True
