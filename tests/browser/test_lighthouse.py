"""Lighthouse 12.2.3, mobile preset, on the home page, a story section, the timeline and
the figures in both languages (tools/lighthouse_check.py): 100 for accessibility, best
practices and SEO in every run.

Performance depends on how busy the machine is: Lighthouse multiplies the CPU time it
observes, and on a 2-core machine shared with other work one page scored from 85 to 99
in a few minutes. So here a page gets up to three runs and its best must reach
PERFORMANCE_FLOOR, which catches a real regression (a heavy script, a blocking
resource) without failing CI on noise; `python3 dev.py lighthouse` holds the goal, 98
(median of three), and reports the scores. Needs Node.js and npm (Lighthouse is
installed from tools/lighthouse/package-lock.json with `npm ci`): fails without them
under CI, skips otherwise."""

from __future__ import annotations

import shutil

import pytest

from tests.conftest import IN_CI
from tools import lighthouse_check as lh
from tools.browser import serve

PERFORMANCE_FLOOR = 0.90


@pytest.fixture(scope="module")
def lighthouse_site(built_site, browser):  # `browser`: skips or fails without Debian's chromium
    if shutil.which("node") is None or shutil.which("npm") is None:
        reason = "Node.js and npm are needed for Lighthouse (apt-get install npm)"
        pytest.fail(f"CI is set but {reason}") if IN_CI else pytest.skip(reason)
    try:
        lh.ensure_lighthouse()
    except (lh.LighthouseError, OSError) as exc:
        pytest.fail(f"Lighthouse could not be installed: {exc}")
    with serve(built_site, compress=True) as base_url:
        yield base_url


@pytest.mark.parametrize("page", lh.PAGES)
def test_lighthouse_scores(lighthouse_site, page, tmp_path):
    runs, notes = [], []
    for attempt in range(3):
        report = lh.run_lighthouse(lighthouse_site + page, tmp_path / f"run{attempt}.json")
        runs.append(lh.scores_of(report))
        notes += lh.shortfalls(report)
        if attempt == 0:
            for category in ("accessibility", "best-practices", "seo"):
                assert runs[0][category] == 1.0, (
                    f"{page or '/'}: {category} {runs[0][category] * 100:.0f}\n" + "\n".join(notes)
                )
        if runs[-1]["performance"] >= PERFORMANCE_FLOOR:
            break
    best = max(r["performance"] for r in runs)
    scores = [round(r["performance"] * 100) for r in runs]
    print(f"{page or '/'}: performance {scores}")
    assert best >= PERFORMANCE_FLOOR, (
        f"{page or '/'}: performance {scores} < {PERFORMANCE_FLOOR * 100:.0f}\n" + "\n".join(notes)
    )
