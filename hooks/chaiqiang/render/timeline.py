"""The timeline block: every event in one list in date order (under year
headings), each labelled with its phase, with filters that work as progressive
enhancement (everything is visible without JavaScript).

Each event is the macro of overrides/chaiqiang/_timeline_event.html. What events share
is made once per block, not once per event: the labels of the kinds, phases and
statuses, each date's words, each list of actors or sources as _macros.html renders it,
and the event's markup itself, once per shape of event (chaiqiang.render.stencil)."""

from __future__ import annotations

from functools import cache
from typing import Any

from markupsafe import Markup, escape

from .. import templates
from ..bulk import paused_gc
from ..data.schemas import STATUSES, Event, Phase, field_name
from . import lang as lang_
from .common import CONFIRMED, RenderContext
from .stencil import Stencils

EVENT_TEMPLATE = "chaiqiang/_timeline_event.html"
# What each event prints of its own (the rest is its shape: status, kind, phase).
VALUES = (
    "id",
    "actor_ids",
    "date.text",
    "date.datetime",
    "date_note",
    "title",
    "summary",
    "note",
    "actors",
    "sources",
    "confirmations",
)


class _Events:
    """The events of one block, rendered in its page's language."""

    def __init__(self, ctx: RenderContext, title_tag: str):
        data = ctx.dataset
        macros = templates.macros("chaiqiang/_macros.html", ctx.root, t=ctx.t)
        event_macro = templates.macros(EVENT_TEMPLATE, ctx.root, t=ctx.t).event
        self.ctx = ctx
        self.field = field_name(lang_.check(ctx.lang))  # ctx.pick(text) is getattr(text, field)
        self.title_tag = title_tag
        # Once per block: what events share. A repeated value comes escaped (as Markup,
        # which the template prints as it is), so that no event escapes it again.
        self.kind = cache(lambda i: {"id": i, "label": ctx.pick(data.kinds[i].label)})
        self.phase = cache(lambda i: _phase_label(ctx, data.phases[i]))
        self.status = cache(ctx.status)
        self.date = cache(lambda d: _escaped_date(ctx.date(d)))
        self.actor_ids = cache(lambda ids: escape(" ".join(ids)))
        self.actor_list = cache(lambda ids: macros.actor_list(ctx.actors(ids)))
        self.source_links = cache(lambda ids: macros.source_links([ctx.source_link(s) for s in ids]))
        self.confirmations = cache(lambda ids: macros.confirmations(ctx.confirmations(ids)) if ids else "")
        self.shown: Event | None = None  # the event whose shape `arguments` gives
        self.stencils = Stencils(event_macro, VALUES, self._arguments)

    def _arguments(self, values: dict[str, Any]) -> tuple[dict, str]:
        """The macro's arguments: the shown event's shape, and `values` (or markers)."""
        event = self.shown
        view = {
            "status": self.status(event.status),
            "kind": self.kind(event.kind),
            "phase": self.phase(event.phase),
            # What the status filter matches (data-status): the status, and `confirmed` when confirmed.
            "filter_status": _filter_status(event),
            "date": {"text": values["date.text"], "datetime": values["date.datetime"]},
            **{name: value for name, value in values.items() if not name.startswith("date.")},
        }
        return view, self.title_tag

    def _values(self, event: Event) -> tuple:
        """The event's own values, in the order of VALUES."""
        text, datetime = self.date(event.date)
        field = self.field
        actors = tuple(event.actors)
        self.shown = event
        return (
            event.id,
            self.actor_ids(actors),
            text,
            datetime,
            None if event.date_note is None else getattr(event.date_note, field),
            getattr(event.title, field),
            getattr(event.summary, field),
            None if event.note is None else getattr(event.note, field),
            self.actor_list(actors),
            self.source_links(tuple(event.sources)),
            self.confirmations(tuple(event.confirmed_by)),
        )

    def html(self, event: Event) -> str:
        """The event as its macro renders it."""
        return self.stencils.direct(self._values(event))

    def lines_into(self, out: list[str], event: Event) -> bool:
        """Add the event, as templates.block_lines leaves its macro's output, to `out`
        (in pieces); False where its output is not lines of its own."""
        # Besides these, the markup depends on whether it is confirmed (data-status), and that
        # `confirmations` (a value) is empty or not tells.
        shape = (event.status, event.kind, event.phase)
        return self.stencils.lines_into(out, shape, self._values(event))

    def placed(self, blocks: templates.LineBlocks, events: list[Event]) -> Markup | None:
        """A marker for the events' lines in a row (None: render them the plain way)."""
        pieces: list[str] = []
        for event in events:
            if not self.lines_into(pieces, event):
                return None
            pieces.append("\n")
        return blocks.place(pieces[:-1])


