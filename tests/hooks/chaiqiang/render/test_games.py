"""The game model's blocks, rendered without MkDocs: a preset's table and verdict in
each language, the explorer's form (hidden until games.js shows it) and its JSON,
and the repeated game's built tables."""

from __future__ import annotations

import json

from chaiqiang.render.directives import expand
from chaiqiang.render.games import render_explorer, render_game, render_repeated

from .html import parse, select, text


def test_a_preset_shows_its_ranks_marks_and_verdict(render_ctx):
    root = parse(render_game(render_ctx("en"), "pd-2013"))
    [table] = select(root, "table")
    assert text(select(table, "caption")[0]) == "Illustration: From 2013: a classic prisoner's dilemma"
    assert [text(th) for th in select(table, "thead th")] == ["Tencent opens", "Tencent blocks"]
    cells = {td.get("data-cell"): td for td in select(table, "td.cq-game__cell")}
    assert text(select(cells["00"], "span.cq-game__ranks")[0]) == "3, 3"
    assert [text(m) for m in select(cells["11"], "span.cq-game__mark")] == ["stable"]
    assert [text(m) for m in select(cells["00"], "span.cq-game__mark")] == ["best for both"]
    assert select(cells["01"], "span.cq-game__mark") == []
    assert text(select(root, "strong")[0]) == "Prisoner's dilemma"
    assert text(select(root, "p.cq-game__why")[0]) == (
        "Whatever Tencent does, Alibaba does better to block. Whatever Alibaba does, Tencent does better "
        "to block. Stable: “both block”. Yet “both open” would be better for both than “both block”."
    )


def test_the_verdict_reads_in_chinese(render_ctx):
    root = parse(render_game(render_ctx("zh-Hant", url="story/blocking-war/"), "article-wording"))
    assert text(select(root, "strong")[0]) == "獵鹿賽局"
    assert text(select(root, "p.cq-game__why")[0]) == (
        "阿里巴巴最好跟騰訊做一樣的事。騰訊最好跟阿里巴巴做一樣的事。穩定格：「雙方都開放」與「雙方都封鎖」。"
        "然而「雙方都開放」對雙方都比「雙方都封鎖」更好。"
    )
    [events] = [p for p in select(root, "p.cq-note") if "相關事件" in text(p)]
    assert select(events, "a")[0].get("href") == "../../timeline/#evt-2021-09-open"


def test_the_explorer_is_a_hidden_form_with_labelled_controls_and_its_model(render_ctx):
    root = parse(render_explorer(render_ctx("en")))
    [form] = select(root, "form")
    assert form.get("hidden") is not None
    assert select(root, "p[data-games-nojs]"), "without the script the reader is told what it would add"
    selects = select(form, "td select")
    assert len(selects) == 8
    for s in selects:
        label = s.getparent()
        assert label.tag == "label" and text(label).startswith(("Alibaba's rank when", "Tencent's rank when"))
    assert select(form, "div.cq-game__result")[0].get("aria-live") == "polite"
    model = json.loads(select(form, "script[data-games-model]")[0].text)
    assert [p["id"] for p in model["presets"]] == ["pd-2013", "article-wording"]
    assert model["t"]["games.stable"] == "Stable: {cells}."


def test_the_explorers_json_keeps_chinese_and_cannot_close_its_script(render_ctx):
    markup = render_explorer(render_ctx("zh-Hant"))
    assert "穩定格" in markup and "\\u7a69" not in markup
    assert "</script" not in markup.split("data-games-model>")[1].split("</script>")[0]


def test_the_repeated_game_replays_the_rounds_the_data_tells(render_ctx):
    root = parse(render_repeated(render_ctx("en")))
    [rounds, tournament, _played] = select(root, "table")
    rows = [[text(c) for c in tr] for tr in select(rounds, "tbody tr")]
    assert rows == [["Taobao blocks WeChat (2013)", "blocks", "opens", "4", "1", "4", "1"]]
    names = [text(th) for th in select(tournament, "tbody th")]
    assert names[:3] == ["Always block", "Always open", "Tit for tat"]
    scores = {text(tr[0]): [text(td) for td in tr[1:]] for tr in select(tournament, "tbody tr")}
    assert scores["Always block"][1] == "40", "10 rounds of the temptation (4) against always open"
    assert scores["Tit for tat"][0] == "19", "the sucker's 1, then nine rounds of 2"
    [form] = select(root, "form")
    assert form.get("hidden") is not None
    assert len(select(form, "polyline")) == 2


def test_a_marker_before_a_block_gives_it_the_alignment_id(small_dataset):
    markdown = "Text.\n\n{¶ pd-model-4}\n\n::: game pd-2013\n\nMore.\n"
    out = expand(markdown, lang="en", dataset=small_dataset, page="en/story/blocking-war.md")
    assert "{¶" not in out
    assert 'class="cq-block cq-game" id="p-pd-model-4"' in out
    plain = expand("::: game pd-2013\n", lang="en", dataset=small_dataset, page="en/story/blocking-war.md")
    assert " id=" not in plain.split(">")[0]
