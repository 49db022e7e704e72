"""Logging to a file in the data folder, so an error report has details to send."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from proposal_desk import paths

MAX_BYTES = 2_000_000
BACKUP_COUNT = 3

_configured = False


def log_file() -> Path:
    folder = paths.data_dir() / "logs"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / "proposal-desk.log"


class LogFile(logging.FileHandler):
    """The log file, rotated as RotatingFileHandler does (at MAX_BYTES, backups .1 to .3)
    without importing `logging.handlers`: that module imports `socket` and `pickle` (5-10 ms
    before the window's first paint) and, imported by a worker thread while the main thread
    imports too, could meet a circular import. Handler.handle() holds this handler's lock
    around emit(), so lines from any thread reach the file whole and in order. The file is
    closed before it is renamed: Windows cannot rename an open file."""

    def __init__(self, path: Path, *, max_bytes: int = MAX_BYTES,
                 backup_count: int = BACKUP_COUNT) -> None:
        super().__init__(path, encoding="utf-8", delay=True)
        self.max_bytes = max_bytes
        self.backup_count = backup_count

    def emit(self, record: logging.LogRecord) -> None:
        try:
            line = self.format(record) + self.terminator
            if self.stream is None:
                self.stream = self._open()
            size = self.stream.seek(0, os.SEEK_END)  # the end, whoever else wrote to it
            if size and size + len(line.encode("utf-8")) > self.max_bytes:
                self._rotate()
            self.stream.write(line)
            self.stream.flush()
        except Exception:
            self.handleError(record)

    def _rotate(self) -> None:
        """proposal-desk.log.2 → .3, .1 → .2, the file → .1 (the oldest dropped), a new file.
        The file is moved aside first: if that fails (on Windows another program reading the
        log holds it open), the backups stay as they are, the line goes to the file as it is
        and rotation is tried again at the next line — a log that grows is better than lines
        or backups lost."""
        self.stream.close()
        name = self.baseFilename
        try:
            os.replace(name, f"{name}.rotating")
        except OSError:
            self.stream = self._open()
            return
        for n in range(self.backup_count - 1, 0, -1):
            if os.path.exists(f"{name}.{n}"):
                os.replace(f"{name}.{n}", f"{name}.{n + 1}")
        os.replace(f"{name}.rotating", f"{name}.1")
        self.stream = self._open()


def setup_logging(level: int = logging.INFO) -> None:
    global _configured
    if _configured:
        return
    handler = LogFile(log_file(), max_bytes=MAX_BYTES)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(level)
    _configured = True
