"""Reading a YAML data file: plain data plus the line of every node.

Two departures from `yaml.safe_load`, both so that mistakes get a clear
message instead of a silent change or a traceback:
- dates stay strings (`2021-02-30` would otherwise crash PyYAML's date
  constructor, and `2021-09` vs `2021-09-01` must not be blurred);
- a key given twice in one mapping is an error, not "last one wins".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from ..errors import ChaiqiangError

Path_ = tuple[str | int, ...]


class _Loader(yaml.SafeLoader):
    pass


# Drop the implicit timestamp resolver: dates are validated as strings later.
_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class YamlSyntaxError(ChaiqiangError):
    def __init__(self, message: str, line: int | None, column: int | None):
        super().__init__(message, line=line)
        self.column = column


@dataclass
class Parsed:
    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)  # node path -> 1-based line
    duplicate_keys: list[tuple[Path_, int]] = field(default_factory=list)

    def line_of(self, path: Path_) -> int | None:
        """Line of the node at `path`, or of its nearest ancestor that exists."""
        path = tuple(path)
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get(())


def parse(text: str) -> Parsed:
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return Parsed(None)
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
    parsed = Parsed(data)
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
