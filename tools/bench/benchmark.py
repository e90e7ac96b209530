"""Build-time and page-weight benchmark (a script, not a timed test).

    python3 dev.py bench [--runs 5] [--search] [--data] [--bare] [--serve]

Reports the median wall time of a clean `mkdocs build --strict` over several runs
and the size of the built site.

With --search it also times, in the same run and with the builds interleaved,
clean builds with the Chinese search pipeline (hooks/chaiqiang/search: the
Traditional dictionary, jieba's segmentation, one index per language) against
builds without it (Material's search as it comes, jieba not importable), plus
Material with jieba's own Simplified dictionary for comparison, and one build
with an empty dictionary cache (the first build on a machine).
"""

from __future__ import annotations

import argparse
import gzip
import os
import resource
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from tools.common import build_site


def clean_build(site_dir: Path, env: dict[str, str] | None = None, pythonpath: tuple[str, ...] = ()) -> float:
    return timed_build(site_dir, env, pythonpath)[0]


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed_build(
    site_dir: Path, env: dict[str, str] | None = None, pythonpath: tuple[str, ...] = ()
) -> tuple[float, float]:
    """A clean build's wall time and its CPU time (user + system), in seconds.
    `pythonpath`: folders put before everything else (the jieba blocker), not the project's."""
    env = dict(os.environ, **(env or {}))
    if pythonpath:
        env["PYTHONPATH"] = os.pathsep.join(pythonpath)
    cpu = _children_cpu()
    start = time.perf_counter()
    proc = build_site(site_dir, environ=env, quiet=True, capture=True)
    elapsed = time.perf_counter() - start
    cpu = _children_cpu() - cpu
    if proc.returncode != 0:
        sys.stderr.write(proc.stdout + proc.stderr)
        raise SystemExit(f"benchmark: the build failed (exit {proc.returncode})")
    return elapsed, cpu


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


# The Chinese search pipeline's switch (chaiqiang.search.SWITCH) and cache (chaiqiang.search.cache_dir).
SEARCH_SWITCH = "CHAIQIANG_SEARCH_PIPELINE"
SEARCH_CACHE = "CHAIQIANG_CACHE_DIR"  # chaiqiang.caches.ENV: every cache of the build


def search_modes(blocker: Path) -> dict[str, tuple[dict[str, str], tuple[str, ...]]]:
    """name: (environment, extra PYTHONPATH) for each way of building search."""
    return {
        "with the Chinese search pipeline": ({}, ()),
        "without it (Material's search, no jieba)": ({SEARCH_SWITCH: "off"}, (str(blocker),)),
        "Material + jieba's Simplified dictionary": ({SEARCH_SWITCH: "off"}, ()),
    }


def jieba_blocker(directory: Path) -> Path:
    """A directory whose `jieba` package fails to import, as if jieba were not installed."""
    (directory / "jieba").mkdir(parents=True, exist_ok=True)
    (directory / "jieba" / "__init__.py").write_text(
        'raise ImportError("jieba is blocked by tools/bench/benchmark.py")\n', encoding="utf-8"
    )
    return directory


def search_benchmark(runs: int) -> dict[str, list[tuple[float, float]]]:
    """Clean-build (wall, CPU) times per search mode, the modes interleaved run by run."""
    work = Path(tempfile.mkdtemp(prefix="bench-search-"))
    try:
        modes = search_modes(jieba_blocker(work / "blocker"))
        site_dir = work / "site"
        clean_build(site_dir)  # warm the dictionary cache and the file system
        times: dict[str, list[tuple[float, float]]] = {name: [] for name in modes}
        for _ in range(runs):
            for name, (env, pythonpath) in modes.items():
                times[name].append(timed_build(site_dir, env, pythonpath))
        times["with the pipeline, empty dictionary cache"] = [
            timed_build(site_dir, {SEARCH_CACHE: str(work / f"cache-{i}")}) for i in range(max(1, runs // 3))
        ]
        return times
    finally:
        shutil.rmtree(work, ignore_errors=True)


def report_search(runs: int) -> None:
    """Wall time, and CPU time, which other work on the machine disturbs far less."""
    times = search_benchmark(runs)
    wall = {name: statistics.median(t[0] for t in values) for name, values in times.items()}
    cpu = {name: statistics.median(t[1] for t in values) for name, values in times.items()}
    print(f"search: clean builds, interleaved, {runs} runs each; median wall (min-max), median CPU:")
    for name, values in times.items():
        low, high = min(t[0] for t in values), max(t[0] for t in values)
        print(f"  {name:<44} {wall[name]:.2f} s ({low:.2f}-{high:.2f}), CPU {cpu[name]:.2f} s")
    with_it, without_it = list(times)[:2]
    print(
        f"  the Chinese search pipeline adds {wall[with_it] - wall[without_it]:+.2f} s wall, "
        f"{cpu[with_it] - cpu[without_it]:+.2f} s CPU to a clean build (median against median)"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--search", action="store_true", help="also time builds with and without the Chinese search pipeline"
    )
    parser.add_argument(
        "--data",
        action="store_true",
        help="also time the data hooks, and synthetic timelines of 100 to 100,000 events",
    )
    parser.add_argument(
        "--bare",
        action="store_true",
        help="also compare clean builds with bare Material's (warm and empty caches)",
    )
    parser.add_argument(
        "--serve",
        action="store_true",
        help="also time edit to preview: a page saved until mkdocs serve serves it",
    )
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
    if args.search:
        report_search(args.runs)
    if args.data:
        from tools.bench import data as bench_data

        bench_data.report(med)
    if args.bare:
        from tools.bench import bare

        bare.report(args.runs)
    if args.serve:
        from tools.bench import serve

        serve.report(args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
