"""What every part of the window shares: the open database, the layout store, and the lookups
(meetings, sections, staff, settings) the forms fill their pick lists from.

On a quick start (gui/app.py, gui/startup_load.py) the window is shown before the database is
opened: `db_ready` is False, `pending` waits for the opening, and `db` calls it, so whatever
needs the database before then waits for it (with a busy cursor) instead of failing. Importing
this module loads no database layer.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from proposal_desk.core.settings import BureauSettings
from proposal_desk.gui.layout_store import LayoutStore
from proposal_desk.gui.lookups import Lookups, MeetingInfo  # noqa: F401 - re-exported
from proposal_desk.storage.errors import UserError

if TYPE_CHECKING:
    from proposal_desk.storage.database import Database


class AppContext:
    def __init__(self, db: Database | None, layout: LayoutStore, data_folder: Path,
                 demo: bool = False, lookups: Lookups | None = None, *,
                 location: str = "") -> None:
        self._db = db
        self.layout = layout
        self.data_folder = data_folder
        self.demo = demo
        self.lookups = lookups if lookups is not None else Lookups()
        self._location = location
        # Set while the database is being opened: waits for it and returns it (or raises).
        self.pending: Callable[[], Database] | None = None

    @property
    def db(self) -> Database:
        if self._db is None:
            if self.pending is None:
                raise UserError("数据库尚未打开。")
            self._db = self.pending()
        return self._db

    @db.setter
    def db(self, value: Database) -> None:
        self._db = value

    @property
    def db_ready(self) -> bool:
        return self._db is not None

    @property
    def location(self) -> str:
        """Where the data is, for the status bar (known before the database is open)."""
        return self._db.display_location if self._db is not None else self._location

    def refresh_lookups(self) -> Lookups:
        with self.db.session() as session:
            lookups = Lookups.read(session)
        self.use_lookups(lookups)
        return lookups

    def use_lookups(self, lookups: Lookups) -> None:
        """Lookups read elsewhere (the first snapshot, a reload) become this context's, and
        their 当前使用人 the audit log's."""
        self.lookups = lookups
        self.apply_user()

    def apply_user(self) -> None:
        """The name the settings give for 当前使用人 goes into the audit log."""
        if self.lookups.settings.user and self._db is not None:
            self._db.user = self.lookups.settings.user

    @property
    def settings(self) -> BureauSettings:
        return self.lookups.settings

    @staticmethod
    def today() -> dt.date:
        return dt.date.today()
