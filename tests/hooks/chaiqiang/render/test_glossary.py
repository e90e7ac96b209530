"""The glossary block: a definition list in the page's language."""

from chaiqiang.render.glossary import render_glossary

from .html import parse, select, text


def test_terms_with_the_other_language_and_anchors(render_ctx):
    root = parse(render_glossary(render_ctx("en")))
    [dl] = select(root, "dl")
    dts = select(dl, "dt")
    assert [dt.get("id") for dt in dts] == ["term-abc", "term-mini-program", "term-taokouling"]
    assert text(dts[2]) == "Taokouling (淘口令)"
    assert select(dts[2], "span[lang]")[-1].get("lang") == "zh-Hant"
    assert [text(dd) for dd in select(dl, "dd")][2] == "A share code."


def test_chinese_order_and_text(render_ctx):
    root = parse(render_glossary(render_ctx("zh-Hant")))
    assert [text(dt) for dt in select(root, "dt")] == [
        "GMV（GMV）",
        "小程序（mini program）",
        "淘口令（Taokouling）",
    ]
    assert text(select(root, "dd")[1]) == "App 裡的 App。"
