"""`proposal-desk check`: integrity, foreign keys, attachment hashes, schema revision, search
index and list caches. Reads only, so it is safe on a damaged file and while the window is open.
Exit status 0 when everything is sound, 1 when problems were found."""

from __future__ import annotations

import argparse

from sqlalchemy import create_engine

from proposal_desk import paths
from proposal_desk.cli.context import backup_dir
from proposal_desk.storage.backup import newest_good_backup
from proposal_desk.storage.database import make_engine, sqlite_file
from proposal_desk.storage.errors import UserError
from proposal_desk.storage.integrity import (
    EMPTY_FILE,
    CheckReport,
    check_database,
    is_empty_file,
    quick_check_file,
)


def run(args: argparse.Namespace) -> int:
    url = paths.database_url(args.db, demo=getattr(args, "demo", False))
    path = sqlite_file(url)
    if path is None:
        engine = make_engine(url)
        location = engine.url.render_as_string(hide_password=True)
    else:
        if not path.exists():
            raise UserError(f"数据库 {path} 不存在{_restore_hint(args)}")
        location = str(path)
        if is_empty_file(path):
            report = CheckReport(location)
            report.add("数据库文件", EMPTY_FILE)
            return _finish(report, args)
        findings = quick_check_file(path)
        if findings and findings[0].startswith("文件头"):
            report = CheckReport(location)
            report.add("数据库文件", "不是 SQLite 数据库（文件头不对），可能已损坏或是其他文件")
            return _finish(report, args)
        # No pragmas, no migration: a check never writes.
        engine = create_engine(url, connect_args={"timeout": 10})
    try:
        report = check_database(engine, location)
    finally:
        engine.dispose()
    return _finish(report, args)


def _finish(report: CheckReport, args: argparse.Namespace) -> int:
    for line in report.lines():
        print(line)
    if report.ok:
        return 0
    if report.newer:
        # Restoring an older backup would throw away what the newer program wrote.
        print("这个数据库由更新版本的提案办理台写入，请使用新版本程序。")
    elif sqlite_file(paths.database_url(args.db, demo=getattr(args, "demo", False))):
        good = newest_good_backup(backup_dir(args))
        if good:
            print(f"最近一份完好的备份：{good.label} {good.path}")
            print(f"恢复命令：proposal-desk restore \"{good.path}\"（会先备份当前数据）")
    return 1


def _restore_hint(args: argparse.Namespace) -> str:
    """For a missing file whose backups exist: which one to restore."""
    good = newest_good_backup(backup_dir(args))
    if good is None:
        return ""
    return (f"。它的备份文件夹中有备份，最近一份完好的备份：{good.label} {good.path}；"
            f"恢复命令：proposal-desk restore \"{good.path}\"")
