"""Alembic migrations, run on open. The configuration is built in code and points at the
migrations inside the package, so it works from a source tree and from the one-file build.

Alembic itself is imported only when a database is not at HEAD_REVISION: opening an up-to-date
database reads the version row with plain SQL, which keeps 0.12 s of imports off every start.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text

from proposal_desk.storage.backup import backup_database
from proposal_desk.storage.errors import DatabaseOpenError, NewerDatabaseError

# The newest revision in migrations/versions, in a module of its own (the window's quick start
# reads it without SQLAlchemy); tests/test_migrations.py keeps the two in step.
from proposal_desk.storage.schema_revision import HEAD_REVISION

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


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def upgrade_to_head(engine: Engine, backup_dir: Path | None) -> str | None:
    """Bring the schema to this version's head; returns the revision migrated from, if any.

    A database written by a newer version is refused; a database of ours that needs migrating
    is backed up first (SQLite online backup), so a failed migration loses nothing.
    """
    current = current_revision(engine)
    if current == HEAD_REVISION:
        return None
    from alembic import command
    from alembic.script import ScriptDirectory

    cfg = alembic_config()
    script = ScriptDirectory.from_config(cfg)
    if current is not None:
        known = {rev.revision for rev in script.walk_revisions()}
        if current not in known:
            raise NewerDatabaseError(
                "这个数据库由更新版本的提案办理台写入（结构版本 "
                f"{current}），本程序无法安全打开。请使用新版本程序。"
            )
    else:
        tables = set(inspect(engine).get_table_names())
        if tables:
            raise DatabaseOpenError(
                "这个数据库文件不是提案办理台的数据库（其中已有其他表："
                f"{'、'.join(sorted(tables)[:5])}），为免损坏，程序不会改动它。"
            )
    if current is not None and backup_dir is not None and engine.dialect.name == "sqlite":
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        backup_database(engine, backup_dir / f"迁移前-{current}-{stamp}.sqlite3")
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    return current or ""
