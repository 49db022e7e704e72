"""What every command needs: the database the flags point at, opened and migrated."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from proposal_desk import paths
from proposal_desk.storage.backup import backup_dir_for
from proposal_desk.storage.database import Database, sqlite_file
from proposal_desk.storage.errors import UserError


def open_database(args: argparse.Namespace, *, write: bool = True) -> Database:
    """Commands that write hold the instance lock: with the window (or another command) writing
    the same SQLite file they stop with a message naming who has it (no two writers on one
    file). Commands that only read (`write=False`) take no lock, make no backup and write
    nothing (not even the list columns new rules would recompute): WAL lets them read beside
    the open window, so scripts keep working while the clerk works."""
    url = paths.database_url(args.db, demo=getattr(args, "demo", False))
    if not write:
        refuse_missing_named_file(args, url)
    db = Database(url, backup_dir=backup_dir(args), lock=write, backup_on_open=write,
                  follow_rules=write)
    if db.backup_problem:  # the command goes on; the user should still know
        print(f"警告：打开时的自动备份没有完成：{db.backup_problem}", file=sys.stderr)
    if db.rules_problem:
        print("警告：按本版办理规则重新计算列表中的状态、办理时限等没有完成"
              f"（{db.rules_problem}），下次打开时会再试。", file=sys.stderr)
    return db


def refuse_missing_named_file(args: argparse.Namespace, url: str) -> None:
    """A read of a database the user named (--db or PROPOSAL_DESK_DB) that does not exist is
    a mistyped path: opening it would quietly make an empty database (and its folders) and
    answer 共 0 件. The default database of a fresh data folder still opens empty."""
    named = args.db or (None if getattr(args, "demo", False) else os.environ.get(paths.ENV_DB))
    path = sqlite_file(url) if named else None
    if path is not None and not path.exists() and not _under_a_file(path):
        raise UserError(f"数据库文件「{path}」不存在。请检查 --db 的路径"
                        "（新的数据库由 import、config 或 demo 建立）。")


def _under_a_file(path: Path) -> bool:
    """A path through a file (台账.xlsx/x.sqlite3): Database names that more exactly."""
    nearest = next((parent for parent in path.parents if parent.exists()), None)
    return nearest is not None and not nearest.is_dir()


def backup_dir(args: argparse.Namespace) -> Path:
    """Backups live beside the database they copy (see storage.backup.backup_dir_for)."""
    url = paths.database_url(args.db, demo=getattr(args, "demo", False))
    path = sqlite_file(url)
    return backup_dir_for(path) if path else paths.data_dir() / "backups-server"
