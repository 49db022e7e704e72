"""The handling round a proposal's heading speaks of: the latest sent reply with its own date,
category and the member's opinion on that same reply, never one round's date beside another
round's category (after 不满意 a proposal is handled and answered again: 第2轮)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from proposal_desk.core import rules
from proposal_desk.core.dates import format_cn
from proposal_desk.core.enums import Satisfaction, Status
from proposal_desk.storage.models import Proposal


@dataclass(frozen=True)
class LatestRound:
    round: int
    sent_on: dt.date
    category: str
    satisfaction: str  # the opinion on this round's reply; "" while none is back
    later: int  # a later round on record but not yet answered (重新办理中), else 0


def latest_round(p: Proposal) -> LatestRound | None:
    """The latest sent reply of a 主办/分办 proposal, or None before the first is sent."""
    sent = [(r.round, r.sent_on, r) for r in p.replies if r.sent_on is not None]
    if not sent:
        return None
    _round, sent_on, reply = max(sent, key=lambda t: t[0])
    opinion = next((o.satisfaction for o in p.member_opinions if o.round == reply.round), "")
    later = max((r.round for r in p.replies if r.round > reply.round), default=0)
    if not later and opinion == Satisfaction.UNSATISFIED and p.status == Status.REOPENED:
        later = reply.round + 1  # reopened; the new reply not drafted yet
    return LatestRound(reply.round, sent_on, reply.category, opinion, later)


def round_text(r: LatestRound, member_word: str = "委员") -> str:
    """第2轮答复于 2025年8月20日　B 类　委员意见：满意 (no 第1轮 when there is only one)."""
    which = f"第{r.round}轮" if r.round > 1 or r.later else ""
    parts = [f"{which}答复于 {format_cn(r.sent_on)}"]
    if r.category:
        parts.append(f"{r.category} 类")
    parts.append(f"{member_word}意见：{r.satisfaction or '尚未反馈'}")
    if r.later:
        parts.append(f"第{r.later}轮重新办理中")
    return "　".join(parts)


def limit_words(r: LatestRound | None, due: dt.date) -> tuple[str, str]:
    """How the heading names a proposal's 办理时限 (the round's own: core.rules.round_due) and
    whether the round's answer met it: ("第2轮办理时限", "已按时答复"); ("办理时限", "") before
    the first answer or while a new round is being handled."""
    if r is None:
        return "办理时限", ""
    current = r.later or r.round
    label = f"第{current}轮办理时限" if current > 1 else "办理时限"
    if r.later:
        return label, ""
    late = rules.days_late(r.sent_on, due)
    return label, f"超过时限{late}天答复" if late else "已按时答复"
