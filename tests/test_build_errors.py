"""Bad input stops the build with a message that names what is wrong."""

from __future__ import annotations

from tests.conftest import copy_project, run_build


def test_a_missing_translation_stops_the_build(tmp_path):
    project = copy_project(tmp_path / "project")
    (project / "docs" / "en" / "about.md").unlink()
    result = run_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "docs/en/about.md: missing translation" in result.output
    assert "Traceback" not in result.output


def test_a_broken_link_fails_the_strict_build(tmp_path):
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "en" / "about.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n\n[gone](no-such-page.md)\n", encoding="utf-8")
    result = run_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "no-such-page.md" in result.output


def test_a_broken_anchor_fails_the_strict_build(tmp_path):
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "zh-Hant" / "about.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n\n[錨點](index.md#no-such-heading)\n", encoding="utf-8")
    result = run_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "no-such-heading" in result.output
