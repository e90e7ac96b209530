"""jieba, as Material's search plugin calls it, cuts the site's text with the site's words kept whole."""

from __future__ import annotations

import jieba
import pytest
from chaiqiang import search
from chaiqiang.project import Project
from chaiqiang.search.segmenter import source_runs, use_dictionary

from tests.conftest import ROOT


def test_source_runs_reads_the_text_files_that_pages_are_made_from(tmp_path):
    (tmp_path / "page.md").write_text("淘口令是一段文字 with English", encoding="utf-8")
    (tmp_path / "data.yaml").write_text("name: 阿里媽媽\n", encoding="utf-8")
    (tmp_path / "image.svg").write_text("<text>圖片</text>", encoding="utf-8")
    assert source_runs([tmp_path]) == {"淘口令是一段文字", "阿里媽媽"}


# The words a build gives jieba: data/search.yaml and the glossary (chaiqiang.project).
SITE_WORDS = Project.load(ROOT, environ={}).search.words


@pytest.fixture(scope="module")
def site_jieba():
    """jieba's default tokenizer as the build leaves it, restored afterwards."""
    dictionary, tmp_dir = jieba.dt.dictionary, jieba.dt.tmp_dir
    search.prepare(ROOT, ROOT / "docs", SITE_WORDS)
    yield jieba
    # jieba loads its dictionary again on the next cut.
    jieba.dt.dictionary, jieba.dt.tmp_dir, jieba.dt.initialized = dictionary, tmp_dir, False


def test_every_site_word_is_one_word_wherever_the_pages_use_it(site_jieba, zh_runs):
    words = SITE_WORDS
    cut_apart = []
    for run in zh_runs:
        tokens = site_jieba.lcut(run)
        for word in words:
            # A longer word that contains it is fine (淘寶特價版 for 淘寶).
            if word in run and not any(word in token for token in tokens):
                cut_apart.append(f"{word}: {'|'.join(tokens)}")
    assert cut_apart == []


def test_site_words_hold_in_a_sentence_not_only_alone(tmp_path, dictionary_cache):
    # With jieba's suggested frequency alone, 遭微信封殺 became 遭微|信封|殺.
    path = dictionary_cache.trimmed({"遭微信封殺", "淘寶利用微信的流量"})
    use_dictionary(path, ["微信", "淘寶"], tmp_path)
    try:
        assert jieba.lcut("遭微信封殺") == ["遭", "微信", "封殺"]
        assert "微信" in jieba.lcut("淘寶利用微信的流量")
    finally:
        search.prepare(ROOT, ROOT / "docs", SITE_WORDS)
