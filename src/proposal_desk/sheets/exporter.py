"""The ledger export (办理台账.xlsx): one row per proposal, every field in the users' words,
ready to print — a title row, the header frozen and repeated on every printed page, column
widths to the content, A4 landscape fitted to the page width.

The file is also the import's input: `plan_import` reads it back (its 办理方式 column makes it a
ledger), so export → import into an empty database gives the same register (see
sheets.ledger for the values a row carries): a row states the latest handling round, and a
proposal handled again carries its earlier rounds in 历次答复, which the import reads back.
Text that begins with = + - @ is stored as a
string cell with Excel's quote-prefix style, so no spreadsheet program ever evaluates it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from sqlalchemy import select
from sqlalchemy.orm import Session

from proposal_desk.core.settings import BureauSettings
from proposal_desk.sheets.headers import BY_KEY
from proposal_desk.sheets.ledger import LEDGER_LOADS, ledger_values
from proposal_desk.storage.errors import UserError, os_reason
from proposal_desk.storage.models import Meeting, Proposal
from proposal_desk.storage.settings_store import load_settings

# (field key, column width in characters); the header is the field's label.
COLUMNS: tuple[tuple[str, int], ...] = (
    ("serial", 5), ("kind", 5), ("meeting", 20), ("year", 6), ("number", 9), ("title", 34),
    ("proposer", 9), ("co_signers", 16), ("sector", 8), ("role", 6), ("lead_unit", 14),
    ("assist_units", 18), ("joint_units", 14), ("split_units", 12), ("key", 5),
    ("supervisor", 8), ("assigned", 12), ("due", 12), ("signed", 12), ("leader", 8),
    ("section", 10), ("handler", 8), ("topics", 12), ("methods", 12), ("replied", 12),
    ("category", 5), ("doc_number", 14), ("signer", 7), ("publicity", 7),
    ("satisfaction", 8), ("opinion_date", 12), ("earlier_rounds", 30), ("return_on", 12),
    ("return_reason", 16),
    ("return_outcome", 8), ("return_decided", 12), ("status", 8), ("merged_with", 10),
    ("summary", 30), ("notes", 16),
)
WRAPPED = {"title", "co_signers", "assist_units", "joint_units", "summary", "notes", "meeting",
           "topics", "lead_unit", "split_units", "return_reason", "earlier_rounds"}
DATE_FORMAT = 'yyyy"年"m"月"d"日"'
FORMULA_STARTS = ("=", "+", "-", "@")
_THIN = Side(style="thin", color="808080")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)


def cell_value(value: Any) -> Any:
    """A register value as a cell: lists joined with 、, yes/no in words, dates as dates."""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, list | tuple):
        return "、".join(str(v) for v in value)
    if value is None:
        return None
    if isinstance(value, dt.date | int):
        return value
    return str(value)


def _title(settings: BureauSettings, kinds: set[str], year: int | None) -> str:
    what = "、".join(sorted(kinds, key=lambda k: k != "提案")) if kinds else "提案"
    when = f"（{year}年）" if year else ""
    return f"{settings.name}{what}办理台账{when}"


def export_ledger(session: Session, path: Path | str, *, year: int | None = None,
                  progress: Callable[[str, int, int], object] | None = None) -> int:
    """Write the ledger of all proposals (or one year's) to `path`; returns the row count."""
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise UserError(f"导出文件应以 .xlsx 结尾：{path.name}")
    stmt = (
        select(Proposal).join(Meeting)
        .options(*LEDGER_LOADS)
        .order_by(Meeting.year, Meeting.kind, Meeting.name, Proposal.number)
    )
    if year is not None:
        stmt = stmt.where(Meeting.year == year)
    proposals = list(session.scalars(stmt))
    settings = load_settings(session)

    wb = Workbook()
    ws = wb.active
    ws.title = f"{year}年办理台账" if year else "办理台账"
    width = len(COLUMNS)
    ws.cell(1, 1, _title(settings, {p.meeting.kind for p in proposals}, year))
    ws.cell(1, 1).font = Font(name="宋体", size=16, bold=True)
    ws.cell(1, 1).alignment = Alignment(horizontal="center", vertical="center")
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    ws.row_dimensions[1].height = 30
    head_fill = PatternFill("solid", fgColor="DDE5F0")
    for col, (key, chars) in enumerate(COLUMNS, start=1):
        c = ws.cell(2, col, BY_KEY[key].label)
        c.font = Font(name="宋体", size=10, bold=True)
        c.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        c.fill = head_fill
        c.border = _BORDER
        ws.column_dimensions[get_column_letter(col)].width = chars + 2
    body_font = Font(name="宋体", size=10)
    wrap = Alignment(vertical="top", wrap_text=True)
    plain = Alignment(vertical="top")
    total = len(proposals)
    for i, p in enumerate(proposals, start=1):
        if progress and i % 500 == 0:
            progress("导出", i, total)
        values = ledger_values(p)
        values["serial"] = i
        r = i + 2
        for col, (key, _chars) in enumerate(COLUMNS, start=1):
            value = cell_value(values.get(key))
            c = ws.cell(r, col)
            write_cell(c, value)
            c.font = body_font
            c.border = _BORDER
            c.alignment = wrap if key in WRAPPED else plain
            if isinstance(value, dt.date):
                c.number_format = DATE_FORMAT

    ws.freeze_panes = "A3"
    ws.print_title_rows = "2:2"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    ws.oddFooter.center.text = "第 &P 页，共 &N 页"
    ws.auto_filter.ref = f"A2:{get_column_letter(width)}{max(total + 2, 3)}"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".part")
        wb.save(tmp)
        tmp.replace(path)
    except PermissionError as exc:
        raise UserError(f"无法写入“{path}”：文件可能正在 Excel/WPS 中打开，请关闭后重试") from exc
    except OSError as exc:
        raise UserError(f"无法写入“{path}”：{os_reason(exc)}") from exc
    return total


def write_cell(cell: Any, value: Any) -> None:
    """Set a cell; text that a spreadsheet would take for a formula stays text."""
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"  # openpyxl made "=…" a formula; a string it is
        if value.startswith(FORMULA_STARTS):
            cell.quotePrefix = True  # and stays one when someone edits it in Excel
