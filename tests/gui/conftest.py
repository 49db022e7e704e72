"""Fixtures for the window tests: a main window on a fresh database, and stand-ins for the few
things that would block a test (file choosers, yes/no questions, opening files)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

SAMPLES = Path(__file__).resolve().parents[3] / "shared" / "samples"
# The offscreen platform warns about a feature it lacks; not a defect of the program.
OFFSCREEN_NOISE = "This plugin does not support propagateSizeHints"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


@dataclass
class Stand:
    """What the blocking helpers were asked, and what they answer."""

    confirm_answer: bool = True
    save_choice: str = "discard"
    files_to_pick: list[Path] = field(default_factory=list)
    save_path: Path | None = None
    folder_path: Path | None = None
    confirms: list[str] = field(default_factory=list)
    save_questions: list[str] = field(default_factory=list)
    save_asked: list[tuple[str, str]] = field(default_factory=list)  # (title, suggested name)
    opened: list[Path] = field(default_factory=list)


@pytest.fixture(autouse=True)
def stand(monkeypatch: pytest.MonkeyPatch) -> Stand:
    from proposal_desk.gui import messages, opener, pickers

    s = Stand()

    def confirm(_parent: Any, _title: str, text: str, **_kw: Any) -> bool:
        s.confirms.append(text)
        return s.confirm_answer

    def ask_save(_parent: Any, what: str) -> messages.SaveChoice:
        s.save_questions.append(what)
        return messages.SaveChoice(s.save_choice)

    def open_path(path: Path) -> bool:
        s.opened.append(Path(path))
        return True

    monkeypatch.setattr(messages, "confirm", confirm)
    monkeypatch.setattr(messages, "ask_save", ask_save)
    monkeypatch.setattr(pickers, "open_files", lambda *_a, **_k: list(s.files_to_pick))
    monkeypatch.setattr(pickers, "open_file",
                        lambda *_a, **_k: s.files_to_pick[0] if s.files_to_pick else None)
    def save_file(_parent: Any, title: str, suggested: str = "", *_a: Any, **_k: Any
                  ) -> Path | None:
        s.save_asked.append((title, suggested))
        return s.save_path

    monkeypatch.setattr(pickers, "save_file", save_file)
    monkeypatch.setattr(pickers, "folder", lambda *_a, **_k: s.folder_path)
    for module in ("proposal_desk.gui.opener", "proposal_desk.gui.main_window",
                   "proposal_desk.gui.detail.pane", "proposal_desk.gui.documents_actions",
                   "proposal_desk.gui.dialogs.record_dialog", "proposal_desk.gui.dialogs.about",
                   "proposal_desk.gui.dialogs.settings_dialog"):
        mod = __import__(module, fromlist=["x"])
        if hasattr(mod, "open_path"):
            monkeypatch.setattr(mod, "open_path", open_path)
    _ = opener
    return s


@pytest.fixture
def make_window(qtbot: Any, tmp_path: Path) -> Iterator[Callable[..., Any]]:
    """Build a shown main window on a database, loaded and idle."""
    from proposal_desk.gui import operations
    from proposal_desk.gui.context import AppContext
    from proposal_desk.gui.layout_store import LayoutStore
    from proposal_desk.gui.main_window import MainWindow

    windows: list[Any] = []

    def make(db: Any, *, folder: Path | None = None, size: tuple[int, int] | None = (1400, 900)
             ) -> Any:
        folder = folder or tmp_path / "window-data"
        ctx = AppContext(db=db, layout=LayoutStore(folder), data_folder=folder)
        ctx.refresh_lookups()
        window = MainWindow(ctx)
        qtbot.addWidget(window)
        if size is not None:
            window.resize(*size)
        window.show()
        with qtbot.waitSignal(window.loaded, timeout=20000):
            window.reload()
        qtbot.waitUntil(operations.idle, timeout=20000)
        windows.append(window)
        return window

    yield make
    for window in windows:
        for tab in window.detail.all_tabs:
            tab.set_dirty(False)
    operations.wait_all()


def wait_loaded(qtbot: Any, window: Any) -> None:
    """Wait for the background reload a change starts."""
    from proposal_desk.gui import operations

    qtbot.waitUntil(lambda: operations.idle() and not window._loading, timeout=20000)


@pytest.fixture
def seeded_db(bureau_db: Any) -> Any:
    """区商务局 with three proposals of 2025: a key 主办 one, a 协办 one and a plain 主办 one."""
    import datetime as dt

    from proposal_desk.services import handling
    from proposal_desk.storage.models import Meeting, Proposal

    with bureau_db.transaction() as s:
        meeting = Meeting(kind="提案", name="区政协十四届四次会议", year=2025)
        for number, title, role, key in (
                ("144009", "关于加快跨境电商发展的几点建议", "主办", True),
                ("144011", "关于繁荣发展夜间经济的意见和建议", "协办", False),
                ("144026", "关于加强食品安全监管的建议", "主办", False)):
            p = Proposal(meeting=meeting, number=number, title=title, role=role, key=key,
                         assigned_on=dt.date(2025, 3, 18))
            s.add(p)
            s.flush()
            handling.set_proposers(s, p, ["彭刚超", "高辉刚"])
            handling.set_units(s, p, [("区商务局" if role == "主办" else "区发展和改革局", "主办")]
                               + ([("区商务局", "协办")] if role == "协办" else []))
    return bureau_db


def select_number(qtbot: Any, window: Any, number: str) -> Any:
    """Select a proposal in the 全部 list by its number; returns the detail pane."""
    from proposal_desk.gui.navigation import Target

    window.show_target(Target("view", "all"))
    model = window.list_pane.model
    row = next(n for n in range(model.rowCount()) if model.row_at(n).number == number)
    window.list_pane.select_row(row)
    assert window.detail.current().number == number
    return window.detail


def merge_meeting_into(window: Any, prefix: str, target: str) -> Any:
    """In the settings window's 会议 box, pick the meeting whose name starts with `prefix` and
    合并到… `target` (the question answered); returns the settings dialog."""
    dialog = window.open_settings("deadlines")
    box = dialog.ui.meetingBox
    box.setCurrentIndex(next(n for n in range(box.count())
                             if box.itemText(n).startswith(prefix)))
    ask = dialog.merge_meeting()
    assert ask is not None
    ask.setTextValue(target)
    ask.accept()
    return dialog


def full_check_text(qtbot: Any, window: Any) -> str:
    """Wait for the whole-file check's message after the opening; its text and details."""
    qtbot.waitUntil(lambda: getattr(window, "full_check_box", None) is not None,
                    timeout=20000)
    box = window.full_check_box
    return box.text() + box.informativeText()
