"""Start-up and size of the one-file build, beside a minimal PySide6 one-file program.

    .venv/bin/python bench/bench_startup.py [--runs 5] [--proposals 10000] [--rebuild]

Builds a minimal PySide6 program (a main window with a label) with the same PyInstaller and
default options, uses build/dist/proposal-desk (built first when missing or with --rebuild),
fills a data folder with N proposals, then launches each of

    minimal one-file · our one-file · `python -m proposal_desk` from source

several times and prints, side by side: file size, and the time from launch to the main window
painted with nothing left to do (median, min, max). The end point is the same for all three:
the program writes a stamp file once its window has been painted and the event loop has gone
quiet (proposal_desk.startup_probe; the minimal program carries the same logic as text from
bench/window_probe.py).
Runs offscreen unless --platform says otherwise. Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import os
import random
import statistics
import subprocess
import sys
import textwrap
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from _support import bench_module, launch, load_file

if TYPE_CHECKING:
    from proposal_desk.storage.database import Database

ROOT = Path(__file__).resolve().parents[1]


build_script = load_file("proposal_desk_build", ROOT / "build" / "build.py")
bundle_plan = build_script.bundle_plan

MIB = 1024 * 1024
BENCH_WORK = bundle_plan.WORK_DIR / "bench"
SIZE_TARGET = 1.25
TIME_TARGET = 1.3

_PROBE = bench_module("window_probe").PROBE  # watch(app, window)
MINIMAL_PROGRAM = _PROBE + textwrap.dedent('''
    from PySide6.QtWidgets import QLabel, QMainWindow
    app = QApplication(sys.argv)
    window = QMainWindow()
    window.setWindowTitle("minimal")
    window.setCentralWidget(QLabel("Hello"))
    window.resize(1000, 700)
    watch(app, window)
    window.show()
    sys.exit(app.exec())
''')


@dataclass
class Subject:
    name: str
    command: list[str]
    file: Path | None  # the executable whose size counts
    times: list[float] = field(default_factory=list)
    folder: bool = False  # a one-folder build: its whole folder counts
    fallbacks: int = 0  # runs timed to process exit because no stamp came
    env: dict[str, str | None] = field(default_factory=dict)  # None removes a variable


# --- building -------------------------------------------------------------------------------

def build_minimal(rebuild: bool) -> tuple[Path, float | None]:
    folder = BENCH_WORK / "minimal"
    exe = folder / "dist" / ("minimal.exe" if sys.platform == "win32" else "minimal")
    if exe.is_file() and not rebuild:
        return exe, None
    folder.mkdir(parents=True, exist_ok=True)
    script = folder / "minimal.py"
    script.write_text(MINIMAL_PROGRAM, encoding="utf-8")
    cmd = [sys.executable, "-m", "PyInstaller", "--onefile", "--noconfirm", "--log-level",
           "ERROR", "--workpath", str(folder / "work"), "--distpath", str(folder / "dist"),
           "--specpath", str(folder), str(script)]
    started = time.perf_counter()
    subprocess.run(cmd, check=True, cwd=folder)
    return exe, time.perf_counter() - started


def build_ours(rebuild: bool) -> tuple[Path, float | None]:
    exe = build_script.executable_path()
    if exe.is_file() and not rebuild:
        return exe, None
    started = time.perf_counter()
    build_script.build()
    return exe, time.perf_counter() - started


# --- data -------------------------------------------------------------------------------------

def make_data(count: int, fresh: bool) -> Path:
    """A data folder whose database holds `count` proposals of this year, made once and kept
    in build/work/bench (a generated database is not worth regenerating on every run)."""
    folder = BENCH_WORK / f"data-{count}"
    db_file = folder / "proposal-desk.sqlite3"
    marker = folder / "schema.sha256"  # the initial migration may still change before release
    schema = hashlib.sha256(b"".join(
        p.read_bytes() for p in sorted(bundle_plan.MIGRATIONS.rglob("*.py")))).hexdigest()
    if db_file.is_file() and not fresh and marker.is_file() and marker.read_text() == schema:
        return folder
    if folder.exists():
        for path in sorted(folder.rglob("*"), reverse=True):
            path.unlink() if path.is_file() else path.rmdir()
    folder.mkdir(parents=True, exist_ok=True)
    os.environ["PROPOSAL_DESK_DATA"] = str(folder)
    from proposal_desk import paths
    from proposal_desk.storage.database import Database

    started = time.perf_counter()
    db = Database(paths.database_url(), backup_dir=folder / "backups")
    fill(db, count)
    db.dispose()
    marker.write_text(schema)
    print(f"data: {count} proposals generated in {time.perf_counter() - started:.0f} s "
          f"({db_file.stat().st_size / MIB:.0f} MiB)")
    return folder


def fill(db: Database, count: int) -> None:
    from proposal_desk.core.enums import Kind, Role
    from proposal_desk.demo import SECTIONS, SECTORS, TOPICS, UNITS, _reply_text
    from proposal_desk.services import handling
    from proposal_desk.services.meetings import default_meeting_name, ensure_meeting
    from proposal_desk.storage.models import Proposal
    from proposal_desk.storage.settings_store import set_value

    rng = random.Random(10_000)
    today = dt.date.today()
    surnames = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董"
    given = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚"
    roles = [Role.LEAD, Role.LEAD, Role.ASSIST, Role.JOINT, Role.SPLIT]
    batch = 500
    done = 0
    while done < count:
        with db.transaction() as session:
            if done == 0:
                set_value(session, "bureau.name", "区商务局")
            meetings = [ensure_meeting(session, default_meeting_name(kind, today.year),
                                       kind=kind, year=today.year)
                        for kind in (Kind.PROPOSAL, Kind.SUGGESTION)]
            for i in range(done, min(done + batch, count)):
                topic = TOPICS[i % len(TOPICS)]
                role = roles[i % len(roles)]
                p = Proposal(meeting=meetings[i % 7 == 0], number=f"{today.year % 100}{i:05d}",
                             title=f"{topic.title}（第{i}件）", role=role.value,
                             assigned_on=today - dt.timedelta(days=rng.randint(10, 120)),
                             sector=rng.choice(SECTORS))
                session.add(p)
                session.flush()
                names = [rng.choice(surnames) + rng.choice(given) + rng.choice(given)
                         for _ in range(1 + i % 3)]
                handling.set_proposers(session, p, names, sector=p.sector)
                others = rng.sample(UNITS, 2)
                units = ([("区商务局", role.value), (others[0], Role.ASSIST.value)]
                         if role in (Role.LEAD, Role.SPLIT) else
                         [(others[0], Role.LEAD.value), ("区商务局", role.value)])
                handling.set_units(session, p, units)
                handling.set_topics(session, p, [topic.tag])
                if i % 3:
                    handling.sign(p, p.assigned_on + dt.timedelta(days=1))
                    handling.assign(session, p, section=topic.section,
                                    handler=rng.choice(SECTIONS[topic.section]))
                    handling.add_record(p, date=p.assigned_on + dt.timedelta(days=3),
                                        method="电话", stage="办前", content="电话联系，了解诉求。")
                if i % 4 == 0 and role.answers_member:
                    handling.save_reply(session, p, category="A",
                                        text=_reply_text(topic, "委员"))
            done = min(done + batch, count)


# --- running ----------------------------------------------------------------------------------

def launch_once(subject: Subject, env: dict[str, str], timeout: float) -> float | None:
    run_env = dict(env)
    for key, value in subject.env.items():
        if value is None:
            run_env.pop(key, None)
        else:
            run_env[key] = value
    run = launch(subject.command, run_env, timeout)
    if run is None:
        return None
    if run.ready is not None:
        return run.ready
    if run.returncode == 0:
        subject.fallbacks += 1
        return run.ended - run.started
    print(f"  {subject.name}: exit {run.returncode}: {run.stderr.strip()[-500:]}",
          file=sys.stderr)
    return None


def run_all(subjects: list[Subject], env: dict[str, str], runs: int, timeout: float) -> None:
    for subject in subjects:  # one warm-up each: disk cache, font cache
        launch_once(subject, env, timeout)
    for _ in range(runs):  # interleaved, so a noisy moment hits all three alike
        for subject in subjects:
            seconds = launch_once(subject, env, timeout)
            if seconds is not None:
                subject.times.append(seconds)


def size_of(subject: Subject) -> int | None:
    if subject.file is None:
        return None
    if subject.folder:
        return sum(p.stat().st_size for p in subject.file.parent.rglob("*")
                   if p.is_file() and not p.is_symlink())
    return subject.file.stat().st_size


def report(subjects: list[Subject], builds: dict[str, float | None], proposals: int) -> None:
    base = subjects[0]
    base_size = size_of(base)
    base_time = statistics.median(base.times) if base.times else None
    print()
    print(f"{'':30} {'size MiB':>9} {'× min':>6}   {'median s':>8} {'min':>6} {'max':>6} "
          f"{'× min':>6}  runs")
    for s in subjects:
        size = size_of(s)
        size_txt = f"{size / MIB:9.1f}" if size else f"{'-':>9}"
        size_ratio = f"{size / base_size:6.2f}" if size and base_size else f"{'-':>6}"
        if s.times:
            med = statistics.median(s.times)
            ratio = f"{med / base_time:6.2f}" if base_time else f"{'-':>6}"
            time_txt = f"{med:8.2f} {min(s.times):6.2f} {max(s.times):6.2f} {ratio}"
        else:
            time_txt = f"{'failed':>8} {'':6} {'':6} {'':6}"
        note = f" ({s.fallbacks} timed to exit: no stamp)" if s.fallbacks else ""
        print(f"{s.name:30} {size_txt} {size_ratio}   {time_txt}  {len(s.times)}{note}")
    ours = subjects[1]
    ours_size = size_of(ours)
    if base_size and ours_size and ours.times and base_time:
        size_ratio = ours_size / base_size
        time_ratio = statistics.median(ours.times) / base_time
        print()
        print(f"size:     {size_ratio:.2f}× the minimal one-file program "
              f"(target ≤ {SIZE_TARGET}×) {'met' if size_ratio <= SIZE_TARGET else 'MISSED'}")
        print(f"start-up: {time_ratio:.2f}× with {proposals} proposals "
              f"(target ≤ {TIME_TARGET}×) {'met' if time_ratio <= TIME_TARGET else 'MISSED'}")
    for name, seconds in builds.items():
        if seconds is not None:
            print(f"build time, {name}: {seconds:.0f} s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--proposals", type=int, default=10_000)
    parser.add_argument("--rebuild", action="store_true",
                        help="build both files even when they exist")
    parser.add_argument("--fresh-data", action="store_true", help="regenerate the database")
    parser.add_argument("--platform", default=os.environ.get("BENCH_QPA", "offscreen"),
                        help="Qt platform: offscreen (default) or xcb under a display")
    parser.add_argument("--timeout", type=float, default=120)
    parser.add_argument("--exe", type=Path, help="time this built file instead of "
                        "build/dist/proposal-desk (e.g. the --onedir build's)")
    parser.add_argument("--src", type=Path,
                        help="source tree for the `python -m` run (default: the installed one)")
    args = parser.parse_args(argv)

    minimal_exe, minimal_build = build_minimal(args.rebuild)
    our_exe, our_build = (args.exe.resolve(), None) if args.exe else build_ours(args.rebuild)
    onedir = (our_exe.parent / "_internal").is_dir()  # build.py --onedir
    data = make_data(args.proposals, args.fresh_data)
    env = {**os.environ, "QT_QPA_PLATFORM": args.platform, "PROPOSAL_DESK_DATA": str(data)}
    env.pop("PROPOSAL_DESK_DB", None)
    if args.src:
        env["PYTHONPATH"] = str(args.src.resolve())
    subjects = [
        Subject("minimal PySide6 one-file", [str(minimal_exe)], minimal_exe),
        Subject("proposal-desk folder (onedir)" if onedir else "proposal-desk one-file",
                [str(our_exe), "--smoke-test"], our_exe, folder=onedir),
        # With its bytecode cached, as an installed program has it (this machine sets
        # PYTHONDONTWRITEBYTECODE, which would compile every module at every start).
        Subject("python -m proposal_desk", [sys.executable, "-m", "proposal_desk",
                                            "--smoke-test"], None,
                env={"PYTHONDONTWRITEBYTECODE": None,
                     "PYTHONPYCACHEPREFIX": str(BENCH_WORK / "pycache")}),
    ]
    print(f"{args.runs} runs each (after one warm-up), Qt platform {args.platform}, "
          f"{args.proposals} proposals in our database; "
          f"{os.cpu_count()} CPUs, Python {sys.version.split()[0]}")
    run_all(subjects, env, args.runs, args.timeout)
    report(subjects, {"minimal": minimal_build, "proposal-desk": our_build}, args.proposals)
    return 0


if __name__ == "__main__":
    sys.exit(main())
