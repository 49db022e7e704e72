"""When a handling round began and whether an answer was late: one rule each (core.rules), used
by the window's checks, an import's warnings, the heading and the on-time rate."""

from __future__ import annotations

import datetime as dt

from proposal_desk.core import rules

D = dt.date


def test_when_a_round_began() -> None:
    assert rules.round_began(1, D(2025, 3, 18), None, None) == (D(2025, 3, 18), "交办日期")
    assert rules.round_began(2, D(2025, 3, 18), D(2025, 7, 6), D(2025, 6, 16)) == (
        D(2025, 7, 6), "委员不满意意见的反馈日期")
    # the 不满意 undated: the round began no earlier than the reply it was on
    assert rules.round_began(3, D(2025, 3, 18), None, D(2025, 8, 1)) == (
        D(2025, 8, 1), "第2轮答复日期")


def test_days_late() -> None:
    assert rules.days_late(D(2025, 6, 17), D(2025, 6, 17)) == 0
    assert rules.days_late(D(2025, 6, 1), D(2025, 6, 17)) == 0
    assert rules.days_late(D(2025, 6, 25), D(2025, 6, 17)) == 8
    assert rules.days_late(D(2025, 6, 25), None) == 0
