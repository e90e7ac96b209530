"""axe-core over every built page, at a phone's and a desktop's width, in the light
and the dark palette, in Debian's Chromium.

    python -m tools.checks.a11y [site/] [--width 390 --width 1280] [--scheme light --scheme dark]

Prints each violation (rule, page, elements) and exits 1 if there is any. The
axe-core script comes from the PyPI package axe-playwright-python (locked in
requirements.lock); nothing is fetched. tests/browser/test_accessibility.py runs
the same check on the session's build.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from tools.browser import chromium, serve

WIDTHS = (390, 1280)
SCHEMES = ("light", "dark")
# Material's palette names for the two schemes (mkdocs.yml).
MATERIAL_SCHEME = {"light": "default", "dark": "slate"}


@dataclass(frozen=True)
class Violation:
    page: str
    width: int
    scheme: str
    rule: str
    impact: str
    help: str
    targets: tuple[str, ...]
    summary: str

    def __str__(self) -> str:
        where = ", ".join(self.targets[:5]) + (" …" if len(self.targets) > 5 else "")
        return (
            f"{self.rule} ({self.impact}) on {self.page} at {self.width}px, {self.scheme}: {self.help}\n"
            f"    elements: {where}\n    {self.summary}"
        )


def built_pages(site_dir: Path) -> list[str]:
    """Every HTML page of the built site, both languages, relative to its root."""
    return sorted(p.relative_to(site_dir).as_posix() for p in Path(site_dir).rglob("*.html"))


def check(
    browser, base_url: str, pages: Iterable[str], width: int, scheme: str
) -> tuple[list[Violation], list[str]]:
    """(violations, problems): problems are pages that did not load or did not
    take the palette asked for (so a test cannot pass by checking the wrong thing)."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    violations: list[Violation] = []
    problems: list[str] = []
    context = browser.new_context(viewport={"width": width, "height": 800}, color_scheme=scheme)
    try:
        tab = context.new_page()
        for rel in pages:
            response = tab.goto(base_url + rel, wait_until="load")
            if response is None or (response.status >= 400 and not rel.endswith("404.html")):
                problems.append(f"{rel}: HTTP {response.status if response else 'no response'}")
                continue
            got = tab.evaluate("document.body.getAttribute('data-md-color-scheme')")
            if got != MATERIAL_SCHEME[scheme]:
                problems.append(f"{rel}: palette {got!r} at prefers-color-scheme {scheme}")
            for v in axe.run(tab).response["violations"]:
                nodes = v.get("nodes", [])
                violations.append(
                    Violation(
                        page=rel,
                        width=width,
                        scheme=scheme,
                        rule=v["id"],
                        impact=str(v.get("impact")),
                        help=v.get("help", ""),
                        targets=tuple(" ".join(map(str, n.get("target", []))) for n in nodes),
                        summary=" ".join((nodes[0].get("failureSummary") or "").split())[:300]
                        if nodes
                        else "",
                    )
                )
    finally:
        context.close()
    return violations, problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", default="site", type=Path)
    parser.add_argument("--width", type=int, action="append")
    parser.add_argument("--scheme", choices=SCHEMES, action="append")
    args = parser.parse_args(argv)
    pages = built_pages(args.site)
    if not pages:
        print(f"no HTML pages in {args.site}: build first (python3 dev.py build)", file=sys.stderr)
        return 2
    found: list[Violation] = []
    problems: list[str] = []
    with serve(args.site) as base_url, chromium() as browser:
        for width in args.width or WIDTHS:
            for scheme in args.scheme or SCHEMES:
                v, p = check(browser, base_url, pages, width, scheme)
                found += v
                problems += p
                print(f"{width}px {scheme}: {len(pages)} pages, {len(v)} violation(s)", flush=True)
    for item in found:
        print(item)
    for problem in problems:
        print("problem:", problem)
    return 1 if found or problems else 0


if __name__ == "__main__":
    sys.exit(main())
