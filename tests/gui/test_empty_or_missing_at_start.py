"""The window on an empty (0-byte) database file, or on a missing one whose backups exist: the
damaged-database dialog, worded for what was found, offers the newest good backup; quitting
leaves the file as it was; never the first-start page on a new empty database."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

import pytest
from safety_support import add_proposal, numbers

from proposal_desk.gui.app import EXIT_OPEN_FAILED, run_gui
from proposal_desk.gui.database_open import (
    DamagedDatabaseDialog,
    backup_folder,
    open_database,
    open_with_recovery,
)
from proposal_desk.storage.backup import REASON_MANUAL, make_backup

from .test_database_open import answer


def _office(tmp_path: Path, kind: str) -> dict[str, Any]:
    data = tmp_path / "data"
    path = tmp_path / "office.sqlite3"
    url = f"sqlite:///{path}"
    db = open_database(url, data)
    add_proposal(db, "144009")
    db.dispose()
    good = make_backup(path, backup_folder(url, data), REASON_MANUAL)
    if kind == "empty":
        path.write_bytes(b"")
    else:
        path.unlink()
    return {"url": url, "data": data, "path": path, "good": good}


@pytest.mark.parametrize(("kind", "heading"), [("empty", "文件是空的"),
                                               ("missing", "找不到数据库文件")])
def test_the_dialog_offers_the_backup_and_restores_it(qapp: Any, tmp_path: Path, kind: str,
                                                      heading: str) -> None:
    office = _office(tmp_path, kind)
    seen: dict[str, str] = {}

    def restore(dialog: DamagedDatabaseDialog) -> None:
        ui = dialog.ui
        seen.update(heading=ui.headingLabel.text(), explain=ui.explainLabel.text(),
                    backup=ui.backupLabel.text())
        ui.restoreButton.click()

    answer(DamagedDatabaseDialog, restore)
    opened = open_with_recovery(office["url"], office["data"])
    assert opened is not None
    opened.db.dispose()
    assert heading in seen["heading"] and "没有" in seen["explain"]
    assert office["good"].label in seen["backup"]
    assert "损坏的原文件" not in seen["backup"]  # nothing to keep aside
    assert numbers(office["path"]) == ["144009"]


@pytest.mark.parametrize("kind", ["empty", "missing"])
def test_quitting_the_start_leaves_the_file_as_it_was(qapp: Any, tmp_path: Path,
                                                      kind: str) -> None:
    office = _office(tmp_path, kind)
    answer(DamagedDatabaseDialog, lambda d: d.ui.quitButton.click())
    args = argparse.Namespace(db=str(office["path"]), demo=False, smoke_test=False)
    assert run_gui(args) == EXIT_OPEN_FAILED
    if kind == "empty":
        assert office["path"].read_bytes() == b""
    else:
        assert not office["path"].exists()
