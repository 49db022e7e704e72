"""`proposal-desk demo`: fill the database with a realistic demo year (opens no window)."""

from __future__ import annotations

import argparse

from proposal_desk.cli.context import open_database
from proposal_desk.demo import fill_demo


def run(args: argparse.Namespace) -> int:
    db = open_database(args)
    count = fill_demo(db)
    print(f"已填入演示数据：{count} 件提案和建议（数据库：{db.display_location}）")
    print("试试：proposal-desk list --overdue    proposal-desk list --json")
    return 0
