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
