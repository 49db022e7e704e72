"""Date reading in every spelling, checked by example and by property."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from proposal_desk.core.dates import DateError, add_months, chinese_number, format_cn, parse_date

FULLWIDTH = str.maketrans("0123456789/", "０１２３４５６７８９／")
dates = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2099, 12, 31))


@given(dates)
def test_every_spelling_reads_back(day: dt.date) -> None:
    spellings = [
        day, dt.datetime(day.year, day.month, day.day, 9, 30), day.isoformat(),
        f"{day.year}.{day.month}.{day.day}", f"{day.year}/{day.month:02d}/{day.day:02d}",
        f"{day.year}年{day.month}月{day.day}日", f" {day.year} 年 {day.month} 月 {day.day} 日 ",
        f"{day.year}-{day.month}-{day.day}", day.strftime("%Y%m%d"),
        (day - dt.date(1899, 12, 30)).days,  # Excel serial number
        f"{day.year}/{day.month}/{day.day}".translate(FULLWIDTH),
    ]
    for value in spellings:
        assert parse_date(value) == day, value


@given(st.integers(2000, 2099), st.integers(1, 12), st.integers(29, 35))
def test_impossible_days_are_refused(year: int, month: int, day: int) -> None:
    try:
        dt.date(year, month, day)
    except ValueError:
        with pytest.raises(DateError, match="不是存在的日期"):
            parse_date(f"{year}年{month}月{day}日")


@given(st.text(alphabet="abc某年月日号-./ ", min_size=1).filter(lambda s: s.strip()))
def test_text_that_is_not_a_date_is_refused_with_a_message(text: str) -> None:
    with pytest.raises(DateError):
        parse_date(text)


def test_empty_cells_are_none() -> None:
    assert parse_date(None) is None and parse_date("  ") is None


def test_format_and_months() -> None:
    assert format_cn(dt.date(2025, 3, 5)) == "2025年3月5日"
    assert add_months(dt.date(2024, 11, 30), 3) == dt.date(2025, 2, 28)
    assert add_months(dt.date(2024, 11, 30), 3 + 12) == dt.date(2026, 2, 28)
    assert chinese_number("十四") == 14 and chinese_number("四") == 4
    assert chinese_number("二十一") == 21 and chinese_number("十") == 10
