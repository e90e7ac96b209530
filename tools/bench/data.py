"""What the data hooks cost: the real site's share of a build, and synthetic timelines.

Used by `python3 dev.py bench --data`; `.venv/bin/python -m tools.bench.data` prints the
synthetic timelines alone (no build). Times the hook work itself, in-process: loading and
validating data/ once, expanding every page's data blocks and glossary tooltips in both
languages, writing the downloads; then, for generated timelines of 100, 1,000, 10,000 and
100,000 events (made in a temporary folder, never committed), loading and validating the
data and rendering the whole timeline in both languages.

Each size is measured in a fresh Python process, so that one size's memory is not another's:
the memory figure is how far that process's resident memory rose above where it was before
the runs (after the imports and a warm-up on the real data): Linux's peak (VmHWM, counted
anew from there), else `ru_maxrss`; a file large enough to be read in two pieces at once
(chaiqiang.data.yamlio) adds the peak of the fork that reads the second (pages shared with
the process included). Times are the median of the runs, each from a cold start (the
caches a build fills emptied): wall clock, and in brackets the CPU time of the process and
its forks, which other work on the machine disturbs far less.
"""

from __future__ import annotations

import argparse
import copy
import gc
import json
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

import yaml
from chaiqiang import urls
from chaiqiang.data import dates, load_dataset, yamlio
from chaiqiang.downloads import write_downloads
from chaiqiang.languages import LANGUAGES
from chaiqiang.markdown.glossary_abbr import abbreviation_block
from chaiqiang.render import links
from chaiqiang.render.directives import expand

from tools.common import ROOT

LANGS = LANGUAGES.codes
# Events: runs (the median is reported). The largest size runs once.
SIZES = {100: 5, 1_000: 5, 10_000: 3, 100_000: 1}
# The targets: load + validate + render both languages, wall clock.
TARGETS = {10_000: 1.0, 100_000: 10.0}


def _median(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def hook_work(data_dir: Path, docs_dir: Path, out_dir: Path) -> None:
    """Everything the data hooks do in one build of both languages."""
    dataset = load_dataset(data_dir)
    for lang in LANGS:
        for md in sorted((docs_dir / lang).rglob("*.md")):
            rel = md.relative_to(docs_dir / lang).as_posix()
            url = urls.page_url(rel, lang)
            text = expand(md.read_text(encoding="utf-8"), lang=lang, dataset=dataset, page=rel, url=url)
            text += abbreviation_block(dataset.glossary_entries(lang))
    write_downloads(dataset, out_dir)


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """YAML as an editor writes data/timeline.yaml: no anchors or aliases (every event
    spelled out), lists of ids in brackets, the keys in the data's order."""

    def ignore_aliases(self, data):
        return True


def _represent_list(dumper: yaml.SafeDumper, data: list) -> yaml.Node:
    flow = all(isinstance(item, (str, int, float, bool)) for item in data)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=flow)


_Dumper.add_representer(list, _represent_list)


def _dump(data) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)


# In each real event written once as YAML, what a generated event puts in (its id's number,
# its title's number, its date).
_ID, _NUMBER, _DATE = "@ID@", "@N@", "@DATE@"


