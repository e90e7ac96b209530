"""The post-build steps: one ordered list, each with its condition."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from chaiqiang import post_build


def names(**kwargs) -> list[str]:
    build = post_build.Build(project=None, site_dir=Path("site"), offline=False, search=True)
    build = replace(build, **kwargs)
    return [step.name for step in post_build.STEPS if step.when(build)]


def test_the_hosted_site_gets_every_step_but_the_shim_and_the_search_steps_last():
    assert names() == [
        "downloads",
        "bilingual",
        "material patches",
        "headers",  # after the last step that writes HTML
        # The steps that may wait for jieba's dictionary (chaiqiang.search.entries), last:
        # they write only the indexes.
        "merged search index",
        "search",
    ]


def test_the_offline_bundle_gets_the_shim_and_no_headers():
    assert names(offline=True) == [
        "downloads",
        "bilingual",
        "material patches",
        "offline shim",
        "merged search index",
        "search",
    ]


def test_without_our_search_pipeline_there_is_no_index_step():
    assert not {"merged search index", "search"} & set(names(search=False))


def test_run_runs_the_steps_that_apply_in_order():
    seen = []
    steps = (
        post_build.Step("a", lambda b: seen.append("a")),
        post_build.Step("b", lambda b: seen.append("b"), when=lambda b: b.offline),
        post_build.Step("c", lambda b: seen.append("c")),
    )
    build = post_build.Build(project=None, site_dir=Path("site"), offline=False, search=True)
    assert post_build.run(build, steps) == ["a", "c"] == seen
