"""No network: import, report, letter, backup, check and the window's start all work with
network sockets made to fail, and none of them even tries to open one.

Each command runs in a child process whose `sitecustomize` (first on PYTHONPATH) makes
AF_INET/AF_INET6 sockets, connections and name lookups raise, and writes down every attempt
with its stack — the assertion is on that list, so an attempt the program swallowed still
fails the test. Local sockets (AF_UNIX: the single-instance check) stay allowed. Where the
system allows it (`unshare -n`, as root) the child also runs in an empty network namespace,
so native code (Qt) cannot reach a network either.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SAMPLES = Path(__file__).resolve().parents[2] / "shared" / "samples"

GUARD = '''
import errno, os, socket, traceback

_LOG = os.environ["NO_NETWORK_LOG"]
_NET = {socket.AF_INET, socket.AF_INET6}


def _refuse(what):
    with open(_LOG, "a", encoding="utf-8") as fh:
        fh.write(f"--- {what}\\n{''.join(traceback.format_stack()[:-2])}\\n")
    raise OSError(errno.ENETUNREACH, f"network disabled by test: {what}")


class _GuardedSocket(socket.socket):
    def __init__(self, family=-1, type=-1, proto=-1, fileno=None):
        if fileno is None and (socket.AF_INET if family == -1 else family) in _NET:
            _refuse(f"socket({family!r})")
        super().__init__(family, type, proto, fileno)


socket.socket = _GuardedSocket
socket.SocketType = _GuardedSocket
socket.create_connection = lambda address, *a, **k: _refuse(f"create_connection{address!r}")
socket.getaddrinfo = lambda host, *a, **k: _refuse(f"getaddrinfo({host!r})")
socket.gethostbyname = lambda host: _refuse(f"gethostbyname({host!r})")
'''


@pytest.fixture
def offline(tmp_path: Path, data_folder: Path) -> dict[str, object]:
    guard = tmp_path / "guard"
    guard.mkdir()
    (guard / "sitecustomize.py").write_text(GUARD, encoding="utf-8")
    log = tmp_path / "network-attempts.log"
    env = dict(os.environ, PYTHONPATH=str(guard), NO_NETWORK_LOG=str(log),
               PROPOSAL_DESK_DATA=str(data_folder), QT_QPA_PLATFORM="offscreen")
    env.pop("PROPOSAL_DESK_DB", None)
    prefix: list[str] = []
    unshare = shutil.which("unshare")
    if unshare and subprocess.run([unshare, "-n", "true"], capture_output=True).returncode == 0:
        prefix = [unshare, "-n"]
    return {"env": env, "log": log, "prefix": prefix}


def _run(offline: dict[str, object], *args: str, timeout: float = 120) -> str:
    cmd = [*offline["prefix"], sys.executable, "-m", "proposal_desk", *args]  # type: ignore[misc]
    done = subprocess.run(cmd, env=offline["env"], capture_output=True, text=True,  # type: ignore[arg-type]
                          timeout=timeout)
    log: Path = offline["log"]  # type: ignore[assignment]
    attempts = log.read_text(encoding="utf-8") if log.exists() else ""
    assert attempts == "", f"`{' '.join(args)}` tried the network:\n{attempts}"
    assert done.returncode == 0, f"`{' '.join(args)}` failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout


def _needs(module: str) -> None:
    if importlib.util.find_spec(module) is None:
        pytest.skip(f"{module} does not exist yet")


def test_the_guard_really_blocks_the_network(offline: dict[str, object]) -> None:
    code = ("import socket\n"
            "try:\n    socket.create_connection(('pypi.org', 443), timeout=1)\n"
            "except OSError as e:\n    print('blocked', e)\n"
            "import socket as s2\n"
            "a, b = s2.socketpair(s2.AF_UNIX)\nprint('unix ok')\n")
    done = subprocess.run([*offline["prefix"], sys.executable, "-c", code],  # type: ignore[misc]
                          env=offline["env"], capture_output=True, text=True)  # type: ignore[arg-type]
    assert "blocked" in done.stdout and "unix ok" in done.stdout, done.stderr
    log: Path = offline["log"]  # type: ignore[assignment]
    assert "create_connection('pypi.org', 443)" in log.read_text(encoding="utf-8")


def test_import_report_letter_backup_check_offline(offline: dict[str, object],
                                                  tmp_path: Path) -> None:
    _needs("proposal_desk.sheets.importer")
    _run(offline, "config", "bureau.name", "区商务局")
    out = _run(offline, "import", str(SAMPLES / "assignments_2025.xlsx"))
    assert "新增 40 件" in out
    _run(offline, "export", str(tmp_path / "ledger.xlsx"))
    assert (tmp_path / "ledger.xlsx").stat().st_size > 0
    # The demo database holds a year with replies, for the letter and the report.
    _run(offline, "--demo", "demo")
    rows = json.loads(_run(offline, "--demo", "list", "--json"))
    replied = next(r for r in rows if r["role"] == "主办" and r["replied"])
    _needs("proposal_desk.documents.letters")
    _run(offline, "--demo", "letter", replied["number"], "--meeting", replied["meeting"],
         "-o", str(tmp_path / "letter.docx"))
    assert (tmp_path / "letter.docx").stat().st_size > 0
    _needs("proposal_desk.documents.report")
    _run(offline, "--demo", "report", "--year", str(replied["year"]),
         "-o", str(tmp_path / "report.docx"))
    assert (tmp_path / "report.docx").stat().st_size > 0
    assert "已备份到" in _run(offline, "backup")
    assert "检查通过" in _run(offline, "check")


def test_window_starts_offline(offline: dict[str, object]) -> None:
    _needs("proposal_desk.gui.app")
    _run(offline, "--smoke-test", timeout=180)
