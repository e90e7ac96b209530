"""An outside link checker: LinkChecker (PyPI `linkchecker`, pinned in requirements.lock)
crawls the site as a reader's browser would reach it.

    python -m tools.checks.links site/          # served on 127.0.0.1 (tools.browser.serve), over HTTP
    python -m tools.checks.links --file DIR/    # the unzipped offline bundle, from file://

Every page reached from the start is fetched and parsed, every link and resource
in it is checked, and every #fragment too (its AnchorCheck plugin). Links to other
sites are not fetched (checkextern=0: the checks run without a network); pages
under a `nofollow` prefix (the archived editions, built once and never changed)
are checked but not crawled. Returns each problem as data: LinkChecker's errors
and warnings, with the URL, the page that links it and the message. Exit 1 on any.

LinkChecker drops root's privileges to `nobody` before it reads anything, and
`nobody` may not read the checkout or pytest's temporary folders (mode 0700): CI
runs as root. So its own command line runs here without that step (RUNNER).
"""

from __future__ import annotations

import argparse
import csv
import io
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from tools.browser import serve

# LinkChecker's command line (linkcheck.command.linkchecker), minus its drop to `nobody`.
RUNNER = (
    "import sys\n"
    "import linkcheck.command.linkchecker as cli\n"
    "cli.drop_privileges = lambda: None\n"
    "sys.argv = ['linkchecker', *sys.argv[1:]]\n"
    "cli.linkchecker()\n"
)

CONFIG = """\
[checking]
# Two cores; the server is local, so no pause between requests.
threads=4
maxrequestspersecond=1000
timeout=30
robotstxt=0
# The timeline and the figures are long pages: parse them whole for their anchors.
maxfilesizeparse=20971520
[filtering]
checkextern=0
{nofollow}
[output]
status=0
[csv]
separator=;
[AnchorCheck]
"""


@dataclass(frozen=True, order=True)
class Problem:
    kind: str  # error | warning
    url: str  # as written in the page
    parent: str  # the page that links it ("" for the start)
    line: str
    message: str

    def __str__(self) -> str:
        where = f" (in {self.parent}, line {self.line})" if self.parent else ""
        return f"{self.kind}: {self.url}{where}: {self.message}"


@dataclass(frozen=True)
class Report:
    problems: tuple[Problem, ...]
    checked: tuple[str, ...]  # every URL LinkChecker checked (resolved), in its order
    returncode: int
    output: str

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.kind == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.kind == "warning"]


def config_text(nofollow: Iterable[str] = ()) -> str:
    patterns = list(nofollow)
    lines = "nofollow=\n" + "".join(f"  {p}\n" for p in patterns) if patterns else ""
    return CONFIG.format(nofollow=lines.rstrip("\n"))


def _parse(out: str) -> tuple[list[Problem], list[str]]:
    rows = [line for line in out.splitlines() if line and not line.startswith("#")]
    problems = []
    checked = []
    for row in csv.DictReader(io.StringIO("\n".join(rows)), delimiter=";"):
        checked.append(row["url"])
        if row.get("valid", "").strip().lower() not in ("true", "1"):
            problems.append(
                Problem("error", row["urlname"], row["parentname"], row["line"], row["result"].strip())
            )
        for warning in filter(None, (row.get("warningstring") or "").split("\n")):
            problems.append(
                Problem("warning", row["urlname"], row["parentname"], row["line"], warning.strip())
            )
    return sorted(problems), checked


def run(start: str, nofollow: Iterable[str] = ()) -> Report:
    """LinkChecker from `start` (an http: or file: URL); every problem it reports."""
    with tempfile.TemporaryDirectory(prefix="chaiqiang-links-") as tmp:
        rc = Path(tmp) / "linkcheckerrc"
        rc.write_text(config_text(nofollow), encoding="utf-8")
        proc = subprocess.run(
            [sys.executable, "-c", RUNNER, "-f", str(rc), "--no-status", "--verbose", "-o", "csv", start],
            capture_output=True,
            text=True,
            check=False,
        )
    problems, checked = _parse(proc.stdout)
    if proc.returncode not in (0, 1) or (proc.returncode == 1 and not problems) or not checked:
        raise RuntimeError(
            f"LinkChecker failed (exit {proc.returncode}) on {start}:\n{(proc.stderr or proc.stdout)[-3000:]}"
        )
    return Report(tuple(problems), tuple(checked), proc.returncode, proc.stdout + proc.stderr)


def check_served(site_dir: Path, nofollow: Iterable[str] = ()) -> Report:
    """`site_dir` served at http://127.0.0.1:<port>/ (as a host serves it), crawled from its root.
    `nofollow`: path prefixes (e.g. "editions/") whose pages are checked but not crawled."""
    # The header tells LinkChecker that this host takes requests as fast as it sends
    # them (linkcheck.checker.httpurl: "maxrated"); else it waits 0.1-0.6 s before each.
    with serve(site_dir, headers={"LinkChecker": "maxrated"}) as base_url:
        return run(base_url, [f"^{base_url}{p}" for p in nofollow])


def check_files(root: Path, start: str = "index.html") -> Report:
    """The pages under `root` read from file://, crawled from `start`."""
    return run((root / start).resolve().as_uri())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--file", action="store_true", help="read it from file:// (the offline bundle)")
    parser.add_argument("--nofollow", action="append", default=[], help="a path prefix not to crawl")
    args = parser.parse_args(argv)
    report = check_files(args.folder) if args.file else check_served(args.folder, args.nofollow)
    for problem in report.problems:
        print(problem)
    print(
        f"{len(report.errors)} error(s), {len(report.warnings)} warning(s) in {args.folder}",
        file=sys.stderr,
    )
    return 1 if report.problems else 0


if __name__ == "__main__":
    sys.exit(main())
