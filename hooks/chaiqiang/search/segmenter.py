"""Point jieba, which Material's search plugin uses to segment Han text, at our dictionary.

Material calls `jieba.cut` on every run of Han characters it indexes, with
jieba's default tokenizer. `use_dictionary` gives that tokenizer the trimmed
Traditional dictionary and the site's own words before the first page is
indexed (jieba loads its dictionary lazily, on the first cut).

Material's own `jieba_dict` options are not used: they resolve paths from the
current directory, not from mkdocs.yml.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Iterable
from pathlib import Path

from .dictionary import DictionaryCache, han_runs
from .errors import SearchError

# The files whose text ends up in pages: Markdown, the data files that pages are
# generated from, the templates and the Python that renders them.
SOURCE_SUFFIXES = frozenset({".md", ".markdown", ".html", ".yaml", ".yml", ".json", ".bib", ".csv", ".py"})
MAX_SOURCE_BYTES = 5_000_000

# The least frequency a site word gets. jieba's suggested frequency keeps a word
# whole on its own but not always in a sentence (遭微|信封|殺 for 遭微信封殺). On
# the site's text, 300 to 1000 keeps every occurrence of every site word whole
# and changes nothing else; from about 3000 on, neighbouring words start to shift.
MIN_WORD_FREQ = 1000

_loaded: str | None = None  # what jieba was given last: see `fingerprint`
_pending: Callable[[], None] | None = None  # `prepare(background=True)`'s last step
_pending_file: Path | None = None  # the dictionary file it hands jieba
_started: tuple[Path, Callable[[], Path]] | None = None  # `start`'s file, and the wait for it


def source_runs(roots: Iterable[Path], suffixes: frozenset[str] = SOURCE_SUFFIXES) -> set[str]:
    """The distinct Han runs in the site's source files under `roots`."""
    runs: set[str] = set()
    for root in roots:
        paths = [root] if root.is_file() else sorted(root.rglob("*"))
        for path in paths:
            if path.suffix not in suffixes or not path.is_file() or path.stat().st_size > MAX_SOURCE_BYTES:
                continue
            try:
                runs |= han_runs(path.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError):
                continue
    return runs


def use_dictionary(dictionary: Path, words: Iterable[str], cache_dir: Path) -> None:
    """Load `dictionary` into jieba's default tokenizer and add `words` to keep them whole.

    Each word gets the frequency jieba suggests for it (just enough that jieba
    keeps it whole rather than cutting it into the dictionary words it is made
    of), or MIN_WORD_FREQ if that is more.
    """
    try:
        import jieba
    except ImportError as exc:
        raise SearchError(f"search: jieba cannot be imported ({exc}); run `python3 dev.py build`") from exc

    # jieba logs its progress (and its cache's path) at DEBUG on stderr.
    jieba.setLogLevel(logging.WARNING)
    # jieba caches each dictionary it loads; keep those beside ours, not in /tmp.
    jieba.dt.tmp_dir = str(cache_dir)
    jieba.set_dictionary(str(dictionary))
    jieba.initialize()
    words = list(words)
    for word in words:
        jieba.add_word(word, max(jieba.suggest_freq(word, False), MIN_WORD_FREQ))
    global _loaded
    digest = hashlib.sha256(f"jieba={jieba.__version__}\n{MIN_WORD_FREQ}\n".encode())
    digest.update(Path(dictionary).read_bytes() + b"\0" + "\n".join(words).encode("utf-8"))
    _loaded = digest.hexdigest()


def fingerprint() -> str | None:
    """What jieba cuts with (its version, the dictionary's bytes, the site's words), hashed;
    None before `use_dictionary`. A cache of cut text keys on it (chaiqiang.search.entries)."""
    ready()
    return _loaded


def pending() -> bool:
    """Whether `prepare(background=True)` has left jieba's dictionary to `ready()`."""
    return _pending is not None


def waiting() -> bool:
    """Whether `ready()` would wait for another process: its dictionary file is not made yet."""
    return _pending is not None and _pending_file is not None and not _pending_file.is_file()


def ready() -> None:
    """Finish `prepare(background=True)`: wait for the dictionary and hand it to jieba."""
    global _pending
    finish, _pending = _pending, None
    if finish is not None:
        finish()


def _runs(roots: Iterable[Path], words: Iterable[str]) -> set[str]:
    """The sources' Han runs, and the site's words that are in none of them. The site's
    own words are Han runs of their own, so that their parts are always kept; a word
    inside a run (data/search.yaml lists them all) adds nothing to the dictionary."""
    runs = source_runs(roots)
    joined = "\n".join(runs)  # a Han word found here lies inside one run
    return runs | {word for word in words if word not in joined}


def start(roots: Iterable[Path], cache_dir: Path) -> None:
    """Start making the dictionary for `roots` in a fork, if it is not cached and a fork
    is safe (`DictionaryCache.trimmed_in_fork`), for a later `prepare` with the same sources."""
    global _started
    cache = DictionaryCache(cache_dir)
    runs = _runs(roots, ())
    path = cache.trimmed_path(runs)
    wait = None if path.is_file() else cache.trimmed_in_fork(runs)
    _started = None if wait is None else (path, wait)


def prepare(roots: Iterable[Path], words: Iterable[str], cache_dir: Path, background: bool = False) -> Path:
    """Trim the derived dictionary to the sources under `roots` and hand it to jieba.

    With `background`, a missing dictionary is made by another process while the
    build goes on, and handed to jieba by `ready()` (which `fingerprint` calls, as
    everything that indexes a page does first)."""
    global _pending, _pending_file, _started
    cache = DictionaryCache(cache_dir)
    words = list(words)
    runs = _runs(roots, words)
    started, _started = _started, None
    if not background:
        _pending = None
        path = cache.trimmed(runs)
        use_dictionary(path, words, cache_dir)
        return path
    path = cache.trimmed_path(runs)
    if started is not None and started[0] == path:
        made = started[1]
    else:
        made = cache.trimmed_in_background(runs)
    _pending = lambda: use_dictionary(made(), words, cache_dir)  # noqa: E731
    _pending_file = path
    return path
