"""Session hooks that keep derived data true on every commit, whoever writes:
the audit log (who changed what), the status caches with their history, and the search index.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable, Iterable, Sequence
from itertools import compress, repeat
from json.encoder import encode_basestring as _json_str
from operator import add, eq, is_, itemgetter, methodcaller, not_
from typing import Any

from sqlalchemy import Connection, event, insert, inspect, select
from sqlalchemy.orm import Mapper, Session, object_session
from sqlalchemy.orm.attributes import set_committed_value
from sqlalchemy.orm.exc import StaleDataError
from sqlalchemy.orm.util import identity_key

from proposal_desk.core.memo import Memo, convert_each
from proposal_desk.gc_pause import gc_paused
from proposal_desk.storage import fastsql, search
from proposal_desk.storage.facts import CACHE_COLUMNS, Loaded, caches, load_stored
from proposal_desk.storage.models import (
    AuditEntry,
    Base,
    Meeting,
    Proposal,
    Setting,
    StatusChange,
)

_TOUCHED = "touched_proposals"
_REFRESHING = "refreshing"
_REFRESH_ALL = "refresh_all"
_NEW = "new_proposals"
_MEETINGS = "meetings_with_new_dates"
_KNOWN = "known_proposals"  # id → facts.Loaded handed over by a bulk writer
_DELETED = "deleted_in_flush"
# What the caches depend on outside the proposal: the meeting's fixed dates and these settings.
_MEETING_DATES = ("reply_due", "assist_due", "return_due")
_DEADLINE_KEYS = ("deadline.",)
# Blobs are content, logged through their Attachment row; the audit log does not log itself.
_NOT_AUDITED = {"blob", "audit_log", "status_change"}


def attach(session: Session) -> None:
    if session.info.get("hooks"):
        return
    session.info["hooks"] = True
    session.info[_TOUCHED] = set()
    event.listen(session, "after_flush", _after_flush)
    event.listen(session, "before_commit", _before_commit)
    event.listen(session, "after_rollback", _after_rollback)


@event.listens_for(Base, "after_delete", propagate=True)
def _deleted(_mapper: Mapper[Any], _conn: Connection, target: object) -> None:
    # Every row a flush deletes, orphans included: a child taken out of its collection (a
    # record, an attachment, a 退回 request withdrawn) is deleted by the cascade without ever
    # being in session.deleted, and went unlogged.
    session = object_session(target)
    if session is not None and session.info.get("hooks"):
        session.info.setdefault(_DELETED, []).append(target)


def touch(session: Session, proposal_id: int, *, new: bool = False) -> None:
    """Ask for a proposal's caches and index to be refreshed at commit; `new` for one a bulk
    writer has just inserted (its status history starts from nothing)."""
    session.info.setdefault(_TOUCHED, set()).add(proposal_id)
    _forget(session, proposal_id)  # rows written after a hand-over: read it back
    if new:
        session.info.setdefault(_NEW, set()).add(proposal_id)


def touch_many(session: Session, proposal_ids: Iterable[int], *, new: bool = False) -> None:
    """`touch` for many proposals at once (a bulk insert's rows)."""
    ids = set(proposal_ids)
    session.info.setdefault(_TOUCHED, set()).update(ids)
    known = session.info.get(_KNOWN)
    if known:
        for pid in ids:
            known.pop(pid, None)
    if new:
        session.info.setdefault(_NEW, set()).update(ids)


def hand_over(session: Session, loaded: list[Loaded]) -> None:
    """A bulk writer's proposals as it has just written them, so that the commit refreshes them
    without reading them back. Any later change to one of them in this transaction (a flush
    touching it, a meeting's dates) drops what was handed over and it is read as usual."""
    known: dict[int, Loaded] = session.info.setdefault(_KNOWN, {})
    for item in loaded:
        known[item.data.id] = item


def _forget(session: Session, proposal_id: int | None = None) -> None:
    known = session.info.get(_KNOWN)
    if not known:
        return
    if proposal_id is None:
        known.clear()
    else:
        known.pop(proposal_id, None)


def _proposal_id_of(obj: object) -> int | None:
    if isinstance(obj, Proposal):
        return obj.id
    return getattr(obj, "proposal_id", None)


_PLAIN = frozenset((str, int, bool, float))
# An import's rows share a few hundred dates and one timestamp.
_ISO = Memo(methodcaller("isoformat"), limit=10_000)


def _jsonable(value: Any) -> Any:
    if type(value) in _PLAIN:
        return value
    if isinstance(value, dt.date | dt.datetime):
        return _ISO[value]
    if isinstance(value, bytes):
        return f"<{len(value)} bytes>"
    if isinstance(value, enum.Enum):
        return value.value
    return value


def audit_entry(session: Session, table: str, row_id: str, proposal_id: int | None,
                action: str, changes: dict[str, Any], at: dt.datetime) -> dict[str, Any]:
    """One audit_log row, as the ORM hook writes it and bulk writers must too."""
    return {"at": at, "user": session.info.get("user", ""), "table": table, "row_id": row_id,
            "proposal_id": proposal_id, "action": action, "changes": changes}


def insert_changes(row: dict[str, Any]) -> dict[str, Any]:
    """What the audit log keeps of an inserted row: every column given a value."""
    plain = _PLAIN
    return {k: v if type(v) in plain else _jsonable(v) for k, v in row.items()
            if v is not None and v != ""}


_PLAIN_OR_NONE = _PLAIN | {type(None)}
_DATE_OR_NONE = frozenset((dt.date, type(None)))
_TIME_OR_NONE = frozenset((dt.datetime, type(None)))


def insert_changes_many(rows: Sequence[dict[str, Any]], *, leave: str = ""
                        ) -> list[dict[str, Any]]:
    """`insert_changes` of each row (without the key `leave`), the same dictionaries; built
    column by column when every row has the same keys in the same order (a bulk insert's
    complete rows): a column empty in every row is left out at once, one given in every row
    kept at once, and only the others looked at row by row."""
    if not rows:
        return []
    if len(set(map(tuple, rows))) != 1:
        return [{k: v for k, v in insert_changes(row).items() if k != leave} for row in rows]
    names: list[str] = []
    columns: list[list[Any]] = []
    sometimes: list[tuple[str, list[Any]]] = []
    for key in rows[0]:
        if key == leave:
            continue
        column = list(map(itemgetter(key), rows))
        empty = column.count(None) + column.count("")
        if empty == len(column):
            continue
        types = set(map(type, column))
        if not types <= _PLAIN_OR_NONE:
            if types <= _DATE_OR_NONE or types <= _TIME_OR_NONE:  # each distinct day once
                column = convert_each(_jsonable, column)
            else:
                column = [v if type(v) in _PLAIN_OR_NONE else _jsonable(v) for v in column]
        names.append(key)
        columns.append(column)
        if empty:
            sometimes.append((key, column))
    if not columns:
        return [{} for _ in rows]
    result = list(map(dict, map(zip, repeat(names), zip(*columns, strict=True))))
    for key, column in sometimes:  # deleting keeps the other keys' order
        for changes in compress(result, map(is_, column, repeat(None))):
            del changes[key]
        for changes in compress(result, map(eq, column, repeat(""))):
            del changes[key]
    return result


def json_serializer(session: Session) -> Callable[[Any], str] | None:
    """The program's JSON text function when the session's engine writes JSON columns with it
    (what `insert_changes_texts` reproduces), else None."""
    from proposal_desk.storage.database import json_text  # database imports this module

    dialect = session.connection().dialect
    found = getattr(dialect, "_json_serializer", None)
    return json_text if found is json_text else None


def json_key(key: str) -> str:
    """A dictionary key's JSON text with the separator after it, as the program writes it."""
    return _json_str(key) + ": "


def _json_scalar(value: Any, serializer: Callable[[Any], str]) -> str:
    """`serializer(value)` (the program's json_text), the common types without a call."""
    kind = type(value)
    if kind is str:
        return _json_str(value)
    if kind is bool:
        return "true" if value else "false"
    if kind is int:
        return int.__repr__(value)
    return serializer(value)


_NONE = type(None)
_ONE_TEXT = frozenset((str, int, bool))  # equal values of one of these types: one JSON text
_FLAG_TEXT = {True: "true", False: "false"}
_NEVER_TEXT = frozenset((int, bool, float, dt.date, dt.datetime, _NONE))  # never equal to ""


def _piece(key: str, column: list[Any], empty: int, serializer: Callable[[Any], str]
           ) -> tuple[str, list[Any] | None]:
    """One column's part of a row's JSON text, each beginning with ", ": a format (its % signs
    doubled) and the values it takes, row by row; a value the same in every row is written
    into the format (no values), and where some rows leave the column out (None or "") the
    values are whole fragments, "" in those rows."""
    prefix = ", " + json_key(key)
    types = set(map(type, column))
    if len(types) == 1 and types <= _ONE_TEXT:
        if column.count(column[0]) == len(column):
            return (prefix + _json_scalar(column[0], serializer)).replace("%", "%%"), None
        kind = next(iter(types))
        if kind is int:
            return prefix.replace("%", "%%") + "%d", column
        if kind is str and not empty:
            return prefix.replace("%", "%%") + "%s", list(map(_json_str, column))
        if kind is bool:
            return prefix.replace("%", "%%") + "%s", list(map(_FLAG_TEXT.__getitem__, column))
    if types <= {str, _NONE}:
        texts = list(map(add, repeat(prefix), map(
            _json_str, column if _NONE not in types else [v or "" for v in column])))
        for i in compress(range(len(column)), map(not_, column)):  # None or ""
            texts[i] = ""
        return "%s", texts
    # emptiness as given, the text of the value as logged (an enum's value, a float)
    return "%s", ["" if v is None or v == "" else prefix + _json_scalar(_jsonable(v),
                                                                         serializer)
                  for v in column]


def insert_changes_texts(rows: Sequence[dict[str, Any]], serializer: Callable[[Any], str], *,
                         leave: str = "", braces: bool = False) -> list[str]:
    """`serializer(insert_changes_many(rows, leave=leave)[i])` for each row, without its braces
    unless `braces`: the same text, written column by column (each key once, a column with
    one value in every row once, one formatting per row) instead of one JSON encoding of a
    dictionary per row. `serializer` must be the program's json_text (`json_serializer`):
    ensure_ascii off, default separators."""
    if not rows:
        return []
    if len(set(map(tuple, rows))) != 1:
        texts = [serializer(changes) for changes in insert_changes_many(rows, leave=leave)]
        return texts if braces else [text[1:-1] for text in texts]
    formats: list[str] = []
    values: list[list[Any]] = []
    always = False  # whether the first column's ", " can be left out of the format
    for key in rows[0]:
        if key == leave:
            continue
        column = list(map(itemgetter(key), rows))
        types = set(map(type, column))
        empty = column.count(None) + (column.count("") if types - _NEVER_TEXT else 0)
        if empty == len(column):
            continue
        if (types <= _DATE_OR_NONE or types <= _TIME_OR_NONE) and types != {_NONE}:
            column = convert_each(_jsonable, column)  # as insert_changes_many: each day once
        text, taken = _piece(key, column, empty, serializer)
        if not formats:  # the first column's ", " is in its format, not in its values
            always = text.startswith(", ")
        formats.append(text)
        if taken is not None:
            values.append(taken)
    body = "".join(formats)
    if always:  # the first column's ", " left out of the format itself
        body = "{" + body[2:] + "}" if braces else body[2:]
    texts = list(map(body.__mod__, zip(*values, strict=True))) if values else \
        [body % ()] * len(rows)
    if always:
        return texts
    texts = list(map(itemgetter(slice(2, None)), texts))
    return list(map(add, map(add, repeat("{"), texts), repeat("}"))) if braces else texts


def _after_flush(session: Session, _ctx: object) -> None:
    touched: set[int] = session.info.setdefault(_TOUCHED, set())
    audit_rows: list[dict[str, Any]] = []
    now = dt.datetime.now().replace(microsecond=0)
    deleted = session.info.pop(_DELETED, [])
    for action, objects in (("insert", session.new), ("update", session.dirty),
                            ("delete", deleted)):
        for obj in objects:
            state = inspect(obj)
            mapper = state.mapper
            tablename = mapper.local_table.name
            pid = _proposal_id_of(obj)
            if not session.info.get(_REFRESHING):
                if pid is not None:
                    touched.add(pid)
                    _forget(session, pid)
                if action == "insert" and isinstance(obj, Proposal):
                    session.info.setdefault(_NEW, set()).add(obj.id)
                if isinstance(obj, Meeting) and action == "update" and any(
                        state.attrs[k].history.has_changes() for k in _MEETING_DATES):
                    session.info.setdefault(_MEETINGS, set()).add(obj.id)
                    _forget(session)
                if isinstance(obj, Setting) and obj.key.startswith(_DEADLINE_KEYS):
                    session.info[_REFRESH_ALL] = True
            if tablename in _NOT_AUDITED:
                continue
            changes: dict[str, Any] = {}
            for attr in mapper.column_attrs:
                if action == "update":
                    hist = state.attrs[attr.key].history
                    if not hist.has_changes():
                        continue
                    old = hist.deleted[0] if hist.deleted else None
                    new = hist.added[0] if hist.added else None
                    if old != new and attr.key not in ("updated_at", "version"):
                        changes[attr.key] = [_jsonable(old), _jsonable(new)]
                    continue
                # what an inserted row holds, or a deleted one held as far as loaded (its row
                # is gone: no load from the database)
                value = getattr(obj, attr.key) if action == "insert" else state.dict.get(attr.key)
                if value not in (None, ""):
                    changes[attr.key] = _jsonable(value)
            if action == "update" and not changes:
                continue
            key = "/".join(str(v) for v in mapper.primary_key_from_instance(obj))
            audit_rows.append(audit_entry(session, tablename, key, pid, action, changes, now))
    if audit_rows:
        session.connection().execute(insert(AuditEntry), audit_rows)


def _before_commit(session: Session) -> None:
    session.flush()
    ids: set[int] = session.info.get(_TOUCHED) or set()
    caches_only: set[int] = set()
    if session.info.pop(_REFRESH_ALL, False):
        caches_only = set(session.scalars(select(Proposal.id)))
    elif meetings := session.info.pop(_MEETINGS, None):
        caches_only = set(session.scalars(
            select(Proposal.id).where(Proposal.meeting_id.in_(sorted(meetings)))))
    session.info.pop(_MEETINGS, None)
    caches_only -= ids
    if not ids and not caches_only:
        return
    session.info[_TOUCHED] = set()
    session.info[_REFRESHING] = True
    try:
        # a large refresh (an import) leaves its objects to the oldest generation; an edit's
        # few are young garbage soon
        with gc_paused(keep=len(ids) + len(caches_only) >= 1000):
            refresh(session, ids, caches_only=caches_only)
    finally:
        session.info[_REFRESHING] = False


def refresh_all_at_commit(session: Session) -> None:
    """Recompute every proposal's cached columns when this session commits (the rules that
    derive them changed), as a change of the deadline settings does."""
    session.info[_REFRESH_ALL] = True


def refresh(session: Session, ids: set[int], *, caches_only: set[int] | None = None) -> None:
    """Recompute status, due date and list columns, and reindex, for the given proposals
    (`caches_only`: recompute the columns but leave the index, whose text did not change).

    Reads with column selects and writes with one executemany per table, so a commit that
    touched 10,000 proposals (an import) costs about what one touching ten does, per row.
    Writes what the ORM would have: a versioned UPDATE of the changed columns, their audit
    rows, the status history, and the proposals' objects in this session kept current.
    """
    from proposal_desk.storage.settings_store import load_settings

    deadlines = load_settings(session).deadlines
    new: set[int] = session.info.pop(_NEW, set())
    conn = session.connection()
    now = dt.datetime.now().replace(microsecond=0)
    known: dict[int, Loaded] = session.info.pop(_KNOWN, None) or {}
    handed = [known[i] for i in ids if i in known]
    loaded = load_stored(conn, ids - known.keys(), text=True) if len(handed) < len(ids) else []
    if handed:  # in id order, as load_stored gives them: the index is written the same
        loaded = sorted(loaded + handed, key=lambda item: item.data.id)
    if caches_only:
        loaded += load_stored(conn, caches_only - ids, text=False)
    updates: list[dict[str, Any]] = []
    history: list[dict[str, Any]] = []
    audits: list[dict[str, Any]] = []
    docs: dict[bool, list[tuple[int, list[str]]]] = {True: [], False: []}
    for item in loaded:
        pid = item.data.id
        derived = item.derived
        fresh = derived[1] if derived and derived[0] == deadlines else caches(item.data,
                                                                             deadlines)
        if fresh != item.stored:
            updates.append({**fresh._asdict(), "id": pid, "version": item.version})
            # A new proposal's derived columns follow from its insert row, and its first
            # status is in the status history: no audit row of their own.
            if pid not in new:
                changes = {name: [_jsonable(old), _jsonable(value)] for name, old, value
                           in zip(CACHE_COLUMNS, item.stored, fresh, strict=True)
                           if old != value}
                audits.append(audit_entry(session, "proposal", str(pid), pid, "update",
                                          changes, now))
        if pid in new or fresh.status != item.stored.status:
            history.append({"proposal_id": pid, "at": now, "user": session.info.get("user", ""),
                            "old": "" if pid in new else item.stored.status,
                            "new": fresh.status})
        if pid in ids:
            docs[pid in new].append((pid, search.document_parts(item.data, fresh)))
    _write_caches(session, conn, updates, now)
    fastsql.insert_many(conn, StatusChange.__table__, history)  # type: ignore[arg-type]
    fastsql.insert_many(conn, AuditEntry.__table__, audits)  # type: ignore[arg-type]
    search.write_index(conn, docs[True], new=True)
    search.write_index(conn, docs[False])
    search.remove_from_index(conn, ids - {item.data.id for item in loaded})


def _write_caches(session: Session, conn: Connection, updates: list[dict[str, Any]],
                  now: dt.datetime) -> None:
    if not updates:
        return
    for u in updates:
        u["updated_at"] = now
    changed = fastsql.update_many(
        conn, Proposal.__table__, [*CACHE_COLUMNS, "updated_at"], updates,  # type: ignore[arg-type]
        where=("id", "version"), also="version = version + 1")
    if changed not in (-1, len(updates)):
        # Someone else's save moved a version on since this transaction read it.
        raise StaleDataError("proposal changed while its list columns were refreshed")
    for u in updates:  # objects of this session see what was written, as after a flush
        obj = session.identity_map.get(identity_key(Proposal, (u["id"],)))
        if obj is None:
            continue
        for name in CACHE_COLUMNS:
            set_committed_value(obj, name, u[name])
        set_committed_value(obj, "version", u["version"] + 1)
        set_committed_value(obj, "updated_at", now)


def _after_rollback(session: Session) -> None:
    session.info[_TOUCHED] = set()
    session.info.pop(_KNOWN, None)
    session.info.pop(_REFRESH_ALL, None)
    session.info.pop(_MEETINGS, None)
    session.info.pop(_NEW, None)
    session.info.pop(_DELETED, None)  # deletes of a flush that failed later on were undone
