"""`proposal-desk opinion NUMBER [--meeting NAME] -o FILE.docx`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from proposal_desk.cli.context import open_database
from proposal_desk.documents.opinions import opinion_notes, write_opinion
from proposal_desk.services.queries import find_proposal


def run(args: argparse.Namespace) -> int:
    db = open_database(args)
    # A transaction: an opinion without a number takes the next of its year's series.
    with db.transaction() as session:
        p = find_proposal(session, args.number, args.meeting)
        path = write_opinion(session, p.id, Path(args.output))
        notes = opinion_notes(session, p.id)
    print(f"已生成会办意见：{path}")
    for note in notes:
        print(f"提示：{note}", file=sys.stderr)
    return 0
