"""The sources block: references, 'as cited by', and what rests on each source."""

from chaiqiang.render.sources import render_sources

from .html import by_id, parse, select, text


def test_each_source_is_anchored_and_lists_its_events_and_figures(render_ctx):
    root = parse(render_sources(render_ctx("en", url="en/sources/")))
    article = by_id(root, "src-article")
    hrefs = [a.get("href") for a in select(article, "a")]
    assert "../timeline/#evt-2013-taobao-blocks-wechat" in hrefs
    assert "../timeline/#evt-2025-09-16-talks" in hrefs
    assert "../figures/#fig-wechat-mau" in hrefs
    # It names the source it cites, on the same page.
    assert "#src-bank-report" in hrefs


def test_a_cited_source_says_through_which_source_we_know_it(render_ctx):
    root = parse(render_sources(render_ctx("en", url="en/sources/")))
    report = by_id(root, "src-bank-report")
    cited_by = select(report, ".cq-source__cited-by")[0]
    assert text(cited_by) == "As cited by: Lanhai Yiguan"
    assert select(cited_by, "a")[0].get("href") == "#src-article"
    # Unknowns are said, not invented.
    assert "Date not known" in text(report)


def test_full_reference_in_each_language(render_ctx):
    en = by_id(parse(render_sources(render_ctx("en", url="en/sources/"))), "src-article")
    zh = by_id(parse(render_sources(render_ctx("zh-Hant", url="sources/"))), "src-article")
    assert (
        text(select(en, ".cq-source__ref")[0])
        == "Lanhai Yiguan. [An analysis]. 24 September 2025. Article, in Chinese."
    )
    assert text(select(zh, ".cq-source__ref")[0]) == "藍海億觀網。［一篇分析］。2025年9月24日。文章，中文。"


def test_offline_links(render_ctx):
    root = parse(render_sources(render_ctx("en", url="en/sources.html", use_directory_urls=False)))
    hrefs = [a.get("href") for a in select(by_id(root, "src-article"), "a")]
    assert "timeline.html#evt-2021-09-open" in hrefs
