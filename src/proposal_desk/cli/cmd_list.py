"""`proposal-desk list [--year] [--role] [--overdue] [--json]`."""

from __future__ import annotations

import argparse
import json

from proposal_desk.cli.context import open_database
from proposal_desk.core.dates import format_cn
from proposal_desk.services.queries import ListFilter, list_rows, row_json


def run(args: argparse.Namespace) -> int:
    db = open_database(args, write=False)
    flt = ListFilter(year=args.year, roles=(args.role,) if args.role else (),
                     overdue=args.overdue, text=args.search or "")
    with db.session() as session:
        deadlines = db.settings(session).deadlines
        rows = list_rows(session, flt, deadlines=deadlines)
    if args.json:
        print(json.dumps([row_json(r) for r in rows], ensure_ascii=False, indent=1))
        return 0
    for r in rows:
        mark = "【逾期】" if r.overdue else ("【将到期】" if r.due_soon else "")
        key = "【重点】" if r.key else ""
        # A ledger row without 办理时限 has none: say nothing rather than a bare "限".
        due = f"限{format_cn(r.due)}  " if r.due else ""
        print(f"{r.meeting} 第{r.number}号 {r.role} {r.status}{mark}{key} "
              f"{due}{r.title}（{r.proposer}）")
    print(f"共 {len(rows)} 件")
    return 0
