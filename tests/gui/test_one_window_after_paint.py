"""One window per database (gui/single_instance.py) with a quick start (gui/app.py): the quick
start holds the file's instance lock, so no other window of ours has the file open, and it
starts answering later starts only once painted (QtNetwork and the local server off the path
to the first paint). A start that finds the lock held waits a moment for a window started just
before it (a double click twice) to answer, and hands over to it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import Any

from proposal_desk.gui import app as app_module

ROOT = Path(__file__).resolve().parents[2]


def test_a_quick_start_answers_later_starts_once_painted(seeded_db: Any) -> None:
    path = seeded_db.sqlite_path
    seeded_db.dispose()
    script = textwrap.dedent("""
        import json, sys
        from proposal_desk.gui import app
        from proposal_desk.gui.main_window import MainWindow
        seen = {"brought_forward": 0}
        MainWindow.bring_forward = lambda self: seen.update(
            brought_forward=seen["brought_forward"] + 1)
        serve = app._serve_later
        def watched(window, url, servers):
            seen["network_before"] = "PySide6.QtNetwork" in sys.modules
            seen["rows_shown"] = len(window.snapshot.rows) if window.snapshot else 0
            serve(window, url, servers)
            from proposal_desk.gui.single_instance import notify_running, server_name
            seen["answers"] = notify_running(server_name(url))  # a later start's question
        app._serve_later = watched
        from proposal_desk.cli.main import main
        code = main(["--db", sys.argv[1], "--smoke-test"])
        print(json.dumps({"code": code, "seen": seen}))
    """)
    proc = subprocess.run([sys.executable, "-c", script, str(path)], capture_output=True,
                          text=True, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
                          timeout=180, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr[-3000:]
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert result["code"] == 0
    seen = result["seen"]
    assert seen["rows_shown"] == 3  # painted with the data …
    assert seen["network_before"] is False  # … before QtNetwork was loaded
    assert seen["answers"] is True and seen["brought_forward"] == 1


def test_a_start_that_finds_the_lock_held_hands_over_to_a_window_answering_late(
        qapp: Any, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'office.sqlite3'}"
    # The first window (another process) starts answering 0.3 s after this start found the
    # file's lock held, as a quick start does once painted.
    first = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import sys, time
        from PySide6.QtCore import QCoreApplication
        from proposal_desk.gui.single_instance import acquire
        app = QCoreApplication([])
        time.sleep(0.3)
        server = acquire({url!r})
        print("serving" if server is not None else "refused", flush=True)
        sys.stdin.read()
    """)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    try:
        started = time.monotonic()
        assert app_module._hand_over_or_serve(url, waiting=True) is None  # handed over
        assert time.monotonic() - started < app_module.HAND_OVER_WAIT_S
        assert first.stdout is not None and first.stdout.readline().strip() == "serving"
    finally:
        first.communicate("", timeout=30)


def test_a_start_that_finds_nobody_answering_goes_on_after_the_wait(
        qapp: Any, tmp_path: Path, monkeypatch: Any) -> None:
    monkeypatch.setattr(app_module, "HAND_OVER_WAIT_S", 0.2)
    url = f"sqlite:///{tmp_path / 'office.sqlite3'}"
    server = app_module._hand_over_or_serve(url, waiting=True)
    try:
        assert server is not None  # it answers later starts itself (then the lock's message)
    finally:
        if server is not None:
            server.close()
