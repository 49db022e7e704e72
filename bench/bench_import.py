"""Import speed: a generated 10,000-row ledger, and the sample assignment list.

Prints each figure beside its floor measured in the same run: reading the sheet with
python-calamine alone plus a bare sqlite3 insert of the same rows (WAL, synchronous=FULL, one
transaction) — issue 6's goal is an import within 2× that floor. Beside it a second, "data"
floor: calamine's read plus an executemany of the rows the import wrote into the program's own
tables (proposals, child rows, names; no checks, rules, audit log, status history or search
index), so the ratio to it shows how much of the import is checking and bookkeeping rather than
moving the data. Run:

    .venv/bin/python bench/bench_import.py [ROWS] [--breakdown]

--breakdown adds where an import's time goes (wall-clock timers around the import's parts,
no profiler) and what SQLite alone takes to write the very rows the import wrote (every
table, indexes, the audit log, status history and both search indexes, copied with
INSERT … SELECT into an empty database of the same schema in one transaction).
"""

from __future__ import annotations

import collections
import datetime as dt
import functools
import gc
import random
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

import openpyxl
import python_calamine

from proposal_desk.sheets import ImportOptions, apply_import, plan_import
from proposal_desk.storage.database import Database
from proposal_desk.storage.settings_store import set_value

SAMPLE = Path(__file__).resolve().parents[2] / "shared" / "samples" / "assignments_2025.xlsx"
HEADER = ["提案号", "案由", "提案人", "联名人", "界别", "办理方式", "主办单位", "协办单位",
          "承办科室", "承办人", "交办日期", "办理时限", "答复日期", "答复类别", "委员意见",
          "沟通方式"]
WORDS = ["跨境电商", "老字号", "家政", "夜间经济", "物流配送", "外贸", "营商环境", "直播电商",
         "便民生活圈", "预制食品", "汽车消费", "商业综合体", "首店经济", "农村电商", "专精特新",
         "安全生产", "氢能产业", "园区发展"]
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红鹏辉建文斌宇浩凯欣"
UNITS = ["区发展和改革局", "区财政局", "区民政局", "区水利局", "区税务局", "区交通运输局",
         "区自然资源局", "区文化和旅游局", "区市场监督管理局", "区工业和信息化局"]
SECTORS = ["民建", "民进", "农工党", "九三学社", "经济界", "工商联", "科技界", "特邀"]
SECTIONS = ["办公室", "外资科", "电子商务科", "商贸流通科", "市场运行科", "对外贸易科"]


def name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.randint(1, 2)))


def generate(path: Path, rows: int, seed: int = 6) -> None:
    """A realistic bureau ledger: every role, replies, categories, opinions, contacts."""
    rng = random.Random(seed)
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("2024年提案办理台账")
    ws.append(["区商务局2024年提案办理台账"])
    ws.append(HEADER)
    assigned = dt.date(2024, 3, 14)
    for i in range(rows):
        role = rng.choices(["主办", "协办", "会办", "分办"], [5, 3, 1, 1])[0]
        title = "关于" + "".join(rng.sample(WORDS, rng.randint(3, 5))) + "的建议"
        answering = role in ("主办", "分办")
        replied = assigned + dt.timedelta(days=rng.randint(20, 90))
        ws.append([
            str(140000 + i), title[:40], name(rng),
            "、".join(name(rng) for _ in range(rng.randint(0, 4))), rng.choice(SECTORS), role,
            "区商务局" if answering else rng.choice(UNITS),
            "、".join(rng.sample(UNITS, rng.randint(0, 3))), rng.choice(SECTIONS), name(rng),
            assigned, assigned + dt.timedelta(days=91 if answering else 30), replied,
            rng.choice("AAAABBCD") if answering else "",
            rng.choice(["满意"] * 6 + ["基本满意", "不满意"]) if answering else "",
            "、".join(rng.sample(["电话", "面商", "座谈会", "微信"], rng.randint(1, 2))),
        ])
    wb.save(path)


