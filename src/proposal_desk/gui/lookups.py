"""The pick lists and settings the window's forms use (meetings, sections, staff, settings),
without the database layer: the first paint gets them from gui/plain_snapshot.py before
SQLAlchemy is imported; `Lookups.read` reads them through a session afterwards."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from proposal_desk.core.settings import BureauSettings

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


@dataclass(frozen=True)
class MeetingInfo:
    id: int
    name: str
    kind: str
    year: int

    @property
    def label(self) -> str:
        return f"{self.name}（{self.year}年）"


@dataclass
class Lookups:
    """Pick lists and settings, read in one session whenever the data changes."""

    settings: BureauSettings = field(default_factory=BureauSettings)
    meetings: list[MeetingInfo] = field(default_factory=list)
    sections: list[str] = field(default_factory=list)
    handlers: list[str] = field(default_factory=list)
    leaders: list[str] = field(default_factory=list)

    @classmethod
    def read(cls, session: Session) -> Lookups:
        from sqlalchemy import select

        from proposal_desk.services import editing
        from proposal_desk.storage.models import Meeting
        from proposal_desk.storage.settings_store import load_settings

        meetings = [MeetingInfo(m.id, m.name, m.kind, m.year) for m in session.scalars(
            select(Meeting).order_by(Meeting.year.desc(), Meeting.name))]
        return cls(
            settings=load_settings(session),
            meetings=meetings,
            sections=editing.section_names(session),
            handlers=editing.people_names(session, leaders=False),
            leaders=editing.people_names(session, leaders=True),
        )
