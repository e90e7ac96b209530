"""The timeline block: every event in one list in date order (under year
headings), each labelled with its phase, with filters that work as progressive
enhancement (everything is visible without JavaScript)."""

from __future__ import annotations

from ..data import dates
from ..data.schemas import STATUSES, Event, Phase
from .common import CONFIRMED, RenderContext


def _event(ctx: RenderContext, event: Event) -> dict:
    kind = ctx.dataset.kinds[event.kind]
    return {
        "id": event.id,
        "date": ctx.date(event.date),
        "date_note": ctx.pick(event.date_note),
        "phase": _phase_label(ctx, ctx.dataset.phases[event.phase]),
        "kind": {"id": kind.id, "label": ctx.pick(kind.label)},
        "status": ctx.status(event.status),
        # What the status filter matches (data-status): the status, and `confirmed` when confirmed.
        "filter_status": " ".join([event.status, *([CONFIRMED] if event.confirmed_by else [])]),
        "actors": ctx.actors(event.actors),
        "title": ctx.pick(event.title),
        "summary": ctx.pick(event.summary),
        "note": ctx.pick(event.note),
        "sources": [ctx.source_link(s) for s in event.sources],
        "confirmed_by": ctx.confirmations(event.confirmed_by),
    }


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


def _years(ctx: RenderContext, events: list[Event]) -> list[dict]:
    """The events, already in date order, under a heading per year."""
    years: list[dict] = []
    for event in events:
        year = str(dates.parse(event.date).year)
        if not years or years[-1]["year"] != year:
            years.append({"year": year, "anchor": f"year-{year}", "date": ctx.date(year), "events": []})
        years[-1]["events"].append(_event(ctx, event))
    return years


def _filters(ctx: RenderContext, events: list[Event]) -> dict:
    """Only the choices that match at least one shown event, in data order."""
    actor_ids = {a for e in events for a in e.actors}
    kind_ids = {e.kind for e in events}
    statuses = [ctx.status(s) for s in STATUSES if any(e.status == s for e in events)]
    if any(e.confirmed_by for e in events):
        # Not a status of its own but a filter choice: stated events that another source confirms.
        statuses.append({"id": CONFIRMED, "label": ctx.t["status.confirmed_by.legend"]})
    return {
        "actors": ctx.actors([a for a in ctx.dataset.actors if a in actor_ids]),
        "kinds": [
            {"id": k.id, "label": ctx.pick(k.label)} for k in ctx.dataset.kinds.values() if k.id in kind_ids
        ],
        "phases": [
            {"id": p.id, "label": ctx.pick(p.title), "span": _span(p)}
            for p in ctx.dataset.phases.values()
            if any(e.phase == p.id for e in events)
        ],
        "statuses": statuses,
        "total": len(events),
    }


def render_timeline(ctx: RenderContext, phase_id: str | None = None) -> str:
    """The whole timeline (the phases and their years, filters, every event
    in date order under year headings), or one phase's events only, for a
    story page (no headings of its own, no filters)."""
    whole = phase_id is None
    events = list(ctx.dataset.events) if whole else ctx.dataset.events_in(phase_id)
    groups = _years(ctx, events) if whole else [{"year": None, "events": [_event(ctx, e) for e in events]}]
    return ctx.render(
        "chaiqiang/timeline.html",
        t=ctx.t,
        lang=ctx.lang,
        whole=whole,
        key=phase_id or "all",
        phases=[_phase(ctx, p) for p in ctx.dataset.phases.values()],
        groups=groups,
        filters=_filters(ctx, events),
    )
