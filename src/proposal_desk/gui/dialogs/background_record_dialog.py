"""The contact-record dialog, saved on a worker thread: files attached to a record may be large
(up to the core's 200 MB), and reading, hashing and storing them must not freeze the window.
The dialog stays open, its buttons off, until the save ends; a refusal (a file too large, a
file gone, a date wrong) shows its message and leaves everything typed in place."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QDialog, QWidget

from proposal_desk.gui import operations
from proposal_desk.gui.dialogs.record_dialog import RecordDialog, RecordValues
from proposal_desk.gui.errors import show_exception

# start(values, on_success, on_failure, dialog) -> the running operation
StartSave = Callable[[RecordValues, Callable[[Any], None], Callable[[BaseException], None],
                      QWidget], operations.Operation]


class BackgroundRecordDialog(RecordDialog):
    def __init__(self, parent: QWidget | None, *, heading: str, start_save: StartSave,
                 opener: Callable[[int], None] | None = None) -> None:
        super().__init__(parent, heading=heading, saver=self._unused, opener=opener)
        self._start_save = start_save
        self.saving: operations.Operation | None = None

    @staticmethod
    def _unused(_values: RecordValues) -> None:
        raise AssertionError("saved through start_save")

    def accept(self) -> None:
        if self.saving is not None:
            return
        try:
            values = self.values()
        except Exception as exc:
            show_exception(self, exc)
            return
        self._set_busy(True)
        try:
            self.saving = self._start_save(values, self._saved, self._refused, self)
        except Exception as exc:
            self._refused(exc)

    def reject(self) -> None:
        if self.saving is None:  # a save under way cannot be called back
            super().reject()

    def _saved(self, _result: Any) -> None:
        self.saving = None
        self._set_busy(False)
        QDialog.accept(self)

    def _refused(self, exc: BaseException) -> None:
        self.saving = None
        self._set_busy(False)
        show_exception(self, exc)

    def _set_busy(self, busy: bool) -> None:
        self.ui.buttonBox.setEnabled(not busy)
        for button in (self.ui.addFileButton, self.ui.removeFileButton):
            button.setEnabled(not busy)
        if not busy:
            self._update_buttons()
