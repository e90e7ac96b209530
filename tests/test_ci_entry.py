"""CI runs exactly the README's test command."""

from __future__ import annotations

import re

from tests.conftest import ROOT


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = re.findall(r"^(python3 dev\.py test)\b", readme, re.M)
    assert commands == ["python3 dev.py test"]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert re.search(r"^exec python3 dev\.py test$", ci, re.M)


def test_readme_serve_command_and_static_build_line():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert re.search(r"^python3 dev\.py serve\b", readme, re.M)
    assert "python3 dev.py build" in readme
