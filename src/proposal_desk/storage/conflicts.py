"""Two people saving the same proposal: the second save is refused, both versions shown.

Proposal has a version column (SQLAlchemy's version_id_col): every UPDATE says
`WHERE version = <the version read>`, so a save over someone else's newer save changes no row
and SQLAlchemy raises StaleDataError; Database.transaction turns that into a
ProposalConflictError. A form that was loaded in one session and is saved in another says
which version it started from with `claim_proposal`, which also catches a save that only
touches the proposal's records or reply.

`field_differences(stored, attempted)` is the field-by-field comparison a dialog shows; it takes
Proposal rows, dataclasses (services.editing.BasicInfo) or plain mappings.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import event, inspect, select, update
from sqlalchemy.orm import Session

from proposal_desk.core.dates import format_cn
from proposal_desk.storage.errors import ConflictError
from proposal_desk.storage.models import AuditEntry, Proposal, Section, Staff

LABELS: dict[str, str] = {
    "number": "编号", "title": "案由", "sector": "界别", "role": "办理类型", "key": "重点提案",
    "supervisor": "督办领导", "assigned_on": "交办日期", "due_override": "办理时限",
    "signed_on": "签收日期", "section": "承办科室", "section_id": "承办科室",
    "handler": "承办人", "handler_id": "承办人", "leader": "分管领导", "leader_id": "分管领导",
    "merged_with": "并案", "summary": "办理情况", "notes": "备注", "meeting_id": "会议",
    "proposers": "提案人", "lead_units": "主办单位", "other_units": "协办单位",
    "topics": "主题词", "status": "状态", "due": "办理时限",
}
# Bookkeeping columns: they differ on every save and mean nothing to the user.
_IGNORED = {"id", "version", "created_at", "updated_at", "status", "due", "category",
            "satisfaction", "replied_on", "proposer_names", "lead_unit"}


@dataclass(frozen=True)
class FieldDiff:
    field: str
    label: str
    stored: Any  # in the database now: the other person's version
    attempted: Any  # what this save tried to write

    @property
    def stored_text(self) -> str:
        return display(self.stored)

    @property
    def attempted_text(self) -> str:
        return display(self.attempted)

    def __str__(self) -> str:
        return f"{self.label}：已保存的为“{self.stored_text}”，您的为“{self.attempted_text}”"


class ProposalConflictError(ConflictError):
    """已被他人修改: nothing of this save was written. `diffs` lists the fields where the
    stored version and this save differ; `saved_by`/`saved_at` name the other save."""

    def __init__(self, *, proposal_id: int, number: str, diffs: list[FieldDiff],
                 saved_by: str = "", saved_at: dt.datetime | None = None,
                 stored_version: int | None = None):
        self.proposal_id = proposal_id
        self.number = number
        self.diffs = diffs
        self.saved_by = saved_by
        self.saved_at = saved_at
        self.stored_version = stored_version
        super().__init__(self._message())

    def _message(self) -> str:
        who = []
        if self.saved_by:
            who.append(self.saved_by)
        if self.saved_at:
            who.append(f"{format_cn(self.saved_at.date())} {self.saved_at:%H:%M}")
        by = f"（{'，'.join(who)}保存）" if who else ""
        lines = [f"第{self.number}号已被他人修改{by}，您这次的保存没有写入，"
                 "数据库中保留的是对方的版本。请重新载入后再修改。"]
        if self.diffs:
            lines.append("两个版本的不同之处：")
            lines += [f"  {d}" for d in self.diffs]
        return "\n".join(lines)


def display(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, dt.datetime):
        return f"{format_cn(value.date())} {value:%H:%M}"
    if isinstance(value, dt.date):
        return format_cn(value)
    if isinstance(value, list | tuple):
        return "、".join(display(v) for v in value)
    return str(value)


def _as_mapping(obj: Any) -> Mapping[str, Any]:
    if isinstance(obj, Mapping):
        return obj
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: getattr(obj, f.name) for f in dataclasses.fields(obj)}
    if isinstance(obj, Proposal):
        return {c.key: getattr(obj, c.key) for c in inspect(Proposal).column_attrs}
    raise TypeError(f"cannot compare {type(obj).__name__}")


def field_differences(stored: Any, attempted: Any) -> list[FieldDiff]:
    """The fields of `attempted` whose value differs from `stored`, in `attempted`'s order."""
    old, new = _as_mapping(stored), _as_mapping(attempted)
    diffs = []
    for key, value in new.items():
        if key in _IGNORED or key not in old:
            continue
        if _norm(old[key]) != _norm(value):
            diffs.append(FieldDiff(key, LABELS.get(key, key), old[key], value))
    return diffs


def _norm(value: Any) -> Any:
    if value is None:
        return ""
    return list(value) if isinstance(value, tuple) else value


# ---- the two ways a conflict is found ---------------------------------------------------

