"""Charts: accessible inline SVG, no script, colours from CSS, a data table."""

import re

import pytest
from chaiqiang.render.charts import G, render_chart

from .html import xml

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def mau(render_ctx):
    return render_chart(render_ctx("en"), "mau")


def test_the_svg_is_an_image_labelled_by_its_title_and_description(mau):
    root = xml(mau)
    [svg] = root.iter(f"{SVG}svg")
    assert svg.get("role") == "img"
    title, desc = svg.find(f"{SVG}title"), svg.find(f"{SVG}desc")
    assert svg.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    assert title.text == "MAU"
    assert desc.text == "Values: WeChat 1.371 billion (June 2024); Alipay 893 million (June 2024)."


def test_labels_and_values_are_real_text(mau):
    texts = [t.text for t in xml(mau).iter(f"{SVG}text")]
    assert texts == ["WeChat", "1.371 billion", "Alipay", "893 million"]


def test_no_script_and_no_fixed_colours(mau):
    assert "<script" not in mau and "onclick" not in mau
    # Colours come from CSS classes, so dark mode and print can change them.
    assert not re.search(r"\b(fill|stroke|style)=", mau)


def test_bars_are_proportional(mau):
    bars = list(xml(mau).iter(f"{SVG}rect"))
    widths = [float(b.get("width")) for b in bars]
    assert widths[0] == pytest.approx(G.width - G.value_room)
    assert widths[1] / widths[0] == pytest.approx(893 / 1371, rel=1e-3)


def test_negative_values_extend_left_of_zero(render_ctx):
    markup = render_chart(render_ctx("en"), "growth")
    down, up = xml(markup).iter(f"{SVG}rect")
    zero = G.width / 2
    assert float(down.get("x")) + float(down.get("width")) == pytest.approx(zero)
    assert float(up.get("x")) == pytest.approx(zero)
    assert "cq-chart__bar--negative" in down.get("class")
    assert "\u22121%" in markup and "+4%" in markup


def test_the_data_table_sits_beside_the_chart(render_ctx):
    root = xml(render_chart(render_ctx("zh-Hant"), "mau"))
    [table] = root.iter("table")
    rows = {tr.get("id"): [("".join(c.itertext())) for c in tr] for tr in table.iter("tr")}
    # The full figure table, rows addressable by figure id, is the chart's data.
    assert (
        "13.71 億" in rows["fig-wechat-mau"]
        and "2024年6月" in rows["fig-wechat-mau"]
        and "文章陳述 另有來源證實：銀行報告" in rows["fig-wechat-mau"]
    )


def test_a_group_without_a_chart_type_cannot_be_charted(render_ctx):
    with pytest.raises(ValueError, match="no chart type"):
        render_chart(render_ctx("en"), "other")
