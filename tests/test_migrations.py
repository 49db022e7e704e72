"""The migrations build exactly the schema the models describe (search tables aside)."""

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from proposal_desk.storage.database import Database
from proposal_desk.storage.models import Base


def _is_search_table(diff: tuple) -> bool:
    return diff[0] == "remove_table" and diff[1].name.startswith(("search_fts", "search_text"))


def test_models_and_migrations_agree(db: Database) -> None:
    with db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        diffs = [d for d in compare_metadata(context, Base.metadata)
                 if not (isinstance(d, tuple) and _is_search_table(d))]
    assert diffs == []
