"""Reading a YAML data file: plain data plus the line of every node.

Two departures from `yaml.safe_load`, both so that mistakes get a clear
message instead of a silent change or a traceback:
- dates stay strings (`2021-02-30` would otherwise crash PyYAML's date
  constructor, and `2021-09` vs `2021-09-01` must not be blurred);
- a key given twice in one mapping is an error, not "last one wins".

Two ways to the same result. The reference is PyYAML's pure-Python loader: the
node tree, constructed, then every node's line indexed (`_parse_nodes`). A data
file of plain mappings, lists and scalars (what data/ holds) takes a fast way:
libyaml's parser (PyYAML's C extension) read as a stream of events, the data built
straight from it, and the lines indexed only when a message asks for one
(`Parsed.line_of`, from the same events' marks). Anything else (an anchor or alias,
an explicit tag, a key that is not text, a key given twice, a syntax error,
a tab, a character neither loader accepts) goes the reference way, so its data, lines and
messages are exactly the pure loader's. Without libyaml everything goes that way.

A large file (`SPLIT_MIN_CHARS`: the timeline at 10,000 events is 7 MB) whose middle
lies in a top-level key's list is read the fast way in two pieces at once
(chaiqiang.parallel: a fork reads the second half of the list), the pieces joined
(`_build_in_two`). Any doubt about a piece (it does not parse, or not as a piece of
that list) reads the whole file in one piece, as a small file is read: the data,
lines and messages are the same either way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.events import (
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
)

from .. import parallel
from ..errors import ChaiqiangError

Path_ = tuple[str | int, ...]

STR_TAG = "tag:yaml.org,2002:str"


class _Loader(yaml.SafeLoader):
    pass


# Drop the implicit timestamp resolver: dates are validated as strings later.
_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

try:  # PyYAML built with libyaml (its wheels are)
    from yaml._yaml import CParser as _CParser
except ImportError:  # pragma: no cover - PyYAML without its C extension
    _CParser = None


class YamlSyntaxError(ChaiqiangError):
    def __init__(self, message: str, line: int | None, column: int | None):
        super().__init__(message, line=line)
        self.column = column


@dataclass
class Parsed:
    data: Any
    duplicate_keys: list[tuple[Path_, int]] = field(default_factory=list)
    # The file's text, from which the fast way indexes the lines when first asked.
    text: str | None = field(default=None, repr=False, compare=False)
    _lines: dict[Path_, int] | None = field(default=None, repr=False, compare=False)

    @property
    def lines(self) -> dict[Path_, int]:
        """Node path -> 1-based line (a mapping's key: the key's line)."""
        if self._lines is None:
            self._lines = _index_events(self.text) if self.text is not None else {}
        return self._lines

    def line_of(self, path: Path_) -> int | None:
        """Line of the node at `path`, or of its nearest ancestor that exists."""
        lines = self.lines
        path = tuple(path)
        while path:
            if path in lines:
                return lines[path]
            path = path[:-1]
        return lines.get(())


def parse(text: str) -> Parsed:
    if _FAST and "\t" not in text:
        # libyaml takes tabs where the pure loader refuses them: those go its way. Characters
        # that neither allows (control characters) stop libyaml too (a ReaderError).
        try:
            return Parsed(_build_in_two(text) if len(text) >= SPLIT_MIN_CHARS else _build(text), text=text)
        except (_Unusual, yaml.YAMLError, UnicodeEncodeError):
            pass  # the reference way gives the data, or the pure loader's message
    return _parse_nodes(text, _Loader)


# --- the reference way: compose, construct, index ----------------------------------------


def _parse_nodes(text: str, loader_class: type) -> Parsed:
    try:
        loader = loader_class(text)
    except yaml.reader.ReaderError as exc:
        # A character YAML refuses (a control character): its line and column, no traceback.
        before = text[: exc.position]
        line, column = before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1
        code = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or "?")
        raise YamlSyntaxError(f"a character YAML does not allow (U+{code:04X})", line, column) from None
    try:
        node = loader.get_single_node()
        if node is None:
            return Parsed(None, _lines={})
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        column = mark.column + 1 if mark else None
        message = " ".join(p for p in (exc.context, exc.problem) if p)
        raise YamlSyntaxError(message or str(exc), line, column) from None
    except yaml.YAMLError as exc:
        raise YamlSyntaxError(str(exc), None, None) from None
    finally:
        loader.dispose()
    parsed = Parsed(data, _lines={})
    _index(node, (), parsed)
    return parsed


def _index(node: yaml.Node, path: Path_, parsed: Parsed) -> None:
    parsed.lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        seen: set[Any] = set()
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else repr(key_node)
            if key in seen:
                parsed.duplicate_keys.append(((*path, key), key_node.start_mark.line + 1))
            seen.add(key)
            _index(value_node, (*path, key), parsed)
            # A key's own line is more useful than its value's for block values.
            parsed.lines[(*path, key)] = key_node.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _index(item, (*path, i), parsed)


# --- the fast way: libyaml's events -------------------------------------------------------


class _Unusual(Exception):
    """Not a plain data file: the reference way reads it."""


_RESOLVERS = _Loader.yaml_implicit_resolvers
_WILDCARD = _RESOLVERS.get(None, [])
# First characters of the plain scalars that may be something other than a string
# (null, a boolean, a number); any other plain scalar is a string as it stands.
_FIRST = frozenset(first for first in _RESOLVERS if first)
_CONSTRUCTOR = yaml.constructor.SafeConstructor()
# Tags of plain scalars that are data as they are (the others are the reference way's).
_FAST = _CParser is not None and not _WILDCARD  # SafeLoader has no resolver for every scalar
_SCALAR_TAGS = (
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
)


def _scalar(event: ScalarEvent, flow: bool) -> Any:
    """The scalar's value as the SafeLoader (without timestamps) constructs it."""
    if event.tag is not None or event.anchor is not None:
        raise _Unusual
    value = event.value
    if not event.implicit[0]:  # quoted, or a block scalar: a string
        return value
    if flow and "?" in value:
        raise _Unusual  # the pure loader ends a plain scalar in brackets at a '?'; libyaml does not
    for tag, regexp in _RESOLVERS.get(value[0] if value else "", []) + _WILDCARD:
        if regexp.match(value):
            if tag not in _SCALAR_TAGS:
                raise _Unusual  # `<<` (merge), `=` (value)
            return _CONSTRUCTOR.yaml_constructors[tag](_CONSTRUCTOR, yaml.ScalarNode(tag, value))
    return value


