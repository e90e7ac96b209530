"""Charts as inline SVG, drawn at build time: no JavaScript, text as real
<text>, colours from CSS classes (light, dark and print themes), and the
same numbers in a table beside the picture."""

from __future__ import annotations

from dataclasses import dataclass

from ..data.schemas import FigureGroup
from .common import RenderContext
from .figures import figure_row, group_view


@dataclass(frozen=True)
class Geometry:
    width: int = 400  # viewBox units; small enough that text stays legible on phones
    row: int = 52  # label line + bar
    top: int = 8
    label_y: int = 16  # baseline of a row's label, from the row's top
    bar_y: int = 24
    bar_h: int = 20
    value_room: int = 100  # space kept for the value printed after a bar
    gap: int = 6


G = Geometry()


def _bars(values: list[float], unit: str, chart: str) -> tuple[list[dict], float]:
    """Bar positions, and the x of the zero line."""
    if chart == "diverging":
        zero = G.width / 2
        span = max(abs(v) for v in values) or 1
        scale = (G.width / 2 - G.value_room) / span
    else:
        zero = 0.0
        span = 100 if unit == "percent" else (max(values) or 1)
        scale = (G.width - G.value_room) / span
    bars = []
    for i, v in enumerate(values):
        w = abs(v) * scale
        negative = v < 0
        x = zero - w if negative else zero
        y = G.top + i * G.row
        bars.append(
            {
                "x": round(x, 1),
                "y": y + G.bar_y,
                "w": round(w, 1),
                "h": G.bar_h,
                "negative": negative,
                "label_y": y + G.label_y,
                "value_x": round(x - G.gap if negative else x + w + G.gap, 1),
                "value_y": y + G.bar_y + G.bar_h - 5,
                "anchor": "end" if negative else "start",
            }
        )
    return bars, zero


def render_chart(ctx: RenderContext, group_id: str) -> str:
    group: FigureGroup = ctx.dataset.groups[group_id]
    if group.chart is None:
        raise ValueError(f"figure group {group_id!r} has no chart type")
    figures = ctx.dataset.figures_in(group_id)
    rows = [figure_row(ctx, f) for f in figures]
    bars, zero = _bars([f.value for f in figures], figures[0].unit, group.chart)
    height = G.top * 2 + G.row * len(rows)
    return ctx.render(
        "chaiqiang/chart.html",
        t=ctx.t,
        lang=ctx.lang,
        id=f"chart-{group.id}",
        title=ctx.pick(group.title),
        chart=group.chart,
        width=G.width,
        height=height,
        zero=zero,
        items=[{**row, "bar": bar} for row, bar in zip(rows, bars, strict=True)],
        sources=list({row["source"]["id"]: row["source"] for row in rows}.values()),
        group=group_view(ctx, group),
        heading=False,
    )
