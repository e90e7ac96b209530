"""The game model in Chromium (docs/assets/javascripts/games.js): the page's script
classifies all 576 rankings as chaiqiang.games does, with the same sentence; the
repeated game is the same game for a seed; the controls change the verdict, match
every preset's built table, work from the keyboard and from file://; without
JavaScript the built tables carry it all; axe finds nothing; the section's weight."""

from __future__ import annotations

import gzip
import json

import pytest
from chaiqiang.data import load_dataset
from chaiqiang.games import model, repeated
from chaiqiang.render import games as render_games
from chaiqiang.render.common import RenderContext
from chaiqiang.render.links import Links

from tests.browser.test_offline import Offline
from tests.hooks.chaiqiang.conftest import REAL_DATA
from tools.checks.a11y import SCHEMES, WIDTHS, check
from tools.checks.pageweight import budget_kb, measure


@pytest.fixture(scope="module")
def real_dataset():
    return load_dataset(REAL_DATA)


PAGES = {"zh-Hant": "story/blocking-war/", "en": "en/story/blocking-war/"}
EXPLORER = "form[data-games-explorer]"
REPEATED = "form[data-games-repeated]"


def open_page(browser, site_server, lang="en", width=1280, **options):
    context = browser.new_context(viewport={"width": width, "height": 900}, **options)
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda e: errors.append(str(e)))
    tab.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    tab.goto(site_server + PAGES[lang])
    tab.errors = errors
    return context, tab


def page_model(tab, form=EXPLORER) -> dict:
    return json.loads(tab.eval_on_selector(f"{form} script[data-games-model]", "s => s.textContent"))


def context_for(real_dataset, lang) -> RenderContext:
    src = "story/blocking-war.md"
    return RenderContext(real_dataset, lang, Links.for_page(src, lang))


@pytest.mark.parametrize("lang", ["zh-Hant", "en"])
def test_the_page_classifies_all_576_games_as_python_does(browser, site_server, real_dataset, lang):
    context, tab = open_page(browser, site_server, lang)
    try:
        games = model.all_games()
        ctx = context_for(real_dataset, lang)
        names = [ctx.pick(real_dataset.actors[p].names) for p in real_dataset.games.players]
        families = [
            {"id": f.id, "when": [{"types": list(c.types), "dilemma": c.dilemma} for c in f.when]}
            for f in real_dataset.games.families
        ]
        expected = []
        for g in games:
            found = model.analyse(g, families)
            expected.append({**found.as_dict(), "why": render_games.why(ctx, names, g, found)})
        got = tab.evaluate(
            """([games, model]) => games.map(g => {
                const a = window.chaiqiangGames.analyse(g, model.families);
                return Object.assign({}, a, {why: window.chaiqiangGames.why(model, g, a)});
            })""",
            [games, page_model(tab)],
        )
        differ = [(g, e, b) for g, e, b in zip(games, expected, got, strict=True) if e != b]
        assert not differ, f"{len(differ)} of 576 games differ, the first: {differ[0]}"
        assert len({e["family"] for e in expected}) == len(families)
        assert tab.errors == []
    finally:
        context.close()


def test_the_repeated_game_is_the_same_game_in_python_and_the_page(browser, site_server, real_dataset):
    context, tab = open_page(browser, site_server, "en")
    try:
        rules = {s.id: s.rule.model_dump() for s in real_dataset.games.strategies}
        ranks = real_dataset.games.presets[0].ranks
        cases = [
            (a, b, mistakes, seed)
            for a in ("tit-for-tat", "random", "grim-trigger")
            for b in ("tit-for-two-tats", "random", "always-block")
            for mistakes, seed in ((0, 1), (10, 7), (35, 4242))
        ]
        expected = [
            [
                {
                    "moves": list(r.moves),
                    "slipped": list(r.slipped),
                    "points": list(r.points),
                    "totals": list(r.totals),
                }
                for r in repeated.play(ranks, [rules[a], rules[b]], 40, mistakes, seed)
            ]
            for a, b, mistakes, seed in cases
        ]
        got = tab.evaluate(
            """([cases, rules, ranks]) => cases.map(([a, b, m, s]) =>
                window.chaiqiangGames.play(ranks, [rules[a], rules[b]], 40, m, s))""",
            [cases, rules, ranks],
        )
        assert got == expected
        draws = tab.evaluate(
            "() => { const r = window.chaiqiangGames.mulberry32(2 ** 32 - 1); return [r(), r(), r()]; }"
        )
        python = repeated.mulberry32(2**32 - 1)
        assert draws == [next(python) for _ in range(3)]
    finally:
        context.close()


