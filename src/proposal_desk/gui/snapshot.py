"""Everything the window shows for a year, read in one go on a worker thread: the rows, the
follow-up rows of earlier years, the counts, the dashboard figures and the pick lists.

Importing this module loads no database layer: `read_snapshot` imports it when it runs. The
start reads the first snapshot of a plain SQLite file without it (gui/plain_snapshot.py); both
readings end in `make_snapshot`, so what the window shows is computed once.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from operator import attrgetter
from typing import TYPE_CHECKING

from proposal_desk.gui.lookups import Lookups
from proposal_desk.services import dashboard, views
from proposal_desk.services.rows import ListFilter, ProposalRow

if TYPE_CHECKING:
    from collections.abc import Callable

    from proposal_desk.storage.database import Database

ALL_YEARS = 0
_meeting, _section = attrgetter("meeting"), attrgetter("section")


@dataclass
class Snapshot:
    year: int  # ALL_YEARS for every year
    years: list[int]
    rows: list[ProposalRow]
    follow_up: list[ProposalRow]
    lookups: Lookups
    today: dt.date
    counts: dict[str, int] = field(default_factory=dict)
    meetings: list[tuple[str, int]] = field(default_factory=list)
    sections: list[tuple[str, int]] = field(default_factory=list)
    figures: dashboard.YearFigures | None = None

    @cached_property
    def row_ids(self) -> frozenset[int]:
        """The ids of `rows`, built when a search first asks (nothing more before the first
        paint); a reload makes a new snapshot, so they never outlive the rows."""
        return frozenset(r.id for r in self.rows)


def default_year(years: list[int], today: dt.date) -> int:
    """The newest year that has begun; the newest of all if every year lies ahead."""
    started = [y for y in years if y <= today.year]
    if started:
        return max(started)
    return max(years) if years else today.year


def choose_year(year: int | None, years: list[int], today: dt.date) -> tuple[int, list[int]]:
    """The year to show (`year` None: the default one) and the years the picker offers."""
    if year is None or (year != ALL_YEARS and year not in years):
        year = default_year(years, today)
    if not years:
        years = [year or today.year]  # an empty database still shows this year
    return year, years


def year_filters(year: int) -> tuple[ListFilter, ListFilter]:
    """The lists a snapshot holds: the year's rows, and the follow-up rows."""
    return ListFilter(year=year or None), ListFilter(follow_up=True)


def make_snapshot(year: int, years: list[int], rows: list[ProposalRow],
                  follow: list[ProposalRow], lookups: Lookups, today: dt.date) -> Snapshot:
    meeting_counts = Counter(map(_meeting, rows))
    section_counts = Counter(filter(None, map(_section, rows)))
    meeting_order = {m.name: n for n, m in enumerate(lookups.meetings)}
    return Snapshot(
        year=year, years=years, rows=rows, follow_up=follow, lookups=lookups, today=today,
        counts=views.counts(rows),
        meetings=sorted(meeting_counts.items(), key=lambda kv: meeting_order.get(kv[0], 999)),
        sections=sorted(section_counts.items(), key=lambda kv: (-kv[1], kv[0])),
        figures=dashboard.year_figures(rows, year or None, lookups.settings.categories,
                                       follow_up=follow),
    )


def read_snapshot(db: Database, year: int | None, today: dt.date | None = None, *,
                  on_lookups: Callable[[Lookups], None] | None = None) -> Snapshot:
    """`year` None picks the default year; ALL_YEARS reads every year. `on_lookups` is given
    the pick lists as soon as they are read (the start builds its window with them)."""
    from sqlalchemy import select

    from proposal_desk.services.queries import list_rows
    from proposal_desk.storage.models import Meeting, Proposal

    today = today or dt.date.today()
    with db.session() as session:
        lookups = Lookups.read(session)
        if on_lookups is not None:
            on_lookups(lookups)
        years = list(session.scalars(
            select(Meeting.year).join(Proposal, Proposal.meeting_id == Meeting.id)
            .distinct().order_by(Meeting.year.desc())))
        year, years = choose_year(year, years, today)
        deadlines = lookups.settings.deadlines
        flt, follow_flt = year_filters(year)
        rows = list_rows(session, flt, today=today, deadlines=deadlines)
        follow = list_rows(session, follow_flt, today=today, deadlines=deadlines)
    return make_snapshot(year, years, rows, follow, lookups, today)
