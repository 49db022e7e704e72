"""退回 as users follow it: the request's reason, suggested unit and the office's decision with
its own date (the day the office answered, not the day it was typed in)."""

from __future__ import annotations

import datetime as dt

from proposal_desk.core.dates import format_cn
from proposal_desk.core.enums import ReturnOutcome
from proposal_desk.services import handling
from proposal_desk.storage.errors import UserError
from proposal_desk.storage.models import Proposal, ReturnRequest

# The users' word for the day the office answered, the same in the window, the messages, the
# 办理日志 and the ledger's column (sheets/headers.py: 提案委答复日期 is still read).
DECIDED_ON = "退回审核日期"


def request_order(r: ReturnRequest) -> tuple[dt.date, int]:
    """Requests oldest first: by the day asked, then as entered."""
    return (r.requested_on or dt.date.min, r.id or 0)


def pending_request(p: Proposal) -> ReturnRequest | None:
    pending = [r for r in p.returns if r.outcome == ReturnOutcome.PENDING]
    return pending[-1] if pending else None


def decide(p: Proposal, outcome: str, on: dt.date | None,
           today: dt.date | None = None) -> None:
    """Record the proposal office's answer to the pending request, on the day it came."""
    request = pending_request(p)
    if request is None:
        raise UserError("没有待审核的退回申请")
    if on is None:
        raise UserError(f"请填写{DECIDED_ON}（提案委答复退回申请的日期）")
    handling.check_not_in_future(on, DECIDED_ON, today)
    if request.requested_on and on < request.requested_on:
        raise UserError(f"{DECIDED_ON}不能早于申请日期（{format_cn(request.requested_on)}）")
    handling.decide_return(p, outcome, on)


def withdraw(p: Proposal) -> ReturnRequest:
    """撤回 the pending request (filed by mistake, or with a wrong date or reason; file it
    again as it should be). It is taken off the proposal; the 办理日志 keeps what it said."""
    request = pending_request(p)
    if request is None:
        raise UserError("没有待审核的退回申请")
    p.returns.remove(request)
    return request


def return_lines(p: Proposal) -> list[str]:
    """One line per 退回 request, newest first, for the detail pane's banner."""
    lines = []
    for r in sorted(p.returns, key=request_order, reverse=True):
        text = f"{format_cn(r.requested_on) if r.requested_on else ''}申请退回：{r.reason}"
        if r.suggested_unit:
            text += f"；建议由{r.suggested_unit}办理"
        if r.outcome == ReturnOutcome.PENDING:
            text += "。提案委尚未答复"
        else:
            when = f"{format_cn(r.decided_on)}" if r.decided_on else ""
            text += f"。提案委{when}{r.outcome}"
        lines.append(text)
    return lines
