"""Checks across entries and files: duplicate ids and references to ids that
do not exist. They run on every entry that passed its own validation, and
compare against the ids written in the files (even in invalid entries), so one
broken entry does not cause a cascade of "unknown id" messages."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import product
from typing import Any

from ..games.model import MOVES, coverage_problems
from ..games.repeated import play
from ..languages import LANGUAGES
from . import dates
from .errors import Problem
from .schemas import Dilemma, Event, Family, Figure, FigureGroup, Force, Phase, Replay, Term, Tournament
from .yamlio import Parsed


@dataclass
class FileData:
    """One data file after parsing and validation."""

    label: str  # as shown in messages, e.g. data/timeline.yaml
    parsed: Parsed | None  # None: missing or unparsable
    entries: dict[str, list[tuple[int, Any]]] = field(default_factory=dict)  # key -> (index, model)
    objects: dict[str, Any] = field(default_factory=dict)  # single top-level objects (dilemma)

    def raw_ids(self, key: str) -> set[str] | None:
        """Ids written under `key`, or None if there is no list to look in
        (that problem is reported on its own; references are not checked)."""
        if self.parsed is None:
            return None
        items = self.parsed.data.get(key) if isinstance(self.parsed.data, dict) else None
        if not isinstance(items, list):
            return None
        return {item["id"] for item in items if isinstance(item, dict) and isinstance(item.get("id"), str)}

    def line(self, *path: Any) -> int | None:
        return self.parsed.line_of(path) if self.parsed else None


def duplicate_ids(f: FileData, key: str) -> list[Problem]:
    first: dict[str, int] = {}
    problems = []
    for i, item in enumerate(_raw_list(f, key)):
        item_id = item.get("id") if isinstance(item, dict) else None
        if not isinstance(item_id, str):
            continue
        if item_id in first:
            j = first[item_id]
            where = f"entry #{j + 1} of {key}" + (f", line {f.line(key, j)}" if f.line(key, j) else "")
            problems.append(
                Problem(f.label, f"duplicate id, also used by {where}", item_id, "id", f.line(key, i, "id"))
            )
        else:
            first[item_id] = i
    return problems


@dataclass
class Ref:
    """A set of ids that references must point into."""

    what: str  # "actor"
    ids: set[str] | None  # None: the defining file is unreadable, skip the check
    defined_in: str  # "data/actors.yaml"

    def knows(self, value: str) -> bool:
        """No problem to report for a reference to `value` (check() finds none)."""
        return self.ids is None or value in self.ids

    def knows_all(self, values: Iterable[str]) -> bool:
        return self.ids is None or self.ids.issuperset(values)

    def check(self, f: FileData, entry: str, at: tuple[Any, ...], name: str, value: str) -> list[Problem]:
        """`at`: the entry's path in the file; `name`: the field in the entry."""
        if self.ids is None or value in self.ids:
            return []
        message = f"unknown {self.what} {value!r} (not in {self.defined_in})"
        return [Problem(f.label, message, entry, name, f.line(*at, name))]

    def check_all(
        self, f: FileData, entry: str, at: tuple[Any, ...], name: str, values: Iterable[str]
    ) -> list[Problem]:
        if self.ids is None or self.ids.issuperset(values):
            return []  # the usual case, in one set operation
        problems = []
        for i, value in enumerate(values):
            if self.ids is not None and value not in self.ids:
                message = f"unknown {self.what} {value!r} (not in {self.defined_in})"
                problems.append(Problem(f.label, message, entry, f"{name}[{i}]", f.line(*at, name, i)))
        return problems


def _refs(files: dict[str, FileData]) -> dict[str, Ref]:
    def ref(what: str, file: str, key: str) -> Ref:
        f = files[file]
        return Ref(what, f.raw_ids(key), f.label)

    return {
        "actor": ref("actor", "actors.yaml", "actors"),
        "source": ref("source", "sources.yaml", "sources"),
        "phase": ref("phase", "timeline.yaml", "phases"),
        "kind": ref("kind", "timeline.yaml", "kinds"),
        "group": ref("figure group", "figures.yaml", "groups"),
        "event": ref("event", "timeline.yaml", "events"),
    }


