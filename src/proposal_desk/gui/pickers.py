"""File and folder choosers in one place, remembering the last folder used (tests replace
these functions, as they would block)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QFileDialog, QWidget

_last_folder: dict[str, str] = {}


def _dialogs() -> type[QFileDialog]:
    """QFileDialog, imported at the first chooser: its Python type costs ~0.5 ms to create,
    and the window needs none before its first paint."""
    from PySide6.QtWidgets import QFileDialog

    return QFileDialog


def _start(kind: str) -> str:
    return _last_folder.get(kind, str(Path.home()))


def _remember(kind: str, path: Path) -> None:
    _last_folder[kind] = str(path if path.is_dir() else path.parent)


def open_files(parent: QWidget | None, title: str, filters: str = "所有文件 (*)") -> list[Path]:
    names, _ = _dialogs().getOpenFileNames(parent, title, _start("open"), filters)
    paths = [Path(n) for n in names]
    if paths:
        _remember("open", paths[0])
    return paths


def open_file(parent: QWidget | None, title: str, filters: str) -> Path | None:
    name, _ = _dialogs().getOpenFileName(parent, title, _start("open"), filters)
    if not name:
        return None
    path = Path(name)
    _remember("open", path)
    return path


def save_file(parent: QWidget | None, title: str, suggested: str, filters: str) -> Path | None:
    start = str(Path(_start("save")) / suggested)
    name, _ = _dialogs().getSaveFileName(parent, title, start, filters)
    if not name:
        return None
    path = Path(name)
    _remember("save", path)
    return path


def folder(parent: QWidget | None, title: str) -> Path | None:
    name = _dialogs().getExistingDirectory(parent, title, _start("folder"))
    if not name:
        return None
    path = Path(name)
    _remember("folder", path)
    return path
