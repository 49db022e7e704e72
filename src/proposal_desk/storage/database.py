"""Opening a database: engine settings, migrations on open, and transactions."""

from __future__ import annotations

import getpass
import json
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DatabaseError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from proposal_desk.core.rules import RULES_REVISION
from proposal_desk.core.settings import BureauSettings
from proposal_desk.storage import conflicts, hooks, lengths
from proposal_desk.storage.backup import BackupError, BackupInfo, automatic_backup
from proposal_desk.storage.errors import ConflictError, DatabaseOpenError, UserError, os_reason
from proposal_desk.storage.instance_lock import InstanceLock
from proposal_desk.storage.integrity import check_on_open as _check_file
from proposal_desk.storage.integrity import refuse_foreign
from proposal_desk.storage.migrate import upgrade_to_head
from proposal_desk.storage.models import Setting
from proposal_desk.storage.schema_revision import RULES_KEY
from proposal_desk.storage.settings_store import load_settings

log = logging.getLogger(__name__)


def _sqlite_pragmas(dbapi_connection: object, _record: object) -> None:
    cursor = dbapi_connection.cursor()  # type: ignore[attr-defined]
    # WAL keeps readers going while one writer commits; FULL makes each commit durable.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def _sqlite_begin(conn: object) -> None:
    # pysqlite's own transaction handling is off (isolation_level=None); BEGIN here so every
    # unit of work, reads included, is one real transaction.
    conn.exec_driver_sql("BEGIN")  # type: ignore[attr-defined]


_JSON = json.JSONEncoder(ensure_ascii=False)  # json.dumps would build one per value


def json_text(value: object) -> str:
    """JSON columns (the audit log) keep Chinese as it is: \\uXXXX escapes made the log
    twice as large. Rows written before read back the same."""
    return _JSON.encode(value)


def make_engine(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"isolation_level": None, "timeout": 10},
                               json_serializer=json_text)
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    return create_engine(url, pool_pre_ping=True, json_serializer=json_text)


def sqlite_file(url: str) -> Path | None:
    """The file of a SQLite URL (None for a server or an in-memory database)."""
    from sqlalchemy.exc import ArgumentError

    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise DatabaseOpenError(f"数据库地址“{url}”无法识别。{_SUPPORTED}") from exc
    db = parsed.database
    if parsed.get_backend_name() != "sqlite" or not db or db == ":memory:":
        return None
    return Path(db)