def check_actors(f: FileData, refs: dict[str, Ref]) -> list[Problem]:
    problems = []
    for i, actor in f.entries.get("actors", []):
        if actor.parent is not None:
            problems += refs["actor"].check(f, actor.id, ("actors", i), "parent", actor.parent)
            if actor.parent == actor.id:
                problems.append(Problem(f.label, "an actor cannot be its own parent", actor.id, "parent"))
    return problems


def check_sources(f: FileData, refs: dict[str, Ref]) -> list[Problem]:
    problems = []
    for i, source in f.entries.get("sources", []):
        if source.as_cited_by is not None:
            problems += refs["source"].check(f, source.id, ("sources", i), "as_cited_by", source.as_cited_by)
            if source.as_cited_by == source.id:
                problems.append(Problem(f.label, "a source cannot cite itself", source.id, "as_cited_by"))
    return problems


def _confirmed_by_fine(source_ref: Ref, ids: list[str], sources: list[str]) -> bool:
    """What _check_confirmed_by finds nothing in."""
    return source_ref.knows_all(ids) and not any(value in sources for value in ids)


def _check_confirmed_by(
    f: FileData, refs: dict[str, Ref], entry: str, at: tuple[Any, ...], ids: list[str], sources: list[str]
) -> list[Problem]:
    """`confirmed_by` names sources in data/sources.yaml, each one besides the
    entry's own sources (which it rests on, the article among them)."""
    problems = refs["source"].check_all(f, entry, at, "confirmed_by", ids)
    if not ids:
        return problems
    for i, value in enumerate(ids):
        if value in sources:
            message = (
                f"{value!r} is already one of the sources it rests on; "
                "confirmed_by names other sources that confirm it"
            )
            problems.append(
                Problem(f.label, message, entry, f"confirmed_by[{i}]", f.line(*at, "confirmed_by", i))
            )
    return problems


def check_timeline(f: FileData, refs: dict[str, Ref]) -> list[Problem]:
    problems = []
    phases: dict[str, Phase] = {p.id: p for _, p in f.entries.get("phases", [])}
    phase_ref, kind_ref, actor_ref, source_ref = refs["phase"], refs["kind"], refs["actor"], refs["source"]
    for i, event in f.entries.get("events", []):
        event: Event
        at = ("events", i)
        # Every event is checked; only one with a problem goes through the checks that
        # name it (in the order of the fields), the rest pass a few set look-ups.
        if not (
            phase_ref.knows(event.phase)
            and kind_ref.knows(event.kind)
            and actor_ref.knows_all(event.actors)
            and source_ref.knows_all(event.sources)
            and (not event.confirmed_by or _confirmed_by_fine(source_ref, event.confirmed_by, event.sources))
        ):
            problems += phase_ref.check(f, event.id, at, "phase", event.phase)
            problems += kind_ref.check(f, event.id, at, "kind", event.kind)
            problems += actor_ref.check_all(f, event.id, at, "actors", event.actors)
            problems += source_ref.check_all(f, event.id, at, "sources", event.sources)
            problems += _check_confirmed_by(f, refs, event.id, at, event.confirmed_by, event.sources)
        phase = phases.get(event.phase)
        year = dates.parse(event.date).year
        if phase and not phase.start <= year <= phase.end:
            message = f"{event.date} is outside phase {phase.id!r} ({phase.start}–{phase.end})"
            problems.append(Problem(f.label, message, event.id, "date", f.line(*at, "date")))
    return problems


