"""A file the command cannot write is named with the reason in users' words (磁盘空间不足,
没有权限 …), not the system's English text."""

import errno
from pathlib import Path

import pytest

from proposal_desk.cli import cmd_backup
from proposal_desk.cli.main import main


@pytest.mark.parametrize(("code", "words"), [
    (errno.ENOSPC, "磁盘空间不足"), (errno.EACCES, "没有权限"), (errno.EROFS, "磁盘是只读的"),
    (errno.EIO, "Input/output error"),  # one without words keeps the system's text
])
def test_backup_names_why_it_cannot_write(
        code: int, words: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["config", "bureau.name", "某区商务局"]) == 0

    def refuse(_source: Path, _dest: Path) -> None:
        raise OSError(code, {errno.ENOSPC: "No space left on device",
                             errno.EACCES: "Permission denied",
                             errno.EROFS: "Read-only file system",
                             errno.EIO: "Input/output error"}[code])

    monkeypatch.setattr(cmd_backup, "backup_file", refuse)
    capsys.readouterr()
    assert main(["backup", str(tmp_path / "copy.sqlite3")]) == 2
    [line] = capsys.readouterr().err.splitlines()
    assert line.startswith("错误：") and line.endswith(f"：{words}")
    assert str(tmp_path / "copy.sqlite3") in line


@pytest.mark.skipif(not Path("/proc/self").exists(), reason="needs Linux's /proc")
def test_export_where_no_file_can_be_made_says_why_in_chinese(
        capsys: pytest.CaptureFixture[str]) -> None:
    """The ledger export (and the documents, through the same os_reason) word the system's
    refusal as users say it, not in the C library's English."""
    assert main(["config", "bureau.name", "某区商务局"]) == 0
    capsys.readouterr()
    assert main(["export", "/proc/台账.xlsx"]) == 2
    [line] = capsys.readouterr().err.splitlines()
    assert line.startswith("错误：无法写入") and line.endswith("：路径不存在"), line
