"""The follow-up list holds B and C proposals, and its navigation entry says so."""

from __future__ import annotations

from typing import Any

from proposal_desk.gui.navigation import Target


def test_the_follow_up_entry_names_both_categories(seeded_db: Any, make_window: Any) -> None:
    window = make_window(seeded_db)
    item = window.nav._items[Target("follow_up")]
    assert item.text(0) == "B、C类跟踪"
    assert "B 类、C 类" in item.toolTip(0)
    window.show_target(Target("follow_up"))
    assert "B、C类跟踪" in window.list_pane.title.text()
