"""Data text is never HTML: markup put into every free-text field of every data file
reaches no page unescaped, and the Content-Security-Policy allows none of it.

A field is free text when its JSON Schema (data/schema/, generated from the models)
is a string with no pattern (beyond "not blank"), format or list of values: the texts in both languages
(`Text`), names, notes, labels. Ids, dates, URLs and kinds have patterns, and markup
there is refused by validation (tests/test_build_errors.py).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from chaiqiang import http_headers

from tests.conftest import copy_project, run_build
from tools.common import ROOT

SCRIPT = '<script>alert("cq-data")</script>'
HANDLER = '<img src="x" onerror="alert(2)">'
PAYLOAD = f" {SCRIPT}{HANDLER}"
# What must never be in a page: the elements as markup, and the handler as an attribute.
RAW = (re.compile(r"<script>alert\(\"cq-data\"\)"), re.compile(r"<img[^>]*\sonerror=", re.I))


def _resolve(schema: dict, node: dict) -> dict:
    while "$ref" in node:
        node = schema["$defs"][node["$ref"].rsplit("/", 1)[1]]
    return node


def _free_text(schema: dict, node: dict) -> bool:
    node = _resolve(schema, node)
    if "anyOf" in node:
        return any(_free_text(schema, n) for n in node["anyOf"] if n.get("type") != "null")
    # NonEmpty's pattern (\S: not only spaces) still allows any text.
    constrained = {"format", "enum", "const"} & set(node) or node.get("pattern", r"\S") != r"\S"
    return node.get("type") == "string" and not constrained


def _child(schema: dict, node: dict, key) -> dict | None:
    node = _resolve(schema, node)
    for option in node.get("anyOf", [node]):
        option = _resolve(schema, option)
        if isinstance(key, int) and "items" in option:
            return option["items"]
        if isinstance(key, str):
            if key in option.get("properties", {}):
                return option["properties"][key]
            extra = option.get("additionalProperties")
            if isinstance(extra, dict):
                return extra
    return None


def inject(data, schema: dict, node: dict, path=()) -> list[tuple]:
    """Append the payload to every free-text string of `data` (in place); returns their paths."""
    done = []
    items = data.items() if isinstance(data, dict) else enumerate(data) if isinstance(data, list) else ()
    for key, value in list(items):
        sub = _child(schema, node, key)
        if sub is None:
            continue
        if isinstance(value, str):
            if _free_text(schema, sub):
                data[key] = value + PAYLOAD
                done.append((*path, key))
        else:
            done += inject(value, schema, sub, (*path, key))
    return done


@pytest.fixture(scope="module")
def injected(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("escaping") / "project")
    fields = {}
    for schema_path in sorted((ROOT / "data" / "schema").glob("*.schema.json")):
        name = schema_path.name.removesuffix(".schema.json") + ".yaml"
        target = project / "data" / name
        schema = json.loads(schema_path.read_text(encoding="utf-8"))
        data = yaml.safe_load(target.read_text(encoding="utf-8"))
        fields[name] = inject(data, schema, schema)
        target.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = run_build(project, project / "site", extra_env={"SITE_URL": ""})
    return fields, result


def test_every_data_file_has_free_text_to_try(injected):
    fields, _ = injected
    empty = [name for name, paths in fields.items() if not paths and name not in {"search.yaml"}]
    assert empty == [], f"no free-text field found in {empty}"
    assert sum(len(p) for p in fields.values()) > 500


def test_markup_in_the_data_reaches_no_page_unescaped(injected):
    _, result = injected
    assert result.returncode == 0, result.output[-3000:]
    site = Path(result.site_dir)
    pages = sorted(site.rglob("*.html"))
    raw = [
        f"{page.relative_to(site)}: {m.group(0)}"
        for page in pages
        for pattern in RAW
        if (m := pattern.search(page.read_text(encoding="utf-8")))
    ]
    assert raw == [], "\n".join(raw[:20])
    # The text did arrive, shown as written.
    shown = sum("&lt;script&gt;alert(" in page.read_text(encoding="utf-8") for page in pages)
    assert shown >= 10, f"the payload is shown escaped on only {shown} pages"


def test_no_injected_script_is_allowed_by_the_policy(injected):
    _, result = injected
    site = Path(result.site_dir)
    csp = http_headers.parse((site / "_headers").read_text(encoding="utf-8"))["/*"]["Content-Security-Policy"]
    for text in ('alert("cq-data")', "alert(2)"):
        assert http_headers.csp_hash(text) not in csp
