"""The Traditional dictionary: derived with OpenCC, trimmed without changing how jieba cuts."""

from __future__ import annotations

import marshal
import os
import shutil
import sys

import jieba
import pytest
from chaiqiang import parallel
from chaiqiang.search import dictionary
from chaiqiang.search.dictionary import (
    PADDING_WORD,
    DictionaryCache,
    DictionaryError,
    Spellings,
    derive,
    dictionary_text,
    han_runs,
    parse_entries,
)
from hypothesis import example, given, settings
from hypothesis import strategies as st

SIMPLIFIED = "资本 300 n\n市场 500 n\n两地 20 n\n干 10 v\n乾 5 v\n网络 80 n\n"


def tokenizer(path, tmp_path):
    tk = jieba.Tokenizer(str(path))
    tk.tmp_dir = str(tmp_path)
    tk.initialize()
    return tk


def to_traditional(text: str) -> str:
    return text.translate(str.maketrans("资场两干乾网络", "資場兩幹幹網絡"))


def to_taiwan(text: str) -> str:
    return to_traditional(text).replace("網絡", "網路")


def test_derive_lists_every_spelling_and_sums_words_that_merge():
    lexicon = derive(SIMPLIFIED, [to_traditional, to_taiwan]).lexicon()
    assert lexicon.freq["資本"] == 300
    # 干 and 乾 both become 幹 in the first conversion: their frequencies add up.
    assert lexicon.freq["幹"] == 10 + 5
    # 网络 is spelled 網絡 by one conversion and 網路 by the other: listed under each.
    assert lexicon.freq["網絡"] == 80 and lexicon.freq["網路"] == 80
    assert lexicon.total == sum(lexicon.freq.values())


def test_a_third_conversion_adds_only_the_spellings_the_first_two_did_not_give():
    # The loops for the first two conversions are their own; the third takes the general one.
    third = lambda text: to_taiwan(text).replace("網路", "網絡").replace("資本", "资本")  # noqa: E731
    two, three = (
        derive(SIMPLIFIED, [to_traditional, to_taiwan]).lexicon(),
        derive(SIMPLIFIED, [to_traditional, to_taiwan, third]).lexicon(),
    )
    assert three.freq == {**two.freq, "资本": 300}  # 網絡 was the first's spelling: not again
    assert three.total == two.total + 300


def test_a_broken_dictionary_line_is_reported_with_its_number():
    with pytest.raises(DictionaryError, match="line 2"):
        parse_entries("资本 300 n\n市场\n")


def test_trim_keeps_exactly_the_words_that_occur_in_the_text():
    spellings = Spellings([3, 5, 2, 8, 1], [["資本", "市場", "兩地", "網路", "本市"]])
    kept, total = spellings.trimmed(han_runs("兩地資本市場，不是網絡。"))
    assert kept == {"資本": 3, "市場": 5, "兩地": 2, "本市": 1}
    assert total == 19


def _reference_lexicon(spellings: Spellings) -> tuple[dict[str, int], int]:
    """The Traditional dictionary the plain way: each entry under each distinct spelling."""
    freq: dict[str, int] = {}
    total = 0
    for i, count in enumerate(spellings.counts):
        for word in dict.fromkeys(spelled[i] for spelled in spellings.spelled):
            freq[word] = freq.get(word, 0) + count
            total += count
    return freq, total


def _reference_trim(spellings: Spellings, runs: set[str]) -> tuple[dict[str, int], int]:
    freq, total = _reference_lexicon(spellings)
    return {w: c for w, c in freq.items() if c and w and any(w in run for run in runs)}, total


_HAN = st.text(alphabet="資本市場網路絡平臺台", min_size=0, max_size=4)


