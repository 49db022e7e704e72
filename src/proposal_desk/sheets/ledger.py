"""What one ledger row says about a proposal: the values the export writes and the import
compares against, from one function so that export → import is a fixed point."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import selectinload

from proposal_desk.core.dates import format_cn
from proposal_desk.core.enums import Role, Satisfaction
from proposal_desk.services import handling
from proposal_desk.storage.models import Proposal, ProposalMember, ProposalTopic, ProposalUnit

UNIT_FIELDS: dict[str, Role] = {
    "lead_unit": Role.LEAD, "assist_units": Role.ASSIST,
    "joint_units": Role.JOINT, "split_units": Role.SPLIT,
}

# What `ledger_values` and the handling services read, loaded in a few queries
# (`select(Proposal).options(*LEDGER_LOADS)`): the export and the import's update both use it.
LEDGER_LOADS = (
    selectinload(Proposal.meeting),
    selectinload(Proposal.proposers).selectinload(ProposalMember.member),
    selectinload(Proposal.units).selectinload(ProposalUnit.unit),
    selectinload(Proposal.topics).selectinload(ProposalTopic.topic),
    selectinload(Proposal.records), selectinload(Proposal.replies),
    selectinload(Proposal.assist_opinions), selectinload(Proposal.member_opinions),
    selectinload(Proposal.returns), selectinload(Proposal.section),
    selectinload(Proposal.handler), selectinload(Proposal.leader),
)


@dataclass(frozen=True)
class RoundRow:
    """One handling round of a 主办/分办 proposal as a ledger states it: its reply and the
    member's opinion on that reply."""

    round: int
    sent_on: dt.date | None
    category: str = ""
    doc_number: str = ""
    signer: str = ""
    publicity: str = ""
    satisfaction: str = ""
    opinion_date: dt.date | None = None


def ledger_rounds(rounds: Iterable[RoundRow]) -> tuple[RoundRow | None, tuple[RoundRow, ...]]:
    """The round a row states (the latest sent reply with its own category, number and
    opinion; before any is sent, the latest draft that has a category) and the earlier sent
    rounds, which go to the 历次答复 column: a row never pairs one round's date with another
    round's number or opinion."""
    ordered = sorted(rounds, key=lambda r: r.round)
    sent = [r for r in ordered if r.sent_on]
    if sent:
        return sent[-1], tuple(sent[:-1])
    drafted = next((r for r in reversed(ordered) if r.category),
                   ordered[-1] if ordered else None)
    return drafted, ()


# The parts of a 历次答复 line written as "label：value", in their order (rounds_text writes
# them, _read_part reads them back).
_LABELLED = (("signer", "签发人"), ("publicity", "公开属性"))


def rounds_text(rounds: Iterable[RoundRow]) -> str:
    """The 历次答复 cell: one line per earlier round, in a fixed form parse_rounds reads back —
    第1轮：2025年6月25日答复；C类；周商函〔2025〕4号；签发人：王局长；委员意见：不满意（2025年7月10日反馈）"""
    lines = []
    for r in rounds:
        parts = [f"{format_cn(r.sent_on)}答复" if r.sent_on else "未答复"]
        if r.category:
            parts.append(f"{r.category}类")
        if r.doc_number:
            parts.append(r.doc_number)
        parts.extend(f"{label}：{value}" for field, label in _LABELLED
                     if (value := getattr(r, field)))
        if r.satisfaction:
            when = f"（{format_cn(r.opinion_date)}反馈）" if r.opinion_date else ""
            parts.append(f"委员意见：{r.satisfaction}{when}")
        lines.append(f"第{r.round}轮：" + "；".join(parts))
    return "\n".join(lines)


_CN_DATE = r"(\d{4})年(\d{1,2})月(\d{1,2})日"
_LINE = re.compile(r"第(\d+)轮[:：](.*)")
_SENT = re.compile(_CN_DATE + r"答复")
_OPINION = re.compile(r"委员意见[:：](满意|基本满意|不满意)(?:[（(]" + _CN_DATE + r"反馈[)）])?")


def _day(groups: tuple[str, ...]) -> dt.date:
    return dt.date(int(groups[0]), int(groups[1]), int(groups[2]))


