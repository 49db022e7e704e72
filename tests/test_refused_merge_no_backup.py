"""A meeting merge the service refuses (a number in both meetings) is refused before the
合并会议前 backup is taken: the dry run lives in meeting_admin.merge_meetings_with_backup,
which the window and `proposal-desk meeting merge` both call."""

from __future__ import annotations

from typing import Any

import pytest
from sheet_support import LEDGER, run_import
from sqlalchemy import select

from proposal_desk.services import meeting_admin
from proposal_desk.storage.backup import list_backups
from proposal_desk.storage.errors import UserError
from proposal_desk.storage.models import Meeting

REAL = "区政协十四届三次会议"


def doubled_year(db: Any, monkeypatch: Any) -> tuple[int, int]:
    """The 2024 ledger imported twice under two names: every number is in both meetings."""
    from proposal_desk.sheets import importer

    run_import(db, LEDGER)
    monkeypatch.setattr(importer, "_already_in_other_meetings", lambda session, records: [])
    run_import(db, LEDGER, meeting=REAL)
    with db.session() as s:
        ids = {m.name: m.id for m in s.scalars(select(Meeting))}
    return ids["2024年度政协提案"], ids[REAL]


def test_a_refused_merge_takes_no_backup(bureau_db: Any, monkeypatch: Any) -> None:
    source, target = doubled_year(bureau_db, monkeypatch)
    with pytest.raises(UserError, match="都有"):
        meeting_admin.merge_meetings_with_backup(bureau_db, source, target)
    reasons = [b.reason for b in list_backups(bureau_db.backup_dir)]
    assert meeting_admin.REASON_MERGE not in reasons
    with bureau_db.session() as s:
        assert len(s.scalars(select(Meeting)).all()) == 2
