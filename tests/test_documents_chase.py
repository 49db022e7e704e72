"""The 催办 list: overdue and due-soon proposals by section and handler, .docx and .xlsx."""

import datetime as dt
from pathlib import Path

import pytest
from docdata import (
    assert_official_format,
    full_text,
    open_docx,
    runs_without_east_asia,
    setup_bureau,
)
from openpyxl import load_workbook

from proposal_desk.core.enums import Kind
from proposal_desk.documents.chase import chase_items, write_chase_list
from proposal_desk.services import handling
from proposal_desk.services.meetings import ensure_meeting
from proposal_desk.storage.errors import UserError
from proposal_desk.storage.models import Proposal

TODAY = dt.date(2025, 5, 20)


@pytest.fixture
def chase_db(db):
    """Four open proposals with different due dates, and one already answered."""
    with db.transaction() as s:
        setup_bureau(s)
        meeting = ensure_meeting(s, "区政协十四届四次会议", kind=Kind.PROPOSAL, year=2025)
        for number, role, due, section, handler in (
                ("144001", "主办", dt.date(2025, 5, 10), "电子商务科", "李明"),  # 10 days late
                ("144002", "协办", dt.date(2025, 5, 25), "电子商务科", "李明"),  # 5 days left
                ("144003", "主办", dt.date(2025, 5, 19), "对外贸易科", "王强"),  # 1 day late
                ("144004", "主办", dt.date(2025, 7, 1), "对外贸易科", "王强"),  # not yet
                ("144005", "会办", dt.date(2025, 5, 21), "", "")):  # 1 day left, unassigned
            p = Proposal(meeting=meeting, number=number, title=f"关于第{number}号事项的建议",
                         role=role, assigned_on=dt.date(2025, 3, 18), due_override=due)
            s.add(p)
            s.flush()
            handling.set_proposers(s, p, ["张三"])
            if section:
                handling.assign(s, p, section=section, handler=handler)
        done = Proposal(meeting=meeting, number="144006", title="已答复的", role="主办",
                        assigned_on=dt.date(2025, 3, 18), due_override=dt.date(2025, 5, 1))
        s.add(done)
        s.flush()
        handling.set_proposers(s, done, ["李四"])
        handling.save_reply(s, done, text="答复", sent_on=dt.date(2025, 4, 30), category="A")
    return db


def test_items_are_late_and_due_soon_ones_by_section_and_handler(chase_db) -> None:
    with chase_db.session() as s:
        items = chase_items(s, TODAY)
    assert [(i.row.number, i.section, i.handler, i.state) for i in items] == [
        ("144001", "电子商务科", "李明", "逾期10天"),
        ("144002", "电子商务科", "李明", "还剩5天"),
        ("144003", "对外贸易科", "王强", "逾期1天"),
        ("144005", "未分配科室", "未指定", "还剩1天"),
    ]


def test_docx_list(chase_db, tmp_path: Path) -> None:
    with chase_db.session() as s:
        path = write_chase_list(s, tmp_path / "催办.docx", today=TODAY)
    doc = open_docx(path)
    text = full_text(doc)
    assert "（统计日期：2025年5月20日）" in text
    assert "截至2025年5月20日，逾期2件，即将到期2件。" in text
    assert ("按科室：电子商务科2件（其中逾期1件）；对外贸易科1件（其中逾期1件）；"
            "未分配科室1件。") in text
    rows = [[c.text for c in r.cells] for r in doc.tables[0].rows]
    assert rows[0] == ["序号", "承办科室", "承办人", "年度", "编号", "案由", "办理方式", "办理时限",
                       "情况"]
    assert rows[1] == ["1", "电子商务科", "李明", "2025", "144001", "关于第144001号事项的建议",
                       "主办", "2025年5月10日", "逾期10天"]
    assert len(rows) == 5
    # A4 landscape (newcomer's try-out F9: portrait left 案由 three characters wide)
    assert_official_format(doc, landscape=True)
    assert runs_without_east_asia(doc) == []


def test_xlsx_list(chase_db, tmp_path: Path) -> None:
    with chase_db.session() as s:
        path = write_chase_list(s, tmp_path / "催办.xlsx", today=TODAY)
    ws = load_workbook(path).active
    values = [[c.value for c in row] for row in ws.iter_rows()]
    assert values[0][0] == "提案（建议）办理催办清单（2025年5月20日）"
    header = values.index(["序号", "承办科室", "承办人", "编号", "案由", "办理方式", "办理时限",
                           "情况", "年度", "会议"])
    assert [row[3] for row in values[header + 1:]] == ["144001", "144002", "144003", "144005"]
    assert values[header + 1][7] == "逾期10天"
    late_fill = ws.cell(row=header + 2, column=1).fill.fgColor.rgb
    soon_fill = ws.cell(row=header + 3, column=1).fill.fgColor.rgb
    assert late_fill.endswith("FFE0E0") and not soon_fill.endswith("FFE0E0")


def test_wrong_suffix_is_refused(chase_db, tmp_path: Path) -> None:
    with chase_db.session() as s, pytest.raises(UserError, match=r"\.docx 或 \.xlsx"):
        write_chase_list(s, tmp_path / "催办.pdf", today=TODAY)


def test_xlsx_list_prints_landscape_one_page_wide_with_its_header_on_every_page(
        chase_db, tmp_path: Path) -> None:
    with chase_db.session() as s:
        path = write_chase_list(s, tmp_path / "催办.xlsx", today=TODAY)
    ws = load_workbook(path).active
    header = next(row[0].row for row in ws.iter_rows() if row[0].value == "序号")
    assert ws.print_title_rows.replace("$", "") == f"{header}:{header}"
    assert ws.page_setup.orientation == "landscape"
    assert int(ws.page_setup.paperSize) == 9  # A4
    assert ws.sheet_properties.pageSetUpPr.fitToPage is True
    assert (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == (1, 0)
