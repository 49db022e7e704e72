"""打开 an attachment opens a read-only copy and says so; a copy edited since (even to the
same size) is replaced by the stored file, never shown as if it were the attachment."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

from proposal_desk.gui import opener, operations

from .conftest import Stand, select_number, wait_loaded


def test_an_opened_attachment_is_a_read_only_copy(
        qtbot: Any, seeded_db: Any, make_window: Any, stand: Stand, tmp_path: Path) -> None:
    window = make_window(seeded_db)
    detail = select_number(qtbot, window, "144026")
    source = tmp_path / "座谈纪要.docx"
    source.write_bytes(b"PK minutes " * 1000)
    detail.attachments.add_files([source])
    qtbot.waitUntil(operations.idle, timeout=30000)
    wait_loaded(qtbot, window)
    detail.tabs.setCurrentWidget(detail.attachments)
    assert "只读副本" in " ".join(w.text() for w in detail.attachments.findChildren(
        type(detail.attachments.opened_label)))
    detail.attachments.table.selectRow(0)
    detail.attachments.open_selected()
    qtbot.waitUntil(lambda: bool(stand.opened) and operations.idle(), timeout=30000)
    opened = stand.opened[-1]
    note = detail.attachments.opened_label
    assert note.isVisibleTo(detail) and "已打开“座谈纪要.docx”的副本" in note.text()
    assert "重新添加附件" in note.text()
    assert "只读副本" in window.statusBar().currentMessage()
    if os.name != "nt":
        assert not opened.stat().st_mode & stat.S_IWUSR

    # Someone saved over the copy anyway (same size): opening again shows the stored file.
    opened.chmod(0o600)
    opened.write_bytes(b"PK edited!! " * 1000)
    again = opener.temp_copy("座谈纪要.docx", source.read_bytes())
    assert again.read_bytes() == source.read_bytes()
