"""The reply body's placeholder names what the letter adds, so a handler does not type the
opening and closing a second time."""

from __future__ import annotations

from typing import Any


def test_the_placeholder_names_the_opening_and_the_closing(qtbot: Any) -> None:
    from PySide6.QtWidgets import QWidget

    from proposal_desk.gui.forms.ui_reply_form import Ui_ReplyForm

    widget = QWidget()
    qtbot.addWidget(widget)
    form = Ui_ReplyForm()
    form.setupUi(widget)
    text = form.textEdit.placeholderText()
    for part in ("称呼", "您提出的《……》收悉。现答复如下：", "感谢您对我们工作的关心和支持",
                 "落款"):
        assert part in text, part
