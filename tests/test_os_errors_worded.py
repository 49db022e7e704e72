"""An operating-system failure reaches the clerk in storage.errors.os_reason's words wherever
it happens (backup, checking a backup, the instance lock, reading an attachment), not as the
C library's English text."""

from __future__ import annotations

import errno
from pathlib import Path
from typing import Any

import pytest

from proposal_desk.services import handling
from proposal_desk.storage import backup as bk
from proposal_desk.storage import instance_lock
from proposal_desk.storage.errors import UserError

DENIED = "Permission denied"


def _denied(*_args: Any, **_kwargs: Any) -> Any:
    raise PermissionError(errno.EACCES, DENIED)


def test_a_backup_refused_by_the_system_says_so_in_chinese(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = tmp_path / "d.sqlite3"
    source.write_bytes(b"")
    monkeypatch.setattr(bk, "backup_file", _denied)
    with pytest.raises(bk.BackupError) as caught:
        bk.make_backup(source, tmp_path / "backups", bk.REASON_IMPORT)
    assert str(caught.value).endswith("：没有权限"), str(caught.value)


def test_an_unreadable_backup_says_why_in_chinese(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "备份.sqlite3"
    path.write_bytes(b"SQLite format 3\x00")
    monkeypatch.setattr(Path, "open", _denied)
    assert bk.verify_backup(path) == f"无法读取 {path}：没有权限"


def test_a_lock_file_that_cannot_be_made_says_why_in_chinese(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(instance_lock, "open", _denied, raising=False)
    with pytest.raises(UserError) as caught, instance_lock.InstanceLock(tmp_path / "锁"):
        pass
    assert "：没有权限。" in str(caught.value) and DENIED not in str(caught.value)


def test_a_missing_attachment_says_why_in_chinese(tmp_path: Path) -> None:
    path = tmp_path / "已被删除的文件.pdf"
    with pytest.raises(UserError) as caught:
        handling.add_attachment(None, None, name=path.name, path=path)  # type: ignore[arg-type]
    assert str(caught.value) == f"无法读取附件“{path}”：路径不存在"
