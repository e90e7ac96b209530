"""The game model's blocks: a ranking as a table with its verdict (`::: game PRESET`),
the explorer that lets a reader set the ranks (`::: game-explorer`), and the
repeated game (`::: repeated-game`). The verdicts and sentences are made here
for the page as built, and by docs/assets/javascripts/games.js from the same
words (the `games.` strings, passed to it in the block's JSON) when a reader
plays; chaiqiang.games holds the rules both follow."""

from __future__ import annotations

from functools import reduce

from jinja2.utils import htmlsafe_json_dumps

from ..games import model, repeated
from ..games.model import CELLS, MOVES, Analysis
from .common import RenderContext

CHART_WIDTH, CHART_HEIGHT, CHART_PAD = 320, 120, 10
CHART = {"width": CHART_WIDTH, "height": CHART_HEIGHT, "pad": CHART_PAD}  # the template's and games.js's
# Loaded by the blocks that need it, not by every page (mkdocs.yml's extra_javascript).
SCRIPT = "assets/javascripts/games.js"


def _names(ctx: RenderContext) -> list[str]:
    return [ctx.pick(ctx.dataset.actors[p].names) for p in ctx.dataset.games.players]


def _families(ctx: RenderContext) -> list[dict]:
    return [
        {
            "id": f.id,
            "when": [{"types": list(c.types), "dilemma": c.dilemma} for c in f.when],
            "name": ctx.pick(f.name),
            "summary": ctx.pick(f.summary),
        }
        for f in ctx.dataset.games.families
    ]


def cell_label(ctx: RenderContext, names: list[str], cell: tuple[int, int]) -> str:
    r, c = cell
    if r == c:
        return ctx.t[f"games.cell.{MOVES[r]}-{MOVES[c]}"]
    move = [ctx.t[f"games.move.{m}"] for m in MOVES]
    return ctx.t["games.cell"].format(
        first=names[0], first_move=move[r], second=names[1], second_move=move[c]
    )


def why(ctx: RenderContext, names: list[str], ranks, analysis: Analysis) -> str:
    """The sentence that says why (games.js `why` makes the same)."""
    t = ctx.t

    def quoted(cell):
        return t["games.quoted"].format(cell=cell_label(ctx, names, cell))

    parts = [t[f"games.type.{analysis.types[p]}"].format(player=names[p], other=names[1 - p]) for p in (0, 1)]
    if analysis.equilibria:
        parts.append(
            t["games.stable"].format(cells=t["games.and"].join(quoted(c) for c in analysis.equilibria))
        )
    else:
        parts.append(t["games.stable.none"])
    for stable in analysis.equilibria:
        better = next((b for b in CELLS if model.dominates(ranks, b, stable)), None)
        if better is not None:
            parts.append(t["games.dilemma"].format(better=quoted(better), stable=quoted(stable)))
            break
    return reduce(lambda a, b: t["games.then"].format(first=a, next=b), parts)


def game_view(ctx: RenderContext, ranks, caption: str) -> dict:
    names = _names(ctx)
    analysis = model.analyse(ranks, _families(ctx))
    family = next(f for f in ctx.dataset.games.families if f.id == analysis.family)
    move = [ctx.t[f"games.move.{m}"] for m in MOVES]
    rows = []
    for r in range(2):
        cells = []
        for c in range(2):
            pair = ranks[r][c]
            cells.append(
                {
                    "key": f"{r}{c}",
                    "ranks": list(pair),
                    "pair": ctx.t["games.rank.pair"].format(
                        first=names[0], a=pair[0], second=names[1], b=pair[1]
                    ),
                    "labels": [
                        ctx.t["games.explorer.rank"].format(
                            player=names[p], cell=cell_label(ctx, names, (r, c))
                        )
                        for p in (0, 1)
                    ],
                    "stable": (r, c) in analysis.equilibria,
                    "best": (r, c) in analysis.best,
                }
            )
        rows.append({"header": ctx.t["games.header"].format(player=names[0], move=move[r]), "cells": cells})
    return {
        "caption": caption,
        "corner": ctx.t["games.corner"].format(first=names[0], second=names[1]),
        "columns": [ctx.t["games.header"].format(player=names[1], move=m) for m in move],
        "rows": rows,
        "help": ctx.t["games.ranks.help"].format(first=names[0], second=names[1]),
        "family": {"id": family.id, "name": ctx.pick(family.name), "summary": ctx.pick(family.summary)},
        "why": why(ctx, names, ranks, analysis),
    }


