"""The repeated game: two strategies from data/games.yaml play a game round by
round, with an optional mistake rate, deterministic for a seed.

The random numbers come from mulberry32, a 32-bit generator small enough to
write identically in Python and JavaScript (docs/assets/javascripts/games.js);
every round draws exactly four numbers, in this order: the row player's random
choice, the column player's, the row player's mistake, the column player's.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from .model import MOVES, Ranks, payoff

MASK = 0xFFFFFFFF


def _imul(a: int, b: int) -> int:
    return (a * b) & MASK


def mulberry32(seed: int) -> Iterator[float]:
    """Numbers in [0, 1), the same sequence as games.js's `mulberry32(seed)`."""
    a = seed & MASK
    while True:
        a = (a + 0x6D2B79F5) & MASK
        t = _imul(a ^ (a >> 15), a | 1)
        t = ((t + _imul(t ^ (t >> 7), t | 61)) & MASK) ^ t
        yield ((t ^ (t >> 14)) & MASK) / 4294967296


def decide(rule: Mapping, mine: Sequence[int], theirs: Sequence[int], u: float) -> int:
    """A strategy's move (index in MOVES) given both histories so far; `u` is its random draw."""
    step = rule["first"] if not theirs else rule["then"]
    if step in MOVES:
        return MOVES.index(step)
    if step == "random":
        return 0 if u < rule.get("p_open", 0.5) else 1
    if step == "copy":
        after = rule.get("after", 1)
        recent = theirs[-after:]
        return 1 if len(recent) == after and all(m == 1 for m in recent) else 0
    if step == "grim":
        return 1 if 1 in theirs else 0
    raise ValueError(f"unknown step {step!r}")


@dataclass(frozen=True)
class Round:
    moves: tuple[int, int]
    slipped: tuple[bool, bool]  # the move is a mistake: the strategy chose the other one
    points: tuple[int, int]
    totals: tuple[int, int]


def play(
    ranks: Ranks, rules: Sequence[Mapping], rounds: int, mistake_percent: int = 0, seed: int = 1
) -> list[Round]:
    draws = mulberry32(seed)
    history: tuple[list[int], list[int]] = ([], [])
    totals = [0, 0]
    out = []
    for _ in range(rounds):
        choice = (next(draws), next(draws))
        slip = (next(draws), next(draws))
        moves = []
        slipped = []
        for p in (0, 1):
            move = decide(rules[p], history[p], history[1 - p], choice[p])
            wrong = slip[p] < mistake_percent / 100
            moves.append(1 - move if wrong else move)
            slipped.append(wrong)
        points = (payoff(ranks, 0, moves[0], moves[1]), payoff(ranks, 1, moves[1], moves[0]))
        for p in (0, 1):
            history[p].append(moves[p])
            totals[p] += points[p]
        out.append(Round((moves[0], moves[1]), (slipped[0], slipped[1]), points, (totals[0], totals[1])))
    return out
