"""Figure tables: one per group, values in the page's language, provenance."""

from chaiqiang.render.figures import render_figure_table, render_figures

from .html import by_id, parse, select, text


def test_a_group_table_has_caption_column_headers_and_row_ids(render_ctx):
    root = parse(render_figure_table(render_ctx("en"), "mau"))
    [table] = select(root, "table")
    assert text(select(table, "caption")[0]) == "MAU"
    headers = select(table, "thead th")
    assert all(th.get("scope") == "col" for th in headers)
    assert [text(th) for th in headers] == [
        "Item",
        "Value",
        "Unit",
        "As of",
        "About",
        "Source",
        "Status",
        "Note",
    ]
    assert [tr.get("id") for tr in select(table, "tbody tr")] == ["fig-wechat-mau", "fig-alipay-mau"]
    assert [th.get("scope") for th in select(table, "tbody th")] == ["row", "row"]


def test_values_units_and_dates_in_each_language(render_ctx):
    en = by_id(parse(render_figure_table(render_ctx("en"), "mau")), "fig-wechat-mau")
    zh = by_id(parse(render_figure_table(render_ctx("zh-Hant"), "mau")), "fig-wechat-mau")
    assert text(select(en, "th")[0]) == "WeChat, monthly active users"
    assert [text(td) for td in select(en, "td")][:3] == ["1.371 billion", "people", "June 2024"]
    assert [text(td) for td in select(zh, "td")][:3] == ["13.71 億", "人", "2024年6月"]
    assert select(en, "time")[0].get("datetime") == "2024-06"


def test_source_status_entity_and_note(render_ctx):
    root = parse(render_figures(render_ctx("en")))
    alipay = by_id(root, "fig-alipay-mau")
    cells = [text(td) for td in select(alipay, "td")]
    assert cells[3:] == ["whole market", "Lanhai Yiguan", "stated by the article", "A note"]
    assert select(alipay, "a")[0].get("href") == "../sources/#src-article"
    share = by_id(root, "fig-share")
    assert text(select(share, ".cq-status")[0]) == "reported (unconfirmed)"
    assert select(share, "a")[0].get("href") == "../sources/#src-bank-report"


def test_signed_growth(render_ctx):
    root = parse(render_figure_table(render_ctx("zh-Hant"), "growth"))
    values = [text(td) for td in select(root, "td.cq-num")]
    assert values == ["\u22121%", "+4%"]
    assert [text(td) for td in select(by_id(root, "fig-down"), "td")][2] == "2024年第二季"


def test_all_groups_each_under_a_heading(render_ctx):
    root = parse(render_figures(render_ctx("en")))
    assert [h.getparent().get("id") for h in select(root, "h2")] == [
        "group-mau",
        "group-growth",
        "group-other",
    ]