def check_figures(f: FileData, refs: dict[str, Ref]) -> list[Problem]:
    problems = []
    figures: list[tuple[int, Figure]] = f.entries.get("figures", [])
    for i, figure in figures:
        at = ("figures", i)
        problems += refs["group"].check(f, figure.id, at, "group", figure.group)
        problems += refs["actor"].check_all(f, figure.id, at, "entities", figure.entities)
        problems += refs["source"].check(f, figure.id, at, "source", figure.source)
        problems += _check_confirmed_by(f, refs, figure.id, at, figure.confirmed_by, [figure.source])
    units_of: dict[str, set[str]] = {}  # group id -> the units of its figures (one pass, not one per group)
    for _, figure in figures:
        units_of.setdefault(figure.group, set()).add(figure.unit)
    all_valid = len(figures) == len(_raw_list(f, "figures"))
    for i, group in f.entries.get("groups", []):
        group: FigureGroup
        units = sorted(units_of.get(group.id, ()))
        if not units and all_valid:
            message = "no figure belongs to this group"
            problems.append(Problem(f.label, message, group.id, None, f.line("groups", i)))
        if group.chart and len(units) > 1:
            message = f"a chart needs one unit, but its figures use {', '.join(units)}"
            problems.append(Problem(f.label, message, group.id, "chart", f.line("groups", i, "chart")))
    return problems


def check_models(f: FileData, refs: dict[str, Ref]) -> list[Problem]:
    problems = []
    dilemma: Dilemma | None = f.objects.get("dilemma")
    if dilemma is not None:
        entry = "dilemma"
        problems += refs["actor"].check_all(f, entry, ("dilemma",), "players", dilemma.players)
        problems += refs["source"].check(f, entry, ("dilemma",), "source", dilemma.source)
        moves = [m.id for m in dilemma.moves]
        if len(set(moves)) != len(moves):
            problems.append(Problem(f.label, "the two moves need different ids", entry, "moves"))
        seen: dict[tuple[str, str], str] = {}
        for oi, outcome in enumerate(dilemma.outcomes):
            for ci, cell in enumerate(outcome.cells):
                path = f"outcomes[{oi}].cells[{ci}]"
                at = ("dilemma", "outcomes", oi, "cells", ci)  # its line only for a message
                for move in cell:
                    if move not in moves:
                        problems.append(Problem(f.label, f"unknown move {move!r}", entry, path, f.line(*at)))
                if tuple(cell) in seen:
                    message = f"{cell} is already the cell of outcome {seen[tuple(cell)]!r}"
                    problems.append(Problem(f.label, message, entry, path, f.line(*at)))
                seen[tuple(cell)] = outcome.id
        missing = [list(c) for c in product(moves, repeat=2) if c not in seen]
        if len(set(moves)) == 2 and missing:
            problems.append(Problem(f.label, f"no outcome for the move pairs {missing}", entry, "outcomes"))
        outcome_ids = [o.id for o in dilemma.outcomes]
        for dup in sorted({o for o in outcome_ids if outcome_ids.count(o) > 1}):
            problems.append(Problem(f.label, f"outcome id {dup!r} is used twice", entry, "outcomes"))
    for i, force in f.entries.get("five_forces", []):
        force: Force
        at = ("five_forces", i)
        problems += refs["actor"].check_all(f, force.id, at, "actors", force.actors)
        problems += refs["source"].check(f, force.id, at, "source", force.source)
    return problems


