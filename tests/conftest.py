"""Shared fixtures: a fresh database per test in a temporary data folder."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SAMPLES = SHARED / "samples"


@pytest.fixture(autouse=True)
def data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own data folder: no test reads or writes the user's real data."""
    folder = tmp_path / "data"
    monkeypatch.setenv("PROPOSAL_DESK_DATA", str(folder))
    monkeypatch.delenv("PROPOSAL_DESK_DB", raising=False)
    return folder


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "postgres: run this module's `db` tests on SQLite and, when "
        "PROPOSAL_DESK_TEST_PG_URL is set (scripts/with-postgres), on PostgreSQL too")
    config.addinivalue_line("markers", "sqlite_only: a test about SQLite itself")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """In modules marked `postgres`, tests using `db`/`db_url` run once per backend."""
    from pg_support import server_url

    node = metafunc.definition
    if ("db_backend" in metafunc.fixturenames and server_url()
            and node.get_closest_marker("postgres") and not node.get_closest_marker("sqlite_only")):
        metafunc.parametrize("db_backend", ["sqlite", "postgresql"])


@pytest.fixture
def db_backend() -> str:
    return "sqlite"


@pytest.fixture
def db_url(tmp_path: Path, db_backend: str) -> str:
    if db_backend == "postgresql":
        from pg_support import fresh_pg_url

        return fresh_pg_url()
    return f"sqlite:///{tmp_path / 'test.sqlite3'}"


@pytest.fixture
def pg_url() -> str:
    """An empty PostgreSQL database, for tests that need one; skipped without a server."""
    from pg_support import PG_URL_ENV, fresh_pg_url, server_url

    if not server_url():
        pytest.skip(f"no PostgreSQL server: {PG_URL_ENV} is not set (scripts/with-postgres)")
    return fresh_pg_url()


@pytest.fixture
def db(db_url: str, tmp_path: Path) -> Iterator[object]:
    from proposal_desk.storage.database import Database

    database = Database(db_url, backup_dir=tmp_path / "backups")
    yield database
    database.dispose()


@pytest.fixture
def bureau_db(db: object) -> object:
    """A database whose bureau is 区商务局, as in the samples."""
    from proposal_desk.storage.settings_store import set_value

    with db.transaction() as session:  # type: ignore[attr-defined]
        set_value(session, "bureau.name", "区商务局")
        set_value(session, "bureau.aliases", "周村区商务局,商务局")
    return db
