"""The window's database folds its write-ahead log into the file after every save, so a copy
of proposal-desk.sqlite3 alone, taken while the program is open, holds every saved change
(walkthrough F9)."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from safety_support import add_proposal
from sqlalchemy import select

from proposal_desk.storage.database import Database
from proposal_desk.storage.models import Proposal


def _numbers_in_copy(path: Path, tmp_path: Path) -> list[str]:
    copy = tmp_path / "copy" / "u盘.sqlite3"
    copy.parent.mkdir(exist_ok=True)
    shutil.copyfile(path, copy)  # the main file only, as a clerk drags it to a USB stick
    conn = sqlite3.connect(copy)
    try:
        return [n for (n,) in conn.execute("SELECT number FROM proposal ORDER BY number")]
    except sqlite3.OperationalError:  # not even the tables: everything was in the -wal file
        return []
    finally:
        conn.close()


def test_a_copy_of_the_file_alone_holds_every_save_while_open(tmp_path: Path) -> None:
    path = tmp_path / "proposal-desk.sqlite3"
    db = Database(f"sqlite:///{path}", lock=True)
    try:
        add_proposal(db, "144009")
        add_proposal(db, "144012", attachment=b"%PDF-1.4 scan" * 1000)
        assert _numbers_in_copy(path, tmp_path) == ["144009", "144012"]
        with db.session() as s:
            s.execute(select(Proposal.id)).all()
            # A reader's older snapshot holds back the pages written after it (PASSIVE never
            # waits); the save itself is not hindered,
            add_proposal(db, "144020")
        assert _numbers_in_copy(path, tmp_path) == ["144009", "144012"]
        # and the next save, the reader gone, folds them all.
        add_proposal(db, "144021")
        assert _numbers_in_copy(path, tmp_path) == ["144009", "144012", "144020", "144021"]
    finally:
        db.dispose()


def test_a_database_opened_without_the_lock_leaves_the_log_alone(tmp_path: Path) -> None:
    # Reading commands and tests open without the lock: they must not checkpoint a file that
    # the window owns.
    path = tmp_path / "proposal-desk.sqlite3"
    db = Database(f"sqlite:///{path}")
    try:
        add_proposal(db, "144009")
        assert (tmp_path / "proposal-desk.sqlite3-wal").stat().st_size > 0
        assert _numbers_in_copy(path, tmp_path) == []
    finally:
        db.dispose()
