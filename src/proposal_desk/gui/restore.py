"""Restoring a backup from the window (设置 › 数据与备份).

The user confirms, knowing the current state is backed up first; then on a worker thread,
holding the instance lock throughout so no command slips in: the open Database lets go of the
file, storage.backup.restore_database backs the current file up and copies the backup in, the
file is opened again (migrated if the backup is older) and fully checked. The window then
takes the new Database and reads everything again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QWidget

from proposal_desk.gui import messages, operations
from proposal_desk.gui.context import AppContext
from proposal_desk.gui.errors import show_exception
from proposal_desk.gui.formatting import size_text
from proposal_desk.storage.backup import (
    RestoreResult,
    backup_dir_for,
    parse_backup,
    restore_database,
)
from proposal_desk.storage.database import Database
from proposal_desk.storage.instance_lock import InstanceLock
from proposal_desk.storage.integrity import CheckReport, check_database

log = logging.getLogger(__name__)

SERVER_TEXT = ("共享的服务器数据库由数据库管理员备份和恢复（恢复会覆盖所有同事的数据），"
               "不能在这里恢复。")


@dataclass(frozen=True)
class Restored:
    """What a restore left behind: the reopened database and, unless the restore itself was
    refused (then `failure` says why and the database is as it was), its result and check."""

    db: Database
    result: RestoreResult | None = None
    report: CheckReport | None = None
    failure: BaseException | None = None


def describe_source(source: Path) -> str:
    info = parse_backup(source)
    if info is None:
        return str(source)
    return f"{info.label}，{size_text(info.size)}\n{source}"


def confirm_text(source: Path) -> str:
    return (f"把数据库恢复到这份备份时的状态？\n\n备份：{describe_source(source)}\n\n"
            "恢复前，程序会先把当前的数据库另存为一份“恢复前”备份（在备份文件夹中，不会被"
            "自动删除），需要时可以用它再恢复回来。恢复后，这份备份之后所做的修改将不在数据库中。")


def swap_in_backup(db: Database, source: Path) -> Restored:
    """On a worker thread: replace the file of `db` by the backup `source` and open it again.
    `db` is disposed; the returned Database is the one to use from now on (the same file
    reopened unchanged when the restore was refused)."""
    target = db.sqlite_path
    if target is None:
        raise ValueError("only a database file can be restored")
    folder = db.backup_dir or backup_dir_for(target)
    url, user = db.url, db.user
    with InstanceLock.for_database(target):  # raises, before anything, if a command has it
        db.dispose()
        result: RestoreResult | None = None
        failure: BaseException | None = None
        try:
            result = restore_database(target, source, folder)
        except Exception as exc:  # the file is as it was: reopen it and say why
            failure = exc
        fresh = Database(url, backup_dir=folder, user=user, lock=True, backup_on_open=False)
    if failure is not None:
        return Restored(fresh, failure=failure)
    log.info("restored %s from %s in the window", target, source)
    return Restored(fresh, result, check_database(fresh.engine, str(target)))


def restore_backup(parent: QWidget, ctx: AppContext, source: Path, *,
                   on_restored: Callable[[Restored], None]) -> operations.Operation | None:
    """Ask, then restore `source` over the open database. `ctx.db` is replaced before
    `on_restored` runs; on a refusal `on_restored` is not called."""
    if ctx.db.sqlite_path is None:
        messages.warn(parent, SERVER_TEXT)
        return None
    if not operations.idle():
        messages.warn(parent, "还有操作正在进行（读取、导入或生成文书），请等它完成后再恢复。")
        return None
    if not messages.confirm(parent, "用备份恢复数据库", confirm_text(source), yes="恢复",
                            danger=True):
        return None
    from proposal_desk.gui.background_check import stop_all

    stop_all()  # the full check after opening must not read the file being replaced
    old = ctx.db
    parent.setEnabled(False)

    def done(restored: Restored) -> None:
        parent.setEnabled(True)
        ctx.db = restored.db
        if restored.failure is not None:
            show_exception(parent, restored.failure)
            return
        on_restored(restored)

    def failed(exc: BaseException) -> None:
        # The lock was taken by someone else (nothing touched), or the file could not be
        # opened again: ctx.db stays the old object, whose engine reconnects on next use.
        parent.setEnabled(True)
        show_exception(parent, exc)

    return operations.run_in_background(
        parent, lambda _p: swap_in_backup(old, source), label="正在恢复数据库…",
        on_success=done, on_failure=failed)


def restored_text(restored: Restored) -> tuple[str, str]:
    """(text, informative) of the notice after a restore."""
    result = restored.result
    assert result is not None
    text = f"已用备份恢复数据库：\n{describe_source(result.restored_from)}"
    informative = ""
    if result.previous is not None:
        informative = f"恢复前的数据已另存为：\n{result.previous.path}"
    report = restored.report
    if report is not None and not report.ok:
        problems = "\n".join(str(p) for p in report.problems[:8])
        informative += f"\n\n恢复后的检查发现问题：\n{problems}"
    return text, informative.strip()
