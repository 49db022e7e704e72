"""Icons drawn for the program (resources/icons/*.svg), with Qt's standard icons as fallback."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QStyle

from proposal_desk.paths import resources_dir

_FALLBACK = {
    "save": QStyle.StandardPixmap.SP_DialogSaveButton,
    "new": QStyle.StandardPixmap.SP_FileIcon,
    "folder": QStyle.StandardPixmap.SP_DirOpenIcon,
    "warning": QStyle.StandardPixmap.SP_MessageBoxWarning,
    "help": QStyle.StandardPixmap.SP_MessageBoxQuestion,
    "refresh": QStyle.StandardPixmap.SP_BrowserReload,
}


@cache
def icon(name: str) -> QIcon:
    path = resources_dir() / "icons" / f"{name}.svg"
    if path.is_file():
        found = QIcon(str(path))
        if not found.isNull():
            return found
    style = QApplication.style()
    pixmap = _FALLBACK.get(name, QStyle.StandardPixmap.SP_FileIcon)
    return style.standardIcon(pixmap) if style is not None else QIcon()
