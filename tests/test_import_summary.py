"""The import preview says how many of the new proposals the bureau leads and assists, and
that the sheet's 办理时限 of assisted ones is the lead unit's, not the bureau's."""

from __future__ import annotations

from pathlib import Path

import pytest
from preview_support import unsatisfied_ledger
from sheet_support import ASSIGNMENTS, LEDGER, cli

from proposal_desk.services.import_summary import due_notes, role_split
from proposal_desk.sheets.importer import ImportOptions, plan_import
from proposal_desk.storage.database import Database


def test_the_assignment_list_is_split_by_role_and_its_due_date_explained(
        bureau_db: Database) -> None:
    with bureau_db.session() as s:
        plan = plan_import(s, ASSIGNMENTS, ImportOptions())
    assert role_split(plan) == "新增的提案中，本单位主办15件、协办25件"
    [note] = due_notes(plan)
    assert "表中的办理时限（2025年6月17日）是主办单位答复提案的时限" in note
    assert "本单位协办25件按协办/会办意见的时限计算" in note
    status, out, _err = cli(bureau_db, "import", str(ASSIGNMENTS), "--dry-run")
    assert status == 0
    assert "  新增的提案中，本单位主办15件、协办25件\n" in out and note in out


def test_a_ledger_keeps_its_own_dates(bureau_db: Database) -> None:
    with bureau_db.session() as s:
        plan = plan_import(s, LEDGER, ImportOptions())
    assert role_split(plan) == "新增的提案中，本单位主办8件、协办6件、会办5件"
    assert due_notes(plan) == []



def test_the_preview_says_each_warning_once(bureau_db: Database, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    from proposal_desk.cli import cmd_import

    sheet = unsatisfied_ledger(tmp_path / "台账.xlsx")
    with bureau_db.session() as s:
        plan = plan_import(s, sheet, ImportOptions())
    assert [w.row for w in plan.warnings] == [3, 8]
    message = plan.warnings[0].message
    status, out, _err = cli(bureau_db, "import", str(sheet), "--dry-run")
    assert status == 0
    assert out.count(message) == 2  # once on each of the two rows
    assert "说明：" not in out
    # An import lists only its first rows: the warning of a row left out stays as 说明.
    monkeypatch.setattr(cmd_import, "ROWS_SHOWN", 3)
    status, out, _err = cli(bureau_db, "import", str(sheet))
    assert status == 0
    assert out.count(message) == 2
    assert f"  第3行 143002 新增 主办  关于第2件事的建议（{message}）" in out
    assert [line for line in out.splitlines() if line.startswith("说明：")] == [
        f"说明：{plan.warnings[1]}"]

def test_the_preview_counts_follow_their_heading_without_a_gap(bureau_db: Database,
                                                              tmp_path: Path) -> None:
    sheet = unsatisfied_ledger(tmp_path / "台账.xlsx")
    status, out, _err = cli(bureau_db, "import", str(sheet), "--dry-run")
    assert status == 0
    assert "\n将要：新增 8\n" in out
