"""`proposal-desk restore SRC`: replace the database with a backup, after backing it up.

SRC is a backup file; a bare file name is also looked up in the backup folder. The backup is
checked before anything changes; the current database is copied into the backup folder first
(a damaged one byte for byte), so a restore can itself be undone.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from proposal_desk import paths
from proposal_desk.cli.context import backup_dir
from proposal_desk.storage.backup import restore_database
from proposal_desk.storage.database import Database, sqlite_file
from proposal_desk.storage.errors import UserError
from proposal_desk.storage.instance_lock import InstanceLock
from proposal_desk.storage.integrity import check_database


def run(args: argparse.Namespace) -> int:
    url = paths.database_url(args.db, demo=getattr(args, "demo", False))
    target = sqlite_file(url)
    if target is None:
        raise UserError("共享的服务器数据库不能用此命令整体恢复（会覆盖所有同事的数据）。"
                        "请由数据库管理员恢复，或用 --db 指向一个数据库文件。")
    folder = backup_dir(args)
    source = _find(args.src, folder)
    with InstanceLock.for_database(target):
        result = restore_database(target, source, folder)
        db = Database(url, backup_dir=folder, lock=True, backup_on_open=False)
        try:
            report = check_database(db.engine, str(target))
        finally:
            db.dispose()
    if result.previous:
        print(f"恢复前的数据已备份到 {result.previous.path}")
    print(f"已从 {source} 恢复到 {target}")
    for line in report.lines():
        print(line)
    return 0 if report.ok else 1


def _find(src: str, folder: Path) -> Path:
    path = Path(src).expanduser()
    if not path.exists() and not path.is_absolute() and (folder / path).exists():
        return folder / path
    return path
