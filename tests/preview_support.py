"""A sheet for the tests of what an import preview says: rows imported with a warning."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sheet_support import ledger_rows, write_sheet


def unsatisfied_ledger(path: Path) -> Path:
    """Eight answered rows (Excel rows 2-9); the member was 不满意 with rows 3 and 8: two
    warnings, one among the first rows an import lists and one after them."""
    rows = [(f"1430{n:02d}", f"关于第{n}件事的建议", "张三", "主办", "区商务局", "电子商务科",
             "李明", dt.date(2024, 3, 14), dt.date(2024, 6, 14), dt.date(2024, 5, 10), "A",
             "不满意" if n in (2, 7) else "满意", "电话") for n in range(1, 9)]
    return write_sheet(path, ledger_rows(*rows), sheet="2024年提案办理台账")

