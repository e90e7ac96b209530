"""The models on their own: strict types, both languages, real dates."""

import pytest
from chaiqiang.data.schemas import Event, Figure, Source, Text
from pydantic import ValidationError


def event(**changes):
    data = {
        "id": "evt-2013-x",
        "date": "2013",
        "precision": "year",
        "phase": "war",
        "kind": "block",
        "status": "stated",
        "actors": ["taobao"],
        "title": {"zh-Hant": "標題", "en": "Title"},
        "summary": {"zh-Hant": "摘要", "en": "Summary"},
        "sources": ["article"],
    }
    data.update(changes)
    return data


def errors(model, data) -> dict[str, str]:
    with pytest.raises(ValidationError) as info:
        model.model_validate(data)
    return {".".join(map(str, e["loc"])): e["type"] for e in info.value.errors()}


def test_a_valid_event_passes():
    assert Event.model_validate(event()).title.en == "Title"


def test_both_languages_are_required():
    assert errors(Text, {"zh-Hant": "只有中文"}) == {"en": "missing"}


@pytest.mark.parametrize("value", ["", "   "])
def test_empty_or_blank_text_is_refused(value):
    assert set(errors(Text, {"zh-Hant": "中文", "en": value})) == {"en"}


def test_unknown_fields_are_refused():
    assert errors(Event, event(titel={"zh-Hant": "x", "en": "x"})) == {"titel": "extra_forbidden"}


def test_types_are_strict_so_an_unquoted_year_is_caught():
    assert errors(Event, event(date=2013)) == {"date": "string_type"}


def test_impossible_date():
    assert errors(Event, event(date="2021-02-30", precision="day")) == {"date": "value_error"}


def test_precision_must_match_the_date():
    assert errors(Event, event(date="2021-09", precision="year")) == {"date": "value_error"}


def test_events_have_no_quarter_precision():
    assert "precision" in errors(Event, event(date="2024-Q2", precision="quarter"))


def test_a_figure_value_needs_a_unit():
    figure = {
        "id": "fig-x",
        "group": "g",
        "measure": {"zh-Hant": "量", "en": "measure"},
        "label": {"zh-Hant": "標", "en": "label"},
        "value": 3,
        "precision": "year",
        "as_of": "2013",
        "entities": [],
        "source": "article",
        "status": "stated",
    }
    assert errors(Figure, figure) == {"unit": "missing"}
    assert Figure.model_validate({**figure, "unit": "people"}).value == 3


def test_a_source_date_needs_its_precision_and_may_be_unknown():
    source = {
        "id": "s",
        "kind": "report",
        "title": {"zh-Hant": "報告", "en": "Report"},
        "short": {"zh-Hant": "報告", "en": "Report"},
    }
    assert Source.model_validate(source).date is None
    assert errors(Source, {**source, "date": "2021"}) == {"date": "value_error"}
    assert errors(Source, {**source, "precision": "year"}) == {"date": "value_error"}


def test_the_same_actor_cannot_be_listed_twice():
    assert errors(Event, event(actors=["taobao", "taobao"])) == {"actors": "value_error"}
