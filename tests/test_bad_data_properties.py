"""Data files damaged at random (hypothesis): missing keys, wrong types, impossible
dates, unknown references, markup, syntax errors, control characters, truncation.

Each damaged project is read as a build reads it (chaiqiang.project.Project.load)
and, when it loads, every page's data blocks are rendered in both languages and the
Versions page's changelog too (what a build does with the data). Either it stops
with one of our errors (chaiqiang.errors.ChaiqiangError: the hook turns it into
MkDocs' error message, no traceback) naming the damaged file, or it succeeds and
nothing of the damage reaches the HTML unescaped. Any other exception is a bare
traceback and fails the test. tests/test_build_errors.py checks the same messages
through whole `mkdocs build` runs; tests/test_data_escaping.py the markup, built.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path

import pytest
import yaml
from chaiqiang import templates, urls
from chaiqiang.citations import site as citations
from chaiqiang.data import yamlio
from chaiqiang.errors import ChaiqiangError
from chaiqiang.project import Project
from chaiqiang.render.directives import expand
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import copy_project
from tools.common import ROOT

FILES = sorted(p.name for p in (ROOT / "data").glob("*.yaml"))
MARKUP = '<script>alert("cq")</script><img src=x onerror=alert(1)>'
RAW = re.compile(r"<script>alert\(\"cq\"\)|<img src=x onerror=")


@pytest.fixture(scope="module")
def project():
    folder = Path(tempfile.mkdtemp(prefix="bad-data-"))
    yield copy_project(folder / "project")
    shutil.rmtree(folder)


def _paths(data, path=()):
    """Every node's path, parents before children."""
    yield path
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _paths(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _paths(value, (*path, index))


def _get(data, path):
    for key in path:
        data = data[key]
    return data


def _set(data, path, value):
    _get(data, path[:-1])[path[-1]] = value


def _leaf_paths(data, accept):
    return [p for p in _paths(data) if p and accept(p, _get(data, p))]


@st.composite
def damaged(draw):
    """(file name, damaged text, what was done)."""
    name = draw(st.sampled_from(FILES))
    text = (ROOT / "data" / name).read_text(encoding="utf-8")
    kind = draw(
        st.sampled_from(
            [
                "control character",
                "missing key",
                "wrong type",
                "impossible date",
                "unknown reference",
                "markup",
                "syntax",
                "truncation",
            ]
        )
    )
    if kind == "syntax":
        lines = text.splitlines(keepends=True)
        at = draw(st.integers(0, len(lines)))
        bad = draw(
            st.sampled_from(
                ["key: [unclosed\n", "  - : :\n", "\tindented: with a tab\n", "a: b: c\n", '"open\n']
            )
        )
        return name, "".join([*lines[:at], bad, *lines[at:]]), f"{kind} at line {at + 1}"
    if kind == "control character":
        at = draw(st.integers(0, len(text)))
        char = draw(st.sampled_from(["\x00", "\x07", "\x1b", "\ufffe"]))
        return name, text[:at] + char + text[at:], f"{kind} {char!r} at {at}"
    if kind == "truncation":
        at = draw(st.integers(0, len(text) - 1))
        return name, text[:at], f"{kind} at {at}"
    data = yamlio.parse(text).data  # as a build reads it (dates stay strings)
    if kind == "missing key":
        keyed = _leaf_paths(data, lambda p, v: isinstance(p[-1], str))
        path = draw(st.sampled_from(keyed))
        del _get(data, path[:-1])[path[-1]]
    elif kind == "wrong type":
        path = draw(st.sampled_from(_leaf_paths(data, lambda p, v: True)))
        _set(data, path, draw(st.sampled_from([[], {}, ["a", "b"], {"x": 1}, 12, True])))
    elif kind == "impossible date":
        dated = _leaf_paths(
            data, lambda p, v: isinstance(v, str) and re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", v)
        )
        if not dated:
            return name, text, "nothing to date"
        path = draw(st.sampled_from(dated))
        _set(data, path, draw(st.sampled_from(["2021-02-30", "2021-13", "0000-00-00", "2021-9-1"])))
    elif kind == "unknown reference":
        refs = _leaf_paths(
            data, lambda p, v: isinstance(v, str) and re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)+", v)
        )
        if not refs:
            return name, text, "nothing to refer to"
        path = draw(st.sampled_from(refs))
        _set(data, path, "no-such-entry-" + _get(data, path))
    else:
        texts = _leaf_paths(data, lambda p, v: isinstance(v, str) and " " in v)
        if not texts:
            return name, text, "no text"
        path = draw(st.sampled_from(texts))
        _set(data, path, _get(data, path) + " " + MARKUP)
    return name, yaml.safe_dump(data, allow_unicode=True, sort_keys=False), f"{kind} at {path}"


def render_all(project: Project) -> str:
    """What a build makes of the data: every page's data blocks and the changelog."""
    out = []
    for lang in project.languages.codes:
        for md in sorted((project.root / "docs" / lang).rglob("*.md")):
            rel = md.relative_to(project.root / "docs" / lang).as_posix()
            out.append(
                expand(
                    md.read_text(encoding="utf-8"),
                    lang=lang,
                    dataset=project.dataset,
                    page=f"docs/{lang}/{rel}",
                    url=urls.page_url(rel, lang),
                    root=project.root,
                )
            )
        out.append(
            citations.expand_markers(
                "<div data-cite-versions></div>",
                meta=project.meta,
                lang=lang,
                docs_dir=project.root / "docs",
                where="versions",
                render=lambda name, **context: templates.render(name, project.root, **context),
            )
        )
    return "\n".join(out)


@settings(
    max_examples=100,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(case=damaged())
def test_damaged_data_stops_with_a_message_naming_the_file_or_stays_escaped(project, case):
    name, text, what = case
    target = project / "data" / name
    original = (ROOT / "data" / name).read_text(encoding="utf-8")
    target.write_text(text, encoding="utf-8")
    try:
        try:
            html = render_all(Project.load(project, environ={}))
        except ChaiqiangError as exc:
            message = str(exc)
            assert name in message, f"{name}, {what}: the message does not name the file:\n{message}"
            return
        raw = RAW.search(html)
        assert raw is None, f"{name}, {what}: unescaped in the output: {raw.group(0)}"
    finally:
        target.write_text(original, encoding="utf-8")