def _collection(event: Any) -> dict | list:
    if event.anchor is not None or event.tag is not None:
        raise _Unusual
    if type(event) is MappingStartEvent:
        return {}
    if type(event) is SequenceStartEvent:
        return []
    raise _Unusual  # an alias


def _build(text: str) -> Any:
    """The document's data, straight from the parser's events."""
    parser = _CParser(text)
    get = parser.get_event
    try:
        get()  # the stream's start
        event = get()
        if type(event) is yaml.StreamEndEvent:
            return None  # no document at all
        if event.version is not None or event.tags:
            raise _Unusual  # a %YAML or %TAG directive
        event = get()  # the root node
        if type(event) is ScalarEvent:
            root = _scalar(event, False)
        else:
            root = _fill(get, _collection(event), bool(event.flow_style))
        if type(get()) is not yaml.DocumentEndEvent or type(get()) is not yaml.StreamEndEvent:
            raise _Unusual  # a second document: the reference way's message
        return root
    finally:
        parser.dispose()


def _fill(get, root: dict | list, flow: bool) -> dict | list:
    """Build a collection from the events after its start, to its end, iteratively.
    `flow`: in brackets ([a, b], {a: b}), where plain scalars are read differently."""
    stack: list[tuple[Any, int, bool]] = []
    node: Any = root
    keys = 0  # keys read in the current mapping: more than it holds means one came twice
    while True:
        if type(node) is dict:
            event = get()
            kind = type(event)
            if kind is MappingEndEvent:
                if len(node) != keys:
                    raise _Unusual  # a key given twice: the reference way lists it
                if not stack:
                    return root
                node, keys, flow = stack.pop()
                continue
            if kind is not ScalarEvent:
                raise _Unusual  # a mapping or a list as a key
            key = event.value
            if (
                event.tag is not None
                or event.anchor is not None
                or (event.implicit[0] and (flow or not key or key[0] in _FIRST))
            ):
                key = _scalar(event, flow)
                if type(key) is not str:
                    raise _Unusual  # 1:, true:, null: as keys
            keys += 1
            event = get()
            if type(event) is ScalarEvent:
                value = event.value
                if (
                    event.tag is not None
                    or event.anchor is not None
                    or (event.implicit[0] and (flow or not value or value[0] in _FIRST))
                ):
                    value = _scalar(event, flow)
                node[key] = value
                continue
            child = node[key] = _collection(event)
        else:
            event = get()
            kind = type(event)
            if kind is ScalarEvent:
                value = event.value
                if (
                    event.tag is not None
                    or event.anchor is not None
                    or (event.implicit[0] and (flow or not value or value[0] in _FIRST))
                ):
                    value = _scalar(event, flow)
                node.append(value)
                continue
            if kind is SequenceEndEvent:
                if not stack:
                    return root
                node, keys, flow = stack.pop()
                continue
            child = _collection(event)
            node.append(child)
        stack.append((node, keys, flow))
        node, keys, flow = child, 0, flow or bool(event.flow_style)


# --- a large file, in two pieces at once -------------------------------------------------