def floor(path: Path, workdir: Path) -> tuple[float, float]:
    """Seconds for calamine reading alone, and for a bare sqlite3 insert of the same rows."""
    gc.collect()  # every timing starts from the same collector state (see timed_import)
    start = time.perf_counter()
    rows = python_calamine.CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0) \
        .to_python()
    read = time.perf_counter() - start
    width = max(len(r) for r in rows)
    data = [[str(v) for v in r] + [""] * (width - len(r)) for r in rows[2:]]
    db = workdir / f"bare-{path.stem}.sqlite3"
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    names = [f"c{i}" for i in range(width)]
    conn.execute(f"CREATE TABLE t (id INTEGER PRIMARY KEY, {', '.join(names)})")
    marks = ", ".join("?" for _ in names)
    start = time.perf_counter()
    conn.execute("BEGIN")
    conn.executemany(f"INSERT INTO t ({', '.join(names)}) VALUES ({marks})", data)
    conn.execute("COMMIT")
    insert = time.perf_counter() - start
    conn.close()
    return read, insert


# What an import writes beside the data: bookkeeping, left out of the data floor.
BOOKKEEPING = ("audit_log", "status_change", "alembic_version", "setting")


def _program_schema(workdir: Path, label: str) -> sqlite3.Connection:
    """An empty database of the program's schema, WAL and synchronous=FULL as the program's."""
    empty = workdir / f"{label}.sqlite3"
    Database(f"sqlite:///{empty}", check_on_open=False, backup_on_open=False).dispose()
    conn = sqlite3.connect(empty, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    return conn


def data_floor(imported: Path, workdir: Path) -> float:
    """Seconds to executemany the rows an import wrote into the program's own tables (the
    proposals, their child rows, the names and the meeting; with the tables' indexes and
    foreign keys) in one transaction: moving the data, without the checks, the rules, the audit
    log, status history or search index. The rows are read from the imported file beforehand."""
    conn = _program_schema(workdir, "data-floor")
    conn.execute("PRAGMA foreign_keys=ON")  # as the program's connections
    src = sqlite3.connect(imported)
    tables = [r[0] for r in src.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE "
        "VIRTUAL%' AND name NOT LIKE 'search_%' AND name NOT LIKE 'sqlite_%'")
        if r[0] not in BOOKKEEPING]
    # parents before children: the program's table order (sqlite_master is creation order)
    rows = {t: src.execute(f'SELECT * FROM "{t}"').fetchall() for t in tables}
    src.close()
    start = time.perf_counter()
    conn.execute("BEGIN")
    for t, data in rows.items():
        if data:
            marks = ", ".join("?" * len(data[0]))
            conn.executemany(f'INSERT INTO "{t}" VALUES ({marks})', data)
    conn.execute("COMMIT")
    seconds = time.perf_counter() - start
    conn.close()
    return seconds


def timed_import(db: Database, path: Path) -> tuple[float, float, int]:
    # What earlier steps left to the garbage collector would otherwise be walked inside
    # whichever timing comes next (the floor's read too: it was up to 0.1 s off).
    gc.collect()
    start = time.perf_counter()
    with db.session() as session:
        plan = plan_import(session, path, ImportOptions())
    planned = time.perf_counter() - start
    assert plan.ok, plan.problems[:3]
    start = time.perf_counter()
    with db.transaction() as session:
        result = apply_import(session, plan)
    applied = time.perf_counter() - start
    return planned, applied, result.added + result.updated


def new_db(workdir: Path, label: str) -> Database:
    db = Database(f"sqlite:///{workdir / label}.sqlite3")
    with db.transaction() as session:
        set_value(session, "bureau.name", "区商务局")
    return db