def _escaped_date(date: dict[str, str]) -> tuple[Markup, Markup]:
    return escape(date["text"]), escape(date["datetime"])


def _filter_status(event: Event) -> str:
    return " ".join([event.status, *([CONFIRMED] if event.confirmed_by else [])])


def _phase_label(ctx: RenderContext, phase: Phase) -> dict:
    """What an event shows of its phase: the title, linking to the phase's
    entry in the timeline's list of phases."""
    anchor = f"phase-{phase.id}"
    return {"id": phase.id, "title": ctx.pick(phase.title), "href": ctx.links.page("timeline", anchor)}


def _span(phase: Phase) -> str:
    return str(phase.start) if phase.start == phase.end else f"{phase.start}–{phase.end}"


def _phase(ctx: RenderContext, phase: Phase) -> dict:
    return {
        "id": phase.id,
        "anchor": f"phase-{phase.id}",
        "title": ctx.pick(phase.title),
        "span": _span(phase),
        "summary": ctx.pick(phase.summary),
    }


def _years(ctx: RenderContext) -> list[dict]:
    """The events, in date order, under a heading per year."""
    return [
        {"year": str(year), "anchor": f"year-{year}", "date": ctx.date(str(year)), "events": events}
        for year, events in ctx.dataset.events_by_year()
    ]


def _filters(ctx: RenderContext) -> dict:
    """Only the choices that match at least one event, in data order."""
    named = ctx.dataset.events_name
    statuses = [ctx.status(s) for s in STATUSES if s in named.statuses]
    if named.confirmed:
        # Not a status of its own but a filter choice: stated events that another source confirms.
        statuses.append({"id": CONFIRMED, "label": ctx.t["status.confirmed_by.legend"]})
    return {
        "actors": ctx.actors([a for a in ctx.dataset.actors if a in named.actors]),
        "kinds": [
            {"id": k.id, "label": ctx.pick(k.label)}
            for k in ctx.dataset.kinds.values()
            if k.id in named.kinds
        ],
        "phases": [
            {"id": p.id, "label": ctx.pick(p.title), "span": _span(p)}
            for p in ctx.dataset.phases.values()
            if p.id in named.phases
        ],
        "statuses": statuses,
        "total": len(ctx.dataset.events),
    }


def render_timeline(ctx: RenderContext, phase_id: str | None = None, *, stencils: bool = True) -> str:
    """The whole timeline (the phases and their years, filters, every event
    in date order under year headings), or one phase's events only, for a
    story page (no headings of its own, no filters).

    Each event is rendered apart and put in as lines (templates.LineBlocks), from a
    stencil of its shape; `stencils=False` renders each with its macro, inside the
    block (the same bytes, slower: for comparison)."""
    whole = phase_id is None
    with paused_gc():  # many strings, no cycles (chaiqiang.bulk)
        shown = _Events(ctx, "h4" if whole else "h3")
        groups = _years(ctx) if whole else [{"year": None, "events": ctx.dataset.events_in(phase_id)}]
        context = {
            "t": ctx.t,
            "lang": ctx.lang,
            "whole": whole,
            "key": phase_id or "all",
            "phases": [_phase(ctx, p) for p in ctx.dataset.phases.values()],
            "filters": _filters(ctx) if whole else None,  # a phase alone has no filters
        }
        if stencils:
            blocks = templates.LineBlocks()
            placed = [{**g, "events": shown.placed(blocks, g["events"])} for g in groups]
            if all(g["events"] is not None for g in placed):
                html = blocks.fill(ctx.render("chaiqiang/timeline.html", groups=placed, **context))
                if html is not None:
                    return html
        rendered = [{**g, "events": Markup("".join(map(shown.html, g["events"])))} for g in groups]
        return ctx.render("chaiqiang/timeline.html", groups=rendered, **context)
