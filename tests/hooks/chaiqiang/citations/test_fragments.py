"""What a page offers to cite besides itself (sections, events, figures), and the
permanent addresses its references, its <head> and the worked examples name."""

from __future__ import annotations

from dataclasses import dataclass, field

from chaiqiang.citations import embedded, fragments, items
from chaiqiang.citations.fragments import Fragment
from chaiqiang.citations.page import example
from chaiqiang.citations.site import expand_markers, for_page

from .test_items import fake_render, write_page


@dataclass
class Link:
    """The shape of MkDocs' AnchorLink: title as HTML, id, level, children."""

    title: str
    id: str
    level: int
    children: list = field(default_factory=list)


TOC = [
    Link(
        "Page",
        "page",
        1,
        [
            Link(
                "Tom &amp; Jerry&#x27;s <code>war</code>",
                "war",
                2,
                [Link("A part", "part", 3, [Link("Deep", "deep", 4)])],
            ),
            Link("Later", "later", 2),
        ],
    )
]


def test_sections_are_the_h2_and_h3_headings_as_plain_text():
    assert fragments.sections(TOC, "en") == [
        Fragment("war", "section", "Tom & Jerry's war"),
        Fragment("part", "section", "A part"),
        Fragment("later", "section", "Later"),
    ]


def test_the_picker_leaves_a_chinese_gloss_out_of_an_english_option(small_dataset):
    # HTML cannot mark the language of part of an <option>; the reference keeps the gloss.
    toc = [Link("The Star Cube plan (星立方計劃)", "star-cube", 2)]
    (en,) = fragments.sections(toc, "en")
    assert en.label == "The Star Cube plan (星立方計劃)" and en.shown == "The Star Cube plan"
    (zh,) = fragments.sections([Link("星立方計劃（Star Cube）", "star-cube", 2)], "zh-Hant")
    assert zh.shown == zh.label == "星立方計劃（Star Cube）"
    assert fragments.option_text("Reported (網傳) talks", "en") == "Reported talks"


def test_events_and_figures_are_those_the_page_shows_labelled_from_the_data(small_dataset):
    page = (
        '<li id="evt-2013-taobao-blocks-wechat">…</li><tr id="fig-wechat-mau"></tr>'
        '<a href="#evt-2021-09-open">not shown here</a><li id="evt-2013-taobao-blocks-wechat"></li>'
        "<tr id='fig-share'></tr><li id=\"evt-unknown\"></li>"
    )
    assert fragments.data_parts(page, small_dataset, "en") == [
        Fragment("evt-2013-taobao-blocks-wechat", "event", "2013: Taobao blocks WeChat"),
        Fragment("fig-wechat-mau", "figure", "MAU (WeChat)"),
        Fragment("fig-share", "figure", "Other (2019)"),
    ]
    assert [p.label for p in fragments.data_parts(page, small_dataset, "zh-Hant")] == [
        "2013年：淘寶封鎖微信",
        "月活（微信）",
        "其他（2019年）",
    ]


def test_a_pages_parts_come_sections_first_each_id_once(small_dataset):
    toc = [Link("Events", "events", 2), Link("Again", "evt-2021-09-open", 2)]
    parts = fragments.of_page(toc, '<li id="evt-2021-09-open"></li>', small_dataset, "en")
    assert [(p.id, p.kind) for p in parts] == [("events", "section"), ("evt-2021-09-open", "section")]
    assert [kind for kind, _ in fragments.grouped(parts)] == ["section"]
    assert fragments.of_page([], "<p></p>", None, "en") == ()


PERMANENT = "https://walls.example/editions/1.1.0/en/timeline/"


def test_for_page_cites_the_permanent_address_and_offers_the_parts(meta, small_dataset):
    citation, _ = for_page(
        meta,
        "en",
        "Timeline",
        "https://walls.example/en/timeline/",
        "en/timeline.md",
        "en/timeline/",
        permanent_url=PERMANENT,
        toc=[Link("Events", "events", 2)],
        html='<li id="evt-2025-09-16-talks"></li>',
        dataset=small_dataset,
    )
    assert citation.url == "https://walls.example/en/timeline/"
    assert citation.permanent_url == PERMANENT and citation.edition is None
    assert all(PERMANENT in f.text for f in citation.formats)
    assert [p.id for p in citation.parts] == ["events", "evt-2025-09-16-talks"]
    assert citation.parts[1].label == "16 September 2025: Reported talks"
    assert f"{PERMANENT}#evt-2025-09-16-talks" in citation.parts_json
    # Reference managers store the permanent address; search engines keep the canonical one.
    assert dict(citation.highwire)["citation_public_url"] == PERMANENT
    assert citation.json_ld["url"] == citation.json_ld["@id"] == "https://walls.example/en/timeline/"
    assert citation.json_ld["archivedAt"] == PERMANENT


def test_without_a_permanent_address_the_canonical_one_is_cited(meta, refs):
    assert items.page_item(meta, refs["en"])["URL"] == refs["en"].url
    assert dict(embedded.highwire(meta, refs["en"]))["citation_public_url"] == refs["en"].url
    assert embedded.json_ld(meta, refs["en"], "https://walls.example/en/")["archivedAt"] == refs["en"].url


def test_the_worked_examples_cite_permanent_addresses(meta, tmp_path):
    def permanent(url: str) -> str:
        return "https://walls.example/editions/1.1.0/" + url

    edition = "https://walls.example/editions/1.1.0/en/"
    assert example(meta, "site", "en", permanent=permanent).url == edition
    assert example(meta, "dataset", "en", permanent=permanent).url == edition + "timeline/"
    assert example(meta, "article", "en", permanent=permanent).url is None
    write_page(tmp_path, "en", "story/x.md", "---\ntitle: X page\n---\n\n# X page\n\n## The part {#part}\n")
    markers = (
        '<div data-cite-example="section" data-page="story/x.md" data-fragment="part"></div>\n'
        '<div data-cite-example="figure" data-page="story/x.md" data-fragment="fig-x" data-label="A figure"></div>\n'
        '<div data-cite-example="as-cited-in" data-page="story/x.md"></div>'
    )
    out = expand_markers(
        markers,
        meta=meta,
        lang="en",
        docs_dir=tmp_path,
        where="docs/en/cite.md",
        render=fake_render,
        permanent=permanent,
    )
    assert f":section:{edition}story/x/#part]" in out
    assert f":figure:{edition}story/x/#fig-x]" in out
    assert f":as-cited-in:{edition}story/x/]" in out
