"""Opening files with the system's program (Word/WPS, image viewer, file manager)."""

from __future__ import annotations

import hashlib
import logging
import tempfile
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

from proposal_desk.services.handling import safe_file_name

log = logging.getLogger(__name__)


def open_path(path: Path) -> bool:
    """Open a file or folder the way a double click in the file manager would."""
    ok = QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
    if not ok:
        log.warning("could not open %s", path)
    return ok


def temp_copy(name: str, data: bytes) -> Path:
    """Write attachment content to a temporary file named as the original, for opening."""
    digest = hashlib.sha256(data).hexdigest()[:12]
    folder = Path(tempfile.gettempdir()) / "ProposalDesk" / digest
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / safe_file_name(name)
    if not path.exists() or path.stat().st_size != len(data):
        path.write_bytes(data)
    return path
