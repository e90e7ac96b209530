"""Numbers as each language writes them.

zh-Hant counts people in 億 (10^8) and 萬 (10^4): 13.71 億, 3 億.
English uses billion and million: 1.371 billion, 300 million.
Signed changes use a real minus sign (U+2212): +4%, −1%.
"""

from __future__ import annotations

from decimal import Decimal

from . import lang as lang_

MINUS = "\u2212"

ZH_STEPS = ((Decimal(10) ** 8, "億"), (Decimal(10) ** 4, "萬"))
EN_STEPS = ((Decimal(10) ** 9, "billion"), (Decimal(10) ** 6, "million"))


def _plain(number: Decimal) -> str:
    """No exponent, no trailing zeros: 13.710 -> 13.71, 3.0 -> 3."""
    text = format(number.normalize(), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _grouped(number: Decimal) -> str:
    # Exact values only: 12,345 or 12,345.5
    whole, _, frac = _plain(number).partition(".")
    grouped = f"{int(whole):,}"
    return f"{grouped}.{frac}" if frac else grouped


def count(value: float | int, lang: str) -> str:
    """A head count in the language's large-number words."""
    number = Decimal(str(value))
    sign = MINUS if number < 0 else ""
    number = abs(number)
    steps = ZH_STEPS if lang_.check(lang) == "zh-Hant" else EN_STEPS
    for size, word in steps:
        if number >= size:
            return f"{sign}{_plain(number / size)} {word}"
    return sign + _grouped(number)


def percent(value: float | int) -> str:
    number = Decimal(str(value))
    return f"{MINUS if number < 0 else ''}{_plain(abs(number))}%"


def signed_percent(value: float | int) -> str:
    """A change: always signed, +4% or −1% (0% has no sign)."""
    number = Decimal(str(value))
    sign = "+" if number > 0 else MINUS if number < 0 else ""
    return f"{sign}{_plain(abs(number))}%"


def format_value(value: float | int, unit: str, lang: str) -> str:
    if unit == "people":
        return count(value, lang)
    if unit == "percent":
        return percent(value)
    if unit == "percent_yoy":
        return signed_percent(value)
    if unit == "bytes":
        return file_size(int(value), lang)
    raise ValueError(f"unknown unit {unit!r}")


def file_size(size: int, lang: str) -> str:
    """Download sizes: 812 B, 3.4 kB (decimal units, one decimal)."""
    lang_.check(lang)
    if size < 1000:
        return f"{size} B"
    for limit, unit in ((10**6, "kB"), (10**9, "MB")):
        if size < limit:
            scaled = Decimal(size) / (limit // 1000)
            return f"{_plain(scaled.quantize(Decimal('0.1')))} {unit}"
    return f"{_plain((Decimal(size) / 10**9).quantize(Decimal('0.1')))} GB"
