"""What every part of the window shares: the open database, the layout store, and the lookups
(meetings, sections, staff, settings) the forms fill their pick lists from."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from proposal_desk.core.settings import BureauSettings
from proposal_desk.gui.layout_store import LayoutStore
from proposal_desk.services import editing
from proposal_desk.storage.database import Database
from proposal_desk.storage.models import Meeting
from proposal_desk.storage.settings_store import load_settings


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
        meetings = [MeetingInfo(m.id, m.name, m.kind, m.year) for m in session.scalars(
            select(Meeting).order_by(Meeting.year.desc(), Meeting.name))]
        return cls(
            settings=load_settings(session),
            meetings=meetings,
            sections=editing.section_names(session),
            handlers=editing.people_names(session, leaders=False),
            leaders=editing.people_names(session, leaders=True),
        )


@dataclass
class AppContext:
    db: Database
    layout: LayoutStore
    data_folder: Path
    demo: bool = False
    lookups: Lookups = field(default_factory=Lookups)

    def refresh_lookups(self) -> Lookups:
        with self.db.session() as session:
            self.lookups = Lookups.read(session)
        self.apply_user()
        return self.lookups

    def apply_user(self) -> None:
        """The name the settings give for 当前使用人 goes into the audit log."""
        if self.lookups.settings.user:
            self.db.user = self.lookups.settings.user

    @property
    def settings(self) -> BureauSettings:
        return self.lookups.settings

    @staticmethod
    def today() -> dt.date:
        return dt.date.today()
