"""Pieces of view data that several blocks share: dates, status badges,
actor names and source links, already in the page's language."""

from __future__ import annotations

from dataclasses import dataclass

from ..data import Dataset
from . import dates, labels
from . import lang as lang_
from .links import Links


@dataclass(frozen=True)
class RenderContext:
    dataset: Dataset
    lang: str
    links: Links

    def __post_init__(self) -> None:
        lang_.check(self.lang)

    @property
    def t(self) -> dict[str, str]:
        return labels.labels(self.lang)

    def pick(self, text):
        return lang_.pick(text, self.lang)

    def date(self, value: str) -> dict[str, str]:
        return {"text": dates.format_date(value, self.lang), "datetime": dates.datetime_attr(value)}

    def status(self, status: str) -> dict[str, str]:
        return {"id": status, "label": self.t[f"status.{status}"]}

    def actors(self, ids: list[str]) -> list[dict[str, str]]:
        return [{"id": i, "name": self.pick(self.dataset.actors[i].names)} for i in ids]

    def source_link(self, source_id: str) -> dict[str, str]:
        source = self.dataset.sources[source_id]
        return {
            "id": source_id,
            "href": self.links.page("sources", f"src-{source_id}"),
            "label": self.pick(source.short),
        }
