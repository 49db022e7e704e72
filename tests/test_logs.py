"""The log file (logs.py): every line reaches it, in order, and it rotates as before, while
`logging.handlers` (it imports socket and pickle) is not imported before it is needed, and
never by a line a worker thread logs before the main thread has it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path


def _run(code: str, folder: Path) -> dict[str, object]:
    env = {**os.environ, "PROPOSAL_DESK_DATA": str(folder)}
    proc = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True,
                          text=True, env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])


def test_lines_reach_the_file_in_order_and_the_handler_module_loads_late(
        tmp_path: Path) -> None:
    report = _run("""
        import json, logging, sys, threading
        from proposal_desk import logs
        logs.setup_logging()
        seen = {"after_setup": "logging.handlers" in sys.modules}
        log = logging.getLogger("t")
        worker = threading.Thread(target=lambda: log.error("from the worker 一"))
        worker.start(); worker.join()
        seen["after_worker"] = "logging.handlers" in sys.modules
        log.error("from the main thread 二")
        seen["after_main"] = "logging.handlers" in sys.modules
        from logging.handlers import RotatingFileHandler
        [handler] = [h for h in logging.getLogger().handlers if isinstance(h, logs.LogFile)]
        seen["rotating"] = isinstance(handler.file, RotatingFileHandler)
        seen["max"] = [handler.file.maxBytes, handler.file.backupCount]
        threading.Thread(target=lambda: log.warning("worker again 三")).start()
        print(json.dumps(seen))
    """, tmp_path)
    assert report == {"after_setup": False, "after_worker": False, "after_main": True,
                      "rotating": True, "max": [2_000_000, 3]}
    lines = (tmp_path / "logs" / "proposal-desk.log").read_text(encoding="utf-8").splitlines()
    assert [line.split(" ", 2)[2] for line in lines] == [
        "ERROR t: from the worker 一", "ERROR t: from the main thread 二",
        "WARNING t: worker again 三"]


def test_a_worker_uses_the_rotating_file_once_its_module_is_loaded(tmp_path: Path) -> None:
    report = _run("""
        import json, logging, threading
        import logging.handlers  # as gui/startup_load imports it after the first paint
        from proposal_desk import logs
        logs.MAX_BYTES = 300
        logs.setup_logging()
        log = logging.getLogger("t")
        def work():
            for i in range(20):
                log.error("line %d %s", i, "x" * 40)
        worker = threading.Thread(target=work)
        worker.start(); worker.join()
        [handler] = [h for h in logging.getLogger().handlers if isinstance(h, logs.LogFile)]
        print(json.dumps({"made": handler.file is not None}))
    """, tmp_path)
    assert report == {"made": True}
    folder = tmp_path / "logs"
    names = sorted(p.name for p in folder.iterdir())
    assert names == ["proposal-desk.log", "proposal-desk.log.1", "proposal-desk.log.2",
                     "proposal-desk.log.3"]
    assert all(p.stat().st_size <= 300 for p in folder.iterdir())
    assert "line 19" in (folder / "proposal-desk.log").read_text(encoding="utf-8")
