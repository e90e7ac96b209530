"""Page weight: what a first visit to each page transfers, compressed, against a budget.

    python -m tools.checks.pageweight [site/]

Debian's Chromium opens every built page with an empty cache and records every
file it asks for. The search index is not among them: it is requested when the
reader opens the search (docs/assets/javascripts/search.js), not on load. Each file is counted as a host serves it: gzip (level 6)
for text types, as is for the rest; headers are not counted. The sizes are
computed from the files, so the report is the same on every machine; only the
list of files comes from the browser.

Prints a table per page and exits 1 if a page is over its budget.
tests/browser/test_page_weight.py asserts the same.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from chaiqiang import urls

from tools.browser import COMPRESSIBLE, chromium, gzipped, serve

# Budgets in kB (1000 bytes) transferred, compressed, by a first visit.
# About 100-120 kB today: Material's CSS and JS with ours (~90 kB) and the page
# (~10-30 kB). The search index (55-75 kB) comes only when a reader searches.
BUDGET_KB = 140
# Pages that carry more than text (the path relative to the site's root).
PAGE_BUDGETS_KB: dict[str, int] = {
    "timeline/index.html": 160,
    "en/timeline/index.html": 160,
    "figures/index.html": 160,
    "en/figures/index.html": 160,
}
# A bilingual view (chaiqiang.bilingual) carries its page's text in two languages.
BILINGUAL_BUDGET_KB = 160
KINDS = ("html", "css", "js", "search", "image", "other")


def budget_kb(page: str) -> int:
    if urls.page_of_bilingual(page):
        return BILINGUAL_BUDGET_KB
    return PAGE_BUDGETS_KB.get(page, BUDGET_KB)


def transfer_size(path: Path) -> int:
    data = path.read_bytes()
    return len(gzipped(data)) if path.suffix in COMPRESSIBLE else len(data)


def kind_of(rel: str) -> str:
    suffix = Path(rel).suffix
    if rel.endswith("search_index.json"):
        return "search"
    if suffix == ".html":
        return "html"
    if suffix == ".css":
        return "css"
    if suffix == ".js":
        return "js"
    if suffix in {".svg", ".png", ".jpg", ".jpeg", ".webp", ".gif", ".ico"}:
        return "image"
    return "other"


@dataclass
class Weight:
    page: str
    files: list[str] = field(default_factory=list)
    by_kind: Counter = field(default_factory=Counter)
    raw: int = 0
    missing: list[str] = field(default_factory=list)  # requests that match no file

    @property
    def total(self) -> int:
        return sum(self.by_kind.values())

    @property
    def budget(self) -> int:
        return budget_kb(self.page) * 1000

    @property
    def over(self) -> bool:
        return self.total > self.budget


def site_file(site_dir: Path, base_url: str, url: str) -> str | None:
    """The file a request URL maps to, relative to the site root, or None if it is not the site's."""
    if not url.startswith(base_url):
        return None
    rel = unquote(urlsplit(url).path)[len(urlsplit(base_url).path) :]
    if rel == "" or rel.endswith("/"):
        rel += "index.html"
    return rel


def measure(browser, base_url: str, site_dir: Path, pages: list[str]) -> list[Weight]:
    weights = []
    for page in pages:
        context = browser.new_context(viewport={"width": 390, "height": 844})
        try:
            tab = context.new_page()
            urls: list[str] = []
            tab.on("request", lambda request, urls=urls: urls.append(request.url))
            tab.goto(base_url + page, wait_until="networkidle")
            tab.wait_for_timeout(300)  # the search worker's index request
        finally:
            context.close()
        weight = Weight(page)
        for url in dict.fromkeys(urls):  # each file once: the cache serves repeats
            if url.startswith(("data:", "blob:")):
                continue
            rel = site_file(site_dir, base_url, url)
            path = site_dir / rel if rel else None
            if path is None or not path.is_file():
                weight.missing.append(url)
                continue
            weight.files.append(rel)
            weight.by_kind[kind_of(rel)] += transfer_size(path)
            weight.raw += path.stat().st_size
        weights.append(weight)
    return weights


def report(weights: list[Weight]) -> str:
    head = f"{'page':40s} {'files':>5s} " + " ".join(f"{k:>7s}" for k in KINDS)
    head += f" {'total':>8s} {'budget':>7s} {'raw':>8s}"
    lines = [
        "kB transferred (gzip -6 for text), first visit, per page:",
        head,
    ]
    for w in weights:
        cols = " ".join(f"{w.by_kind.get(k, 0) / 1000:7.1f}" for k in KINDS)
        flag = "  OVER BUDGET" if w.over else ""
        lines.append(
            f"{w.page:40s} {len(w.files):5d} {cols} {w.total / 1000:8.1f} {w.budget / 1000:7.0f}"
            f" {w.raw / 1000:8.1f}{flag}"
        )
    for w in weights:
        for url in w.missing:
            lines.append(f"{w.page}: requested {url}, which is no file of the site")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    from tools.checks.a11y import built_pages

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", default="site", type=Path)
    args = parser.parse_args(argv)
    pages = built_pages(args.site)
    if not pages:
        print(f"no HTML pages in {args.site}: build first (python3 dev.py build)", file=sys.stderr)
        return 2
    with serve(args.site, compress=True) as base_url, chromium() as browser:
        weights = measure(browser, base_url, args.site, pages)
    print(report(weights))
    return 1 if any(w.over or w.missing for w in weights) else 0


if __name__ == "__main__":
    sys.exit(main())
