import pytest
from chaiqiang.render.dates import datetime_attr, format_date


@pytest.mark.parametrize(
    ("text", "zh", "en", "attr"),
    [
        ("2013", "2013年", "2013", "2013"),
        ("2021-09", "2021年9月", "September 2021", "2021-09"),
        ("2025-09-16", "2025年9月16日", "16 September 2025", "2025-09-16"),
        ("2021-09-07", "2021年9月7日", "7 September 2021", "2021-09-07"),
        ("2024-Q2", "2024年第二季", "Q2 2024", "2024"),
    ],
)
def test_dates_at_their_precision(text, zh, en, attr):
    assert format_date(text, "zh-Hant") == zh
    assert format_date(text, "en") == en
    assert datetime_attr(text) == attr


def test_impossible_dates_are_not_formatted():
    with pytest.raises(ValueError, match="not a real date"):
        format_date("2021-02-30", "en")
