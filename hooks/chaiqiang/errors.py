"""The one base of every error the build reports to an editor.

Each carries, where known, the file, the entry (by id), the field and the line,
and reads as one line per problem:
    data/timeline.yaml: entry 'evt-2013-x': field 'date': 2013-02-30 is not a real date (line 14)
The MkDocs glue turns any ChaiqiangError into the build's error in one place.
"""

from __future__ import annotations


class ChaiqiangError(Exception):
    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        entry: str | None = None,
        field: str | None = None,
        line: int | None = None,
    ):
        self.message = message
        self.file = file
        self.entry = entry
        self.field = field
        self.line = line
        super().__init__(self._text())

    def _text(self) -> str:
        return located(self.message, self.file, self.entry, self.field, self.line)


def located(
    message: str,
    file: str | None = None,
    entry: str | None = None,
    field: str | None = None,
    line: int | None = None,
) -> str:
    """The one form of a problem's message: `file: entry 'x': field 'y': message (line N)`."""
    parts = [file] if file else []
    if entry is not None:
        parts.append(f"entry '{entry}'")
    if field is not None:
        parts.append(f"field '{field}'")
    text = ": ".join([*parts, message])
    return f"{text} (line {line})" if line else text
