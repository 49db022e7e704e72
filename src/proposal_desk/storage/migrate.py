"""Alembic migrations, run on open. The configuration is built in code and points at the
migrations inside the package, so it works from a source tree and from the one-file build.

Alembic itself is imported only when a database is not at HEAD_REVISION: opening an up-to-date
database reads the version row with plain SQL, which keeps 0.12 s of imports off every start.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DatabaseError, OperationalError

from proposal_desk import __version__
from proposal_desk.storage.backup import (
    REASON_MIGRATION,
    backup_database,
    changed_since_last_backup,
    list_backups,
)
from proposal_desk.storage.errors import DatabaseOpenError, NewerDatabaseError
from proposal_desk.storage.models import Setting

# The newest revision in migrations/versions, in a module of its own (the window's quick start
# reads it without SQLAlchemy); tests/test_migrations.py keeps the two in step.
from proposal_desk.storage.schema_revision import (
    HEAD_REVISION,
    WRITTEN_BY_KEY,
    newer_message,
)

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revision() -> str:
    """The head according to the migration scripts themselves (slow: imports Alembic)."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    """Every revision of the migration scripts: a database at one of them this program can
    open (upgrading it first), at any other it was written by a newer program."""
    from alembic.script import ScriptDirectory

    return {r.revision for r in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def written_by(engine: Engine) -> str | None:
    """The program version that last changed this database's schema, if it says (0.2.0 on)."""
    try:
        with engine.connect() as conn:
            value = conn.execute(text("SELECT value FROM setting WHERE key = :k"),
                                 {"k": WRITTEN_BY_KEY}).scalar()
    except (OperationalError, DatabaseError):
        return None
    if isinstance(value, str) and value.startswith('"'):  # the JSON column's raw text
        value = value.strip('"')
    return value if isinstance(value, str) and value else None


def _record_writer(conn: Connection) -> None:
    """Name this program version in the file, in the migration's own transaction."""
    table = Setting.__table__
    conn.execute(table.delete().where(table.c.key == WRITTEN_BY_KEY))
    conn.execute(table.insert().values(key=WRITTEN_BY_KEY, value=__version__))


def upgrade_to_head(engine: Engine, backup_dir: Path | None) -> str | None:
    """Bring the schema to this version's head; returns the revision migrated from, if any.

    A database written by a newer version is refused; a database of ours that needs migrating
    is backed up first (SQLite online backup), so a failed migration loses nothing.
    """
    current = current_revision(engine)
    if current == HEAD_REVISION:
        return None
    from alembic import command

    cfg = alembic_config()
    if current is not None:
        if current not in known_revisions():
            raise NewerDatabaseError(newer_message(current, written_by(engine)))
    else:
        tables = set(inspect(engine).get_table_names())
        if tables:
            raise DatabaseOpenError(
                "这个数据库文件不是提案办理台的数据库（其中已有其他表："
                f"{'、'.join(sorted(tables)[:5])}），为免损坏，程序不会改动它。"
            )
    before: Path | None = None
    if current is not None and backup_dir is not None and engine.dialect.name == "sqlite":
        before = _backup_before_migration(engine, backup_dir, current)
    try:
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
            _record_writer(conn)
    except (OperationalError, DatabaseError) as exc:
        # One transaction: rolled back, the file is as it was.
        raise _migration_failed(engine, backup_dir, current, before, exc) from exc
    return current or ""


def _backup_before_migration(engine: Engine, backup_dir: Path, current: str) -> Path:
    """The copy before migrating; a failed migration tried again (at every start) reuses the
    copy of the same unchanged file instead of piling up protected copies."""
    source = make_url(str(engine.url)).database
    newest = list_backups(backup_dir)[:1]
    if source and newest and newest[0].reason == REASON_MIGRATION \
            and f"-{current}-" in f"-{newest[0].path.stem}-" \
            and not changed_since_last_backup(Path(source), backup_dir):
        return newest[0].path
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    return backup_database(engine, backup_dir / f"{REASON_MIGRATION}-{current}-{stamp}.sqlite3")


def _migration_failed(engine: Engine, backup_dir: Path | None, current: str | None,
                      before: Path | None, exc: Exception) -> DatabaseOpenError:
    """In the clerk's words: the schema is not what its revision stamp says (edited by another
    tool, or damaged); nothing was changed; which backup to go back to."""
    from proposal_desk.storage.backup import newest_good_backup

    detail = str(getattr(exc, "orig", exc)).splitlines()[0]
    source = make_url(str(engine.url)).database or ""
    sqlite = engine.dialect.name == "sqlite"
    good = newest_good_backup(backup_dir, exclude=before) if sqlite else None
    kept = f"升级前的副本已保存为 {before}。" if before else ""
    hint = (f"最近一份完好的备份是 {good.label}：{good.path}，可以用它恢复（proposal-desk "
            f"restore \"{good.path}\"）。" if good else "请联系技术人员。")
    return DatabaseOpenError(
        f"无法打开数据库 {source}：把数据库结构从版本 {current or '（无）'} 升级到 "
        f"{HEAD_REVISION} 时出错——数据库的实际结构与它记录的版本不符，可能被其他工具改动过或"
        f"已损坏。程序没有改动数据库文件。{kept}{hint}（供技术人员参考：{detail}）")
