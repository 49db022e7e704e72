"""The list's rows without the database layer: `ProposalRow`, `ListFilter`, the proposal
columns a list reads and how a fetch of them becomes rows (`make_rows`).

Standard library and core only: the window's first paint uses these before SQLAlchemy is
imported (gui/plain_snapshot.py reads the same columns through sqlite3), and
`services.queries.list_rows` builds its rows with the same `make_rows`, so both ways give
equal rows and the overdue / due-soon rule exists once. `services.queries` re-exports all of it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import partial
from operator import itemgetter
from typing import Any, NamedTuple

from proposal_desk.core.dates import stored_day
from proposal_desk.core.enums import Status
from proposal_desk.core.memo import convert_each
from proposal_desk.core.settings import Deadlines

OPEN_STATUSES = (Status.PENDING_SIGN, Status.IN_PROGRESS, Status.REOPENED)
# B/C answers of earlier years are followed up until a follow-up is carried out.
FOLLOW_UP_CATEGORIES = ("B", "C")


@dataclass
class ListFilter:
    year: int | None = None
    meeting_id: int | None = None
    roles: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    overdue: bool = False
    due_soon: bool = False
    key_only: bool = False
    follow_up: bool = False  # B/C answers of earlier years not yet carried out
    section_id: int | None = None
    handler_id: int | None = None
    text: str = ""
    kind: str | None = None


class ProposalRow(NamedTuple):
    """One line of the ledger as lists show it (a named tuple: 100,000 of them are built in a
    blink and take a third of the memory of dataclass instances)."""

    id: int
    kind: str
    meeting: str
    year: int
    number: str
    title: str
    proposer: str
    role: str
    lead_unit: str
    assigned: date | None
    due: date | None
    status: str
    category: str
    satisfaction: str
    key: bool
    section: str
    handler: str
    signed: date | None
    replied: date | None
    overdue: bool = False
    due_soon: bool = False


# The proposal's own columns the list shows (attribute = column name), in the order
# `make_rows` takes them. Dates are read as stored (SQLite: 'YYYY-MM-DD' text) and turned
# into dates once per distinct value. Meeting, section and handler names come from those
# small tables by key, and the order (year, meeting, number) is made in Python: scanning one
# table costs a quarter less than joining three and sorting in SQLite.
LIST_COLUMNS = (
    "id", "meeting_id", "number", "title", "proposer_names", "role", "lead_unit",
    "assigned_on", "due", "status", "category", "satisfaction", "key", "section_id",
    "handler_id", "signed_on", "replied_on",
)
DATE_COLUMNS = (7, 8, 15, 16)
_SHARED = (5, 6, 9, 11)  # role, lead unit, status, opinion: one object per distinct word

Meetings = dict[int, tuple[str, str, int]]  # id → (kind, name, year)

# The sent replies of later rounds (重新办理 after a 不满意 opinion, DOMAIN.md), to date a row
# by the round its category and satisfaction come from (the cached replied_on is the first
# answer, the on-time rate's, documents/figures.py). Plain SQL for both ways of reading,
# served by the partial covering index ix_reply_later_rounds alone, without reading the
# replies' text (its WHERE must stay `round > 1` for SQLite to use it).
LATER_ROUNDS_SQL = (
    "SELECT proposal_id, round, sent_on FROM reply WHERE round > 1 AND sent_on IS NOT NULL")


def latest_sent(rows: Iterable[Sequence[Any]]) -> dict[int, date]:
    """LATER_ROUNDS_SQL's rows as proposal id → the date its latest sent reply went out."""
    best: dict[int, tuple[int, Any]] = {}
    for pid, round_, sent in rows:
        if pid not in best or round_ > best[pid][0]:
            best[pid] = (round_, sent)
    return {pid: day for pid, (_, sent) in best.items() if (day := stored_day(sent))}


def wanted_meetings(flt: ListFilter, today: dt.date, meetings: Meetings) -> list[int]:
    """The meetings whose proposals `flt` can show (all of them: no condition needed)."""
    return [mid for mid, (kind, _name, year) in meetings.items()
            if (flt.year is None or year == flt.year) and (not flt.kind or kind == flt.kind)
            and (flt.meeting_id is None or mid == flt.meeting_id)
            and (not flt.follow_up or year < today.year)]


def make_rows(rows: list[Sequence[Any]], meetings: Meetings,
              names: dict[str, dict[int, str]], today: dt.date, deadlines: Deadlines,
              latest: dict[int, date]) -> list[ProposalRow]:
    """`rows` (the LIST_COLUMNS of each proposal, as the driver gives them) as list rows in
    the core's order: year (newest first), meeting, number. `names`: "section" and "staff",
    id → name. `latest` (latest_sent): a proposal answered again is dated by its latest
    reply, the round its category and satisfaction (cached as the latest) come from."""
    if not rows:
        return []
    # Column by column, with C-level maps: a Python call per value would double the time.
    c: list[Any] = list(zip(*rows, strict=True))
    for i in DATE_COLUMNS:
        c[i] = convert_each(stored_day, c[i])
    if latest:  # replied_on of the few answered again
        c[16] = list(map(latest.get, c[0], c[16]))
    for i in _SHARED:
        shared: dict[Any, Any] = {}
        c[i] = list(map(shared.setdefault, c[i], c[i]))
    meeting = list(map(meetings.__getitem__, c[1]))
    sections, staff = names["section"], names["staff"]
    horizon = today + dt.timedelta(days=deadlines.due_soon_days)
    open_values = {s.value for s in OPEN_STATUSES}
    open_dues = [due if status in open_values else None
                 for due, status in zip(c[8], c[9], strict=True)]
    result = list(map(_new_row, zip(
        c[0], map(itemgetter(0), meeting), map(itemgetter(1), meeting),
        map(itemgetter(2), meeting), c[2], c[3], c[4], c[5], c[6], c[7], c[8], c[9], c[10],
        c[11], map(bool, c[12]), map(sections.get, c[13]), map(staff.get, c[14]), c[15],
        c[16], [due is not None and due < today for due in open_dues],
        [due is not None and today <= due <= horizon for due in open_dues], strict=True)))
    # The core's order: newest year first, then meeting name, then number. Meetings are few:
    # rank them once, then one sort by (rank, number) with C-level keys.
    places = sorted({(-year, name) for _kind, name, year in meetings.values()})
    rank = {mid: places.index((-year, name)) for mid, (_kind, name, year) in meetings.items()}
    keys = list(zip(map(rank.__getitem__, c[1]), c[2], strict=True))
    order = sorted(range(len(result)), key=keys.__getitem__)
    return list(map(result.__getitem__, order))


_new_row = partial(tuple.__new__, ProposalRow)


def row_json(row: ProposalRow) -> dict[str, Any]:
    """The `list --json` contract: these keys, dates as YYYY-MM-DD, absent values as null."""
    def opt(value: Any) -> Any:
        if isinstance(value, dt.date):
            return value.isoformat()
        return value if value not in ("", None) else None

    return {
        "kind": row.kind, "meeting": row.meeting, "year": row.year, "number": row.number,
        "title": row.title, "proposer": opt(row.proposer), "role": row.role,
        "lead_unit": opt(row.lead_unit), "assigned": opt(row.assigned), "due": opt(row.due),
        "status": row.status, "category": opt(row.category),
        "satisfaction": opt(row.satisfaction), "key": row.key,
        "section": opt(row.section), "handler": opt(row.handler), "signed": opt(row.signed),
        "replied": opt(row.replied), "overdue": row.overdue,
    }
