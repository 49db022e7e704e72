"""Consistent copies of a SQLite database through SQLite's online backup API."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.engine import make_url


def backup_database(engine: Engine, dest: Path) -> Path:
    """Copy the live database to `dest` page by page, consistent even while it is open."""
    source = make_url(str(engine.url)).database
    if not source or source == ":memory:":
        raise ValueError("only a file database can be backed up")
    return backup_file(Path(source), dest)


def backup_file(source: Path, dest: Path) -> Path:
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(dest.name + ".part")
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(tmp)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    tmp.replace(dest)  # a half-written copy never carries the final name
    return dest
