"""Shared fixtures: the site is built once per test session, then checked."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from tools.common import ROOT, build_site

SHARED_SOURCE = ROOT.parent / "shared" / "source"
IN_CI = bool(os.environ.get("CI"))


@dataclass(frozen=True)
class BuildResult:
    returncode: int
    output: str
    site_dir: Path


def run_build(project: Path, site_dir: Path, extra_env: dict[str, str] | None = None) -> BuildResult:
    """`mkdocs build --strict` of `project` (ROOT or a copy_project) into site_dir.
    The `chaiqiang` package is the installed one (this repository's hooks/); the build
    reads the project's own files (mkdocs.yml, data/, overrides/) from `project`."""
    proc = build_site(site_dir, root=project, environ={**os.environ, **(extra_env or {})}, capture=True)
    return BuildResult(proc.returncode, proc.stdout + proc.stderr, site_dir)


def copy_project(dest: Path) -> Path:
    """A copy of the sources a build reads, for tests that break something on purpose."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "docs", "overrides", "hooks", "data", "editions"):
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, dest / name)
    return dest


@pytest.fixture(scope="session")
def site_url() -> str:
    from chaiqiang.site_meta import load_site_meta

    return load_site_meta(ROOT / "data" / "site.yaml", environ={}).url


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real site, built once with `mkdocs build --strict`."""
    site_dir = tmp_path_factory.mktemp("site")
    # The suite checks the URL in data/site.yaml, whatever SITE_URL a deploy sets.
    result = run_build(ROOT, site_dir, extra_env={"SITE_URL": ""})
    if result.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed (exit {result.returncode}):\n{result.output}")
    return site_dir


def pytest_collection_modifyitems(config, items):
    # Every test that reads the article is marked `source`, so that a run without
    # it (GitHub Actions without the SOURCE_ARTICLE secret) can leave them out.
    for item in items:
        if "source_dir" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.source)


@pytest.fixture(scope="session")
def source_dir() -> Path:
    """../shared/source, which holds the article. Never copied into the repository."""
    if not (SHARED_SOURCE / "article.cleaned.txt").is_file():
        if IN_CI:
            pytest.fail(f"CI is set but the source article is missing: {SHARED_SOURCE}")
        pytest.skip(f"the source article is not beside the repository ({SHARED_SOURCE} is absent)")
    return SHARED_SOURCE


@dataclass(frozen=True)
class OfflineBundle:
    zip_path: Path
    root: Path  # the zip, unzipped
    rebuilt: Path  # a second build of the same sources, right after the first


@pytest.fixture(scope="session")
def offline_bundle(tmp_path_factory) -> OfflineBundle:
    """The offline zip (tools/publish/bundle.py), built twice in a row and unzipped once.
    No PDFs (its pdf_dir is empty), so the zip depends on the sources alone."""
    import zipfile

    from tools.publish.bundle import BundleError, bundle

    built = []
    for name in ("bundle", "bundle-again"):
        out = tmp_path_factory.mktemp(name)
        try:
            built.append(bundle(ROOT, out, pdf_dir=out, environ=dict(os.environ, SITE_URL="")))
        except BundleError as exc:
            pytest.fail(f"python3 dev.py bundle failed: {exc}")
    root = tmp_path_factory.mktemp("bundle-unzipped")
    with zipfile.ZipFile(built[0]) as archive:
        archive.extractall(root)
    return OfflineBundle(built[0], root, built[1])


def pytest_terminal_summary(terminalreporter):
    """Report the marked quotations of the source article that the own-words test found."""
    from tests.content.test_own_words import QUOTE_REPORT

    if not QUOTE_REPORT:
        return
    from tools.checks.textcheck import han_only

    lengths = sorted(n for n in (len(han_only(q)) for _, q in QUOTE_REPORT) if n)
    terminalreporter.write_sep("-", "marked quotations (own-words check)")
    terminalreporter.write_line(
        f"{len(QUOTE_REPORT)} marked quotations on {len({w for w, _ in QUOTE_REPORT})} pages; "
        f"{len(lengths)} in Chinese, length in Han characters: max {lengths[-1] if lengths else 0}, "
        f"median {lengths[len(lengths) // 2] if lengths else 0}"
    )
