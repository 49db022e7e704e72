#!/usr/bin/env python3
"""Screenshots of the window for the README, on the demo year, with a real CJK font.

    xvfb-run -a -s "-screen 0 1600x1000x24" env FONTCONFIG_FILE=$PWD/resources/fonts/fonts.conf \
        .venv/bin/python scripts/take_screenshots.py [OUTPUT_DIR]

Writes first_start.png, dashboard.png, main_window.png, detail_reply.png, record_dialog.png,
import_wizard.png, settings.png, report_texts.png, conflict_dialog.png, backups.png,
restore_confirm.png and damaged_database.png into docs/screenshots/ (or OUTPUT_DIR), from a
throwaway data folder filled with the demo year.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

Shoot = Callable[[Any, str], None]
Pump = Callable[..., None]

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT.parent / "shared" / "samples"


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    os.environ["PROPOSAL_DESK_DATA"] = tempfile.mkdtemp(prefix="pd-shots-")
    os.environ.setdefault("FONTCONFIG_FILE", str(ROOT / "resources" / "fonts" / "fonts.conf"))

    from PySide6.QtCore import QCoreApplication, QEventLoop, Qt
    from PySide6.QtWidgets import QWidget

    from proposal_desk import paths
    from proposal_desk.demo import fill_demo
    from proposal_desk.gui import operations
    from proposal_desk.gui.app import make_application, open_database
    from proposal_desk.gui.context import AppContext
    from proposal_desk.gui.layout_store import LayoutStore
    from proposal_desk.gui.main_window import MainWindow
    from proposal_desk.gui.navigation import DASHBOARD, Target

    make_application()
    folder = paths.data_dir()
    db = open_database(paths.database_url(), folder)
    ctx = AppContext(db=db, layout=LayoutStore(folder), data_folder=folder)
    ctx.refresh_lookups()
    window = MainWindow(ctx)
    window.resize(1600, 1000)
    window.show()

    def pump(seconds: float = 0.3, until: Callable[[], bool] | None = None) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end or (until is not None and not until()):
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
            if until is not None and until() and time.monotonic() >= end:
                break
            time.sleep(0.01)

    def shoot(widget: QWidget, name: str) -> None:
        pump(0.4)
        widget.grab().save(str(out / name))
        sys.stdout.write(f"wrote {out / name}\n")

    window.reload()
    pump(0.5, until=lambda: window.snapshot is not None and operations.idle())
    shoot(window, "first_start.png")  # an empty database: the three first steps

    fill_demo(db)
    window.snapshot = None
    window.reload()
    pump(0.5, until=lambda: window.snapshot is not None and operations.idle())

    window.show_target(DASHBOARD)
    shoot(window, "dashboard.png")

    window.show_target(Target("view", "lead"))
    pump(0.3)
    rows = window.list_pane.model.visible_rows()
    chosen = next((r for r in rows if r.key and r.status == "办理中"), None) or next(
        (r for r in rows if r.status == "办理中"), rows[0])
    window.list_pane.select_id(chosen.id)
    pump(0.3)
    shoot(window, "main_window.png")

    answered = next((r for r in rows if r.status in ("已办结", "已答复") and r.category), rows[0])
    window.list_pane.select_id(answered.id)
    window.detail.tabs.setCurrentWidget(window.detail.reply)
    shoot(window, "detail_reply.png")

    window.list_pane.select_id(chosen.id)
    window.detail.tabs.setCurrentWidget(window.detail.records)
    pump(0.2)
    dialog = window.detail.records.new_record()
    assert dialog is not None
    ui = dialog.ui
    ui.methodBox.setCurrentText("上门面商")
    ui.stageBox.setCurrentText("办中")
    ui.placeEdit.setText("委员所在企业会议室")
    ui.ourEdit.setText("分管副局长刘建国、电子商务科李明")
    ui.attitudeEdit.setText("对办理思路表示认可，希望加快落实")
    ui.contentEdit.setPlainText(
        "到委员所在企业面商提案办理思路：一是通报今年已出台的扶持政策和已开展的工作；"
        "二是听取委员对下一步工作的具体建议；三是商定答复前再次座谈，通报办理进展。")
    minutes = Path(os.environ["PROPOSAL_DESK_DATA"]) / "面商纪要.pdf"
    minutes.write_bytes(b"%PDF-1.4\n" + b"0" * 180_000)
    photo = Path(os.environ["PROPOSAL_DESK_DATA"]) / "现场照片.jpg"
    photo.write_bytes(b"\xff\xd8\xff" + b"0" * 1_250_000)
    dialog.add_files([minutes, photo])
    dialog.resize(680, 640)
    shoot(dialog, "record_dialog.png")
    dialog.reject()

    wizard = window.open_import_wizard()
    if wizard is not None and (SAMPLES / "assignments_2025.xlsx").is_file():
        wizard.resize(1100, 760)
        wizard.file_page.path_edit.setText(str(SAMPLES / "assignments_2025.xlsx"))
        wizard.next()
        pump(0.5, until=lambda: wizard.plan is not None and operations.idle())
        shoot(wizard, "import_wizard.png")
        wizard.reject()

    dialog = window.open_settings()
    dialog.resize(820, 600)
    shoot(dialog, "settings.png")
    dialog.reject()

    shoot_report_texts(window, shoot, pump)
    shoot_conflict(window, shoot, pump)
    shoot_backups(window, shoot, pump, out)
    shoot_damaged(db.sqlite_path, out, pump)

    window.close()
    operations.wait_all()
    db.dispose()
    _ = Qt
    return 0


def shoot_report_texts(window: Any, shoot: Shoot, pump: Pump) -> None:
    """编写年度报告文字, the first time for the year: last year's texts and the figures."""
    from proposal_desk.gui import operations

    dialog = window.documents.report()  # no texts saved for the year: the editor comes first
    dialog.resize(900, 640)
    pump(0.3, until=lambda: dialog.draft is not None and operations.idle())
    dialog.ui.sectionTabs.setCurrentWidget(dialog.ui.practiceTab)
    shoot(dialog, "report_texts.png")
    dialog.ui.sectionTabs.setCurrentWidget(dialog.ui.basicTab)
    shoot(dialog, "report_texts_figures.png")
    dialog.done(0)


