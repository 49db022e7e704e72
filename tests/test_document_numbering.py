"""When a 答复函 or 会办意见 takes its 发文字号 and which date it bears (documents.numbering):
one rule for both documents."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from docdata import add_letter_case, full_text, open_docx, setup_bureau

from proposal_desk.cli.main import main
from proposal_desk.documents.opinions import write_opinion
from proposal_desk.services import handling
from proposal_desk.storage.database import Database
from proposal_desk.storage.models import AssistOpinion


def _assisted(session: Any, number: str, **opinion: Any) -> int:
    p = add_letter_case(session, number=number, role="协办")
    handling.set_units(session, p, [("区发展和改革局", "主办"), ("区商务局", "协办")])
    handling.save_assist_opinion(session, p, text="一、我局将配合做好政策宣传。", **opinion)
    return p.id


def test_a_draft_opinion_takes_no_number_and_the_sent_one_takes_the_next(
        db: Any, tmp_path: Path) -> None:
    """A 会办意见 not sent yet is a draft: printed without a number and without freezing the
    day it was printed into one; sending numbers it (by the sending date's year)."""
    with db.transaction() as s:
        setup_bureau(s)
        draft = _assisted(s, "144130")
        _assisted(s, "144131", sent_on=dt.date(2025, 5, 10))  # 周商会办〔2025〕1号
    with db.transaction() as s:
        text = full_text(open_docx(write_opinion(s, draft, tmp_path / "draft.docx",
                                                 today=dt.date(2026, 11, 22))))
    assert "周商会办" not in text
    with db.session() as s:
        opinion = s.query(AssistOpinion).filter_by(proposal_id=draft).one()
        assert (opinion.doc_number, opinion.doc_year, opinion.doc_serial) == ("", None, None)
    with db.transaction() as s:
        handling.save_assist_opinion(s, s.get(AssistOpinion, opinion.id).proposal,
                                     sent_on=dt.date(2025, 5, 29))
    with db.transaction() as s:
        text = full_text(open_docx(write_opinion(s, draft, tmp_path / "sent.docx",
                                                 today=dt.date(2026, 11, 22))))
    assert "周商会办〔2025〕2号" in text
    assert "2025年5月29日" in text
    assert "2026" not in text


def test_the_command_says_a_draft_opinion_has_no_number_yet(tmp_path: Path, capsys) -> None:
    path = tmp_path / "desk.sqlite3"
    database = Database(f"sqlite:///{path}")
    with database.transaction() as s:
        setup_bureau(s)
        _assisted(s, "144130")
    database.dispose()
    assert main(["--db", str(path), "opinion", "144130", "-o", str(tmp_path / "o.docx")]) == 0
    assert "提示：第144130号的协办意见尚未送出：暂不编发文字号" in capsys.readouterr().err
