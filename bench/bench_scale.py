"""Issue 6, point 8: the figures at 10,000 and 100,000 proposals, each beside a floor measured
in the same run, and a verdict against the goal.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_scale.py [--only start,search,…]
        [--runs 5] [--work /tmp/proposal-desk-bench] [--fresh] [--small] [--no-bytecode]

Parts (all by default, in this order; heavy, so run nothing else meanwhile):

  start   `python -m proposal_desk --db DB --smoke-test` until (a) the main window is painted
          with its data and quiet, and (b) the database is open and nothing runs
          (proposal_desk.startup_probe's stamp), with 10k and with 100k proposals, against
          an empty PySide6 window run the same way.               goal: 10k ≤ 3× the empty window
          The package is byte-compiled first, as an installed copy is (the one-file build and
          a pip install carry bytecode); --no-bytecode compiles it at every start instead,
          as this checkout does under PYTHONDONTWRITEBYTECODE (the figures before session 3).
          Also shown, not used as the floor: the empty window watched by an application-wide
          event filter, the probe used before session 3 (it costs that window ~25 ms).
  search  search as you type over 100k proposals and 500k records: for 1-, 2- and 3-character
          queries the keystroke's work (search_ids, filtering the loaded 100k-row list, a
          repaint), beside the full scan and the positional phrase query; and every query's
          hits compared with a field-by-field scan of the texts.  goal: ≤ 50 ms, same rows
  list    services.queries.list_rows over 100k proposals, against raw sqlite3 fetching the same
          columns in the same order (LIST_SQL: the three joins and the ORDER BY). goal: ≤ 1.5×
  import  a 10,000-row ledger (bench_import.generate), plan + apply, against python-calamine
          reading it plus a bare sqlite3 insert of its rows.        goal: ≤ 2×
  report  bench/bench_report.py (annual report for 1,000 proposals, against bare docxtpl).
                                                                    goal: ≤ 1.5×
  memory  peak RSS (the process's VmHWM at exit) of the start with 100k proposals,
          against a bare 100k-row Qt table (QTableView over the same columns fetched with raw
          sqlite3) shown the same way.                               goal: ≤ 1.5×

The databases are made once by bench/generate.py in --work and reused while the code that
shapes them is unchanged (--fresh makes them again); --small uses 2,000 and 20,000 proposals
for a quick look. Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import hashlib
import os
import re
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from _support import bench_module
from _support import launch as launch_program

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "bench"
SEARCHES = {  # what people type, one keystroke at a time
    1: ["商", "委", "局", "家", "贸"],
    2: ["电商", "委员", "老字", "物流", "满意"],
    3: ["老字号", "跨境电", "便民生", "市商务", "王伟华"],
}
TYPED = ["跨", "跨境", "跨境电", "跨境电商", "跨境电商平台"]
# The floor for loading the list: the same columns, fetched the straightforward way.
LIST_SQL = (
    "SELECT p.id, m.kind, m.name, m.year, p.number, p.title, p.proposer_names, p.role, "
    "p.lead_unit, p.assigned_on, p.due, p.status, p.category, p.satisfaction, p.\"key\", "
    "s.name, h.name, p.signed_on, p.replied_on FROM proposal AS p "
    "JOIN meeting AS m ON p.meeting_id = m.id LEFT JOIN section AS s ON p.section_id = s.id "
    "LEFT JOIN staff AS h ON p.handler_id = h.id ORDER BY m.year DESC, m.name, p.number")


@dataclass
class Figure:
    part: str
    what: str
    value: float
    floor: float | None
    floor_what: str
    unit: str = "ms"
    goal: str = ""
    met: bool | None = None
    note: str = ""


@dataclass
class Results:
    figures: list[Figure] = field(default_factory=list)

    def add(self, figure: Figure) -> None:
        self.figures.append(figure)
        print(f"  {_line(figure)}", flush=True)


def _fmt(value: float, unit: str) -> str:
    if unit == "ms":
        return f"{value:.1f} ms" if value < 100 else f"{value:.0f} ms"
    if unit == "s":
        return f"{value:.2f} s"
    if unit == "MiB":
        return f"{value:.0f} MiB"
    return f"{value:g} {unit}"


def _line(f: Figure) -> str:
    text = f"{f.what}: {_fmt(f.value, f.unit)}"
    if f.floor is not None:
        text += f"  | floor {f.floor_what}: {_fmt(f.floor, f.unit)}  → {f.value / f.floor:.2f}×"
    if f.goal:
        text += f"  [goal {f.goal}: {'met' if f.met else 'MISSED'}]"
    if f.note:
        text += f"  ({f.note})"
    return text


def _timed(fn: Callable[[], Any], runs: int) -> list[float]:
    """Milliseconds per run; each result is dropped and collected outside the timing."""
    times = []
    for _ in range(runs):
        gc.collect()
        start = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - start) * 1000)
        del result
    return times


# ---- the databases ------------------------------------------------------------------------

def _code_hash() -> str:
    """What the generated database depends on: when it changes, generate again."""
    src = ROOT / "src" / "proposal_desk"
    files = [BENCH / "generate.py", *sorted((src / "storage" / "migrations").rglob("*.py")),
             *(src / "storage" / n for n in ("search.py", "facts.py", "hooks.py", "bulk.py"))]
    return hashlib.sha256(b"".join(p.read_bytes() for p in files)).hexdigest()[:16]


def database(work: Path, count: int, fresh: bool) -> Path:
    path = work / f"scale-{count}.sqlite3"
    marker = work / f"scale-{count}.code"
    code = _code_hash()
    if path.exists() and not fresh and marker.exists() and marker.read_text() == code:
        return path
    for old in work.glob(f"scale-{count}.sqlite3*"):
        old.unlink()
    print(f"generating {count} proposals into {path} …", flush=True)
    summary = bench_module("generate").generate(path, count)
    marker.write_text(code)
    print(f"  {summary}", flush=True)
    return path


# ---- processes: start-up and memory -------------------------------------------------------

_PROBE = bench_module("window_probe").PROBE  # defines watch(app, window)

# Each program runs under this bootstrap, which writes the process's peak RSS (VmHWM) at exit.
# (wait4's ru_maxrss will not do: a child started from a large parent inherits its high-water
# mark across exec, so every small program would show the benchmark's own size.)
PEAK_RSS = textwrap.dedent('''
    import atexit, os, runpy, sys

    def report():
        with open("/proc/self/status") as status:
            kib = next(line.split()[1] for line in status if line.startswith("VmHWM:"))
        with open(os.environ["BENCH_PEAK_FILE"], "w") as out:
            out.write(kib)

    atexit.register(report)
    if sys.argv[1] == "-m":
        sys.argv = sys.argv[2:]
        runpy.run_module(sys.argv[0], run_name="__main__", alter_sys=True)
    else:
        sys.argv = sys.argv[1:]
        runpy.run_path(sys.argv[0], run_name="__main__")
''')

_EMPTY = textwrap.dedent('''
    from PySide6.QtWidgets import QLabel, QMainWindow
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setCentralWidget(QLabel("Hello"))
    window.resize(1280, 800)
    watch(app, window)
    window.show()
    sys.exit(app.exec())
''')
EMPTY_WINDOW = _PROBE + _EMPTY
# The same window watched by the probe used before session 3 (shown, not the floor).
EMPTY_WINDOW_APP_FILTER = bench_module("window_probe").APP_WIDE_PROBE + _EMPTY

BARE_TABLE = _PROBE + textwrap.dedent('''
    import sqlite3
    from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
    from PySide6.QtWidgets import QMainWindow, QTableView

    class Model(QAbstractTableModel):
        def __init__(self, rows):
            super().__init__()
            self.rows = rows
        def rowCount(self, parent=QModelIndex()):
            return 0 if parent.isValid() else len(self.rows)
        def columnCount(self, parent=QModelIndex()):
            return 0 if parent.isValid() else 15
        def data(self, index, role=Qt.ItemDataRole.DisplayRole):
            if role == Qt.ItemDataRole.DisplayRole:
                value = self.rows[index.row()][index.column()]
                return "" if value is None else str(value)
            return None

    app = QApplication(sys.argv[:1])
    rows = sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchall()
    window = QMainWindow()
    view = QTableView()
    view.verticalHeader().setSectionResizeMode(view.verticalHeader().ResizeMode.Fixed)
    view.setModel(Model(rows))
    window.setCentralWidget(view)
    window.resize(1280, 800)
    watch(app, window)
    window.show()
    sys.exit(app.exec())
''')


@dataclass
class Launch:
    name: str
    command: list[str]
    seconds: list[float] = field(default_factory=list)
    peak_mib: list[float] = field(default_factory=list)
    painted: list[float] = field(default_factory=list)  # first paint with data, quiet


def _launch(launch: Launch, env: dict[str, str], timeout: float
            ) -> tuple[float, float, float] | None:
    """Seconds from start to the stamp (everything ready), the process's peak RSS in MiB, and
    seconds to the window first painted with its data."""
    run = launch_program(launch.command, env, timeout)
    if run is None:
        return None
    if run.stamp is None:
        print(f"  {launch.name}: exit {run.returncode} without a stamp: {run.stderr[-400:]}",
              file=sys.stderr)
        return None
    assert run.ready is not None and run.painted is not None
    return run.ready, run.peak_kib / 1024, run.painted


def run_launches(launches: list[Launch], env: dict[str, str], runs: int,
                 timeout: float = 300) -> None:
    for launch in launches:  # a warm-up each: disk cache, font cache, a first backup
        _launch(launch, env, timeout)
    for _ in range(runs):  # interleaved, so a noisy moment hits all of them alike
        for launch in launches:
            got = _launch(launch, env, timeout)
            if got:
                launch.seconds.append(got[0])
                launch.peak_mib.append(got[1])
                launch.painted.append(got[2])


def byte_compile(enabled: bool) -> None:
    """As installed: the package's bytecode written once (__pycache__, ignored by git), so a
    start reads it instead of compiling ~45 modules before the first paint (~35 ms)."""
    if not enabled:
        print("  bytecode: none (every start compiles the package: --no-bytecode)", flush=True)
        return
    import compileall

    ok = compileall.compile_dir(ROOT / "src" / "proposal_desk", quiet=1)
    print(f"  bytecode: the package byte-compiled first{'' if ok else ' (with errors)'}",
          flush=True)


def part_start_and_memory(results: Results, work: Path, dbs: dict[int, Path], runs: int,
                          parts: set[str], bytecode: bool = True) -> None:
    scripts = work / "scripts"
    scripts.mkdir(exist_ok=True)
    byte_compile(bytecode)
    (scripts / "empty_window.py").write_text(EMPTY_WINDOW, encoding="utf-8")
    (scripts / "empty_window_app_filter.py").write_text(EMPTY_WINDOW_APP_FILTER,
                                                        encoding="utf-8")
    (scripts / "bare_table.py").write_text(BARE_TABLE, encoding="utf-8")
    (scripts / "peak_rss.py").write_text(PEAK_RSS, encoding="utf-8")
    python = [sys.executable, str(scripts / "peak_rss.py")]
    small, large = sorted(dbs)
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    env.pop("PROPOSAL_DESK_DB", None)
    launches = [Launch("empty PySide6 window", [*python, str(scripts / "empty_window.py")])]
    for count in (small, large):
        data = work / f"data-{count}"  # the program's data folder: logs, window layout
        data.mkdir(exist_ok=True)
        launches.append(Launch(f"proposal-desk, {count} proposals", [
            "env", f"PROPOSAL_DESK_DATA={data}", *python, "-m", "proposal_desk",
            "--db", str(dbs[count]), "--smoke-test"]))
    sql = LIST_SQL
    launches.append(Launch(f"bare Qt table, {large} rows",
                           [*python, str(scripts / "bare_table.py"), str(dbs[large]), sql]))
    launches.append(Launch("empty window, application-wide probe (before session 3)",
                           [*python, str(scripts / "empty_window_app_filter.py")]))
    print(f"start-up: {runs} runs each after a warm-up, interleaved", flush=True)
    run_launches(launches, env, runs)
    empty, ours_small, ours_large, bare, _app_filter = launches
    for launch in launches:
        if launch.seconds:
            print(f"  {launch.name}: painted with data {statistics.median(launch.painted):.2f} s "
                  f"(min {min(launch.painted):.2f}, max {max(launch.painted):.2f}); "
                  f"all ready {statistics.median(launch.seconds):.2f} s "
                  f"(min {min(launch.seconds):.2f}, max {max(launch.seconds):.2f}); peak "
                  f"{statistics.median(launch.peak_mib):.0f} MiB", flush=True)
    if not (empty.seconds and ours_small.seconds and ours_large.seconds and bare.seconds):
        print("  start-up: some launches failed, no figures", flush=True)
        return
    floor = statistics.median(empty.seconds)
    if "start" in parts:
        # Two moments: (a) the window painted with its data and the UI thread's event loop
        # quiet (a quick start gets there before the database layer is loaded); (b) the
        # database open and handed to the window, nothing left running (editing ready).
        for launch, count in ((ours_small, small), (ours_large, large)):
            value = statistics.median(launch.painted)
            goal = "≤ 3× (10k)" if count == small else ""
            results.add(Figure("start", f"start to painted with data and quiet, {count} "
                               "proposals", value, floor, "empty PySide6 window", "s", goal,
                               value / floor <= 3 if goal else None))
            value = statistics.median(launch.seconds)
            results.add(Figure("start", f"start to database open and idle (editing ready), "
                               f"{count} proposals", value, floor, "empty PySide6 window", "s"))
    if "memory" in parts:
        value = statistics.median(ours_large.peak_mib)
        base = statistics.median(bare.peak_mib)
        results.add(Figure("memory", f"peak RSS, window with {large} proposals", value, base,
                           f"bare {large}-row Qt table", "MiB", "≤ 1.5×", value / base <= 1.5,
                           f"empty window {statistics.median(empty.peak_mib):.0f} MiB, "
                           f"{small} proposals "
                           f"{statistics.median(ours_small.peak_mib):.0f} MiB"))


# ---- in-process parts: search and list ------------------------------------------------------

def _scan_texts(db: Any) -> dict[int, list[str]]:
    """Every proposal's fields, normalized, read from the tables (not from an index)."""
    from sqlalchemy import select

    from proposal_desk.storage import search
    from proposal_desk.storage.facts import caches, load_stored
    from proposal_desk.storage.models import Proposal
    from proposal_desk.storage.settings_store import load_settings

    texts: dict[int, list[str]] = {}
    with db.session() as s:
        deadlines = load_settings(s).deadlines
        ids = list(s.scalars(select(Proposal.id)))
        for start in range(0, len(ids), 5000):
            for item in load_stored(s.connection(), ids[start:start + 5000]):
                parts = search.document_parts(item.data, caches(item.data, deadlines))
                texts[item.data.id] = [search.normalize(p) for p in parts]
    return texts


