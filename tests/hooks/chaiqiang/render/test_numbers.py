import pytest
from chaiqiang.render import numbers


@pytest.mark.parametrize(
    ("value", "zh", "en"),
    [
        (1_371_000_000, "13.71 億", "1.371 billion"),
        (893_000_000, "8.93 億", "893 million"),
        (300_000_000, "3 億", "300 million"),
        (1_200_000_000, "12 億", "1.2 billion"),
        (25_000, "2.5 萬", "25,000"),
        (812, "812", "812"),
    ],
)
def test_head_counts_in_each_language(value, zh, en):
    assert numbers.format_value(value, "people", "zh-Hant") == zh
    assert numbers.format_value(value, "people", "en") == en


@pytest.mark.parametrize(("value", "text"), [(66, "66%"), (44, "44%"), (12.5, "12.5%")])
def test_percentages(value, text):
    assert numbers.format_value(value, "percent", "zh-Hant") == text
    assert numbers.format_value(value, "percent", "en") == text


@pytest.mark.parametrize(("value", "text"), [(4, "+4%"), (-1, "\u22121%"), (0, "0%"), (-2.5, "\u22122.5%")])
def test_signed_changes_use_a_real_minus_sign(value, text):
    assert numbers.format_value(value, "percent_yoy", "en") == text
    assert "-" not in numbers.format_value(value, "percent_yoy", "zh-Hant")


def test_floats_do_not_leak_binary_noise():
    assert numbers.count(1.371e9, "en") == "1.371 billion"


@pytest.mark.parametrize(
    ("size", "text"), [(0, "0 B"), (999, "999 B"), (3456, "3.5 kB"), (1_234_567, "1.2 MB")]
)
def test_file_sizes(size, text):
    assert numbers.file_size(size, "en") == text


def test_unknown_unit_and_language_are_errors():
    with pytest.raises(ValueError, match="unknown unit"):
        numbers.format_value(1, "furlongs", "en")
    with pytest.raises(ValueError, match="unknown language"):
        numbers.format_value(1, "people", "zh")
