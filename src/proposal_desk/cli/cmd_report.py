"""`proposal-desk report --year YYYY [--meeting NAME] -o FILE.docx`."""

from __future__ import annotations

import argparse
from pathlib import Path

from proposal_desk.cli.context import open_database
from proposal_desk.documents.report import write_report


def run(args: argparse.Namespace) -> int:
    db = open_database(args, write=False)
    with db.session() as session:
        path = write_report(session, args.year, Path(args.output), meeting=args.meeting)
    print(f"已生成办理情况报告：{path}")
    return 0
