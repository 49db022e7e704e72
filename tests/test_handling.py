"""The handling steps through the services: validation, rounds, numbers, attachments."""

import datetime as dt

import pytest
from sqlalchemy import select

from proposal_desk.services import handling
from proposal_desk.services.queries import find_proposal, load_proposal
from proposal_desk.storage.database import Database
from proposal_desk.storage.errors import UserError
from proposal_desk.storage.models import Blob, Meeting, Proposal
from proposal_desk.storage.settings_store import set_value

D = dt.date


def _proposal(db: Database, role: str = "主办", number: str = "144009") -> int:
    with db.transaction() as s:
        set_value(s, "bureau.doc_prefix", "周商函")
        m = s.scalars(select(Meeting)).first() or Meeting(
            kind="提案", name="区政协十四届四次会议", year=2025)
        p = Proposal(meeting=m, number=number, title="关于加快跨境电商发展的几点建议",
                     role=role, assigned_on=D(2025, 3, 18))
        s.add(p)
        s.flush()
        handling.set_proposers(s, p, ["彭刚超", "高辉刚"])
        return p.id


def test_reply_rounds_numbers_and_reopening(db: Database) -> None:
    pid = _proposal(db)
    with db.transaction() as s:
        p = load_proposal(s, pid)
        handling.add_record(p, date=D(2025, 3, 25), method="电话、面商", content="沟通")
        handling.save_reply(s, p, category="A", text="一、基本情况\n……")
    with db.transaction() as s:
        p = load_proposal(s, pid)
        assert p.status == "办理中" and p.records[0].method == "电话"
        reply = handling.save_reply(s, p, sent_on=D(2025, 6, 10))
        assert reply.doc_number == "周商函〔2025〕1号" and reply.step == "已行文答复"
    with db.transaction() as s:
        p = load_proposal(s, pid)
        assert (p.status, p.category, p.replied_on) == ("已答复", "A", D(2025, 6, 10))
        handling.record_opinion(p, "不满意", received_on=D(2025, 7, 1))
    with db.transaction() as s:
        p = load_proposal(s, pid)
        assert p.status == "重新办理" and p.due == D(2025, 10, 1)
        second = handling.save_reply(s, p, category="B", text="再次答复", sent_on=D(2025, 9, 1))
        assert second.round == 2 and second.doc_number == "周商函〔2025〕2号"
    with db.transaction() as s:
        p = load_proposal(s, pid)
        handling.record_opinion(p, "满意", received_on=D(2025, 9, 20))
    with db.session() as s:
        p = find_proposal(s, "144009")
        assert (p.status, p.category, p.satisfaction) == ("已办结", "B", "满意")
        assert [h.new for h in p.status_history] == [
            "待签收", "办理中", "已答复", "重新办理", "已答复", "已办结"]


def test_assisting_roles_get_no_category_and_send_an_opinion(db: Database) -> None:
    pid = _proposal(db, role="协办")
    with db.transaction() as s:
        p = load_proposal(s, pid)
        with pytest.raises(UserError, match="会办意见"):
            handling.save_reply(s, p, category="A")
        handling.save_assist_opinion(s, p, text="意见", sent_on=D(2025, 4, 10))
    with db.session() as s:
        assert load_proposal(s, pid).status == "已办结"


def test_bad_values_are_refused_with_messages(db: Database) -> None:
    pid = _proposal(db)
    with db.transaction() as s:
        p = load_proposal(s, pid)
        with pytest.raises(UserError, match="类别"):
            handling.save_reply(s, p, category="E")
        with pytest.raises(UserError, match="沟通方式"):
            handling.add_record(p, date=D(2025, 4, 1), method="飞鸽传书")
        with pytest.raises(UserError, match="尚未答复"):
            handling.record_opinion(p, "满意")
        with pytest.raises(UserError, match="理由"):
            handling.request_return(p, on=D(2025, 3, 20), reason="  ")
        with pytest.raises(UserError, match="签收日期"):
            handling.sign(p, D(2025, 3, 1))


