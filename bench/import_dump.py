"""Every table of databases the import wrote, dumped as text, to prove a speed change wrote
the same bytes: run it with the old code and the new one (PYTHONPATH=<checkout>/src) and diff
the two files. Timestamps (the clock of the run) are masked; everything else, the audit log's
JSON, the status history and the FTS5 shadow tables included, is dumped as stored, in storage
order. Run:

    .venv/bin/python bench/import_dump.py OUT.txt [ROWS]

Imports, each into a fresh register: the generated ROWS-row ledger (bench_import.generate),
then the same file with every 20th row changed (案由, 答复类别, 委员意见, 沟通方式) and 200 rows
more; and the sample files (../shared/samples/*.xlsx) one after the other, each twice.
"""

from __future__ import annotations

import re
import sqlite3
import sys
import tempfile
from pathlib import Path

import openpyxl

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_import import generate, new_db

from proposal_desk.sheets import ImportOptions, apply_import, plan_import

SAMPLES = Path(__file__).resolve().parents[2] / "shared" / "samples"
_CLOCK = re.compile(r"\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d(\.\d+)?")


def run_import(db: object, path: Path) -> None:
    with db.session() as session:  # type: ignore[attr-defined]
        plan = plan_import(session, path, ImportOptions())
    if not plan.ok:
        raise SystemExit(f"{path.name}: {plan.problems[:3]}")
    with db.transaction() as session:  # type: ignore[attr-defined]
        apply_import(session, plan)


def dump(path: Path, out: list[str]) -> None:
    conn = sqlite3.connect(path)
    tables = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    for t in tables:
        out.append(f"== {path.stem}.{t}")
        unordered = []
        for row in conn.execute(f'SELECT * FROM "{t}"'):
            if t == "audit_log" and row[6] == "update":
                # the ORM hook logs a flush's changed objects in the order of session.dirty,
                # a set by object address: their ids and order differ from run to run
                unordered.append(repr(row[1:]))
            else:
                out.append(_CLOCK.sub("<clock>", repr(row)))
        out += sorted(_CLOCK.sub("<clock>", r) for r in unordered)
    conn.close()


def changed(src: Path, dst: Path, rows: int) -> None:
    generate(dst, rows + 200)  # the same rows first (one seed), 200 more after them
    book = openpyxl.load_workbook(dst)
    sheet = book.active
    for r in range(3, rows + 3, 20):
        sheet.cell(r, 2).value = f"{sheet.cell(r, 2).value}（修改）"
        if sheet.cell(r, 14).value:
            sheet.cell(r, 14).value = "B" if sheet.cell(r, 14).value != "B" else "A"
            sheet.cell(r, 15).value = "基本满意"
        sheet.cell(r, 16).value = "电话、座谈会、微信"
    book.save(dst)


def main() -> None:
    out_path = Path(sys.argv[1])
    rows = int(sys.argv[2]) if len(sys.argv) > 2 else 10_000
    out: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        ledger, again = work / "ledger.xlsx", work / "ledger-changed.xlsx"
        generate(ledger, rows)
        changed(ledger, again, rows)
        db = new_db(work, "ledger")
        run_import(db, ledger)
        run_import(db, again)
        db.dispose()
        dump(work / "ledger.sqlite3", out)
        db = new_db(work, "samples")
        for sample in sorted(SAMPLES.glob("*.xlsx")) * 2:
            run_import(db, sample)
        db.dispose()
        dump(work / "samples.sqlite3", out)
    out_path.write_text("\n".join(out) + "\n", encoding="utf-8")
    print(f"{len(out)} lines → {out_path}")


if __name__ == "__main__":
    main()
