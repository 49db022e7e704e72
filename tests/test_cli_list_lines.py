"""What `list` prints per proposal: the 办理时限 only when there is one."""

from __future__ import annotations

from pathlib import Path

import pytest

from proposal_desk.storage.database import Database


def test_a_proposal_without_due_date_prints_no_bare_limit(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from docdata import add_letter_case, setup_bureau

    from proposal_desk.cli.main import main
    from proposal_desk.core.enums import Kind
    from proposal_desk.services.meetings import ensure_meeting
    from proposal_desk.storage.models import Proposal

    path = tmp_path / "desk.sqlite3"
    db = Database(f"sqlite:///{path}")
    with db.transaction() as s:
        setup_bureau(s)
        add_letter_case(s)
        meeting = ensure_meeting(s, "区政协十四届三次会议", kind=Kind.PROPOSAL, year=2024)
        # A ledger row whose 交办日期 and 办理时限 columns were empty.
        s.add(Proposal(meeting=meeting, number="143092", title="《关于夜市的建议》",
                       role="主办", assigned_on=None))
    db.dispose()
    assert main(["--db", str(path), "list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "区政协十四届三次会议 第143092号 主办 待签收 《关于夜市的建议》（）" in lines
    assert any(line.startswith("区政协十四届四次会议 第144012号 主办 已答复 限2025年6月18日  《")
               for line in lines)
