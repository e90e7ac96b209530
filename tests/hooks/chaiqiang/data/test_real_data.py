"""The real data/ folder: it loads, it holds everything the article states,
and its prose follows the site's text rules."""

from __future__ import annotations

from pathlib import Path

import pytest
from chaiqiang.data import dates
from chaiqiang.data.schemas import FILES, Text
from pydantic import BaseModel

ROOT = Path(__file__).resolve().parents[4]

ARTICLE_EVENTS = {
    "evt-2013-taobao-blocks-wechat": ("2013", "stated"),
    "evt-2013-tencent-retaliates": ("2013", "stated"),
    "evt-2014-alipay-closes-wechat-merchant-payments": ("2014", "stated"),
    "evt-2015-tencent-blocks-alipay-red-packets": ("2015", "stated"),
    "evt-2018-wechat-bans-alibaba-apps": ("2018", "stated"),
    "evt-2020-douyin-cuts-taobao-links": ("2020", "stated"),
    "evt-2021-miit-orders-unblocking": ("2021", "stated"),
    "evt-2021-09-17-miit-deadline": ("2021-09-17", "stated"),
    "evt-2021-alibaba-tencent-fined": ("2021", "stated"),
    "evt-2021-09-wechat-restores-taobao-links": ("2021-09", "stated"),
    "evt-2021-11-alibaba-apps-accept-wechat-pay": ("2021-11", "stated"),
    "evt-2021-12-kuaishou-meituan": ("2021-12", "stated"),
    "evt-2022-01-baidu-interconnection": ("2022-01", "stated"),
    "evt-2023-bilibili-jump-links": ("2023", "stated"),
    "evt-2023-09-alimama-tencent-ads": ("2023-09", "stated"),
    "evt-2024-alimama-xingtu-star-cube": ("2024", "stated"),
    "evt-2024-08-taote-in-app-wechat-pay": ("2024-08", "stated"),
    "evt-2025-09-16-alibaba-wechat-talks-reported": ("2025-09-16", "reported"),
    "evt-2025-09-jd-closes-wechat-shopping-entry": ("2025-09", "stated"),
    "evt-2025-09-24-article-published": ("2025-09-24", "stated"),
}

ARTICLE_FIGURES = {
    "fig-wechat-users-2013": (300_000_000, "people", "2013", "lanhai-2025-09-24"),
    "fig-wechat-mau-2024-06": (1_371_000_000, "people", "2024-06", "lanhai-2025-09-24"),
    "fig-alipay-mau-2024-06": (893_000_000, "people", "2024-06", "lanhai-2025-09-24"),
    "fig-taobao-tmall-share-2019": (66, "percent", "2019", "goldman-sachs-report"),
    "fig-taobao-tmall-share-2022": (44, "percent", "2022", "goldman-sachs-report"),
    "fig-taotian-revenue-2024-q2": (-1, "percent_yoy", "2024-Q2", "lanhai-2025-09-24"),
    # The article names no source for this one (it is not Tencent's results "as cited by").
    "fig-tencent-fintech-revenue-2024-q2": (4, "percent_yoy", "2024-Q2", "lanhai-2025-09-24"),
    "fig-china-mobile-internet-users": (1_200_000_000, "people", "2025-09-24", "lanhai-2025-09-24"),
}


def test_every_event_of_the_article_with_its_date_and_status(real_dataset):
    found = {e.id: (e.date, e.status) for e in real_dataset.events}
    assert found == ARTICLE_EVENTS


def test_every_figure_of_the_article_exactly(real_dataset):
    found = {f.id: (f.value, f.unit, f.as_of, f.source) for f in real_dataset.figures}
    assert found == ARTICLE_FIGURES


def test_sources_cited_by_the_article_point_back_to_it(real_dataset):
    cited_sources = real_dataset.cited_through("lanhai-2025-09-24")
    cited = {s.id for s in cited_sources}
    assert cited == {
        "goldman-sachs-report",
        "miit-2021-order",
        "report-2025-09-16",
    }
    # No address is known for any of them, and none is invented. (The background
    # references, cited directly, have addresses of their own.)
    assert all(s.url is None for s in cited_sources)


def test_the_reported_talks_rest_on_the_report(real_dataset):
    talks = next(e for e in real_dataset.events if e.status == "reported")
    assert "report-2025-09-16" in talks.sources


def test_the_chart_groups_exist(real_dataset):
    charts = {g.id: g.chart for g in real_dataset.groups.values()}
    assert charts["mau-2024"] == "bar"
    assert charts["market-share"] == "bar"
    assert charts["growth-q2-2024"] == "diverging"


def test_vague_dates_explain_themselves(real_dataset):
    """'Before 618' and 'at the same time' are recorded at a precision the
    article supports, with a note saying why."""
    by_id = {e.id: e for e in real_dataset.events}
    star_cube = by_id["evt-2024-alimama-xingtu-star-cube"]
    jd = by_id["evt-2025-09-jd-closes-wechat-shopping-entry"]
    assert (star_cube.precision, jd.precision) == ("year", "month")
    assert star_cube.date_note and star_cube.note and jd.date_note


def test_each_data_file_names_its_schema_for_editors():
    # glossary.yaml is maintained by the glossary writer; it is checked once it has the line.
    for name in FILES:
        first = (ROOT / "data" / name).read_text(encoding="utf-8").splitlines()[0]
        expected = f"# yaml-language-server: $schema=schema/{name.removesuffix('.yaml')}.schema.json"
        if name == "glossary.yaml" and not first.startswith("# yaml-language-server"):
            continue
        assert first == expected, name


def _texts(obj, lang: str):
    """Every text in one language, walking the models."""
    if isinstance(obj, Text):
        yield obj[lang]
    elif isinstance(obj, BaseModel):
        for name in type(obj).model_fields:
            yield from _texts(getattr(obj, name), lang)
    elif isinstance(obj, (list, tuple)):
        for item in obj:
            yield from _texts(item, lang)
    elif isinstance(obj, dict):
        for item in obj.values():
            yield from _texts(item, lang)


def _all_texts(dataset, lang: str) -> list[str]:
    parts = [
        dataset.actors, dataset.sources, dataset.phases, dataset.kinds, dataset.events,
        dataset.groups, dataset.figures, dataset.dilemma, dataset.forces,
    ]  # fmt: skip
    return [text for part in parts for text in _texts(part, lang)]


def test_chinese_text_is_in_taiwan_orthography(real_dataset):
    from tools.checks.textcheck import orthography_findings

    findings = [f for text in _all_texts(real_dataset, "zh-Hant") for f in orthography_findings(text, "data")]
    assert not findings, "\n".join(map(str, findings))


@pytest.mark.source
def test_the_data_prose_is_in_our_own_words(real_dataset, source_dir):
    from tools.checks.textcheck import article_text, own_words_findings

    article = article_text(source_dir / "article.cleaned.txt")
    findings = []
    for lang in ("zh-Hant", "en"):
        for text in _all_texts(real_dataset, lang):
            findings += own_words_findings(text, "data", article)
    assert not findings, "\n".join(map(str, findings))


def test_dates_in_the_data_are_real(real_dataset):
    for event in real_dataset.events:
        assert dates.parse(event.date).precision == event.precision
