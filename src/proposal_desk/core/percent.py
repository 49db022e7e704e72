"""Percentages as the annual report and the dashboard write them (plain Python, no database:
the window's first paint shows the 办复率)."""

from __future__ import annotations

from decimal import Decimal


def percent(count: int, base: int) -> Decimal | None:
    """count / base × 100, rounded half up to one decimal (1/8 → 12.5, 2/3 → 66.7);
    None when there is no base. Integer arithmetic: no binary-float surprises."""
    if base <= 0:
        return None
    tenths = (2 * count * 1000 + base) // (2 * base)
    return Decimal(tenths) / Decimal(10)


def percent_text(value: Decimal | None) -> str:
    return "—" if value is None else f"{value:.1f}%"
