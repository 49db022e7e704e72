"""`proposal-desk meeting`: list, rename, merge and fixed dates from the command line."""

import json

import pytest
from sheet_support import SAMPLES

from proposal_desk.cli.main import main


def test_rename_a_ledger_meeting_and_set_its_dates(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", str(SAMPLES / "ledger_2024.xlsx")]) == 0
    capsys.readouterr()
    assert main(["meeting", "--json"]) == 0
    meetings = json.loads(capsys.readouterr().out)
    assert meetings == [{"name": "2024年度政协提案", "kind": "提案", "year": 2024, "count": 19}]
    assert main(["meeting", "rename", "2024年度政协提案", "区政协十四届三次会议"]) == 0
    assert "已改名" in capsys.readouterr().out
    assert main(["list", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 19 and {r["meeting"] for r in rows} == {"区政协十四届三次会议"}


def test_fixed_dates_of_a_meeting_set_the_assisting_deadlines(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["config", "bureau.name", "区商务局"]) == 0
    assert main(["import", str(SAMPLES / "assignments_2025.xlsx")]) == 0
    assert main(["meeting", "dates", "区政协十四届四次会议", "--assist-due", "2025年5月31日"]) == 0
    assert "2025年5月31日" in capsys.readouterr().out
    assert main(["list", "--json", "--role", "协办"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 25 and {r["due"] for r in rows} == {"2025-05-31"}
    # A flag left out keeps its date; an empty one clears it.
    assert main(["meeting", "dates", "区政协十四届四次会议", "--reply-due", "2025-06-30"]) == 0
    out = capsys.readouterr().out
    assert "答复截止 2025年6月30日" in out and "会办意见截止 2025年5月31日" in out
    assert main(["meeting", "dates", "区政协十四届四次会议", "--assist-due", ""]) == 0
    out = capsys.readouterr().out
    assert "答复截止 2025年6月30日" in out and "会办意见截止 按月数" in out


def test_bad_meeting_commands_say_what_to_type(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["meeting", "rename", "只有一个名字"]) == 2
    assert "用法" in capsys.readouterr().err
    assert main(["meeting", "rename", "没有这个会议", "新名"]) == 2
    assert "没有名为" in capsys.readouterr().err
