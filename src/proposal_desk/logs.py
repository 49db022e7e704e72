"""Logging to a file in the data folder, so an error report has details to send."""

from __future__ import annotations

import logging
import sys
import threading
from pathlib import Path

from proposal_desk import paths

MAX_BYTES = 2_000_000
BACKUP_COUNT = 3

_configured = False


def log_file() -> Path:
    folder = paths.data_dir() / "logs"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / "proposal-desk.log"


class LogFile(logging.Handler):
    """The rotating log file, without importing `logging.handlers` (it imports `socket` and
    `pickle`: 5-10 ms) before the window's first paint: the RotatingFileHandler is made at the
    first line logged on the main thread or once that module is loaded (gui/startup_load
    imports it after the paint). A line logged before then on another thread is appended as
    it is, so that thread imports nothing (gui/startup_load: imports on two threads at once can
    meet in a circular import); the size is checked at the next line. handle() holds this
    handler's lock, so the lines keep their order."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        self.file: logging.Handler | None = None

    def emit(self, record: logging.LogRecord) -> None:
        if self.file is None:
            if ("logging.handlers" not in sys.modules
                    and threading.current_thread() is not threading.main_thread()):
                self._append(record)
                return
            try:
                from logging.handlers import RotatingFileHandler

                self.file = RotatingFileHandler(self.path, maxBytes=MAX_BYTES,
                                                backupCount=BACKUP_COUNT, encoding="utf-8")
            except Exception:
                self.handleError(record)
                return
            self.file.setFormatter(self.formatter)
        self.file.emit(record)

    def _append(self, record: logging.LogRecord) -> None:
        try:
            line = self.format(record)
            with open(self.path, "a", encoding="utf-8") as out:
                out.write(line + "\n")
        except Exception:
            self.handleError(record)

    def flush(self) -> None:
        if self.file is not None:
            self.file.flush()

    def close(self) -> None:
        if self.file is not None:
            self.file.close()
        super().close()


def setup_logging(level: int = logging.INFO) -> None:
    global _configured
    if _configured:
        return
    handler = LogFile(log_file())
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(level)
    _configured = True
