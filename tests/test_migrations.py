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
    # 0001 → 0002 on a file with data (a proposal answered twice, brought back to 0001 by the
    # migration's own downgrade): backed up first (迁移前-0001-…), the data kept, and the
    # list's later-rounds query (services.rows.LATER_ROUNDS_SQL) served by the new index alone.
    import datetime as dt
    import sqlite3

    from alembic import command

    from proposal_desk.services.rows import LATER_ROUNDS_SQL
    from proposal_desk.storage.migrate import alembic_config
    from proposal_desk.storage.models import Meeting, Proposal, Reply

    path = tmp_path / "old.sqlite3"
    db = Database(f"sqlite:///{path}")
    with db.transaction() as s:
        p = Proposal(meeting=Meeting(kind="提案", name="区政协十四届四次会议", year=2025),
                     number="1", title="关于甲的建议", role="主办",
                     assigned_on=dt.date(2025, 3, 18))
        p.replies = [Reply(round=1, text="一", category="B", sent_on=dt.date(2025, 5, 1)),
                     Reply(round=2, text="二", category="A", sent_on=dt.date(2025, 8, 1))]
        s.add(p)
    with db.engine.begin() as conn:
        cfg = alembic_config()
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0001")
    db.dispose()
    folder = tmp_path / "backups"
    Database(f"sqlite:///{path}", backup_dir=folder).dispose()
    [backup] = list(folder.glob("迁移前-0001-*.sqlite3"))
    with sqlite3.connect(backup) as old:
        assert old.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        assert old.execute("SELECT count(*) FROM reply").fetchone() == (2,)
    old.close()
    with sqlite3.connect(path) as new:
        assert new.execute("SELECT version_num FROM alembic_version").fetchone() == ("0002",)
        plan = new.execute("EXPLAIN QUERY PLAN " + LATER_ROUNDS_SQL).fetchall()
        assert "COVERING INDEX ix_reply_later_rounds" in str(plan)
        assert new.execute(LATER_ROUNDS_SQL).fetchall() == [(1, 2, "2025-08-01")]
    new.close()


def _version(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split("."))


def test_every_revision_names_the_program_version_that_first_writes_it() -> None:
    # A new migration must raise the program's version: two copies of the program on two PCs
    # then answer `--version` differently, and the older one's refusal can be acted on.
    from alembic.script import ScriptDirectory

    import proposal_desk
    from proposal_desk.storage.migrate import alembic_config
    from proposal_desk.storage.schema_revision import FIRST_VERSION

    revisions = [r.revision for r in ScriptDirectory.from_config(alembic_config()).walk_revisions()]
    assert set(FIRST_VERSION) == set(revisions)
    ordered = [_version(FIRST_VERSION[r]) for r in sorted(revisions)]
    assert ordered == sorted(set(ordered)), "each revision needs a later program version"
    assert ordered[-1] <= _version(proposal_desk.__version__)


def test_a_new_or_migrated_database_names_the_version_that_wrote_its_schema(tmp_path) -> None:
    from alembic import command

    import proposal_desk
    from proposal_desk.storage.migrate import alembic_config, written_by

    path = tmp_path / "new.sqlite3"
    db = Database(f"sqlite:///{path}")
    assert written_by(db.engine) == proposal_desk.__version__
    with db.engine.begin() as conn:
        cfg = alembic_config()
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0001")
        conn.exec_driver_sql("DELETE FROM setting")
    assert written_by(db.engine) is None
    db.dispose()
    db = Database(f"sqlite:///{path}", backup_dir=tmp_path / "backups")
    assert written_by(db.engine) == proposal_desk.__version__
    db.dispose()


def test_a_database_of_a_newer_program_is_refused_naming_both_versions(tmp_path) -> None:
    import sqlite3

    import pytest

    import proposal_desk
    from proposal_desk.storage.errors import NewerDatabaseError
    from proposal_desk.storage.integrity import check_database
    from proposal_desk.storage.schema_revision import WRITTEN_BY_KEY

    path = tmp_path / "newer.sqlite3"
    Database(f"sqlite:///{path}").dispose()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0099'")
        conn.execute("UPDATE setting SET value = '\"0.9.0\"' WHERE key = ?", (WRITTEN_BY_KEY,))
    conn.close()
    with pytest.raises(NewerDatabaseError) as refused:
        Database(f"sqlite:///{path}")
    message = str(refused.value)
    assert "（0.9.0 版）写入（结构版本 0099）" in message
    assert f"本程序是 {proposal_desk.__version__} 版" in message
    assert "请使用0.9.0 版或更新的程序" in message
    from sqlalchemy import create_engine

    engine = create_engine(f"sqlite:///{path}")
    [problem] = check_database(engine, str(path)).problems
    engine.dispose()
    assert "（0.9.0 版）" in problem.message and proposal_desk.__version__ in problem.message
