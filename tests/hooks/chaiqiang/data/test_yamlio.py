"""yamlio.parse: the fast way (libyaml's events) gives exactly what the reference way
(PyYAML's pure-Python loader, node tree, lines indexed) gives: the same data, the same
line of every node, the same keys given twice, the same syntax error at the same line
and column."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from chaiqiang.data import yamlio

ROOT = Path(__file__).resolve().parents[4]

needs_libyaml = pytest.mark.skipif(not yamlio._FAST, reason="PyYAML without libyaml: one way only")


def outcome(parse, text: str) -> yamlio.Parsed | Exception:
    try:
        return parse(text)
    except (yamlio.YamlSyntaxError, yaml.YAMLError) as exc:  # the pure reader's own, as before
        return exc


def assert_same(text: str) -> yamlio.Parsed | Exception:
    want = outcome(lambda t: yamlio._parse_nodes(t, yamlio._Loader), text)
    got = outcome(yamlio.parse, text)
    if isinstance(want, Exception):
        assert type(got) is type(want), got
        assert str(got) == str(want)
        if isinstance(want, yamlio.YamlSyntaxError):
            assert (got.message, got.line, got.column) == (want.message, want.line, want.column)
    else:
        assert not isinstance(got, Exception), got
        assert got.data == want.data
        assert type(got.data) is type(want.data)
        assert got.lines == want.lines
        assert got.duplicate_keys == want.duplicate_keys
    return got


DATA_FILES = sorted((ROOT / "data").rglob("*.yaml"))


@needs_libyaml
@pytest.mark.parametrize("path", DATA_FILES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_data_file_reads_the_same_and_the_fast_way(path):
    text = path.read_text(encoding="utf-8")
    got = assert_same(text)
    assert got._lines is not None  # lines were asked for, so indexed
    assert yamlio.parse(text)._lines is None  # the fast way: lines only when asked


SAME = {
    "nested": "a:\n  b: [1, 2.5, x, '3', null, ~, true, no]\n  c:\n    - d: e\n      f: g\n    - [h, [i]]\n",
    "dates stay text": "d: 2021-09-01\nt: 2001-12-14t21:59:43.10-05:00\n",
    "block scalars": "a: |\n  one\n  two\nb: >-\n  three\n  four\nc: x\n",
    "folded plain": "a: one\n  two\n\n  three\nb: 'it''s'\nc: \"\\u00e9\\n\"\n",
    "flow mapping": "a: {b: 1, c: [d, {e: f}]}\n",
    "empty values": "a:\nb: ''\nc: []\nd: {}\n",
    "comments only": "# nothing here\n",
    "empty": "",
    "document marker": "---\n",
    "document end": "---\na: 1\n...\n",
    "a scalar": "just text\n",
    "a list": "- 1\n- two\n",
    "windows line ends": "a: 1\r\nb:\r\n  - x\r\n",
    "byte order mark": "\ufeffa: 1\n",
    "unicode": "名: 值\nb: [淘寶, 微信]\n",
    "unicode line separator": "a: x\u2028y\nb: z\n",
    "tab after value": "a: 1\t\nb: 2\n",
    "key given twice": "a: 1\nb:\n  c: 2\n  c: 3\na: 4\n",
    "key given twice in a list": "- id: x\n  id: y\n",
    "anchor and alias": "a: &x [1, 2]\nb: *x\nc: &y {d: e}\nf: *y\n",
    "merge key": "base: &b {x: 1}\nderived:\n  <<: *b\n  y: 2\n",
    "explicit tags": "a: !!str 1\nb: !!int '2'\nc: ! 3\nd: !!set {x, y}\n",
    "number keys": "1: a\n01: b\ntrue: c\nnull: d\n",
    "complex key": "? [a, b]\n: c\n",
    "value key": "=: x\n",
    "two documents": "a: 1\n---\nb: 2\n",
    "syntax error": "phases:\n  - id: war\n    start: 2013\n   end: 2020\n",
    "unclosed quote": "a: 'x\nb: 2\n",
    "unclosed flow": "a: [1, 2\nb: 3\n",
    "bad indentation": "a:\n  - b\n c: d\n",
    "tab indentation": "a:\n\tb: c\n",
    "undefined alias": "a: *nothing\n",
    "duplicate anchor": "a: &x 1\nb: &x 2\n",
    "unhashable key": "? {a: b}\n: c\n",
    "control character": "a: \x07\n",
    "nul character": "a: b\x00\n",
    "delete character": "a: \x7f\n",
    "noncharacter": "a: \ufffe\n",
    "lone surrogate": "a: \ud800\n",
    "next line character": "a: \x85b\n",
    "astral character": "a: \U0001f600\n",
    "unknown tag": "a: !thing x\n",
    "tab in a quoted value": "a: 'x\ty'\nb: 2\n",
    "question mark in brackets": "a: [why?, b]\nc: {d: e?}\n",
    "question mark outside brackets": "a: why?\n",
    "yaml directive": "%YAML 1.1\n---\na: 1\n",
    "escapes": '"a": "\\x41\\u00e9\\/\\N\\_\\L\\t"\n',
}


@needs_libyaml
@pytest.mark.parametrize("text", SAME.values(), ids=SAME.keys())
def test_the_fast_way_gives_the_reference_result(text):
    assert_same(text)


def test_a_duplicate_key_is_reported_with_its_path_and_line():
    parsed = yamlio.parse("events:\n  - id: x\n    title: a\n    title: b\n")
    assert parsed.duplicate_keys == [(("events", 0, "title"), 4)]
    assert parsed.data == {"events": [{"id": "x", "title": "b"}]}


def test_lines_of_keys_and_items():
    parsed = yamlio.parse("a:\n  b: 1\n  c:\n    - x\n    - y: 2\n")
    assert parsed.line_of(("a",)) == 1
    assert parsed.line_of(("a", "c")) == 3  # the key's line, not its value's
    assert parsed.line_of(("a", "c", 1, "y")) == 5
    assert parsed.line_of(("a", "c", 1, "missing")) == 5  # the nearest ancestor
    assert parsed.line_of(()) == 1


def test_a_syntax_error_has_the_pure_loaders_message_line_and_column():
    with pytest.raises(yamlio.YamlSyntaxError) as info:
        yamlio.parse("a: [1, 2\nb: 3\n")
    assert info.value.line == 2
    assert info.value.message.startswith("while parsing a flow sequence")


@needs_libyaml
def test_a_large_generated_file_reads_the_same():
    events = "".join(
        f"- id: evt-{i}\n  date: '20{i % 30:02d}'\n  n: {i}\n  tags: [a, b{i}]\n"
        f"  text:\n    en: line one of {i}\n      continued\n    zh-Hant: 第{i}則\n"
        for i in range(2000)
    )
    assert_same("events:\n" + events.replace("\n", "\n  ").rstrip(" "))


# --- a large file in two pieces (yamlio._build_in_two) -----------------------------------


def _events(n: int, indent: str, extra: str = "") -> str:
    item = (
        "- id: evt-{i}\n  date: '20{y:02d}'\n  tags: [a, b{i}]\n  sources:\n  - s{i}\n  - t{i}\n"
        "  text:\n    en: line one of {i}\n      continued\n    zh-Hant: |+\n      第{i}則\n\n"
    )
    body = "".join(item.format(i=i, y=i % 30) for i in range(n)) + extra
    return "".join(indent + line if line.strip() else line for line in body.splitlines(True))


LARGE = {
    "items at the margin": "phases:\n- id: p\n# a comment\nevents:\n" + _events(300, ""),
    "items indented": "meta: {v: 1}\nevents:\n  # first\n" + _events(300, "  ") + "after: [x]\nlast: 2\n",
    "windows line ends": ("events:\n" + _events(200, "  ")).replace("\n", "\r\n"),
    "a key after the list that the head has": "events:\n" + _events(200, "") + "events: 2\n",
    "a second half that is not plain data": "events:\n" + _events(200, "", "- &a x\n- *a\n"),
    "an alias of the head in the second half": "events:\n- &first {id: a}\n" + _events(200, "") + "- *first\n",
    "a syntax error in the second half": "events:\n" + _events(200, "  ", "  - a: [1\n  b: 2\n"),
    "a key given twice in the second half": "events:\n" + _events(200, "", "- id: x\n  id: y\n"),
    "a quoted text across the middle": "events:\n" + _events(20, "") + "- t: 'a\n" + "- b\n" * 3000 + "'\n",
    "the list ends before the middle": "events:\n" + _events(50, "") + "more: |\n" + "  - x\n" * 3000,
    "a document marker": "events:\n" + _events(200, "") + "...\n",
}


@needs_libyaml
@pytest.mark.parametrize("text", [*LARGE.values(), *SAME.values()], ids=[*LARGE, *SAME])
def test_a_large_file_read_in_two_pieces_gives_the_same_result(text, monkeypatch):
    monkeypatch.setattr(yamlio, "SPLIT_MIN_CHARS", 0)
    assert_same(text)


@needs_libyaml
def test_a_large_file_is_read_by_two_processes(monkeypatch):
    pieces = []
    real = yamlio.parallel.map_in_two
    monkeypatch.setattr(
        yamlio.parallel, "map_in_two", lambda job, items, **kw: pieces.append(items) or real(job, items, **kw)
    )
    text = LARGE["items indented"]
    monkeypatch.setattr(yamlio, "SPLIT_MIN_CHARS", len(text))
    assert_same(text)
    assert len(pieces) == 1
    head, items = pieces[0]
    assert text.startswith(head) and items.startswith("  - id: evt-")
    assert abs(len(head) - len(items)) < len(text) / 10  # about half each
    monkeypatch.setattr(yamlio, "SPLIT_MIN_CHARS", len(text) + 1)
    yamlio.parse(text)
    assert len(pieces) == 1  # a smaller file: one piece


@needs_libyaml
def test_pieces_that_parse_but_cut_in_the_wrong_place_are_refused_or_caught(monkeypatch):
    text = LARGE["items at the margin"]
    monkeypatch.setattr(yamlio, "SPLIT_MIN_CHARS", 0)
    # The second piece starting at an item of an event's own list of sources: refused
    # (the pieces do not parse as the head, a list and keys), the file read in one piece.
    cut, end = text.index("\n  - s150\n") + 1, text.index("\n- id: evt-151\n") + 1
    monkeypatch.setattr(yamlio, "_pieces", lambda t: (t[:cut], t[cut:end], t[end:]))
    assert_same(text)
    # Planted fault: pieces that parse but leave out an event; the comparison sees it.
    cut, skip = text.index("\n- id: evt-150\n") + 1, text.index("\n- id: evt-151\n") + 1
    monkeypatch.setattr(yamlio, "_pieces", lambda t: (t[:cut], t[skip:], ""))
    with pytest.raises(AssertionError):
        assert_same(text)
