"""A 会办意见's 送出日期 and a 沟通日期 are never before 交办, by the one rule of 答复日期
(handling.check_not_before_assigned), with the same wording (newcomer's try-out 4, finding 6)."""

from __future__ import annotations

import datetime as dt

import pytest
from safety_support import plain_proposal

from proposal_desk.services import editing, handling
from proposal_desk.services.queries import load_proposal
from proposal_desk.storage.database import Database
from proposal_desk.storage.errors import UserError
from proposal_desk.storage.models import Correspondence

D = dt.date
ASSIGNED = "交办日期（2025年3月18日）"


def test_an_opinion_sent_before_assignment_is_refused_as_a_reply_is(db: Database) -> None:
    lead, assist = plain_proposal(db, "144009", "主办"), plain_proposal(db, "144007", "协办")
    with pytest.raises(UserError) as reply, db.transaction() as s:
        handling.save_reply(s, load_proposal(s, lead), text="正文", category="A",
                            sent_on=D(2025, 3, 1))
    with pytest.raises(UserError) as opinion, db.transaction() as s:
        handling.save_assist_opinion(s, load_proposal(s, assist), text="意见正文",
                                     sent_on=D(2025, 3, 1))
    assert str(reply.value) == "答复日期（2025年3月1日）不能早于" + ASSIGNED
    assert str(opinion.value) == "会办意见送出日期（2025年3月1日）不能早于" + ASSIGNED
    with db.session() as s:
        assert not load_proposal(s, assist).assist_opinions  # nothing written
    with db.transaction() as s:  # on the day of 交办: fine
        handling.save_assist_opinion(s, load_proposal(s, assist), text="意见正文",
                                     sent_on=D(2025, 3, 18))


def test_a_contact_before_assignment_is_refused_when_added_or_changed(db: Database) -> None:
    pid = plain_proposal(db, "144039", "主办")
    with pytest.raises(UserError) as added, db.transaction() as s:
        handling.add_record(load_proposal(s, pid), date=D(2024, 12, 1), method="电话")
    assert str(added.value) == "沟通日期（2024年12月1日）不能早于" + ASSIGNED
    with db.transaction() as s:
        p = load_proposal(s, pid)
        record = editing.save_record(s, p, {"date": D(2025, 3, 20), "method": "电话",
                                            "stage": "办前"})
        s.flush()
        rid = record.id
    with pytest.raises(UserError) as changed, db.transaction() as s:
        editing.save_record(s, load_proposal(s, pid), {"date": D(2024, 12, 1),
                                                        "method": "电话", "stage": "办前"},
                            record_id=rid)
    assert str(changed.value) == "沟通日期（2024年12月1日）不能早于" + ASSIGNED
    with db.session() as s:
        assert [r.date for r in load_proposal(s, pid).records] == [D(2025, 3, 20)]


def test_a_record_kept_on_its_early_date_stays_editable(db: Database) -> None:
    # An older version's import dated invented contacts on an early opinion date, before
    # 交办: changing such a record's content must not be refused for a date left as it was.
    pid = plain_proposal(db, "143128", "协办")
    with db.transaction() as s:
        p = load_proposal(s, pid)
        p.records.append(Correspondence(date=D(2025, 3, 1), method="电话", stage="办前"))
        s.flush()
        rid = p.records[0].id
    with db.transaction() as s:
        editing.save_record(s, load_proposal(s, pid), {
            "date": D(2025, 3, 1), "method": "电话", "stage": "办前",
            "content": "补记：电话联系主办单位"}, record_id=rid)
    with db.session() as s:
        [record] = load_proposal(s, pid).records
        assert (record.date, record.content) == (D(2025, 3, 1), "补记：电话联系主办单位")
    with pytest.raises(UserError, match="沟通日期（2025年3月2日）不能早于"), db.transaction() as s:
        editing.save_record(s, load_proposal(s, pid), {  # moved: checked
            "date": D(2025, 3, 2), "method": "电话", "stage": "办前"}, record_id=rid)


def test_an_opinion_kept_on_its_early_date_stays_editable(db: Database) -> None:
    # A ledger's 送出日期 before 交办 is imported (with a warning) and kept: saving the
    # opinion's text with its date unchanged is accepted, moving it to another early date not.
    pid = plain_proposal(db, "143129", "协办")
    with db.transaction() as s:
        handling.save_assist_opinion(s, load_proposal(s, pid), from_record=True,
                                     sent_on=D(2025, 3, 1))
    with db.transaction() as s:
        handling.save_assist_opinion(s, load_proposal(s, pid), text="补记意见正文",
                                     sent_on=D(2025, 3, 1))
    with db.session() as s:
        [opinion] = load_proposal(s, pid).assist_opinions
        assert (opinion.sent_on, opinion.text) == (D(2025, 3, 1), "补记意见正文")
    with pytest.raises(UserError) as moved, db.transaction() as s:
        handling.save_assist_opinion(s, load_proposal(s, pid), text="补记意见正文",
                                     sent_on=D(2025, 3, 2))
    assert str(moved.value) == "会办意见送出日期（2025年3月2日）不能早于" + ASSIGNED
    with db.session() as s:
        assert load_proposal(s, pid).assist_opinions[0].sent_on == D(2025, 3, 1)
