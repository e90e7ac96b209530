"""The game model of the prisoner's-dilemma section: which game a ranking is
(model), and the repeated game (repeated). Both read their rules from
data/games.yaml; docs/assets/javascripts/games.js implements the same two
modules for the browser, and tests/browser/test_games.py holds them to the same
answers (all 576 pairs of rankings; the repeated game for given seeds)."""