def _preset(ctx: RenderContext, preset_id: str):
    return next(p for p in ctx.dataset.games.presets if p.id == preset_id)


def render_game(ctx: RenderContext, preset_id: str | None) -> str:
    preset = _preset(ctx, preset_id)
    view = game_view(ctx, preset.ranks, ctx.t["games.caption"].format(label=ctx.pick(preset.label)))
    return ctx.render(
        "chaiqiang/games/game.html",
        t=ctx.t,
        anchor=ctx.anchor,
        id=preset.id,
        game=view,
        note=ctx.pick(preset.note),
        basis=ctx.t[f"games.basis.{preset.basis}"],
        source=ctx.source_link(preset.source),
        events=[
            {
                "href": ctx.links.page("timeline", e),
                "label": ctx.pick(ctx.dataset.event(e).title),
                "date": ctx.date(ctx.dataset.event(e).date),
            }
            for e in preset.events
        ],
    )


REPEATED_WORDS = "games.repeated."


def browser_data(ctx: RenderContext, block: str) -> str:
    """What games.js needs for one block ("explorer" or "repeated"), in the page's
    language: its part of the model and of the words, as JSON safe inside <script>
    (Jinja's tojson, but keeping the Chinese as it is)."""
    data = _browser_data(ctx)
    if block == "explorer":
        data = {k: data[k] for k in ("players", "families", "presets")}
        data["t"] = {k: v for k, v in _words(ctx).items() if not k.startswith(REPEATED_WORDS)}
    else:
        data = {k: data[k] for k in ("players", "presets", "strategies", "replay", "chart")}
        data["t"] = {k: v for k, v in _words(ctx).items() if k.startswith((REPEATED_WORDS, "games.move."))}
    return htmlsafe_json_dumps(data, ensure_ascii=False, sort_keys=True)


def _words(ctx: RenderContext) -> dict[str, str]:
    return {k: v for k, v in ctx.t.items() if k.startswith("games.")}


def _browser_data(ctx: RenderContext) -> dict:
    games = ctx.dataset.games
    replay = games.replay
    return {
        "players": _names(ctx),
        "families": _families(ctx),
        "presets": [{"id": p.id, "label": ctx.pick(p.label), "ranks": p.ranks} for p in games.presets],
        "strategies": [
            {"id": s.id, "name": ctx.pick(s.name), "rule": s.rule.model_dump()} for s in games.strategies
        ],
        "replay": {
            "preset": replay.preset,
            "strategies": replay.strategies,
            "seed": replay.seed,
            "rounds": [ctx.pick(ctx.dataset.event(r.event).title) for r in replay.rounds],
        },
        "chart": CHART,
    }


def render_explorer(ctx: RenderContext, _arg: str | None = None) -> str:
    games = ctx.dataset.games
    first = games.presets[0]
    view = game_view(ctx, first.ranks, ctx.t["games.explorer.legend"])
    return ctx.render(
        "chaiqiang/games/explorer.html",
        t=ctx.t,
        anchor=ctx.anchor,
        game=view,
        presets=[{"id": p.id, "label": ctx.pick(p.label)} for p in games.presets],
        selected=first.id,
        data=browser_data(ctx, "explorer"),
        script=ctx.links.site_file(SCRIPT),
    )


def chart_points(rounds: list[repeated.Round]) -> list[str]:
    """Each player's running total as SVG polyline points (games.js `chartPoints` draws the same)."""
    top = max([max(r.totals) for r in rounds] + [1])
    n = max(len(rounds), 1)
    width, height, pad = CHART_WIDTH - 2 * CHART_PAD, CHART_HEIGHT - 2 * CHART_PAD, CHART_PAD

    def point(i: int, total: int) -> str:
        return f"{pad + width * i / n:.1f},{pad + height - height * total / top:.1f}"

    return [
        " ".join([point(0, 0)] + [point(i + 1, r.totals[p]) for i, r in enumerate(rounds)]) for p in (0, 1)
    ]


