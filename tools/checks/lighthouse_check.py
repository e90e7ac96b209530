"""Lighthouse (12.2.3, mobile preset) on the key pages of both languages, against thresholds.

    python3 dev.py lighthouse [--site site/] [--runs 3] [--page story/the-deal/]

Builds nothing: checks the built site in site/ (python3 dev.py build first).
Installs Lighthouse from tools/checks/lighthouse/package-lock.json with `npm ci` the
first time and whenever the lock changes (node_modules/ is not committed), then
serves the site on 127.0.0.1 gzip-compressed, as a host would, and runs
Lighthouse with CHROME_PATH set to Debian's chromium. Performance is noisy on a
busy machine, so each page runs `--runs` times and the median performance score
counts (Lighthouse's own advice); the other categories must be 100 in every run.

Prints a table of scores per page and exits 1 under the thresholds. The JSON
reports go to dist/lighthouse/.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from chaiqiang import urls
from chaiqiang.errors import ChaiqiangError
from chaiqiang.languages import LANGUAGES

from tools import common
from tools.browser import CHROMIUM, CHROMIUM_ARGS, serve
from tools.common import ROOT

LH_DIR = ROOT / "tools" / "checks" / "lighthouse"
LH_CLI = LH_DIR / "node_modules" / "lighthouse" / "cli" / "index.js"
OUT_DIR = ROOT / "dist" / "lighthouse"

# The pages the issues name: home, a story section, the timeline, the figures, in every
# language; and that story section's bilingual view (chaiqiang.bilingual), held to the same
# thresholds (its heavier page, both texts, scores 100 idle and with a core busy since
# Material's tooltips are mounted when first needed: chaiqiang.material_patch).
STORY = "story/the-deal.md"
PAGES = (
    *(
        urls.page_url(page, lang)
        for lang in LANGUAGES.codes
        for page in ("index.md", STORY, "timeline.md", "figures.md")
    ),
    urls.bilingual_path(urls.page_url(STORY, LANGUAGES.default.code)),
)
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
THRESHOLDS = {"performance": 0.98, "accessibility": 1.0, "best-practices": 1.0, "seo": 1.0}


class LighthouseError(ChaiqiangError, RuntimeError):
    pass


def ensure_lighthouse() -> None:
    """`npm ci` in tools/checks/lighthouse/ unless node_modules matches package-lock.json."""
    try:
        common.npm_ci(LH_DIR, "Lighthouse (Node.js 18-20)", ignore_scripts=False, tool="lighthouse_check")
    except common.NpmError as exc:
        raise LighthouseError(str(exc)) from None


@dataclass
class PageScores:
    page: str
    runs: list[dict[str, float]]

    def score(self, category: str) -> float:
        values = [run[category] for run in self.runs]
        # Performance: the median run. The rest: the worst run.
        return statistics.median(values) if category == "performance" else min(values)

    def failures(self) -> list[str]:
        return [
            f"{self.page or '/'}: {c} {self.score(c) * 100:.0f} < {THRESHOLDS[c] * 100:.0f}"
            for c in CATEGORIES
            if self.score(c) < THRESHOLDS[c]
        ]


def run_lighthouse(url: str, out: Path) -> dict:
    """One Lighthouse run (mobile preset, simulated throttling); the report as a dict."""
    flags = " ".join(["--headless=new", *CHROMIUM_ARGS])
    cmd = [
        "node",
        str(LH_CLI),
        url,
        "--output=json",
        f"--output-path={out}",
        "--quiet",
        f"--chrome-flags={flags}",
        f"--only-categories={','.join(CATEGORIES)}",
    ]
    proc = subprocess.run(
        cmd, env=dict(os.environ, CHROME_PATH=str(CHROMIUM)), capture_output=True, text=True
    )
    if proc.returncode != 0 or not out.is_file():
        raise LighthouseError(f"lighthouse failed on {url} (exit {proc.returncode}):\n{proc.stderr[-2000:]}")
    report = json.loads(out.read_text(encoding="utf-8"))
    if report.get("runtimeError"):
        raise LighthouseError(f"lighthouse on {url}: {report['runtimeError']}")
    return report


def scores_of(report: dict) -> dict[str, float]:
    return {c: float(report["categories"][c]["score"] or 0) for c in CATEGORIES}


def shortfalls(report: dict) -> list[str]:
    """The audits that cost points, for the message when a page fails."""
    out = []
    for category in CATEGORIES:
        for ref in report["categories"][category]["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref.get("weight") and audit.get("score") is not None and audit["score"] < 1:
                out.append(
                    f"{category}: {ref['id']} {audit['score']} {audit.get('displayValue', '')}".rstrip()
                )
    return out


def check(site: Path, pages: tuple[str, ...] = PAGES, runs: int = 1) -> tuple[list[PageScores], list[str]]:
    ensure_lighthouse()
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    results: list[PageScores] = []
    notes: list[str] = []
    with serve(site, compress=True) as base_url:
        for page in pages:
            page_runs = []
            for n in range(runs):
                name = (page.strip("/").replace("/", "_") or "home") + f".{n + 1}.json"
                report = run_lighthouse(base_url + page, OUT_DIR / name)
                page_runs.append(scores_of(report))
                notes += [f"{page or '/'} run {n + 1}: {s}" for s in shortfalls(report)]
            results.append(PageScores(page, page_runs))
    return results, notes


def table(results: list[PageScores]) -> str:
    width = max(len("page"), *(len(r.page or "/") for r in results))
    lines = [f"{'page':{width}s} " + " ".join(f"{c:>15s}" for c in CATEGORIES)]
    for r in results:
        cells = []
        for c in CATEGORIES:
            each = "/".join(f"{run[c] * 100:.0f}" for run in r.runs)
            cells.append(
                f"{r.score(c) * 100:5.0f} ({each})" if len(r.runs) > 1 else f"{r.score(c) * 100:15.0f}"
            )
        lines.append(f"{r.page or '/':{width}s} " + " ".join(f"{cell:>15s}" for cell in cells))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", default=ROOT / "site", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--page", action="append", help="a page URL relative to the site root")
    args = parser.parse_args(argv)
    if not (args.site / "index.html").is_file():
        print(f"no built site in {args.site}: python3 dev.py build first", file=sys.stderr)
        return 2
    if not CHROMIUM.is_file():
        print(f"Debian's chromium is missing ({CHROMIUM}): apt-get install chromium", file=sys.stderr)
        return 2
    try:
        results, notes = check(args.site, tuple(args.page) if args.page else PAGES, args.runs)
    except LighthouseError as exc:
        print(exc, file=sys.stderr)
        return 2
    print(f"Lighthouse 12.2.3, mobile preset, median of {args.runs} run(s) for performance:")
    print(table(results))
    failures = [f for r in results for f in r.failures()]
    if failures:
        print("\nunder the thresholds:", *failures, sep="\n  ")
        print("\nwhat cost points:", *notes, sep="\n  ")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
