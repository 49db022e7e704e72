"""`proposal-desk backup [DEST]`: a consistent copy of the database, attachments included.

Without DEST the copy goes to the backup folder beside the database (rotated with the automatic
ones, but a manual backup is never deleted by rotation). DEST may be a folder or a file name;
a name without extension that does not exist becomes NAME.sqlite3 (with a 提示).
Safe while the window is open: SQLite's online backup API copies a consistent state.
A shared PostgreSQL database is copied into a SQLite file this program can open.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from proposal_desk import paths
from proposal_desk.cli.context import backup_dir
from proposal_desk.storage.backup import (
    REASON_MANUAL,
    SUFFIX,
    BackupError,
    backup_file,
    backup_name,
    export_to_sqlite,
    make_backup,
    verify_backup,
)
from proposal_desk.storage.database import make_engine, sqlite_file
from proposal_desk.storage.errors import UserError, os_reason
from proposal_desk.storage.integrity import quick_check_file


def run(args: argparse.Namespace) -> int:
    url = paths.database_url(args.db, demo=getattr(args, "demo", False))
    source = sqlite_file(url)
    folder = backup_dir(args)
    replaced = False
    note = ""
    if source is None:
        dest, note = _destination(args.dest, folder, "服务器数据库")
        replaced = dest.exists()
        engine = make_engine(url)
        try:
            export_to_sqlite(engine, dest)
        except OSError as exc:
            raise BackupError(f"无法写入 {dest}：{os_reason(exc)}") from exc
        finally:
            engine.dispose()
    else:
        if not source.exists():
            raise UserError(f"数据库 {source} 不存在，没有可备份的内容")
        findings = quick_check_file(source)
        if findings:
            raise UserError(f"数据库 {source} 已损坏（{'；'.join(findings)[:200]}），"
                            "这样的副本不能当作备份。请用 proposal-desk restore 从以前的备份恢复。")
        if args.dest:
            dest, note = _destination(args.dest, folder, REASON_MANUAL)
            _refuse_the_database_itself(dest, source)
            replaced = dest.exists()
            try:
                backup_file(source, dest)
            except OSError as exc:
                raise BackupError(f"无法写入 {dest}：{os_reason(exc)}") from exc
        else:
            dest = make_backup(source, folder, REASON_MANUAL).path
    problem = verify_backup(dest)
    if problem:
        raise BackupError(f"备份写入后核对失败：{problem}")
    size = dest.stat().st_size
    print(f"已备份到 {dest}（{_size_text(size)}，含全部附件）")
    if replaced:
        print("（这个文件原是一份提案办理台的备份，已被这次的备份替换）")
    if note:  # said once the copy is there, never for a backup that failed
        print(f"提示：{note}", file=sys.stderr)
    return 0


def _refuse_the_database_itself(dest: Path, source: Path) -> None:
    """DEST naming the live database (or its log files) would copy it onto itself: nothing
    would be backed up (or SQLite would discard the copy), yet "已备份" would be printed."""
    own = {p.resolve() for p in (source, *(source.with_name(source.name + s)
                                         for s in ("-wal", "-shm", "-journal")))}
    if dest.resolve() in own:
        raise UserError(f"{dest} 是正在使用的数据库文件本身（或它的日志文件），不能备份到这里。"
                        "请指定另一个文件夹（例如 U 盘）或另一个文件名。")


def _destination(dest: str | None, folder: Path, reason: str) -> tuple[Path, str]:
    """Where the copy goes, and a 提示 to print once it is there ("" for none)."""
    now = dt.datetime.now().replace(microsecond=0)
    if not dest:
        return folder / backup_name(reason, now), ""
    path = Path(dest).expanduser()
    if path.is_dir() or dest.endswith(("/", "\\")):
        return path / backup_name(reason, now), ""
    note = ""
    if path.suffix == "":
        # A name that is not there yet, in a folder that is: NAME.sqlite3, as scripts have
        # relied on; the 提示 names it, in case a new folder was meant. Without that folder
        # either, it is a mistyped path, refused.
        if not path.parent.is_dir():
            raise UserError(
                f"“{path}”不存在，文件夹 {path.parent} 也不存在。要备份到一个新文件夹，"
                "请先建立它（或在末尾加 /）。")
        typed = dest.rstrip()
        note = (f"已备份为 {typed}{SUFFIX}（“{typed}”不存在；要备份到新文件夹，请先建立它，"
                "或在末尾加 /）")
        path = path.with_name(path.name + SUFFIX)
    if path.exists() and verify_backup(path) is not None:
        raise UserError(f"{path} 已存在且不是提案办理台的备份，为免覆盖其他文件，请换一个文件名")
    if not path.parent.is_dir():
        raise UserError(f"文件夹 {path.parent} 不存在")
    return path, note


def _size_text(size: int) -> str:
    if size >= 1 << 20:
        return f"{size / (1 << 20):.1f} MB"
    return f"{max(1, size // 1024)} KB"
