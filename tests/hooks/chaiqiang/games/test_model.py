"""chaiqiang.games.model: the classic games get their names, every one of the
576 rankings fits exactly one family, and a family table with a hole says so."""

from __future__ import annotations

import collections

import pytest
import yaml
from chaiqiang.games import model

from tests.hooks.chaiqiang.conftest import REAL_DATA

FAMILIES = yaml.safe_load((REAL_DATA / "games.yaml").read_text(encoding="utf-8"))["families"]


def symmetric(T: int, R: int, P: int, S: int) -> list:
    """The textbook form: temptation, reward, punishment, sucker's payoff, for both sides."""
    return [[[R, R], [S, T]], [[T, S], [P, P]]]


@pytest.mark.parametrize(
    ("ranks", "family", "stable", "best"),
    [
        (symmetric(T=4, R=3, P=2, S=1), "prisoners-dilemma", [(1, 1)], [(0, 0)]),
        (symmetric(T=3, R=4, P=2, S=1), "stag-hunt", [(0, 0), (1, 1)], [(0, 0)]),
        (symmetric(T=4, R=3, P=1, S=2), "chicken", [(0, 1), (1, 0)], [(0, 0)]),
        (symmetric(T=4, R=2, P=3, S=1), "deadlock", [(1, 1)], [(1, 1)]),
        (symmetric(T=3, R=4, P=1, S=2), "harmony", [(0, 0)], [(0, 0)]),
        ([[[4, 3], [1, 1]], [[2, 2], [3, 4]]], "battle-of-the-sexes", [(0, 0), (1, 1)], [(0, 0), (1, 1)]),
        ([[[4, 1], [1, 4]], [[2, 3], [3, 2]]], "no-stable-cell", [], None),
    ],
)
def test_the_classic_games_are_named_with_their_stable_cells(ranks, family, stable, best):
    found = model.analyse(ranks, FAMILIES)
    assert found.family == family
    assert list(found.equilibria) == stable
    if best is not None:
        assert list(found.best) == best


def test_the_prisoners_dilemma_is_a_dilemma_and_harmony_is_not():
    assert model.analyse(symmetric(T=4, R=3, P=2, S=1), FAMILIES).dilemma
    assert not model.analyse(symmetric(T=3, R=4, P=1, S=2), FAMILIES).dilemma


def test_types_read_each_sides_best_replies():
    pd = symmetric(T=4, R=3, P=2, S=1)
    assert model.player_type(pd, 0) == model.player_type(pd, 1) == "block"
    stag = symmetric(T=3, R=4, P=2, S=1)
    assert model.player_type(stag, 0) == "match"


def test_every_one_of_the_576_games_fits_exactly_one_family():
    games = model.all_games()
    assert len(games) == 576
    counts = collections.Counter(model.analyse(g, FAMILIES).family for g in games)
    assert sum(counts.values()) == 576
    assert counts["prisoners-dilemma"] == 2  # the textbook ranking, for either move as the tempting one
    assert set(counts) == {f["id"] for f in FAMILIES}
    assert model.coverage_problems(FAMILIES) == []


def test_a_family_table_with_a_hole_or_an_overlap_is_reported():
    without_chicken = [f for f in FAMILIES if f["id"] != "chicken"]
    assert model.coverage_problems(without_chicken) == [
        "no family fits a game with types oppose and oppose, a dilemma",
        "no family fits a game with types oppose and oppose, no dilemma",
    ]
    with pytest.raises(ValueError):
        model.analyse(symmetric(T=4, R=3, P=1, S=2), without_chicken)
    greedy = [*FAMILIES, {"id": "anything", "when": [{"types": ["dominant", "dominant"]}]}]
    assert any(
        "fits several families: prisoners-dilemma, anything" in p for p in model.coverage_problems(greedy)
    )
