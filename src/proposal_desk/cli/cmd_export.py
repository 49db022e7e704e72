"""`proposal-desk export FILE.xlsx [--year YYYY]`."""

from __future__ import annotations

import argparse
from pathlib import Path

from proposal_desk.cli.context import open_database
from proposal_desk.services.export_summary import exported
from proposal_desk.sheets.exporter import export_ledger


def run(args: argparse.Namespace) -> int:
    db = open_database(args, write=False)
    with db.session() as session:
        count = export_ledger(session, Path(args.file), year=args.year)
    print(f"{exported(count, args.year)}到 {args.file}")
    return 0
