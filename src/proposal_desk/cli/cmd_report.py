"""`proposal-desk report --year YYYY [--meeting NAME] -o FILE.docx`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from proposal_desk.cli.context import open_database
from proposal_desk.documents.report import report_notes, write_report


def run(args: argparse.Namespace) -> int:
    db = open_database(args, write=False)
    with db.session() as session:
        path = write_report(session, args.year, Path(args.output), meeting=args.meeting)
        # The window asks for the year's texts first; the command line cannot ask, so it says
        # which were reused (and the report marks their sentences with another year or figure).
        notes = report_notes(session, args.year)
    print(f"已生成办理情况报告：{path}")
    for note in notes:
        print(f"提示：{note}", file=sys.stderr)
    return 0
