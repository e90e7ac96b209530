"""chaiqiang.games.repeated: strategies play as their rules say, and a seed makes a
game with mistakes or coin tosses the same every time."""

from __future__ import annotations

import itertools

import yaml
from chaiqiang.games import repeated

from tests.hooks.chaiqiang.conftest import REAL_DATA

GAMES = yaml.safe_load((REAL_DATA / "games.yaml").read_text(encoding="utf-8"))
RULES = {s["id"]: s["rule"] for s in GAMES["strategies"]}
PD = GAMES["presets"][0]["ranks"]  # pd-2013: temptation 4, reward 3, punishment 2, sucker 1
OPEN, BLOCK = 0, 1


def moves(a: str, b: str, rounds: int = 10, mistakes: int = 0, seed: int = 1):
    return [r.moves for r in repeated.play(PD, [RULES[a], RULES[b]], rounds, mistakes, seed)]


def test_tit_for_tat_against_always_block_over_10_rounds():
    played = repeated.play(PD, [RULES["tit-for-tat"], RULES["always-block"]], 10)
    assert [r.moves for r in played] == [(OPEN, BLOCK)] + [(BLOCK, BLOCK)] * 9
    # Round 1 is the sucker's payoff against the temptation; then both block (2, 2) nine times.
    assert played[-1].totals == (1 + 9 * 2, 4 + 9 * 2)


def test_tit_for_tat_against_itself_opens_every_round():
    assert moves("tit-for-tat", "tit-for-tat") == [(OPEN, OPEN)] * 10


def test_grim_trigger_never_forgives_and_tit_for_two_tats_waits_for_a_second_block():
    # Against a side that blocks in round 1 only (tit for tat starting with a block is
    # not a strategy here, so use always block for 1 round then always open: two games).
    first = repeated.play(PD, [RULES["always-block"], RULES["grim-trigger"]], 1)
    assert first[0].moves == (BLOCK, OPEN)
    assert repeated.decide(RULES["grim-trigger"], [OPEN, BLOCK, BLOCK], [BLOCK, OPEN, OPEN], 0.5) == BLOCK
    assert repeated.decide(RULES["tit-for-two-tats"], [OPEN], [BLOCK], 0.5) == OPEN
    assert repeated.decide(RULES["tit-for-two-tats"], [OPEN, OPEN], [BLOCK, BLOCK], 0.5) == BLOCK
    assert repeated.decide(RULES["tit-for-tat"], [OPEN, BLOCK], [BLOCK, OPEN], 0.5) == OPEN


def test_the_replay_of_2013_to_2015_makes_the_moves_the_article_tells():
    replay = GAMES["replay"]
    rules = [RULES[s] for s in replay["strategies"]]
    played = repeated.play(PD, rules, len(replay["rounds"]), 0, replay["seed"])
    told = [tuple(["open", "block"].index(m) for m in r["moves"]) for r in replay["rounds"]]
    assert [r.moves for r in played] == told


def test_mulberry32_is_the_published_generator():
    # The first outputs of the widely used JavaScript mulberry32 for seed 1 (games.js
    # runs that code; tests/browser/test_games.py compares the two directly).
    draws = repeated.mulberry32(1)
    assert [round(next(draws), 10) for _ in range(3)] == [0.6270739406, 0.0027357212, 0.52744704]
    assert all(0 <= x < 1 for x in itertools.islice(repeated.mulberry32(2**32 - 1), 1000))


def test_a_seed_makes_the_same_game_and_another_seed_another():
    a = moves("random", "tit-for-tat", 30, 10, seed=7)
    assert a == moves("random", "tit-for-tat", 30, 10, seed=7)
    assert a != moves("random", "tit-for-tat", 30, 10, seed=8)


def test_mistakes_flip_moves_at_the_rate_asked():
    assert moves("always-open", "always-open", 50, 0) == [(OPEN, OPEN)] * 50
    assert moves("always-open", "always-open", 50, 100) == [(BLOCK, BLOCK)] * 50
    slipped = [r.slipped for r in repeated.play(PD, [RULES["always-open"]] * 2, 1000, 10, 3)]
    share = sum(a + b for a, b in slipped) / 2000
    assert 0.07 < share < 0.13
