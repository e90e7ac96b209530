"""`python3 dev.py release`: refuses a dirty tree or an unlisted version; collects
the artifacts of the other commands under one version, with SHA256SUMS.

The commands themselves are stand-ins here (the real build is tested elsewhere):
they write what the real ones write, where they write it."""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
import zipfile
from pathlib import Path
from types import SimpleNamespace

import pytest
from chaiqiang.site_meta import load_site_meta

from tests.conftest import ROOT
from tools.publish.release import (
    SUMS,
    ReleaseError,
    changelog_entry,
    deterministic_zip,
    release,
    versioned_name,
)

COMMIT_EPOCH = 1_700_000_000
VERSION = load_site_meta(ROOT / "data" / "site.yaml", environ={}).version


def git(repo: Path, *args: str) -> str:
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(repo),
        "GIT_AUTHOR_DATE": f"@{COMMIT_EPOCH} +0000",
        "GIT_COMMITTER_DATE": f"@{COMMIT_EPOCH} +0000",
    }
    proc = subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return proc.stdout


@pytest.fixture
def repo(tmp_path) -> Path:
    """A committed checkout with the real data/site.yaml; site/ and dist/ ignored."""
    if not shutil.which("git"):
        pytest.skip("git is not installed")
    repo = tmp_path / "checkout"
    (repo / "data").mkdir(parents=True)
    shutil.copy2(ROOT / "data" / "site.yaml", repo / "data" / "site.yaml")
    shutil.copy2(ROOT / ".gitignore", repo / ".gitignore")
    git(repo, "init", "-q")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "release me")
    return repo


class Commands:
    """Stand-ins for dev.py's commands, recording what ran with which environment."""

    def __init__(self, repo: Path, fail: str | None = None, silent: str | None = None):
        self.repo, self.fail, self.silent = repo, fail, silent
        self.ran: list[tuple[str, str | None]] = []

    def __call__(self, name: str, env: dict[str, str]) -> int:
        self.ran.append((name, env.get("SOURCE_DATE_EPOCH")))
        if name == self.fail:
            return 1
        dist = self.repo / "dist"
        dist.mkdir(exist_ok=True)
        if name == "build":
            (self.repo / "site" / "en").mkdir(parents=True, exist_ok=True)
            (self.repo / "site" / "index.html").write_text("<p>拆牆</p>", encoding="utf-8")
            (self.repo / "site" / "en" / "index.html").write_text("<p>Walls</p>", encoding="utf-8")
        elif name == self.silent:
            pass
        elif name == "pdf":
            for lang in ("zh-Hant", "en"):
                (dist / f"chaiqiang-{lang}.pdf").write_bytes(b"%PDF-1.7 " + lang.encode())
        elif name == "bundle":
            (dist / f"chaiqiang-{VERSION}-offline.zip").write_bytes(b"PK offline")
            (dist / f"chaiqiang-{VERSION}-offline.zip.sha256").write_text("x  y\n", encoding="utf-8")
        return 0


def test_a_release_collects_every_file_under_its_version(repo):
    commands = Commands(repo)
    (repo / "dist").mkdir()
    (repo / "dist" / "old-notes.txt").write_text("from before", encoding="utf-8")
    out, missing = release(repo, {"build", "pdf", "bundle", "release"}, commands, environ={})
    assert missing == []
    assert out == repo / "dist" / f"chaiqiang-{VERSION}"
    # Built from the commit's time; the PDFs before the bundle (which may pack them).
    assert commands.ran == [(name, str(COMMIT_EPOCH)) for name in ("build", "pdf", "bundle")]
    assert sorted(p.name for p in out.iterdir()) == [
        "CHANGES.md",
        SUMS,
        f"chaiqiang-{VERSION}-en.pdf",
        f"chaiqiang-{VERSION}-offline.zip",
        f"chaiqiang-{VERSION}-site.zip",
        f"chaiqiang-{VERSION}-zh-Hant.pdf",
    ]
    # SHA256SUMS checks every other file, as `sha256sum -c` reads it.
    sums = (out / SUMS).read_text(encoding="utf-8").splitlines()
    assert len(sums) == 5
    for line in sums:
        digest, name = line.split("  ")
        assert hashlib.sha256((out / name).read_bytes()).hexdigest() == digest
    changes = (out / "CHANGES.md").read_text(encoding="utf-8")
    assert f"chaiqiang {VERSION}" in changes and git(repo, "rev-parse", "HEAD").strip() in changes
    assert "## zh-Hant" in changes and "## en" in changes
    assert f"SOURCE_DATE_EPOCH={COMMIT_EPOCH}" in changes
    with zipfile.ZipFile(out / f"chaiqiang-{VERSION}-site.zip") as site:
        assert site.namelist() == [
            f"chaiqiang-{VERSION}-site/en/index.html",
            f"chaiqiang-{VERSION}-site/index.html",
        ]


