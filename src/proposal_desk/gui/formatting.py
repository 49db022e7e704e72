"""How values look in the window: dates as 2025年3月15日, sizes, yes/no."""

from __future__ import annotations

import datetime as dt

from proposal_desk.core.dates import format_cn


def date_text(day: dt.date | None) -> str:
    return format_cn(day)


def datetime_text(moment: dt.datetime | None) -> str:
    if moment is None:
        return ""
    return f"{format_cn(moment.date())} {moment:%H:%M}"


def size_text(size: int) -> str:
    if size < 1024:
        return f"{size} 字节"
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size / 1048576:.1f} MB"


def yes_no(value: bool | None) -> str:
    return "" if value is None else ("是" if value else "否")


def days_text(days: int | None) -> str:
    if days is None:
        return ""
    if days < 0:
        return f"逾期 {-days} 天"
    if days == 0:
        return "今天到期"
    return f"还剩 {days} 天"
