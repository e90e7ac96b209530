"""jieba, as Material's search plugin calls it, cuts the site's text with the site's words kept whole."""

from __future__ import annotations

import shutil

import jieba
import pytest
from chaiqiang import parallel, search
from chaiqiang.project import Project
from chaiqiang.search import segmenter
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


def test_a_site_word_inside_a_source_run_changes_nothing_in_the_dictionary(dictionary_cache, tmp_path):
    roots = [ROOT / "docs", ROOT / "data", ROOT / "overrides", ROOT / "hooks" / "chaiqiang"]
    runs = source_runs(roots)
    assert segmenter._runs(roots, [*SITE_WORDS, "從未寫過的詞"]) == runs | {"從未寫過的詞"}
    # data/search.yaml and the glossary hold every site word: the runs alone give the same file.
    with_words = dictionary_cache.trimmed(runs | set(SITE_WORDS))
    assert (
        dictionary_cache.trimmed(segmenter._runs(roots, SITE_WORDS)).read_bytes() == with_words.read_bytes()
    )


@pytest.fixture
def forks(monkeypatch, dictionary_cache, tmp_path):
    """Forks allowed (a build's process has no threads), counted; a cache with the derived words."""
    dictionary_cache.spellings()
    cache = tmp_path / "cache"
    cache.mkdir()
    for derived in dictionary_cache.directory.glob("derived-*.marshal"):
        shutil.copy(derived, cache)
    monkeypatch.setattr(parallel, "_cores", lambda: 2)
    monkeypatch.setattr(parallel.threading, "active_count", lambda: 1)
    started = []
    real = parallel.in_background
    monkeypatch.setattr(
        parallel, "in_background", lambda job, nice=0: started.append(nice) or real(job, nice)
    )
    yield cache, started
    search.prepare(ROOT, ROOT / "docs", SITE_WORDS)  # jieba as the other tests expect it


def test_the_dictionary_begun_before_the_config_is_the_one_prepare_takes_up(forks, tmp_path):
    cache, started = forks
    (tmp_path / "page.md").write_text("淘寶屏蔽微信連結", encoding="utf-8")
    segmenter.start([tmp_path], cache)
    assert started == [10]  # one fork, yielding to the build
    path = segmenter.prepare([tmp_path], ["微信"], cache, background=True)
    assert started == [10]  # taken up, not begun again
    segmenter.ready()
    assert path.is_file() and jieba.lcut("淘寶屏蔽微信連結")[:2] == ["淘寶", "屏蔽"]


def test_other_sources_than_the_begun_ones_get_their_own_dictionary(forks, tmp_path):
    cache, started = forks
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "page.md").write_text("淘寶屏蔽微信", encoding="utf-8")
    (tmp_path / "b" / "page.md").write_text("工信部要求平臺解除封鎖", encoding="utf-8")
    segmenter.start([tmp_path / "a"], cache)
    path = segmenter.prepare([tmp_path / "b"], [], cache, background=True)
    assert len(started) == 2
    segmenter.ready()
    assert "解除" in path.read_text(encoding="utf-8") and "屏蔽" not in path.read_text(encoding="utf-8")
