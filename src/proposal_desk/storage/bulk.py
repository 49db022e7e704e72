"""Inserting many rows at once (an import of thousands of proposals), with what the ORM and the
session hooks would have written for the same objects: the columns' defaults, audit rows (one
per inserted row, or for new proposals one per proposal holding its child rows), and the
proposals touched so that the commit refreshes their caches, status history and search index.

The ORM inserts such rows one statement at a time (SQLite returns each new key separately), and
its bookkeeping costs more than the insert; here keys are taken up front and every table is one
executemany. Use it inside `Database.transaction()` like any other write.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from itertools import count, groupby, repeat
from operator import add, itemgetter
from typing import Any

from sqlalchemy import Connection, Table, func, select, text
from sqlalchemy.orm import Session

from proposal_desk.storage import fastsql, hooks
from proposal_desk.storage.models import AuditEntry, Base, Proposal


class IdSource:
    """New integer keys for one table, handed out one by one, reserved for this transaction.

    SQLite: the keys after the largest one; safe because SQLite has one writer at a time and a
    transaction that read before another's commit cannot commit itself (it gets SQLITE_BUSY).
    PostgreSQL: drawn from the column's sequence in blocks, as its own inserts would.
    """

    BLOCK = 500

    def __init__(self, conn: Connection, model: type[Base]):
        self.conn = conn
        self.table: Table = model.__table__  # type: ignore[assignment]
        self.sequence = conn.dialect.name == "postgresql"
        self._ready: list[int] = []
        self._next: int | None = None

    def __call__(self) -> int:
        if self.sequence:
            if not self._ready:
                rows = self.conn.execute(text(
                    "SELECT nextval(pg_get_serial_sequence(:t, 'id')) "
                    "FROM generate_series(1, :n)"), {"t": self.table.name, "n": self.BLOCK})
                self._ready = [r[0] for r in rows][::-1]
            return self._ready.pop()
        if self._next is None:
            top = self.conn.execute(select(func.max(self.table.c.id))).scalar()
            self._next = (top or 0) + 1
        value = self._next
        self._next += 1
        return value

    def counter(self) -> Callable[[], int]:
        """The keys from here on as one C-level call each (SQLite: a count from the next key,
        read now; tens of thousands of rows take one each). The source itself is then spent."""
        if self.sequence:
            return self
        return count(self()).__next__


def data_version(session: Session) -> tuple[int, int]:
    """Changes when anything is written through the program (every write leaves an audit row;
    a restored backup has fewer or other ones): the newest audit row and the proposals."""
    newest = select(func.max(AuditEntry.id)).scalar_subquery()
    proposals = select(func.count()).select_from(Proposal).scalar_subquery()
    row = session.execute(select(newest, proposals)).one()
    return (row[0] or 0, row[1] or 0)


def _defaults(table: Table) -> list[tuple[str, Callable[[], Any]]]:
    """The Python-side defaults of a table's columns, as zero-argument functions."""
    result: list[tuple[str, Callable[[], Any]]] = []
    for column in table.columns:
        default = column.default
        if default is None or not (getattr(default, "is_scalar", False)
                                   or getattr(default, "is_callable", False)):
            continue
        if default.is_callable:  # type: ignore[attr-defined]
            fn = default.arg  # type: ignore[attr-defined]
            result.append((column.key, lambda fn=fn: fn(None)))
        else:
            value = default.arg  # type: ignore[attr-defined]
            result.append((column.key, lambda value=value: value))
    return result


def insert_rows(session: Session, model: type[Base], rows: Sequence[dict[str, Any]], *,
                audit: bool = True) -> list[dict[str, Any]]:
    """Insert complete rows (keys included) of one table, with their defaults, audit rows and
    the touch of their proposals; returns the rows as written (defaults filled in). Rows of a
    table another one points to must go first. `audit=False`: the caller audits them, with
    `audit_new_proposals`."""
    full = complete_rows(model, rows)
    insert_complete(session, model, full, audit=audit)
    return full


