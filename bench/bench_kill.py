"""The kill test, 200 times: a writer (new proposals, ledger imports, records, replies,
attachments, bulk changes, each one transaction) is killed with SIGKILL at a random moment;
after each kill the database must open, pass the full check, hold every unit whose commit
returned and nothing of a unit that did not. Prints the cycles survived.

    .venv/bin/python bench/bench_kill.py [--cycles 200] [--seed N] [--keep FOLDER]
"""

from __future__ import annotations

import argparse
import collections
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
import crash_writer


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cycles", type=int, default=200)
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--keep", type=Path, help="folder for the database (kept afterwards)")
    args = parser.parse_args()
    seed = args.seed if args.seed is not None else random.randrange(1 << 30)
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        db_path = folder / "kill.sqlite3"
        expectations: dict[int, dict[str, int]] = {}
        committed: set[int] = set()
        start = 0
        survived = 0
        landed = absent = early = 0
        inside: collections.Counter[str] = collections.Counter()
        t0 = time.monotonic()
        for cycle in range(1, args.cycles + 1):
            # Four kills in five while writing; one in five from the start, so that some
            # land in opening, the quick check and the backup on open.
            after_ready = rng.random() < 0.8
            delay = rng.uniform(0.0, 1.5) if after_ready else rng.uniform(0.0, 2.5)
            try:
                result = crash_writer.run_cycle(db_path, start, rng.randrange(1 << 30),
                                                expectations, committed, delay=delay,
                                                after_ready=after_ready)
            except crash_writer.CrashCheckFailed as exc:
                print(f"cycle {cycle} FAILED (seed {seed}, delay {delay:.2f}s): {exc}")
                break
            survived += 1
            start = result.next_start
            early += not result.ready
            if result.in_flight is not None:
                landed += bool(result.in_flight_landed)
                absent += not result.in_flight_landed
                inside[result.in_flight_kind] += 1
            if cycle % 10 == 0:
                print(f"  {cycle} cycles, {len(committed)} units committed and verified",
                      flush=True)
        size = db_path.stat().st_size if db_path.exists() else 0
        print(f"kill test: {survived}/{args.cycles} cycles survived (seed {seed}) in "
              f"{time.monotonic() - t0:.0f} s")
        print(f"  units committed and found whole after kills: {len(committed)}")
        print(f"  kills during a unit: {landed + absent} (unit on disk whole: {landed}, "
              f"absent: {absent}, partial: 0)")
        print("  units the kills fell in: "
              + ", ".join(f"{kind} {n}" for kind, n in inside.most_common()))
        print(f"  kills during start-up (open, check, backup): {early}")
        print(f"  database size at the end: {size / 1048576:.1f} MB")
    return 0 if survived == args.cycles else 1


if __name__ == "__main__":
    sys.exit(main())
