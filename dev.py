#!/usr/bin/env python3
"""The project's two entry points, runnable with nothing but Python 3.11+.

    python3 dev.py serve   # preview with live reload at http://127.0.0.1:8000/
    python3 dev.py build   # static build into site/
    python3 dev.py test    # the whole test suite
    python3 dev.py bench   # build-time and page-weight benchmark

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


def run(*args: str) -> int:
    env = dict(
        os.environ,
        PYTHONPATH=os.pathsep.join([str(ROOT / "hooks"), str(ROOT)]),
        NO_MKDOCS_2_WARNING="1",
    )
    return subprocess.call([str(BIN / "python"), *args], cwd=ROOT, env=env)


COMMANDS = {
    "serve": lambda extra: run("-m", "mkdocs", "serve", "--strict", *extra),
    "build": lambda extra: run("-m", "mkdocs", "build", "--strict", "--clean", *extra),
    "test": lambda extra: run("-m", "pytest", *extra),
    "bench": lambda extra: run("-m", "tools.benchmark", *extra),
}


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in COMMANDS:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    ensure_venv()
    return COMMANDS[argv[0]](argv[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
