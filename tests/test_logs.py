"""The log file (logs.py): every line reaches it, in order, from any thread, and it rotates as
RotatingFileHandler did (the same backup names), while `logging.handlers` (it imports socket
and pickle) is never imported for it."""

from __future__ import annotations

import json
import os
import re
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


def test_lines_reach_the_file_in_order_and_the_handler_module_is_not_loaded(
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
        [handler] = [h for h in logging.getLogger().handlers if isinstance(h, logs.LogFile)]
        seen["max"] = [handler.max_bytes, handler.backup_count]
        last = threading.Thread(target=lambda: log.warning("worker again 三"))
        last.start(); last.join()
        seen["at_end"] = "logging.handlers" in sys.modules
        print(json.dumps(seen))
    """, tmp_path)
    assert report == {"after_setup": False, "after_worker": False, "after_main": False,
                      "max": [2_000_000, 3], "at_end": False}
    lines = (tmp_path / "logs" / "proposal-desk.log").read_text(encoding="utf-8").splitlines()
    assert [line.split(" ", 2)[2] for line in lines] == [
        "ERROR t: from the worker 一", "ERROR t: from the main thread 二",
        "WARNING t: worker again 三"]


def test_the_file_rotates_with_three_backups_from_any_thread(tmp_path: Path) -> None:
    report = _run("""
        import json, logging, threading
        from proposal_desk import logs
        logs.MAX_BYTES = 300
        logs.setup_logging()
        log = logging.getLogger("t")
        def work():
            for i in range(20):
                log.error("line %d %s", i, "x" * 40)
        workers = [threading.Thread(target=work) for _ in range(2)]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()
        work()
        print(json.dumps({"ok": True}))
    """, tmp_path)
    assert report == {"ok": True}
    folder = tmp_path / "logs"
    names = sorted(p.name for p in folder.iterdir())
    assert names == ["proposal-desk.log", "proposal-desk.log.1", "proposal-desk.log.2",
                     "proposal-desk.log.3"]
    assert all(p.stat().st_size <= 300 for p in folder.iterdir())
    # Oldest first (.3, .2, .1, the file): every line whole, and the main thread's 20 lines,
    # logged last, end the sequence in order.
    lines = [line for name in reversed(names)
             for line in (folder / name).read_text(encoding="utf-8").splitlines()]
    assert all(re.fullmatch(r"\S+ \S+ ERROR t: line \d+ x{40}", line) for line in lines)
    numbers = [int(line.split()[5]) for line in lines]
    assert numbers[-1] == 19 and len(lines) > 8
    assert numbers[-8:] == list(range(12, 20))


def test_a_rotation_that_cannot_rename_keeps_every_line(tmp_path: Path, monkeypatch) -> None:
    """On Windows a log file another program holds open cannot be renamed: the lines still
    reach the file, and rotation happens once the rename works again."""
    import logging

    from proposal_desk import logs

    path = tmp_path / "proposal-desk.log"
    handler = logs.LogFile(path, max_bytes=200)
    handler.setFormatter(logging.Formatter("%(message)s"))
    log = logging.getLogger("test-rotation-blocked")
    log.propagate = False
    log.addHandler(handler)
    real_replace = os.replace

    def refuse(src: object, dst: object) -> None:
        if str(src) == str(path):  # only the open log itself cannot be renamed
            raise PermissionError("in use")
        real_replace(src, dst)

    (tmp_path / "proposal-desk.log.1").write_text("older\n", encoding="utf-8")
    (tmp_path / "proposal-desk.log.2").write_text("oldest\n", encoding="utf-8")
    try:
        monkeypatch.setattr(os, "replace", refuse)
        for n in range(10):
            log.warning("line %02d %s", n, "x" * 40)
        assert [ln[:7] for ln in path.read_text("utf-8").splitlines()] == [
            f"line {n:02d}" for n in range(10)]
        # the backups are untouched while the file cannot be moved aside
        assert (tmp_path / "proposal-desk.log.1").read_text("utf-8") == "older\n"
        assert (tmp_path / "proposal-desk.log.2").read_text("utf-8") == "oldest\n"
        assert not (tmp_path / "proposal-desk.log.3").exists()
        monkeypatch.setattr(os, "replace", real_replace)
        log.warning("line 10 %s", "x" * 40)
        assert (tmp_path / "proposal-desk.log.1").read_text("utf-8").count("line") == 10
        assert path.read_text("utf-8").startswith("line 10")
        assert (tmp_path / "proposal-desk.log.2").read_text("utf-8") == "older\n"
        assert (tmp_path / "proposal-desk.log.3").read_text("utf-8") == "oldest\n"
    finally:
        log.removeHandler(handler)
        handler.close()
