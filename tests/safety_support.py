"""Helpers for the data-safety tests: sample rows, a damaged file, a snapshot to compare."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, inspect, select, text

from proposal_desk.services import handling
from proposal_desk.storage.database import Database
from proposal_desk.storage.models import Meeting, Proposal


def plain_proposal(db: Database, number: str = "144039", role: str = "主办",
                   title: str = "关于发展首店经济的建议", proposers: Sequence[str] = ()) -> int:
    """One proposal and nothing else (but its `proposers`), in 区政协十四届四次会议, assigned
    2025-03-18: the ground the handling-date tests build on."""
    with db.transaction() as s:
        meeting = s.scalars(select(Meeting)).first() or Meeting(
            kind="提案", name="区政协十四届四次会议", year=2025)
        p = Proposal(meeting=meeting, number=number, title=title, role=role,
                     assigned_on=dt.date(2025, 3, 18))
        s.add(p)
        s.flush()
        if proposers:
            handling.set_proposers(s, p, list(proposers))
        return p.id


def add_proposal(db: Database, number: str, title: str = "关于加快跨境电商发展的建议", *,
                 attachment: bytes | None = None, reply: str | None = None) -> int:
    with db.transaction() as s:
        meeting = s.scalars(select(Meeting)).first() or Meeting(
            kind="提案", name="区政协十四届四次会议", year=2025)
        p = Proposal(meeting=meeting, number=number, title=title, role="主办",
                     assigned_on=dt.date(2025, 3, 18))
        s.add(p)
        s.flush()
        handling.set_proposers(s, p, ["彭刚超", "高辉刚"])
        handling.add_record(p, date=dt.date(2025, 4, 1), method="电话",
                            content=f"与委员电话沟通{title}")
        if attachment is not None:
            handling.add_attachment(s, p, name=f"{number}.pdf", data=attachment)
        if reply is not None:
            handling.save_reply(s, p, text=reply)
        return p.id


def numbers(url_or_path: str | Path) -> list[str]:
    url = url_or_path if isinstance(url_or_path, str) and "://" in url_or_path \
        else f"sqlite:///{url_or_path}"
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return list(conn.scalars(text("SELECT number FROM proposal ORDER BY number")))
    finally:
        engine.dispose()


def snapshot(url: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, to assert that a refused input left the database unchanged."""
    engine = create_engine(url)
    try:
        tables = sorted(inspect(engine).get_table_names())
        with engine.connect() as conn:
            return {t: sorted(map(tuple, conn.execute(text(f'SELECT * FROM "{t}"'))), key=repr)
                    for t in tables if not t.startswith("search_fts_")}
    finally:
        engine.dispose()


def corrupt_table(path: Path, name: str) -> None:
    """Scribble over one table's (or index's) root page only: the rest of the file stays
    sound, so a quick read of the other tables still works."""
    conn = sqlite3.connect(path)
    try:
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?",
                            (name,)).fetchone()[0]
        size = conn.execute("PRAGMA page_size").fetchone()[0]
    finally:
        conn.close()
    with path.open("r+b") as fh:
        fh.seek((root - 1) * size)
        fh.write(b"\xff" * 64)


def corrupt(path: Path) -> None:
    """Scribble over the middle of b-tree pages, as a failing disk does."""
    size = path.stat().st_size
    with path.open("r+b") as fh:
        for page in range(1, size // 4096, 3):  # page headers, from the second page on
            fh.seek(page * 4096)
            fh.write(b"\xff" * 64)


def cli(*args: str) -> tuple[int, str, str]:
    from proposal_desk.cli.main import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()