# Smaller files are read in one piece: at 2 MB two pieces save a fifth (0.111 -> 0.088 s),
# below that a few hundredths of a second; data/'s own files are far smaller.
SPLIT_MIN_CHARS = 2_000_000
# A line at the left margin that is not an item, a comment or a blank line (a key, mostly).
_TOP_START = re.compile(r"[^ \t\r\n#-]|-[^ \t\r\n]")
_TOP_LINE = re.compile(rf"\n(?={_TOP_START.pattern})")
# A block key with its value on the lines below (`events:`, maybe a comment after it).
_BLOCK_KEY = re.compile(r"[^ \t\r\n#\-'\"{\[?&*!|>%@`][^\n:#]*:[ \t]*(?:#[^\n]*)?\r?")
_MARKERS = re.compile(r"\n(?:---|\.\.\.|%)")
# The first line after a key that is not blank or a comment, and its indentation.
_NEXT_LINE = re.compile(r"\n( *)(?!#)(?=\S)")


def _pieces(text: str) -> tuple[str, str, str] | None:
    """The file as (head, items, tail): the head ends inside the list of the last
    top-level key before the middle of the file, the items are the rest of that list
    (one item a line start, at the list's indentation), the tail the keys after it.
    None when the file is not laid out so."""
    if text.startswith(("---", "...", "%")) or _MARKERS.search(text):
        return None  # documents and directives: one piece
    middle = len(text) // 2
    key_at = 0 if _TOP_START.match(text) else None
    for match in _TOP_LINE.finditer(text, 0, middle):
        key_at = match.end()
    if key_at is None:
        return None
    key_end = text.find("\n", key_at)
    if key_end < 0 or not _BLOCK_KEY.fullmatch(text, key_at, key_end):
        return None
    # The list's indentation: that of its first item.
    first = _NEXT_LINE.search(text, key_end)
    if not first or not text.startswith("- ", first.end()):
        return None
    item = "\n" + first.group(1) + "- "
    split = text.find(item, max(middle, first.start() + 1))
    if split < 0 or _TOP_LINE.search(text, key_end, split):
        return None  # the list ends before the middle: one piece
    split += 1
    indent = len(first.group(1))
    # The list ends at the first line less indented than its items that is not blank or a comment.
    end_re = _TOP_LINE if indent == 0 else re.compile(rf"\n(?= {{0,{indent - 1}}}[^ \t\r\n#])")
    end = end_re.search(text, split)
    end_at = end.start() + 1 if end else len(text)
    return text[:split], text[split:end_at], text[end_at:]


def _build_in_two(text: str) -> Any:
    """`_build(text)`, the list's second half read by another process meanwhile."""
    pieces = _pieces(text)
    if pieces is None:
        return _build(text)
    head, items, tail = pieces
    try:
        root, more = parallel.map_in_two(_build, [head, items], min_jobs=2)
        rest = _build(tail)
    except (_Unusual, yaml.YAMLError, UnicodeEncodeError):
        return _build(text)  # a piece is not plain data on its own: the whole file, one piece
    if (
        type(root) is not dict
        or not root
        or type(more) is not list
        or type(root[key := next(reversed(root))]) is not list
        or not (rest is None or (type(rest) is dict and not rest.keys() & root.keys()))
    ):
        return _build(text)
    root[key].extend(more)
    root.update(rest or {})
    return root


def _index_events(text: str) -> dict[Path_, int]:
    """`_index`'s lines for a file that the fast way read (no aliases, no key twice),
    from the parser's events, without a node tree."""
    lines: dict[Path_, int] = {}
    parser = _CParser(text)
    get = parser.get_event
    try:
        get()
        if type(get()) is yaml.StreamEndEvent:
            return lines
        # [path of the collection, is a mapping, next index / the pending key's path, its line]
        stack: list[list[Any]] = []
        while True:
            event = get()
            kind = type(event)
            if kind is MappingEndEvent or kind is SequenceEndEvent:
                stack.pop()
                if not stack:
                    return lines
                if stack[-1][1]:
                    stack[-1][2] = None  # the key's value is done
                continue
            line = event.start_mark.line + 1
            if not stack:
                path: Path_ = ()
            elif stack[-1][1]:
                frame = stack[-1]
                if frame[2] is None:  # a key
                    frame[2], frame[3] = (*frame[0], event.value), line
                    continue
                # A key's own line is more useful than its value's for block values.
                path, line = frame[2], frame[3]
                if kind is ScalarEvent:
                    frame[2] = None
            else:
                frame = stack[-1]
                path = (*frame[0], frame[2])
                frame[2] += 1
            lines[path] = line
            if kind is not ScalarEvent:
                is_map = kind is MappingStartEvent
                stack.append([path, is_map, None if is_map else 0, None])
            elif not stack:
                return lines
    finally:
        parser.dispose()
