"""One writer per SQLite file: an operating-system lock on `<database>.lock`.

The lock is held on an open file handle (flock on Linux, a byte-range lock on Windows), so the
system drops it when the process ends in any way — a crash or a kill leaves no stale lock behind.
The file itself only carries who holds it (process, user, computer, since when) for the message
a second program shows.

Locks are counted per process: taking the lock of a file this process already holds succeeds
(the GUI takes it in its single-instance check and again when it opens the Database).

Use:
    lock = InstanceLock.for_database(path)
    lock.acquire()            # raises InstanceLockedError (a UserError) naming the holder
    ...
    lock.release()
or `with InstanceLock.for_database(path): ...`, or `lock.try_acquire()` -> bool.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import getpass
import json
import os
import platform
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, ClassVar

from proposal_desk.storage.errors import UserError, os_reason

# Windows locks a byte range; a range far past the written text keeps the text readable.
_LOCK_OFFSET = 1 << 20


class InstanceLockedError(UserError):
    """Another program holds the database; `holder` says who, when known."""

    def __init__(self, message: str, holder: LockHolder | None):
        super().__init__(message)
        self.holder = holder


@dataclass(frozen=True)
class LockHolder:
    pid: int
    user: str
    host: str
    since: str  # ISO time

    def describe(self) -> str:
        parts = [f"进程 {self.pid}"]
        if self.user:
            parts.append(f"用户 {self.user}")
        if self.host:
            parts.append(f"计算机 {self.host}")
        try:
            when = dt.datetime.fromisoformat(self.since)
            parts.append(f"自 {when.year}年{when.month}月{when.day}日 {when:%H:%M} 起")
        except ValueError:
            pass
        return "，".join(parts)


class InstanceLock:
    _held: ClassVar[dict[Path, tuple[IO[bytes], int]]] = {}
    _guard: ClassVar[threading.Lock] = threading.Lock()

    def __init__(self, lock_path: Path, database: Path | None = None):
        self.path = Path(os.path.abspath(lock_path))
        self.database = database
        self._mine = False

    @classmethod
    def for_database(cls, database: Path) -> InstanceLock:
        database = Path(database).expanduser().resolve()
        return cls(database.with_name(database.name + ".lock"), database)

    @property
    def held(self) -> bool:
        return self._mine

    def try_acquire(self) -> bool:
        try:
            self.acquire()
        except InstanceLockedError:
            return False
        return True

    def acquire(self) -> InstanceLock:
        if self._mine:
            return self
        key = self.path
        with self._guard:
            if key in self._held:
                handle, count = self._held[key]
                self._held[key] = (handle, count + 1)
                self._mine = True
                return self
            self.path.parent.mkdir(parents=True, exist_ok=True)
            try:
                handle = open(self.path, "a+b")  # noqa: SIM115 - held open while locked
            except OSError as exc:
                raise UserError(
                    f"无法创建锁文件 {self.path}：{os_reason(exc)}。"
                    "请检查数据文件夹是否可写。"
                ) from exc
            if not _lock(handle):
                handle.close()
                holder = read_holder(self.path)
                raise InstanceLockedError(self._locked_message(holder), holder)
            _write_holder(handle)
            self._held[key] = (handle, 1)
            self._mine = True
            return self

    def release(self) -> None:
        if not self._mine:
            return
        self._mine = False
        key = self.path
        with self._guard:
            entry = self._held.get(key)
            if entry is None:
                return
            handle, count = entry
            if count > 1:
                self._held[key] = (handle, count - 1)
                return
            del self._held[key]
            _unlock(handle)
            handle.close()

    def _locked_message(self, holder: LockHolder | None) -> str:
        what = str(self.database or self.path)
        who = f"（{holder.describe()}）" if holder else ""
        return (f"数据库 {what} 正在被另一个提案办理台使用{who}。同一份数据同时只能由一个程序"
                "写入，以免互相覆盖。请先关闭另一个窗口或命令，再重试。")

    def __enter__(self) -> InstanceLock:
        return self.acquire()

    def __exit__(self, *_exc: object) -> None:
        self.release()


def read_holder(lock_path: Path) -> LockHolder | None:
    """Who wrote the lock file last (the current holder if the lock is held)."""
    try:
        text = lock_path.read_bytes()[:4096].decode("utf-8", "replace")
        data: dict[str, Any] = json.loads(text.strip("\x00 \n") or "{}")
        return LockHolder(pid=int(data.get("pid", 0)), user=str(data.get("user", "")),
                          host=str(data.get("host", "")), since=str(data.get("since", "")))
    except (OSError, ValueError, TypeError):
        return None


def _write_holder(handle: IO[bytes]) -> None:
    try:
        user = getpass.getuser()
    except Exception:  # no login name on some locked-down PCs
        user = ""
    info = {"pid": os.getpid(), "user": user, "host": platform.node(),
            "since": dt.datetime.now().isoformat(timespec="seconds")}
    try:
        handle.seek(0)
        handle.truncate()
        handle.write(json.dumps(info, ensure_ascii=False).encode("utf-8") + b"\n")
        handle.flush()
    except OSError:
        pass  # the lock itself is what matters; the text is only for the message


if sys.platform == "win32":
    import msvcrt

    def _lock(handle: IO[bytes]) -> bool:
        handle.seek(_LOCK_OFFSET)
        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(handle: IO[bytes]) -> None:
        handle.seek(_LOCK_OFFSET)
        with contextlib.suppress(OSError):
            msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
else:
    import fcntl

    def _lock(handle: IO[bytes]) -> bool:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        return True

    def _unlock(handle: IO[bytes]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
