"""Which game a 2×2 ranking is: each side's type, the stable cells (pure Nash
equilibria), the cell best for both, and the family from data/games.yaml.

A game is `ranks[row][col] = (row player's rank, column player's rank)`, with
moves in the order MOVES and ranks 1 (worst) to 4 (best). The browser's
docs/assets/javascripts/games.js mirrors every function here, line for line.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import permutations, product

OPEN, BLOCK = "open", "block"
MOVES = (OPEN, BLOCK)
TYPES = ("open", "block", "match", "oppose")
# Group names a family's `types` may use besides the four types.
GROUPS = {"dominant": ("open", "block"), "contingent": ("match", "oppose")}

Ranks = Sequence[Sequence[Sequence[int]]]  # [row move][col move] -> (row rank, col rank)
Cell = tuple[int, int]  # (row move index, column move index)
CELLS: tuple[Cell, ...] = ((0, 0), (0, 1), (1, 0), (1, 1))


def payoff(ranks: Ranks, player: int, mine: int, theirs: int) -> int:
    """The player's (0 rows, 1 columns) rank when it plays `mine` and the other `theirs`."""
    cell = (mine, theirs) if player == 0 else (theirs, mine)
    return ranks[cell[0]][cell[1]][player]


def best_reply(ranks: Ranks, player: int, theirs: int) -> int:
    """The move (index) that is better for `player` when the other plays `theirs`
    (strict ranks: there is always exactly one)."""
    return 0 if payoff(ranks, player, 0, theirs) > payoff(ranks, player, 1, theirs) else 1


def player_type(ranks: Ranks, player: int) -> str:
    to_open, to_block = best_reply(ranks, player, 0), best_reply(ranks, player, 1)
    if to_open == to_block:
        return MOVES[to_open]
    return "match" if to_open == 0 else "oppose"


def equilibria(ranks: Ranks) -> list[Cell]:
    """Cells where each move is the best reply to the other's: the stable cells."""
    return [(r, c) for r, c in CELLS if best_reply(ranks, 0, c) == r and best_reply(ranks, 1, r) == c]


def dominates(ranks: Ranks, a: Cell, b: Cell) -> bool:
    """Cell a is better than b for both players (ranks are strict)."""
    return all(ranks[a[0]][a[1]][p] > ranks[b[0]][b[1]][p] for p in (0, 1))


def best_for_both(ranks: Ranks) -> list[Cell]:
    """Of the cells that no other cell beats for both (Pareto-optimal), those
    whose worse-off player fares best."""
    optimal = [a for a in CELLS if not any(dominates(ranks, b, a) for b in CELLS)]
    floor = max(min(ranks[r][c]) for r, c in optimal)
    return [(r, c) for r, c in optimal if min(ranks[r][c]) == floor]


def is_dilemma(ranks: Ranks) -> bool:
    """Some stable cell is worse for both than another cell."""
    return any(dominates(ranks, b, eq) for eq in equilibria(ranks) for b in CELLS)


def _fits(pattern: Sequence[str], types: tuple[str, str]) -> bool:
    def allowed(word: str) -> tuple[str, ...]:
        return GROUPS.get(word, (word,))

    a, b = (allowed(w) for w in pattern)
    return (types[0] in a and types[1] in b) or (types[0] in b and types[1] in a)


def matches(condition: Mapping, types: tuple[str, str], dilemma: bool) -> bool:
    """One of a family's `when` conditions: `types` (either order), and `dilemma` if given."""
    if "dilemma" in condition and condition["dilemma"] is not None and condition["dilemma"] != dilemma:
        return False
    return _fits(condition["types"], types)


def families_of(families: Sequence[Mapping], types: tuple[str, str], dilemma: bool) -> list[str]:
    """The ids of the families that fit (exactly one, in a valid data file)."""
    return [f["id"] for f in families if any(matches(c, types, dilemma) for c in f["when"])]


@dataclass(frozen=True)
class Analysis:
    types: tuple[str, str]
    equilibria: tuple[Cell, ...]
    best: tuple[Cell, ...]
    dilemma: bool
    family: str

    def as_dict(self) -> dict:
        """The answer in the browser's shape (games.js `analyse`), for comparing the two."""
        return {
            "types": list(self.types),
            "equilibria": [list(c) for c in self.equilibria],
            "best": [list(c) for c in self.best],
            "dilemma": self.dilemma,
            "family": self.family,
        }


def analyse(ranks: Ranks, families: Sequence[Mapping]) -> Analysis:
    types = (player_type(ranks, 0), player_type(ranks, 1))
    dilemma = is_dilemma(ranks)
    (family,) = families_of(families, types, dilemma)
    return Analysis(types, tuple(equilibria(ranks)), tuple(best_for_both(ranks)), dilemma, family)


def rankings() -> list[tuple[int, int, int, int]]:
    """Every strict ranking of the four cells, in CELLS order (24)."""
    return list(permutations((1, 2, 3, 4)))


def game(row: Sequence[int], col: Sequence[int]) -> list[list[list[int]]]:
    """The game in which the row player ranks CELLS as `row` and the column player as `col`."""
    out = [[[0, 0], [0, 0]], [[0, 0], [0, 0]]]
    for (r, c), a, b in zip(CELLS, row, col, strict=True):
        out[r][c] = [a, b]
    return out


def all_games() -> list[list[list[list[int]]]]:
    """All 24 × 24 = 576 games, the row player's ranking first."""
    return [game(a, b) for a, b in product(rankings(), repeat=2)]


def coverage_problems(families: Sequence[Mapping]) -> list[str]:
    """Each combination of types and dilemma that some game has must fit one family."""
    problems = []
    seen: set[tuple[tuple[str, str], bool]] = set()
    for g in all_games():
        types = (player_type(g, 0), player_type(g, 1))
        key = (tuple(sorted(types)), is_dilemma(g))
        if key in seen:
            continue
        seen.add(key)
        fits = families_of(families, types, key[1])
        what = f"types {types[0]} and {types[1]}, {'a' if key[1] else 'no'} dilemma"
        if not fits:
            problems.append(f"no family fits a game with {what}")
        elif len(fits) > 1:
            problems.append(f"a game with {what} fits several families: {', '.join(fits)}")
    return problems
