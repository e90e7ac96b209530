"""The status legend: each status's badge and its meaning, in the page's language."""

from chaiqiang.render.figures import render_figure_table
from chaiqiang.render.status import render_status_legend

from .html import parse, select, text


def test_the_legend_explains_both_statuses_and_the_confirmation_in_each_language(render_ctx):
    en = parse(render_status_legend(render_ctx("en")))
    assert [text(b) for b in select(en, ".cq-legend .cq-status")] == [
        "stated by the article",
        "reported (unconfirmed)",
    ]
    assert "the article states it as fact" in text(en)
    assert "a report the article passes on (網傳); not confirmed" in text(en)
    assert [text(b) for b in select(en, ".cq-legend .cq-confirmed__label")] == [
        "also confirmed by another source"
    ]
    zh = parse(render_status_legend(render_ctx("zh-Hant")))
    assert [text(b) for b in select(zh, ".cq-legend .cq-status")] == ["文章陳述", "網傳"]
    assert "文章轉述的傳聞，未經證實" in text(zh)
    assert [text(b) for b in select(zh, ".cq-legend .cq-confirmed__label")] == ["另有來源證實"]


def test_badges_in_tables_carry_no_tooltip(render_ctx):
    # The legend explains them; a title per badge would be a tooltip per row.
    root = parse(render_figure_table(render_ctx("en"), "mau"))
    badges = select(root, ".cq-status")
    assert badges and all(b.get("title") is None for b in badges)