# The import's parts, timed where they are called from: (module, attribute, label); a label
# starting with spaces is a part of the one above it.
PARTS = [
    ("proposal_desk.sheets.importer", "open_workbook", "plan: open the file"),
    ("proposal_desk.sheets.importer", "_choose_sheet", "plan: read the sheet, find the header"),
    ("proposal_desk.sheets.importer", "_Converter.__call__", "plan: convert the cells"),
    ("proposal_desk.sheets.importer", "compare_rows", "plan: compare with the register"),
    ("proposal_desk.sheets.importer", "_already_in_other_meetings",
     "plan: numbers in other meetings"),
    ("proposal_desk.sheets.importer", "data_version", "plan, apply: data version"),
    ("proposal_desk.sheets.importer", "_planned_outcomes", "apply: reuse the plan's comparison"),
    ("proposal_desk.sheets.importer", "Names", "apply: look up names"),
    ("proposal_desk.sheets.importer", "create", "apply: build the rows"),
    ("proposal_desk.sheets.writer", "bulk.insert_complete",
     "apply: insert the 14 tables"),
    ("proposal_desk.sheets.writer", "bulk.audit_new_proposals",
     "apply: one audit row per proposal"),
    ("proposal_desk.sheets.writer", "bulk.complete_rows", "apply: complete the rows (defaults)"),
    ("proposal_desk.sheets.writer", "NewRows._facts", "apply: facts, list columns (core.rules)"),
    ("proposal_desk.storage.hooks", "refresh", "commit: the refresh, of which"),
    ("proposal_desk.storage.hooks", "caches", "  core.rules again (if deadlines changed)"),
    ("proposal_desk.storage.hooks", "_write_caches", "  write changed caches"),
    ("proposal_desk.storage.hooks", "search.write_index", "  both search indexes"),
    ("sqlalchemy.engine.default", "DefaultDialect.do_commit", "commit: SQLite COMMIT (fsync)"),
]


def _timed_parts() -> collections.Counter[str]:
    """Wrap PARTS with wall-clock timers; returns the counter they add to."""
    import importlib

    spent: collections.Counter[str] = collections.Counter()
    for module_name, path, label in PARTS:
        owner: object = importlib.import_module(module_name)
        *outer, name = path.split(".")
        for part in outer:
            owner = getattr(owner, part)
        fn = getattr(owner, name)

        def timed(*args: object, _fn: object = fn, _label: str = label, **kw: object) -> object:
            start = time.perf_counter()
            try:
                return _fn(*args, **kw)  # type: ignore[operator]
            finally:
                spent[_label] += time.perf_counter() - start

        functools.update_wrapper(timed, fn)
        setattr(owner, name, timed)
    return spent


def raw_write(imported: Path, workdir: Path) -> dict[str, float]:
    """Seconds SQLite alone takes to write the rows an import wrote, by kind: every table copied
    with INSERT … SELECT into an empty database of the program's schema, the search bodies and
    n-gram terms (computed beforehand) inserted, then the COMMIT; one transaction,
    synchronous=FULL."""
    from proposal_desk.storage import search

    conn = _program_schema(workdir, "raw-schema")
    conn.execute("ATTACH DATABASE ? AS src", (str(imported),))
    tables = [r[0] for r in conn.execute(
        "SELECT name FROM src.sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE "
        "VIRTUAL%' AND name NOT LIKE 'search_%' AND name NOT LIKE 'sqlite_%' "
        "AND name NOT IN ('alembic_version', 'setting')")]
    logs = {"audit_log", "status_change"}
    bodies = conn.execute("SELECT rowid, body FROM src.search_fts").fetchall()
    grams = [(pid, search.gram_terms(body)) for pid, body in bodies]
    parts: dict[str, float] = {}
    start = time.perf_counter()
    conn.execute("BEGIN")
    for t in tables:
        if t not in logs:
            conn.execute(f'INSERT INTO main."{t}" SELECT * FROM src."{t}"')
    parts["the records (proposals, child rows, names)"] = time.perf_counter() - start
    mark = time.perf_counter()
    for t in tables:
        if t in logs:
            conn.execute(f'INSERT INTO main."{t}" SELECT * FROM src."{t}"')
    parts["audit log and status history"] = time.perf_counter() - mark
    mark = time.perf_counter()
    conn.executemany("INSERT INTO search_fts(rowid, body) VALUES (?, ?)", bodies)
    conn.executemany("INSERT INTO search_grams(rowid, grams) VALUES (?, ?)", grams)
    parts["both search indexes"] = time.perf_counter() - mark
    mark = time.perf_counter()
    conn.execute("COMMIT")
    parts["COMMIT (fsync)"] = time.perf_counter() - mark
    conn.close()
    return parts


