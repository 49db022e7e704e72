"""Renaming and merging meetings on the settings' 办理时限 page, and 删除提案… from the 编辑
menu: each asks first, names what it changes, and the window shows the result."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from proposal_desk.gui import operations
from proposal_desk.storage.models import AuditEntry, Meeting, Proposal

from .conftest import SAMPLES, Stand, merge_meeting_into, select_number, wait_loaded


def _import_ledger(db: Any) -> None:
    from proposal_desk.sheets import ImportOptions, import_file

    import_file(db, SAMPLES / "ledger_2024.xlsx", ImportOptions())


def _meeting_names(db: Any) -> list[str]:
    with db.session() as s:
        return list(s.scalars(select(Meeting.name).order_by(Meeting.name)))


def test_a_meeting_is_renamed_in_the_settings(qtbot: Any, bureau_db: Any,
                                              make_window: Any) -> None:
    _import_ledger(bureau_db)
    window = make_window(bureau_db)
    dialog = window.open_settings("deadlines")
    assert dialog.ui.meetingBox.currentText().startswith("2024年度政协提案")
    ask = dialog.rename_meeting()
    assert ask is not None
    ask.setTextValue("区政协十四届三次会议")
    ask.accept()
    assert _meeting_names(bureau_db) == ["区政协十四届三次会议"]
    assert dialog.ui.meetingBox.currentText().startswith("区政协十四届三次会议")
    dialog.reject()  # renamed at once: cancelling the settings does not undo it
    wait_loaded(qtbot, window)
    assert {r.meeting for r in window.snapshot.rows} == {"区政协十四届三次会议"}


def test_meetings_are_merged_and_a_shared_number_is_named(
        qtbot: Any, bureau_db: Any, make_window: Any, stand: Stand, monkeypatch: Any) -> None:
    from proposal_desk.gui import messages
    from proposal_desk.sheets import ImportOptions, import_file, importer

    warnings: list[str] = []
    monkeypatch.setattr(messages, "warn", lambda _p, text, **_k: warnings.append(text))
    _import_ledger(bureau_db)
    # The doubled year, as imported before the importer refused numbers already in another
    # meeting of the year (tests/test_import_history.py).
    monkeypatch.setattr(importer, "_already_in_other_meetings", lambda session, records: [])
    import_file(bureau_db, SAMPLES / "ledger_2024.xlsx",
                ImportOptions(meeting="区政协十四届三次会议"))
    window = make_window(bureau_db)
    dialog = merge_meeting_into(window, "2024年度", "区政协十四届三次会议")
    assert stand.confirms and "2024年度政协提案" in stand.confirms[-1]
    assert warnings and "都有" in warnings[-1] and "第" in warnings[-1]
    assert sorted(_meeting_names(bureau_db)) == ["2024年度政协提案", "区政协十四届三次会议"]
    dialog.reject()


def test_a_proposal_is_deleted_from_the_edit_menu(qtbot: Any, seeded_db: Any,
                                                  make_window: Any, stand: Stand) -> None:
    window = make_window(seeded_db)
    select_number(qtbot, window, "144026")
    assert window.admin.delete_action in window.menuBar().actions()[1].menu().actions()
    stand.confirm_answer = False
    assert window.admin.delete_current() is None
    assert "第144026号" in stand.confirms[-1] and "备份" in stand.confirms[-1]
    stand.confirm_answer = True
    op = window.admin.delete_current()
    assert op is not None
    qtbot.waitUntil(operations.idle, timeout=20000)
    wait_loaded(qtbot, window)
    assert "144026" not in {r.number for r in window.snapshot.rows}
    with seeded_db.session() as s:
        assert s.scalar(select(func.count()).select_from(Proposal)) == 2
        assert s.scalar(select(func.count()).select_from(AuditEntry).where(
            AuditEntry.action == "delete", AuditEntry.table == "proposal")) >= 1
