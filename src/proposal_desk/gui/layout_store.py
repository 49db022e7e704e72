"""Window size, splitters and column layout, remembered in an INI file in the data folder
(not the registry), so a portable copy on a USB stick carries them along."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QHeaderView, QMainWindow, QSplitter

FILE_NAME = "window.ini"


class LayoutStore:
    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.path = folder / FILE_NAME
        self.settings = QSettings(str(self.path), QSettings.Format.IniFormat)

    def _bytes(self, key: str) -> QByteArray | None:
        value = self.settings.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def save_window(self, key: str, window: QMainWindow) -> None:
        self.settings.setValue(f"{key}/geometry", window.saveGeometry())
        self.settings.setValue(f"{key}/state", window.saveState())

    def restore_window(self, key: str, window: QMainWindow) -> bool:
        geometry = self._bytes(f"{key}/geometry")
        state = self._bytes(f"{key}/state")
        if state is not None:
            window.restoreState(state)
        return geometry is not None and window.restoreGeometry(geometry)

    def save_splitter(self, key: str, splitter: QSplitter) -> None:
        self.settings.setValue(f"splitter/{key}", splitter.saveState())

    def restore_splitter(self, key: str, splitter: QSplitter) -> bool:
        state = self._bytes(f"splitter/{key}")
        return state is not None and splitter.restoreState(state)

    def save_header(self, key: str, header: QHeaderView) -> None:
        self.settings.setValue(f"columns/{key}", header.saveState())

    def restore_header(self, key: str, header: QHeaderView) -> bool:
        state = self._bytes(f"columns/{key}")
        return state is not None and header.restoreState(state)

    def value(self, key: str, default: str = "") -> str:
        value = self.settings.value(key, default)
        return str(value) if value is not None else default

    def set_value(self, key: str, value: str) -> None:
        self.settings.setValue(key, value)

    def sync(self) -> None:
        self.settings.sync()
