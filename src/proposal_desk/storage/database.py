"""Opening a database: engine settings, migrations on open, and transactions."""

from __future__ import annotations

import getpass
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from proposal_desk.core.settings import BureauSettings
from proposal_desk.storage import hooks
from proposal_desk.storage.errors import DatabaseOpenError
from proposal_desk.storage.migrate import upgrade_to_head
from proposal_desk.storage.settings_store import load_settings


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


def make_engine(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"isolation_level": None, "timeout": 10})
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    return create_engine(url, pool_pre_ping=True)


class Database:
    """An open, migrated database. One per process; sessions come from `transaction()`."""

    def __init__(self, url: str, *, backup_dir: Path | None = None, user: str | None = None):
        self.url = url
        self.engine = make_engine(url)
        self.user = user or _os_user()
        try:
            self.migrated_from = upgrade_to_head(self.engine, backup_dir)
        except (OperationalError, DatabaseError) as exc:
            self.engine.dispose()
            raise DatabaseOpenError(
                f"无法打开数据库 {self.display_location}：{_first_line(exc)}"
            ) from exc
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

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
        return session

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: committed when the block ends, rolled back on any exception."""
        with self.session() as session:
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise

    def settings(self, session: Session | None = None) -> BureauSettings:
        if session is not None:
            return load_settings(session)
        with self.session() as s:
            return load_settings(s)

    def dispose(self) -> None:
        self.engine.dispose()


def _os_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name on some locked-down PCs
        return ""


def _first_line(exc: BaseException) -> str:
    return str(getattr(exc, "orig", exc)).splitlines()[0] if str(exc) else type(exc).__name__
