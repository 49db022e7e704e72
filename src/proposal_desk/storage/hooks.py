"""Session hooks that keep derived data true on every commit, whoever writes:
the audit log (who changed what), the status caches with their history, and the search index.
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

from sqlalchemy import event, insert, inspect, select
from sqlalchemy.orm import Session, selectinload

from proposal_desk.storage import search
from proposal_desk.storage.facts import refresh_caches
from proposal_desk.storage.models import (
    AuditEntry,
    Meeting,
    Proposal,
    ProposalMember,
    ProposalTopic,
    Setting,
    StatusChange,
)

_TOUCHED = "touched_proposals"
_REFRESHING = "refreshing"
_REFRESH_ALL = "refresh_all"
_NEW = "new_proposals"
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


def touch(session: Session, proposal_id: int) -> None:
    """Ask for a proposal's caches and index to be refreshed at commit."""
    session.info.setdefault(_TOUCHED, set()).add(proposal_id)


def _proposal_id_of(obj: object) -> int | None:
    if isinstance(obj, Proposal):
        return obj.id
    return getattr(obj, "proposal_id", None)


def _jsonable(value: Any) -> Any:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, bytes):
        return f"<{len(value)} bytes>"
    if isinstance(value, enum.Enum):
        return value.value
    return value


def _after_flush(session: Session, _ctx: object) -> None:
    touched: set[int] = session.info.setdefault(_TOUCHED, set())
    audit_rows: list[dict[str, Any]] = []
    user = session.info.get("user", "")
    now = dt.datetime.now().replace(microsecond=0)
    for action, objects in (("insert", session.new), ("update", session.dirty),
                            ("delete", session.deleted)):
        for obj in objects:
            state = inspect(obj)
            mapper = state.mapper
            tablename = mapper.local_table.name
            pid = _proposal_id_of(obj)
            if not session.info.get(_REFRESHING):
                if pid is not None:
                    touched.add(pid)
                if action == "insert" and isinstance(obj, Proposal):
                    session.info.setdefault(_NEW, set()).add(obj.id)
                if isinstance(obj, Meeting | Setting):
                    session.info[_REFRESH_ALL] = True
            if tablename in _NOT_AUDITED:
                continue
            changes: dict[str, Any] = {}
            for attr in mapper.column_attrs:
                hist = state.attrs[attr.key].history
                if action == "insert":
                    value = getattr(obj, attr.key)
                    if value not in (None, ""):
                        changes[attr.key] = _jsonable(value)
                elif action == "update" and hist.has_changes():
                    old = hist.deleted[0] if hist.deleted else None
                    new = hist.added[0] if hist.added else None
                    if old != new and attr.key not in ("updated_at", "version"):
                        changes[attr.key] = [_jsonable(old), _jsonable(new)]
            if action == "update" and not changes:
                continue
            key = "/".join(str(v) for v in mapper.primary_key_from_instance(obj))
            audit_rows.append({"at": now, "user": user, "table": tablename, "row_id": key,
                               "proposal_id": pid, "action": action, "changes": changes})
    if audit_rows:
        session.connection().execute(insert(AuditEntry), audit_rows)


def _before_commit(session: Session) -> None:
    session.flush()
    if session.info.pop(_REFRESH_ALL, False):
        session.info[_TOUCHED] = set(session.scalars(select(Proposal.id)))
    ids = session.info.get(_TOUCHED) or set()
    if not ids:
        return
    session.info[_TOUCHED] = set()
    session.info[_REFRESHING] = True
    try:
        refresh(session, ids)
        session.flush()
    finally:
        session.info[_REFRESHING] = False


def refresh(session: Session, ids: set[int]) -> None:
    """Recompute status, due date and list columns, and reindex, for the given proposals."""
    from proposal_desk.storage.settings_store import load_settings

    deadlines = load_settings(session).deadlines
    new: set[int] = session.info.pop(_NEW, set())
    user = session.info.get("user", "")
    found: set[int] = set()
    ordered = sorted(ids)
    for start in range(0, len(ordered), 500):
        chunk = ordered[start:start + 500]
        proposals = session.scalars(
            select(Proposal).where(Proposal.id.in_(chunk)).options(
                selectinload(Proposal.meeting),
                selectinload(Proposal.replies),
                selectinload(Proposal.member_opinions),
                selectinload(Proposal.assist_opinions),
                selectinload(Proposal.returns),
                selectinload(Proposal.records),
                selectinload(Proposal.proposers).selectinload(ProposalMember.member),
                selectinload(Proposal.units),
                selectinload(Proposal.topics).selectinload(ProposalTopic.topic),
                selectinload(Proposal.follow_ups),
            )
        ).all()
        docs: list[tuple[int, str]] = []
        for p in proposals:
            found.add(p.id)
            old = refresh_caches(p, deadlines)
            if p.id in new:
                old = ""
            if old is not None:
                session.add(StatusChange(proposal_id=p.id, old=old or "", new=p.status, user=user))
            docs.append((p.id, search.document_text(p)))
        session.flush()
        search.write_index(session.connection(), docs)
    search.remove_from_index(session.connection(), ids - found)


def _after_rollback(session: Session) -> None:
    session.info[_TOUCHED] = set()
    session.info.pop(_REFRESH_ALL, None)
    session.info.pop(_NEW, None)

