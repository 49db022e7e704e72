"""退回申请函: the request to the proposal office, with the reason and the suggested unit,
printed from the record (walkthrough F15: a return could not be printed)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from docdata import add_letter_case, assert_official_format, full_text, open_docx, setup_bureau

from proposal_desk.cli.main import main
from proposal_desk.core.enums import Kind
from proposal_desk.documents.return_letter import write_return_letter
from proposal_desk.services import handling
from proposal_desk.storage.database import Database
from proposal_desk.storage.errors import UserError


def test_the_letter_carries_the_reason_and_the_suggested_unit(db: Any, tmp_path: Path) -> None:
    with db.transaction() as s:
        setup_bureau(s)
        p = add_letter_case(s, number="144082", sent=None, proposers=["张三", "李四"])
        handling.request_return(p, on=dt.date(2025, 3, 25),
                                reason="一、该提案涉及农村公路养护。\n属交通运输部门职责。",
                                suggested_unit="区交通运输局")
        pid = p.id
    with db.session() as s:
        doc = open_docx(write_return_letter(s, pid, tmp_path / "退回.docx"))
    text = full_text(doc)
    for part in ("区商务局", "关于申请退回区政协十四届四次会议", "第144082号提案的函",
                 "区政协提案委员会：",
                 "贵委交办的区政协十四届四次会议第144082号提案《关于加快跨境电商发展的建议》"
                 "（张三、李四委员提出）收悉", "特申请退回。理由如下：",
                 "一、该提案涉及农村公路养护。", "属交通运输部门职责。",
                 "建议交由区交通运输局办理。", "妥否，请予审定。", "2025年3月25日",
                 "联系人：王芳"):
        assert part in text, part
    assert "{{" not in text and "{%" not in text
    assert_official_format(doc)


def test_a_suggestion_goes_to_the_congress_office_and_no_request_is_refused(
        db: Any, tmp_path: Path) -> None:
    with db.transaction() as s:
        setup_bureau(s, **{"bureau.cc": "区人大常委会人代工委,区政府办公室"})
        p = add_letter_case(s, number="2025001", kind=Kind.SUGGESTION,
                            meeting_name="区十八届人大四次会议", sent=None)
        handling.request_return(p, on=dt.date(2025, 3, 25), reason="不属本单位职责。")
        other = add_letter_case(s, number="2025002", kind=Kind.SUGGESTION,
                                meeting_name="区十八届人大四次会议", sent=None)
        ids = p.id, other.id
    with db.session() as s:
        text = full_text(open_docx(write_return_letter(s, ids[0], tmp_path / "r.docx")))
        assert "区人大常委会人代工委：" in text and "第2025001号建议" in text
        assert "建议交由" not in text
        with pytest.raises(UserError, match="还没有退回申请"):
            write_return_letter(s, ids[1], tmp_path / "none.docx")


def test_the_command(tmp_path: Path, capsys) -> None:
    path = tmp_path / "desk.sqlite3"
    database = Database(f"sqlite:///{path}")
    with database.transaction() as s:
        setup_bureau(s)
        p = add_letter_case(s, number="144082", sent=None)
        handling.request_return(p, on=dt.date(2025, 3, 25), reason="不属本单位职责。")
    database.dispose()
    out = tmp_path / "退回申请函.docx"
    assert main(["--db", str(path), "return-letter", "144082", "-o", str(out)]) == 0
    assert "已生成退回申请函" in capsys.readouterr().out
    assert "不属本单位职责。" in full_text(open_docx(out))
