"""Key proposals we assist are stated apart from our own key proposals: their answer is the
lead unit's, and what we owe is our 协办/会办意见 (newcomer's try-out F11)."""

from __future__ import annotations

import datetime as dt

from docdata import add_ledger_2024, full_text, open_docx, setup_bureau
from sqlalchemy import select

from proposal_desk.documents.report import write_report
from proposal_desk.storage.models import Proposal


def test_assisted_key_proposals_are_said_apart(db, tmp_path) -> None:
    with db.transaction() as s:
        setup_bureau(s)
        add_ledger_2024(s)
        for number in ("143140", "143017", "143003"):  # 主办, 协办, 会办
            s.scalars(select(Proposal).where(Proposal.number == number)).one().key = True
    with db.session() as s:
        text = full_text(open_docx(write_report(s, 2024, tmp_path / "r.docx",
                                                today=dt.date(2024, 12, 20))))
    assert "重点提案1件：第143140号《关于建设县级物流配送中心的建议》，已答复（A类）。" in text
    assert ("另有协办、会办的重点提案2件（由主办单位答复委员）："
            "第143003号《关于稳外贸促进外贸固稳提质的几点建议》，已于") in text
    assert "向主办单位送出会办意见；第143017号《关于完善农村电商服务网络的建议》，已于" in text
    assert "正在办理" not in text


def test_only_assisted_key_proposals(db, tmp_path) -> None:
    with db.transaction() as s:
        setup_bureau(s)
        add_ledger_2024(s)
        s.scalars(select(Proposal).where(Proposal.number == "143017")).one().key = True
    with db.session() as s:
        text = full_text(open_docx(write_report(s, 2024, tmp_path / "r.docx",
                                                today=dt.date(2024, 12, 20))))
    assert "\n协办的重点提案1件（由主办单位答复委员）：第143017号" in text or \
        "。协办的重点提案1件（由主办单位答复委员）：第143017号" in text
    assert "重点提案1件：" not in text
