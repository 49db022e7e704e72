"""A letter printed before it is sent leaves its 印发日期 blank; a letter or opinion without
联系人/电话 says so; an earlier round's letter of a re-handled proposal can be reprinted
(`letter N --round K`) (newcomer's try-out F11)."""

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

BLANK = "区商务局\t\u3000\u3000年\u3000月\u3000日印发"


def test_a_signed_unsent_letter_leaves_the_print_date_blank(db: Any, tmp_path: Path) -> None:
    with db.transaction() as s:
        setup_bureau(s)
        p = add_letter_case(s, number="144103", sent=None)
        handling.save_reply(s, p, step="主要领导已签发", drafted_on=dt.date(2025, 8, 1),
                            signed_on=dt.date(2025, 8, 20))
        pid = p.id
    with db.transaction() as s:
        [signed] = write_letter(s, pid, tmp_path / "signed.docx", today=dt.date(2026, 11, 22))
        notes = letter_notes(s, pid)
    text = full_text(open_docx(signed))
    assert BLANK in text and "2026年11月22日" not in text and "\n2025年8月20日\n" in text
    assert notes == ["第144103号的答复尚未登记发出：答复函版记的印发日期留空（发出当天填写；"
                     "或在“答复”页填写答复日期后重新生成）"]
    with db.transaction() as s:
        handling.save_reply(s, load_proposal(s, pid), sent_on=dt.date(2025, 8, 22))
    with db.transaction() as s:
        [sent] = write_letter(s, pid, tmp_path / "sent.docx", today=dt.date(2026, 11, 22))
        assert letter_notes(s, pid) == []
    assert "区商务局\t2025年8月22日印发" in full_text(open_docx(sent))


def test_an_unsent_opinion_leaves_the_print_date_blank(db: Any, tmp_path: Path) -> None:
    with db.transaction() as s:
        setup_bureau(s)
        p = add_letter_case(s, number="144130", role="协办")
        handling.set_units(s, p, [("区发展和改革局", "主办"), ("区商务局", "协办")])
        handling.save_assist_opinion(s, p, text="建议加强配套。")
        pid = p.id
    with db.transaction() as s:
        text = full_text(open_docx(write_opinion(s, pid, tmp_path / "o.docx",
                                                 today=dt.date(2025, 5, 12))))
        notes = opinion_notes(s, pid)
    assert "2025年5月12日印发" not in text  # (the built-in 会办意见 has no 抄送, so no 版记)
    assert notes == ["第144130号的协办意见尚未送出：暂不编发文字号，版记的印发日期留空（填写送出"
                     "日期后即编号，再生成即带发文字号和印发日期）"]


def test_no_contact_is_said(db: Any, tmp_path: Path) -> None:
    with db.transaction() as s:
        setup_bureau(s, **{"bureau.contact_name": "", "bureau.contact_phone": ""})
        letter = add_letter_case(s, number="144009").id
        assisted = add_letter_case(s, number="144130", role="协办")
        handling.save_assist_opinion(s, assisted, text="建议加强配套。",
                                     sent_on=dt.date(2025, 5, 10))
    with db.transaction() as s:
        [path] = write_letter(s, letter, tmp_path / "l.docx")
        notes = letter_notes(s, letter, "设置 › 本单位")
        write_opinion(s, assisted.id, tmp_path / "o.docx")
        opinion = opinion_notes(s, assisted.id)
    assert "联系人" not in full_text(open_docx(path))
    assert notes == ["答复函没有联系人和联系电话：本单位联系人、联系电话未设置（设置 › 本单位），"
                     "也可在“答复”页填写本件的"]
    assert opinion == ["协办意见没有联系人和联系电话：本单位联系人、联系电话未设置（设置 › 本单位，"
                       "或 proposal-desk config bureau.contact_name 姓名 / bureau.contact_phone "
                       "电话），也可在“协办意见”页填写本件的"]
    with db.transaction() as s:  # the phone alone is missing: said so
        handling.save_reply(s, load_proposal(s, letter), contact_name="王芳")
        assert letter_notes(s, letter)[-1].startswith("答复函没有联系电话：")


def _two_rounds(s: Any) -> Any:
    setup_bureau(s)
    p = add_letter_case(s, number="144072", category="C", sent=dt.date(2025, 6, 15))
    s.flush()
    handling.record_opinion(p, "不满意", received_on=dt.date(2025, 7, 1))
    handling.save_reply(s, p, category="B", text="经再次研究，已列入计划。", signer="赵局长",
                        sent_on=dt.date(2025, 9, 10))
    s.flush()
    return p


def test_an_earlier_rounds_letter_is_reprinted(db: Any, tmp_path: Path) -> None:
    with db.transaction() as s:
        pid = _two_rounds(s).id
    with db.transaction() as s:
        [second] = write_letter(s, pid, tmp_path / "2.docx")
        [first] = write_letter(s, pid, tmp_path / "1.docx", round_no=1)
        assert letter_notes(s, pid, round_no=1) == []
        with pytest.raises(UserError, match=r"没有第3轮答复（已有：第1轮、第2轮）"):
            write_letter(s, pid, tmp_path / "3.docx", round_no=3)
    first_text, second_text = (full_text(open_docx(x)) for x in (first, second))
    assert "周商函〔2025〕1号" in first_text and "周商函〔2025〕2号" in second_text
    assert "收悉。现答复如下：" in first_text and "区商务局\t2025年6月15日印发" in first_text
    assert "现再次答复如下：" in second_text and "2025年9月10日印发" in second_text


def test_the_command_line_round_flag(tmp_path: Path, capsys: Any) -> None:
    path = tmp_path / "desk.sqlite3"
    database = Database(f"sqlite:///{path}")
    with database.transaction() as s:
        _two_rounds(s)
    database.dispose()
    db = ["--db", str(path)]
    assert main([*db, "letter", "144072", "--round", "1", "-o", str(tmp_path / "r1.docx")]) == 0
    assert "周商函〔2025〕1号" in full_text(open_docx(tmp_path / "r1.docx"))
    assert main([*db, "letter", "144072", "-o", str(tmp_path / "r2.docx")]) == 0
    assert "周商函〔2025〕2号" in full_text(open_docx(tmp_path / "r2.docx"))
    assert main([*db, "letter", "144072", "--round", "5", "-o", str(tmp_path / "x.docx")]) != 0
    assert "没有第5轮答复" in capsys.readouterr().err
