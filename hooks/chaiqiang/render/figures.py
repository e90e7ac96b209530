"""Figure tables: one table per group, every figure with its provenance."""

from __future__ import annotations

from ..data.schemas import Figure, FigureGroup
from . import numbers
from .common import RenderContext


def figure_row(ctx: RenderContext, figure: Figure) -> dict:
    return {
        "id": figure.id,
        "label": ctx.pick(figure.label),
        "measure": ctx.pick(figure.measure),
        "value": figure.value,
        "value_text": numbers.format_value(figure.value, figure.unit, ctx.lang),
        "unit": ctx.t[f"unit.{figure.unit}"],
        "as_of": ctx.date(figure.as_of),
        "entities": ctx.actors(figure.entities),
        "source": ctx.source_link(figure.source),
        "status": ctx.status(figure.status),
        "confirmed_by": ctx.confirmations(figure.confirmed_by),
        "note": ctx.pick(figure.note),
    }


def group_view(ctx: RenderContext, group: FigureGroup) -> dict:
    return {
        "id": group.id,
        "anchor": f"group-{group.id}",
        "title": ctx.pick(group.title),
        "rows": [figure_row(ctx, f) for f in ctx.dataset.figures_in(group.id)],
    }


def render_figure_table(ctx: RenderContext, group_id: str, *, heading: bool = False) -> str:
    group = ctx.dataset.groups[group_id]
    return ctx.render(
        "chaiqiang/figure_table.html", t=ctx.t, lang=ctx.lang, group=group_view(ctx, group), heading=heading
    )


def render_figures(ctx: RenderContext) -> str:
    """Every group, each under its own heading (the figures page)."""
    return "\n".join(render_figure_table(ctx, g, heading=True) for g in ctx.dataset.groups)
