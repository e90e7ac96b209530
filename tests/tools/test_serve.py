"""`python3 dev.py serve` (tools/serve.py): after an edit to a page, a data file or a
template, the pages served are those a full build of the edited sources makes, byte
for byte but for MkDocs' live-reload script and the server's address where the
site's stands; an edit to the hooks' Python starts the server again, so its old
code never serves a page."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from tests.conftest import copy_project, run_build
from tools.bench.serve import edited
from tools.common import build_env

EPOCH = "1764600000"
# What MkDocs' server adds to every page it serves: its live-reload script.
LIVERELOAD = re.compile(
    r"<script>\nvar livereload = function\(epoch, requestId\).*?</script>(?=</body>)", re.S
)


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url):
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def _wait_for(url, word, timeout=90):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        body = _get(url)
        if body is not None and (word is None or word in body):
            return body
        time.sleep(0.1)
    pytest.fail(f"{url} did not serve {word!r} within {timeout} s")


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("serve") / "project")
    port = _port()
    base = f"http://127.0.0.1:{port}/"
    env = build_env({**os.environ, "SOURCE_DATE_EPOCH": EPOCH})
    log = open(project / "serve.log", "w")
    proc = subprocess.Popen(
        [sys.executable, "-m", "tools.serve", "--strict", "-a", f"127.0.0.1:{port}"],
        cwd=project,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        _wait_for(base, None)
        yield project, base
    finally:
        proc.terminate()
        proc.wait(10)
        log.close()


def full_build(project, tmp_path):
    """The same sources, built whole."""
    result = run_build(project, tmp_path / "site", {"SITE_URL": "", "SOURCE_DATE_EPOCH": EPOCH})
    assert result.returncode == 0, result.output
    return result.site_dir


def as_built(body, base, site_url):
    """A served page as the build writes it: no live-reload script, the site's address."""
    return LIVERELOAD.sub("", body).replace(base, site_url)


def test_an_edited_page_is_served_as_a_full_build_makes_it(served, tmp_path, site_url):
    project, base = served
    page = project / "docs" / "en" / "about.md"
    page.write_text(edited(page.read_text(encoding="utf-8"), "cqservedword"), encoding="utf-8")
    body = _wait_for(base + "en/about/", "cqservedword")
    assert LIVERELOAD.search(body)
    site = full_build(project, tmp_path)
    for path in ("en/about/", "about/", "en/", "en/story/the-deal/"):
        html = as_built(_get(base + path), base, site_url)
        assert html == (site / path / "index.html").read_text(encoding="utf-8"), path


def test_a_data_edit_shows_on_the_pages_built_from_it(served, tmp_path, site_url):
    project, base = served
    timeline = project / "data" / "timeline.yaml"
    text = timeline.read_text(encoding="utf-8")
    assert "and set a deadline." in text
    timeline.write_text(
        text.replace("and set a deadline.", "and set a deadline cqdataword.", 1), encoding="utf-8"
    )
    _wait_for(base + "en/timeline/", "cqdataword")
    site = full_build(project, tmp_path)
    page = as_built(_get(base + "en/timeline/"), base, site_url)
    assert page == (site / "en/timeline/index.html").read_text(encoding="utf-8")


def test_a_template_edit_shows_on_every_page(served, tmp_path, site_url):
    project, base = served
    footer = project / "overrides" / "partials" / "copyright.html"
    footer.write_text(footer.read_text(encoding="utf-8") + "<!-- cqtemplateword -->\n", encoding="utf-8")
    _wait_for(base + "en/story/the-deal/", "cqtemplateword")
    site = full_build(project, tmp_path)
    for path in ("", "en/story/the-deal/"):
        html = as_built(_get(base + path), base, site_url)
        assert html == (site / path / "index.html").read_text(encoding="utf-8"), path


def test_a_hook_code_edit_starts_the_server_again(served):
    project, base = served
    log = project / "serve.log"
    starts = log.read_text(encoding="utf-8").count("Serving on")
    hook = project / "hooks" / "chaiqiang" / "urls.py"
    hook.write_text(hook.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    deadline = time.monotonic() + 90
    while log.read_text(encoding="utf-8").count("Serving on") == starts:
        assert time.monotonic() < deadline, "the server did not start again"
        time.sleep(0.2)
    assert _wait_for(base, None)
