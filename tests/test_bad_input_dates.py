"""Impossible dates: refused with a message that quotes what was typed; dates that exist but
contradict the handling (a contact tomorrow, a signature before the assignment…) are refused
by the handling steps, leaving the database unchanged."""

from __future__ import annotations

import datetime as dt
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st
from safety_support import add_proposal, snapshot

from proposal_desk.core.dates import DateError, parse_date
from proposal_desk.services import handling
from proposal_desk.storage.database import Database
from proposal_desk.storage.errors import UserError
from proposal_desk.storage.models import Proposal

pytestmark = pytest.mark.postgres

IMPOSSIBLE = ["2025-02-30", "2025-02-29", "2024-13-01", "2025年13月1日", "2025年4月31日",
              "0000-00-00", "2025/00/10", "20251301", "2025.6.31", "２０２５－０２－３０"]
NOT_DATES = ["明天", "三月中旬", "2025-03", "03/15/2025", "15.03.2025", "2025-03-15-01",
             "见附件", "-1", "1e9", "2025--03--15"]
NOT_DATE_VALUES: list[object] = [True, -5, 0, 10**12, float("nan"), float("inf"), 12.5e9]


@pytest.mark.parametrize("value", IMPOSSIBLE)
def test_a_date_that_does_not_exist_is_refused_quoting_it(value: str) -> None:
    with pytest.raises(DateError) as caught:
        parse_date(value)
    assert "不是存在的日期" in str(caught.value) or "不是" in str(caught.value)
    assert value.translate(str.maketrans("０２５－３", "025-3"))[:4] in str(caught.value)


@pytest.mark.parametrize("value", NOT_DATES)
def test_text_that_is_no_date_is_refused_with_the_accepted_spellings(value: str) -> None:
    with pytest.raises(DateError, match="不是"):
        parse_date(value)


@pytest.mark.parametrize("value", NOT_DATE_VALUES, ids=repr)
def test_numbers_that_are_no_excel_date_are_refused(value: object) -> None:
    with pytest.raises(DateError):
        parse_date(value)


@given(st.one_of(st.text(max_size=30), st.integers(), st.floats(allow_nan=True),
                 st.dates(), st.datetimes(), st.none(), st.booleans()))
def test_any_value_is_a_date_empty_or_a_date_error(value: object) -> None:
    try:
        result = parse_date(value)
    except DateError as exc:
        assert str(exc)  # a message for users, never another exception type
        return
    assert result is None or isinstance(result, dt.date)
    if isinstance(value, float) and not math.isnan(value) and result is not None:
        assert 367 <= value <= 2958465


TOMORROW_PLUS = dt.date.today() + dt.timedelta(days=3)
CONTRADICTIONS = {
    "contact in the future": (
        lambda s, p: handling.add_record(p, date=TOMORROW_PLUS, method="电话"), "不能晚于今天"),
    "signed before assigned": (
        lambda s, p: handling.sign(p, dt.date(2025, 3, 1)), "不能早于交办日期"),
    "reply sent before assigned": (
        lambda s, p: handling.save_reply(s, p, text="答复", sent_on=dt.date(2025, 1, 2)),
        "不能早于交办日期"),
    "opinion before the reply": (
        lambda s, p: (handling.save_reply(s, p, text="答复", category="A",
                                          sent_on=dt.date(2025, 5, 20)),
                      s.flush(),
                      handling.record_opinion(p, "满意", received_on=dt.date(2025, 5, 1))),
        "不能早于答复日期"),
}


@pytest.mark.parametrize("kind", list(CONTRADICTIONS))
def test_a_date_that_contradicts_the_handling_is_refused(kind: str, db: Database) -> None:
    step, expected = CONTRADICTIONS[kind]
    pid = add_proposal(db, "144009")  # assigned 2025-03-18
    before = snapshot(db.url)
    with pytest.raises(UserError, match=expected), db.transaction() as s:
        step(s, s.get(Proposal, pid))
    assert snapshot(db.url) == before
