"""When a 答复函 or a 会办意见 takes its 发文字号: one rule for both.

An office numbers a document in its 发文登记 when the leader signs it (签发), before it goes
out. So the program numbers a document only while it watches that moment:
- a draft (答复 not signed; 会办意见 not sent — its records have no signing step, and marking
  it sent numbers it, services.handling.save_assist_opinion) prints without a number;
- a signed letter not sent yet takes the next number of its signing year, and keeps it;
"""

from __future__ import annotations

import enum
from typing import Protocol

from sqlalchemy.orm import Session

from proposal_desk.services.handling import format_doc_number, next_doc_serial


class Numbered(Protocol):
    """A Reply or an AssistOpinion: the columns of its 发文字号."""

    doc_number: str
    doc_year: int | None
    doc_serial: int | None


class NumberState(enum.Enum):
    GIVEN = "given"  # has its number (taken earlier, or typed by the clerk)
    DRAFT = "draft"  # not signed (letter) / not sent (opinion): a draft takes none
    NO_PREFIX = "no_prefix"  # would take one, but the series has no prefix set
    TO_TAKE = "to_take"  # signed, not sent: takes the next number of its year now


def number_state(number: str, *, signed: bool, sent: bool, prefix: str) -> NumberState:
    if number:
        return NumberState.GIVEN
    if not (signed or sent):
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
