"""A Traditional Chinese dictionary for jieba, derived from jieba's own Simplified one.

jieba's dictionary lists Simplified words, one `word freq [tag]` a line; on
Traditional text it cuts across words (兩|地資|本市|場). Converting every word
with OpenCC gives a Traditional dictionary (`derive`, `Spellings.lexicon`).
Loading all of it costs jieba about a second per build, so each build hands jieba
only the words that occur in the site's sources (`Spellings.trimmed`): a word that
does not occur in a text can never lie on one of jieba's segmentation paths
through it. jieba scores a path by log(freq / total), so the trimmed file keeps
the full dictionary's total (one padding entry that no Han text can match). jieba
then segments the site's text exactly as it would with the whole Traditional
dictionary.

`DictionaryCache` keeps the derived spellings (keyed by jieba's dictionary file,
OpenCC's version and the conversions) and the trimmed files (keyed by the text
as well) in a cache directory; on an empty cache, `trimmed_in_fork` and
`trimmed_in_background` make them in another process (a fork of the build, or
`python -m chaiqiang.search.dictionary`) while the build goes on. Nothing
generated here is ever committed.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import marshal
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable, Container, Iterable
from dataclasses import dataclass
from pathlib import Path

from .. import parallel
from .errors import SearchError

# OpenCC configurations applied to every word; a word whose conversions differ
# is listed under each. s2tw gives Taiwan characters (平台 → 平臺); s2twp also
# Taiwan words (网络 → 網路, 信息 → 資訊), which the site's text uses.
CONVERSIONS = ("s2tw", "s2twp")

# Bump when the cached formats change.
FORMAT = 2

# Han script, a little generously (radicals, CJK compatibility ideographs and
# the supplementary planes): Material segments runs of \p{script=Han}, and a
# wider run here only lets more candidate words through.
HAN_RUN = re.compile(
    "[\u2e80-\u2fdf\u3005\u3007\u3021-\u3029\u3038-\u303b\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
    "\U00020000-\U0003134f]+"
)

# jieba reads `word freq`; this word holds the frequency that trimming removed
# so that the total stays the full dictionary's. It contains no Han character
# and starts with a character jieba never groups into a block, so it cannot
# match any text.
PADDING_WORD = "@chaiqiang-trimmed-words@"


class DictionaryError(SearchError):
    pass


@dataclass
class Lexicon:
    """Word frequencies, as jieba reads them, and their total."""

    freq: dict[str, int]
    total: int


@dataclass
class Spellings:
    """jieba's words as each conversion spells them: entry i of the Simplified
    dictionary has frequency `counts[i]` and spelling `spelled[k][i]` in conversion k.

    The Traditional dictionary lists each spelling with the frequencies of the entries
    spelled so summed (乾/幹 → 幹), and an entry under each of its distinct spellings.
    `lexicon` is all of it; `trimmed` only the words that occur in a text, made
    without the rest (an empty cache's build waits for it)."""

    counts: list[int]
    spelled: list[list[str]]

    def lexicon(self) -> Lexicon:
        """The whole Traditional dictionary."""
        return Lexicon(*self._summed(set().union(*self.spelled)))

    def trimmed(self, runs: Iterable[str]) -> tuple[dict[str, int], int]:
        """The words that occur in the Han runs, with their frequencies, and the whole
        dictionary's total: what `lexicon()` has of them (a word of frequency 0 is left
        out, as it can never lie on jieba's best path)."""
        # Every piece of a run no longer than the longest spelling: 130,000 for the site.
        longest = max((len(max(spelled, key=len, default="")) for spelled in self.spelled), default=0)
        occurring = {
            run[i:j]
            for run in runs
            for i in range(len(run))
            for j in range(i + 1, min(len(run), i + longest) + 1)
        }
        freq, total = self._summed(occurring)
        return {word: count for word, count in freq.items() if count}, total

    def _summed(self, among: Container[str]) -> tuple[dict[str, int], int]:
        """The summed frequencies of the spellings in `among`, and the total over all."""
        counts, spelled = self.counts, self.spelled
        if not spelled:
            return {}, 0
        freq: dict[str, int] = {}
        get = freq.get
        total = sum(counts)
        # The first two conversions without the general loop's unpacking: an empty
        # cache's build waits for these loops over jieba's 349,000 words.
        for word, count in zip(spelled[0], counts, strict=True):
            if word in among:
                freq[word] = get(word, 0) + count
        for k in range(1, len(spelled)):
            # A spelling that an earlier conversion gave the same entry is counted once.
            if k == 1:
                for word, count, first in zip(spelled[1], counts, spelled[0], strict=True):
                    if word != first:
                        total += count
                        if word in among:
                            freq[word] = get(word, 0) + count
            else:
                for word, count, *earlier in zip(spelled[k], counts, *spelled[:k], strict=True):
                    if word not in earlier:
                        total += count
                        if word in among:
                            freq[word] = get(word, 0) + count
        return freq, total


def han_runs(text: str) -> set[str]:
    return set(HAN_RUN.findall(text))


def parse_columns(text: str, source: str = "dictionary") -> tuple[list[str], list[int]]:
    """The words and the frequencies of the `word freq [tag]` lines, in order."""
    lines = text.splitlines()
    entries = _ENTRY.findall(text)
    if len(entries) == len(lines):  # every line is well formed (most of the time: one pass in C)
        return [word for word, _ in entries], [int(freq) for _, freq in entries]
    words, counts = [], []
    for lineno, line in enumerate(lines, 1):
        parts = line.split(" ")
        if len(parts) < 2 or not (parts[1].isascii() and parts[1].isdigit()):
            raise DictionaryError(f"{source}, line {lineno}: expected 'word frequency [tag]', got {line!r}")
        words.append(parts[0])
        counts.append(int(parts[1]))
    return words, counts


def parse_entries(text: str, source: str = "dictionary") -> list[tuple[str, int]]:
    """(word, freq) for each `word freq [tag]` line, in order."""
    words, counts = parse_columns(text, source)
    return list(zip(words, counts, strict=True))


# A well-formed line: a word (no space), its frequency in ASCII digits, maybe more.
_ENTRY = re.compile(r"^([^ \n\r]*) ([0-9]+)(?:$| [^\n]*$)", re.M)


def derive(simplified: str, converters: Iterable[Callable[[str], str]]) -> Spellings:
    """Every word of jieba's dictionary in every conversion. The converters see the
    words alone, a line each."""
    words, counts = parse_columns(simplified)
    joined = "\n".join(words)
    spelled = []
    for convert in converters:
        spelled.append(convert(joined).split("\n"))
        if len(spelled[-1]) != len(words):
            raise DictionaryError("conversion changed the number of dictionary lines")
    return Spellings(counts, spelled)


def dictionary_text(words: dict[str, int], total: int) -> str:
    """jieba's file format: the words, then the padding entry that restores `total`."""
    lines = [f"{word} {count}" for word, count in sorted(words.items())]
    lines.append(f"{PADDING_WORD} {max(total - sum(words.values()), 0)}")
    return "\n".join(lines) + "\n"


def opencc_converters(configs: Iterable[str] = CONVERSIONS) -> list[Callable[[str], str]]:
    import opencc

    return [opencc.OpenCC(config).convert for config in configs]


def jieba_dictionary_file() -> Path:
    """jieba's bundled (Simplified) dictionary."""
    import jieba

    return Path(jieba.__file__).with_name("dict.txt")


def _atomic_write(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _digest(*parts: str) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode("utf-8"))
        h.update(b"\0")
    return h.hexdigest()[:20]


# The folder that holds the chaiqiang package, for the background process.
_PACKAGES = str(Path(__file__).resolve().parents[2])


class DictionaryCache:
    """Derived and trimmed dictionaries under `directory`, made on first use.

    `keep` trimmed files (and jieba's own caches of them) are kept, newest first;
    older ones are removed, so that `mkdocs serve` does not fill the disk.
    """

    def __init__(
        self,
        directory: Path,
        source: Path | None = None,
        configs: tuple[str, ...] = CONVERSIONS,
        keep: int = 8,
    ) -> None:
        self.directory = Path(directory)
        self.source = source
        self._jiebas_own = source is None  # what another process can find too
        self.configs = configs
        self.keep = keep
        self._spellings: Spellings | None = None

    def _source(self) -> Path:
        if self.source is None:
            self.source = jieba_dictionary_file()
        return self.source

    def source_key(self) -> str:
        """jieba's dictionary file and the installed OpenCC, by path, size and time (no import needed)."""
        stamps = []
        opencc = importlib.util.find_spec("opencc")
        for path in (self._source(), Path(opencc.origin) if opencc and opencc.origin else None):
            stat = path.stat() if path else None
            stamps += [str(path), str(stat.st_size if stat else ""), str(stat.st_mtime_ns if stat else "")]
        return _digest(str(FORMAT), *stamps, *self.configs)

    def spellings(self) -> Spellings:
        """The derived spellings, from the cache or made (and cached) now."""
        if self._spellings is not None:
            return self._spellings
        self.directory.mkdir(parents=True, exist_ok=True)
        key = self.source_key()
        path = self.directory / f"derived-{key}.marshal"
        try:
            # Each conversion's spellings as one text: half the time of a list of strings to load.
            fmt, counts, joined = marshal.loads(path.read_bytes())
            if fmt == FORMAT:
                self._spellings = Spellings(counts, [text.split("\n") for text in joined])
                return self._spellings
        except (OSError, EOFError, ValueError, TypeError):
            pass
        try:
            simplified = self._source().read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise DictionaryError(f"cannot read jieba's dictionary {self._source()}: {exc}") from exc
        self._spellings = derive(simplified, opencc_converters(self.configs))
        joined = ["\n".join(spelled) for spelled in self._spellings.spelled]
        _atomic_write(path, marshal.dumps((FORMAT, self._spellings.counts, joined)))
        for stale in self.directory.glob("derived-*.marshal"):
            if stale != path:
                stale.unlink(missing_ok=True)
        return self._spellings

    def trimmed_path(self, runs: Iterable[str]) -> Path:
        """Where the trimmed file for `runs` is kept (made or not)."""
        return self.directory / f"trimmed-{_digest(self.source_key(), *sorted(set(runs)))}.txt"

    def trimmed(self, runs: Iterable[str]) -> Path:
        """A jieba dictionary file with the derived words that occur in `runs`."""
        runs = sorted(set(runs))
        self.directory.mkdir(parents=True, exist_ok=True)
        path = self.trimmed_path(runs)
        if not path.is_file():
            _atomic_write(path, dictionary_text(*self.spellings().trimmed(runs)).encode("utf-8"))
        else:
            os.utime(path)
        self._prune()
        return path

    def trimmed_in_fork(self, runs: Iterable[str]) -> Callable[[], Path] | None:
        """`trimmed(runs)` started in a fork of this process now, if that is safe
        (chaiqiang.parallel): the wait for its file (made here if the fork failed).
        None: nothing started."""
        if not self._jiebas_own:
            return None
        runs = sorted(set(runs))
        path = self.trimmed_path(runs)
        self.directory.mkdir(parents=True, exist_ok=True)
        # The build needs the file only at its end: its own work (and the pages that a fork
        # reads ahead, chaiqiang.page_cache) goes first.
        forked = parallel.in_background(lambda: self.trimmed(runs), nice=10)
        if forked is None:
            return None
        return lambda: path if forked() and path.is_file() else self.trimmed(runs)

    def trimmed_in_background(self, runs: Iterable[str]) -> Callable[[], Path]:
        """`trimmed(runs)` made by another process, so that on an empty cache the
        derivation (two OpenCC passes over 349,000 words, about 0.8 s) runs beside the
        build on a second core: a fork of this one, or else a new Python process.
        Returns a function that waits for the file; if the other process failed, it
        makes the file here, which reports the error."""
        runs = sorted(set(runs))
        path = self.trimmed_path(runs)
        if path.is_file() or not self._jiebas_own:
            return lambda: self.trimmed(runs)
        self.directory.mkdir(parents=True, exist_ok=True)
        # A fork of the build where that is safe: it starts without Python's start-up and imports.
        forked = self.trimmed_in_fork(runs)
        if forked is not None:
            return forked
        fd, runs_file = tempfile.mkstemp(dir=self.directory, prefix=".runs-", suffix=".json")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump({"configs": list(self.configs), "keep": self.keep, "runs": runs}, f, ensure_ascii=False)
        env = dict(os.environ, PYTHONPATH=os.pathsep.join([_PACKAGES, os.environ.get("PYTHONPATH", "")]))
        worker = subprocess.Popen(
            [sys.executable, "-m", __name__, str(self.directory), runs_file],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

        def wait() -> Path:
            worker.wait()
            Path(runs_file).unlink(missing_ok=True)
            return path if worker.returncode == 0 and path.is_file() else self.trimmed(runs)

        return wait

    def _prune(self) -> None:
        for pattern in ("trimmed-*.txt", "jieba.u*.cache"):
            files = sorted(self.directory.glob(pattern), key=lambda p: p.stat().st_mtime_ns, reverse=True)
            for stale in files[self.keep :]:
                stale.unlink(missing_ok=True)


def main(argv: list[str] | None = None) -> int:
    """The background process of `DictionaryCache.trimmed_in_background`."""
    directory, runs_file = argv if argv is not None else sys.argv[1:]
    job = json.loads(Path(runs_file).read_text(encoding="utf-8"))
    DictionaryCache(Path(directory), configs=tuple(job["configs"]), keep=job["keep"]).trimmed(job["runs"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