def check_games(f: FileData, refs: dict[str, Ref]) -> list[Problem]:
    """References, a family for every kind of game (exactly one), and a replay
    whose strategies make the moves it says the article tells."""
    problems = []
    players = [p for _, p in f.entries.get("players", [])]
    problems += refs["actor"].check_all(f, "players", (), "players", players)
    families: list[tuple[int, Family]] = f.entries.get("families", [])
    for i, family in families:
        if family.source is not None:
            problems += refs["source"].check(f, family.id, ("families", i), "source", family.source)
    if families and f.raw_ids("families") == {fam.id for _, fam in families}:
        rules = [fam.model_dump(exclude_none=False) for _, fam in families]
        for message in coverage_problems(rules):
            problems.append(Problem(f.label, message, None, "families", f.line("families")))
    presets = {p.id: p for _, p in f.entries.get("presets", [])}
    for i, preset in f.entries.get("presets", []):
        at = ("presets", i)
        problems += refs["source"].check(f, preset.id, at, "source", preset.source)
        problems += refs["event"].check_all(f, preset.id, at, "events", preset.events)
    strategies = {s.id: s for _, s in f.entries.get("strategies", [])}
    for i, strategy in f.entries.get("strategies", []):
        if strategy.source is not None:
            problems += refs["source"].check(f, strategy.id, ("strategies", i), "source", strategy.source)
    local = {
        "preset": Ref("preset", f.raw_ids("presets"), f"{f.label} presets"),
        "strategy": Ref("strategy", f.raw_ids("strategies"), f"{f.label} strategies"),
    }
    replay: Replay | None = f.objects.get("replay")
    if replay is not None:
        at = ("replay",)
        problems += local["preset"].check(f, "replay", at, "preset", replay.preset)
        problems += local["strategy"].check_all(f, "replay", at, "strategies", replay.strategies)
        problems += refs["source"].check(f, "replay", at, "source", replay.source)
        for i, played in enumerate(replay.rounds):
            if not refs["event"].knows(played.event):
                message = f"unknown event {played.event!r} (not in {refs['event'].defined_in})"
                line = f.line("replay", "rounds", i, "event")
                problems.append(Problem(f.label, message, "replay", f"rounds[{i}].event", line))
        if replay.preset in presets and all(s in strategies for s in replay.strategies):
            rules = [strategies[s].rule.model_dump() for s in replay.strategies]
            result = play(presets[replay.preset].ranks, rules, len(replay.rounds), 0, replay.seed)
            for i, (played, told) in enumerate(zip(result, replay.rounds, strict=True)):
                made = [MOVES[m] for m in played.moves]
                if made != told.moves:
                    message = (
                        f"the strategies {' and '.join(replay.strategies)} make the moves {made} in this round, "
                        f"not {told.moves}"
                    )
                    line = f.line("replay", "rounds", i)
                    problems.append(Problem(f.label, message, "replay", f"rounds[{i}].moves", line))
    tournament: Tournament | None = f.objects.get("tournament")
    if tournament is not None:
        problems += local["preset"].check(f, "tournament", ("tournament",), "preset", tournament.preset)
    return problems


def check_glossary(f: FileData, refs: dict[str, Ref]) -> list[Problem]:
    """A term spelled the same way in two entries would get two tooltips."""
    problems = []
    for lang in LANGUAGES.codes:
        owner: dict[str, str] = {}
        for i, term in f.entries.get("terms", []):
            term: Term
            text = term[lang]
            for spelling in [text.term, *text.aliases]:
                if spelling in owner and owner[spelling] != term.id:
                    message = f"{spelling!r} is also a term or alias of {owner[spelling]!r}"
                    problems.append(Problem(f.label, message, term.id, lang, f.line("terms", i, lang)))
                owner.setdefault(spelling, term.id)
    return problems


def _raw_list(f: FileData, key: str) -> list[Any]:
    data = f.parsed.data if f.parsed else None
    items = data.get(key) if isinstance(data, dict) else None
    return items if isinstance(items, list) else []


LIST_KEYS = {
    "actors.yaml": ["actors"],
    "sources.yaml": ["sources"],
    "timeline.yaml": ["phases", "kinds", "events"],
    "figures.yaml": ["groups", "figures"],
    "models.yaml": ["five_forces"],
    "glossary.yaml": ["terms"],
    "games.yaml": ["families", "presets", "strategies"],
}
CHECKS = {
    "actors.yaml": check_actors,
    "sources.yaml": check_sources,
    "timeline.yaml": check_timeline,
    "figures.yaml": check_figures,
    "models.yaml": check_models,
    "glossary.yaml": check_glossary,
    "games.yaml": check_games,
}


def cross_check(files: dict[str, FileData]) -> list[Problem]:
    problems: list[Problem] = []
    for name, keys in LIST_KEYS.items():
        for key in keys:
            problems += duplicate_ids(files[name], key)
    refs = _refs(files)
    for name, check in CHECKS.items():
        problems += check(files[name], refs)
    return problems
