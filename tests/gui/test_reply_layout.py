"""On a 1366×768 screen (the window maximised: 1366×728 without the task bar) the 答复 form
fits the detail pane's width: no sideways scrolling, 生成答复函… on a row of its own."""

from __future__ import annotations

from typing import Any

from .conftest import select_number


def test_the_reply_form_fits_a_1366_screen(qtbot: Any, seeded_db: Any,
                                          make_window: Any) -> None:
    window = make_window(seeded_db, size=(1366, 728))
    detail = select_number(qtbot, window, "144026")
    detail.tabs.setCurrentWidget(detail.reply)
    form = detail.reply.reply
    qtbot.waitUntil(lambda: form.scrollArea.isVisible())
    qtbot.wait(50)  # the scroll area lays out its contents on the next turn
    viewport = form.scrollArea.viewport().width()
    assert form.scrollContents.minimumSizeHint().width() <= viewport
    assert form.scrollArea.horizontalScrollBar().maximum() == 0
    heading = form.roundLabel.geometry()
    assert form.letterButton.geometry().top() >= heading.bottom()  # a row of its own
    for field in (form.publicityBox, form.docNumberEdit, form.reviewerBox, form.signerBox,
                  form.stepBox, form.contactPhoneEdit, form.jointCheck):
        right = field.mapTo(form.scrollArea.viewport(), field.rect().topRight()).x()
        assert right <= viewport, field.objectName()
