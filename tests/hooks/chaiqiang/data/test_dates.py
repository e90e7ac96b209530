import pytest
from chaiqiang.data import dates


@pytest.mark.parametrize(
    ("text", "precision", "key"),
    [
        ("2013", "year", (2013, 1, 1)),
        ("2024-Q2", "quarter", (2024, 4, 1)),
        ("2021-09", "month", (2021, 9, 1)),
        ("2025-09-16", "day", (2025, 9, 16)),
        ("2024-02-29", "day", (2024, 2, 29)),
    ],
)
def test_dates_keep_the_precision_they_are_written_with(text, precision, key):
    parsed = dates.parse(text)
    assert parsed.precision == precision
    assert parsed.sort_key == key


def test_a_period_sorts_before_the_dates_it_contains():
    texts = ["2021-09-01", "2021-09", "2021-07", "2021-Q3", "2021-01", "2021", "2020-12-31"]
    ordered = sorted(texts, key=lambda t: dates.parse(t).chronological_key)
    assert ordered == ["2020-12-31", "2021", "2021-01", "2021-Q3", "2021-07", "2021-09", "2021-09-01"]


@pytest.mark.parametrize("text", ["2021-02-30", "2023-02-29", "2021-13", "2021-00", "2021-04-31"])
def test_impossible_dates_are_refused(text):
    with pytest.raises(ValueError, match="not a real date"):
        dates.parse(text)


@pytest.mark.parametrize("text", ["21-09", "2021/09", "September 2021", "2021-9", "2024-Q5", ""])
def test_malformed_dates_are_refused_with_the_accepted_forms(text):
    with pytest.raises(ValueError, match="YYYY, YYYY-Qn, YYYY-MM or YYYY-MM-DD"):
        dates.parse(text)
