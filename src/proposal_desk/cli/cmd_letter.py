"""`proposal-desk letter NUMBER [--meeting NAME] [--each-signer] [--round K] -o FILE.docx`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from proposal_desk.cli.context import open_database
from proposal_desk.documents.letters import letter_notes, write_letter
from proposal_desk.services.queries import find_proposal


def run(args: argparse.Namespace) -> int:
    db = open_database(args)
    # A transaction: a letter without a 发文字号 takes the next number of its year.
    with db.transaction() as session:
        p = find_proposal(session, args.number, args.meeting)
        round_no = getattr(args, "round_no", None)
        written = write_letter(session, p.id, Path(args.output), each_signer=args.each_signer,
                               round_no=round_no)
        notes = letter_notes(session, p.id, round_no=round_no)
    for path in written:
        print(f"已生成答复函：{path}")
    for note in notes:
        print(f"提示：{note}", file=sys.stderr)
    return 0
