"""What the data hooks cost: the real site's share of a build, and synthetic timelines.

Used by `python3 dev.py bench --data`. Times the hook work itself, in-process:
loading and validating data/ once, expanding every page's data blocks and
glossary tooltips in both languages, writing the downloads; then the same load
and timeline rendering for generated timelines of 100, 1,000 and 10,000 events
(made in a temporary folder, never committed).
"""

from __future__ import annotations

import shutil
import statistics
import tempfile
import time
from pathlib import Path

import yaml
from chaiqiang import urls
from chaiqiang.data import load_dataset, yamlio
from chaiqiang.downloads import write_downloads
from chaiqiang.languages import LANGUAGES
from chaiqiang.markdown.glossary_abbr import abbreviation_block
from chaiqiang.render.directives import expand

from tools.common import ROOT

LANGS = LANGUAGES.codes


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


def synthetic_data_dir(base: Path, events: int) -> Path:
    """A copy of data/ whose timeline has `events` generated events."""
    out = Path(tempfile.mkdtemp(prefix=f"bench-data-{events}-"))
    for f in base.glob("*.yaml"):
        shutil.copy2(f, out / f.name)
    timeline = yamlio.parse((base / "timeline.yaml").read_text(encoding="utf-8")).data
    template = timeline["events"]
    phases = {p["id"]: p for p in timeline["phases"]}
    generated = []
    for i in range(events):
        model = dict(template[i % len(template)])
        phase = phases[model["phase"]]
        year = int(phase["start"]) + (i // len(template)) % (int(phase["end"]) - int(phase["start"]) + 1)
        month, day = 1 + i % 12, 1 + i % 28
        model.update(
            id=f"evt-synthetic-{i:05d}",
            date=f"{year:04d}-{month:02d}-{day:02d}",
            precision="day",
            title={
                code: f"合成事件第{i}則" if code == LANGUAGES.default.code else f"Synthetic event {i}"
                for code in LANGS
            },
        )
        model.pop("date_note", None)
        generated.append(model)
    timeline["events"] = generated
    (out / "timeline.yaml").write_text(yaml.safe_dump(timeline, allow_unicode=True), encoding="utf-8")
    return out


def report(build_median: float, runs: int = 5) -> None:
    out = Path(tempfile.mkdtemp(prefix="bench-downloads-"))
    real = _median(lambda: hook_work(ROOT / "data", ROOT / "docs", out), runs)
    print(
        f"data hooks on the real site (load + validate once, blocks and tooltips in both languages, "
        f"downloads): median {real * 1000:.0f} ms = {100 * real / build_median:.1f}% of the clean build"
    )
    for n in (100, 1_000, 10_000):
        data_dir = synthetic_data_dir(ROOT / "data", n)
        load = _median(lambda d=data_dir: load_dataset(d), 3)
        dataset = load_dataset(data_dir)
        render = _median(
            lambda ds=dataset: [
                expand("::: timeline\n", lang=lang, dataset=ds, page="timeline.md", url="timeline/")
                for lang in LANGS
            ],
            3,
        )
        print(
            f"synthetic timeline, {n:>6,} events: load + validate {load * 1000:8.0f} ms, "
            f"render both languages {render * 1000:8.0f} ms, per event {(load + render) / n * 1e6:6.0f} µs"
        )
        shutil.rmtree(data_dir, ignore_errors=True)
