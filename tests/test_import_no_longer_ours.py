"""A proposal already in our register whose new list no longer names our unit is said apart,
per proposal, not only counted among the 未列本单位 skips; nothing in the register changes
(newcomer's try-out 4: 144009, already answered, was one of 121 skips)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import openpyxl
from sheet_support import ASSIGNMENTS, cli, dump, plan, run_import

from proposal_desk.services import handling, import_summary
from proposal_desk.services.queries import find_proposal

SAID = "第144009号已在本单位台账中（已答复），新名单未列本单位：未作改动，请与提案委核实"


def not_ours(tmp_path: Path, number: str = "144009") -> Path:
    """The sample list with `number` assigned to 区财政局 alone."""
    wb = openpyxl.load_workbook(ASSIGNMENTS)
    ws = wb.active
    for row in ws.iter_rows(min_row=3):
        if row[1].value == number:
            row[6].value = "区财政局"
            row[7].value = None
    path = tmp_path / "changed.xlsx"
    wb.save(path)
    return path


def _answered(db: Any) -> None:
    run_import(db, ASSIGNMENTS)
    with db.transaction() as s:
        p = find_proposal(s, "144009")
        handling.save_reply(s, p, text="答复正文", category="A", sent_on=dt.date(2025, 6, 10))


def test_the_plan_names_it_apart_and_nothing_changes(bureau_db: Any, tmp_path: Path) -> None:
    _answered(bureau_db)
    changed = not_ours(tmp_path)
    p = plan(bureau_db, changed)
    assert [(u.number, u.status, u.meeting) for u in p.no_longer_ours] == [
        ("144009", "已答复", "区政协十四届四次会议")]
    assert p.no_longer_ours[0].message == SAID
    row = p.no_longer_ours[0].row
    assert import_summary.no_longer_ours(p) == [f"注意：{SAID}（表格第{row}行）"]
    skipped = [r for r in p.rows if r.number == "144009"]
    assert [r.action.value for r in skipped] == ["跳过"]
    assert p.to_json()["no_longer_ours"] == [{
        "row": p.no_longer_ours[0].row, "number": "144009", "meeting": "区政协十四届四次会议",
        "kind": "提案", "status": "已答复", "message": SAID}]
    before = dump(bureau_db)
    run_import(bureau_db, changed)
    assert dump(bureau_db) == before  # skipped: nothing changed (144009 is the only change)


def test_a_first_import_names_none(bureau_db: Any) -> None:
    p = plan(bureau_db, ASSIGNMENTS)
    assert p.no_longer_ours == [] and p.to_json()["no_longer_ours"] == []


def test_the_command_line_says_it_and_json_has_the_new_key(bureau_db: Any,
                                                           tmp_path: Path) -> None:
    _answered(bureau_db)
    changed = not_ours(tmp_path)
    status, out, err = cli(bureau_db, "import", str(changed), "--dry-run")
    assert status == 0, err
    assert f"注意：{SAID}" in out
    status, out, err = cli(bureau_db, "import", str(changed), "--dry-run", "--json")
    assert status == 0, err
    data = json.loads(out)
    assert [u["number"] for u in data["no_longer_ours"]] == ["144009"]
    assert data["counts"]["跳过"] == 121  # still counted among the skips, as before
