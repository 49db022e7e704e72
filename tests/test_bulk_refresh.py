"""The commit-time refresh after a bulk import takes the new proposals' facts from the rows
just written instead of reading them back: the caches, status history and search index come
out exactly as the read-back path makes them, also when something changes one of them later
in the same transaction. The list columns are written with the rows (from the same rules), so
the refresh, which computes them again either way, finds nothing to change."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from bench_support import bench_module
from sheet_support import LEDGER
from sqlalchemy import select

from proposal_desk.services import handling
from proposal_desk.sheets import ImportOptions, apply_import, plan_import
from proposal_desk.storage import hooks
from proposal_desk.storage.database import Database
from proposal_desk.storage.models import Proposal
from proposal_desk.storage.settings_store import set_value

SKIP_COLUMNS = {"created_at", "updated_at", "at"}  # the clock may tick between the two runs


@pytest.fixture(scope="module")
def sheets(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    generated = tmp_path_factory.mktemp("bulk") / "ledger.xlsx"
    bench_module("bench_import").generate(generated, 400, seed=3)
    return [LEDGER, generated]


def _import(path: Path, sheets: list[Path], *, then: Any = None) -> dict[str, list[Any]]:
    db = Database(f"sqlite:///{path}", check_on_open=False, backup_on_open=False)
    try:
        with db.transaction() as s:
            set_value(s, "bureau.name", "区商务局")
        for sheet in sheets:
            with db.session() as s:
                plan = plan_import(s, sheet, ImportOptions())
            assert plan.ok, plan.problems[:3]
            with db.transaction() as s:
                apply_import(s, plan)
                if then is not None:
                    then(s)
    finally:
        db.dispose()
    conn = sqlite3.connect(path)
    try:
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND (name LIKE 'search%' "
            "OR name IN ('proposal', 'status_change')) ORDER BY name")]
        result = {}
        for t in tables:
            cursor = conn.execute(f'SELECT * FROM "{t}"')
            names = [d[0] for d in cursor.description]
            keep = [i for i, n in enumerate(names) if n not in SKIP_COLUMNS]
            result[t] = sorted((tuple(r[i] for i in keep) for r in cursor), key=repr)
        return result
    finally:
        conn.close()


def _sign_one(s: Any) -> None:
    p = s.scalars(select(Proposal).where(Proposal.signed_on.is_(None))
                  .order_by(Proposal.id.desc())).first()
    handling.sign(p, p.assigned_on)
    p.notes = "导入后当即补记的备注"


def _new_deadline(s: Any) -> None:
    set_value(s, "deadline.lead_months", 2)  # every proposal's due date moves


@pytest.mark.parametrize("then", [None, _sign_one, _new_deadline],
                         ids=["import", "import-then-edit", "import-then-deadline"])
def test_handed_over_facts_give_what_reading_back_gives(sheets: list[Path], tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch,
                                                        then: Any) -> None:
    read: list[int] = []
    real_load = hooks.load_stored

    def spy(conn: Any, ids: Any, *, text: bool = True) -> Any:
        if text:  # the touched proposals (text=False: the others a deadline concerns)
            read.extend(ids)
        return real_load(conn, ids, text=text)

    monkeypatch.setattr(hooks, "load_stored", spy)
    handed = _import(tmp_path / "handed.sqlite3", sheets, then=then)
    # read back: nothing, or the one proposal changed after the hand-over (a deadline
    # changes every proposal's caches, the new ones' from their handed-over facts)
    assert len(read) == (2 if then is _sign_one else 0)
    monkeypatch.setattr(hooks, "hand_over", lambda _session, _loaded: None)
    read_back = _import(tmp_path / "read.sqlite3", sheets, then=then)
    # the list columns were written with the rows: the refresh found nothing to change
    conn = sqlite3.connect(tmp_path / "handed.sqlite3")
    try:
        versions = {v for (v,) in conn.execute("SELECT version FROM proposal")}
        cache_updates = conn.execute(
            "SELECT count(*) FROM audit_log WHERE \"table\" = 'proposal' AND action = 'update'"
        ).fetchone()[0]
    finally:
        conn.close()
    if then is None:
        assert versions == {1} and cache_updates == 0
    assert handed.keys() == read_back.keys()
    assert {"proposal", "status_change", "search_fts", "search_grams_data"} <= handed.keys()
    assert len(handed["proposal"]) > 400
    for table in handed:
        assert handed[table] == read_back[table], table
