"""When a 答复函 or a 会办意见 takes its 发文字号 and which dates it bears: one rule for both.

An office numbers a document in its 发文登记 when the leader signs it (签发), before it goes
out. So the program numbers a document only while it watches that moment:
- a draft (答复 not signed; 会办意见 not sent — its records have no signing step, and marking
  it sent numbers it, services.handling.save_assist_opinion) prints without a number;
- a signed letter not sent yet takes the next number of its signing year, and keeps it;
- a document already sent without a number (a past ledger's history, or sent before the
  prefix was set) went out with whatever number the office gave it then: printing it again
  never invents one, which would also jump the year's series out of order. The clerk types
  the real number into the 发文字号 field when it is known.
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import Protocol

from sqlalchemy.orm import Session

from proposal_desk.core.dates import format_cn
from proposal_desk.services.handling import format_doc_number, next_doc_serial


class Numbered(Protocol):
    """A Reply or an AssistOpinion: the columns of its 发文字号."""

    doc_number: str
    doc_year: int | None
    doc_serial: int | None


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


def take_number(session: Session, record: Numbered, state: NumberState, prefix: str,
                year: int, *, opinion: bool) -> str:
    """The record's number: the one it has, or — only in state TO_TAKE — the next of the
    year's series (答复函 and 会办意见 count apart), given to it now and kept."""
    if state is not NumberState.TO_TAKE:
        return record.doc_number
    record.doc_year = year
    record.doc_serial = next_doc_serial(session, year, opinion=opinion)
    record.doc_number = format_doc_number(prefix, year, record.doc_serial)
    session.flush()
    return record.doc_number


def written_on(signed_on: dt.date | None, sent_on: dt.date | None,
               today: dt.date | None = None) -> dt.date:
    """成文日期 (GB/T 9704-2012 7.3.5.3: the day the leader signed it): the signing date when
    there is one — and it stays so after the document is sent — else the day it was sent
    (a ledger's reply, a 会办意见), else today (a draft)."""
    return signed_on or sent_on or today or dt.date.today()


def issued_on(sent_on: dt.date | None, written: dt.date, today: dt.date | None = None
              ) -> dt.date:
    """印发日期 in the 版记: the day it went out, else today's, never before 成文日期."""
    return sent_on or max(written, today or dt.date.today())


def sent_without_note(number: str, what: str, document: str, sent_on: dt.date | None,
                      tab: str) -> str:
    """Why a document already sent prints without a number (state SENT_WITHOUT); `tab`:
    the detail pane's page holding its 发文字号 field."""
    when = f"已于{format_cn(sent_on)}" if sent_on else "已"
    return (f"第{number}号的{what}{when}发出，记录中没有发文字号（如从往年台账导入，或发出时"
            f"尚未设置前缀）：{document}不补编发文字号，以免与当时实际所用文号不符；如原件有"
            f"发文字号，请在“{tab}”页的“发文字号”栏填写后重新生成")


def empty_body(number: str, kind: str, record: str, document: str, tab: str,
               sent: bool) -> str:
    """The refusal of a document whose body (`record`'s text) is empty: a ledger's reply
    has none, and a letter saying only 现答复如下： must not go out."""
    source = "（该记录只有发出日期等，没有正文，如从往年台账导入的）" if sent else ""
    return (f"第{number}号{kind}的{record}正文为空{source}，无法生成{document}：请先在"
            f"“{tab}”页填写{record}正文")
