"""What the bench scripts share (bench/ is no package): loading a script by its path — also
used by tests/bench_support, so the tests build their large inputs with the very code the
benchmarks use — and launching a program once, timed to the stamp it writes when painted."""

from __future__ import annotations

import functools
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

BENCH = Path(__file__).resolve().parent


def load_file(name: str, path: Path) -> ModuleType:
    """The Python file at `path` run as module `name`."""
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while it runs
    spec.loader.exec_module(module)
    return module


@functools.cache
def bench_module(stem: str) -> ModuleType:
    """bench/<stem>.py, once per process ("generate" → module bench_generate)."""
    name = stem if stem.startswith("bench_") else f"bench_{stem}"
    return load_file(name, BENCH / f"{stem}.py")


STAMP_ENV = "PROPOSAL_DESK_STARTUP_STAMP"


@dataclass
class Launched:
    """One program start, timed to the stamp it writes once painted and quiet
    (proposal_desk.startup_probe, or bench/window_probe.py's copy in the floor programs)."""

    started: float  # time.time() just before the process was created
    ended: float  # when its exit was seen
    returncode: int
    stamp: dict[str, Any] | None  # the stamp's JSON, None if none was written
    peak_kib: int  # peak resident memory: the program's own BENCH_PEAK_FILE, else ru_maxrss
    stderr: str

    @property
    def ready(self) -> float | None:
        """Seconds from start to everything ready (the stamp's ready_at)."""
        return None if self.stamp is None else float(self.stamp["ready_at"]) - self.started

    @property
    def painted(self) -> float | None:
        """Seconds to the window first painted with its data (ready, for programs that do not
        say)."""
        if self.stamp is None:
            return None
        return float(self.stamp.get("painted_at", self.stamp["ready_at"])) - self.started


def launch(command: list[str], env: dict[str, str], timeout: float) -> Launched | None:
    """Runs `command` once with a stamp file (and a peak-memory file) named in its environment
    and waits for its exit; None, with a line on stderr, when it does not exit in `timeout`
    seconds. stderr goes to a file, so a talkative program cannot fill a pipe and stall."""
    with tempfile.TemporaryDirectory() as tmp:
        stamp, peak, err = Path(tmp) / "stamp.json", Path(tmp) / "peak", Path(tmp) / "err"
        with err.open("wb") as err_file:
            started = time.time()
            proc = subprocess.Popen(command, env={**env, STAMP_ENV: str(stamp),
                                                  "BENCH_PEAK_FILE": str(peak)},
                                    stdout=subprocess.DEVNULL, stderr=err_file)
            deadline = time.monotonic() + timeout
            while True:  # wait4, not wait: its rusage is this child's alone
                pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
                if pid:
                    break
                if time.monotonic() > deadline:
                    proc.kill()
                    os.wait4(proc.pid, 0)
                    print(f"  {command[-1]}: no exit within {timeout:.0f} s", file=sys.stderr)
                    return None
                time.sleep(0.005)
        ended = time.time()
        proc.returncode = os.waitstatus_to_exitcode(status)
        info = json.loads(stamp.read_text(encoding="utf-8")) if stamp.exists() else None
        kib = int(peak.read_text()) if peak.exists() else usage.ru_maxrss
        return Launched(started, ended, proc.returncode, info, kib,
                        err.read_bytes().decode(errors="replace"))
