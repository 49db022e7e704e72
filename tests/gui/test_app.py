"""Starting the program: --demo on its own database (filled on first use, never mixed with real
data), --smoke-test exits by itself, a second start hands over, a bad file gets a message, and
the window comes back the size it was left."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from proposal_desk import paths
from proposal_desk.gui.app import run_gui
from proposal_desk.gui.layout_store import LayoutStore
from proposal_desk.gui.single_instance import acquire
from proposal_desk.storage.database import Database
from proposal_desk.storage.models import Proposal


def _args(**kw: Any) -> argparse.Namespace:
    return argparse.Namespace(**{"db": None, "demo": False, "smoke_test": False, **kw})


def _count(url: str) -> int:
    db = Database(url)
    try:
        with db.session() as s:
            return s.scalar(select(func.count()).select_from(Proposal)) or 0
    finally:
        db.dispose()


def test_demo_smoke_test_fills_its_own_database_and_exits(qapp: Any, data_folder: Path) -> None:
    assert run_gui(_args(demo=True, smoke_test=True)) == 0
    demo_url = paths.database_url(demo=True)
    assert "demo" in demo_url
    assert _count(demo_url) > 30
    assert not (data_folder / paths.DB_FILE).exists()  # the real database was never touched
    assert (paths.demo_data_dir() / "window.ini").is_file()
    # a second smoke start on the filled demo database does not fill it again
    before = _count(demo_url)
    assert run_gui(_args(demo=True, smoke_test=True)) == 0
    assert _count(demo_url) == before


def test_a_second_start_hands_over_to_the_first(qapp: Any, qtbot: Any, tmp_path: Path) -> None:
    url = paths.sqlite_url(tmp_path / "office.sqlite3")
    first = acquire(url)
    assert first is not None
    try:
        with qtbot.waitSignal(first.activate_requested, timeout=5000):
            assert run_gui(_args(db=str(tmp_path / "office.sqlite3"))) == 0
    finally:
        first.close()
    assert not (tmp_path / "office.sqlite3").exists()  # the second start opened nothing


def test_a_file_that_is_not_a_database_is_refused(qapp: Any, tmp_path: Path) -> None:
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"not a database" * 100)
    assert run_gui(_args(db=str(junk), smoke_test=True)) == 2
    assert junk.read_bytes() == b"not a database" * 100


def test_window_size_splitters_and_columns_are_remembered(qtbot: Any, bureau_db: Any,
                                                          make_window: Any,
                                                          tmp_path: Path) -> None:
    folder = tmp_path / "layout"
    window = make_window(bureau_db, folder=folder)
    # The offscreen screen is 800 wide; a window at its minimum width comes back the same.
    width = window.minimumSizeHint().width()
    window.resize(width, 700)
    header = window.list_pane.table.horizontalHeader()
    header.resizeSection(2, 420)
    header.moveSection(header.visualIndex(5), 1)
    window.close()
    assert (folder / "window.ini").is_file()
    again = make_window(bureau_db, folder=folder, size=None)
    assert (again.width(), again.height()) == (width, 700)
    header = again.list_pane.table.horizontalHeader()
    assert header.sectionSize(2) == 420
    assert header.visualIndex(5) == 1


def test_splitter_positions_are_remembered(qtbot: Any, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QLabel, QSplitter

    def splitter() -> QSplitter:
        widget = QSplitter()
        widget.addWidget(QLabel("导航"))
        widget.addWidget(QLabel("清单"))
        qtbot.addWidget(widget)
        widget.resize(700, 300)
        widget.show()
        return widget

    first = splitter()
    first.setSizes([200, 500])
    sizes = first.sizes()
    LayoutStore(tmp_path).save_splitter("main", first)
    second = splitter()
    assert LayoutStore(tmp_path).restore_splitter("main", second)
    assert second.sizes() == sizes != [350, 350]
