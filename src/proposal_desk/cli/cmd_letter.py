"""`proposal-desk letter NUMBER [--meeting NAME] [--each-signer] [--round K] -o FILE.docx`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from proposal_desk.cli.context import open_database
from proposal_desk.documents.letters import letter_notes, per_signer, round_reply, write_letter
from proposal_desk.services.queries import find_proposal


def run(args: argparse.Namespace) -> int:
    db = open_database(args)
    round_no = getattr(args, "round_no", None)
    chose_each = False
    # A transaction: a letter without a 发文字号 takes the next number of its year.
    with db.transaction() as session:
        p = find_proposal(session, args.number, args.meeting)
        # The command keeps its documented default (one letter at -o, scripts rely on it)
        # and says when the reply chose one per signer (合发一封答复函 unticked).
        chose_each = not args.each_signer and bool(p.replies) \
            and per_signer(p, round_reply(p, round_no))
        written = write_letter(session, p.id, Path(args.output), each_signer=args.each_signer,
                               round_no=round_no)
        notes = letter_notes(session, p.id, round_no=round_no)
    for path in written:
        print(f"已生成答复函：{path}")
    if chose_each:
        print("提示：该答复未勾选“合发一封答复函”（给每位提案人各发一封）；本命令未加 "
              "--each-signer，生成的是一封合发的答复函。要按该答复的选择各生成一封，请加 "
              "--each-signer", file=sys.stderr)
    for note in notes:
        print(f"提示：{note}", file=sys.stderr)
    return 0
