"""The comparison reads the register through column selects (sheets.existing): every value
and rule input it reads equals what the ORM objects give, and a plan made from either is
the same, row by row (action, reason, changes)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from bench_support import bench_module
from sheet_support import plan
from sqlalchemy import select
from test_export import _fill

from proposal_desk.services import handling
from proposal_desk.services.queries import load_proposal
from proposal_desk.sheets import existing, export_ledger
from proposal_desk.sheets.ledger import ledger_values
from proposal_desk.storage.database import Database
from proposal_desk.storage.models import Proposal

pytestmark = pytest.mark.postgres


def _ledger_current(p: Proposal) -> dict[str, Any]:
    """The compared values of an ORM proposal (what `existing.load` reads from columns)."""
    view = ledger_values(p)
    return {
        "title": p.title,
        "proposers": tuple(pm.member.name for pm in p.proposers),
        "sector": p.sector, "role": p.role,
        "units": tuple((u.unit.name, u.role) for u in sorted(p.units, key=lambda u: u.position)),
        "key": p.key, "supervisor": p.supervisor,
        "assigned": p.assigned_on, "due": p.due_override, "signed": p.signed_on,
        "leader": view["leader"], "section": view["section"], "handler": view["handler"],
        "topics": tuple(view["topics"]), "methods": tuple(view["methods"]),
        "replied": view["replied"], "category": view["category"],
        "doc_number": view["doc_number"], "signer": view["signer"],
        "publicity": view["publicity"], "satisfaction": view["satisfaction"],
        "opinion_date": view["opinion_date"], "earlier_rounds": view["earlier_rounds"],
        "merged_with": p.merged_with,
        "summary": p.summary, "notes": p.notes,
        **{k: view[k] for k in existing.RETURN_FIELDS},
    }


def _from_orm(p: Proposal) -> existing.Stored:
    """What the comparison used to read from the ORM proposal."""
    return existing.Stored(
        p.id, p.role, p.assigned_on, p.signed_on, p.due,
        current=_ledger_current(p),
        proposers=[pm.member.name for pm in p.proposers],
        units=[(u.unit.name, u.role) for u in sorted(p.units, key=lambda u: u.position)],
        answered=bool(p.replies or p.assist_opinions or p.member_opinions),
        pending_return=any(r.outcome == "待审核" for r in p.returns),
        second_round=any(r.round > 1 for r in p.replies),
        after_assigned=handling.dates_after_assigned(p),  # the window's rule, equal
    )


def _orm_load(session: Any, pairs: Any) -> dict[tuple[int, str], existing.Stored]:
    wanted = set(pairs)
    found = {}
    for pid in session.scalars(select(Proposal.id)).all():
        p = load_proposal(session, pid)
        if (p.meeting_id, p.number) in wanted:
            found[(p.meeting_id, p.number)] = _from_orm(p)
    return found


def _assert_same_as_orm(db: Database, every: int = 1) -> int:
    """`every`: only every n-th proposal, so that few of a meeting's are asked for and their
    ids lie apart (read by number and by id list, not the whole meeting and id ranges)."""
    with db.session() as s:
        pairs = [tuple(r) for r in s.execute(
            select(Proposal.meeting_id, Proposal.number).order_by(Proposal.id))][::every]
        by_columns = existing.load(s, pairs)
        by_orm = _orm_load(s, pairs)
    assert by_columns.keys() == by_orm.keys() == set(pairs)
    for pair, stored in by_columns.items():
        assert stored == by_orm[pair], pair
    return len(pairs)


@pytest.fixture
def full(db: Database) -> Database:
    _fill(db)
    return db


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("compare") / "generated.sqlite3"
    bench_module("generate").generate(path, 120, seed=11, year=2025, years=2,
                                      as_of=dt.date(2025, 12, 1))
    return path


def test_columns_give_what_the_orm_gives(full: Database) -> None:
    assert _assert_same_as_orm(full) == 9


def test_columns_give_what_the_orm_gives_generated(generated: Path, tmp_path: Path) -> None:
    db = Database(f"sqlite:///{generated}", check_on_open=False, backup_on_open=False)
    try:
        assert _assert_same_as_orm(db) == 120
        assert _assert_same_as_orm(db, every=7) == 18
    finally:
        db.dispose()


def _edited_export(db: Database, path: Path) -> Path:
    """The register exported, then a clerk's edits: changed dates, names, categories,
    opinions, units and methods, a role changed, cells emptied, and new rows."""
    with db.session() as s:
        export_ledger(s, path)
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    head = [c.value for c in ws[2]]
    col = {h: i for i, h in enumerate(head)}
    rows = list(ws.iter_rows(min_row=3))
    for n, row in enumerate(rows):
        def put(label: str, value: Any, row: Any = row) -> None:
            if label in col:
                row[col[label]].value = value
        kind = n % 9
        if kind == 0:
            put("案由", f"{row[col['案由']].value}（修改）")
        elif kind == 1:
            put("答复类别", "B")
            put("委员意见", "基本满意")
        elif kind == 2:
            put("协办单位", "区财政局、区民政局")
            put("沟通方式", "电话、座谈会")
        elif kind == 3:
            put("办理方式", "协办")
        elif kind == 4:
            put("交办日期", dt.date(2025, 2, 1))
            put("承办人", "新来的")
        elif kind == 5:
            put("退回日期", dt.date(2025, 4, 1))
            put("退回理由", "不属于本单位职责")
        elif kind == 6:
            put("提案人", "张三")
            put("联名人", "")
    for i in range(5):
        ws.append([rows[0][c].value if h in ("会议", "类型", "年度") else None
                   for c, h in enumerate(head)])
        new = next(iter(ws.iter_rows(min_row=ws.max_row, max_row=ws.max_row)))
        new[col["提案号"]].value = f"9{i:04d}"
        new[col["案由"]].value = f"关于新增事项{i}的建议"
        new[col["办理方式"]].value = "主办"
    wb.save(path)
    return path


def _rows(p: Any) -> list[tuple[Any, ...]]:
    return [(r.row, r.number, r.action, r.reason, r.changes) for r in p.rows]


@pytest.mark.parametrize("source", ["full", "generated"])
def test_a_plan_is_the_same_from_columns_and_from_orm(source: str, full: Database,
                                                      generated: Path, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    db = full if source == "full" else Database(
        f"sqlite:///{generated}", check_on_open=False, backup_on_open=False)
    try:
        sheet = _edited_export(db, tmp_path / "edited.xlsx")
        unchanged = tmp_path / "same.xlsx"
        with db.session() as s:
            export_ledger(s, unchanged)
        plans = {}
        for how in ("columns", "orm"):
            if how == "orm":
                monkeypatch.setattr(existing, "load", _orm_load)
            plans[how] = (plan(db, sheet), plan(db, unchanged))
        (edited, same), (edited_orm, same_orm) = plans["columns"], plans["orm"]
        assert _rows(edited) == _rows(edited_orm)
        assert [str(p) for p in edited.problems] == [str(p) for p in edited_orm.problems]
        assert _rows(same) == _rows(same_orm)
        if source == "full":  # export → import is a fixed point (test_export)
            assert {r.action.value for r in same.rows} == {"无变化"}
        assert len({r.action for r in edited.rows}) >= 3  # added, updated, errors or same
    finally:
        if db is not full:
            db.dispose()
