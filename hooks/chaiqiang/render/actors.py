"""The actors block: every company, platform and authority with both names."""

from __future__ import annotations

from .common import RenderContext
from .env import render
from .lang import DATA_KEY, other


def render_actors(ctx: RenderContext) -> str:
    key, other_key = DATA_KEY[ctx.lang], DATA_KEY[other(ctx.lang)]
    actors = [
        {
            "id": a.id,
            "name": getattr(a.names, key),
            "full": getattr(a.full_names, key) if a.full_names else None,
            "other": getattr(a.names, other_key),
            "other_lang": other(ctx.lang),
            "kind": ctx.t[f"actor.{a.kind}"],
            "parent": ctx.pick(ctx.dataset.actors[a.parent].names) if a.parent else None,
        }
        for a in ctx.dataset.actors.values()
    ]
    return render("actors.html", t=ctx.t, lang=ctx.lang, actors=actors)
