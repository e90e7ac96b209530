"""Dates as each language writes them, at the precision the data gives.

zh-Hant: 2013年, 2021年9月, 2025年9月16日, 2024年第二季
en:      2013, September 2021, 16 September 2025, Q2 2024
The `datetime` attribute of <time> uses the same precision (2013, 2021-09,
2025-09-16). HTML has no quarter format, so a quarter gets its year: true,
only coarser.
"""

from __future__ import annotations

from ..data import dates
from . import lang as lang_

EN_MONTHS = ("January February March April May June July August September October November December").split()
ZH_QUARTERS = "一二三四"


def format_date(text: str, lang: str) -> str:
    d = dates.parse(text)
    quarter = (d.month - 1) // 3 + 1
    if lang_.check(lang) == "zh-Hant":
        return {
            "year": f"{d.year}年",
            "quarter": f"{d.year}年第{ZH_QUARTERS[quarter - 1]}季",
            "month": f"{d.year}年{d.month}月",
            "day": f"{d.year}年{d.month}月{d.day}日",
        }[d.precision]
    return {
        "year": f"{d.year}",
        "quarter": f"Q{quarter} {d.year}",
        "month": f"{EN_MONTHS[d.month - 1]} {d.year}",
        "day": f"{d.day} {EN_MONTHS[d.month - 1]} {d.year}",
    }[d.precision]


def datetime_attr(text: str) -> str:
    d = dates.parse(text)
    return {
        "year": f"{d.year:04d}",
        "quarter": f"{d.year:04d}",
        "month": f"{d.year:04d}-{d.month:02d}",
        "day": f"{d.year:04d}-{d.month:02d}-{d.day:02d}",
    }[d.precision]
