"""The timeline's events from stencils (chaiqiang.render.stencil) and put in as lines
(templates.LineBlocks): the same bytes as each event rendered by its macro inside the
block, whatever the data holds."""

from __future__ import annotations

import pytest
from chaiqiang import templates
from chaiqiang.data import load_dataset
from chaiqiang.render.stencil import StencilError, Stencils
from chaiqiang.render.timeline import render_timeline
from jinja2 import Environment
from markupsafe import Markup


def both_ways(ctx, phase=None):
    fast = render_timeline(ctx, phase)
    assert fast == render_timeline(ctx, phase, stencils=False)
    return fast


@pytest.mark.parametrize("lang", ["zh-Hant", "en"])
def test_the_real_timeline_and_each_phase_the_same_both_ways(real_dataset, render_ctx, lang):
    both_ways(render_ctx(lang, data=real_dataset))
    for phase in real_dataset.phases:
        both_ways(render_ctx(lang, url=f"{'en/' if lang == 'en' else ''}story/x/", data=real_dataset), phase)


def test_values_that_break_or_pad_a_line_come_out_as_the_plain_way(data_files, write_data_dir, render_ctx):
    events = data_files["timeline.yaml"]["events"]
    events[0]["summary"]["en"] = "First paragraph.\n\n  Second, indented.\n"
    events[0]["title"]["en"] = "  Padded title  "
    events[1]["note"] = {"zh-Hant": "註\u2028記", "en": "A note\r\nover two lines"}
    events[2]["title"]["en"] = "Ideographic\u3000space\u3000"
    dataset = load_dataset(write_data_dir(data_files))
    html = both_ways(render_ctx("en", data=dataset))
    assert "First paragraph.\nSecond, indented." in html
    assert "\n\n" not in html


def test_the_whole_and_the_phase_block_keep_no_marker(real_dataset, render_ctx):
    html = both_ways(render_ctx("en", data=real_dataset))
    assert "\x00" not in html
    assert html == templates.block_lines(html)  # what render_block leaves


def macro(source: str):
    env = Environment(autoescape=True)
    return env.from_string("{% macro m(e) %}" + source + "{% endmacro %}").module.m


def test_a_macro_that_prints_a_value_changed_is_refused():
    stencils = Stencils(macro("<b>{{ e.title | upper }}</b>\n"), ["title"], lambda values: (values,))
    with pytest.raises(StencilError, match="as they are"):
        stencils.render("shape", ("quiet",))


def test_values_are_escaped_as_the_template_escapes_them_and_empty_ones_decide_the_shape():
    stencils = Stencils(
        macro("<p>{{ e.title }}{% if e.note %} ({{ e.note }}){% endif %}</p>\n"),
        ["title", "note"],
        lambda values: (values,),
    )
    for values in (
        ("a < b & 'c'", None),
        ('x "y"', "n > m"),
        ("z", ""),
        ("w", None),
        (Markup("<i>already</i>"), 5),
        ("  spaced\nover lines ", "\u3000"),
    ):
        assert stencils.render("s", values) == stencils.direct(values)
        assert stencils.lines("s", values) == templates.block_lines(stencils.direct(values))


def test_an_output_that_does_not_end_its_line_is_not_lines_of_its_own():
    stencils = Stencils(macro("<i>{{ e.x }}</i>"), ["x"], lambda values: (values,))
    assert stencils.lines("s", ("1",)) is None
    assert stencils.render("s", ("1",)) == "<i>1</i>"


def test_line_blocks_go_in_only_on_lines_of_their_own():
    blocks = templates.LineBlocks()
    alone, shared = blocks.place(["<li>1</li>", "\n", "<li>2</li>"]), blocks.place(["<li>3</li>"])
    assert blocks.fill(f"<ol>\n{alone}\n</ol>") == "<ol>\n<li>1</li>\n<li>2</li>\n</ol>"
    assert blocks.fill(f"{alone}\n</ol>") == "<li>1</li>\n<li>2</li>\n</ol>"
    assert blocks.fill(f"<ol>{shared}</ol>") is None
    assert templates.LineBlocks().fill("<p>no marker</p>") == "<p>no marker</p>"
    empty = templates.LineBlocks()
    assert empty.fill(f"<ol>\n{empty.place([])}\n</ol>") is None