def breakdown(workdir: Path, sheet: Path, base: float, read: float) -> None:
    spent = _timed_parts()
    db = new_db(workdir, "breakdown")
    planned, applied, n = timed_import(db, sheet)
    db.dispose()
    print(f"breakdown of a second import ({n} rows, plan {planned:.2f} s + apply "
          f"{applied:.2f} s):")
    for _module, _path, label in PARTS:
        print(f"  {label:44s} {spent[label] * 1000:6.0f} ms")
    rest = planned + applied - sum(v for k, v in spent.items() if not k.startswith(" "))
    print(f"  {'everything else (the row loops, SQL reads, …)':44s} {rest * 1000:6.0f} ms")
    parts = raw_write(workdir / "breakdown.sqlite3", workdir)
    raw = sum(parts.values())
    print(f"SQLite alone writing the same rows (8 tables, names, audit log, status history, "
          f"both search indexes): {raw:.3f} s = {raw / base:.1f}× the floor, of which")
    for label, seconds in parts.items():
        print(f"    {label:42s} {seconds * 1000:6.0f} ms")
    bare = read + raw - parts["audit log and status history"] - parts["both search indexes"]
    print(f"  with calamine's read of the sheet ({read:.3f} s): {read + raw:.3f} s = "
          f"{(read + raw) / base:.1f}× the floor, with no Python work at all "
          f"(without the audit log and both search indexes: {bare / base:.1f}×)")


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    rows = int(args[0]) if args else 10_000
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        if SAMPLE.exists():
            db = new_db(work, "sample")
            planned, applied, n = timed_import(db, SAMPLE)
            read, insert = floor(SAMPLE, work)
            print(f"assignments_2025.xlsx (160 rows, {n} ours): plan {planned:.3f} s + apply "
                  f"{applied:.3f} s = {planned + applied:.3f} s; floor (calamine {read:.3f} s + "
                  f"bare insert {insert:.3f} s) = {read + insert:.3f} s")
            db.dispose()
        sheet = work / "ledger.xlsx"
        start = time.perf_counter()
        generate(sheet, rows)
        print(f"generated {rows} rows in {time.perf_counter() - start:.1f} s "
              f"({sheet.stat().st_size // 1024} KB)")
        read, insert = floor(sheet, work)
        base = read + insert
        db = new_db(work, "big")
        planned, applied, n = timed_import(db, sheet)
        total = planned + applied
        print(f"import {n} rows into an empty register: plan {planned:.2f} s + apply "
              f"{applied:.2f} s = {total:.2f} s")
        print(f"floor: calamine read {read:.3f} s + bare sqlite insert {insert:.3f} s = "
              f"{base:.3f} s  →  ratio {total / base:.1f}× (goal ≤ 2×)")
        moved = data_floor(work / "big.sqlite3", work)
        print(f"data floor: calamine read {read:.3f} s + executemany of the imported rows into "
              f"the program's tables {moved:.3f} s = {read + moved:.3f} s  →  ratio "
              f"{total / (read + moved):.1f}× (the rest is checks, rules, audit log, status "
              "history, search index)")
        planned, applied, n = timed_import(db, sheet)
        print(f"the same file again (nothing changes, {n} written): plan {planned:.2f} s + "
              f"apply {applied:.2f} s = {planned + applied:.2f} s  →  ratio "
              f"{(planned + applied) / base:.1f}×")
        db.dispose()
        if "--breakdown" in sys.argv:
            breakdown(work, sheet, base, read)


if __name__ == "__main__":
    main()