def _read_part(part: str, values: dict[str, Any], known: set[str]) -> None:
    """One ；-separated part of a round's line into values. A part of no form rounds_text writes
    is refused, not kept as the 发文字号: only one part may be the number, and a category not
    set up (E类) must not vanish."""
    where = f"第{values['round']}轮的“{part}”"
    try:
        if sent := _SENT.fullmatch(part):
            values["sent_on"] = _day(sent.groups())
            return
        if opinion := _OPINION.fullmatch(part):
            values["satisfaction"] = Satisfaction(opinion.group(1)).value
            if opinion.group(2):
                values["opinion_date"] = _day(opinion.groups()[1:])
            return
    except ValueError as exc:
        raise ValueError(f"{where}不是有效日期") from exc
    if part == "未答复" or not part:
        return
    for field, label in _LABELLED:
        if part.startswith(label):
            values[field] = part[len(label):].lstrip(":：")
            return
    if part.endswith("类"):
        if part[:-1] not in known:
            raise ValueError(f"{where}不是已设置的答复类别")
        values["category"] = part[:-1]
    elif part.startswith("委员意见") or "doc_number" in values:
        raise ValueError(f"{where}无法识别")
    else:
        values["doc_number"] = part


def parse_rounds(text: str, categories: Iterable[str]) -> tuple[RoundRow, ...]:
    """A 历次答复 cell (rounds_text's form) read back; ValueError names what is not in it."""
    rounds: list[RoundRow] = []
    known = set(categories)
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        m = _LINE.fullmatch(line)
        if m is None:
            raise ValueError(f"“{line}”不是历次答复的写法（应为：第1轮：2025年6月25日答复；C类；"
                             "周商函〔2025〕4号；委员意见：不满意（2025年7月10日反馈））")
        values: dict[str, Any] = {"round": int(m.group(1)), "sent_on": None}
        for part in (x.strip() for x in re.split("[；;]", m.group(2))):
            _read_part(part, values, known)
        rounds.append(RoundRow(**values))
    numbers = [r.round for r in rounds]
    if numbers != list(range(1, len(numbers) + 1)):
        raise ValueError("历次答复应从第1轮起按轮次逐行填写")
    return tuple(rounds)


def reply_rounds(p: Proposal) -> list[RoundRow]:
    """The rounds of a proposal's replies with the member's opinion on each."""
    opinions = {o.round: o for o in p.member_opinions}
    rows = []
    for r in p.replies:
        o = opinions.get(r.round)
        rows.append(RoundRow(r.round, r.sent_on, r.category, r.doc_number, r.signer,
                             r.publicity, o.satisfaction if o else "",
                             o.received_on if o else None))
    return rows


def methods_of(p: Proposal) -> tuple[str, ...]:
    """The contact methods on record, each once, in date order."""
    ordered = sorted(p.records, key=lambda c: (c.date, c.id or 0))
    return tuple(dict.fromkeys(c.method for c in ordered))


def ledger_values(p: Proposal) -> dict[str, Any]:
    """Field key (as in sheets.headers) → value, for one proposal."""
    answers = Role(p.role).answers_member
    reply, earlier = ledger_rounds(reply_rounds(p))
    doc_source: Any = reply if answers else (p.assist_opinions[0] if p.assist_opinions else None)
    values: dict[str, Any] = {
        "kind": p.meeting.kind,
        "meeting": p.meeting.name,
        "year": p.meeting.year,
        "number": p.number,
        "title": p.title,
        "proposer": p.proposers[0].member.name if p.proposers else "",
        "co_signers": [pm.member.name for pm in p.proposers[1:]],
        "sector": p.sector,
        "role": p.role,
        "key": p.key,
        "supervisor": p.supervisor,
        "assigned": p.assigned_on,
        "due": p.due,
        "signed": p.signed_on,
        "leader": p.leader.name if p.leader else "",
        "section": p.section.name if p.section else "",
        "handler": p.handler.name if p.handler else "",
        "topics": [t.topic.name for t in p.topics],
        "methods": list(methods_of(p)),
        # the round the row states (ledger_rounds); a 协办/会办's 会办意见
        "replied": reply.sent_on if (reply and answers) else handling.answered_on(p),
        # a reply or member's opinion from before the office made us 协办/会办 is history
        # (handling.reassigned_note), not this role's: not a row's answer, as the import reads it
        "category": reply.category if (reply and answers) else "",
        "doc_number": doc_source.doc_number if doc_source else "",
        "signer": doc_source.signer if doc_source else "",
        "publicity": reply.publicity if (reply and answers) else "",
        "satisfaction": reply.satisfaction if (reply and answers) else "",
        "opinion_date": reply.opinion_date if (reply and answers) else None,
        "earlier_rounds": rounds_text(earlier) if answers else "",
        "status": p.status,
        "merged_with": p.merged_with,
        "summary": p.summary,
        "notes": p.notes,
    }
    ret = max(p.returns, key=lambda r: (r.requested_on, r.id or 0), default=None)
    values["return_on"] = ret.requested_on if ret else None
    values["return_reason"] = ret.reason if ret else ""
    values["return_outcome"] = ret.outcome if ret else ""
    values["return_decided"] = ret.decided_on if ret else None
    for key, role in UNIT_FIELDS.items():
        values[key] = [u.unit.name for u in sorted(p.units, key=lambda u: u.position)
                       if u.role == role]
    return values
