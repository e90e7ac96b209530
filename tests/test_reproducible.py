"""Two people who build the same commit get the same bytes.

The two builds differ in everything a reader's machine may differ in: the
checkout's folder, the output folder, the time zone, the locale, Python's hash
seed and the build's caches (chaiqiang.caches: the search dictionary, the rendered
references, each page's HTML and its CSP scan, made afresh for the second). They share
only SOURCE_DATE_EPOCH, which dev.py takes from the last commit; an epoch far
from today shows that no date in the output comes from the clock.
"""

from __future__ import annotations

import datetime as dt
import filecmp
import gzip
import re
import shutil
import struct
import subprocess

import pytest

from tests.conftest import ROOT, copy_project, run_build

EPOCH = 1_000_000_000  # 2001-09-09T01:46:40Z
EPOCH_DATE = "2001-09-09"


def files_of(site):
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())


def test_two_builds_of_one_commit_are_byte_identical(tmp_path):
    common = {"SITE_URL": "", "SOURCE_DATE_EPOCH": str(EPOCH)}
    first = run_build(
        ROOT, tmp_path / "a" / "site", {**common, "TZ": "UTC", "LC_ALL": "C.UTF-8", "PYTHONHASHSEED": "1"}
    )
    assert first.returncode == 0, first.output
    other = copy_project(tmp_path / "elsewhere" / "checkout")
    second = run_build(
        other,
        tmp_path / "b" / "out",
        {
            **common,
            "TZ": "Asia/Taipei",
            "LC_ALL": "C",
            "PYTHONHASHSEED": "4242",
            "CHAIQIANG_CACHE_DIR": str(tmp_path / "fresh-cache"),
        },
    )
    assert second.returncode == 0, second.output

    a, b = first.site_dir, second.site_dir
    assert files_of(a) == files_of(b)
    _, mismatch, errors = filecmp.cmpfiles(a, b, files_of(a), shallow=False)
    assert (mismatch, errors) == ([], [])
    # The files that usually differ are there and compared: search, sitemap, headers.
    for name in ("search/search_index.json", "en/search/search_index.json", "sitemap.xml.gz", "_headers"):
        assert (a / name).is_file(), name

    # The build's dates are SOURCE_DATE_EPOCH's, not today's.
    lastmods = set(re.findall(r"<lastmod>([^<]*)</lastmod>", (a / "sitemap.xml").read_text(encoding="utf-8")))
    assert lastmods == {EPOCH_DATE}
    gz = (a / "sitemap.xml.gz").read_bytes()
    midnight = dt.datetime.fromisoformat(EPOCH_DATE).replace(tzinfo=dt.UTC).timestamp()
    assert struct.unpack("<I", gz[4:8])[0] == midnight
    assert gzip.decompress(gz) == (a / "sitemap.xml").read_bytes()


@pytest.fixture
def git_repo(tmp_path):
    if not shutil.which("git"):
        pytest.skip("git is not installed")

    def git(*args, **env):
        subprocess.run(
            ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
            cwd=tmp_path,
            check=True,
            capture_output=True,
            env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), **env},
        )

    return tmp_path, git


def test_dev_py_takes_the_date_from_the_last_commit(git_repo):
    import dev

    repo, git = git_repo
    assert dev.source_date_epoch(repo) is None  # not a repository: MkDocs uses the clock
    git("init", "-q")
    assert dev.source_date_epoch(repo) is None  # no commit yet: likewise
    (repo / "a.txt").write_text("a", encoding="utf-8")
    git("add", "a.txt")
    git(
        "commit", "-q", "-m", "a", GIT_COMMITTER_DATE="@1700000000 +0800", GIT_AUTHOR_DATE="@1600000000 +0000"
    )
    assert dev.source_date_epoch(repo) == "1700000000"
