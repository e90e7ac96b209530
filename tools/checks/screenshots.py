"""Screenshots of the key pages, phone and desktop, light and dark, into screenshots/.

    python3 dev.py screenshots [--site site/] [--out screenshots/] [--full-page]

Builds nothing: uses the built site in site/ (python3 dev.py build first), served
on 127.0.0.1, in Debian's headless Chromium. Lets anyone look at the site without
serving it. File names: <language>-<page>-<width>-<light|dark>.png.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from chaiqiang.languages import LANGUAGES

from tools.browser import BrowserMissing, chromium, serve
from tools.common import ROOT

# page name -> URL path under the language's root
PAGES = {
    "home": "",
    "story": "story/the-deal/",
    "timeline": "timeline/",
    "figures": "figures/",
    "sources": "sources/",
    "cite": "cite/",
}
VIEWPORTS = {390: 844, 1280: 800}
SCHEMES = ("light", "dark")


def take(site: Path, out: Path, full_page: bool = False) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    with serve(site) as base_url, chromium() as browser:
        for width, height in VIEWPORTS.items():
            for scheme in SCHEMES:
                context = browser.new_context(
                    viewport={"width": width, "height": height}, color_scheme=scheme, device_scale_factor=1
                )
                tab = context.new_page()
                for lang, root in ((lang.code, lang.root) for lang in LANGUAGES):
                    for name, path in PAGES.items():
                        tab.goto(base_url + root + path, wait_until="networkidle")
                        target = out / f"{lang}-{name}-{width}-{scheme}.png"
                        tab.screenshot(path=str(target), full_page=full_page)
                        written.append(target)
                context.close()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", default=ROOT / "site", type=Path)
    parser.add_argument("--out", default=ROOT / "screenshots", type=Path)
    parser.add_argument("--full-page", action="store_true", help="the whole page, not the first screen")
    args = parser.parse_args(argv)
    if not (args.site / "index.html").is_file():
        print(f"no built site in {args.site}: python3 dev.py build first", file=sys.stderr)
        return 2
    try:
        written = take(args.site, args.out, args.full_page)
    except BrowserMissing as exc:
        print(exc, file=sys.stderr)
        return 2
    print(f"{len(written)} screenshots in {args.out}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
