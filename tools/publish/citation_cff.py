"""Write CITATION.cff at the repository root from data/site.yaml.

    python -m tools.publish.citation_cff           # (re)write it
    python -m tools.publish.citation_cff --check   # exit 1 if it is out of date

The file names the URL in data/site.yaml, whatever SITE_URL says.
"""

from __future__ import annotations

import argparse
import sys

from chaiqiang.citations.cff import citation_cff
from chaiqiang.site_meta import load_site_meta

from tools.common import ROOT

TARGET = ROOT / "CITATION.cff"


def expected() -> str:
    return citation_cff(load_site_meta(ROOT / "data" / "site.yaml", environ={}))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check that the file is up to date")
    args = parser.parse_args(argv)
    text = expected()
    if args.check:
        current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
        if current != text:
            print(f"{TARGET.name} is out of date: run python -m tools.publish.citation_cff", file=sys.stderr)
            return 1
        return 0
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
