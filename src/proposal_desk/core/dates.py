"""Reading dates in every spelling offices use, and showing them as users expect."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection

from proposal_desk.core.memo import Memo

_CN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6,
              "七": 7, "八": 8, "九": 9, "十": 10}

# 2025-03-15, 2025.3.15, 2025/03/15, 2025年3月15日, 2025 年 3 月 15 日, 20250315 (8 digits)
_YMD = re.compile(
    r"^\s*(\d{4})\s*(?:[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*日?|(\d{2})(\d{2}))\s*$"
)
# Excel serial day numbers (1900 date system) that arrive as text or numbers.
_EXCEL_EPOCH = dt.date(1899, 12, 30)


class DateError(ValueError):
    """A value that is meant to be a date but is not one; the message is for users."""


def parse_date(value: object) -> dt.date | None:
    """Return the date a cell means, None for an empty cell, or raise DateError.

    Accepts real date/datetime cells, Excel serial numbers, and the spellings
    2025-03-15, 2025.3.15, 2025/03/15, 2025年3月15日 and 20250315.
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, bool):
        raise DateError(f"“{value}”不是日期")
    if isinstance(value, int | float):
        return _from_serial(float(value))
    text = str(value).strip()
    if not text:
        return None
    text = text.translate(_FULLWIDTH)
    m = _YMD.match(text)
    if m:
        year = int(m.group(1))
        month = int(m.group(2) or m.group(4))
        day = int(m.group(3) or m.group(5))
        try:
            return dt.date(year, month, day)
        except ValueError as exc:
            raise DateError(f"“{text}”不是存在的日期") from exc
    if re.fullmatch(r"\d+(\.0+)?", text):
        return _from_serial(float(text))
    m = re.fullmatch(r"\s*(\d{4})-(\d{2})-(\d{2})[ T][\d:.]+\s*", text)
    if m:
        return parse_date(f"{m.group(1)}-{m.group(2)}-{m.group(3)}")
    raise DateError(f"“{text}”不是可识别的日期（可写作 2025-03-15、2025.3.15、2025年3月15日）")


def _from_serial(serial: float) -> dt.date:
    # Serial 60 is Excel's fictitious 1900-02-29; real ledgers never hold dates that old.
    if not 367 <= serial <= 2958465:
        raise DateError(f"“{serial:g}”不是日期")
    return _EXCEL_EPOCH + dt.timedelta(days=int(serial))


_FULLWIDTH = str.maketrans("０１２３４５６７８９／．－", "0123456789/.-")


def format_cn(day: dt.date | None) -> str:
    """2025年3月15日 — the way dates appear in documents and the window."""
    if day is None:
        return ""
    return f"{day.year}年{day.month}月{day.day}日"


def add_months(day: dt.date, months: int) -> dt.date:
    """Same day-of-month N months later, clamped to the month's end (3-31 + 1 month = 4-30)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, candidate))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def add_working_days(day: dt.date, days: int, *, holidays: Collection[dt.date] = (),
                     workdays: Collection[dt.date] = ()) -> dt.date:
    """Working days skip weekends and the office's `holidays`, and count the weekend days in
    `workdays` (调休). The calendar changes every year, so it is the office's to set
    (settings deadline.holidays, deadline.workdays); nothing is built in."""
    current = day
    remaining = days
    while remaining > 0:
        current += dt.timedelta(days=1)
        working = current in workdays or (current.weekday() < 5 and current not in holidays)
        if working:
            remaining -= 1
    return current


RANGE_MARKS = ("~", "～", "至")


def parse_days(item: str) -> list[dt.date]:
    """One day (2025-04-04) or a range of days (2025-10-01~2025-10-08, also 至), as typed in
    the settings; raises DateError with the item in users' words."""
    text = str(item).strip()
    for mark in RANGE_MARKS:
        if mark in text:
            first_text, _, last_text = text.partition(mark)
            first, last = parse_date(first_text), parse_date(last_text)
            if first is None or last is None:
                raise DateError(f"“{text}”应写作 开始日期~结束日期，如 2025-10-01~2025-10-08")
            if last < first:
                raise DateError(f"“{text}”的开始日期晚于结束日期")
            return [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]
    day = parse_date(text)
    return [day] if day else []


def day_text(item: str) -> str:
    """An item of a days setting written the one way it is stored (ISO dates, ~ for a
    range)."""
    days = parse_days(item)
    if not days:
        return ""
    if any(mark in str(item) for mark in RANGE_MARKS):
        return f"{days[0].isoformat()}~{days[-1].isoformat()}"
    return days[0].isoformat()


def chinese_number(text: str) -> int | None:
    """十四 → 14, 四 → 4, 二十一 → 21; None when the text is not a Chinese numeral."""
    if not text:
        return None
    if text.isdigit():
        return int(text)
    if any(ch not in _CN_DIGITS for ch in text):
        return None
    if "十" not in text:
        value = 0
        for ch in text:
            value = value * 10 + _CN_DIGITS[ch]
        return value
    tens, _, ones = text.partition("十")
    return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[ones] if ones else 0)


_stored_days = Memo(lambda value: dt.date.fromisoformat(value[:10]), limit=100_000)


def stored_day(value: object) -> dt.date | None:
    """A date from a date column read as stored: a 'YYYY-MM-DD' string (SQLite) or a date
    (other databases). Each distinct string is parsed once: a 100,000-row list holds a few
    hundred distinct days."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        return _stored_days[value]
    if isinstance(value, dt.datetime):
        return value.date()
    return value  # type: ignore[return-value]
