"""The status legend: what "confirmed" and "reported" (網傳) mean."""

from __future__ import annotations

from .common import RenderContext


def render_status_legend(ctx: RenderContext) -> str:
    return ctx.render("chaiqiang/status_legend.html", t=ctx.t)
