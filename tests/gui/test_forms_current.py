"""The compiled Designer forms are what `scripts/build_ui.py` makes of ui/*.ui today."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _build_ui() -> object:
    spec = importlib.util.spec_from_file_location("build_ui", ROOT / "scripts" / "build_ui.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_ui_file_has_a_current_compiled_form() -> None:
    build_ui = _build_ui()
    ui_files = sorted((ROOT / "ui").glob("*.ui"))
    assert len(ui_files) >= 10
    assert build_ui.stale_forms() == [], "run: .venv/bin/python scripts/build_ui.py"  # type: ignore[attr-defined]


def test_forms_build_with_the_program_widgets(qtbot: object) -> None:
    from PySide6.QtWidgets import QDialog, QWidget

    from proposal_desk.gui.forms import ui_record_dialog, ui_settings_dialog
    from proposal_desk.gui.widgets.date_field import DateField
    from proposal_desk.gui.widgets.file_drop import FileDropList

    dialog = QDialog()
    form = ui_record_dialog.Ui_RecordDialog()
    form.setupUi(dialog)
    assert isinstance(form.dateField, DateField)
    assert isinstance(form.attachmentList, FileDropList)
    settings = QDialog()
    ui_settings_dialog.Ui_SettingsDialog().setupUi(settings)
    assert settings.findChild(QWidget, "categoryTable") is not None