def synthetic_data_dir(base: Path, events: int) -> Path:
    """A copy of data/ whose timeline has `events` generated events, each a copy of one
    of the real events with its own id, title and day. Each real event is written as
    YAML once, with marks where the number and the day go, and copied from that text."""
    out = Path(tempfile.mkdtemp(prefix=f"bench-data-{events}-"))
    for f in base.glob("*.yaml"):
        shutil.copy2(f, out / f.name)
    timeline = yamlio.parse((base / "timeline.yaml").read_text(encoding="utf-8")).data
    template = timeline.pop("events")
    phases = {p["id"]: p for p in timeline["phases"]}
    models = []
    for model in template:
        model = copy.deepcopy(model)
        model.update(
            id=f"evt-synthetic-{_ID}",
            date=_DATE,
            precision="day",
            title={
                code: f"合成事件第{_NUMBER}則"
                if code == LANGUAGES.default.code
                else f"Synthetic event {_NUMBER}"
                for code in LANGS
            },
        )
        model.pop("date_note", None)
        models.append(_dump([model]))
    with (out / "timeline.yaml").open("w", encoding="utf-8") as f:
        f.write(_dump(timeline) + "events:\n")
        for i in range(events):
            model = template[i % len(template)]
            phase = phases[model["phase"]]
            start, end = int(phase["start"]), int(phase["end"])
            year = start + (i // len(template)) % (end - start + 1)
            date = f"{year:04d}-{1 + i % 12:02d}-{1 + i % 28:02d}"
            text = models[i % len(template)].replace(_ID, f"{i:06d}").replace(_NUMBER, str(i))
            f.write(text.replace(f"'{_DATE}'", f"'{date}'"))
    # The game model names real events (its replay, its presets): point them at generated ones.
    position = {model["id"]: k for k, model in enumerate(template)}
    games = out / "games.yaml"
    games.write_text(
        re.sub(
            r"\bevt-[a-z0-9-]+",
            lambda m: f"evt-synthetic-{position[m.group(0)] % events:06d}" if m.group(0) in position else m.group(0),
            games.read_text(encoding="utf-8"),
        ),
        encoding="utf-8",
    )
    return out


def _render_both(dataset) -> None:
    for lang in LANGS:
        expand(
            "::: timeline\n",
            lang=lang,
            dataset=dataset,
            page=f"docs/{lang}/timeline.md",
            url=urls.page_url("timeline.md", lang),
        )


def _status_kb(field: str) -> int | None:
    """A figure of /proc/self/status (Linux), in kB."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


def _peak_rss_reset() -> bool:
    """Start counting the peak of resident memory anew (Linux: /proc/self/clear_refs)."""
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as f:
            f.write("5")
        return _status_kb("VmHWM") is not None
    except OSError:
        return False


def measure(data_dir: Path, runs: int) -> dict[str, float]:
    """Load + validate, then render the whole timeline in both languages, `runs` times
    (run in a process of its own). Memory: the peak of resident memory during the runs
    minus the resident memory before (VmHWM after clear_refs; where /proc has neither,
    ru_maxrss, which counts from the process's start and so may show less)."""
    _render_both(load_dataset(ROOT / "data"))  # warm-up: templates compiled, caches filled
    gc.collect()
    exact = _peak_rss_reset()
    rss_before = _status_kb("VmRSS") if exact else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    load, render, cpu = [], [], []
    for _ in range(runs):
        _cold()
        cpu_start = _cpu()
        start = time.perf_counter()
        dataset = load_dataset(data_dir)
        loaded = time.perf_counter()
        _render_both(dataset)
        load.append(loaded - start)
        render.append(time.perf_counter() - loaded)
        cpu.append(_cpu() - cpu_start)
        del dataset
    peak = _status_kb("VmHWM") if exact else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    total = [a + b for a, b in zip(load, render, strict=True)]
    return {
        "load": statistics.median(load),
        "render": statistics.median(render),
        "total": statistics.median(total),
        "cpu": statistics.median(cpu),
        "rss_growth": (peak - rss_before) * 1024,  # both in kB (Linux)
        "rss_measure": "VmHWM" if exact else "ru_maxrss",
        # A large file's second half is read by a fork (chaiqiang.data.yamlio): its peak,
        # the pages it shares with this process included (0: no fork).
        "fork_rss": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024,
    }


def _cpu() -> float:
    """CPU time of this process and of its forks that have ended."""
    own, forks = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + forks.ru_utime + forks.ru_stime


def _cold() -> None:
    """Each run as one build's: what a build works out once (dates, relative links) anew."""
    for cached in (dates.parse, getattr(links, "_relative_path", None)):
        getattr(cached, "cache_clear", lambda: None)()


def measure_in_child(data_dir: Path, runs: int) -> dict[str, float]:
    proc = subprocess.run(
        [sys.executable, "-m", "tools.bench.data", "--measure", str(data_dir), "--runs", str(runs)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    if proc.returncode != 0:
        sys.stderr.write(proc.stdout + proc.stderr)
        raise SystemExit(f"benchmark: measuring {data_dir} failed (exit {proc.returncode})")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _load() -> str:
    return "load average " + ", ".join(f"{x:.2f}" for x in os.getloadavg())


def report_synthetic(sizes: dict[int, int] = SIZES) -> list[dict[str, float]]:
    print(
        f"synthetic timelines ({_load()}); each size in a fresh process, median of its runs, "
        "wall time [CPU time, forks included]:"
    )
    rows = []
    for n, runs in sizes.items():
        data_dir = synthetic_data_dir(ROOT / "data", n)
        try:
            row = measure_in_child(data_dir, runs)
        finally:
            shutil.rmtree(data_dir, ignore_errors=True)
        row["events"] = n
        rows.append(row)
        print(
            f"  {n:>7,} events ({runs} run{'s' if runs > 1 else ''}): "
            f"load + validate {row['load']:7.3f} s, render both languages {row['render']:7.3f} s, "
            f"total {row['total']:7.3f} s [{row['cpu']:7.3f} s], "
            f"per event {row['total'] / n * 1e6:5.0f} µs, "
            f"peak memory +{row['rss_growth'] / 2**20:6.1f} MiB ({row['rss_measure']} growth)"
            + (f", the reading fork's {row['fork_rss'] / 2**20:.0f} MiB" if row.get("fork_rss") else ""),
            flush=True,
        )
    for row in rows:
        limit = TARGETS.get(int(row["events"]))
        if limit is not None:
            verdict = "met" if row["total"] <= limit else "NOT met"
            print(
                f"  target: {int(row['events']):,} events in at most {limit:g} s: {verdict} ({row['total']:.2f} s)"
            )
    print(f"  ({_load()})")
    return rows


def report(build_median: float, runs: int = 5) -> None:
    out = Path(tempfile.mkdtemp(prefix="bench-downloads-"))
    real = _median(lambda: hook_work(ROOT / "data", ROOT / "docs", out), runs)
    shutil.rmtree(out, ignore_errors=True)
    print(
        f"data hooks on the real site (load + validate once, blocks and tooltips in both languages, "
        f"downloads): median {real * 1000:.0f} ms = {100 * real / build_median:.1f}% of the clean build"
    )
    report_synthetic()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="the synthetic timelines of the data benchmark")
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)  # one size, in a child process
    parser.add_argument("--runs", type=int, default=1, help=argparse.SUPPRESS)
    parser.add_argument(
        "--sizes", type=lambda s: [int(n) for n in s.split(",")], help="event counts, e.g. 100,1000"
    )
    args = parser.parse_args(argv)
    if args.measure:
        print(json.dumps(measure(args.measure, args.runs)))
        return 0
    report_synthetic({n: SIZES.get(n, 3) for n in args.sizes} if args.sizes else SIZES)
    return 0


if __name__ == "__main__":
    sys.exit(main())
