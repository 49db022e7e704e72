"""The schema revision this version of the program writes, and which program version first
wrote each revision (no heavy imports: the window's quick start compares the head with a
file's alembic_version through plain sqlite3; storage.migrate uses it and
tests/test_migrations.py keeps it in step with migrations/versions and pyproject's version).
"""

from proposal_desk import __version__

HEAD_REVISION = "0002"

# The first program version that writes each revision. A new migration adds a line here and
# raises the program's version, so two copies of the program on two PCs can be told apart
# by the clerk ("关于" shows the version) when one refuses the other's data.
FIRST_VERSION = {"0001": "0.1.0", "0002": "0.2.0"}

# The `setting` row naming the program version that last changed the schema (written in the
# migration's own transaction), so an older copy refusing the file can say which one to use.
WRITTEN_BY_KEY = "program.schema_written_by"

# The setting naming the core.rules.RULES_REVISION the file's cached list columns follow.
RULES_KEY = "program.rules_revision"


def newer_message(revision: str, written_by: str | None) -> str:
    """Why a database of an unknown (newer) revision is not opened, and what to use instead."""
    by = f"（{written_by} 版）" if written_by else ""
    use = f"{written_by} 版或更新的" if written_by else "更新版本的"
    return (f"这个数据库由更新版本的提案办理台{by}写入（结构版本 {revision}），本程序是 "
            f"{__version__} 版，只能打开结构版本 {HEAD_REVISION} 及以前的数据库，为免损坏数据，"
            f"没有打开它。请使用{use}程序（窗口的“帮助 › 关于提案办理台”或命令 "
            "proposal-desk --version 可以看到程序的版本）。")
