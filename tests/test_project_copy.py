"""A build of a copy of the project reads the copy's files.

The `chaiqiang` package is the installed one (`pip install -e .`: this repository's
hooks/), whichever project MkDocs builds; the project's files (mkdocs.yml, data/,
overrides/) come from the folder of the config file being built, which the hook
hands to the package. The tests that break something in a copy rely on that.
"""

from __future__ import annotations

from tests.conftest import copy_project, run_build

MARKER = "cq-copy-marker-7f3a"


def test_a_copy_builds_with_its_own_templates(tmp_path):
    project = copy_project(tmp_path / "project")
    template = project / "overrides" / "chaiqiang" / "status_legend.html"
    text = template.read_text(encoding="utf-8")
    template.write_text(
        text.replace('class="cq-block cq-status-legend"', f'class="cq-block {MARKER}"'), encoding="utf-8"
    )
    result = run_build(project, tmp_path / "site", extra_env={"SITE_URL": ""})
    assert result.returncode == 0, result.output
    assert MARKER in (result.site_dir / "en" / "figures" / "index.html").read_text(encoding="utf-8")
