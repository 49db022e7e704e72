"""Crash safety: a writer killed with SIGKILL at random moments loses no returned commit and
leaves no half of one; the database opens and passes `check` after every kill.
bench/bench_kill.py runs the same cycle 200 times."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
import crash_writer

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")


def test_killed_writer_loses_nothing_that_returned(tmp_path: Path) -> None:
    seed = random.randrange(1 << 30)
    rng = random.Random(seed)
    db_path = tmp_path / "kill.sqlite3"
    expectations: dict[int, dict[str, int]] = {}
    committed: set[int] = set()
    start = 0
    for cycle in range(4):
        # Mostly while writing; the last cycle may land anywhere, start-up included
        # (opening, the quick check, the backup on open).
        after_ready = cycle < 3
        delay = rng.uniform(0.05, 1.0) if after_ready else rng.uniform(0.0, 2.0)
        try:
            result = crash_writer.run_cycle(db_path, start, rng.randrange(1 << 30),
                                            expectations, committed, delay=delay,
                                            after_ready=after_ready)
        except crash_writer.CrashCheckFailed as exc:
            pytest.fail(f"cycle {cycle} (seed {seed}, delay {delay:.2f}s): {exc}")
        start = result.next_start
    assert committed, f"no commit returned in any cycle (seed {seed}): the test proved nothing"
    assert len(expectations) >= len(committed)


def test_verify_notices_a_lost_commit(tmp_path: Path) -> None:
    """The checker itself can fail: a unit reported as committed but absent is caught."""
    db_path = tmp_path / "kill.sqlite3"
    expectations: dict[int, dict[str, int]] = {}
    committed: set[int] = set()
    result = crash_writer.run_cycle(db_path, 0, 1, expectations, committed, delay=0.5)
    assert result.committed
    expectations[10_000] = {**dict.fromkeys(crash_writer.TABLES, 0), "proposal": 1}
    committed.add(10_000)
    with pytest.raises(crash_writer.CrashCheckFailed, match="unit 10000 committed"):
        crash_writer.verify(db_path, expectations, committed, None)