class Database:
    """An open, migrated database. One per process; sessions come from `transaction()`.

    Opening a SQLite file: `lock=True` takes the instance lock (InstanceLockedError if another
    program has the file); `check_on_open` runs SQLite's quick_check first and raises
    integrity.DamagedDatabaseError rather than touching a damaged file; `backup_on_open` copies
    an existing database into `backup_dir` when it changed since the newest backup (a failed
    copy is noted in `backup_problem`, not fatal: a full disk must not lock users out);
    `follow_rules` recomputes the cached list columns once when the rules changed since the
    file was last written (off for commands that only read: they write nothing).
    """

    def __init__(self, url: str, *, backup_dir: Path | None = None, user: str | None = None,
                 lock: bool = False, check_on_open: bool = True, backup_on_open: bool = True,
                 follow_rules: bool = True):
        self.url = url
        self.backup_dir = backup_dir
        self.user = user or _os_user()
        self.backup_made: BackupInfo | None = None
        self.backup_problem: str | None = None
        path = sqlite_file(url)
        if path is not None:
            _check_location(path)
        self._lock = InstanceLock.for_database(path) if lock and path else None
        if self._lock:
            self._lock.acquire()
        try:
            if check_on_open and path is not None:
                _check_file(path, backup_dir)
            if path is not None:
                refuse_foreign(path)
            self.engine = _engine_for(url)
            try:
                self.migrated_from = upgrade_to_head(self.engine, backup_dir)
            except (OperationalError, DatabaseError) as exc:
                self.engine.dispose()
                raise DatabaseOpenError(
                    f"无法打开数据库 {self.display_location}，程序没有改动数据库"
                    f"（供技术人员参考：{_first_line(exc)}）"
                ) from exc
            except DatabaseOpenError:
                self.engine.dispose()
                raise
        except BaseException:
            if self._lock:
                self._lock.release()
            raise
        self.commits = 0  # since the opening: backup_before reuses the opening's copy while 0
        event.listen(self.engine, "commit", self._count_commit)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        # A database that was migrated has just been backed up by the migration.
        if backup_on_open and path is not None and backup_dir is not None \
                and self.migrated_from is None:
            try:
                self.backup_made = automatic_backup(path, backup_dir)
            except BackupError as exc:
                log.info("backup on open failed: %s", exc)
                self.backup_problem = str(exc)
        self.rules_problem: str | None = None
        try:
            if follow_rules:
                self._follow_new_rules()
        except (UserError, SQLAlchemyError) as exc:
            # A full disk must not lock the clerk out: the columns stay as they were (check
            # says so) and the next opening tries again.
            log.warning("recomputing the list columns for new rules failed: %s", exc)
            self.rules_problem = str(getattr(exc, "orig", exc)).splitlines()[0]
        except BaseException:
            self.dispose()
            raise

    def _follow_new_rules(self) -> None:
        """A release whose rules derive other list columns from the same records (see
        core.rules.RULES_REVISION) recomputes every proposal's once, in one transaction,
        after the opening's backup: the list, `check` and the next save then agree."""
        table = Setting.__table__
        # a Core read, rolled back: no commit to count, and no ORM mapper set-up (30 ms) on
        # the way to the window's editing
        with self.engine.connect() as conn:
            follows = conn.execute(select(table.c.value).where(table.c.key == RULES_KEY)).scalar()
        if isinstance(follows, int) and follows >= RULES_REVISION:
            return  # a newer release's columns are left to it: no recomputing back and forth
        with self.transaction() as s:
            hooks.refresh_all_at_commit(s)  # audited: each column it changes
            # the program's own bookkeeping, not the bureau's settings: written unaudited
            s.execute(table.delete().where(table.c.key == RULES_KEY))
            s.execute(table.insert().values(key=RULES_KEY, value=RULES_REVISION))

    def _count_commit(self, _conn: object) -> None:
        self.commits += 1

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @property
    def sqlite_path(self) -> Path | None:
        db = make_url(self.url).database
        return Path(db) if self.is_sqlite and db and db != ":memory:" else None

    @property
    def display_location(self) -> str:
        path = self.sqlite_path
        return str(path) if path else make_url(self.url).render_as_string(hide_password=True)

    def session(self) -> Session:
        session = self._sessions()
        session.info["user"] = self.user
        hooks.attach(session)
        conflicts.watch(session)
        if not self.is_sqlite:  # a server enforces VARCHAR(n); SQLite keeps any length
            lengths.watch(session)
        return session

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: committed when the block ends, rolled back on any exception.

        A save over someone else's newer save of a proposal raises
        conflicts.ProposalConflictError (已被他人修改); a full disk or a locked file raises a
        UserError saying nothing was saved.
        """
        with self.session() as session:
            try:
                yield session
                session.commit()
            except StaleDataError as exc:
                raise self._conflict(session) from exc
            except OperationalError as exc:
                if getattr(exc.orig, "sqlite_errorcode", None) == _SQLITE_BUSY_SNAPSHOT:
                    # SQLite's form of the same race: another commit since this one read.
                    raise self._conflict(session) from exc
                session.rollback()
                message = _write_failure(exc)
                if message:
                    raise UserError(message) from exc
                raise
            except BaseException:
                session.rollback()
                raise
        self._fold_wal("PASSIVE")

    def _fold_wal(self, mode: str) -> None:
        """Copy committed pages from the -wal file into the database file.

        The program's own database (`lock`): after every committed unit of work (PASSIVE: never
        waits for a reader) and on close (TRUNCATE), so a clerk who copies only
        proposal-desk.sqlite3 while the window is open still carries every saved change.
        SQLite makes a checkpoint crash-safe; a failure only leaves the pages in the WAL."""
        if not (self._lock and self.is_sqlite):
            return
        try:
            with self.engine.connect() as conn:
                # The pragma does its work as its row is read: fetch it.
                busy, _frames, _done = conn.exec_driver_sql(
                    f"PRAGMA wal_checkpoint({mode})").one()
            if busy:
                log.info("checkpoint (%s) left pages in the WAL: a reader was busy", mode)
        except Exception as exc:  # the save has committed: never report it failed
            log.info("checkpoint (%s) skipped: %s", mode, exc)

    def _conflict(self, session: Session) -> ConflictError:
        pending = conflicts.pending_proposal_changes(session)
        session.rollback()
        with self.session() as fresh:
            conflict = conflicts.conflict_from_stale(fresh, pending)
        return conflict or ConflictError(
            "数据已被他人修改，您这次的保存没有写入。请重新载入后再修改。")

    def settings(self, session: Session | None = None) -> BureauSettings:
        if session is not None:
            return load_settings(session)
        with self.session() as s:
            return load_settings(s)

    def dispose(self) -> None:
        self._fold_wal("TRUNCATE")
        self.engine.dispose()
        if self._lock:
            self._lock.release()


def _os_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name on some locked-down PCs
        return ""


_SQLITE_BUSY_SNAPSHOT = 517
_SUPPORTED = "支持：数据库文件路径，或 postgresql+psycopg://用户@服务器/数据库名"


def _check_location(path: Path) -> None:
    """A folder or an impossible place is named plainly, before anything is created."""
    if path.is_dir():
        raise DatabaseOpenError(f"{path} 是一个文件夹，不是数据库文件。请指定数据库文件的路径。")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatabaseOpenError(
            f"无法在 {path.parent} 创建数据库：{os_reason(exc)}。请换一个文件夹。") from exc




def _engine_for(url: str) -> Engine:
    from sqlalchemy.exc import ArgumentError, NoSuchModuleError

    try:
        return make_engine(url)
    except (ArgumentError, NoSuchModuleError, ImportError) as exc:
        try:
            shown = make_url(url).render_as_string(hide_password=True)
        except ArgumentError:
            shown = url.split("@")[-1]
        raise DatabaseOpenError(f"无法使用数据库地址“{shown}”（{_first_line(exc)}）。"
                                f"{_SUPPORTED}") from exc


def _write_failure(exc: OperationalError) -> str | None:
    text = str(exc.orig).lower()
    if "disk is full" in text or "no space" in text:
        return "磁盘空间已满，这次修改没有保存（数据库保持原样）。请清理磁盘后重试。"
    if "database is locked" in text or "busy" in text:
        return "数据库正被另一个程序写入，这次修改没有保存（数据库保持原样）。请稍后重试。"
    if "readonly" in text or "read-only" in text:
        return "数据库文件是只读的，这次修改没有保存。请检查文件或文件夹的写入权限。"
    return None


def _first_line(exc: BaseException) -> str:
    return str(getattr(exc, "orig", exc)).splitlines()[0] if str(exc) else type(exc).__name__