def test_attachments_are_stored_once_by_content_with_safe_names(db: Database) -> None:
    pid = _proposal(db)
    with db.transaction() as s:
        p = load_proposal(s, pid)
        record = handling.add_record(p, date=D(2025, 3, 25), method="上门面商")
        a = handling.add_attachment(s, p, name="../../etc/会议纪要.pdf", data=b"%PDF-1.4 x",
                                    record=record)
        b = handling.add_attachment(s, p, name="C:\\扫描\\照片.jpg", data=b"%PDF-1.4 x")
        assert (a.original_name, b.original_name) == ("会议纪要.pdf", "照片.jpg")
        with pytest.raises(UserError, match="空文件"):
            handling.add_attachment(s, p, name="empty.txt", data=b"")
    with db.session() as s:
        assert len(s.scalars(select(Blob)).all()) == 1
        p = load_proposal(s, pid)
        assert handling.attachment_bytes(s, p.attachments[0]) == b"%PDF-1.4 x"
        assert p.records[0].attachments[0].original_name == "会议纪要.pdf"


def test_a_number_in_two_meetings_needs_the_meeting(db: Database) -> None:
    _proposal(db)
    with db.transaction() as s:
        m2 = Meeting(kind="提案", name="区政协十四届五次会议", year=2026)
        s.add(Proposal(meeting=m2, number="144009", title="另一件", role="协办"))
    with db.session() as s:
        with pytest.raises(UserError, match="--meeting"):
            find_proposal(s, "144009")
        assert find_proposal(s, "144009", "五次").title == "另一件"
        with pytest.raises(UserError, match="找不到"):
            find_proposal(s, "999")


def test_a_reply_or_opinion_is_sent_only_with_text_and_never_in_the_future(db: Database) -> None:
    pid = _proposal(db)
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    with db.transaction() as s:
        p = load_proposal(s, pid)
        with pytest.raises(UserError, match="答复正文为空"):
            handling.save_reply(s, p, category="A", sent_on=D(2025, 6, 1))
        with pytest.raises(UserError, match="答复类别"):
            handling.save_reply(s, p, text="正文", sent_on=D(2025, 6, 1))
        with pytest.raises(UserError, match="不能晚于今天"):
            handling.save_reply(s, p, text="正文", category="A", sent_on=tomorrow)
        with pytest.raises(UserError, match="不能晚于今天"):
            handling.sign(p, tomorrow)
    today = dt.date.today()
    wording = f"（{tomorrow.year}年{tomorrow.month}月{tomorrow.day}日）不能晚于今天" \
              f"（{today.year}年{today.month}月{today.day}日）"
    for label, save in (
            ("答复日期", lambda p: handling.save_reply(s, p, text="正文", category="A",
                                                    sent_on=tomorrow)),
            ("签收日期", lambda p: handling.sign(p, tomorrow)),
            ("意见反馈日期", lambda p: handling.record_opinion(p, "满意", received_on=tomorrow)),
            ("沟通日期", lambda p: handling.add_record(p, date=tomorrow, method="电话"))):
        with db.transaction() as s:
            p = load_proposal(s, pid)
            if label == "意见反馈日期":
                handling.save_reply(s, p, category="A", sent_on=D(2025, 6, 1), from_record=True)
            with pytest.raises(UserError) as refused:
                save(p)
            assert str(refused.value) == label + wording  # both days, as the house writes them
            s.rollback()
    # A ledger's history has the date and category but not the letter's text.
    with db.transaction() as s:
        p = load_proposal(s, pid)
        handling.save_reply(s, p, category="A", sent_on=D(2025, 6, 1), from_record=True)
    aid = _proposal(db, role="协办", number="144004")
    with db.transaction() as s:
        p = load_proposal(s, aid)
        with pytest.raises(UserError, match="会办意见正文为空"):
            handling.save_assist_opinion(s, p, sent_on=D(2025, 4, 1))


def test_the_opinion_shown_is_the_one_on_the_latest_reply(db: Database) -> None:
    pid = _proposal(db)
    with db.transaction() as s:
        p = load_proposal(s, pid)
        handling.save_reply(s, p, category="C", text="一", sent_on=D(2025, 6, 1))
        s.flush()
        handling.record_opinion(p, "不满意", received_on=D(2025, 6, 20))
    with db.transaction() as s:
        p = load_proposal(s, pid)
        handling.save_reply(s, p, category="B", text="二", sent_on=D(2025, 8, 20))
    with db.session() as s:
        p = load_proposal(s, pid)
        # Round two is out and its opinion not back: no longer 不满意, not yet anything else.
        assert (p.status, p.category, p.satisfaction) == ("已答复", "B", "")
