"""CITATION.cff at the repository root: generated from data/site.yaml, valid CFF 1.2.0."""

from __future__ import annotations

import json

import jsonschema
import yaml
from chaiqiang.citations.cff import citation_cff
from chaiqiang.site_meta import load_site_meta

from tests.conftest import ROOT

from .conftest import SCHEMAS


def cff_schema() -> dict:
    return json.loads((SCHEMAS / "cff-1.2.0.schema.json").read_text(encoding="utf-8"))


def test_citation_cff_is_up_to_date_with_site_yaml():
    meta = load_site_meta(ROOT / "data" / "site.yaml", environ={})
    committed = (ROOT / "CITATION.cff").read_text(encoding="utf-8")
    assert committed == citation_cff(meta), (
        "CITATION.cff is out of date: run python -m tools.publish.citation_cff"
    )


def test_citation_cff_validates_against_the_cff_schema():
    data = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    validator = jsonschema.Draft7Validator(
        cff_schema(), format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER
    )
    errors = sorted(validator.iter_errors(data), key=str)
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors)


def test_citation_cff_says_what_site_yaml_says():
    meta = load_site_meta(ROOT / "data" / "site.yaml", environ={})
    data = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert data["cff-version"] == "1.2.0"
    assert data["version"] == meta.version
    assert data["date-released"] == meta.released
    assert data["url"] == meta.url
    assert data["authors"] == [{"name": meta.author["en"], "alias": meta.author["zh-Hant"]}]
    assert data["references"][0]["date-published"] == meta.source.date


def test_the_cff_schema_does_reject_a_bad_file(meta):
    data = yaml.safe_load(citation_cff(meta))
    del data["authors"]
    assert list(jsonschema.Draft7Validator(cff_schema()).iter_errors(data))