def claim_proposal(session: Session, proposal_id: int, seen_version: int,
                   attempted: Any = None) -> Proposal:
    """The proposal to save an edit into, made on `seen_version`. Bumps the version at once
    (the row stays locked on PostgreSQL until commit), so of two saves from the same version
    exactly one gets through. Raises ProposalConflictError for the other."""
    result = session.execute(
        update(Proposal).where(Proposal.id == proposal_id, Proposal.version == seen_version)
        .values(version=seen_version + 1).execution_options(synchronize_session=False))
    if result.rowcount != 1:  # type: ignore[attr-defined]
        raise conflict_error(session, proposal_id, attempted)
    p = session.get(Proposal, proposal_id, populate_existing=True)
    assert p is not None
    return p


def conflict_error(session: Session, proposal_id: int, attempted: Any = None
                   ) -> ProposalConflictError:
    """Describe the stored proposal against the attempted change (None: no field list)."""
    stored = session.get(Proposal, proposal_id, populate_existing=True)
    if stored is None:
        return ProposalConflictError(proposal_id=proposal_id, number="?", diffs=[],
                                     saved_by="已被删除")
    last = session.scalars(
        select(AuditEntry).where(AuditEntry.table == "proposal",
                                 AuditEntry.row_id == str(proposal_id))
        .order_by(AuditEntry.id.desc()).limit(1)).first()
    diffs: list[FieldDiff] = []
    if attempted is not None:
        stored_values = dict(_as_mapping(stored))
        attempted_map = _as_mapping(attempted)
        if not isinstance(attempted, Proposal) and "section" in attempted_map:
            stored_values.update(_names(session, stored))
        diffs = [_named(session, d) for d in field_differences(stored_values, attempted_map)]
    return ProposalConflictError(
        proposal_id=proposal_id, number=stored.number, diffs=diffs,
        saved_by=last.user if last else "", saved_at=last.at if last else None,
        stored_version=stored.version)


def _named(session: Session, diff: FieldDiff) -> FieldDiff:
    """Ids shown as the names users know (承办人 张三, not 17)."""
    model = {"section_id": Section, "handler_id": Staff, "leader_id": Staff}.get(diff.field)
    if model is None:
        return diff

    def name(value: Any) -> str:
        row = session.get(model, value) if value else None
        return row.name if row is not None else ""

    return FieldDiff(diff.field, diff.label, name(diff.stored), name(diff.attempted))


def _names(session: Session, p: Proposal) -> dict[str, Any]:
    def staff(staff_id: int | None) -> str:
        s = session.get(Staff, staff_id) if staff_id else None
        return s.name if s else ""

    section = session.get(Section, p.section_id) if p.section_id else None
    return {"section": section.name if section else "", "handler": staff(p.handler_id),
            "leader": staff(p.leader_id),
            "proposers": [pm.member.name for pm in p.proposers],
            "topics": [t.topic.name for t in p.topics]}


@dataclass(frozen=True)
class PendingChange:
    proposal_id: int
    version: int | None  # the version this session read
    values: dict[str, Any]  # column -> the value it was about to write


_PENDING = "pending_proposal_changes"


def watch(session: Session) -> None:
    """Remember, before each flush, what modified proposals are about to write: a failed flush
    expires the objects, and the conflict dialog needs the attempted values."""
    if session.info.get("conflict_watch"):
        return
    session.info["conflict_watch"] = True
    event.listen(session, "before_flush", _before_flush)


def _before_flush(session: Session, _ctx: object, _instances: object) -> None:
    pending: dict[int, PendingChange] = session.info.setdefault(_PENDING, {})
    for obj in session.dirty:
        if not isinstance(obj, Proposal):
            continue
        state = inspect(obj)
        if state.identity is None:
            continue
        pid = state.identity[0]
        values: dict[str, Any] = {}
        version = None
        for attr in state.mapper.column_attrs:
            hist = state.attrs[attr.key].history
            if attr.key == "version":
                read = hist.deleted or hist.unchanged
                version = read[0] if read else None
            elif hist.added and attr.key not in _IGNORED:
                values[attr.key] = hist.added[0]
        if pid in pending:
            values = {**pending[pid].values, **values}
            version = pending[pid].version if pending[pid].version is not None else version
        pending[pid] = PendingChange(pid, version, values)


def pending_proposal_changes(session: Session) -> list[PendingChange]:
    """What the proposals of `session` were about to write, as recorded before each flush."""
    return list(session.info.get(_PENDING, {}).values())


def conflict_from_stale(session: Session, pending: list[PendingChange]
                        ) -> ProposalConflictError | None:
    """After StaleDataError, in a new session: the proposal whose stored version moved on."""
    for change in pending:
        stored = session.scalar(select(Proposal.version).where(Proposal.id == change.proposal_id))
        if stored is None or stored != change.version:
            return conflict_error(session, change.proposal_id, change.values)
    return None
