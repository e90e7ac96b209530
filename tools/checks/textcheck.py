"""Checks on the site's own prose: Taiwan orthography and "own words".

    python tools/checks/textcheck.py docs/zh-Hant/story/blocking-war.md ...

Prints every finding and exits 1 if there is one. The functions are used by
the test suite too.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from tools.common import ROOT

ARTICLE = ROOT.parent / "shared" / "source" / "article.cleaned.txt"
# The publisher's page furniture starts here; it is not part of the article.
ARTICLE_END_MARK = "版權說明"
MIN_RUN = 15

HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# A Han character (or APP) followed by a parenthesised pinyin gloss: 網(wǎng)
PINYIN_GLOSS = re.compile(
    rf"[{HAN}A-Za-z]\((?=[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ])[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)"
)
# Words OpenCC's s2tw changes although they are already correct Taiwan usage.
# Each entry needs a reason.
S2TW_FALSE_POSITIVES: dict[str, str] = {}

QUOTE = re.compile(r"<q\b[^>]*>.*?</q>", re.S)


@dataclass(frozen=True)
class Finding:
    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


@cache
def _s2tw():
    import opencc

    return opencc.OpenCC("s2tw")


def orthography_findings(text: str, where: str) -> list[Finding]:
    """Characters that OpenCC s2tw would change, and pinyin glosses."""
    findings = []
    for m in PINYIN_GLOSS.finditer(text):
        findings.append(Finding(where, f"pinyin gloss {m.group(0)!r}"))
    masked = text
    for word in S2TW_FALSE_POSITIVES:
        masked = masked.replace(word, "\u3000" * len(word))
    converted = _s2tw().convert(masked)
    if converted != masked:
        for lineno, (a, b) in enumerate(
            zip(masked.splitlines(), converted.splitlines(), strict=True), start=1
        ):
            for col, (x, y) in enumerate(zip(a, b, strict=True), start=1):
                if x != y:
                    context = a[max(0, col - 6) : col + 5]
                    findings.append(
                        Finding(f"{where}:{lineno}:{col}", f"{x!r} should be {y!r} (in …{context}…)")
                    )
    return findings


def han_only(text: str) -> str:
    """Han characters only: punctuation, spaces, Latin and digits removed."""
    return "".join(re.findall(rf"[{HAN}]", text))


def article_text(path: Path = ARTICLE) -> str:
    text = path.read_text(encoding="utf-8")
    return text.split(ARTICLE_END_MARK, 1)[0]


def shared_runs(text: str, source: str, min_run: int = MIN_RUN) -> list[str]:
    """Runs of `min_run` or more Han characters that `text` shares with `source`,
    after both are normalised to Han characters and to s2tw spelling. Each line
    of `text` is a separate block: a run never spans two lines."""
    conv = _s2tw().convert
    theirs = han_only(conv(source))
    grams = {theirs[i : i + min_run] for i in range(len(theirs) - min_run + 1)}
    runs: list[str] = []
    for line in conv(text).splitlines():
        ours = han_only(line)
        i = 0
        while i <= len(ours) - min_run:
            if ours[i : i + min_run] in grams:
                j = i + min_run
                while j < len(ours) and ours[i : j + 1] in theirs:
                    j += 1
                runs.append(ours[i:j])
                i = j
            else:
                i += 1
    return runs


def quotations(text: str) -> list[str]:
    """Marked quotations: the text of every <q>…</q>."""
    return [re.sub(r"<[^>]+>", "", m.group(0)) for m in QUOTE.finditer(text)]


def own_words_findings(text: str, where: str, source: str) -> list[Finding]:
    unquoted = QUOTE.sub("", text)
    return [
        Finding(where, f"{len(run)} Han characters shared with the article: {run}")
        for run in shared_runs(unquoted, source)
    ]


def main(paths: list[str]) -> int:
    source = article_text() if ARTICLE.exists() else None
    if source is None:
        print(f"note: {ARTICLE} not found, own-words check skipped", file=sys.stderr)
    findings: list[Finding] = []
    for p in paths:
        text = Path(p).read_text(encoding="utf-8")
        if "/zh-Hant/" in Path(p).resolve().as_posix() or p.endswith((".zh-Hant.md",)):
            findings += orthography_findings(text, p)
        if source is not None:
            findings += own_words_findings(text, p, source)
    for f in findings:
        print(f)
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
