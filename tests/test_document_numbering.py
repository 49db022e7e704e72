"""When a 答复函 or 会办意见 takes its 发文字号 and which date it bears (documents.numbering):
one rule for both documents."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from docdata import add_letter_case, full_text, open_docx, setup_bureau

from proposal_desk.cli.main import main
from proposal_desk.documents.letters import letter_notes, write_letter
from proposal_desk.documents.opinions import opinion_notes, write_opinion
from proposal_desk.services import handling
from proposal_desk.services.queries import load_proposal
from proposal_desk.storage.database import Database
from proposal_desk.storage.errors import UserError
from proposal_desk.storage.models import AssistOpinion, Proposal, Reply
from proposal_desk.storage.settings_store import set_value


def _proposal(session: Any, pid: int) -> Proposal:
    return load_proposal(session, pid)


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


def test_an_empty_body_is_refused_and_nothing_is_written(db: Any, tmp_path: Path) -> None:
    """A letter or opinion saying only 现答复如下： is refused, naming the proposal and what is
    missing, before any number is taken."""
    with db.transaction() as s:
        setup_bureau(s)
        lead = add_letter_case(s, number="144001", text="", sent=None)
        handling.save_reply(s, lead, step="主要领导已签发", signed_on=dt.date(2025, 6, 8))
        lead = lead.id
        assisted = _assisted(s, "144020")
        handling.save_assist_opinion(s, _proposal(s, assisted), text="")
    with db.transaction() as s, pytest.raises(UserError) as refused:
        write_letter(s, lead, tmp_path / "l.docx")
    assert str(refused.value).startswith("第144001号提案的答复正文为空，无法生成答复函")
    assert "“答复”页" in str(refused.value)
    with db.transaction() as s, pytest.raises(UserError, match="第144020号提案的协办意见正文为空"):
        write_opinion(s, assisted, tmp_path / "o.docx")
    assert not (tmp_path / "l.docx").exists() and not (tmp_path / "o.docx").exists()
    with db.session() as s:
        assert [r.doc_number for r in s.query(Reply)] == [""]
        assert [o.doc_number for o in s.query(AssistOpinion)] == [""]


def test_a_reply_sent_before_the_program_knew_it_gets_no_invented_number(
        db: Any, tmp_path: Path, capsys) -> None:
    """A ledger's reply (sent, no 发文字号, no text) is refused for its empty body; once its
    text is typed in, it prints without a number and says why — a number taken now would not
    be the one it went out with. A number typed in by the clerk is printed."""
    with db.transaction() as s:
        setup_bureau(s, **{"bureau.doc_prefix": ""})
        # as a ledger stores it: sent, with date and category but no text nor number
        p = add_letter_case(s, number="143140", text="", sent=None)
        handling.save_reply(s, p, category="A", sent_on=dt.date(2025, 6, 13), from_record=True)
        pid = p.id
        set_value(s, "bureau.doc_prefix", "周商函")
    with db.transaction() as s, pytest.raises(UserError, match="第143140号提案的答复正文为空"
                                              "（该记录只有发出日期等"):
        write_letter(s, pid, tmp_path / "l.docx")
    with db.transaction() as s:
        # typed in from the archive (services.handling.save_reply would also number a sent
        # reply on any save: reported to its owner)
        _proposal(s, pid).replies[0].text = "经研究，现答复如下。"
    with db.transaction() as s:
        [path] = write_letter(s, pid, tmp_path / "l.docx")
        notes = letter_notes(s, pid)
    assert "周商函" not in full_text(open_docx(path))
    assert notes == ["第143140号的答复已于2025年6月13日发出，记录中没有发文字号（如从往年台账"
                     "导入，或发出时尚未设置前缀）：答复函不补编发文字号，以免与当时实际所用"
                     "文号不符；如原件有发文字号，请在“答复”页的“发文字号”栏填写后重新生成"]
    with db.session() as s:
        assert s.get(Reply, _proposal(s, pid).replies[0].id).doc_number == ""
    with db.transaction() as s:
        handling.save_reply(s, _proposal(s, pid), doc_number="周商函〔2025〕12号")
    with db.transaction() as s:
        [path] = write_letter(s, pid, tmp_path / "l2.docx")
        assert letter_notes(s, pid) == []
    assert "周商函〔2025〕12号" in full_text(open_docx(path))


def test_an_opinion_sent_before_the_prefix_was_set_keeps_no_number(
        db: Any, tmp_path: Path) -> None:
    """144004 of the try-out: sent before the prefix was set, it got number 4 at printing,
    after opinions sent later got 1-3."""
    with db.transaction() as s:
        setup_bureau(s, **{"bureau.opinion_prefix": ""})
        early = _assisted(s, "144004", sent_on=dt.date(2025, 5, 20))
        set_value(s, "bureau.opinion_prefix", "周商会办")
        _assisted(s, "144005", sent_on=dt.date(2025, 5, 25))
    with db.transaction() as s:
        text = full_text(open_docx(write_opinion(s, early, tmp_path / "o.docx")))
        notes = opinion_notes(s, early)
    assert "周商会办" not in text
    assert notes[0].startswith("第144004号的协办意见已于2025年5月20日发出，记录中没有发文字号")
    with db.session() as s:
        assert sorted(o.doc_number for o in s.query(AssistOpinion)) == ["", "周商会办〔2025〕1号"]


def test_the_letter_is_dated_the_day_it_was_signed_even_after_it_is_sent(
        db: Any, tmp_path: Path) -> None:
    """成文日期 is the signing date (GB/T 9704); sending changes only the 印发 date."""
    with db.transaction() as s:
        setup_bureau(s)
        p = add_letter_case(s, number="144009", sent=None)
        handling.save_reply(s, p, step="主要领导已签发", signed_on=dt.date(2025, 6, 8))
        pid = p.id
    today = dt.date(2025, 6, 9)
    with db.transaction() as s:
        [signed] = write_letter(s, pid, tmp_path / "signed.docx", today=today)
        handling.save_reply(s, _proposal(s, pid), sent_on=dt.date(2025, 6, 10))
    with db.transaction() as s:
        [sent] = write_letter(s, pid, tmp_path / "sent.docx", today=dt.date(2025, 6, 12))
    signed_text, sent_text = (full_text(open_docx(x)) for x in (signed, sent))
    for text in (signed_text, sent_text):
        assert "周商函〔2025〕1号" in text
        assert "\n2025年6月8日\n" in text
    # printed the day after signing, not yet sent: the 印发日期 is left to fill in (F11)
    assert "区商务局\t\u3000\u3000年\u3000月\u3000日印发" in signed_text
    assert "2025年6月9日" not in signed_text
    assert "2025年6月10日印发" in sent_text and "2025年6月10日\n" not in sent_text


def test_an_opinion_is_dated_the_day_it_was_sent_and_a_draft_today(
        db: Any, tmp_path: Path) -> None:
    with db.transaction() as s:
        setup_bureau(s)
        draft = _assisted(s, "144130")
        sent = _assisted(s, "144131", sent_on=dt.date(2025, 5, 10))
    with db.transaction() as s:
        draft_text = full_text(open_docx(write_opinion(s, draft, tmp_path / "d.docx",
                                                       today=dt.date(2025, 5, 12))))
        sent_text = full_text(open_docx(write_opinion(s, sent, tmp_path / "s.docx",
                                                      today=dt.date(2025, 5, 12))))
    assert "\n2025年5月12日\n" in draft_text
    assert "\n2025年5月10日\n" in sent_text


def test_the_note_of_replies_without_text_names_at_most_ten() -> None:
    from proposal_desk.documents.letters import skipped_note

    assert skipped_note([]) is None
    assert skipped_note(["144026"]) == "1件的答复没有正文，未生成答复函（第144026号）"
    many = [str(143000 + n) for n in range(12)]
    assert skipped_note(many) == (
        "12件的答复没有正文，未生成答复函（第" + "、".join(many[:10]) + "等号）")
