"""Icons drawn for the program (resources/icons/*.svg), with Qt's standard icons as fallback."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon

from proposal_desk.paths import resources_dir

_FALLBACK = {  # names of QStyle.StandardPixmap members: QStyle is imported only when an icon
    # file is missing (importing it creates all its enums: ~4 ms before the first paint)
    "save": "SP_DialogSaveButton",
    "new": "SP_FileIcon",
    "folder": "SP_DirOpenIcon",
    "warning": "SP_MessageBoxWarning",
    "help": "SP_MessageBoxQuestion",
    "refresh": "SP_BrowserReload",
}


@cache
def icon(name: str) -> QIcon:
    path = resources_dir() / "icons" / f"{name}.svg"
    if path.is_file():
        found = QIcon(str(path))
        if not found.isNull():
            return found
    from PySide6.QtWidgets import QApplication, QStyle

    style = QApplication.style()
    pixmap = getattr(QStyle.StandardPixmap, _FALLBACK.get(name, "SP_FileIcon"))
    return style.standardIcon(pixmap) if style is not None else QIcon()
