"""A handling rule's refusal while an import writes a row names the file, sheet and row."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from proposal_desk.sheets import ImportOptions, SheetError, apply_import, importer, plan_import
from proposal_desk.storage.database import Database
from proposal_desk.storage.errors import UserError
from proposal_desk.storage.settings_store import set_value


def test_a_refusal_while_writing_a_new_row_names_its_row(db: Database, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "台账.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["提案号", "案由", "提案人", "办理方式", "主办单位", "交办日期"])
    ws.append(["1", "关于夜间经济的建议", "王伟", "主办", "区商务局", dt.date(2024, 3, 1)])
    ws.append(["2", "关于老字号的建议", "李娜", "主办", "区商务局", dt.date(2024, 3, 1)])
    wb.save(path)
    with db.transaction() as s:
        set_value(s, "bureau.name", "区商务局")
    with db.session() as s:
        plan = plan_import(s, path, ImportOptions(year=2024))
    create = importer.create

    def refusing(meeting: object, rd: importer.RowData, *args: object) -> int:
        if rd.number == "2":
            raise UserError("不行")
        return create(meeting, rd, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(importer, "create", refusing)
    with pytest.raises(SheetError) as caught, db.transaction() as s:
        apply_import(s, plan)
    assert "不行" in str(caught.value) and caught.value.problem.row == 3
    with db.session() as s:  # nothing written
        assert s.connection().exec_driver_sql("SELECT count(*) FROM proposal").scalar() == 0
