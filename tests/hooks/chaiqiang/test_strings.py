"""chaiqiang.strings: the interface words, one catalogue per language (data/strings/)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from chaiqiang import strings
from chaiqiang.errors import ChaiqiangError
from chaiqiang.languages import LANGUAGES

ROOT = Path(__file__).resolve().parents[3]


def test_every_language_has_a_catalogue_with_the_same_words():
    catalogue = strings.load()
    assert set(catalogue) == set(LANGUAGES.codes)
    for lang in LANGUAGES.codes:
        assert {"blocks", "edition", "citations"} <= set(catalogue[lang]), lang
    assert strings.group("en", "citations")["labels"]["apa"] == "APA 7th ed."
    assert strings.group("zh-Hant", "blocks")["punct.list"] == "、"


def test_chinese_interface_words_are_in_taiwan_orthography():
    from tools.checks.textcheck import orthography_findings

    text = (ROOT / "data" / "strings" / "zh-Hant.yaml").read_text(encoding="utf-8")
    findings = orthography_findings(text, "data/strings/zh-Hant.yaml")
    assert not findings, "\n".join(map(str, findings))


@pytest.fixture
def project(tmp_path):
    shutil.copytree(ROOT / "data" / "strings", tmp_path / "data" / "strings")
    shutil.copyfile(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    strings.load.cache_clear()
    yield tmp_path
    strings.load.cache_clear()


def _edit(project: Path, lang: str, old: str, new: str) -> None:
    path = project / "data" / "strings" / f"{lang}.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _line(project: Path, lang: str, needle: str) -> int:
    text = (project / "data" / "strings" / f"{lang}.yaml").read_text(encoding="utf-8")
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def test_a_missing_word_names_file_key_and_line(project):
    _edit(project, "en", "  how_to_cite: How to cite\n", "")
    with pytest.raises(
        strings.StringsError, match=r"data/strings/en.yaml: key 'citations.how_to_cite' is missing"
    ) as e:
        strings.load(project)
    assert isinstance(e.value, ChaiqiangError) and e.value.line == _line(project, "en", "citations:")


def test_an_extra_word_names_file_key_and_line(project):
    _edit(project, "en", "  how_to_cite: How to cite\n", "  how_to_cite: How to cite\n  how_to_sit: Sit\n")
    with pytest.raises(strings.StringsError, match=r"en.yaml: key 'citations.how_to_sit' is not in") as e:
        strings.load(project)
    assert e.value.line == _line(project, "en", "how_to_sit")


def test_an_empty_word_names_file_key_and_line(project):
    _edit(project, "zh-Hant", "  how_to_cite: 如何引用\n", '  how_to_cite: " "\n')
    with pytest.raises(
        strings.StringsError, match=r"zh-Hant.yaml: key 'citations.how_to_cite' is empty"
    ) as e:
        strings.load(project)
    assert e.value.line == _line(project, "zh-Hant", "how_to_cite")


@pytest.mark.parametrize(
    ("lang", "old", "new"),
    [
        ("en", "  how_to_cite: How to cite\n", "  how_to_cite: How to <b>cite</b>\n"),
        ("zh-Hant", "  top: 回到頂端\n", '  top: "<img src=x onerror=alert(1)>"\n'),
    ],
)
def test_markup_in_a_word_names_file_key_and_line(project, lang, old, new):
    # Material's own templates print its words unescaped: the catalogue holds plain text only.
    _edit(project, lang, old, new)
    with pytest.raises(
        strings.StringsError, match=rf"{lang}.yaml: key '[a-z_.]+': interface words are plain text"
    ) as e:
        strings.load(project)
    assert e.value.line == _line(project, lang, new.strip())


def test_a_missing_catalogue_is_an_error(project):
    (project / "data" / "strings" / "en.yaml").unlink()
    with pytest.raises(strings.StringsError, match="no catalogue for language 'en'"):
        strings.load(project)
