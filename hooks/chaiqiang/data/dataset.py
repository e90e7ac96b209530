"""The validated data, with the look-ups the renderers need."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property
from typing import TypeVar

from . import dates
from .schemas import Actor, Dilemma, Event, Figure, FigureGroup, Force, GamesFile, Kind, Phase, Source, Term

T = TypeVar("T")


@dataclass(frozen=True)
class EventNames:
    """What the events name, each id once (Dataset.events_name)."""

    actors: frozenset[str]
    kinds: frozenset[str]
    phases: frozenset[str]
    statuses: frozenset[str]
    confirmed: bool  # some event is confirmed by another source


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
    games: GamesFile

    # The look-ups are worked out once per data set (once per build), not once per page,
    # language or entry: a list of what matches each id, in the data's order.

    def events_in(self, phase_id: str) -> list[Event]:
        return list(self._events_by_phase.get(phase_id, ()))

    def event(self, event_id: str) -> Event:
        """The event with this id (the game model's replay and presets name events)."""
        return self._events_by_id[event_id]

    def figures_in(self, group_id: str) -> list[Figure]:
        return list(self._figures_by_group.get(group_id, ()))

    def events_citing(self, source_id: str) -> list[Event]:
        """The events that rest on the source or that it confirms (`confirmed_by`)."""
        return list(self._events_by_source.get(source_id, ()))

    def figures_citing(self, source_id: str) -> list[Figure]:
        """The figures that rest on the source or that it confirms (`confirmed_by`)."""
        return list(self._figures_by_source.get(source_id, ()))

    def glossary_entries(self, lang: str) -> list[tuple[str, str]]:
        """(spelling, definition) for every term and alias in one language (a code: "en")."""
        entries = self._glossary.get(lang)
        if entries is None:
            entries = []
            for term in self.terms:
                text = term[lang]
                entries += [(spelling, text.definition) for spelling in (text.term, *text.aliases)]
            self._glossary[lang] = entries
        return list(entries)

    def events_by_year(self) -> list[tuple[int, list[Event]]]:
        """The events under each year they fall in, in date order."""
        return [(year, list(events)) for year, events in self._events_by_year]

    @cached_property
    def events_name(self) -> EventNames:
        """The actors, kinds, phases and statuses that some event names."""
        actors: set[str] = set()
        kinds, phases, statuses = set(), set(), set()
        confirmed = False
        for e in self.events:  # one pass
            actors.update(e.actors)
            kinds.add(e.kind)
            phases.add(e.phase)
            statuses.add(e.status)
            confirmed = confirmed or bool(e.confirmed_by)
        return EventNames(
            frozenset(actors), frozenset(kinds), frozenset(phases), frozenset(statuses), confirmed
        )

    def cited_through(self, source_id: str) -> list[Source]:
        """Sources we know only because `source_id` cites them."""
        return list(self._sources_by_citer.get(source_id, ()))

    @cached_property
    def _events_by_id(self) -> dict[str, Event]:
        return {e.id: e for e in self.events}

    @cached_property
    def _events_by_phase(self) -> dict[str, list[Event]]:
        return _grouped(self.events, lambda e: (e.phase,))

    @cached_property
    def _figures_by_group(self) -> dict[str, list[Figure]]:
        return _grouped(self.figures, lambda f: (f.group,))

    @cached_property
    def _events_by_source(self) -> dict[str, list[Event]]:
        return _grouped(self.events, lambda e: (*e.sources, *e.confirmed_by))

    @cached_property
    def _figures_by_source(self) -> dict[str, list[Figure]]:
        return _grouped(self.figures, lambda f: (f.source, *f.confirmed_by))

    @cached_property
    def _sources_by_citer(self) -> dict[str, list[Source]]:
        return _grouped(self.sources.values(), lambda s: (s.as_cited_by,) if s.as_cited_by else ())

    @cached_property
    def _events_by_year(self) -> list[tuple[int, list[Event]]]:
        years: list[tuple[int, list[Event]]] = []
        for event in self.events:
            year = dates.parse(event.date).year
            if not years or years[-1][0] != year:
                years.append((year, []))
            years[-1][1].append(event)
        return years

    @cached_property
    def _glossary(self) -> dict[str, list[tuple[str, str]]]:
        return {}  # language -> glossary_entries(language), filled as asked


def _grouped(items: Iterable[T], keys: Callable[[T], Iterable[str]]) -> dict[str, list[T]]:
    """id -> the items that name it (each item once per id), in the items' order."""
    out: dict[str, list[T]] = {}
    for item in items:
        for key in dict.fromkeys(keys(item)):
            out.setdefault(key, []).append(item)
    return out


def chronological(events: list[Event]) -> tuple[Event, ...]:
    """By date; where dates start on the same day, the coarser first (a year
    before its months, a month before its days). sorted() is stable: events
    with the same date keep the order of the file, which is the order the
    article tells them in."""
    return tuple(sorted(events, key=lambda e: dates.parse(e.date).chronological_key))
