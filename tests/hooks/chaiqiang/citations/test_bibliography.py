"""The bibliography downloads (chaiqiang.citations.bibliography): every source
of data/sources.yaml as BibTeX, RIS and CSL-JSON, one set per language, each
format valid, each reference complete and free of placeholders. Every check
is also shown to catch a planted fault."""

from __future__ import annotations

import json
import typing

import bibtexparser
import pytest
from chaiqiang.citations import bibliography, exports, items
from chaiqiang.data.schemas import Source
from chaiqiang.languages import LANGUAGES

from . import checks

LANGS = LANGUAGES.codes


def ids(dataset, lang):
    return sorted(f"{s}-{lang.lower()}" for s in dataset.sources)


def texts(dataset, lang):
    return {name: content.decode("utf-8") for name, content in bibliography.files(dataset, lang).items()}


# --- the formats ------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_csl_json_is_valid_csl_data_with_every_source(real_dataset, lang):
    text = texts(real_dataset, lang)["sources.json"]
    assert checks.csl_problems(text, ids(real_dataset, lang)) == []


@pytest.mark.parametrize("lang", LANGS)
def test_bibtex_parses_with_one_entry_per_source(real_dataset, lang):
    text = texts(real_dataset, lang)["sources.bib"]
    assert checks.bibtex_problems(text, ids(real_dataset, lang)) == []


@pytest.mark.parametrize("lang", LANGS)
def test_ris_has_one_record_per_source_from_ty_to_er(real_dataset, lang):
    text = texts(real_dataset, lang)["sources.ris"]
    assert checks.ris_problems(text, len(real_dataset.sources)) == []


def test_the_format_checks_catch_planted_faults(real_dataset):
    t = texts(real_dataset, "en")
    want = ids(real_dataset, "en")
    # CSL-JSON: a type CSL does not know; an entry missing.
    bad_type = json.loads(t["sources.json"])
    bad_type[0]["type"] = "web page"
    assert checks.csl_problems(json.dumps(bad_type), want)
    assert checks.csl_problems(json.dumps(bad_type[1:]), want)
    # BibTeX: an unbalanced brace; a renamed key.
    assert checks.bibtex_problems(t["sources.bib"].replace("title = {{", "title = {{{", 1), want)
    assert checks.bibtex_problems(t["sources.bib"].replace(want[0], "renamed", 1), want)
    # RIS: a record without its ER line; an untagged line.
    assert checks.ris_problems(t["sources.ris"].replace("ER  - \n", "", 1), len(want))
    assert checks.ris_problems(t["sources.ris"].replace("TI  - ", "TI - ", 1), len(want))


# --- what the entries say ------------------------------------------------------


def test_every_kind_has_a_csl_type_the_schema_knows():
    kinds = typing.get_args(Source.model_fields["kind"].annotation)
    schema = json.loads((checks.SCHEMAS / "csl-data.json").read_text(encoding="utf-8"))
    csl_types = set(schema["items"]["properties"]["type"]["enum"])
    assert set(kinds) <= set(items.SOURCE_TYPES)
    assert set(items.SOURCE_TYPES.values()) <= csl_types


def test_kinds_map_to_csl_types(real_dataset):
    by_id = {i["id"]: i for i in bibliography.entries(real_dataset, "en")}
    assert by_id["porter-1979-en"]["type"] == "article-magazine"
    assert by_id["axelrod-1984-en"]["type"] == "book"
    assert by_id["pipl-2021-en"]["type"] == "legislation"
    assert by_id["scmp-2014-03-10-tencent-jd-en"]["type"] == "article-newspaper"
    assert by_id["sep-prisoners-dilemma-en"]["type"] == "entry-encyclopedia"
    assert by_id["lanhai-2025-09-24-en"]["type"] == "webpage"


def test_a_magazine_article_keeps_authors_container_volume_issue_pages_and_month(real_dataset):
    item = items.source_item(real_dataset.sources["porter-1979"], "en")
    assert item["author"] == [{"family": "Porter", "given": "Michael E."}]
    assert item["container-title"] == "Harvard Business Review"
    assert (item["volume"], item["issue"], item["page"]) == ("57", "2", "137–145")
    assert item["issued"] == {"date-parts": [[1979, 3]]}  # month precision, no invented day
    (entry,) = bibtexparser.parse_string(exports.bibtex(item)).entries
    fields = {f.key: f.value for f in entry.fields}
    assert entry.entry_type == "article"
    assert (fields["journal"], fields["number"], fields["pages"]) == (
        "Harvard Business Review",
        "2",
        "137--145",
    )
    assert fields["date"] == "1979-03" and "day" not in fields
    ris = exports.ris(item).split("\n")
    assert {"VL  - 57", "IS  - 2", "SP  - 137", "EP  - 145", "DA  - 1979/03//"} <= set(ris)


