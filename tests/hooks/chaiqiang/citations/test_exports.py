"""BibTeX parses and keeps its fields, RIS has its required tags, CSL-JSON is
valid CSL data, for every kind of reference the site offers."""

from __future__ import annotations

import json
import re
from dataclasses import replace

import bibtexparser
import jsonschema
import pytest
from chaiqiang.citations import embedded, exports, items
from chaiqiang.citations.page import formats

from .conftest import SCHEMAS


def all_items(meta, refs):
    for lang, ref in refs.items():
        yield items.page_item(meta, ref)
        yield items.fragment_item(meta, ref, "evt-2013-taobao-blocks-wechat", "2013 & after: 100% {x}")
        yield items.site_item(meta, lang)
        yield items.dataset_item(meta, lang)
        yield items.article_item(meta, lang)


def exported(meta, refs, key):
    for item in all_items(meta, refs):
        lang = "en" if item["id"].endswith("-en") else "zh-Hant"
        out = {f.key: f.text for f in formats(item, lang)}
        yield items.for_style(item, items.EXPORT), out[key]


def test_bibtex_parses_and_keeps_its_fields(meta, refs):
    for item, text in exported(meta, refs, "bibtex"):
        library = bibtexparser.parse_string(text)
        assert not library.failed_blocks, text
        (entry,) = library.entries
        assert entry.entry_type == "misc"
        assert entry.key == item["id"]
        fields = {f.key: f.value for f in entry.fields}
        author = item["author"][0]["literal"]
        # The institutional author is braced, so that BibTeX keeps it whole.
        assert fields["author"] == "{" + author.replace("&", r"\&") + "}"
        assert fields["title"].startswith("{") and fields["title"].endswith("}")
        year, month, day = item["issued"]["date-parts"][0]
        assert fields["year"] == str(year)
        assert fields["date"] == f"{year:04d}-{month:02d}-{day:02d}"
        if "URL" in item:
            assert fields["url"] == item["URL"]
        if "version" in item:
            assert fields["version"] == item["version"]


def test_bibtex_escapes_special_characters(meta, refs):
    item = items.fragment_item(meta, refs["en"], "evt-x", "2013 & after: 100% {x}")
    (text,) = [f.text for f in formats(item, "en") if f.key == "bibtex"]
    assert r"2013 \& after: 100\% \{x\}" in text
    assert bibtexparser.parse_string(text).entries


RIS_LINE = re.compile(r"^[A-Z][A-Z0-9]  - ")


def test_ris_has_its_required_tags(meta, refs):
    for item, text in exported(meta, refs, "ris"):
        lines = text.split("\n")
        assert all(RIS_LINE.match(line) for line in lines), text
        tags = [line[:2] for line in lines]
        assert tags[0] == "TY" and tags[-1] == "ER" and lines[-1] == "ER  - "
        assert {"AU", "TI", "PY", "DA"} <= set(tags)
        assert ("TY  - DATA" if item["type"] == "dataset" else "TY  - ELEC") == lines[0]
        if "URL" in item:
            assert f"UR  - {item['URL']}" in lines


def test_csl_json_is_valid_csl_data(meta, refs):
    schema = json.loads((SCHEMAS / "csl-data.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft7Validator(schema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)
    for item, text in exported(meta, refs, "csl-json"):
        data = json.loads(text)
        errors = sorted(validator.iter_errors(data), key=str)
        assert not errors, "\n".join(e.message for e in errors)
        assert data == [item]


def test_the_csl_schema_does_reject_a_bad_item():
    schema = json.loads((SCHEMAS / "csl-data.json").read_text(encoding="utf-8"))
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate([{"id": "x", "type": "web page"}], schema)


def test_people_are_family_given_and_institutions_stay_whole():
    item = {
        "id": "porter-1979-en",
        "type": "article-magazine",
        "title": "How Competitive Forces Shape Strategy",
        "author": [
            items.person("Michael E. Porter"),
            items.person("Barry J. Nalebuff"),
            {"literal": "The Tearing Down the Walls editors"},
        ],
        "issued": items.date_parts("1979-03"),
    }
    ris = exports.ris(item).split("\n")
    assert [line for line in ris if line.startswith("AU  - ")] == [
        "AU  - Porter, Michael E.",
        "AU  - Nalebuff, Barry J.",
        "AU  - The Tearing Down the Walls editors,",
    ]
    (entry,) = bibtexparser.parse_string(exports.bibtex(item)).entries
    assert entry.fields_dict["author"].value == (
        "Porter, Michael E. and Nalebuff, Barry J. and {The Tearing Down the Walls editors}"
    )
    # A name without a space (an institution, a Chinese name) is never split.
    assert items.person("藍海億觀網") == {"literal": "藍海億觀網"}


def test_the_exports_and_the_head_name_the_permanent_address(meta, refs):
    permanent = "https://walls.example/editions/1.1.0/en/story/blocking-war/"
    ref = replace(refs["en"], permanent=permanent)
    out = {f.key: f.text for f in formats(items.page_item(meta, ref), "en")}
    assert f"UR  - {permanent}" in out["ris"].split("\n")
    assert bibtexparser.parse_string(out["bibtex"]).entries[0].fields_dict["url"].value == permanent
    assert json.loads(out["csl-json"])[0]["URL"] == permanent
    tags = embedded.highwire(meta, ref)
    assert ("citation_public_url", permanent) in tags
    # The collective author: "Name," so that reference managers do not split it.
    assert ("citation_author", "The Tearing Down the Walls editors,") in tags
    assert [name for name, _ in tags].count("citation_author") == 1