@given(
    st.integers(min_value=1, max_value=3).flatmap(
        lambda k: st.lists(st.tuples(st.integers(0, 50), st.lists(_HAN, min_size=k, max_size=k)), max_size=12)
    ),
    st.sets(st.text(alphabet="資本市場網路絡平臺台", min_size=1, max_size=7), max_size=5),
)
@settings(max_examples=300)
def test_trimming_keeps_what_the_whole_dictionary_has_of_the_words_in_the_text(entries, runs):
    spellings = Spellings(
        [c for c, _ in entries], [list(col) for col in zip(*(w for _, w in entries), strict=True)]
    )
    if not entries:
        spellings = Spellings([], [[]])
    lexicon = spellings.lexicon()
    assert (lexicon.freq, lexicon.total) == _reference_lexicon(spellings)
    assert spellings.trimmed(runs) == _reference_trim(spellings, runs)


def test_trimming_jiebas_dictionary_for_the_site_keeps_what_the_whole_one_has(dictionary_cache, zh_runs):
    spellings = dictionary_cache.spellings()
    assert len(spellings.counts) > 340_000 and len(spellings.spelled) == 2
    runs = set(zh_runs)
    kept, total = spellings.trimmed(runs)
    full = spellings.lexicon()
    occurring = {
        w for run in runs for i in range(len(run)) for j in range(i + 1, len(run) + 1) for w in [run[i:j]]
    }
    assert kept == {w: c for w, c in full.freq.items() if c and w in occurring}
    assert total == full.total == _reference_lexicon(spellings)[1]


def test_the_trimmed_file_keeps_the_full_total():
    text = dictionary_text({"資本": 3, "市場": 5}, total=100)
    entries = dict(parse_entries(text))
    assert entries[PADDING_WORD] == 92
    assert sum(entries.values()) == 100


def test_the_derived_dictionary_cuts_traditional_text_into_words(dictionary_cache, tmp_path):
    sentences = ["兩地資本市場", "說明網站", "互聯互通", "工信部要求平臺解除封鎖"]
    path = dictionary_cache.trimmed(han_runs(" ".join(sentences)))
    tk = tokenizer(path, tmp_path)
    assert ["|".join(tk.cut(s)) for s in sentences] == [
        "兩地|資本|市場",
        "說明|網站",
        "互聯互通",
        "工信部|要求|平臺|解除|封鎖",
    ]


def test_jiebas_own_dictionary_fails_on_the_same_text():
    # Why the site derives its own: jieba's dictionary is Simplified (兩地資|本市|場).
    tk = jieba.Tokenizer()
    assert "資本" not in tk.lcut("兩地資本市場")


def test_trimming_does_not_change_how_jieba_cuts_the_site(dictionary_cache, zh_runs, tmp_path):
    lexicon = dictionary_cache.spellings().lexicon()
    full = tmp_path / "full.txt"
    full.write_text(dictionary_text(lexicon.freq, lexicon.total), encoding="utf-8")
    trimmed = dictionary_cache.trimmed(set(zh_runs))
    assert trimmed.stat().st_size < full.stat().st_size / 50
    tk_full, tk_trimmed = tokenizer(full, tmp_path), tokenizer(trimmed, tmp_path)
    differ = [run for run in set(zh_runs) if tk_full.lcut(run) != tk_trimmed.lcut(run)]
    assert differ == []


def test_the_cache_derives_once_and_then_reads_its_files(tmp_path, monkeypatch):
    source = tmp_path / "dict.txt"
    source.write_text(SIMPLIFIED, encoding="utf-8")
    first = DictionaryCache(tmp_path / "cache", source=source)
    path = first.trimmed({"兩地資本市場"})
    assert "資本 300" in path.read_text(encoding="utf-8")
    (derived,) = (tmp_path / "cache").glob("derived-*.marshal")
    assert marshal.loads(derived.read_bytes())[1] == [300, 500, 20, 10, 5, 80]

    def no_derive(*args, **kwargs):
        raise AssertionError("derived again")

    monkeypatch.setattr(dictionary, "derive", no_derive)
    again = DictionaryCache(tmp_path / "cache", source=source)
    assert again.trimmed({"兩地資本市場"}) == path
    # New text needs a new trimmed file, from the cached derived dictionary.
    assert again.trimmed({"網路市場"}) != path


