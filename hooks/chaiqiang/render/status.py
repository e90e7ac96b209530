"""The status legend: what "stated", "reported" (網傳) and "also confirmed by" mean."""

from __future__ import annotations

from .common import RenderContext


def render_status_legend(ctx: RenderContext) -> str:
    return ctx.render("chaiqiang/status_legend.html", t=ctx.t)
