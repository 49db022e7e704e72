"""`proposal-desk return-letter NUMBER [--meeting NAME] -o FILE.docx`."""

from __future__ import annotations

import argparse
from pathlib import Path

from proposal_desk.cli.context import open_database
from proposal_desk.documents.return_letter import write_return_letter
from proposal_desk.services.queries import find_proposal


def run(args: argparse.Namespace) -> int:
    db = open_database(args, write=False)  # the letter changes nothing
    with db.session() as session:
        p = find_proposal(session, args.number, args.meeting)
        path = write_return_letter(session, p.id, Path(args.output))
    print(f"已生成退回申请函：{path}")
    return 0
