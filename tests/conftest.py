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


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'test.sqlite3'}"


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
