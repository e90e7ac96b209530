#!/usr/bin/env python3
"""The project's two entry points, runnable with nothing but Python 3.11+.

    python3 dev.py serve   # preview with live reload at http://127.0.0.1:8000/
    python3 dev.py build   # static build into site/
    python3 dev.py test    # the whole test suite
    python3 dev.py bench   # build-time and page-weight benchmark
    python3 dev.py release # the versioned release files in dist/ (clean tree, changelog entry)
    python3 dev.py bundle  # the offline zip (works from file://) and its .sha256 in dist/
    python3 dev.py pdf     # build, then the PDF edition of each language into dist/ (and site/)
    python3 dev.py screenshots  # key pages at 390/1280 px, light/dark, into screenshots/
    python3 dev.py lighthouse   # Lighthouse scores of the key pages against the thresholds

Each command first makes `.venv/` and installs `requirements.lock` into it
(hash-checked), and does so again only when the lock file changes.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
LOCK = ROOT / "requirements.lock"
STAMP = VENV / ".lock-sha256"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")

if sys.version_info < (3, 11):  # noqa: UP036 (dev.py runs under any python3 to say this)
    sys.exit(f"dev.py: Python 3.11 or newer is needed, this is {sys.version.split()[0]}")


def ensure_venv() -> None:
    wanted = hashlib.sha256(LOCK.read_bytes()).hexdigest()
    if STAMP.exists() and STAMP.read_text().strip() == wanted:
        return
    if not (BIN / "python").exists():
        print("dev.py: creating .venv/", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    print("dev.py: installing requirements.lock into .venv/", flush=True)
    pip = [str(BIN / "python"), "-m", "pip", "--disable-pip-version-check"]
    subprocess.run([*pip, "install", "--quiet", "--require-hashes", "-r", str(LOCK)], check=True)
    STAMP.write_text(wanted + "\n")


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


def run(*args: str) -> int:
    env = dict(
        os.environ,
        PYTHONPATH=os.pathsep.join([str(ROOT / "hooks"), str(ROOT)]),
        NO_MKDOCS_2_WARNING="1",
    )
    # Reproducible builds: the build date (sitemap, sitemap.xml.gz) is the last
    # commit's, not the clock's. Without git or a commit it stays unset and
    # MkDocs uses the current time; an explicit SOURCE_DATE_EPOCH wins.
    if "SOURCE_DATE_EPOCH" not in env and (epoch := source_date_epoch()):
        env["SOURCE_DATE_EPOCH"] = epoch
    return subprocess.call([str(BIN / "python"), *args], cwd=ROOT, env=env)


COMMANDS = {
    "serve": lambda extra: run("-m", "mkdocs", "serve", "--strict", *extra),
    "build": lambda extra: run("-m", "mkdocs", "build", "--strict", "--clean", *extra),
    "test": lambda extra: run("-m", "pytest", *extra),
    "bench": lambda extra: run("-m", "tools.bench.benchmark", *extra),
    "release": lambda extra: run("-m", "tools.publish.release", *extra),
    "bundle": lambda extra: run("-m", "tools.publish.bundle", *extra),
    "pdf": lambda extra: run("-m", "tools.publish.pdf_edition", *extra),
    "screenshots": lambda extra: run("-m", "tools.checks.screenshots", *extra),
    "lighthouse": lambda extra: run("-m", "tools.checks.lighthouse_check", *extra),
}


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in COMMANDS:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    ensure_venv()
    return COMMANDS[argv[0]](argv[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
