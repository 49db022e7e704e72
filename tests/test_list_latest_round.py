"""A proposal handled again (重新办理 after 不满意, a second reply round): its list row's reply
date, category and satisfaction all come from the latest round (list, list --json, the
window's first quick read); the cached first answer stays the report's (on-time rate, appendix
答复日期 with 再次答复)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from docdata import add_letter_case, setup_bureau
from sheet_support import cli

from proposal_desk.core.settings import Deadlines
from proposal_desk.documents.figures import load_digests
from proposal_desk.gui.plain_snapshot import read_plain_snapshot
from proposal_desk.gui.snapshot import read_snapshot
from proposal_desk.services import handling
from proposal_desk.services.queries import list_rows, load_proposal
from proposal_desk.services.rows import latest_sent

FIRST, SECOND = dt.date(2025, 6, 15), dt.date(2025, 8, 20)


def _rehandled(db: Any) -> int:
    with db.transaction() as s:
        setup_bureau(s)
        p = add_letter_case(s, number="144072", category="C", sent=FIRST)
        add_letter_case(s, number="144073", category="B", sent=dt.date(2025, 6, 1))
        s.flush()
        handling.record_opinion(p, "不满意", received_on=dt.date(2025, 7, 1))
        pid = p.id
    with db.transaction() as s:
        p = load_proposal(s, pid)
        handling.save_reply(s, p, category="A", text="经再次研究，已列入计划。", sent_on=SECOND)
        s.flush()
        handling.record_opinion(p, "满意", received_on=dt.date(2025, 9, 1))
    return pid


def test_the_row_is_dated_by_the_round_of_its_category_and_satisfaction(db: Any) -> None:
    _rehandled(db)
    with db.session() as s:
        rows = {r.number: r for r in list_rows(s)}
    assert (rows["144072"].replied, rows["144072"].category,
            rows["144072"].satisfaction) == (SECOND, "A", "满意")
    assert (rows["144073"].replied, rows["144073"].category) == (dt.date(2025, 6, 1), "B")
    status, out, err = cli(db, "list", "--json")
    assert status == 0, err
    row = next(r for r in json.loads(out) if r["number"] == "144072")
    assert (row["replied"], row["category"], row["satisfaction"]) == (
        "2025-08-20", "A", "满意")


def test_a_second_round_still_in_draft_keeps_the_first(db: Any) -> None:
    with db.transaction() as s:
        setup_bureau(s)
        p = add_letter_case(s, number="144072", category="C", sent=FIRST)
        s.flush()
        handling.record_opinion(p, "不满意", received_on=dt.date(2025, 7, 1))
        handling.save_reply(s, p, category="A", text="草稿")
    with db.session() as s:
        [row] = list_rows(s)
    assert (row.replied, row.category) == (FIRST, "C")


def test_the_window_reads_the_same_and_the_report_keeps_the_first_answer(
        db: Any, tmp_path: Path) -> None:
    _rehandled(db)
    plain = read_plain_snapshot(db.sqlite_path, today=dt.date(2025, 10, 1))
    orm = read_snapshot(db, None, today=dt.date(2025, 10, 1))
    assert plain is not None and plain.rows == orm.rows
    assert {r.number: r.replied for r in plain.rows}["144072"] == SECOND
    with db.session() as s:
        digests = {d.number: d for d in load_digests(s, Deadlines(), year=2025)}
    # the on-time rate's first answer, and 再次答复 beside it in the appendix
    assert (digests["144072"].replied_on, digests["144072"].again_on) == (FIRST, SECOND)


def test_latest_sent_takes_the_highest_round() -> None:
    assert latest_sent([(7, 2, "2025-08-01"), (7, 3, "2025-10-01"), (8, 2, None)]) == {
        7: dt.date(2025, 10, 1)}
