"""A Traditional Chinese dictionary for jieba, derived from jieba's own Simplified one.

jieba's dictionary lists Simplified words, one `word freq [tag]` a line; on
Traditional text it cuts across words (兩|地資|本市|場). Converting every word
with OpenCC gives a Traditional dictionary (`derive`). Loading all of it costs
jieba about a second per build, so each build hands jieba only the words that
occur in the site's sources (`trim`): a word that does not occur in a text can
never lie on one of jieba's segmentation paths through it. jieba scores a path
by log(freq / total), so the trimmed file keeps the full dictionary's total
(one padding entry that no Han text can match). jieba then segments the site's
text exactly as it would with the whole Traditional dictionary.

`DictionaryCache` keeps the derived dictionary (keyed by jieba's dictionary file,
OpenCC's version and the conversions) and the trimmed files (keyed by the text
as well) in a cache directory; on an empty cache, `trimmed_in_background`
makes them in another process (`python -m chaiqiang.search.dictionary`) while the
build goes on. Nothing generated here is ever committed.
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
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .. import parallel
from .errors import SearchError

# OpenCC configurations applied to every word; a word whose conversions differ
# is listed under each. s2tw gives Taiwan characters (平台 → 平臺); s2twp also
# Taiwan words (网络 → 網路, 信息 → 資訊), which the site's text uses.
CONVERSIONS = ("s2tw", "s2twp")

# Bump when the cached formats change.
FORMAT = 1

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
    _longest: dict[str, int] | None = field(default=None, repr=False)

    def longest_by_first_char(self) -> dict[str, int]:
        if self._longest is None:
            longest: dict[str, int] = {}
            for word in self.freq:
                if len(word) > longest.get(word[0], 0):
                    longest[word[0]] = len(word)
            self._longest = longest
        return self._longest


def han_runs(text: str) -> set[str]:
    return set(HAN_RUN.findall(text))


def parse_entries(text: str, source: str = "dictionary") -> list[tuple[str, int]]:
    """(word, freq) for each `word freq [tag]` line, in order."""
    lines = text.splitlines()
    entries = _ENTRY.findall(text)
    if len(entries) == len(lines):  # every line is well formed (most of the time: one pass in C)
        return [(word, int(freq)) for word, freq in entries]
    entries = []
    for lineno, line in enumerate(lines, 1):
        parts = line.split(" ")
        if len(parts) < 2 or not (parts[1].isascii() and parts[1].isdigit()):
            raise DictionaryError(f"{source}, line {lineno}: expected 'word frequency [tag]', got {line!r}")
        entries.append((parts[0], int(parts[1])))
    return entries


# A well-formed line: a word (no space), its frequency in ASCII digits, maybe more.
_ENTRY = re.compile(r"^([^ \n\r]*) ([0-9]+)(?:$| [^\n]*$)", re.M)


def derive(simplified: str, converters: Iterable[Callable[[str], str]]) -> Lexicon:
    """The Traditional dictionary: each word in every conversion, frequencies summed.

    Words that two Simplified words become (乾/幹 → 幹) get the sum of their
    frequencies; a word that the conversions spell differently is listed under
    each spelling. The converters see the words alone, a line each.
    """
    entries = parse_entries(simplified)
    words = "\n".join(word for word, _ in entries)
    counts = [count for _, count in entries]
    spellings: list[list[str]] = []
    for convert in converters:
        spelled = convert(words).split("\n")
        if len(spelled) != len(entries):
            raise DictionaryError("conversion changed the number of dictionary lines")
        spellings.append(spelled)
    freq: dict[str, int] = {}
    get = freq.get
    total = 0
    for k, spelled in enumerate(spellings):
        # A spelling that an earlier conversion gave the same word is counted once.
        # The first two conversions without the general loop's unpacking: 0.1 s less
        # over jieba's 349,000 words, which an empty cache's build waits for.
        if k == 0:
            for word, count in zip(spelled, counts, strict=True):
                freq[word] = get(word, 0) + count
            total += sum(counts)
        elif k == 1:
            for word, count, first in zip(spelled, counts, spellings[0], strict=True):
                if word != first:
                    freq[word] = get(word, 0) + count
                    total += count
        else:
            for word, count, *earlier in zip(spelled, counts, *spellings[:k], strict=True):
                if word not in earlier:
                    freq[word] = get(word, 0) + count
                    total += count
    return Lexicon(freq, total)


def trim(lexicon: Lexicon, runs: Iterable[str]) -> dict[str, int]:
    """The words of `lexicon` that occur in the Han runs, with their frequencies."""
    words = lexicon.freq
    longest = lexicon.longest_by_first_char()
    kept: dict[str, int] = {}
    for run in runs:
        n = len(run)
        for i in range(n):
            for j in range(i + 1, min(n, i + longest.get(run[i], 0)) + 1):
                word = run[i:j]
                count = words.get(word)
                if count:
                    kept[word] = count
    return kept


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
        self._lexicon: Lexicon | None = None

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

    def lexicon(self) -> Lexicon:
        """The derived Traditional dictionary, from the cache or made (and cached) now."""
        if self._lexicon is not None:
            return self._lexicon
        self.directory.mkdir(parents=True, exist_ok=True)
        key = self.source_key()
        path = self.directory / f"derived-{key}.marshal"
        try:
            fmt, freq, total = marshal.loads(path.read_bytes())
            if fmt == FORMAT:
                self._lexicon = Lexicon(freq, total)
                return self._lexicon
        except (OSError, EOFError, ValueError, TypeError):
            pass
        try:
            simplified = self._source().read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise DictionaryError(f"cannot read jieba's dictionary {self._source()}: {exc}") from exc
        self._lexicon = derive(simplified, opencc_converters(self.configs))
        _atomic_write(path, marshal.dumps((FORMAT, self._lexicon.freq, self._lexicon.total)))
        for stale in self.directory.glob("derived-*.marshal"):
            if stale != path:
                stale.unlink(missing_ok=True)
        return self._lexicon

    def trimmed_path(self, runs: Iterable[str]) -> Path:
        """Where the trimmed file for `runs` is kept (made or not)."""
        return self.directory / f"trimmed-{_digest(self.source_key(), *sorted(set(runs)))}.txt"

    def trimmed(self, runs: Iterable[str]) -> Path:
        """A jieba dictionary file with the derived words that occur in `runs`."""
        runs = sorted(set(runs))
        self.directory.mkdir(parents=True, exist_ok=True)
        path = self.trimmed_path(runs)
        if not path.is_file():
            lexicon = self.lexicon()
            _atomic_write(path, dictionary_text(trim(lexicon, runs), lexicon.total).encode("utf-8"))
        else:
            os.utime(path)
        self._prune()
        return path

    def trimmed_in_background(self, runs: Iterable[str]) -> Callable[[], Path]:
        """`trimmed(runs)` made by another process, so that on an empty cache the
        derivation (two OpenCC passes over 349,000 words, about 1 s) runs beside the
        build on a second core: a fork of this one, or else a new Python process.
        Returns a function that waits for the file; if the other process failed, it
        makes the file here, which reports the error."""
        runs = sorted(set(runs))
        path = self.trimmed_path(runs)
        if path.is_file() or not self._jiebas_own:
            return lambda: self.trimmed(runs)
        self.directory.mkdir(parents=True, exist_ok=True)
        # A fork of the build where that is safe: it starts without Python's start-up and imports.
        forked = parallel.in_background(lambda: self.trimmed(runs))
        if forked is not None:
            return lambda: path if forked() and path.is_file() else self.trimmed(runs)
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
