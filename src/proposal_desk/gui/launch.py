"""`proposal-desk` without a command: the window. This module imports no Qt, so the worker
that locks, checks and reads the database file (gui/startup_load.py) starts before Qt and the
window are imported (about 0.1 s sooner); gui/app.py does the rest."""

from __future__ import annotations

import argparse

from proposal_desk import logs, paths
from proposal_desk.gui.startup_load import StartupLoad


def run_gui(args: argparse.Namespace) -> int:
    logs.setup_logging()
    demo = bool(getattr(args, "demo", False))
    smoke = bool(getattr(args, "smoke_test", False))
    folder = paths.demo_data_dir() if demo else paths.data_dir()
    url = paths.database_url(getattr(args, "db", None), demo=demo)
    # First of all, on a worker thread: the database file's check and the first read (while
    # Qt and the window load here), then its opening.
    load = StartupLoad(url, folder, read_snapshot=not demo, quick=True, demo=demo).start()
    # A quick start freezes what is loaded once the first snapshot is read; the window thaws
    # it after the first paint, close() whatever happened. (Turning the collector off instead
    # gained as little and left a pile of cycles, Qt wrappers among them, to be collected
    # later on whatever thread: two crashes in ~100 starts.)
    try:
        from proposal_desk.gui.app import run_window

        return run_window(load, url, folder, demo=demo, smoke=smoke)
    finally:
        load.close()
