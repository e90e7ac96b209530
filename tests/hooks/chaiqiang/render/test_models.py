"""The prisoner's dilemma matrix and the five-forces table."""

from chaiqiang.render.models import render_dilemma, render_five_forces

from .html import parse, select, text


def test_the_dilemma_is_a_two_by_two_matrix_of_outcomes(render_ctx):
    root = parse(render_dilemma(render_ctx("en")))
    [table] = select(root, "table")
    assert [text(th) for th in select(table, "thead th")] == ["Tencent: Open", "Tencent: Block"]
    assert [th.get("scope") for th in select(table, "tbody th")] == ["row", "row"]
    cells = [[text(td) for td in select(tr, "td")] for tr in select(table, "tbody tr")]
    assert cells == [["Both open", "One opens"], ["One opens", "Both block"]]
    assert [text(dt) for dt in select(root, "dt")] == ["Both block", "One opens", "Both open"]
    assert select(table, "a")[0].get("href") == "#dilemma-both-open"


def test_no_payoff_numbers_appear(render_ctx):
    markup = render_dilemma(render_ctx("zh-Hant"))
    assert not any(ch.isdigit() for ch in text(parse(markup)))


def test_five_forces_say_when_the_article_is_silent(render_ctx):
    root = parse(render_five_forces(render_ctx("en")))
    rows = {tr.get("id"): [text(c) for c in tr] for tr in select(root, "tbody tr")}
    assert len(rows) == 5
    assert rows["force-new-entrants"][2:] == ["not discussed in the article", "—"]
    assert rows["force-rivalry"][3] == "named by the article"
