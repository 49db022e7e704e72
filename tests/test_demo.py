"""The demo year: every role and every state, dated around today, refused on a used database."""

import datetime as dt
from collections import Counter

import pytest

from proposal_desk.core.enums import Role, Status
from proposal_desk.demo import fill_demo
from proposal_desk.services.queries import ListFilter, list_rows
from proposal_desk.storage.database import Database
from proposal_desk.storage.errors import UserError

TODAY = dt.date(2026, 5, 20)


def test_demo_covers_every_role_and_state(db: Database) -> None:
    count = fill_demo(db, today=TODAY)
    with db.session() as s:
        rows = list_rows(s, today=TODAY)
        assert len(rows) == count > 30
        assert {r.role for r in rows} == {r.value for r in Role}
        assert {r.status for r in rows} == {s.value for s in Status}
        assert any(r.overdue for r in rows) and any(r.due_soon for r in rows)
        assert {r.kind for r in rows} == {"提案", "建议"}
        this_year = [r for r in rows if r.year == TODAY.year and r.kind == "提案"]
        assert Counter(r.category for r in this_year if r.category)["A"] >= 3
        follow = list_rows(s, ListFilter(follow_up=True), today=TODAY)
        assert sorted(r.category for r in follow) == ["B", "C"]  # one B is carried out
        assert len(list_rows(s, ListFilter(text="电商"), today=TODAY)) >= 4


def test_demo_refuses_a_database_with_proposals(db: Database) -> None:
    fill_demo(db, today=TODAY)
    with pytest.raises(UserError, match="已有提案"):
        fill_demo(db, today=TODAY)