def test_the_cache_keeps_only_the_newest_trimmed_files(tmp_path):
    cache = DictionaryCache(tmp_path, source=tmp_path / "unused.txt", keep=3)
    for i in range(6):
        stale = tmp_path / f"trimmed-{i}.txt"
        stale.write_text("x 1\n", encoding="utf-8")
        os.utime(stale, ns=(i * 10**9, i * 10**9))
    cache._prune()
    assert sorted(p.name for p in tmp_path.glob("trimmed-*.txt")) == [
        "trimmed-3.txt",
        "trimmed-4.txt",
        "trimmed-5.txt",
    ]


@pytest.mark.parametrize("way", ["fork", "new process"])
def test_a_dictionary_made_in_the_background_is_the_one_made_here(tmp_path, monkeypatch, way):
    runs = {"兩地資本市場", "淘寶屏蔽微信連結", "網路平臺"}
    here = DictionaryCache(tmp_path / "here").trimmed(runs)
    forks = []
    real_fork = parallel.in_background
    if way == "fork":  # as in a build (the suite's own process has threads)
        monkeypatch.setattr(parallel, "_can_fork", lambda: True)
    monkeypatch.setattr(
        parallel,
        "in_background",
        lambda job, nice=0: None if way != "fork" else forks.append(real_fork(job, nice)) or forks[-1],
    )
    made = DictionaryCache(tmp_path / "there").trimmed_in_background(runs)
    there = made()
    assert [wait is not None for wait in forks] == ([True] if way == "fork" else [])
    assert there.parent == tmp_path / "there"
    assert there.read_bytes() == here.read_bytes()
    assert [p.name for p in (tmp_path / "there").glob(".runs-*")] == []
    # If the other process fails, the file is made here (from the derived words made above).
    shutil.copytree(tmp_path / "here", tmp_path / "failed", ignore=shutil.ignore_patterns("trimmed-*"))
    monkeypatch.setattr(sys, "executable", "/bin/false")
    monkeypatch.setattr(DictionaryCache, "trimmed", _fails_in_a_fork(DictionaryCache.trimmed))
    assert (
        DictionaryCache(tmp_path / "failed").trimmed_in_background(runs)().read_bytes() == here.read_bytes()
    )


def _fails_in_a_fork(trimmed):
    parent = os.getpid()

    def fails_elsewhere(self, runs):
        if os.getpid() != parent:
            raise OSError("planted: the other process fails")
        return trimmed(self, runs)

    return fails_elsewhere


def _parse_line_by_line(text: str) -> list[tuple[str, int]]:
    entries = []
    for lineno, line in enumerate(text.splitlines(), 1):
        parts = line.split(" ")
        if len(parts) < 2 or not (parts[1].isascii() and parts[1].isdigit()):
            raise DictionaryError(f"dictionary, line {lineno}: expected 'word frequency [tag]', got {line!r}")
        entries.append((parts[0], int(parts[1])))
    return entries


@given(st.lists(st.text(alphabet="资本 12n\r\x0c²\u2028", max_size=8), max_size=6).map("\n".join))
@example("资本 300 n\n市场 12n\n")
@example("资本 3²")
@example("资本 3\x0c市场 5")
@settings(max_examples=400)
def test_parsing_in_one_pass_reads_every_text_as_line_by_line_reading_does(text):
    # parse_entries' fast path (one regular expression over the file) must agree with
    # reading the lines one by one: the same entries, or the same error on the same line.
    try:
        expected = _parse_line_by_line(text)
    except DictionaryError as exc:
        with pytest.raises(DictionaryError) as got:
            parse_entries(text)
        assert str(got.value) == str(exc)
    else:
        assert parse_entries(text) == expected
