"""The search benchmark's baseline really is a build without jieba and without the pipeline."""

from __future__ import annotations

import os
import subprocess
import sys

from chaiqiang import search

from tools.bench import benchmark


def test_the_blocker_makes_jieba_unimportable(tmp_path):
    blocker = benchmark.jieba_blocker(tmp_path)
    env = dict(os.environ, PYTHONPATH=str(blocker))
    proc = subprocess.run(
        [sys.executable, "-c", "import material.plugins.search.plugin as p; print(p.jieba)"],
        env=env,
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "None"


def test_the_modes_use_the_pipelines_own_switch_and_cache(tmp_path):
    assert benchmark.SEARCH_SWITCH == search.SWITCH
    modes = benchmark.search_modes(tmp_path)
    with_it, without_it, jieba_default = modes.values()
    assert search.enabled(with_it[0]) and with_it[1] == ()
    assert not search.enabled(without_it[0]) and without_it[1] == (str(tmp_path),)
    assert not search.enabled(jieba_default[0]) and jieba_default[1] == ()
    assert search.cache_dir(tmp_path, {benchmark.SEARCH_CACHE: "/x"}).as_posix() == "/x/search"
