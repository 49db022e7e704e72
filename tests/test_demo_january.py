"""The demo fills in January too: its 跟踪 is dated in the year it names (a 跟踪's 年度 is not
after its date's year, handling.check_follow_up_year)."""

from __future__ import annotations

import datetime as dt

from proposal_desk.demo import fill_demo
from proposal_desk.storage.database import Database
from proposal_desk.storage.models import FollowUp


def test_the_demo_in_january(db: Database) -> None:
    today = dt.date(2026, 1, 10)
    assert fill_demo(db, today=today) > 30
    with db.session() as s:
        follow_ups = s.query(FollowUp).all()
        assert follow_ups and all(f.year == f.date.year == 2026 for f in follow_ups)
