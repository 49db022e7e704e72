"""Where data lives, and the command line's error policy."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from proposal_desk import paths
from proposal_desk.cli.main import main


def test_data_folder_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PROPOSAL_DESK_DATA", str(tmp_path / "env"))
    assert paths.data_dir() == tmp_path / "env"
    assert paths.database_url() == f"sqlite:///{tmp_path / 'env' / paths.DB_FILE}"
    assert paths.database_url(demo=True).endswith("/env/demo/proposal-desk.sqlite3")
    monkeypatch.setenv("PROPOSAL_DESK_DB", "postgresql+psycopg://u@127.0.0.1/x")
    assert paths.database_url() == "postgresql+psycopg://u@127.0.0.1/x"
    assert paths.database_url("my.sqlite3").endswith("/my.sqlite3")  # --db wins
    assert "demo" in paths.database_url(demo=True)  # the demo never opens the real database


def test_portable_folder_beside_the_executable_wins(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PROPOSAL_DESK_DATA")
    exe = tmp_path / "usb" / "proposal-desk.exe"
    exe.parent.mkdir()
    monkeypatch.setattr(sys, "executable", str(exe))
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert paths.portable_data_dir() is None  # no data folder yet: the user's folder is used
    (exe.parent / "data").mkdir()
    assert paths.data_dir() == exe.parent / "data"


def test_config_round_trip_and_unknown_key(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["config", "bureau.aliases", "周村区商务局，商务局"]) == 0
    assert main(["config", "bureau.aliases"]) == 0
    assert capsys.readouterr().out.strip().splitlines()[-1] == "周村区商务局,商务局"
    assert main(["config", "deadline.lead_months", "三个月"]) == 2
    assert "整数" in capsys.readouterr().err
    assert main(["config", "no.such"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("错误：没有设置项") and len(err.strip().splitlines()) == 1


def test_list_json_contract(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo"]) == 0
    capsys.readouterr()
    assert main(["list", "--json", "--role", "主办"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows and all(r["role"] == "主办" for r in rows)
    required = {"kind", "meeting", "year", "number", "title", "proposer", "role", "lead_unit",
                "assigned", "due", "status", "category", "satisfaction", "key"}
    assert all(required <= set(r) for r in rows)
    sample = rows[0]
    assert len(sample["assigned"]) == 10 and sample["assigned"][4] == "-"
    pending = [r for r in rows if r["status"] == "待签收"]
    assert pending and pending[0]["category"] is None and pending[0]["satisfaction"] is None


def test_errors_are_one_line_without_traceback(tmp_path: Path) -> None:
    junk = tmp_path / "junk.sqlite3"
    junk.write_text("not a database", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "proposal_desk", "--db", str(junk), "list"],
        capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("错误：无法打开数据库") and result.stderr.count("\n") == 1


def test_reading_commands_work_beside_the_open_window(tmp_path: Path) -> None:
    from proposal_desk.storage.database import Database
    from proposal_desk.storage.instance_lock import InstanceLock

    path = tmp_path / "office.sqlite3"
    Database(f"sqlite:///{path}").dispose()
    lock = InstanceLock.for_database(path)
    lock.acquire()  # as the window does
    try:
        def cli(*args: str) -> subprocess.CompletedProcess[str]:
            return subprocess.run([sys.executable, "-m", "proposal_desk", "--db", str(path), *args],
                                  capture_output=True, text=True, timeout=60)

        listed = cli("list", "--json")
        assert listed.returncode == 0 and json.loads(listed.stdout) == []
        assert cli("config", "bureau.name").returncode == 0
        refused = cli("config", "bureau.name", "区商务局")
        assert refused.returncode == 2 and refused.stderr.startswith("错误：")
    finally:
        lock.release()
    assert cli("config", "bureau.name", "区商务局").returncode == 0
