"""One writer per SQLite file: a second program is refused with a message naming the first;
the lock dies with its process, so a crash never locks users out."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from safety_support import cli

from proposal_desk.storage.database import Database
from proposal_desk.storage.instance_lock import InstanceLock, InstanceLockedError

HOLDER = """
import sys
from proposal_desk.storage.instance_lock import InstanceLock
lock = InstanceLock.for_database(sys.argv[1]).acquire()
print("held", flush=True)
sys.stdin.read()
"""


@contextmanager
def held_elsewhere(database: Path) -> Iterator[subprocess.Popen[str]]:
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(database)],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
        yield proc
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait()


def test_second_program_is_refused_naming_the_first(data_folder: Path) -> None:
    path = data_folder / "proposal-desk.sqlite3"
    Database(f"sqlite:///{path}").dispose()
    before = path.read_bytes()
    with held_elsewhere(path) as holder:
        code, out, err = cli("config", "bureau.name", "区商务局")
        assert code == 2 and out == ""
        assert "正在被另一个提案办理台使用" in err and f"进程 {holder.pid}" in err
        with pytest.raises(InstanceLockedError) as exc:
            Database(f"sqlite:///{path}", lock=True)
        assert exc.value.holder is not None and exc.value.holder.pid == holder.pid
    assert path.read_bytes() == before
    assert cli("config", "bureau.name", "区商务局")[0] == 0  # free once the first has ended


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_a_killed_holder_leaves_no_stale_lock(tmp_path: Path) -> None:
    path = tmp_path / "d.sqlite3"
    with held_elsewhere(path) as holder:
        assert not InstanceLock.for_database(path).try_acquire()
        os.kill(holder.pid, signal.SIGKILL)
        holder.wait()
        lock = InstanceLock.for_database(path)
        assert lock.try_acquire()
        lock.release()


def test_the_lock_is_counted_within_one_process(tmp_path: Path) -> None:
    path = tmp_path / "d.sqlite3"
    gui = InstanceLock.for_database(path).acquire()  # the window's single-instance check
    db = Database(f"sqlite:///{path}", lock=True)  # and its Database: the same process
    db.dispose()
    with pytest.raises(subprocess.CalledProcessError):
        subprocess.run([sys.executable, "-c", HOLDER, str(path)], check=True,
                       capture_output=True, input="")
    gui.release()
    done = subprocess.run([sys.executable, "-c", HOLDER, str(path)], capture_output=True,
                          text=True, input="")
    assert done.returncode == 0 and done.stdout.strip() == "held"


def test_readers_and_backups_do_not_need_the_lock(data_folder: Path) -> None:
    path = data_folder / "proposal-desk.sqlite3"
    Database(f"sqlite:///{path}").dispose()
    with held_elsewhere(path):
        assert cli("check")[0] == 0
        code, out, _ = cli("backup")
        assert code == 0 and "已备份到" in out


def test_a_server_database_takes_no_file_lock(pg_url: str) -> None:
    db = Database(pg_url, lock=True)
    other = Database(pg_url, lock=True)  # several staff share one server
    other.dispose()
    db.dispose()