def test_a_book_keeps_its_isbn_and_a_year_only_date(real_dataset):
    item = items.source_item(real_dataset.sources["skyrms-2004"], "zh-Hant")
    assert item["ISBN"] == "0-521-82651-9"
    assert item["issued"] == {"date-parts": [[2004]]}
    assert item["publisher"] == "劍橋大學出版社（Cambridge University Press）"  # the reader's language
    assert "SN  - 0-521-82651-9" in exports.ris(item)
    assert "DA  - 2004///" in exports.ris(item)


def test_a_source_without_a_date_has_none(real_dataset):
    item = items.source_item(real_dataset.sources["goldman-sachs-report"], "en")
    assert "issued" not in item
    assert "year =" not in exports.bibtex(item)
    assert "PY  - " not in exports.ris(item)


def test_the_url_is_the_source_never_a_page_where_we_checked_it(real_dataset):
    for lang in LANGS:
        for source in real_dataset.sources.values():
            item = items.source_item(source, lang)
            assert item.get("URL") == source.url, source.id
        for text in texts(real_dataset, lang).values():
            checked_only = {u for s in real_dataset.sources.values() for u in s.verified_at if u != s.url} - {
                s.url for s in real_dataset.sources.values()
            }
            assert not [u for u in checked_only if u in text]


def test_titles_are_in_the_sources_own_language_unless_we_supplied_them(real_dataset):
    pipl = items.source_item(real_dataset.sources["pipl-2021"], "en")
    assert pipl["title"] == real_dataset.sources["pipl-2021"].title["zh-Hant"]
    assert pipl["language"] == "zh"
    porter = items.source_item(real_dataset.sources["porter-1979"], "zh-Hant")
    assert porter["title"] == "How Competitive Forces Shape Strategy"
    # A supplied title is our description, in the reader's language, and bracketed in the files.
    shine = real_dataset.sources["shine-2021-09-17-qq-links"]
    for lang in LANGS:
        exported = items.for_style(items.source_item(shine, lang), items.EXPORT)
        assert exported["title"] == f"[{shine.title[lang]}]"


def test_the_article_is_described_as_the_citation_boxes_describe_it(real_dataset, meta):
    for lang in LANGS:
        ours = items.source_item(real_dataset.sources[meta.source.id], lang)
        theirs = items.article_item(meta, lang)
        for key in ("id", "type", "title", "issued", "language", "_title_supplied"):
            assert ours.get(key) == theirs.get(key), key


def test_the_files_are_sorted_and_the_same_every_time(real_dataset):
    for lang in LANGS:
        first = bibliography.files(real_dataset, lang)
        assert first == bibliography.files(real_dataset, lang)
        keys = [i["id"] for i in json.loads(first["sources.json"])]
        assert keys == sorted(keys)
        assert all(content.endswith(b"\n") for content in first.values())


def test_each_language_has_its_own_folder():
    assert bibliography.folder("zh-Hant") == "downloads/"
    assert bibliography.folder("en") == "en/downloads/"


def test_write_bibliography_writes_each_languages_files(real_dataset, tmp_path):
    written = bibliography.write_bibliography(real_dataset, tmp_path)
    names = sorted(p.relative_to(tmp_path).as_posix() for p in written)
    assert names == sorted(
        f"{bibliography.folder(lang)}{name}" for lang in LANGS for name in bibliography.FILES
    )


# --- references that hold ---------------------------------------------------------


def test_no_reference_has_an_empty_or_placeholder_field(real_dataset):
    problems = []
    for source in real_dataset.sources.values():
        problems += checks.placeholder_problems(source.model_dump(mode="json", exclude_none=True), source.id)
        for lang in LANGS:
            item = items.for_style(items.source_item(source, lang), items.EXPORT)
            problems += checks.placeholder_problems(item, item["id"])
    assert problems == []


@pytest.mark.parametrize(
    "field, value",
    [
        ("title", "TODO"),
        ("title", "?"),
        ("title", "n.d."),
        ("title", "Unknown"),
        ("title", "xxx"),
        ("title", ""),
        ("URL", "https://example.com/report"),
        ("URL", "ftp://files.example.org/a"),
        ("URL", "www.globaltimes.cn/page/1"),
        ("ISBN", "0-521-82651-8"),  # Skyrms's ISBN with a wrong check digit
        ("ISBN", "978-0-465-00564-1"),
    ],
)
def test_the_placeholder_check_catches_a_planted_fault(real_dataset, field, value):
    item = items.source_item(real_dataset.sources["skyrms-2004"], "en")
    assert checks.placeholder_problems(item, "skyrms") == []
    assert checks.placeholder_problems({**item, field: value}, "skyrms")


def test_isbn_checksums():
    assert checks.isbn_ok("0-465-00564-0") and checks.isbn_ok("1401302378")
    assert checks.isbn_ok("978-0-521-82651-8") and checks.isbn_ok("080442957X")
    assert not checks.isbn_ok("0-465-00564-1") and not checks.isbn_ok("978-0-521-82651-4")
    assert not checks.isbn_ok("12345")
