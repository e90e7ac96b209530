"""The committed JSON Schemas match the models, and the data match them."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from chaiqiang.data import json_schema, yamlio

ROOT = Path(__file__).resolve().parents[4]


def test_committed_schemas_equal_freshly_generated_ones():
    assert json_schema.stale() == [], "run: .venv/bin/python -m chaiqiang.data.json_schema"


@pytest.mark.parametrize("name", list(json_schema.MODELS))
def test_the_real_data_validates_against_the_committed_schema(name):
    document = json.loads(
        (ROOT / "data" / "schema" / json_schema.schema_name(name)).read_text(encoding="utf-8")
    )
    jsonschema.Draft202012Validator.check_schema(document)
    data = yamlio.parse((ROOT / "data" / name).read_text(encoding="utf-8")).data
    errors = [e.message for e in jsonschema.Draft202012Validator(document).iter_errors(data)]
    assert errors == []


@pytest.mark.parametrize("name", list(json_schema.MODELS))
def test_the_data_file_points_editors_at_its_schema(name):
    first = (ROOT / "data" / name).read_text(encoding="utf-8").splitlines()[0]
    assert first == f"# yaml-language-server: $schema=schema/{json_schema.schema_name(name)}"


def test_the_schema_catches_what_editors_get_wrong():
    document = json.loads(json_schema.generate()["timeline.schema.json"])
    validator = jsonschema.Draft202012Validator(document)
    bad = {"phases": [], "kinds": [], "events": [{"id": "2013-no-prefix", "date": 2013, "extra": 1}]}
    messages = " ".join(e.message for e in validator.iter_errors(bad))
    assert "does not match" in messages  # the id
    assert "is not of type 'string'" in messages  # the unquoted year
    assert "Additional properties are not allowed" in messages
