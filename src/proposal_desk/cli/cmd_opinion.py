"""`proposal-desk opinion NUMBER [--meeting NAME] -o FILE.docx`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from proposal_desk.cli.context import open_database
from proposal_desk.core.enums import Role
from proposal_desk.documents.opinions import opinion_notes, write_opinion
from proposal_desk.services.queries import find_proposal


def run(args: argparse.Namespace) -> int:
    db = open_database(args)
    with db.session() as session:  # printing never numbers an opinion: nothing is written
        p = find_proposal(session, args.number, args.meeting)
        path = write_opinion(session, p.id, Path(args.output))
        notes = opinion_notes(session, p.id)
        word = Role(p.role).opinion_word
    print(f"已生成{word}：{path}")
    for note in notes:
        print(f"提示：{note}", file=sys.stderr)
    return 0
