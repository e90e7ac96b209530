"""expand(): `::: NAME [ARG]` lines become HTML blocks; mistakes name the page and line."""

from __future__ import annotations

import pytest
from chaiqiang.render.directives import DIRECTIVES, DirectiveError, expand

from .html import parse, select


def run(dataset, markdown: str, **kwargs) -> str:
    options = {"lang": "en", "dataset": dataset, "page": "en/timeline.md"} | kwargs
    return expand(markdown, **options)


def test_a_directive_line_becomes_a_block_surrounded_by_blank_lines(small_dataset):
    out = run(small_dataset, "# Timeline\nIntro.\n::: timeline\nAfter.\n")
    lines = out.split("\n")
    start = lines.index('<div class="cq-block cq-timeline" data-cq-timeline>')
    assert lines[:start] == ["# Timeline", "Intro.", ""]
    end = len(lines) - 1 - lines[::-1].index("</div>")
    assert lines[end + 1 :] == ["", "After.", ""]
    assert "" not in lines[start:end]


@pytest.mark.parametrize(
    "line",
    [
        "::: timeline", "::: timeline war", "::: figures", "::: figure-table mau", "::: chart growth",
        "::: sources", "::: glossary", "::: dilemma", "::: five-forces", "::: actors",
        "::: downloads timeline", "::: downloads figures",
    ],
)  # fmt: skip
def test_every_directive_renders_in_both_languages(small_dataset, line):
    for lang in ("zh-Hant", "en"):
        out = run(small_dataset, line, lang=lang, page=f"{lang}/page.md")
        assert out.startswith('\n<div class="cq-block')
        assert ":::" not in out


def test_the_documented_names_are_the_registered_ones():
    import chaiqiang.render.directives as module

    for name in DIRECTIVES:
        assert f"::: {name}" in module.__doc__


@pytest.mark.parametrize(
    ("markdown", "message"),
    [
        ("text\n\n::: timelines", "en/timeline.md:3: unknown directive 'timelines'"),
        ("::: chart nope", "en/timeline.md:1: '::: chart nope': unknown figure group with a chart 'nope'"),
        ("::: chart other", "unknown figure group with a chart 'other' (known: mau, growth)"),
        ("::: figure-table", "en/timeline.md:1: '::: figure-table' needs a figure group id"),
        ("::: timeline nowhere", "unknown phase 'nowhere' (known: war, peace)"),
        ("::: sources all", "'::: sources' takes no argument, got 'all'"),
        ("::: downloads timeline extra", "'::: downloads' takes one argument, got 'timeline extra'"),
        ("::: downloads actors", "unknown download 'actors' (known: timeline, figures, sources)"),
        (":::timeline", "en/timeline.md:1: expected '::: NAME [ARG]', got ':::timeline'"),
    ],
)
def test_mistakes_name_the_page_the_line_and_the_name(small_dataset, markdown, message):
    with pytest.raises(DirectiveError) as info:
        run(small_dataset, markdown)
    assert message in str(info.value)


def test_fenced_code_is_left_alone(small_dataset):
    markdown = "```md\n::: timeline\n::: no-such-thing\n```\n~~~~\n::: x\n~~~~\n::: glossary"
    out = run(small_dataset, markdown)
    assert out.startswith("```md\n::: timeline\n::: no-such-thing\n```\n~~~~\n::: x\n~~~~\n")
    assert "cq-glossary" in out


def test_indented_lines_are_not_directives(small_dataset):
    assert run(small_dataset, "    ::: timeline") == "    ::: timeline"


def test_links_follow_the_page_url_and_url_style(small_dataset):
    def download_links(**kwargs):
        root = parse(run(small_dataset, "::: downloads timeline", **kwargs).strip())
        return [a.get("href") for a in select(root, "a")]

    assert download_links() == ["../../downloads/timeline.csv", "../../downloads/timeline.json"]
    assert download_links(url="en/data/timeline/") == [
        "../../../downloads/timeline.csv",
        "../../../downloads/timeline.json",
    ]
    assert download_links(lang="zh-Hant", page="zh-Hant/timeline.md") == [
        "../downloads/timeline.csv",
        "../downloads/timeline.json",
    ]
    assert download_links(use_directory_urls=False) == [
        "../downloads/timeline.csv",
        "../downloads/timeline.json",
    ]
    assert download_links(lang="zh-Hant", page="timeline.md", use_directory_urls=False) == [
        "downloads/timeline.csv",
        "downloads/timeline.json",
    ]


def test_an_unknown_language_is_refused(small_dataset):
    with pytest.raises(DirectiveError, match="unknown language 'zh'"):
        run(small_dataset, "::: timeline", lang="zh")
