"""Edit to preview: how long after an editor saves a page `mkdocs serve` serves it rebuilt.

    python3 dev.py bench --serve

In a copy of the project (the repository's files are never touched), `mkdocs serve`
runs as `python3 dev.py serve` runs it (tools/serve.py); the benchmark then, several times, writes a
changed Markdown page (a unique word written into its first paragraph) and fetches the page
every 10 ms until the word is in it. The time from the write to that response is
one figure; their median is the result (target: at most 1.0 s). Each round
edits another page, so that what is measured is a page's rebuild, not a cache hit.
"""

from __future__ import annotations

import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from tools.common import ROOT, build_env

PAGES = (
    "en/about.md",
    "zh-Hant/story/the-deal.md",
    "en/story/blocking-war.md",
    "zh-Hant/glossary.md",
    "en/cite.md",
)
COPIED = ("mkdocs.yml", "docs", "overrides", "hooks", "data")


def copy_project(dest: Path) -> Path:
    dest.mkdir(parents=True)
    for name in COPIED:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, dest / name)
    if (ROOT / ".cache").is_dir():  # an editor's machine has built before
        shutil.copytree(ROOT / ".cache", dest / ".cache")
    return dest


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


# A block's alignment marker (chaiqiang.markdown.alignment): a new paragraph on an
# aligned page would need one in both languages, so the edit goes into a block.
MARKER = re.compile(r"\{¶ [^}]+\} ")


def edited(text: str, word: str) -> str:
    """The page with `word` written into its first aligned block, or as a new paragraph."""
    if MARKER.search(text):
        return MARKER.sub(lambda m: m.group(0) + word + " ", text, count=1)
    return text + f"\n\n{word}\n"


def url_of(page: str, base: str) -> str:
    from chaiqiang import urls

    lang, src = urls.split_src(page)
    return base + urls.page_url(src, lang or "zh-Hant")


def measure(rounds: int = 5, timeout: float = 60.0) -> list[float]:
    """The seconds from each write to the rebuilt page being served."""
    work = Path(tempfile.mkdtemp(prefix="bench-serve-"))
    project = copy_project(work / "project")
    port = _free_port()
    base = f"http://127.0.0.1:{port}/"
    log = open(work / "serve.log", "w")  # closed in the finally below
    proc = subprocess.Popen(
        [sys.executable, "-m", "tools.serve", "--strict", "-a", f"127.0.0.1:{port}"],
        cwd=project,
        env=build_env(),
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + timeout
        while _get(base) is None:
            if proc.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"bench: mkdocs serve did not start:\n{(work / 'serve.log').read_text()}")
            time.sleep(0.1)
        times = []
        for index in range(rounds):
            page = PAGES[index % len(PAGES)]
            path = project / "docs" / page
            word = f"cqbench{index}x{time.time_ns()}"
            text = path.read_text(encoding="utf-8")
            url = url_of(page, base)
            time.sleep(0.5)  # the previous rebuild has settled
            start = time.perf_counter()
            path.write_text(edited(text, word), encoding="utf-8")
            while True:
                body = _get(url)
                if body and word in body:
                    times.append(time.perf_counter() - start)
                    break
                if time.perf_counter() - start > timeout:
                    raise SystemExit(f"bench: {page} was not rebuilt within {timeout} s")
                time.sleep(0.01)
        return times
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()
        shutil.rmtree(work, ignore_errors=True)


def report(rounds: int = 5) -> float:
    times = measure(rounds)
    median = statistics.median(times)
    listed = ", ".join(f"{t:.2f}" for t in times)
    verdict = "meets" if median <= 1.0 else "misses"
    print(
        f"edit to preview (dev.py serve): median {median:.2f} s over {rounds} edits ({listed}); {verdict} the 1.0 s target"
    )
    return median


if __name__ == "__main__":
    report()
