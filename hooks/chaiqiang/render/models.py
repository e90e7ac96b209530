"""The two analytical models as tables: the prisoner's dilemma as a 2×2
matrix of the article's qualitative outcomes, and the five forces."""

from __future__ import annotations

from .common import RenderContext


def render_dilemma(ctx: RenderContext) -> str:
    d = ctx.dataset.dilemma
    first, second = (ctx.pick(ctx.dataset.actors[p].names) for p in d.players)
    outcome_of = {tuple(cell): o for o in d.outcomes for cell in o.cells}
    moves = [{"id": m.id, "label": ctx.pick(m.label)} for m in d.moves]

    def header(player: str, move: dict) -> str:
        return ctx.t["dilemma.move"].format(player=player, move=move["label"])

    rows = [
        {
            "header": header(first, row),
            "cells": [
                {
                    "outcome": outcome_of[(row["id"], col["id"])].id,
                    "label": ctx.pick(outcome_of[(row["id"], col["id"])].label),
                }
                for col in moves
            ],
        }
        for row in moves
    ]
    outcomes = [{"id": o.id, "label": ctx.pick(o.label), "text": ctx.pick(o.outcome)} for o in d.outcomes]
    return ctx.render(
        "chaiqiang/dilemma.html",
        t=ctx.t,
        lang=ctx.lang,
        title=ctx.pick(d.title),
        corner=ctx.t["dilemma.corner"].format(first=first, second=second),
        columns=[header(second, m) for m in moves],
        rows=rows,
        outcomes=outcomes,
        source=ctx.source_link(d.source),
    )


def render_five_forces(ctx: RenderContext) -> str:
    forces = [
        {
            "id": f.id,
            "force": ctx.pick(f.force),
            "who": ctx.pick(f.who),
            "claim": ctx.pick(f.claim),
            "explicit": f.explicit,
            "source": ctx.source_link(f.source),
        }
        for f in ctx.dataset.forces
    ]
    sources = list({f["source"]["id"]: f["source"] for f in forces}.values())
    return ctx.render("chaiqiang/five_forces.html", t=ctx.t, lang=ctx.lang, forces=forces, sources=sources)
