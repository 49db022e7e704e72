"""Opening files with the system's program (Word/WPS, image viewer, file manager)."""

from __future__ import annotations

import logging
from pathlib import Path

log = logging.getLogger(__name__)


def open_path(path: Path) -> bool:
    """Open a file or folder the way a double click in the file manager would."""
    from PySide6.QtCore import QUrl  # its type: ~0.6 ms, not before the first paint
    from PySide6.QtGui import QDesktopServices

    ok = QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
    if not ok:
        log.warning("could not open %s", path)
    return ok


OPENED_COPY_NOTE = ("打开的是附件的只读副本：在 Word/WPS 中修改后不会存回本程序。"
                    "需要修改的，请另存到别处，再用“添加文件…”作为新附件加入。")


def temp_copy(name: str, data: bytes) -> Path:
    """Write attachment content to a read-only temporary file named as the original, for
    opening. Read-only so that Word/WPS open it read-only: edits there never reach the
    database, and the program says so. A copy edited since is replaced by the stored file."""
    # hashlib (OpenSSL, ~3 ms) and the database layer: imported here, not before the first paint
    import hashlib
    import tempfile

    from proposal_desk.services.handling import safe_file_name

    digest = hashlib.sha256(data).hexdigest()[:12]
    base = Path(tempfile.gettempdir()) / "ProposalDesk"
    folder = base / digest
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / safe_file_name(name)
    try:
        if path.stat().st_size == len(data) and path.read_bytes() == data:
            return path
    except OSError:
        pass  # not there yet, or unreadable: written below
    try:
        if path.exists():
            path.chmod(0o600)
        path.write_bytes(data)
    except OSError:
        # The edited copy is still open (Windows locks it): a fresh folder of its own.
        folder = Path(tempfile.mkdtemp(prefix=f"{digest}-", dir=base))
        path = folder / safe_file_name(name)
        path.write_bytes(data)
    path.chmod(0o444)
    return path
