"""合并到… in the settings window: a merge refused for a number in both meetings is refused
before the 合并会议前 backup, as on the command line (services.meeting_admin)."""

from __future__ import annotations

from typing import Any

from sheet_support import LEDGER, run_import

from proposal_desk.services import meeting_admin
from proposal_desk.storage.backup import list_backups

from .conftest import Stand, merge_meeting_into


def test_a_merge_refused_in_the_window_takes_no_backup(
        qtbot: Any, bureau_db: Any, make_window: Any, stand: Stand, monkeypatch: Any) -> None:
    from proposal_desk.gui import messages
    from proposal_desk.sheets import importer

    warnings: list[str] = []
    monkeypatch.setattr(messages, "warn", lambda _p, text, **_k: warnings.append(text))
    run_import(bureau_db, LEDGER)  # then again under another name: every number in both
    monkeypatch.setattr(importer, "_already_in_other_meetings", lambda session, records: [])
    run_import(bureau_db, LEDGER, meeting="区政协十四届三次会议")
    window = make_window(bureau_db)
    dialog = merge_meeting_into(window, "2024年度", "区政协十四届三次会议")
    assert warnings and "都有" in warnings[-1]
    reasons = [b.reason for b in list_backups(bureau_db.backup_dir)]
    assert meeting_admin.REASON_MERGE not in reasons
    dialog.reject()