def verdict(tab, root: str) -> dict:
    return tab.eval_on_selector(
        root,
        """el => ({
            family: el.querySelector('[data-game="family"]').textContent,
            summary: el.querySelector('[data-game="summary"]').textContent,
            why: el.querySelector('[data-game="why"]').textContent,
            marks: Array.from(el.querySelectorAll('td.cq-game__cell')).map(td =>
                Array.from(td.querySelectorAll('[data-mark]')).filter(m => !m.hidden).map(m => m.textContent)),
        })""",
    )


@pytest.mark.parametrize("lang", ["zh-Hant", "en"])
def test_every_preset_in_the_explorer_matches_its_built_table(browser, site_server, real_dataset, lang):
    context, tab = open_page(browser, site_server, lang)
    try:
        assert tab.locator(EXPLORER).is_visible()
        assert not tab.locator("#p-pd-explorer-5 [data-games-nojs]").is_visible()
        for preset in real_dataset.games.presets:
            tab.select_option(f"{EXPLORER} [data-game='preset']", preset.id)
            assert verdict(tab, EXPLORER) == verdict(tab, f"[data-preset='{preset.id}']"), preset.id
            shown = tab.eval_on_selector_all(f"{EXPLORER} td select", "ss => ss.map(s => +s.value)")
            want = [preset.ranks[r][c][p] for r in (0, 1) for c in (0, 1) for p in (0, 1)]
            assert shown == want
    finally:
        context.close()


def test_changing_a_rank_changes_the_game_the_stable_cells_and_the_sentence(browser, site_server):
    context, tab = open_page(browser, site_server, "en")
    try:
        tab.select_option(f"{EXPLORER} [data-game='preset']", "pd-2013")
        before = verdict(tab, EXPLORER)
        assert before["family"] == "Prisoner's dilemma"
        # Alibaba now likes "both open" best: 3 → 4 (its 4, on "Alibaba blocks, Tencent opens", swaps to 3).
        tab.get_by_label("Alibaba's rank when both open").select_option("4")
        after = verdict(tab, EXPLORER)
        assert after["family"] != before["family"] and after["family"] == "One side decides"
        assert after["why"] != before["why"] and "Alibaba does best to do what Tencent does" in after["why"]
        assert tab.get_by_label("Alibaba's rank when Alibaba blocks, Tencent opens").input_value() == "3"
        assert tab.input_value(f"{EXPLORER} [data-game='preset']") == "", "no preset has these ranks"
        # And Tencent too: a stag hunt, stable in both open and both block.
        tab.get_by_label("Tencent's rank when both open").select_option("4")
        hunt = verdict(tab, EXPLORER)
        assert hunt["family"] == "Stag hunt"
        assert hunt["marks"] != after["marks"] and hunt["marks"][0] == ["stable", "best for both"]
        assert tab.input_value(f"{EXPLORER} [data-game='preset']") == "article-wording", (
            "the stag hunt's ranks"
        )
        live = tab.locator(f"{EXPLORER} [aria-live='polite']")
        assert "Stag hunt" in live.inner_text()
        assert tab.errors == []
    finally:
        context.close()


def test_the_explorer_and_the_game_work_from_the_keyboard_alone(browser, site_server):
    context, tab = open_page(browser, site_server, "zh-Hant")
    try:
        tab.focus(f"{EXPLORER} [data-game='preset']")
        order = []
        for _ in range(9):
            order.append(tab.evaluate("document.activeElement.getAttribute('data-player') ?? 'preset'"))
            tab.keyboard.press("Tab")
        assert order == ["preset"] + ["0", "1"] * 4, order
        tab.focus(f"{EXPLORER} [data-game='preset']")
        tab.keyboard.press("ArrowDown")  # the next preset: the stag hunt
        assert verdict(tab, EXPLORER)["family"] == "獵鹿賽局"
        # The repeated game: strategies by keyboard, then the replay button with Enter.
        tab.focus(f"{REPEATED} [data-repeated='strategy'][data-player='0']")
        tab.keyboard.press("ArrowDown")  # always block -> always open
        summary = tab.locator(f"{REPEATED} [data-repeated='summary']")
        assert "阿里巴巴得 12 分" in summary.inner_text()  # both open all 4 rounds: 3 points each
        rows = tab.eval_on_selector_all(
            f"{REPEATED} tbody tr", "trs => trs.map(tr => tr.children[1].textContent)"
        )
        assert rows == ["開放"] * 4
        tab.focus(f"{REPEATED} [data-repeated='replay']")
        tab.keyboard.press("Enter")
        assert "阿里巴巴得 10 分，騰訊得 7 分" in summary.inner_text()
        assert tab.errors == []
    finally:
        context.close()


