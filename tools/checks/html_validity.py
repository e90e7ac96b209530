"""The W3C Nu HTML Checker (vnu-jar, pinned in package-lock.json) on built pages.

    python -m tools.checks.html_validity site/ [more folders or files]

Runs the checker on the system's Java (`java -jar node_modules/vnu-jar/build/dist/vnu.jar
--format json --skip-non-html …`) and returns its messages as data: `error`
(invalid HTML, or a file the checker could not read), `warning` and `info`, each
with the file, line, column and the checker's own words. `npm ci` installs the
jar on first use (tools.common.npm_ci). Prints one line per message and exits 1
on any error.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from tools import common
from tools.common import ROOT

VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


class CheckerMissing(RuntimeError):
    """Java or the checker's jar is not there."""


@dataclass(frozen=True, order=True)
class Message:
    kind: str  # error | warning | info
    file: str
    line: int
    column: int
    text: str
    extract: str = ""

    def __str__(self) -> str:
        return f"{self.kind}: {self.file}:{self.line}:{self.column}: {self.text}"


def java() -> str:
    found = shutil.which("java")
    if found is None:
        raise CheckerMissing("Java is not installed (apt-get install default-jre-headless)")
    return found


def vnu_jar(install: bool = True) -> Path:
    """The checker's jar, installed with `npm ci` (package-lock.json) when missing and `install`."""
    if not VNU_JAR.is_file() and install:
        try:
            common.npm_ci(ROOT, "the W3C Nu HTML Checker (vnu-jar)", tool="html_validity")
        except common.NpmError as exc:
            raise CheckerMissing(str(exc)) from None
    if not VNU_JAR.is_file():
        raise CheckerMissing(f"the Nu checker is not installed ({VNU_JAR} is missing): npm ci")
    return VNU_JAR


def _kind(message: dict) -> str:
    if message.get("type") == "info":
        return "warning" if message.get("subType") == "warning" else "info"
    return "error"  # "error", and "non-document-error" (a file it could not read or parse)


def _file(url: str, base: Path | None) -> str:
    path = Path(unquote(urlsplit(url).path)) if url.startswith("file:") else Path(url)
    if base is not None and path.is_relative_to(base):
        return path.relative_to(base).as_posix()
    return path.as_posix()


def check(paths: Path | Iterable[Path], base: Path | None = None) -> list[Message]:
    """Every message of the checker on the HTML files under `paths` (folders or files),
    with file names relative to `base` (default: the one folder given)."""
    paths = [paths] if isinstance(paths, Path) else list(paths)
    if base is None and len(paths) == 1 and paths[0].is_dir():
        base = paths[0].resolve()
    command = [java(), "-jar", str(vnu_jar()), "--format", "json", "--skip-non-html", "--exit-zero-always"]
    proc = subprocess.run([*command, *map(str, paths)], capture_output=True, text=True, check=False)
    try:
        report = json.loads(proc.stderr or proc.stdout)
    except ValueError:
        raise RuntimeError(
            f"the Nu checker gave no report (exit {proc.returncode}): {(proc.stderr or proc.stdout)[-2000:]}"
        ) from None
    messages = [
        Message(
            _kind(m),
            _file(m.get("url", ""), base),
            int(m.get("lastLine", m.get("firstLine", 0)) or 0),
            int(m.get("firstColumn", m.get("lastColumn", 0)) or 0),
            m.get("message", ""),
            m.get("extract", ""),
        )
        for m in report.get("messages", [])
    ]
    return sorted(messages)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", type=Path)
    args = parser.parse_args(argv)
    try:
        messages = check(args.paths)
    except CheckerMissing as exc:
        print(f"html_validity: {exc}", file=sys.stderr)
        return 2
    for m in messages:
        print(m)
    counts = {kind: sum(m.kind == kind for m in messages) for kind in ("error", "warning", "info")}
    print(", ".join(f"{n} {kind}(s)" for kind, n in counts.items()), file=sys.stderr)
    return 1 if counts["error"] else 0


if __name__ == "__main__":
    sys.exit(main())
