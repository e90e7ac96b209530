"""Title case for MLA 9 and CMOS 18 (Chicago), computed here instead of by citeproc-py,
and APA's capital after a colon.

citeproc-py's `text-case="title"` (citeproc/model.py, TextCased.case) raises every
all-lowercase word that is not on its short stop-word list, and leaves the stop
words low (a word with a capital is left as it is). The list is not the guides':
it keeps "down", "up" and "over" low even where they belong to a verb ("Tearing
down the Walls", while the site's own name is *Tearing Down the Walls*), and it
lacks most prepositions ("Walls Across the Industry"). So `items.for_style` gives
MLA and Chicago the title in title case already, marked `nocase` (citeproc-py's
NoCase strings, which its case functions return unchanged).

The rules (MLA Handbook 9th ed., 1.2.1; The Chicago Manual of Style 18th ed., 8.160):

- capitalise the first and the last word of the title and of a subtitle (after a
  colon, question mark or exclamation mark), and every major word;
- lower-case articles, prepositions, coordinating conjunctions and "to" (MLA also
  "so" and "yet", which Chicago capitalises);
- in a hyphenated compound, treat each element the same way;
- never lower a word: a word with a capital in it (WeChat, the site's name, an
  acronym) is kept as written, and words without letters (2013–2024) are untouched.

APA 7 writes titles in sentence case, as the data has them, with a capital on
the first word of a subtitle (6.17): `sentence_case` raises that word only.

"down", "up", "out" and "off" count as major words: in this site's titles they
are the adverbs of phrasal verbs (tear down, cut off, shut out, open up), which both
guides capitalise; a rule cannot tell them from prepositions without parsing the
sentence, and a capital is the safer mistake.
"""

from __future__ import annotations

import re

ARTICLES = frozenset({"a", "an", "the"})
PREPOSITIONS = frozenset(
    {
        "about", "above", "across", "after", "against", "along", "amid", "among", "around",
        "as", "at", "before", "behind", "below", "beneath", "beside", "besides", "between",
        "beyond", "by", "despite", "during", "except", "for", "from", "in", "inside", "into",
        "like", "near", "of", "on", "onto", "outside", "over", "past", "per", "since",
        "through", "throughout", "till", "to", "toward", "towards", "under", "underneath",
        "until", "unto", "upon", "via", "vs", "with", "within", "without",
    }
)  # fmt: skip
CONJUNCTIONS = frozenset({"and", "but", "for", "nor", "or"})
MLA_CONJUNCTIONS = CONJUNCTIONS | {"so", "yet"}
# Particles of phrasal verbs in this site's titles: major words (see the module docstring).
PARTICLES = frozenset({"down", "up", "out", "off"})

_SPACE = re.compile(r"(\s+)")
_EDGE = re.compile(r"^(\W*)(.*?)(\W*)$", re.S)
_SUBTITLE_END = (":", "?", "!")


def minor_words(style: str) -> frozenset[str]:
    """The words a style's title case keeps in lower case ("mla" or "chicago")."""
    conjunctions = MLA_CONJUNCTIONS if style == "mla" else CONJUNCTIONS
    return (ARTICLES | PREPOSITIONS | conjunctions) - PARTICLES


def _raise(word: str) -> str:
    """The word with its first letter in capitals, if the word has no capital yet."""
    if not word.islower():
        return word  # a capital (or no letter at all): as written
    for i, char in enumerate(word):
        if char.isalpha():
            return word[:i] + char.upper() + word[i + 1 :]
    return word


def _case(core: str, minor: frozenset[str], edge: bool) -> str:
    parts = core.split("-")
    out = []
    for i, part in enumerate(parts):
        keep_low = part.lower() in minor and part.islower() and not (edge and i == 0)
        out.append(part if keep_low else _raise(part))
    return "-".join(out)


def title_case(title: str, style: str) -> str:
    """`title` in MLA's or Chicago's title case; capitals are only ever added."""
    minor = minor_words(style)
    pieces = _SPACE.split(title.strip())
    words = pieces[::2]
    out = []
    for i, token in enumerate(words):
        lead, core, trail = _EDGE.match(token).groups()
        first = i == 0 or words[i - 1].rstrip("”’\"')]").endswith(_SUBTITLE_END)
        last = i == len(words) - 1 or trail.rstrip("”’\"')]").endswith(_SUBTITLE_END)
        out.append(lead + _case(core, minor, first or last) + trail)
    pieces[::2] = out
    return "".join(pieces)


def sentence_case(title: str) -> str:
    """`title` as APA 7 writes it: as given, with the first word of the title and
    of each subtitle raised to a capital (never lowered)."""
    pieces = _SPACE.split(title.strip())
    words = pieces[::2]
    for i, token in enumerate(words):
        if i == 0 or words[i - 1].rstrip("”’\"')]").endswith(_SUBTITLE_END):
            lead, core, trail = _EDGE.match(token).groups()
            words[i] = lead + _raise(core) + trail
    pieces[::2] = words
    return "".join(pieces)
