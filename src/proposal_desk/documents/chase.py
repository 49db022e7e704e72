"""催办 list for the director: what is overdue and what falls due soon, by section and
handler, as .docx (to print) or .xlsx (to sort and forward)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from proposal_desk.core.dates import format_cn
from proposal_desk.documents import format as fmt
from proposal_desk.documents import templates
from proposal_desk.documents.safe import clean, write_atomically
from proposal_desk.documents.shared_context import bare_title
from proposal_desk.services.queries import ListFilter, ProposalRow, list_rows
from proposal_desk.storage.errors import UserError
from proposal_desk.storage.settings_store import load_settings

NO_SECTION = "未分配科室"
NO_HANDLER = "未指定"


@dataclass(frozen=True)
class ChaseItem:
    row: ProposalRow
    days_left: int  # negative: days overdue

    @property
    def state(self) -> str:
        if self.days_left < 0:
            return f"逾期{-self.days_left}天"
        if self.days_left == 0:
            return "今天到期"
        return f"还剩{self.days_left}天"

    @property
    def section(self) -> str:
        return self.row.section or NO_SECTION

    @property
    def handler(self) -> str:
        return self.row.handler or NO_HANDLER


def chase_items(session: Session, today: dt.date) -> list[ChaseItem]:
    """Open proposals overdue or due within the settings' warning days, grouped by section
    and handler; the section (and handler) with the longest delay comes first."""
    deadlines = load_settings(session).deadlines
    rows = {r.id: r for r in list_rows(session, ListFilter(overdue=True), today=today,
                                       deadlines=deadlines)}
    rows.update({r.id: r for r in list_rows(session, ListFilter(due_soon=True), today=today,
                                            deadlines=deadlines)})
    items = [ChaseItem(r, (r.due - today).days) for r in rows.values() if r.due]
    worst_section: dict[str, int] = {}
    worst_handler: dict[tuple[str, str], int] = {}
    for i in items:
        worst_section[i.section] = min(worst_section.get(i.section, i.days_left), i.days_left)
        key = (i.section, i.handler)
        worst_handler[key] = min(worst_handler.get(key, i.days_left), i.days_left)
    items.sort(key=lambda i: (i.section == NO_SECTION, worst_section[i.section], i.section,
                              worst_handler[(i.section, i.handler)], i.handler, i.days_left,
                              i.row.number))
    return items


def summary_lines(items: list[ChaseItem], today: dt.date) -> list[str]:
    overdue = sum(1 for i in items if i.days_left < 0)
    soon = len(items) - overdue
    if not items:
        return [f"截至{format_cn(today)}，没有逾期或即将到期的提案（建议）。"]
    lines = [f"截至{format_cn(today)}，逾期{overdue}件，即将到期{soon}件。"]
    by_section: Counter[str] = Counter()
    late_by_section: Counter[str] = Counter()
    for i in items:
        by_section[i.section] += 1
        if i.days_left < 0:
            late_by_section[i.section] += 1
    parts = [f"{name}{count}件（其中逾期{late_by_section[name]}件）" if late_by_section[name]
             else f"{name}{count}件" for name, count in by_section.items()]
    lines.append("按科室：" + "；".join(parts) + "。")
    latest = max(i.row.year for i in items)
    earlier = Counter(i.row.year for i in items if i.row.year < latest)
    if earlier:  # last year's item still open is not one of this year's
        years = "、".join(f"{y}年度" for y in sorted(earlier))
        lines.append(f"其中往年（{years}）的{sum(earlier.values())}件。")
    return lines


def chase_context(session: Session, today: dt.date) -> dict[str, Any]:
    settings = load_settings(session)
    items = chase_items(session, today)
    return {
        "title": "提案（建议）办理催办清单",
        "bureau": settings.name,
        "today": format_cn(today),
        "summary": fmt.paragraphs("\n".join(summary_lines(items, today))),
        "rows": [{
            "no": n, "section": i.section, "handler": i.handler, "number": i.row.number,
            "year": i.row.year, "meeting": i.row.meeting,
            "title": bare_title(i.row.title), "role": i.row.role,
            "due": format_cn(i.row.due), "state": i.state,
        } for n, i in enumerate(items, start=1)],
    }


def write_chase_list(session: Session, path: Path, today: dt.date | None = None) -> Path:
    """The 催办 list as .docx or .xlsx, chosen by the file's suffix."""
    path = Path(path)
    today = today or dt.date.today()
    suffix = path.suffix.lower()
    if suffix not in (".docx", ".xlsx"):
        raise UserError(f"催办清单只能保存为 .docx 或 .xlsx：{path.name}")
    context = chase_context(session, today)
    if suffix == ".xlsx":
        return _write_xlsx(context, path)
    return templates.render("chase", templates.builtin_template("chase"), context, path)


_COLUMNS = (("序号", "no", 6), ("承办科室", "section", 14), ("承办人", "handler", 10),
            ("编号", "number", 12), ("案由", "title", 48), ("办理方式", "role", 10),
            ("办理时限", "due", 16), ("情况", "state", 12),
            # added last, so the columns scripts read keep their places
            ("年度", "year", 8), ("会议", "meeting", 24))


def _write_xlsx(context: dict[str, Any], path: Path) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    context = clean(context)
    wb = Workbook()
    ws = wb.active
    ws.title = "催办清单"
    ws.append([f"{context['title']}（{context['today']}）"])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(_COLUMNS))
    ws["A1"].font = Font(size=14, bold=True)
    ws["A1"].alignment = Alignment(horizontal="center")
    for paragraph in context["summary"]:
        ws.append([paragraph["text"]])
    ws.append([label for label, _, _ in _COLUMNS])
    header = ws.max_row
    for cell in ws[header]:
        cell.font = Font(bold=True)
    late = PatternFill("solid", fgColor="FFE0E0")
    for row in context["rows"]:
        ws.append([row[key] for _, key, _ in _COLUMNS])
        if row["state"].startswith("逾期"):
            for cell in ws[ws.max_row]:
                cell.fill = late
    for index, (_, _, width) in enumerate(_COLUMNS, start=1):
        ws.column_dimensions[ws.cell(row=header, column=index).column_letter].width = width
    ws.freeze_panes = ws.cell(row=header + 1, column=1)
    _page_setup(ws, header)
    return write_atomically(path, lambda tmp: wb.save(str(tmp)))


def _page_setup(ws: Any, header: int) -> None:
    """Printed as the director reads it: A4 landscape, all ten columns on one page's width
    (as many pages down as it takes), the header row repeated on every page."""
    ws.print_title_rows = f"{header}:{header}"
    ws.page_setup.orientation = ws.ORIENTATION_LANDSCAPE
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # 0: no limit on the pages down
    ws.print_options.horizontalCentered = True
