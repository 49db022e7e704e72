"""A second start on the same data brings the first window forward instead of opening two."""

from __future__ import annotations

from typing import Any

from proposal_desk.gui.single_instance import acquire, server_name


def test_a_second_start_asks_the_first_to_come_forward(qtbot: Any, tmp_path: Any) -> None:
    location = f"sqlite:///{tmp_path / 'a.sqlite3'}"
    first = acquire(location)
    assert first is not None
    try:
        with qtbot.waitSignal(first.activate_requested, timeout=5000):
            assert acquire(location) is None
        other = acquire(f"sqlite:///{tmp_path / 'b.sqlite3'}")  # another data folder: free
        assert other is not None
        other.close()
    finally:
        first.close()
    again = acquire(location)  # the first one ended: the next start takes over
    assert again is not None
    again.close()


def test_server_names_depend_on_the_location_only() -> None:
    assert server_name("x") == server_name("x") != server_name("y")
    assert server_name("x").startswith("ProposalDesk-")