def test_the_same_commit_gives_the_same_release(repo):
    first, _ = release(repo, {"build"}, Commands(repo), environ={})
    sums = (first / SUMS).read_bytes()
    (repo / "site" / "index.html").touch()  # a later build: new file times, same content
    second, _ = release(repo, {"build"}, Commands(repo), environ={})
    assert (second / SUMS).read_bytes() == sums


def test_missing_commands_are_named(repo):
    out, missing = release(repo, {"build"}, Commands(repo), environ={})
    assert missing == [
        "the PDF editions (dev.py has no `pdf` command)",
        "the offline zip (dev.py has no `bundle` command)",
    ]
    assert (out / f"chaiqiang-{VERSION}-site.zip").is_file()


@pytest.mark.parametrize(
    ("change", "says"),
    [
        (
            lambda repo: (repo / "data" / "site.yaml").write_text("changed", encoding="utf-8"),
            "uncommitted changes",
        ),
        (lambda repo: (repo / "notes.txt").write_text("new", encoding="utf-8"), "?? notes.txt"),
    ],
)
def test_a_dirty_tree_is_refused(repo, change, says):
    change(repo)
    commands = Commands(repo)
    with pytest.raises(ReleaseError, match=re.escape(says)):
        release(repo, {"build"}, commands, environ={})
    assert commands.ran == [] and not (repo / "dist").exists()


def test_a_version_without_a_changelog_entry_is_refused(repo):
    site_yaml = repo / "data" / "site.yaml"
    text = site_yaml.read_text(encoding="utf-8")
    site_yaml.write_text(text.replace(f"version: {VERSION}\n", "version: 9.9.9\n", 1), encoding="utf-8")
    git(repo, "commit", "-q", "-am", "bump without changelog")
    with pytest.raises(ReleaseError, match="changelog"):
        release(repo, {"build"}, Commands(repo), environ={})
    meta = SimpleNamespace(version="9.9.9", changelog=[SimpleNamespace(version=VERSION)])
    with pytest.raises(ReleaseError, match=re.escape("version 9.9.9 has no entry in 'changelog'")):
        changelog_entry(meta, site_yaml)


@pytest.mark.parametrize(
    ("fail", "silent", "says"), [("pdf", None, "failed"), (None, "bundle", "wrote nothing")]
)
def test_a_failing_step_releases_nothing(repo, fail, silent, says):
    with pytest.raises(ReleaseError, match=says):
        release(repo, {"build", "pdf", "bundle"}, Commands(repo, fail=fail, silent=silent), environ={})
    assert not (repo / "dist" / f"chaiqiang-{VERSION}").exists()


def test_names_carry_the_version():
    assert versioned_name("chaiqiang-en.pdf", "1.2.0") == "chaiqiang-1.2.0-en.pdf"
    assert versioned_name("offline.zip", "1.2.0") == "chaiqiang-1.2.0-offline.zip"
    assert versioned_name("chaiqiang-1.2.0-offline.zip", "1.2.0") == "chaiqiang-1.2.0-offline.zip"


def test_zips_depend_on_content_only(tmp_path):
    for name in ("a", "b"):
        (tmp_path / name / "sub").mkdir(parents=True)
        (tmp_path / name / "sub" / "x.txt").write_text("x", encoding="utf-8")
        (tmp_path / name / "y.txt").write_text("y", encoding="utf-8")
    (tmp_path / "b" / "y.txt").chmod(0o600)
    one = deterministic_zip(tmp_path / "a", tmp_path / "one.zip", "top", COMMIT_EPOCH)
    two = deterministic_zip(tmp_path / "b", tmp_path / "two.zip", "top", COMMIT_EPOCH)
    assert one.read_bytes() == two.read_bytes()


def test_dev_py_has_the_release_command():
    import dev

    assert "release" in dev.COMMANDS
