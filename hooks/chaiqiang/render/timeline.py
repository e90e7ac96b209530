"""The timeline block: events grouped by phase, with filters that work as
progressive enhancement (everything is visible without JavaScript)."""

from __future__ import annotations

from ..data.schemas import Event, Phase
from .common import RenderContext


def _event(ctx: RenderContext, event: Event) -> dict:
    kind = ctx.dataset.kinds[event.kind]
    return {
        "id": event.id,
        "date": ctx.date(event.date),
        "date_note": ctx.pick(event.date_note),
        "kind": {"id": kind.id, "label": ctx.pick(kind.label)},
        "status": ctx.status(event.status),
        "actors": ctx.actors(event.actors),
        "title": ctx.pick(event.title),
        "summary": ctx.pick(event.summary),
        "note": ctx.pick(event.note),
        "sources": [ctx.source_link(s) for s in event.sources],
    }


def _phase(ctx: RenderContext, phase: Phase) -> dict:
    span = str(phase.start) if phase.start == phase.end else f"{phase.start}–{phase.end}"
    return {
        "id": phase.id,
        "anchor": f"phase-{phase.id}",
        "title": ctx.pick(phase.title),
        "span": span,
        "summary": ctx.pick(phase.summary),
        "events": [_event(ctx, e) for e in ctx.dataset.events_in(phase.id)],
    }


def _filters(ctx: RenderContext, events: list[Event]) -> dict:
    """Only the choices that match at least one shown event, in data order."""
    actor_ids = {a for e in events for a in e.actors}
    kind_ids = {e.kind for e in events}
    statuses = [s for s in ("confirmed", "reported") if any(e.status == s for e in events)]
    return {
        "actors": ctx.actors([a for a in ctx.dataset.actors if a in actor_ids]),
        "kinds": [
            {"id": k.id, "label": ctx.pick(k.label)} for k in ctx.dataset.kinds.values() if k.id in kind_ids
        ],
        "statuses": [ctx.status(s) for s in statuses],
        "total": len(events),
    }


def render_timeline(ctx: RenderContext, phase_id: str | None = None) -> str:
    """The whole timeline (phase headings, filters), or one phase's events
    only, for a story page (no headings of its own, no filters)."""
    if phase_id is None:
        phases = list(ctx.dataset.phases.values())
    else:
        phases = [ctx.dataset.phases[phase_id]]
    events = [e for p in phases for e in ctx.dataset.events_in(p.id)]
    return ctx.render(
        "chaiqiang/timeline.html",
        t=ctx.t,
        lang=ctx.lang,
        whole=phase_id is None,
        key=phase_id or "all",
        phases=[_phase(ctx, p) for p in phases],
        filters=_filters(ctx, events),
    )
