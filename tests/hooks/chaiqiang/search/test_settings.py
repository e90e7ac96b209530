"""data/search.yaml: the site's words and the rank of reference pages, checked before a build uses them."""

from __future__ import annotations

import opencc
import pytest
from chaiqiang.search.settings import SearchSettingsError, glossary_words, load_settings

from tests.conftest import ROOT

GLOSSARY = """terms:
- id: taokouling
  zh: {term: 淘口令, aliases: [], definition: x}
  en: {term: Taokouling, aliases: [], definition: x}
- id: gmv
  zh: {term: GMV, aliases: [商品交易總額, UP主], definition: x}
  en: {term: GMV, aliases: [], definition: x}
"""


def write(tmp_path, text: str, glossary: str = GLOSSARY):
    (tmp_path / "glossary.yaml").write_text(glossary, encoding="utf-8")
    path = tmp_path / "search.yaml"
    path.write_text(text, encoding="utf-8")
    return path, tmp_path / "glossary.yaml"


def test_the_sites_settings_load():
    settings = load_settings(ROOT / "data" / "search.yaml", ROOT / "data" / "glossary.yaml")
    # Glossary terms and the reviewed names, each once.
    for word in ("淘口令", "囚徒困境", "阿里媽媽", "支付寶", "騰訊"):
        assert word in settings.words
    assert len(settings.words) == len(set(settings.words))
    assert settings.rank["glossary.md"] < 1


def test_the_sites_words_are_in_taiwan_orthography():
    s2tw = opencc.OpenCC("s2tw").convert
    settings = load_settings(ROOT / "data" / "search.yaml", ROOT / "data" / "glossary.yaml")
    assert [w for w in settings.words if s2tw(w) != w] == []


def test_every_ranked_page_exists_in_both_languages():
    settings = load_settings(ROOT / "data" / "search.yaml", ROOT / "data" / "glossary.yaml")
    for page in settings.rank:
        for lang in ("zh-Hant", "en"):
            assert (ROOT / "docs" / lang / page).is_file(), (
                f"data/search.yaml: rank: {lang}/{page} does not exist"
            )


def test_only_han_glossary_words_are_given_to_jieba(tmp_path):
    _, glossary = write(tmp_path, "")
    # GMV is Latin, UP主 mixed: only Han runs are ever cut.
    assert glossary_words(glossary) == ["淘口令", "商品交易總額"]


def test_glossary_words_come_first_and_each_word_once(tmp_path):
    path, glossary = write(tmp_path, "words:\n  products: [阿里媽媽, 淘口令]\n")
    assert load_settings(path, glossary).words == ("淘口令", "商品交易總額", "阿里媽媽")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("words:\n  products: [阿里媽媽, Alimama]\n", "group 'products', entry 2: 'Alimama' is not a word"),
        (
            "words:\n  products: [騰訊]\n  companies: [騰訊]\n",
            "group 'companies', entry 1: 騰訊 is already listed",
        ),
        ("words:\n  products: []\n", "group 'products': expected a non-empty list"),
        ("words: [騰訊]\n", "'words': expected a mapping"),
        ("words:\n  products: [騰訊]\nrank:\n  glossary.md: 0\n", "'rank', entry 'glossary.md': the factor"),
        (
            "words:\n  products: [騰訊]\nrank:\n  glossary: 0.5\n",
            "'rank', entry 'glossary': expected a page file",
        ),
        ("words:\n  products: [騰訊]\nranks: {}\n", "unknown keys ranks"),
    ],
)
def test_mistakes_are_reported_with_file_and_entry(tmp_path, text, message):
    path, glossary = write(tmp_path, text)
    with pytest.raises(SearchSettingsError) as error:
        load_settings(path, glossary)
    assert "search.yaml" in str(error.value)
    assert message in str(error.value)
