"""Dates with a stated precision: `2013` (year), `2021-09` (month), `2024-Q2`
(quarter), `2025-09-16` (day). The article often knows only the year or month,
so a date carries no more precision than the article gives."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

Precision = Literal["year", "quarter", "month", "day"]

PATTERNS: dict[str, re.Pattern[str]] = {
    "year": re.compile(r"^(\d{4})$"),
    "quarter": re.compile(r"^(\d{4})-Q([1-4])$"),
    "month": re.compile(r"^(\d{4})-(\d{2})$"),
    "day": re.compile(r"^(\d{4})-(\d{2})-(\d{2})$"),
}
# Coarsest first: the order of dates that start on the same day.
COARSE_TO_FINE: tuple[str, ...] = ("year", "quarter", "month", "day")
# For JSON Schema: every shape a date string may take.
ANY_DATE_PATTERN = r"^\d{4}(-Q[1-4]|-\d{2}(-\d{2})?)?$"


@dataclass(frozen=True, order=True)
class PartialDate:
    year: int
    month: int  # first month of the period; 1 for a year
    day: int  # 1 unless precision is "day"
    precision: str

    @property
    def sort_key(self) -> tuple[int, int, int]:
        return (self.year, self.month, self.day)

    @property
    def chronological_key(self) -> tuple[int, int, int, int]:
        """sort_key, then the coarser precision first: a period comes before
        the dates it contains (2021 before 2021-01, 2021-09 before 2021-09-01)."""
        return (*self.sort_key, COARSE_TO_FINE.index(self.precision))


def precision_of(text: str) -> str | None:
    for precision, pattern in PATTERNS.items():
        if pattern.match(text):
            return precision
    return None


@lru_cache(maxsize=1 << 16)
def parse(text: str) -> PartialDate:
    """Parse a date string; ValueError with a reader-facing message if it is
    malformed or names a day that does not exist (2021-02-30).

    Cached: validation, sorting, the checks and every language's rendering parse
    each event's date; a PartialDate is immutable, so one parse serves them all."""
    precision = precision_of(text)
    if precision is None:
        raise ValueError(f"{text!r} is not a date of the form YYYY, YYYY-Qn, YYYY-MM or YYYY-MM-DD")
    parts = [int(p) for p in PATTERNS[precision].match(text).groups()]
    year = parts[0]
    month, day = 1, 1
    if precision == "quarter":
        month = 3 * parts[1] - 2
    elif precision == "month":
        month = parts[1]
    elif precision == "day":
        month, day = parts[1], parts[2]
    try:
        dt.date(year, month, day)
    except ValueError:
        raise ValueError(f"{text} is not a real date") from None
    return PartialDate(year, month, day, precision)
