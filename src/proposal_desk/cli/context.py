"""What every command needs: the database the flags point at, opened and migrated."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from proposal_desk import paths
from proposal_desk.storage.backup import backup_dir_for
from proposal_desk.storage.database import Database, sqlite_file


def open_database(args: argparse.Namespace, *, write: bool = True) -> Database:
    """Commands that write hold the instance lock: with the window (or another command) writing
    the same SQLite file they stop with a message naming who has it (no two writers on one
    file). Commands that only read (`write=False`) take no lock and make no backup: WAL lets
    them read beside the open window, so scripts keep working while the clerk works."""
    url = paths.database_url(args.db, demo=getattr(args, "demo", False))
    db = Database(url, backup_dir=backup_dir(args), lock=write, backup_on_open=write)
    if db.backup_problem:  # the command goes on; the user should still know
        print(f"警告：打开时的自动备份没有完成：{db.backup_problem}", file=sys.stderr)
    return db


def backup_dir(args: argparse.Namespace) -> Path:
    """Backups live beside the database they copy (see storage.backup.backup_dir_for)."""
    url = paths.database_url(args.db, demo=getattr(args, "demo", False))
    path = sqlite_file(url)
    return backup_dir_for(path) if path else paths.data_dir() / "backups-server"
