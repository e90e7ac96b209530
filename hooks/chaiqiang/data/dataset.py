"""The validated data, with the look-ups the renderers need."""

from __future__ import annotations

from dataclasses import dataclass

from . import dates
from .schemas import Actor, Dilemma, Event, Figure, FigureGroup, Force, Kind, Phase, Source, Term


@dataclass(frozen=True)
class Dataset:
    actors: dict[str, Actor]
    sources: dict[str, Source]
    phases: dict[str, Phase]
    kinds: dict[str, Kind]
    events: tuple[Event, ...]  # chronological(): by date, the coarser first, then the file's order
    groups: dict[str, FigureGroup]
    figures: tuple[Figure, ...]  # in the file's order
    dilemma: Dilemma
    forces: tuple[Force, ...]
    terms: tuple[Term, ...]

    def events_in(self, phase_id: str) -> list[Event]:
        return [e for e in self.events if e.phase == phase_id]

    def figures_in(self, group_id: str) -> list[Figure]:
        return [f for f in self.figures if f.group == group_id]

    def events_citing(self, source_id: str) -> list[Event]:
        """The events that rest on the source or that it confirms (`confirmed_by`)."""
        return [e for e in self.events if source_id in e.sources or source_id in e.confirmed_by]

    def figures_citing(self, source_id: str) -> list[Figure]:
        """The figures that rest on the source or that it confirms (`confirmed_by`)."""
        return [f for f in self.figures if f.source == source_id or source_id in f.confirmed_by]

    def glossary_entries(self, lang: str) -> list[tuple[str, str]]:
        """(spelling, definition) for every term and alias in one language (a code: "en")."""
        entries = []
        for term in self.terms:
            text = term[lang]
            entries += [(spelling, text.definition) for spelling in (text.term, *text.aliases)]
        return entries

    def cited_through(self, source_id: str) -> list[Source]:
        """Sources we know only because `source_id` cites them."""
        return [s for s in self.sources.values() if s.as_cited_by == source_id]


def chronological(events: list[Event]) -> tuple[Event, ...]:
    """By date; where dates start on the same day, the coarser first (a year
    before its months, a month before its days). sorted() is stable: events
    with the same date keep the order of the file, which is the order the
    article tells them in."""
    return tuple(sorted(events, key=lambda e: dates.parse(e.date).chronological_key))
