"""data/search.yaml: the site's words and the rank of reference pages, checked before a build uses them."""

from __future__ import annotations

import opencc
import pytest
from chaiqiang.data import DataError
from chaiqiang.project import Project
from chaiqiang.search.settings import glossary_words, load_settings

from tests.conftest import ROOT

# The glossary's zh-Hant spellings, as the data set gives them (chaiqiang.project).
GLOSSARY = ["淘口令", "GMV", "商品交易總額", "UP主"]


def write(tmp_path, text: str):
    path = tmp_path / "search.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def site_settings():
    return Project.load(ROOT, environ={}).search


def test_the_sites_settings_load(site_settings):
    settings = site_settings
    # Glossary terms and the reviewed names, each once.
    for word in ("淘口令", "囚徒困境", "阿里媽媽", "支付寶", "騰訊"):
        assert word in settings.words
    assert len(settings.words) == len(set(settings.words))
    assert settings.rank["glossary.md"] < 1


def test_the_sites_words_are_in_taiwan_orthography(site_settings):
    s2tw = opencc.OpenCC("s2tw").convert
    settings = site_settings
    assert [w for w in settings.words if s2tw(w) != w] == []


def test_every_ranked_page_exists_in_both_languages(site_settings):
    settings = site_settings
    for page in settings.rank:
        for lang in ("zh-Hant", "en"):
            assert (ROOT / "docs" / lang / page).is_file(), (
                f"data/search.yaml: rank: {lang}/{page} does not exist"
            )


def test_only_han_glossary_words_are_given_to_jieba():
    # GMV is Latin, UP主 mixed: only Han runs are ever cut.
    assert glossary_words(GLOSSARY) == ["淘口令", "商品交易總額"]


def test_glossary_words_come_first_and_each_word_once(tmp_path):
    path = write(tmp_path, "words:\n  products: [阿里媽媽, 淘口令]\n")
    assert load_settings(path, GLOSSARY).words == ("淘口令", "商品交易總額", "阿里媽媽")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "words:\n  products: [阿里媽媽, Alimama]\n",
            "entry 'words': field 'products[1]': 'Alimama' is not a word of two or more Han characters (line 2)",
        ),
        (
            "words:\n  products: [騰訊]\n  companies: [騰訊]\n",
            "entry 'words': field 'companies[0]': 騰訊 is already listed in group 'products' (line 3)",
        ),
        (
            "words:\n  products: []\n",
            "entry 'words': field 'products': needs at least 1 item(s), has 0 (line 2)",
        ),
        ("words: [騰訊]\n", "field 'words': expected a mapping (key: value pairs), got list"),
        (
            "words:\n  products: [騰訊]\nrank:\n  glossary.md: 0\n",
            "entry 'rank': field 'glossary.md': must be above 0, not 0 (line 4)",
        ),
        (
            "words:\n  products: [騰訊]\nrank:\n  glossary: 0.5\n",
            "entry 'rank': field 'glossary': 'glossary' is not a page file under docs/<language>/",
        ),
        ("words:\n  products: [騰訊]\nranks: {}\n", "field 'ranks': is not a known field (a typo?) (line 3)"),
    ],
)
def test_mistakes_are_reported_with_file_and_entry(tmp_path, text, message):
    path = write(tmp_path, text)
    with pytest.raises(DataError) as error:
        load_settings(path, GLOSSARY)
    assert "search.yaml" in str(error.value)
    assert message in str(error.value)
