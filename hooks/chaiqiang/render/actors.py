"""The actors block: every company, platform and authority with both names."""

from __future__ import annotations

from .common import RenderContext
from .lang import other


def render_actors(ctx: RenderContext) -> str:
    other_lang = other(ctx.lang)
    actors = [
        {
            "id": a.id,
            "name": ctx.pick(a.names),
            "full": ctx.pick(a.full_names),
            "other": a.names[other_lang],
            "other_lang": other_lang,
            "kind": ctx.t[f"actor.{a.kind}"],
            "parent": ctx.pick(ctx.dataset.actors[a.parent].names) if a.parent else None,
        }
        for a in ctx.dataset.actors.values()
    ]
    return ctx.render("chaiqiang/actors.html", t=ctx.t, lang=ctx.lang, actors=actors)
