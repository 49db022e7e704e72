"""Settings given on the command line are checked by the core's rules (core.settings
check_value, the settings window's too): a month count outside the window's range, an empty
bureau name, a category without its meaning or still given to replies, and a meeting's fixed
date before 交办 are refused with one line, exit status 2, nothing saved (newcomer's try-out
4, finding 9)."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from sheet_support import SAMPLES

from proposal_desk.cli.main import main
from proposal_desk.core.settings import DEFAULT_CATEGORIES
from proposal_desk.paths import database_url


def _config(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    status = main(["config", *args])
    captured = capsys.readouterr()
    return status, captured.err.strip()


@pytest.mark.parametrize(("key", "value", "said"), [
    ("deadline.lead_months", "-3", "“主办/分办答复时限（月）”应在 1 到 12 之间，收到 -3"),
    ("deadline.lead_months", "0", "“主办/分办答复时限（月）”应在 1 到 12 之间，收到 0"),
    ("deadline.assist_months", "13", "“协办/会办意见时限（月）”应在 1 到 12 之间，收到 13"),
    ("deadline.return_working_days", "0", "“退回时限（工作日）”应在 1 到 60 之间，收到 0"),
    ("bureau.name", "", "“本单位名称”不能为空"),
    ("bureau.name", "  ", "“本单位名称”不能为空"),
    ("categories", "A=好;B", "答复类别“B”缺少含义（答复函和报告中使用；写成 B=含义）"),
    ("categories", "A=好;a=差", "答复类别“A”重复"),
    ("categories", ";", "至少要有一个答复类别"),
], ids=["negative", "zero", "too-many", "no-days", "empty-name", "blank-name",
        "no-meaning", "twice", "none"])
def test_nonsense_is_refused_and_nothing_saved(capsys: pytest.CaptureFixture[str], key: str,
                                               value: str, said: str) -> None:
    assert main(["config", "bureau.name", "区商务局"]) == 0
    capsys.readouterr()
    assert main(["config", key]) == 0
    before = capsys.readouterr().out
    status, err = _config(capsys, key, value)
    assert status == 2
    assert err.splitlines() == ["错误：" + said]
    assert main(["config", key]) == 0
    assert capsys.readouterr().out == before  # nothing saved


def test_the_window_range_is_the_cores(capsys: pytest.CaptureFixture[str]) -> None:
    from proposal_desk.core.settings import SettingError, check_value, coerce

    assert _config(capsys, "deadline.lead_months", "5")[0] == 0
    assert _config(capsys, "deadline.first_contact_working_days", "0")[0] == 0  # 0: no reminder
    check_value("deadline.lead_months", 12)
    with pytest.raises(SettingError):
        check_value("deadline.lead_months", coerce("deadline.lead_months", "-3"))


def test_a_category_given_to_replies_stays(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", str(SAMPLES / "ledger_2024.xlsx")]) == 0  # A, B, D replies
    capsys.readouterr()
    status, err = _config(capsys, "categories", "A=已解决;B=正在解决;C=留作参考")
    assert status == 2 and err == "错误：已有答复为“D”类，不能删除这些类别（可以修改其含义）"
    assert main(["config", "categories"]) == 0
    assert capsys.readouterr().out.strip() == ";".join(
        f"{k}={v}" for k, v in DEFAULT_CATEGORIES.items())
    # three classes, none given so far dropped: fine, as the domain allows
    assert _config(capsys, "categories", "A=已解决;B=正在解决;D=留作参考")[0] == 0


def test_a_meeting_date_before_assignment_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["config", "bureau.name", "区商务局"]) == 0
    assert main(["import", str(SAMPLES / "assignments_2025.xlsx")]) == 0
    capsys.readouterr()
    status = main(["meeting", "dates", "区政协十四届四次会议", "--assist-due", "2025-03-01"])
    err = capsys.readouterr().err.strip()
    assert status == 2
    assert re.fullmatch(r"错误：协办、会办意见截止日期（2025年3月1日）"
                        r"不能早于交办日期（2025年3月18日）：第\d+号于该日交办", err), err
    assert main(["list", "--json", "--role", "协办"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert "2025-03-01" not in {r["due"] for r in rows}  # nothing saved
    # every 主办 row of this list carries its own 办理时限: the meeting's date binds none of them
    assert main(["meeting", "dates", "区政协十四届四次会议", "--reply-due", "2025-03-17"]) == 0
    capsys.readouterr()
    assert main(["meeting", "dates", "区政协十四届四次会议", "--assist-due", "2025-05-31"]) == 0
    assert "2025年5月31日" in capsys.readouterr().out


def test_a_proposal_with_its_own_due_date_does_not_hold_back_the_meetings(
        data_folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # One proposal assigned late with its own 办理时限 is not bound by the meeting's answer date
    # (rules.effective_due), so that date may come before its 交办; one without is named.
    from sqlalchemy import select

    from proposal_desk.storage.database import Database
    from proposal_desk.storage.models import Proposal

    assert main(["config", "bureau.name", "区商务局"]) == 0
    assert main(["import", str(SAMPLES / "assignments_2025.xlsx")]) == 0
    url = database_url()
    db = Database(url)
    with db.transaction() as s:
        lead = s.scalars(select(Proposal).where(Proposal.role == "主办")
                         .order_by(Proposal.number)).all()
        lead[0].assigned_on, lead[0].due_override = dt.date(2025, 7, 1), dt.date(2025, 10, 1)
        late = lead[0].number
    db.dispose()
    capsys.readouterr()
    assert main(["meeting", "dates", "区政协十四届四次会议", "--reply-due", "2025-06-30"]) == 0
    db = Database(url)
    with db.transaction() as s:
        p = s.scalars(select(Proposal).where(Proposal.number == late)).one()
        p.due_override = None
    db.dispose()
    capsys.readouterr()
    assert main(["meeting", "dates", "区政协十四届四次会议", "--reply-due", "2025-06-29"]) == 2
    assert capsys.readouterr().err.strip() == (
        f"错误：主办、分办答复截止日期（2025年6月29日）不能早于交办日期（2025年7月1日）："
        f"第{late}号于该日交办")
