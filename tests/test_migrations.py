"""The migrations build exactly the schema the models describe (search tables aside)."""

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from proposal_desk.storage.database import Database
from proposal_desk.storage.migrate import HEAD_REVISION, head_revision
from proposal_desk.storage.models import Base


def test_the_fast_path_knows_the_newest_migration() -> None:
    assert head_revision() == HEAD_REVISION


def _is_search_table(diff: tuple) -> bool:
    return diff[0] == "remove_table" and diff[1].name.startswith(
        ("search_fts", "search_grams", "search_text"))


def test_models_and_migrations_agree(db: Database) -> None:
    with db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        diffs = [d for d in compare_metadata(context, Base.metadata)
                 if not (isinstance(d, tuple) and _is_search_table(d))]
    assert diffs == []


def test_the_version_constant_matches_pyproject() -> None:
    import tomllib
    from pathlib import Path

    import proposal_desk

    pyproject = Path(__file__).resolve().parents[1] / "pyproject.toml"
    assert proposal_desk.__version__ == tomllib.loads(pyproject.read_text())["project"]["version"]


def test_a_database_of_the_first_schema_is_backed_up_and_migrated(tmp_path) -> None:
    # 0001 → 0002 on a file with data: backed up first (迁移前-0001-…), then the index added,
    # and the list's later-round query is served by it alone.
    import sqlite3

    from alembic import command
    from sqlalchemy import create_engine

    from proposal_desk.storage.migrate import alembic_config

    path = tmp_path / "old.sqlite3"
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        cfg = alembic_config()
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
        conn.exec_driver_sql("INSERT INTO meeting (id, kind, name, body, year) VALUES "
                             "(1, '提案', '区政协十四届四次会议', '区政协', 2025)")
    engine.dispose()
    folder = tmp_path / "backups"
    db = Database(f"sqlite:///{path}", backup_dir=folder)
    db.dispose()
    [backup] = list(folder.glob("迁移前-0001-*.sqlite3"))
    with sqlite3.connect(backup) as old:
        assert old.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        assert old.execute("SELECT name FROM meeting").fetchall() == [("区政协十四届四次会议",)]
    with sqlite3.connect(path) as new:
        assert new.execute("SELECT version_num FROM alembic_version").fetchone() == ("0002",)
        plan = new.execute("EXPLAIN QUERY PLAN SELECT proposal_id, round, sent_on FROM reply "
                           "WHERE round > 1 AND sent_on IS NOT NULL").fetchall()
        assert "COVERING INDEX ix_reply_later_rounds" in str(plan)
        assert new.execute("SELECT name FROM meeting").fetchall() == [("区政协十四届四次会议",)]
    new.close()
    old.close()
