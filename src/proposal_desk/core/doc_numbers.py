"""When a 答复函 or a 会办意见 takes its 发文字号, and of which year: the one rule, plain Python,
for the documents that print them (documents/letters.py, documents/opinions.py) and for the
saves that mark them sent (services/handling.py).

An office numbers a document in its 发文登记 when the leader signs it (签发), before it goes
out. So the program numbers a document only while it watches that moment:
- a draft (答复 not signed; 会办意见 not sent — its records have no signing step) has none;
- a signed letter not sent yet takes the next number of its signing year, and keeps it;
- a document already sent without a number (a past ledger's history, or sent before the
  prefix was set) went out with whatever number the office gave it then: neither printing it
  nor saving it again (a clerk typing a ledger reply's text) ever invents one, which would
  also jump the year's series out of order. The clerk types the real number when known.
"""

from __future__ import annotations

import datetime as dt
import enum

from proposal_desk.core.enums import ReviewStep


class NumberState(enum.Enum):
    GIVEN = "given"  # has its number (taken earlier, or typed by the clerk)
    DRAFT = "draft"  # not signed (letter) / not sent (opinion): a draft takes none
    SENT_WITHOUT = "sent_without"  # went out without one known here: never invented
    NO_PREFIX = "no_prefix"  # would take one, but the series has no prefix set
    TO_TAKE = "to_take"  # signed, not sent: takes the next number of its year now


def number_state(number: str, *, signed: bool, sent: bool, prefix: str) -> NumberState:
    if number:
        return NumberState.GIVEN
    if sent:
        return NumberState.SENT_WITHOUT
    if not signed:
        return NumberState.DRAFT
    if not prefix:
        return NumberState.NO_PREFIX
    return NumberState.TO_TAKE


def is_signed(signed_on: dt.date | None, sent_on: dt.date | None, step: str | None) -> bool:
    """A reply 签发 (or already sent): the stage at which an office numbers a letter."""
    return bool(signed_on or sent_on or step in (ReviewStep.SIGNED.value, ReviewStep.SENT.value))


# (before the save, after it): the save that marks a draft, or a signed letter not numbered
# yet, sent is the moment the program watches it go out, and numbers it. A save of one
# already sent without a number (SENT_WITHOUT before: a ledger's reply whose text is typed
# in) takes none; nor does signing: a signed letter takes its number when first printed,
# which refuses an empty body before any number is taken (documents/letters.py).
_NUMBERED_BY_SAVE = {
    (NumberState.DRAFT, NumberState.SENT_WITHOUT),
    (NumberState.TO_TAKE, NumberState.SENT_WITHOUT),
}


def numbered_by_save(before: NumberState, after: NumberState, prefix: str) -> bool:
    """Whether a save that takes the document from `before` to `after` (number_state of the
    record as stored and as saved, with the same prefix) gives it the next number now."""
    return bool(prefix) and (before, after) in _NUMBERED_BY_SAVE


def written_on(signed_on: dt.date | None, sent_on: dt.date | None,
               today: dt.date | None = None) -> dt.date:
    """成文日期 (GB/T 9704-2012 7.3.5.3: the day the leader signed it): the signing date when
    there is one — and it stays so after the document is sent — else the day it was sent
    (a ledger's reply, a 会办意见), else today (a draft). Its year is the number's year."""
    return signed_on or sent_on or today or dt.date.today()