def test_the_repeated_game_plays_what_the_reader_sets(browser, site_server):
    context, tab = open_page(browser, site_server, "en")
    try:
        form = tab.locator(REPEATED)
        built = tab.eval_on_selector_all(
            "#p-repeated-game-3 > .cq-scroll table.cq-repeated__rounds tbody tr",
            "trs => trs.map(tr => Array.from(tr.children).map(c => c.textContent))",
        )
        played = tab.eval_on_selector_all(
            f"{REPEATED} tbody tr", "trs => trs.map(tr => Array.from(tr.children).map(c => c.textContent))"
        )
        assert [r[1:] for r in played] == [r[1:] for r in built], "the form starts as the replay"
        form.get_by_label("Alibaba's strategy").select_option("tit-for-tat")
        form.get_by_label("Tencent's strategy").select_option("always-block")
        form.get_by_label("Rounds (1–50)").fill("10")
        rows = tab.eval_on_selector_all(
            f"{REPEATED} tbody tr", "trs => trs.map(tr => tr.children[1].textContent)"
        )
        assert rows == ["opens"] + ["blocks"] * 9
        summary = form.locator("[data-repeated='summary']").inner_text()
        assert summary.startswith("10 rounds: Alibaba scores 19, Tencent scores 22.")
        form.get_by_label("Chance of a mistake in each move (%)").fill("50")
        assert "moves are mistakes" in form.locator("[data-repeated='summary']").inner_text()
        assert form.locator("[data-repeated='summary']").inner_text() != summary
        points = tab.eval_on_selector_all(
            f"{REPEATED} polyline", "ls => ls.map(l => l.getAttribute('points'))"
        )
        assert all(len(p.split()) == 11 for p in points)
        assert tab.errors == []
    finally:
        context.close()


def test_without_javascript_every_preset_and_the_replay_are_on_the_page(browser, site_server, real_dataset):
    context, tab = open_page(browser, site_server, "en", java_script_enabled=False)
    try:
        for preset in real_dataset.games.presets:
            block = tab.locator(f"[data-preset='{preset.id}']")
            assert block.is_visible()
            assert block.locator("[data-game='why']").inner_text()
        assert not tab.locator(EXPLORER).is_visible() and not tab.locator(REPEATED).is_visible()
        assert tab.locator("#p-pd-explorer-5 [data-games-nojs]").is_visible()
        assert tab.locator("#p-repeated-game-3 table.cq-repeated__tournament").is_visible()
    finally:
        context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_the_section_fits_the_screen_with_the_controls_shown(browser, site_server, width):
    for lang in PAGES:
        context, tab = open_page(browser, site_server, lang, width)
        try:
            assert tab.locator(EXPLORER).is_visible()
            overflow = tab.evaluate(
                """() => Array.from(document.querySelectorAll('.cq-game, .cq-repeated'))
                      .filter(b => b.getBoundingClientRect().right > window.innerWidth + 1).length"""
            )
            assert overflow == 0
            assert tab.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        finally:
            context.close()


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width", WIDTHS)
def test_axe_finds_nothing_in_the_section(browser, site_server, width, scheme):
    pages = [PAGES["zh-Hant"], PAGES["en"]]
    violations, problems = check(browser, site_server, pages, width, scheme)
    assert not problems, problems
    assert not violations, "\n".join(map(str, violations))


def test_the_offline_bundle_plays_from_the_disk(browser, offline_bundle):
    session = Offline(browser, offline_bundle.root)
    try:
        tab = session.new_page()
        tab.goto(session.url("en/story/blocking-war.html"))
        tab.select_option(f"{EXPLORER} [data-game='preset']", "after-2021")
        assert verdict(tab, EXPLORER)["family"] == "Harmony"
        tab.locator(REPEATED).get_by_label("Rounds (1–50)").fill("12")
        assert tab.locator(f"{REPEATED} tbody tr").count() == 12
        session.assert_stayed_on_disk()
    finally:
        session.close()


def test_the_section_stays_within_the_page_budget(browser, site_server, built_site, capsys):
    """The page with the model weighs what a first visit transfers; the section's own
    part (its HTML and games.js, compressed) is reported."""
    for page in PAGES.values():
        [weight] = measure(browser, site_server, built_site, [page + "index.html"])
        assert not weight.missing, weight.missing
        assert weight.total <= budget_kb(page + "index.html") * 1000, weight
        assert "assets/javascripts/games.js" in weight.files
        html = (built_site / page / "index.html").read_text(encoding="utf-8")
        start = html.index('id="p-pd-model-4"')
        section = html[start : html.index('id="regulation-as-rule-change"')]
        script = (built_site / "assets/javascripts/games.js").read_bytes()
        with capsys.disabled():
            print(
                f"\n{page}: page {weight.total / 1000:.1f} kB of {budget_kb(page + 'index.html')} kB; "
                f"the game model's part of the HTML {len(gzip.compress(section.encode())) / 1000:.1f} kB, "
                f"games.js {len(gzip.compress(script)) / 1000:.1f} kB (gzip)"
            )
