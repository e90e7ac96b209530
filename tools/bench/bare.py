"""Our build against bare Material: the same Markdown, built by stock Material.

    python3 dev.py bench --bare

The bare build is the project's mkdocs.yml without hooks, overrides, extra CSS and
scripts and our Markdown extension (chaiqiang.markdown.cjk_abbr), with jieba not
importable, over a copy of docs/ (its data-block lines stay text). The two are
built alternately, pair after pair, and the ratio of their medians is printed:
with warm caches (the build's .cache/ as an editor's machine has it; target at most
1.5x) and with empty ones (a fresh clone: every run its own empty
CHAIQIANG_CACHE_DIR; target at most 2.5x).
"""

from __future__ import annotations

import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tools.bench.benchmark import SEARCH_CACHE, jieba_blocker, timed_build
from tools.common import ROOT, build_env

# Top-level keys of mkdocs.yml that are ours, not Material's.
OURS = ("hooks", "extra_css", "extra_javascript")


def bare_config(text: str) -> str:
    """mkdocs.yml as stock Material: our keys, the theme's custom_dir and our extension gone."""
    lines, skipping = [], False
    for line in text.splitlines():
        top = re.match(r"^([a-z_]+):", line)
        if top:
            skipping = top.group(1) in OURS
        if skipping or re.match(r"^\s+custom_dir:", line) or "chaiqiang.markdown" in line:
            continue
        lines.append(line)
    return "\n".join(lines).replace("strict: true", "strict: false") + "\n"


def bare_project(work: Path) -> Path:
    project = work / "bare"
    project.mkdir(parents=True)
    shutil.copytree(ROOT / "docs", project / "docs")
    (project / "mkdocs.yml").write_text(
        bare_config((ROOT / "mkdocs.yml").read_text(encoding="utf-8")), encoding="utf-8"
    )
    return project


def _timed(project: Path, site: Path, env: dict[str, str] | None = None, pythonpath: tuple[str, ...] = ()):
    environ = dict(os.environ, **(env or {}))
    if pythonpath:
        environ["PYTHONPATH"] = os.pathsep.join(pythonpath)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    # Not --strict: the bare build cannot resolve the anchors our data blocks make.
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--clean", "--quiet", "--site-dir", str(site)],
        cwd=project,
        env=build_env(environ),
        capture_output=True,
        text=True,
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        sys.stderr.write(proc.stdout + proc.stderr)
        raise SystemExit(f"bench: the bare build failed (exit {proc.returncode})")
    return wall, (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)


def measure(runs: int = 5) -> dict[str, list[tuple[float, float]]]:
    work = Path(tempfile.mkdtemp(prefix="bench-bare-"))
    try:
        bare = bare_project(work)
        blocker = (str(jieba_blocker(work / "blocker")),)
        site = work / "site"
        timed_build(site)  # warm our caches and the file system
        _timed(bare, work / "bare-site", pythonpath=blocker)
        times: dict[str, list[tuple[float, float]]] = {
            "ours, warm caches": [],
            "bare Material": [],
            "ours, empty caches": [],
        }
        for run in range(runs):
            times["ours, warm caches"].append(timed_build(site))
            times["bare Material"].append(_timed(bare, work / "bare-site", pythonpath=blocker))
            times["ours, empty caches"].append(timed_build(site, {SEARCH_CACHE: str(work / f"cache-{run}")}))
        return times
    finally:
        shutil.rmtree(work, ignore_errors=True)


def report(runs: int = 5) -> None:
    times = measure(runs)
    wall = {name: statistics.median(t[0] for t in values) for name, values in times.items()}
    cpu = {name: statistics.median(t[1] for t in values) for name, values in times.items()}
    print(f"against bare Material ({runs} alternated runs each; median wall, median CPU):")
    for name in times:
        print(f"  {name:<22} {wall[name]:.2f} s, CPU {cpu[name]:.2f} s")
    for name, target in (("ours, warm caches", 1.5), ("ours, empty caches", 2.5)):
        ratio = wall[name] / wall["bare Material"]
        verdict = "meets" if ratio <= target else "misses"
        print(
            f"  {name}: {ratio:.2f}x bare (CPU {cpu[name] / cpu['bare Material']:.2f}x); "
            f"{verdict} the {target}x target"
        )


if __name__ == "__main__":
    report()
