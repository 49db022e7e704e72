"""Helpers for the spreadsheet tests: sample paths, sheets written on the fly, a full dump of
every table (to prove a refused import changed nothing), and the command line in-process."""

from __future__ import annotations

import contextlib
import io
import json
import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import openpyxl
from sqlalchemy import func, select

SAMPLES = Path(__file__).resolve().parents[2] / "shared" / "samples"
ASSIGNMENTS = SAMPLES / "assignments_2025.xlsx"
LEDGER = SAMPLES / "ledger_2024.xlsx"
DATA = Path(__file__).resolve().parent / "data" / "sheets"

LEDGER_HEADER = ["提案号", "案由", "提案人", "办理方式", "主办单位", "承办科室", "承办人",
                 "交办日期", "办理时限", "答复日期", "答复类别", "委员意见", "沟通方式", "备注"]


def write_sheet(path: Path, rows: Sequence[Sequence[Any]], *, title: str | None = None,
                sheet: str = "Sheet1", merges: Sequence[str] = ()) -> Path:
    """An .xlsx with an optional title row above `rows` (the first of which is the header)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    if title is not None:
        ws.append([title])
    for row in rows:
        ws.append(list(row))
    for rng in merges:
        ws.merge_cells(rng)
    wb.save(path)
    return path


def ledger_rows(*rows: Sequence[Any]) -> list[list[Any]]:
    return [list(LEDGER_HEADER), *[list(r) + [""] * (len(LEDGER_HEADER) - len(r)) for r in rows]]


def dump(db: Any) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table (search index included), to compare before and after."""
    path = db.sqlite_path
    conn = sqlite3.connect(path)
    try:
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        return {t: sorted(conn.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr)
                for t in tables}
    finally:
        conn.close()


def audit_count(db: Any) -> int:
    from proposal_desk.storage.models import AuditEntry

    with db.session() as s:
        return int(s.scalar(select(func.count()).select_from(AuditEntry)) or 0)


def cli(db: Any, *args: str) -> tuple[int, str, str]:
    """Run `proposal-desk --db … ARGS` in this process; returns (status, stdout, stderr)."""
    from proposal_desk.cli.main import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(["--db", str(db.sqlite_path), *args])
    return status, out.getvalue(), err.getvalue()


def list_json(db: Any) -> list[dict[str, Any]]:
    status, out, err = cli(db, "list", "--json")
    assert status == 0, err
    return json.loads(out)


def plan(db: Any, path: Path, **options: Any) -> Any:
    from proposal_desk.sheets import ImportOptions, plan_import

    with db.session() as s:
        return plan_import(s, path, ImportOptions(**options))


def run_import(db: Any, path: Path, **options: Any) -> Any:
    from proposal_desk.sheets import ImportOptions, import_file

    return import_file(db, path, ImportOptions(**options))
