"""Meetings: reading a meeting from a title such as 区政协十四届四次会议, and finding or creating
the stored meeting for it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from proposal_desk.core.dates import chinese_number
from proposal_desk.core.enums import Kind
from proposal_desk.storage.errors import UserError
from proposal_desk.storage.models import Meeting

_MEETING = re.compile(
    r"((?:[\u4e00-\u9fa5]{0,8}?)(?:政协|人大|人民代表大会|政治协商会议)(?:[\u4e00-\u9fa5]{0,6}?委员会)?)"
    r"(?:第)?([一二三四五六七八九十\d]{1,3})届(?:第)?([一二三四五六七八九十\d]{1,3})次(?:全体)?会议"
)
# The NPC's usual order puts the term first: 区十九届人大五次会议.
_NPC_TERM_FIRST = re.compile(
    r"([\u4e00-\u9fa5]{0,8}?)(?:第)?([一二三四五六七八九十\d]{1,3})届(人大|人民代表大会)"
    r"(?:第)?([一二三四五六七八九十\d]{1,3})次(?:全体)?会议"
)
_YEAR = re.compile(r"(20\d{2}|19\d{2})\s*年")


@dataclass(frozen=True)
class MeetingName:
    name: str
    kind: Kind
    body: str
    term: int | None
    session: int | None


def parse_meeting(text: str) -> MeetingName | None:
    """Find a meeting's name in a title row.

    区政协十四届四次会议委员提案交办清单 → 区政协十四届四次会议.
    """
    m = _MEETING.search(text or "")
    if not m:
        npc = _NPC_TERM_FIRST.search(text or "")
        if not npc:
            return None
        return MeetingName(npc.group(0), Kind.SUGGESTION, npc.group(1) + "人大",
                           chinese_number(npc.group(2)), chinese_number(npc.group(4)))
    body = m.group(1)
    kind = Kind.SUGGESTION if ("人大" in body or "人民代表" in body) else Kind.PROPOSAL
    return MeetingName(m.group(0), kind, body, chinese_number(m.group(2)),
                       chinese_number(m.group(3)))


def parse_year(text: str) -> int | None:
    m = _YEAR.search(text or "")
    return int(m.group(1)) if m else None


def find_meeting(session: Session, name: str, kind: Kind | None = None) -> Meeting | None:
    stmt = select(Meeting).where(Meeting.name == name)
    if kind:
        stmt = stmt.where(Meeting.kind == kind.value)
    return session.scalars(stmt).first()


def year_conflict(name: str, stored_year: int, year: int) -> str:
    """A meeting is of one year: the one message when a window's form or an import gives the
    stored meeting another (the import's year may be given, read from the sheet or guessed)."""
    return (f"会议“{name}”在数据库中记为{stored_year}年，与本次的{year}年不一致；"
            "同名会议只能属于一个年度，请核对年度或会议名称")


def ensure_meeting(session: Session, name: str, *, kind: Kind, year: int) -> Meeting:
    """The stored meeting with this name, created when new; its year must agree."""
    meeting = find_meeting(session, name, kind)
    if meeting is not None:
        if meeting.year != year:
            raise UserError(year_conflict(name, meeting.year, year))
        return meeting
    parsed = parse_meeting(name)
    meeting = Meeting(
        kind=kind.value, name=name, year=year,
        body=parsed.body if parsed else "",
        term=parsed.term if parsed else None,
        session=parsed.session if parsed else None,
    )
    session.add(meeting)
    session.flush()
    return meeting


def default_meeting_name(kind: Kind, year: int) -> str:
    """A placeholder when a ledger does not name its meeting; the user can rename it."""
    return f"{year}年度{kind.body_word}{kind.value}"


def meetings(session: Session) -> list[Meeting]:
    return list(session.scalars(select(Meeting).order_by(Meeting.year.desc(), Meeting.name)))
