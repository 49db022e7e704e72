"""Notice when the main window has been painted and the program has nothing left to do: the end
point of the start-up benchmark (bench/bench_startup.py) and of the smoke test of the built file.

The GUI calls `watch(window, …)` right after showing its main window. Nothing happens unless
the environment variable PROPOSAL_DESK_STARTUP_STAMP names a file, or an `on_ready` callback is
given (the GUI's --smoke-test exits from it). Then, once the window has been painted and the
event loop has gone quiet, it writes one JSON object to that file:

    {"ready_at": <time.time()>, "title": "...", "visible": true, "rows": 41,
     "painted_at": <time.time()>, "quick_start": true, ...}

Times are wall-clock, so a launcher can subtract the moment it started the process. `ready_at`:
painted with the data, the database open and nothing left running (editing ready);
`painted_at`: the window first painted with its data and the event loop quiet. A quick start
(gui/app.py) paints before the database layer is loaded, so `painted_at` comes first; an
ordinary start opens the database first and the two are about the same.
Qt is imported inside the functions: importing this module costs nothing at start.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

ENV_STAMP = "PROPOSAL_DESK_STARTUP_STAMP"

log = logging.getLogger(__name__)
_watchers: list[Any] = []  # keeps the Qt objects alive until they report


def stamp_path() -> Path | None:
    value = os.environ.get(ENV_STAMP)
    return Path(value) if value else None


def wanted() -> bool:
    return stamp_path() is not None


def watch(window: Any, *, rows: Callable[[], int] | None = None,
          is_idle: Callable[[], bool] | None = None,
          on_ready: Callable[[dict[str, Any]], None] | None = None,
          painted_at: Callable[[], float | None] | None = None,
          quick_start: bool = False) -> None:
    """Report once `window` (a shown QWidget) is painted and the program is idle.

    rows: how many rows the main list shows (for the smoke test's "with the data" check).
    is_idle: False while anything is still under way (loading, opening the database, a job).
    on_ready: called with the report, after the stamp file is written.
    painted_at: when the window was first painted with its data and the event loop was quiet
    (time.time(); a quick start shows the data before the database is open).
    """
    if not wanted() and on_ready is None:
        return
    from proposal_desk.gui.first_paint import PaintWatch

    def report(ready_at: float) -> None:
        if watcher in _watchers:
            _watchers.remove(watcher)
        first = painted_at() if painted_at is not None else None
        info: dict[str, Any] = {
            # Everything done: painted with the data, the database open, nothing running.
            "ready_at": ready_at,
            "title": window.windowTitle(),
            "visible": bool(window.isVisible()),
            "class": type(window).__name__,
            "paints": watcher.paints,
            "rows": rows() if rows is not None else None,
            "pid": os.getpid(),
            # The window painted with its data and the event loop quiet (≤ ready_at).
            "painted_at": first if first is not None else ready_at,
            "quick_start": quick_start,
        }
        try:
            _write_stamp(info)
        except OSError:
            log.exception("could not write the start-up stamp")
        log.info("main window painted and idle: %s", info)
        if on_ready is not None:
            on_ready(info)

    watcher = PaintWatch(window, report, is_idle=is_idle)
    _watchers.append(watcher)


def stop_all() -> None:
    """Stop watching (the window's event loop has ended before it reported)."""
    while _watchers:
        _watchers.pop().stop()


def _write_stamp(info: dict[str, Any]) -> None:
    path = stamp_path()
    if path is None:
        return
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(info, ensure_ascii=False), encoding="utf-8")
    tmp.replace(path)  # the launcher never reads a half-written file