def shoot_conflict(window: Any, shoot: Shoot, pump: Pump) -> None:
    """A colleague saved the proposal first: both versions, field by field."""
    from proposal_desk.services import handling
    from proposal_desk.services.queries import load_proposal
    from proposal_desk.storage.conflicts import claim_proposal

    detail = window.detail
    pid = detail.proposal_id
    db = window.ctx.db
    db.user, me = "王丽", db.user
    with db.transaction() as s:
        claim_proposal(s, pid, load_proposal(s, pid).version)
        p = load_proposal(s, pid)
        p.supervisor = "区政府副区长 孙立新"
        handling.save_reply(s, p, category="A",
                            text="一、基本情况\n我局高度重视，会同区发改局赴企业调研三次。")
    db.user = me
    detail.basic.ui.notesEdit.setPlainText("5月9日已与委员电话确认面商时间。")
    detail.reply.reply.textEdit.setPlainText(
        "一、基本情况\n我局认真研究，召开专题会议两次。\n二、下一步工作\n加快出台扶持政策。")
    detail.save()
    dialog = detail.conflict_dialog
    dialog.resize(900, 600)
    pump(0.3)
    shoot(dialog, "conflict_dialog.png")
    dialog.ui.takeTheirsButton.click()
    pump(0.5)


def shoot_backups(window: Any, shoot: Shoot, pump: Pump, out: Path) -> None:
    """设置 › 数据与备份 with the list of backups, and the question before a restore."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from proposal_desk.storage.backup import REASON_MANUAL, make_backup

    db = window.ctx.db
    make_backup(db.sqlite_path, db.backup_dir, REASON_MANUAL)
    dialog = window.open_settings("data")
    dialog.resize(820, 600)
    dialog.ui.backupList.setCurrentRow(0)
    shoot(dialog, "backups.png")

    def answer_no() -> None:
        box = next((w for w in QApplication.topLevelWidgets()
                    if isinstance(w, QMessageBox) and w.isVisible()), None)
        if box is None:
            QTimer.singleShot(50, answer_no)
            return
        pump(0.4)
        box.grab().save(str(out / "restore_confirm.png"))
        sys.stdout.write(f"wrote {out / 'restore_confirm.png'}\n")
        next(b for b in box.buttons() if b.text() == "取消").click()

    QTimer.singleShot(0, answer_no)
    dialog.restore_selected()
    dialog.reject()


def shoot_damaged(source: Path, out: Path, pump: Pump) -> None:
    """The dialog at start when the database file is damaged, with a good backup offered."""
    import tempfile

    from proposal_desk.gui.database_open import DamagedDatabaseDialog, open_database
    from proposal_desk.storage.backup import REASON_OPEN, backup_dir_for, backup_file, make_backup
    from proposal_desk.storage.integrity import DamagedDatabaseError

    folder = Path(tempfile.mkdtemp(prefix="pd-damaged-"))
    path = backup_file(source, folder / "proposal-desk.sqlite3")  # a consistent copy
    make_backup(path, backup_dir_for(path), REASON_OPEN)
    size = path.stat().st_size
    with path.open("r+b") as fh:  # scribble over page headers, as a failing disk does
        for page in range(1, size // 4096, 3):
            fh.seek(page * 4096)
            fh.write(b"\xff" * 64)
    try:
        open_database(f"sqlite:///{path}", folder).dispose()
    except DamagedDatabaseError as exc:
        dialog = DamagedDatabaseDialog(exc, backup_dir_for(path))
        dialog.resize(700, 520)
        dialog.show()
        pump(0.4)
        dialog.grab().save(str(out / "damaged_database.png"))
        sys.stdout.write(f"wrote {out / 'damaged_database.png'}\n")
        dialog.done(0)


if __name__ == "__main__":
    sys.exit(main())