def part_search(results: Results, path: Path, runs: int) -> None:
    from PySide6.QtWidgets import QApplication

    from proposal_desk.gui.proposal_list import ProposalListPane
    from proposal_desk.services.queries import ListFilter, list_rows
    from proposal_desk.storage import search
    from proposal_desk.storage.database import Database

    app = QApplication.instance() or QApplication(sys.argv[:1])
    db = Database(f"sqlite:///{path}", check_on_open=False, backup_on_open=False)
    raw = sqlite3.connect(path)
    with db.session() as s:
        rows = list_rows(s, ListFilter())
        records = raw.execute("SELECT count(*) FROM correspondence").fetchone()[0]
    pane = ProposalListPane()
    pane.resize(1200, 800)
    pane.show()
    pane.set_rows(rows)
    app.processEvents()
    print(f"search: {len(rows)} proposals, {records} records; reading every text for the "
          "reference scan …", flush=True)
    started = time.perf_counter()
    texts = _scan_texts(db)
    print(f"  scan texts read in {time.perf_counter() - started:.0f} s", flush=True)

    def scan(query: str) -> set[int]:
        needle = search.normalize(query)
        return {pid for pid, fields in texts.items() if any(needle in f for f in fields)}

    def keystroke(query: str) -> tuple[float, float, int]:
        start = time.perf_counter()
        with db.session() as session:  # what MainWindow._search does
            ids = search.search_ids(session, query)
        middle = time.perf_counter()
        pane.set_filter_ids(ids)
        pane.table.viewport().repaint()
        end = time.perf_counter()
        return (middle - start) * 1000, (end - middle) * 1000, len(ids)

    mismatches: list[str] = []
    worst: dict[int, float] = {}
    for length, queries in SEARCHES.items():
        for query in queries:
            hits = scan(query)
            with db.session() as session:
                found = search.search_ids(session, query)
            if found != hits:
                mismatches.append(f"{query}: index {len(found)}, scan {len(hits)}")
            samples = []
            for _ in range(runs):
                pane.set_filter_ids(None)
                app.processEvents()
                samples.append(keystroke(query))
            total = statistics.median(q + g for q, g, _ in samples)
            query_ms = statistics.median(q for q, _, _ in samples)
            phrase = statistics.median(_timed(lambda q=query: raw.execute(
                f"SELECT rowid FROM {search.FTS_TABLE} WHERE {search.FTS_TABLE} MATCH ?",
                (search.fts_query(q),)).fetchall(), runs))
            scan_ms = statistics.median(_timed(lambda q=query: scan(q), 1))
            worst[length] = max(worst.get(length, 0), total)
            print(f"  {query!r:10} {len(found):6} hits: keystroke {total:6.1f} ms (search_ids "
                  f"{query_ms:5.1f}, list {total - query_ms:5.1f}); positional phrase query "
                  f"{phrase:6.1f} ms; full scan {scan_ms:6.0f} ms; "
                  f"{'same rows' if found == hits else 'DIFFERENT ROWS'}", flush=True)
    typed = []
    pane.set_filter_ids(None)
    for query in TYPED:
        q_ms, g_ms, n = keystroke(query)
        typed.append(f"{query} {q_ms + g_ms:.0f} ms/{n}")
    print(f"  typing {' → '.join(typed)}", flush=True)
    clear = _timed(lambda: (pane.set_filter_ids(None), pane.table.viewport().repaint()), runs)
    for length, value in worst.items():
        results.add(Figure("search", f"slowest {length}-character keystroke over "
                           f"{len(rows) // 1000}k proposals", value, None, "", "ms", "≤ 50 ms",
                           value <= 50))
    results.add(Figure("search", "hits equal a field-by-field scan",
                       float(sum(len(q) for q in SEARCHES.values()) - len(mismatches)),
                       None, "", "queries", "all", not mismatches,
                       "; ".join(mismatches) or "every query"))
    print(f"  clearing the search (all rows again): {statistics.median(clear):.1f} ms")
    pane.close()
    db.dispose()


