"""hooks.insert_changes_many, the column-by-column form a bulk insert audits its rows with,
gives exactly what insert_changes gives row by row: the same keys in the same order, the same
values, the same JSON text."""

from __future__ import annotations

import datetime as dt
import enum
import json
import random
from typing import Any

from proposal_desk.storage import hooks


class _Kind(enum.Enum):
    A = "a"


def _value(rng: random.Random, style: str) -> Any:
    if style == "date":
        return rng.choice([None, dt.date(2024, 3, rng.randint(1, 28))])
    if style == "time":
        return rng.choice([None, dt.datetime(2026, 1, rng.randint(1, 3), 10, 0, 0)])
    if style == "none":
        return None
    if style == "blank":
        return ""
    if style == "flag":
        return rng.choice([True, False, 0, 1, None])
    return rng.choice([None, "", 0, 1, 2.5, True, False, "文字", "0", dt.date(2024, 3, 1),
                       dt.datetime(2026, 1, 1, 10, 0), b"xx", _Kind.A])


def test_many_rows_give_what_each_row_gives() -> None:
    rng = random.Random(6)
    styles = ["date", "time", "none", "blank", "flag", "any", "any"]
    for _ in range(400):
        keys = {f"k{i}": rng.choice(styles) for i in range(rng.randint(0, 8))}
        keys["proposal_id"] = "any"
        ragged = rng.random() < 0.2  # some rows without some keys: the row-by-row way
        rows = [{k: _value(rng, style) for k, style in keys.items()
                 if not ragged or rng.random() < 0.8} for _ in range(rng.randint(0, 25))]
        for leave in ("", "proposal_id"):
            want = [{k: v for k, v in hooks.insert_changes(r).items() if k != leave}
                    for r in rows]
            got = hooks.insert_changes_many(rows, leave=leave)
            assert [list(c.items()) for c in got] == [list(c.items()) for c in want]
            assert json.dumps(got, ensure_ascii=False) == json.dumps(want, ensure_ascii=False)


def test_a_proposals_child_rows_stay_in_row_order_when_interleaved(db: Any) -> None:
    from sqlalchemy import select

    from proposal_desk.storage import bulk
    from proposal_desk.storage.models import AuditEntry

    records = [{"id": 1, "proposal_id": 2, "method": "电话"},
               {"id": 2, "proposal_id": 1, "method": "面商"},
               {"id": 3, "proposal_id": 2, "method": "微信"}]
    with db.transaction() as s:
        bulk.audit_new_proposals(s, [{"id": 1, "title": "甲"}, {"id": 2, "title": "乙"}],
                                 {"correspondence": records, "reply": []})
        changes = {e.proposal_id: e.changes for e in s.scalars(select(AuditEntry))}
        s.rollback()
    assert changes[1] == {"id": 1, "title": "甲", "rows": {
        "correspondence": [{"id": 2, "method": "面商"}]}}
    assert changes[2]["rows"] == {"correspondence": [{"id": 1, "method": "电话"},
                                                     {"id": 3, "method": "微信"}]}
