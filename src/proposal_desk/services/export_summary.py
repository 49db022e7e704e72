"""What an export of the ledger says it did, worded once for the command line and the window:
the year written close as in dates (2025年), the count spaced as the program's other counts
(共 40 件)."""

from __future__ import annotations


def exported(count: int, year: int | None) -> str:
    """已导出2025年的 40 件提案 (the whole register: 已导出 40 件提案)."""
    return f"已导出{f'{year}年的' if year else ''} {count} 件提案"