def _rounds_view(
    ctx: RenderContext, names: list[str], played: list[repeated.Round], labels: list[dict]
) -> list[dict]:
    move = [ctx.t[f"games.move.{m}"] for m in MOVES]
    return [
        {
            "label": labels[i],
            "moves": [
                move[r.moves[p]] + (ctx.t["games.repeated.mistake"] if r.slipped[p] else "") for p in (0, 1)
            ],
            "points": list(r.points),
            "totals": list(r.totals),
        }
        for i, r in enumerate(played)
    ]


def summary(ctx: RenderContext, names: list[str], played: list[repeated.Round]) -> str:
    last = played[-1].totals if played else (0, 0)
    return ctx.t["games.repeated.summary"].format(
        rounds=len(played),
        first=names[0],
        a=last[0],
        second=names[1],
        b=last[1],
        both_open=sum(r.moves == (0, 0) for r in played),
        both_block=sum(r.moves == (1, 1) for r in played),
        mistakes=sum(sum(r.slipped) for r in played),
    )


def render_repeated(ctx: RenderContext, _arg: str | None = None) -> str:
    games = ctx.dataset.games
    names = _names(ctx)
    strategies = {s.id: s for s in games.strategies}
    presets = {p.id: p for p in games.presets}

    replay = games.replay
    rules = [strategies[s].rule.model_dump() for s in replay.strategies]
    played = repeated.play(presets[replay.preset].ranks, rules, len(replay.rounds), 0, replay.seed)
    labels = [
        {
            "href": ctx.links.page("timeline", r.event),
            "text": ctx.pick(ctx.dataset.event(r.event).title),
            "date": ctx.date(ctx.dataset.event(r.event).date),
        }
        for r in replay.rounds
    ]
    years = [ctx.dataset.event(r.event).date[:4] for r in replay.rounds]
    replay_view = {
        "caption": ctx.t["games.repeated.replay"].format(
            first_year=years[0],
            last_year=years[-1],
            first=names[0],
            first_strategy=ctx.pick(strategies[replay.strategies[0]].name),
            second=names[1],
            second_strategy=ctx.pick(strategies[replay.strategies[1]].name),
        ),
        "rounds": _rounds_view(ctx, names, played, labels),
        "points": chart_points(played),
        "summary": summary(ctx, names, played),
        "scored": ctx.t["games.repeated.scored"].format(preset=ctx.pick(presets[replay.preset].label)),
        "source": ctx.source_link(replay.source),
    }

    tournament = games.tournament
    ranks = presets[tournament.preset].ranks
    table = [
        {
            "name": ctx.pick(a.name),
            "scores": [
                repeated.play(
                    ranks, [a.rule.model_dump(), b.rule.model_dump()], tournament.rounds, 0, tournament.seed
                )[-1].totals[0]
                for b in games.strategies
            ],
        }
        for a in games.strategies
    ]
    tournament_view = {
        "caption": ctx.t["games.repeated.tournament"].format(
            rounds=tournament.rounds, preset=ctx.pick(presets[tournament.preset].label)
        ),
        "corner": ctx.t["games.repeated.tournament.corner"].format(first=names[0], second=names[1]),
        "columns": [ctx.pick(s.name) for s in games.strategies],
        "rows": table,
    }
    return ctx.render(
        "chaiqiang/games/repeated.html",
        t=ctx.t,
        anchor=ctx.anchor,
        names=names,
        replay=replay_view,
        tournament=tournament_view,
        strategies=[{"id": s.id, "name": ctx.pick(s.name)} for s in games.strategies],
        presets=[{"id": p.id, "label": ctx.pick(p.label)} for p in games.presets],
        chosen={
            "strategies": replay.strategies,
            "preset": replay.preset,
            "rounds": len(played),
            "seed": replay.seed,
        },
        chart=CHART,
        data=browser_data(ctx, "repeated"),
        script=ctx.links.site_file(SCRIPT),
    )
