"""Working-day deadlines (退回, first contact) skip the public holidays the office sets, and
count the weekend days it works (调休); nothing is guessed from a built-in calendar."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from proposal_desk.cli.main import main
from proposal_desk.core import rules
from proposal_desk.core.dates import add_working_days
from proposal_desk.core.enums import Role
from proposal_desk.core.rules import ProposalFacts
from proposal_desk.core.settings import BureauSettings, coerce

D = dt.date
QINGMING = "2025-04-04~2025-04-06"


def test_holidays_are_skipped_and_extra_workdays_counted() -> None:
    assert add_working_days(D(2025, 3, 21), 10) == D(2025, 4, 4)  # 清明 itself
    assert add_working_days(D(2025, 3, 21), 10, holidays={D(2025, 4, 4)}) == D(2025, 4, 7)
    # 2025-04-27 is a Sunday worked in exchange for 劳动节.
    assert add_working_days(D(2025, 4, 24), 2) == D(2025, 4, 28)
    assert add_working_days(D(2025, 4, 24), 2, workdays={D(2025, 4, 27)}) == D(2025, 4, 27)


def test_the_settings_read_single_days_and_ranges() -> None:
    assert coerce("deadline.holidays", f"2025-04-04，{QINGMING}、2025.5.1") == [
        "2025-04-04", QINGMING, "2025-05-01"]
    with pytest.raises(ValueError, match="2025-02-30"):
        coerce("deadline.holidays", "2025-02-30")
    with pytest.raises(ValueError, match="晚于"):
        coerce("deadline.holidays", "2025-05-05~2025-05-01")
    settings = BureauSettings.from_values({"deadline.holidays": [QINGMING],
                                           "deadline.workdays": ["2025-04-27"]})
    assert settings.deadlines.holidays == frozenset({D(2025, 4, 4), D(2025, 4, 5),
                                                    D(2025, 4, 6)})
    assert settings.deadlines.workdays == frozenset({D(2025, 4, 27)})


def test_the_return_deadline_moves_past_the_holiday() -> None:
    facts = ProposalFacts(role=Role.LEAD, assigned_on=D(2025, 3, 21))
    plain = BureauSettings.from_values({}).deadlines
    office = BureauSettings.from_values({"deadline.holidays": [QINGMING]}).deadlines
    assert rules.return_deadline(facts, plain) == D(2025, 4, 4)
    assert rules.return_deadline(facts, office) == D(2025, 4, 7)


def test_config_sets_and_shows_holidays(tmp_path: Path, capsys) -> None:
    db = ["--db", str(tmp_path / "desk.sqlite3")]
    assert main([*db, "config", "deadline.holidays", f"{QINGMING},2025-05-01~2025-05-05"]) == 0
    capsys.readouterr()
    assert main([*db, "config", "deadline.holidays"]) == 0
    assert capsys.readouterr().out.strip() == f"{QINGMING},2025-05-01~2025-05-05"
    assert main([*db, "config", "deadline.holidays", "清明"]) == 2
    assert "清明" in capsys.readouterr().err
