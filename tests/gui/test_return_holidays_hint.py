"""申请退回 shows its deadline in working days; with no holidays set it says the count skips
weekends only and where holidays are entered."""

from __future__ import annotations

from typing import Any

from proposal_desk.storage.settings_store import set_value

from .conftest import select_number

HINT = "（按工作日计，未计节假日：可在 设置 › 办理时限 填写节假日）"


def _deadline_text(qtbot: Any, window: Any) -> str:
    detail = select_number(qtbot, window, "144011")
    dialog = detail.open_return_dialog()
    assert dialog is not None
    text = dialog.ui.deadlineLabel.text()
    dialog.reject()
    return text


def test_no_holidays_are_named(qtbot: Any, seeded_db: Any, make_window: Any) -> None:
    window = make_window(seeded_db)
    text = _deadline_text(qtbot, window)
    assert text.startswith("退回应在 ") and text.endswith(HINT)


def test_with_holidays_no_hint(qtbot: Any, seeded_db: Any, make_window: Any) -> None:
    with seeded_db.transaction() as s:
        set_value(s, "deadline.holidays", "2025-04-04~2025-04-06")
    window = make_window(seeded_db)
    text = _deadline_text(qtbot, window)
    assert text.startswith("退回应在 ") and HINT not in text
