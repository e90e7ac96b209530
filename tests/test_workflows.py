"""The GitHub Actions workflows are valid YAML and run the README's own commands.

They are never run here; these tests read them."""

from __future__ import annotations

import re

import pytest
import yaml

from tests.conftest import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"


def load(name: str) -> dict:
    data = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    assert isinstance(data, dict) and isinstance(data.get("jobs"), dict), name
    # YAML 1.1 reads the key `on` as True.
    data["on"] = data.pop(True, data.get("on"))
    return data


def steps(workflow: dict, job: str) -> list[dict]:
    return workflow["jobs"][job]["steps"]


def runs(workflow: dict, job: str) -> list[str]:
    return [s["run"].strip() for s in steps(workflow, job) if "run" in s]


def uses(workflow: dict, job: str) -> list[str]:
    return [s["uses"].split("@")[0] for s in steps(workflow, job) if "uses" in s]


def readme_commands() -> set[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return set(re.findall(r"python3 dev\.py [a-z]+", readme))


@pytest.mark.parametrize("name", ["test.yml", "deploy.yml"])
def test_workflows_call_only_dev_py_commands_the_readme_gives(name):
    import dev

    called = {
        m
        for job in load(name)["jobs"]
        for r in runs(load(name), job)
        for m in re.findall(r"python3 dev\.py [a-z]+", r)
    }
    assert called
    assert called <= readme_commands()
    assert {c.split()[-1] for c in called} <= set(dev.COMMANDS)


@pytest.mark.parametrize("name", ["test.yml", "deploy.yml"])
def test_workflows_are_valid_and_every_action_is_pinned(name):
    workflow = load(name)
    for job_name, job in workflow["jobs"].items():
        for step in job.get("steps", []):
            assert set(step) & {"run", "uses"}, f"{name}: {job_name}: a step that does nothing"
            if "uses" in step:
                assert re.fullmatch(r"[\w.-]+/[\w.-]+@v\d+", step["uses"]), step["uses"]


def test_pull_requests_run_the_readme_test_command():
    workflow = load("test.yml")
    assert "pull_request" in workflow["on"]
    assert workflow["permissions"] == {"contents": "read"}
    assert "python3 dev.py test" in runs(workflow, "test")
    assert "python3 dev.py test" in readme_commands()
    assert_like_ci(workflow, "test")


def test_main_is_tested_built_and_deployed_to_pages():
    workflow = load("deploy.yml")
    assert workflow["on"]["push"]["branches"] == ["main"]
    build = runs(workflow, "build")
    assert build.index("python3 dev.py test") < build.index("python3 dev.py build")
    assert {"python3 dev.py test", "python3 dev.py build"} <= readme_commands()
    assert_like_ci(workflow, "build")
    # The site is built for the Pages URL and published as it is built.
    [build_step] = [s for s in steps(workflow, "build") if s.get("run") == "python3 dev.py build"]
    assert build_step["env"]["SITE_URL"] == "${{ steps.pages.outputs.base_url }}"
    assert [
        s.get("id")
        for s in steps(workflow, "build")
        if s.get("uses", "").startswith("actions/configure-pages")
    ] == ["pages"]
    [upload] = [
        s for s in steps(workflow, "build") if s.get("uses", "").startswith("actions/upload-pages-artifact")
    ]
    # What is published is the assembly: the latest site and every archived edition,
    # checked against their manifests and against the editions already published.
    assert upload["with"]["path"].rstrip("/") == "public"
    assembling = next(i for i, run in enumerate(build) if run.startswith("python3 dev.py assemble"))
    assert build.index("python3 dev.py pdf --no-build") < assembling
    [assemble] = [s for s in steps(workflow, "build") if "dev.py assemble" in s.get("run", "")]
    assert "--require-current" in assemble["run"] and "--published" in assemble["run"]
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert uses(workflow, "deploy") == ["actions/deploy-pages"]


def assert_like_ci(workflow: dict, job: str) -> None:
    """Like .ci/run: Debian's chromium and the CJK fonts, CI set, the lock cached."""
    ci_packages = set(
        re.findall(r"need\+=\(([\w.+-]+)\)", (ROOT / ".ci" / "run").read_text(encoding="utf-8"))
    )
    assert {"chromium", "fonts-noto-cjk", "default-jre-headless"} <= ci_packages
    spec = workflow["jobs"][job]
    assert spec["container"].startswith("python:3.11-"), "Debian's chromium needs a Debian image"
    assert spec["env"]["CI"] == "true"
    install = " ".join(r for r in runs(workflow, job) if "apt-get install" in r).split()
    assert ci_packages <= set(install), "the workflow installs what .ci/run installs"
    [cache] = [s for s in steps(workflow, job) if s.get("uses", "").startswith("actions/cache")]
    assert re.search(r"hashFiles\('requirements\.lock'", cache["with"]["key"])
    assert "~/.cache/pip" in cache["with"]["path"]
    assert uses(workflow, job)[0] == "actions/checkout"
