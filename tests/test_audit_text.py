"""The audit rows of a bulk import are written as JSON text built column by column
(hooks.insert_changes_texts, bulk.audit_new_proposals); it must be exactly the text the JSON
column's own encoding (database.json_text) gives of the dictionaries the ORM hook would log."""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from proposal_desk.storage import bulk, fastsql, hooks
from proposal_desk.storage.database import Database, json_text


class _Word(enum.StrEnum):
    EMPTY = ""
    YES = "是"


class _Number(enum.IntEnum):
    ONE = 1


_VALUES = st.one_of(
    st.none(), st.just(""), st.text(max_size=6), st.integers(-5, 10**12), st.booleans(),
    st.floats(allow_nan=True), st.dates(), st.datetimes(), st.sampled_from(list(_Word)),
    st.sampled_from(list(_Number)), st.binary(max_size=3), st.sampled_from(["a%sb", "%", "\"\\\n"]))


def _expected(rows: list[dict[str, Any]], leave: str) -> list[str]:
    return [json_text(changes) for changes in hooks.insert_changes_many(rows, leave=leave)]


# a column of one kind (the usual: ids, names, flags, dates, with gaps) or of any values
_KINDS = [_VALUES, st.booleans(), st.integers(0, 3), st.text(max_size=2),
          st.one_of(st.none(), st.just(""), st.text(max_size=2)),
          st.one_of(st.none(), st.dates()), st.one_of(st.none(), st.integers(0, 3))]
_TABLES = st.integers(1, 8).flatmap(lambda height: st.lists(
    st.sampled_from(_KINDS).flatmap(lambda kind: st.lists(kind, min_size=height,
                                                          max_size=height)),
    min_size=1, max_size=4))


@settings(max_examples=400, deadline=None)
@given(_TABLES, st.booleans(), st.booleans())
def test_column_texts_are_the_json_of_each_row(columns: list[list[Any]], leave: bool,
                                              braces: bool) -> None:
    keys = ["proposal_id", "名称", "a%d", "k"][:len(columns)]
    rows = [dict(zip(keys, row, strict=True)) for row in zip(*columns, strict=True)]
    expected = _expected(rows, "proposal_id" if leave else "")
    got = hooks.insert_changes_texts(rows, json_text, leave="proposal_id" if leave else "",
                                     braces=braces)
    assert got == (expected if braces else [text[1:-1] for text in expected])


def test_rows_of_different_keys_too() -> None:
    rows = [{"id": 1, "name": "甲"}, {"name": "", "id": 2, "x": dt.date(2025, 3, 15)}]
    assert hooks.insert_changes_texts(rows, json_text, braces=True) == _expected(rows, "")


def _proposal(pid: int, **more: Any) -> dict[str, Any]:
    return {"id": pid, "meeting_id": 1, "number": f"{pid:03d}", "title": f"关于{pid}的建议",
            "key": pid % 2 == 0, "assigned_on": dt.date(2025, 3, pid % 28 + 1), "notes": "",
            "due_override": None, **more}


def _audits(db: Database, proposals: list[dict[str, Any]],
            children: dict[str, list[dict[str, Any]]],
            extra: dict[int, dict[str, Any]]) -> tuple[list[str], list[str]]:
    """The changes text audit_new_proposals writes, and the JSON of the dictionaries."""
    written: list[str] = []
    real = fastsql.insert_many

    def capture(conn: Any, table: Any, rows: Any, *, stored: Any = ()) -> None:
        assert stored == ("changes",)
        written.extend(row["changes"] for row in rows)

    with db.session() as session:
        fastsql.insert_many = capture  # type: ignore[assignment]
        try:
            bulk.audit_new_proposals(session, proposals, children, extra)
        finally:
            fastsql.insert_many = real  # type: ignore[assignment]
        expected = [json_text(a["changes"]) for a in
                    bulk._new_proposal_audits(session, proposals, children, extra)]
    return written, expected


def test_new_proposal_audit_text(tmp_path: Any) -> None:
    db = Database(f"sqlite:///{tmp_path / 'a.sqlite3'}")
    proposals = [_proposal(i) for i in range(1, 6)]
    children = {
        "proposal_member": [{"proposal_id": p, "member_id": m, "position": m - 1, "name": "王"}
                            for p in (1, 1, 3) for m in (1, 2)][:4],
        "reply": [{"proposal_id": 2, "id": 7, "category": "A", "sent_on": None, "cc": ""}],
        "correspondence": [],
        "member": [{"proposal_id": 1, "id": 1, "name": "王%s", "sector": None},
                   {"proposal_id": 5, "id": 2, "name": "\"李\"", "sector": "民建"}],
    }
    extra = {p["id"]: {"import": {"file": "台账.xlsx", "sheet": "S", "row": p["id"] + 1},
                       "names": {"meeting_id": "2025年"}} for p in proposals}
    written, expected = _audits(db, proposals, children, extra)
    assert written == expected
    assert '"rows": {}' in written[3]  # a proposal without child rows
    # some proposals without an extra, an empty column in one
    del extra[2]
    proposals[4]["title"] = ""
    written, expected = _audits(db, proposals, children, extra)
    assert written == expected
    db.dispose()
