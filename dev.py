#!/usr/bin/env python3
"""The project's two entry points, runnable with nothing but Python 3.11+.

    python3 dev.py serve   # preview with live reload at http://127.0.0.1:8000/
    python3 dev.py build   # static build into site/
    python3 dev.py test    # the whole test suite
    python3 dev.py bench   # build-time and page-weight benchmark
    python3 dev.py release # the versioned release files in dist/ (clean tree, changelog entry)
    python3 dev.py edition # the archived edition of the current version, once, into editions/
    python3 dev.py assemble     # site/ and every archived edition, checked, into public/
    python3 dev.py bundle  # the offline zip (works from file://) and its .sha256 in dist/
    python3 dev.py pdf     # build, then the PDF edition of each language into dist/ (and site/)
    python3 dev.py screenshots  # key pages at 390/1280 px, light/dark, into screenshots/
    python3 dev.py lighthouse   # Lighthouse scores of the key pages against the thresholds

Each command first makes `.venv/`, installs `requirements.lock` into it
(hash-checked) and then the project itself, editable (`pip install -e .`: the
`chaiqiang` package in hooks/ and the `tools` package, declared in pyproject.toml),
and does so again only when the lock file or pyproject.toml changes.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv

from tools.common import ROOT, build_env, mkdocs_build_args, source_date_epoch

VENV = ROOT / ".venv"
LOCK = ROOT / "requirements.lock"
PYPROJECT = ROOT / "pyproject.toml"
STAMP = VENV / ".lock-sha256"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")

if sys.version_info < (3, 11):  # noqa: UP036 (dev.py runs under any python3 to say this)
    sys.exit(f"dev.py: Python 3.11 or newer is needed, this is {sys.version.split()[0]}")


def ensure_venv() -> None:
    wanted = hashlib.sha256(LOCK.read_bytes() + PYPROJECT.read_bytes()).hexdigest()
    if STAMP.exists() and STAMP.read_text().strip() == wanted:
        return
    if not (BIN / "python").exists():
        print("dev.py: creating .venv/", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    print("dev.py: installing requirements.lock and the project (editable) into .venv/", flush=True)
    pip = [str(BIN / "python"), "-m", "pip", "--disable-pip-version-check"]
    subprocess.run([*pip, "install", "--quiet", "--require-hashes", "-r", str(LOCK)], check=True)
    # The build backend (setuptools) comes from the lock: no download, no isolated build.
    subprocess.run(
        [*pip, "install", "--quiet", "--no-deps", "--no-build-isolation", "-e", str(ROOT)], check=True
    )
    STAMP.write_text(wanted + "\n")


def run(*args: str) -> int:
    env = build_env()
    # Reproducible builds: the build date (sitemap, sitemap.xml.gz) is the last
    # commit's, not the clock's. Without git or a commit it stays unset and
    # MkDocs uses the current time; an explicit SOURCE_DATE_EPOCH wins.
    if "SOURCE_DATE_EPOCH" not in env and (epoch := source_date_epoch()):
        env["SOURCE_DATE_EPOCH"] = epoch
    return subprocess.call([str(BIN / "python"), *args], cwd=ROOT, env=env)


COMMANDS = {
    # MkDocs' server, polling more often and restarting on a hook's code change (tools/serve.py).
    "serve": lambda extra: run("-m", "tools.serve", "--strict", *extra),
    "build": lambda extra: run(*mkdocs_build_args(), *extra),
    "test": lambda extra: run("-m", "pytest", *extra),
    "bench": lambda extra: run("-m", "tools.bench.benchmark", *extra),
    "release": lambda extra: run("-m", "tools.publish.release", *extra),
    "bundle": lambda extra: run("-m", "tools.publish.bundle", *extra),
    "edition": lambda extra: run("-m", "tools.publish.edition", *extra),
    "assemble": lambda extra: run("-m", "tools.publish.assemble", *extra),
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
