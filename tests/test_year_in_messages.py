"""A year in a message is written as every date is, 2025年, with no space before 年."""

from __future__ import annotations

import pytest
from sheet_support import ASSIGNMENTS, ledger_rows, plan, run_import, write_sheet

from proposal_desk.core.enums import Kind
from proposal_desk.services.meetings import ensure_meeting, year_conflict
from proposal_desk.storage.errors import UserError


def test_a_meeting_of_another_year(db) -> None:  # type: ignore[no-untyped-def]
    with db.transaction() as s:
        ensure_meeting(s, "区政协十四届四次会议", kind=Kind.PROPOSAL, year=2025)
    with db.transaction() as s, pytest.raises(UserError) as caught:
        ensure_meeting(s, "区政协十四届四次会议", kind=Kind.PROPOSAL, year=2024)
    assert str(caught.value) == (
        "会议“区政协十四届四次会议”在数据库中记为2025年，与本次的2024年不一致；"
        "同名会议只能属于一个年度，请核对年度或会议名称")


def test_an_import_naming_a_stored_meeting_with_another_year(bureau_db) -> None:  # type: ignore[no-untyped-def]
    run_import(bureau_db, ASSIGNMENTS)
    p = plan(bureau_db, ASSIGNMENTS, year=2024)
    messages = [x.message for x in p.problems]
    # the window's message, word for word (one function: meetings.year_conflict)
    said = year_conflict("区政协十四届四次会议", 2025, 2024)
    assert said in messages, messages


def test_the_one_meeting_of_the_year_is_named_without_a_space(bureau_db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    run_import(bureau_db, ASSIGNMENTS)
    sheet = write_sheet(tmp_path / "l.xlsx", ledger_rows(
        ["144999", "关于测试的建议", "王某", "主办", "区商务局", "", "", "2025-03-18"]))
    p = plan(bureau_db, sheet, year=2025, kind="提案")
    assert any("沿用数据库中2025年唯一的会议" in line for line in p.context), p.context
