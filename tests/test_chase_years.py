"""The 催办 list names each proposal's year (and, in the sheet, its meeting): last year's item
still open is not taken for this year's."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from docdata import full_text, open_docx, setup_bureau
from openpyxl import load_workbook

from proposal_desk.core.enums import Kind
from proposal_desk.documents.chase import write_chase_list
from proposal_desk.services import handling
from proposal_desk.services.meetings import ensure_meeting
from proposal_desk.storage.models import Proposal

TODAY = dt.date(2025, 9, 1)


@pytest.fixture
def two_years(db: Any) -> Any:
    with db.transaction() as s:
        setup_bureau(s)
        cases = (("区政协十四届三次会议", 2024, "143092", dt.date(2024, 8, 19)),
                 ("区政协十四届四次会议", 2025, "144256", dt.date(2025, 6, 17)))
        for name, year, number, due in cases:
            meeting = ensure_meeting(s, name, kind=Kind.PROPOSAL, year=year)
            p = Proposal(meeting=meeting, number=number, title=f"关于第{number}号事项的建议",
                         role="主办", assigned_on=dt.date(year, 3, 18), due_override=due)
            s.add(p)
            s.flush()
            handling.set_proposers(s, p, ["张三"])
            handling.assign(s, p, section="电子商务科", handler="李明")
    return db


def test_the_printed_list_has_a_year_column_and_counts_earlier_years(two_years: Any,
                                                                     tmp_path: Path) -> None:
    with two_years.session() as s:
        doc = open_docx(write_chase_list(s, tmp_path / "c.docx", today=TODAY))
    rows = [[c.text for c in r.cells] for r in doc.tables[0].rows]
    assert rows[0] == ["序号", "承办科室", "承办人", "年度", "编号", "案由", "办理方式", "办理时限",
                       "情况"]
    assert [(r[3], r[4]) for r in rows[1:]] == [("2024", "143092"), ("2025", "144256")]
    assert "其中往年（2024年度）的1件。" in full_text(doc)


def test_the_sheet_adds_year_and_meeting_after_its_columns(two_years: Any,
                                                           tmp_path: Path) -> None:
    with two_years.session() as s:
        path = write_chase_list(s, tmp_path / "c.xlsx", today=TODAY)
    values = [[c.value for c in row] for row in load_workbook(path).active.iter_rows()]
    header = next(i for i, row in enumerate(values) if row[0] == "序号")
    assert values[header][-2:] == ["年度", "会议"]
    assert values[header + 1][3] == "143092"
    assert values[header + 1][-2:] == [2024, "区政协十四届三次会议"]
