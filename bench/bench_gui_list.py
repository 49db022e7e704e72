"""The proposal list with 10,000 rows: model reset, first paint, sorting, a search filter, and
what measuring every cell for column widths would cost (the list never does that).

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_gui_list.py [--rows 10000] [--db PATH]

With --db, also times reading the window's data for the newest year from that database
(list rows, follow-up rows, counts and dashboard figures: gui.snapshot.read_snapshot).
Figures are printed (median of --runs), never asserted.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from proposal_desk.gui.list_model import COLUMN_INDEX
from proposal_desk.gui.proposal_list import ProposalListPane
from proposal_desk.services.queries import ProposalRow

WORDS = ["跨境电商", "老字号", "家政服务", "夜间经济", "物流配送", "外贸企业", "营商环境",
         "直播电商", "便民生活圈", "预制食品", "汽车消费", "商业综合体", "首店经济", "农村电商"]
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚"
STATUSES = ["待签收", "办理中", "已答复", "已办结", "重新办理"]


def rows(count: int, seed: int = 3) -> list[ProposalRow]:
    rng = random.Random(seed)
    today = dt.date.today()
    result = []
    for n in range(1, count + 1):
        due = today + dt.timedelta(days=rng.randint(-60, 120))
        status = rng.choice(STATUSES)
        is_open = status in ("待签收", "办理中", "重新办理")
        people = "、".join(rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN)
                          for _ in range(rng.randint(1, 4)))
        result.append(ProposalRow(
            id=n, kind="提案", meeting="区政协十四届四次会议", year=today.year,
            number=str(140000 + n),
            title=f"关于加快{rng.choice(WORDS)}与{rng.choice(WORDS)}高质量发展的几点建议",
            proposer=people, role=rng.choice(["主办", "协办", "会办", "分办"]),
            lead_unit="区商务局", assigned=today - dt.timedelta(days=90), due=due, status=status,
            category=rng.choice(["", "A", "B", "C"]), satisfaction="", key=n % 50 == 0,
            section=rng.choice(["电子商务科", "商贸流通科", "办公室"]), handler="李明",
            signed=None, replied=None, overdue=is_open and due < today,
            due_soon=is_open and today <= due <= today + dt.timedelta(days=7)))
    return result


def timed(fn: Callable[[], object], runs: int) -> float:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--db", type=Path, help="a database to read the window's data from")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    data = rows(args.rows)
    pane = ProposalListPane()
    pane.resize(1200, 800)
    pane.show()
    app.processEvents()

    def reset_and_paint() -> None:
        pane.set_rows(data)
        pane.table.viewport().repaint()

    def empty_paint() -> None:
        pane.set_rows([])
        pane.table.viewport().repaint()

    def sort_due() -> None:
        pane.table.sortByColumn(COLUMN_INDEX["due"], Qt.SortOrder.DescendingOrder)
        pane.table.viewport().repaint()

    hits = {r.id for r in data if "跨境电商" in r.title}

    def search() -> None:
        pane.set_filter_ids(hits)
        pane.table.viewport().repaint()

    def measure_columns() -> None:
        pane.set_rows(data)
        pane.table.resizeColumnsToContents()

    lines = [
        ("empty list, reset + paint (floor)", timed(empty_paint, args.runs)),
        (f"{args.rows} rows, model reset + first paint", timed(reset_and_paint, args.runs)),
        (f"{args.rows} rows, sort by 办理时限 + paint", timed(sort_due, args.runs)),
        (f"{args.rows} rows, search filter ({len(hits)} hits) + paint", timed(search, args.runs)),
        (f"{args.rows} rows, resizeColumnsToContents (avoided)",
         timed(measure_columns, max(1, args.runs // 2))),
    ]
    if args.db:
        from proposal_desk.gui.snapshot import read_snapshot
        from proposal_desk.paths import sqlite_url
        from proposal_desk.storage.database import Database

        db = Database(sqlite_url(args.db))
        snap = read_snapshot(db, None)
        lines.append((f"read_snapshot ({len(snap.rows)} rows of {snap.year})",
                      timed(lambda: read_snapshot(db, None), args.runs)))
        db.dispose()
    width = max(len(name) for name, _ in lines)
    for name, ms in lines:
        sys.stdout.write(f"{name:<{width}}  {ms:8.1f} ms\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
