"""The import wizard beyond the happy path: a broken file is explained and nothing is saved,
an unrecognised header can be mapped and the sheet read again, the ledger goes out again."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QWizard
from sqlalchemy import func, select

from proposal_desk.gui import operations
from proposal_desk.storage.models import Proposal
from proposal_desk.storage.settings_store import load_settings

from .conftest import SAMPLES, Stand, wait_loaded


def _start(qtbot: Any, window: Any, path: Path) -> Any:
    wizard = window.open_import_wizard()
    wizard.file_page.path_edit.setText(str(path))
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.plan is not None or "数据库没有任何改变" in
                    wizard.plan_page.summary.text(), timeout=30000)
    qtbot.waitUntil(operations.idle, timeout=30000)
    return wizard


def _count(db: Any) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(Proposal)) or 0


def test_a_file_that_is_not_a_spreadsheet_is_explained(qtbot: Any, bureau_db: Any,
                                                       make_window: Any, tmp_path: Path) -> None:
    window = make_window(bureau_db)
    bad = tmp_path / "交办清单.xlsx"
    bad.write_text("这不是表格", encoding="utf-8")
    wizard = _start(qtbot, window, bad)
    text = wizard.plan_page.summary.text()
    assert "交办清单.xlsx" in text and "数据库没有任何改变" in text
    assert wizard.plan is None
    assert not wizard.button(QWizard.WizardButton.CommitButton).isEnabled()
    assert _count(bureau_db) == 0


def test_problems_in_the_sheet_block_the_import(qtbot: Any, bureau_db: Any, make_window: Any,
                                               tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "清单"
    sheet.append(["区政协十四届四次会议委员提案交办清单"])
    sheet.append(["提案号", "案由", "提案人", "主办单位", "交办日期"])
    sheet.append(["144001", "关于加快跨境电商发展的建议", "张三", "区商务局", "2025-03-18"])
    sheet.append(["144002", "关于促进夜间经济的建议", "李四", "区商务局", "2025-02-30"])
    path = tmp_path / "清单.xlsx"
    book.save(path)
    window = make_window(bureau_db)
    wizard = _start(qtbot, window, path)
    assert wizard.plan is not None and not wizard.plan.ok
    problems = wizard.plan_page.problems.text()
    assert "第4行" in problems and "E列" in problems
    assert not wizard.button(QWizard.WizardButton.CommitButton).isEnabled()
    assert _count(bureau_db) == 0


def test_an_unmatched_header_can_be_mapped(qtbot: Any, bureau_db: Any, make_window: Any,
                                           tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["提案号", "案由", "提案人", "主办单位", "交办日期", "具体经办同志"])
    sheet.append(["144001", "关于加快跨境电商发展的建议", "张三", "区商务局", "2025-03-18", "李明"])
    path = tmp_path / "台账.xlsx"
    book.save(path)
    window = make_window(bureau_db)
    wizard = _start(qtbot, window, path)
    page = wizard.plan_page
    assert page.mapping_box.isVisibleTo(wizard)
    assert page.mapping.item(0, 1).text() == "具体经办同志"
    box = page.mapping.cellWidget(0, 3)
    assert isinstance(box, QComboBox)
    box.setCurrentText("承办人")
    qtbot.mouseClick(page.replan_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.plan is not None and operations.idle(), timeout=30000)
    assert "具体经办同志」→承办人" in page.columns_label.text()
    assert not page.mapping_box.isVisibleTo(wizard)
    wizard.file_page.meeting_box.setCurrentText("区政协十四届四次会议")
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.CommitButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.result_page.done, timeout=30000)
    wait_loaded(qtbot, window)
    assert window.snapshot.rows[0].handler == "李明"


def test_the_bureau_typed_in_the_wizard_is_kept(qtbot: Any, db: Any, make_window: Any) -> None:
    window = make_window(db)
    wizard = window.open_import_wizard()
    wizard.file_page.name_edit.setText("区商务局")
    wizard.file_page.aliases_edit.setText("周村区商务局、商务局")
    wizard.file_page.path_edit.setText(str(SAMPLES / "assignments_2025.xlsx"))
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.plan is not None, timeout=30000)
    assert wizard.plan.counts["新增"] == 40
    with db.session() as s:
        assert load_settings(s).names == ()  # tried for the plan, not saved before 导入
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.CommitButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.result_page.done, timeout=30000)
    wait_loaded(qtbot, window)
    with db.session() as s:
        settings = load_settings(s)
    assert settings.names == ("区商务局", "周村区商务局", "商务局")
    assert wizard.settings_changed
    assert "区商务局" in window.windowTitle()


def test_cancelling_the_wizard_keeps_the_bureau(qtbot: Any, bureau_db: Any,
                                                make_window: Any) -> None:
    with bureau_db.session() as s:
        before = load_settings(s).names
    window = make_window(bureau_db)
    wizard = window.open_import_wizard()
    wizard.file_page.name_edit.setText("区商务局（改）")
    wizard.file_page.aliases_edit.setText("")
    wizard.file_page.path_edit.setText(str(SAMPLES / "assignments_2025.xlsx"))
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.plan is not None, timeout=30000)
    qtbot.waitUntil(operations.idle, timeout=30000)
    assert wizard.plan.counts["新增"] == 0  # the typed name was used for the plan
    wizard.reject()
    with bureau_db.session() as s:
        assert load_settings(s).names == before
    assert _count(bureau_db) == 0


def test_an_empty_bureau_name_is_refused_on_the_first_page(
        qtbot: Any, bureau_db: Any, make_window: Any, monkeypatch: Any) -> None:
    from proposal_desk.gui import messages

    warnings: list[str] = []
    monkeypatch.setattr(messages, "warn", lambda _p, text, **_k: warnings.append(text))
    window = make_window(bureau_db)
    wizard = window.open_import_wizard()
    wizard.file_page.name_edit.setText("")
    wizard.file_page.path_edit.setText(str(SAMPLES / "assignments_2025.xlsx"))
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    assert wizard.currentPage() is wizard.file_page
    assert len(warnings) == 1
    assert "本单位名称" in warnings[0] and "proposal-desk" not in warnings[0]
    wizard.reject()
    with bureau_db.session() as s:
        assert load_settings(s).name == "区商务局"


def test_the_ledger_goes_out_to_excel(qtbot: Any, bureau_db: Any, make_window: Any,
                                      tmp_path: Path, stand: Stand) -> None:
    window = make_window(bureau_db)
    wizard = _start(qtbot, window, SAMPLES / "ledger_2024.xlsx")
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.CommitButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.result_page.done, timeout=30000)
    wait_loaded(qtbot, window)
    assert _count(bureau_db) == 19
    stand.save_path = tmp_path / "台账2024.xlsx"
    window.export_action.trigger()
    qtbot.waitUntil(lambda: stand.save_path.exists() and operations.idle(), timeout=30000)
    cells = {str(c) for row in openpyxl.load_workbook(stand.save_path).active.iter_rows(
        values_only=True) for c in row if c is not None}
    with bureau_db.session() as s:
        titles = set(s.scalars(select(Proposal.title)))
    assert len(titles) == 19 and titles <= cells


def _prefixes(db: Any) -> tuple[str, str]:
    with db.session() as s:
        settings = load_settings(s)
    return settings.doc_prefix, settings.opinion_prefix


def test_the_document_number_prefixes_are_saved_with_the_import(
        qtbot: Any, bureau_db: Any, make_window: Any) -> None:
    window = make_window(bureau_db)
    wizard = window.open_import_wizard()
    page = wizard.file_page
    assert (page.doc_prefix_edit.text(), page.opinion_prefix_edit.text()) == ("", "")
    page.doc_prefix_edit.setText(" 周商函 ")
    page.opinion_prefix_edit.setText("周商会办")
    page.path_edit.setText(str(SAMPLES / "assignments_2025.xlsx"))
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.plan is not None, timeout=30000)
    qtbot.waitUntil(operations.idle, timeout=30000)
    assert _prefixes(bureau_db) == ("", "")  # tried with the plan, not saved before 导入
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.CommitButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.result_page.done, timeout=30000)
    wait_loaded(qtbot, window)
    assert _prefixes(bureau_db) == ("周商函", "周商会办")
    assert wizard.settings_changed


def test_cancelling_the_wizard_keeps_the_prefixes(qtbot: Any, bureau_db: Any,
                                                  make_window: Any) -> None:
    window = make_window(bureau_db)
    wizard = window.open_import_wizard()
    wizard.file_page.doc_prefix_edit.setText("周商函")
    wizard.file_page.opinion_prefix_edit.setText("周商会办")
    wizard.file_page.path_edit.setText(str(SAMPLES / "assignments_2025.xlsx"))
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.plan is not None, timeout=30000)
    qtbot.waitUntil(operations.idle, timeout=30000)
    wizard.reject()
    assert _prefixes(bureau_db) == ("", "")
    assert _count(bureau_db) == 0


def test_the_plan_says_what_the_bureau_leads_and_whose_deadline_the_sheet_has(
        qtbot: Any, bureau_db: Any, make_window: Any) -> None:
    window = make_window(bureau_db)
    wizard = _start(qtbot, window, SAMPLES / "assignments_2025.xlsx")
    text = wizard.plan_page.roles.text()
    assert "新增的提案中，本单位主办15件、协办25件" in text
    assert "表中的办理时限（2025年6月17日）是主办单位答复提案的时限" in text
    assert wizard.plan_page.roles.isVisibleTo(wizard)
    wizard.reject()


def test_a_ledger_shows_no_deadline_note(qtbot: Any, bureau_db: Any, make_window: Any) -> None:
    window = make_window(bureau_db)
    wizard = _start(qtbot, window, SAMPLES / "ledger_2024.xlsx")
    assert wizard.plan_page.roles.text() == "新增的提案中，本单位主办8件、协办6件、会办5件"
    wizard.reject()


def test_a_warning_is_said_on_its_row_only(qtbot: Any, bureau_db: Any, make_window: Any,
                                           tmp_path: Path) -> None:
    from preview_support import unsatisfied_ledger

    window = make_window(bureau_db)
    wizard = _start(qtbot, window, unsatisfied_ledger(tmp_path / "台账.xlsx"))
    page = wizard.plan_page
    assert [w.row for w in wizard.plan.warnings] == [3, 8]
    reasons = {page.model.cell(n, 0): page.model.cell(n, 5)
               for n in range(page.model.rowCount())}
    message = wizard.plan.warnings[0].message
    assert message not in page.summary.text()
    assert [row for row, text in reasons.items() if message in text] == ["3", "8"]
    wizard.reject()


def test_a_registered_proposal_the_list_no_longer_names_us_in_is_said_apart(
        qtbot: Any, bureau_db: Any, make_window: Any, tmp_path: Path) -> None:
    from sheet_support import run_import
    from test_import_no_longer_ours import not_ours

    run_import(bureau_db, SAMPLES / "assignments_2025.xlsx")
    window = make_window(bureau_db)
    wizard = _start(qtbot, window, not_ours(tmp_path))
    text = wizard.plan_page.roles.text()
    assert ("注意：第144009号已在本单位台账中（待签收），新名单未列本单位：未作改动，"
            "请与提案委核实") in text
    assert wizard.plan_page.roles.isVisibleTo(wizard)
    wizard.reject()
