"""Lighthouse 12.2.3, mobile preset, on the home page, a story section, the timeline and
the figures in both languages, and the story section's bilingual view
(tools/checks/lighthouse_check.py): 100 for accessibility, best practices and SEO in every run.

Performance depends on how busy the machine is: Lighthouse multiplies the CPU time it
observes, and on a 2-core machine shared with other work one run of a page can score a
few points below the next (in one fresh-clone run of 0.2.0 the zh-Hant deal section scored
71, 73, 89 where the same build scores 95, 98, 100 idle). So here a page gets up to five
runs and its best must reach the goal, 98; `python3 dev.py lighthouse` holds the stricter
form (the median of three) and reports the scores. Needs Node.js and npm (Lighthouse is
installed from tools/checks/lighthouse/package-lock.json with `npm ci`): fails without them
under CI, skips otherwise."""

from __future__ import annotations

import re
import shutil

import pytest

from tests.conftest import IN_CI
from tools.browser import serve
from tools.checks import lighthouse_check as lh

PERFORMANCE_FLOOR = lh.THRESHOLDS["performance"]
ATTEMPTS = 5  # the best of up to five runs must reach the floor (see above)


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
    for attempt in range(ATTEMPTS):
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


def test_the_check_fails_a_page_with_a_blocking_script_and_no_description(
    lighthouse_site, built_site, tmp_path
):
    # The checker on a deliberately broken copy of the home page: a script that holds
    # the main thread for 400 ms as the page loads, and no meta description.
    broken = tmp_path / "site"
    shutil.copytree(built_site, broken)
    home = broken / "index.html"
    page = home.read_text(encoding="utf-8")
    page = re.sub(r'<meta name="description"[^>]*>', "", page, count=1)
    busy = "<script>var t=performance.now();while(performance.now()-t<400){}</script>"
    page = page.replace("</body>", busy + "</body>", 1)
    home.write_text(page, encoding="utf-8")
    with serve(broken, compress=True) as base_url:
        report = lh.run_lighthouse(base_url, tmp_path / "broken.json")
    result = lh.PageScores("", [lh.scores_of(report)])
    failures = "\n".join(result.failures())
    assert "performance" in failures and "seo" in failures, failures
    notes = "\n".join(lh.shortfalls(report))
    assert "total-blocking-time" in notes and "meta-description" in notes, notes


def test_performance_counts_the_median_run_and_the_rest_the_worst():
    runs = [
        {"performance": 0.99, "accessibility": 1.0, "best-practices": 1.0, "seo": 1.0},
        {"performance": 0.90, "accessibility": 1.0, "best-practices": 1.0, "seo": 0.92},
        {"performance": 0.98, "accessibility": 1.0, "best-practices": 1.0, "seo": 1.0},
    ]
    result = lh.PageScores("en/", runs)
    assert result.score("performance") == 0.98
    assert result.failures() == ["en/: seo 92 < 100"]
