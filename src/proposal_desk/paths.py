"""The one place that decides where data lives.

Order: the PROPOSAL_DESK_DATA environment variable; a `data` folder beside the executable
(portable use from a USB stick); otherwise the user's data folder from platformdirs.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from platformdirs import user_data_dir

from proposal_desk import APP_ID

DB_FILE = "proposal-desk.sqlite3"
ENV_DATA = "PROPOSAL_DESK_DATA"
ENV_DB = "PROPOSAL_DESK_DB"


def executable_dir() -> Path:
    return Path(sys.executable).resolve().parent


def portable_data_dir() -> Path | None:
    """The `data` folder beside the frozen executable, when the user created or copied one."""
    if not getattr(sys, "frozen", False):
        return None
    candidate = executable_dir() / "data"
    return candidate if candidate.is_dir() else None


def data_dir() -> Path:
    env = os.environ.get(ENV_DATA)
    if env:
        path = Path(env).expanduser()
    else:
        path = portable_data_dir() or Path(user_data_dir(APP_ID, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def demo_data_dir() -> Path:
    path = data_dir() / "demo"
    path.mkdir(parents=True, exist_ok=True)
    return path


def database_url(db: str | None = None, *, demo: bool = False) -> str:
    """--db (a path or any SQLAlchemy URL) wins, then PROPOSAL_DESK_DB, then the data folder."""
    chosen = db or (None if demo else os.environ.get(ENV_DB))
    if chosen:
        return chosen if "://" in chosen else sqlite_url(Path(chosen))
    folder = demo_data_dir() if demo else data_dir()
    return sqlite_url(folder / DB_FILE)


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path.expanduser().resolve()}"


def resources_dir() -> Path:
    """Templates and icons: inside the one-file bundle when frozen, else the source tree."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"
