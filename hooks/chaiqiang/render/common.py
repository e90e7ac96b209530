"""Pieces of view data that several blocks share: dates, status badges,
actor names and source links, already in the page's language."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from .. import strings, templates
from ..data import Dataset
from . import dates
from . import lang as lang_
from .links import Links

CONFIRMED = "confirmed"
"""Not a status but what the page adds to one: a stated event or figure that
another source confirms (`confirmed_by`). The timeline filter's token for it."""


@dataclass(frozen=True)
class RenderContext:
    dataset: Dataset
    lang: str
    links: Links
    root: Path | None = None  # the project whose words and templates these are; None: this repository
    anchor: str | None = None  # the block's alignment id (`{¶ name}` on the line before its `:::`)

    def __post_init__(self) -> None:
        lang_.check(self.lang)

    @cached_property  # once per page and language, not once per label
    def t(self) -> dict[str, str]:
        return strings.group(self.lang, "blocks", self.root or strings.ROOT)

    def render(self, template: str, **context: object) -> str:
        return templates.render_block(template, self.root, **context)

    def pick(self, text):
        return lang_.pick(text, self.lang)

    def date(self, value: str) -> dict[str, str]:
        return {"text": dates.format_date(value, self.lang), "datetime": dates.datetime_attr(value)}

    def status(self, status: str) -> dict[str, str]:
        return {"id": status, "label": self.t[f"status.{status}"]}

    def confirmations(self, source_ids: list[str]) -> list[dict[str, str]]:
        """The sources besides the article that confirm an entry, as links."""
        return [self.source_link(s) for s in source_ids]

    def actors(self, ids: list[str]) -> list[dict[str, str]]:
        return [{"id": i, "name": self.pick(self.dataset.actors[i].names)} for i in ids]

    def source_link(self, source_id: str) -> dict[str, str]:
        source = self.dataset.sources[source_id]
        return {
            "id": source_id,
            "href": self.links.page("sources", f"src-{source_id}"),
            "label": self.pick(source.short),
        }
