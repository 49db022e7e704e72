"""`proposal-desk chase -o FILE.docx|FILE.xlsx`: overdue and due-soon proposals."""

from __future__ import annotations

import argparse
from pathlib import Path

from proposal_desk.cli.context import open_database
from proposal_desk.documents.chase import write_chase_list


def run(args: argparse.Namespace) -> int:
    db = open_database(args, write=False)
    with db.session() as session:
        path = write_chase_list(session, Path(args.output))
    print(f"已生成催办清单：{path}")
    return 0