def part_list(results: Results, dbs: dict[int, Path], runs: int) -> None:
    from proposal_desk.gui.snapshot import read_snapshot
    from proposal_desk.services.queries import ListFilter, list_rows
    from proposal_desk.storage.database import Database

    for count, path in sorted(dbs.items()):
        db = Database(f"sqlite:///{path}", check_on_open=False, backup_on_open=False)
        raw = sqlite3.connect(path)
        sql = LIST_SQL
        with db.session() as s:
            ours: list[float] = []
            floor: list[float] = []
            for _ in range(runs):  # interleaved
                floor += _timed(lambda raw=raw, sql=sql: raw.execute(sql).fetchall(), 1)
                ours += _timed(lambda s=s: list_rows(s, ListFilter()), 1)
        snapshot = _timed(lambda db=db: read_snapshot(db, None), max(1, runs // 2))
        value, base = statistics.median(ours), statistics.median(floor)
        results.add(Figure("list", f"list_rows, {count} rows", value, base,
                           "raw sqlite3, the same columns joined and ordered", "ms",
                           "≤ 1.5×" if count == max(dbs) else "",
                           value / base <= 1.5 if count == max(dbs) else None,
                           f"min {min(ours):.0f} vs {min(floor):.0f} ms; the window's whole "
                           f"read (read_snapshot) {statistics.median(snapshot):.0f} ms"))
        db.dispose()


# ---- import and report ----------------------------------------------------------------------

def part_import(results: Results, rows: int) -> None:
    bench_import = bench_module("bench_import")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        sheet = work / "ledger.xlsx"
        bench_import.generate(sheet, rows)
        read, insert = bench_import.floor(sheet, work)
        db = bench_import.new_db(work, "big")
        planned, applied, n = bench_import.timed_import(db, sheet)
        results.add(Figure("import", f"import a {rows}-row ledger (plan {planned:.2f} s + "
                           f"apply {applied:.2f} s)", planned + applied, read + insert,
                           f"calamine {read:.2f} s + bare insert {insert:.2f} s", "s", "≤ 2×",
                           (planned + applied) / (read + insert) <= 2, f"{n} proposals"))
        planned, applied, n = bench_import.timed_import(db, sheet)
        results.add(Figure("import", "the same file again (nothing changes)",
                           planned + applied, read + insert, "the same floor", "s"))
        db.dispose()


def part_report(results: Results) -> None:
    out = subprocess.run([sys.executable, str(BENCH / "bench_report.py"), "--runs", "3"],
                         capture_output=True, text=True, check=False)
    lines = out.stdout.splitlines()
    for line in lines:
        print(f"  | {line}")
    full = next((ln for ln in lines if ln.startswith("full write_report")), "")
    bare = next((ln for ln in lines if ln.startswith("bare docxtpl")), "")
    med = re.compile(r"median\s+([\d.]+) s")
    if not (med.search(full) and med.search(bare)):
        print(f"  report: no figures ({out.stderr.strip()[-300:]})")
        return
    value = float(med.search(full).group(1))  # type: ignore[union-attr]
    base = float(med.search(bare).group(1))  # type: ignore[union-attr]
    results.add(Figure("report", "annual report, 1,000 proposals (median)", value, base,
                       "bare docxtpl, same template and context", "s", "≤ 1.5×",
                       value / base <= 1.5))


# ---- main --------------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default="start,search,list,import,report,memory")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir())
                        / "proposal-desk-bench")
    parser.add_argument("--fresh", action="store_true", help="generate the databases again")
    parser.add_argument("--small", action="store_true", help="2,000 and 20,000 proposals")
    parser.add_argument("--import-rows", type=int, default=10_000)
    parser.add_argument("--no-bytecode", action="store_true",
                        help="start: compile the package at every start (no __pycache__)")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    parts = set(args.only.split(","))
    args.work.mkdir(parents=True, exist_ok=True)
    sizes = (2_000, 20_000) if args.small else (10_000, 100_000)
    print(f"{dt.datetime.now():%Y-%m-%d %H:%M}, {os.cpu_count()} CPUs, Python "
          f"{sys.version.split()[0]}, SQLite {sqlite3.sqlite_version}, load average "
          f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}", flush=True)
    results = Results()
    dbs: dict[int, Path] = {}
    if parts & {"start", "memory", "search", "list"}:
        dbs = {n: database(args.work, n, args.fresh) for n in sizes}
    if parts & {"start", "memory"}:
        part_start_and_memory(results, args.work, dbs, args.runs, parts,
                              bytecode=not args.no_bytecode)
    if "search" in parts:
        part_search(results, dbs[sizes[1]], args.runs)
    if "list" in parts:
        part_list(results, dbs, args.runs)
    if "import" in parts:
        print("import:", flush=True)
        part_import(results, args.import_rows)
    if "report" in parts:
        print("report (bench/bench_report.py):", flush=True)
        part_report(results)
    print(f"\nsummary (load average now {' '.join(f'{x:.2f}' for x in os.getloadavg())}):")
    for f in results.figures:
        print(f"  [{f.part}] {_line(f)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
