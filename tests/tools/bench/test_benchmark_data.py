"""The data benchmark's synthetic timelines are valid data written as an editor writes
it, and the measurement in a child process reports every figure."""

from __future__ import annotations

import shutil

import pytest
from chaiqiang.data import load_dataset

from tools.bench import data as bench_data
from tools.common import ROOT


@pytest.fixture
def synthetic():
    made = []

    def make(events: int):
        made.append(bench_data.synthetic_data_dir(ROOT / "data", events))
        return made[-1]

    yield make
    for path in made:
        shutil.rmtree(path, ignore_errors=True)


def test_a_synthetic_timeline_is_valid_and_has_that_many_events(synthetic):
    dataset = load_dataset(synthetic(45))
    assert len(dataset.events) == 45
    assert len({e.id for e in dataset.events}) == 45


def test_the_synthetic_yaml_spells_every_event_out(synthetic):
    text = (synthetic(30) / "timeline.yaml").read_text(encoding="utf-8")
    assert "&id" not in text and "*id" not in text  # no anchors or aliases


def test_a_measurement_reports_times_and_memory(synthetic):
    row = bench_data.measure_in_child(synthetic(20), runs=1)
    assert set(row) == {"load", "render", "total", "cpu", "rss_growth", "rss_measure", "fork_rss"}
    assert row["total"] == pytest.approx(row["load"] + row["render"])
    assert row["fork_rss"] == 0  # a small file is read in one piece: no fork
    assert all(row[key] > 0 for key in ("load", "render", "cpu"))