def complete_rows(model: type[Base], rows: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """The rows with every column: the Python-side defaults (one timestamp for the batch, as
    one flush would give) and NULL for the rest."""
    if not rows:
        return []
    table: Table = model.__table__  # type: ignore[assignment]
    computed: dict[str, Any] = {}
    for key, fn in _defaults(table):
        computed[key] = fn()
    base = dict.fromkeys(table.columns.keys())  # every column, in the table's order
    if "id" in base and "id" not in rows[0]:
        del base["id"]  # the database assigns it
    base.update(computed)
    return [{**base, **row} for row in rows]


def insert_complete(session: Session, model: type[Base], full: Sequence[dict[str, Any]], *,
                    audit: bool = True) -> None:
    """insert_rows for rows `complete_rows` has made."""
    if not full:
        return
    table: Table = model.__table__  # type: ignore[assignment]
    now = dt.datetime.now().replace(microsecond=0)
    fastsql.insert_many(session.connection(), table, full)
    is_proposal = model is Proposal
    pid_key = "id" if is_proposal else "proposal_id"
    try:  # complete rows: every one has the column, or none
        touched = set(map(itemgetter(pid_key), full)) if pid_key in full[0] else set()
    except KeyError:
        touched = {v[pid_key] for v in full if v.get(pid_key) is not None}
    touched.discard(None)
    hooks.touch_many(session, touched, new=is_proposal)
    if audit:
        audit_inserted(session, model, full, now)


def audit_inserted(session: Session, model: type[Base], full: Sequence[dict[str, Any]],
                   now: dt.datetime | None = None) -> None:
    """One audit row per inserted row, as the ORM hook writes them."""
    if not full:
        return
    table: Table = model.__table__  # type: ignore[assignment]
    now = now or dt.datetime.now().replace(microsecond=0)
    keys = [c.key for c in table.primary_key.columns]
    pid_key = "id" if model is Proposal else "proposal_id"
    audits = []
    for values, changes in zip(full, hooks.insert_changes_many(full), strict=True):
        row_id = "/".join(str(values[k]) for k in keys)
        audits.append(hooks.audit_entry(session, table.name, row_id, values.get(pid_key), "insert",
                                        changes, now))
    fastsql.insert_many(session.connection(), AuditEntry.__table__, audits)  # type: ignore[arg-type]


def audit_new_proposals(session: Session, proposals: Sequence[dict[str, Any]],
                        children: dict[str, Sequence[dict[str, Any]]],
                        extra: dict[int, dict[str, Any]] | None = None) -> None:
    """One audit row per new proposal (table "proposal", action "insert"): its columns as the
    ORM hook logs an insert, its child rows (proposers, units, reply, records…) under
    "rows" by table, and `extra[id]` (where it came from: the import's file, sheet and row).
    What a bulk import writes instead of one audit row per inserted row."""
    if not proposals:
        return
    extra = extra or {}
    conn = session.connection()
    serializer = hooks.json_serializer(session)
    added_keys = set().union(*extra.values())
    # an added key that is a column (or "rows") would replace a value in place
    clash = bool(added_keys & proposals[0].keys()) or "rows" in added_keys | proposals[0].keys()
    if serializer is None or clash or not fastsql.direct(conn):
        audits = _new_proposal_audits(session, proposals, children, extra)
        fastsql.insert_many(conn, AuditEntry.__table__, audits)  # type: ignore[arg-type]
        return
    # The JSON text written straight, column by column: the same text as the JSON column's
    # own encoding of the dictionaries _new_proposal_audits builds (tests/test_audit_text.py),
    # at a fraction of the cost (10,000 proposals: ~18 MB of it).
    pids = list(map(itemgetter("id"), proposals))
    # per child table: a proposal's '"table": [{…}, …]', in the order of `children`
    tables: list[list[str | None]] = []
    for table, rows in children.items():
        if not rows:
            continue
        texts = hooks.insert_changes_texts(rows, serializer, leave="proposal_id", braces=True)
        owners = list(map(itemgetter("proposal_id"), rows))
        key = hooks.json_key(table) + "["
        if len(set(owners)) == len(owners):  # one row each (a reply): no grouping
            by_pid = dict(zip(owners, map(add, repeat(key), map(add, texts, repeat("]"))),
                              strict=True))
        else:
            runs: dict[int, list[str]] = {}
            # a proposal's rows are written together: one step per run of them, in row order
            for pid, run in groupby(zip(owners, texts, strict=True), key=itemgetter(0)):
                runs.setdefault(pid, []).extend(map(itemgetter(1), run))
            by_pid = {pid: key + ", ".join(run) + "]" for pid, run in runs.items()}
        tables.append(list(map(by_pid.get, pids)))
    nested = list(map(", ".join, map(filter, repeat(None), zip(*tables, strict=True)))) \
        if tables else [""] * len(pids)
    own = hooks.insert_changes_texts(proposals, serializer)
    added = [serializer(found)[1:-1] if (found := extra.get(pid)) else "" for pid in pids]
    if all(own) and all(added):  # every proposal has columns and an extra: one format
        changes = list(map('{%s, %s, "rows": {%s}}'.__mod__, zip(own, added, nested,
                                                                 strict=True)))
    else:
        changes = ["{" + ", ".join([*filter(None, (o, a)), '"rows": {' + n + "}"]) + "}"
                   for o, a, n in zip(own, added, nested, strict=True)]
    now = dt.datetime.now().replace(microsecond=0)
    user = session.info.get("user", "")
    audits = [{"at": now, "user": user, "table": "proposal", "row_id": str(pid),
               "proposal_id": pid, "action": "insert", "changes": text}
              for pid, text in zip(pids, changes, strict=True)]
    fastsql.insert_many(conn, AuditEntry.__table__, audits,  # type: ignore[arg-type]
                        stored=("changes",))


def _new_proposal_audits(session: Session, proposals: Sequence[dict[str, Any]],
                         children: dict[str, Sequence[dict[str, Any]]],
                         extra: dict[int, dict[str, Any]]) -> list[dict[str, Any]]:
    """audit_new_proposals' rows as dictionaries, for the JSON column to encode."""
    nested: dict[int, dict[str, list[dict[str, Any]]]] = {}
    for table, rows in children.items():
        kept = hooks.insert_changes_many(rows, leave="proposal_id")
        pids = map(itemgetter("proposal_id"), rows)
        # a proposal's rows are written together: one step per run of them, in row order
        for pid, run in groupby(zip(pids, kept, strict=True), key=itemgetter(0)):
            nested.setdefault(pid, {}).setdefault(table, []).extend(map(itemgetter(1), run))
    now = dt.datetime.now().replace(microsecond=0)
    audits = []
    for values, changes in zip(proposals, hooks.insert_changes_many(proposals), strict=True):
        pid = values["id"]
        changes.update(extra.get(pid, {}))
        changes["rows"] = nested.get(pid, {})
        audits.append(hooks.audit_entry(session, "proposal", str(pid), pid, "insert",
                                        changes, now))
    return audits
