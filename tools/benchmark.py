"""Build-time and page-weight benchmark (a script, not a timed test).

    python3 dev.py bench [--runs 5]

Reports the median wall time of a clean `mkdocs build --strict` over several runs
and the size of the built site.
"""

from __future__ import annotations

import argparse
import gzip
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def clean_build(site_dir: Path, env: dict[str, str] | None = None) -> float:
    env = dict(os.environ, **(env or {}))
    env.setdefault("NO_MKDOCS_2_WARNING", "1")
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "hooks"), str(ROOT)])
    start = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "--clean",
            "--quiet",
            "--site-dir",
            str(site_dir),
        ],
        cwd=ROOT,
        env=env,
        check=True,
    )
    return time.perf_counter() - start


def median_build(runs: int, env: dict[str, str] | None = None) -> tuple[float, list[float], Path]:
    site_dir = Path(tempfile.mkdtemp(prefix="bench-site-"))
    times = [clean_build(site_dir, env) for _ in range(runs)]
    return statistics.median(times), times, site_dir


def site_size(site_dir: Path) -> dict[str, int]:
    files = [p for p in site_dir.rglob("*") if p.is_file()]
    pages = [p for p in files if p.suffix == ".html"]
    return {
        "files": len(files),
        "bytes": sum(p.stat().st_size for p in files),
        "html_pages": len(pages),
        "html_bytes": sum(p.stat().st_size for p in pages),
        "html_gzip_bytes": sum(len(gzip.compress(p.read_bytes(), 9)) for p in pages),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    med, times, site_dir = median_build(args.runs)
    size = site_size(site_dir)
    print(
        f"clean build (mkdocs build --strict), {args.runs} runs: median {med:.2f} s "
        f"(min {min(times):.2f}, max {max(times):.2f})"
    )
    print(
        f"site: {size['files']} files, {size['bytes'] / 1e6:.2f} MB; "
        f"{size['html_pages']} HTML pages, {size['html_bytes'] / 1e3:.0f} kB "
        f"({size['html_gzip_bytes'] / 1e3:.0f} kB gzipped)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
