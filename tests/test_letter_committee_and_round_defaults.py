"""A joint letter to a party committee and members sets the committee off by a comma
(民建区委会，许辉委员：), and a second round starts from the first round's letter choices
(one letter per member, 抄送, contact) instead of the defaults (newcomer's try-out F11)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from docdata import add_letter_case, full_text, open_docx, setup_bureau

from proposal_desk.documents.letters import write_letter
from proposal_desk.services import handling
from proposal_desk.services.queries import load_proposal


def test_joint_letter_to_a_committee_and_a_member(db: Any, tmp_path: Path) -> None:
    with db.transaction() as s:
        setup_bureau(s)
        pid = add_letter_case(s, proposers=["民建区委会", "许辉"]).id
    with db.transaction() as s:
        joint = write_letter(s, pid, tmp_path / "joint.docx")
        each = write_letter(s, pid, tmp_path / "each.docx", each_signer=True)
    assert "民建区委会，许辉委员：" in full_text(open_docx(joint[0]))
    texts = [full_text(open_docx(path)) for path in each]
    assert any("民建区委会：" in t for t in texts) and any("许辉委员：" in t for t in texts)
    # several of each: 、 within, a comma between
    with db.transaction() as s:
        pid = add_letter_case(s, number="2", proposers=["民建区委会", "九三学社区委会", "许辉",
                                                        "付波"]).id
    with db.transaction() as s:
        path = write_letter(s, pid, tmp_path / "four.docx")[0]
    assert "民建区委会、九三学社区委会，许辉、付波委员：" in full_text(open_docx(path))


def test_second_round_starts_from_the_first_rounds_letter_choices(db: Any) -> None:
    with db.transaction() as s:
        setup_bureau(s)
        p = add_letter_case(s, proposers=["彭刚超", "高辉刚"], sent=dt.date(2025, 6, 10))
        first = p.replies[0]
        first.joint_letter = False
        first.cc = "区政协提案委"
        first.contact_name, first.contact_phone = "王芳", "12345678"
        handling.record_opinion(p, "不满意", received_on=dt.date(2025, 7, 1))
        pid = p.id
    with db.transaction() as s:
        p = load_proposal(s, pid)
        second = handling.save_reply(s, p, text="再次答复。")
        assert second.round == 2
        assert (second.joint_letter, second.cc, second.contact_name, second.contact_phone) == (
            False, "区政协提案委", "王芳", "12345678")
