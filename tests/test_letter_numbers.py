"""A 发文字号 is taken when a letter is signed (签发), not when a draft is printed for review;
a letter without a number says why on the command line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from docdata import add_letter_case, full_text, open_docx, setup_bureau

from proposal_desk.cli.main import main
from proposal_desk.documents.letters import write_all_letters, write_letter
from proposal_desk.services import handling
from proposal_desk.services.queries import load_proposal
from proposal_desk.storage.database import Database
from proposal_desk.storage.models import Reply


def test_a_draft_prints_without_a_number_and_signing_takes_one(db: Any, tmp_path: Path) -> None:
    with db.transaction() as s:
        setup_bureau(s)
        draft = add_letter_case(s, number="144001", sent=None).id
        signed = add_letter_case(s, number="144002", sent=None)
        handling.save_reply(s, signed, step="主要领导已签发", signed_on=dt.date(2025, 6, 18))
        signed = signed.id
    with db.transaction() as s:
        [d] = write_letter(s, draft, tmp_path / "draft.docx", today=dt.date(2025, 6, 10))
        written = write_all_letters(s, 2025, tmp_path / "all")
    assert "周商函" not in full_text(open_docx(d))
    assert len(written) == 2
    with db.session() as s:
        numbers = {r.proposal.number: r.doc_number for r in s.query(Reply)}
    assert numbers == {"144001": "", "144002": "周商函〔2025〕1号"}
    with db.transaction() as s:
        handling.save_reply(s, load_proposal(s, draft), step="主要领导已签发",
                            signed_on=dt.date(2025, 6, 20))
    with db.transaction() as s:
        [d] = write_letter(s, draft, tmp_path / "signed.docx")
    assert "周商函〔2025〕2号" in full_text(open_docx(d))


def test_the_command_says_why_a_letter_has_no_number(tmp_path: Path, capsys) -> None:
    path = tmp_path / "desk.sqlite3"
    database = Database(f"sqlite:///{path}")
    with database.transaction() as s:
        setup_bureau(s, **{"bureau.doc_prefix": "", "bureau.opinion_prefix": ""})
        add_letter_case(s, number="144001")
        add_letter_case(s, number="144002", sent=None)
        assisted = add_letter_case(s, number="144020", role="协办")
        handling.save_assist_opinion(s, assisted, text="意见。", sent_on=dt.date(2025, 4, 10))
    database.dispose()
    db = ["--db", str(path)]
    assert main([*db, "letter", "144001", "-o", str(tmp_path / "a.docx")]) == 0
    assert "提示：未设置答复函发文字号前缀" in capsys.readouterr().err
    assert main([*db, "letter", "144002", "-o", str(tmp_path / "b.docx")]) == 0
    assert "提示：第144002号的答复尚未签发" in capsys.readouterr().err
    assert main([*db, "opinion", "144020", "-o", str(tmp_path / "o.docx")]) == 0
    assert "提示：未设置会办意见发文字号前缀" in capsys.readouterr().err
