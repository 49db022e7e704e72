"""Write side: the handling steps as operations on a session. The caller owns the transaction
(Database.transaction), so a step either lands whole or not at all. Every rule comes from
core.rules; every message is for users."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from pathlib import Path, PurePath
from typing import Any, Protocol

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from proposal_desk.core import rules
from proposal_desk.core.dates import format_cn
from proposal_desk.core.doc_numbers import (
    NumberState,
    is_signed,
    number_state,
    numbered_by_save,
    written_on,
)
from proposal_desk.core.enums import (
    METHOD_SYNONYMS,
    Method,
    Publicity,
    ReturnOutcome,
    ReviewStep,
    Role,
    Satisfaction,
    Stage,
)
from proposal_desk.core.text import clean_line, clean_text
from proposal_desk.services.reply_defaults import reply_defaults
from proposal_desk.storage.errors import UserError, os_reason
from proposal_desk.storage.facts import facts_of
from proposal_desk.storage.models import (
    AssistOpinion,
    Attachment,
    Blob,
    Correspondence,
    FollowUp,
    Member,
    MemberOpinion,
    Proposal,
    ProposalMember,
    ProposalTopic,
    ProposalUnit,
    Reply,
    ReturnRequest,
    Section,
    Staff,
    Topic,
    Unit,
)
from proposal_desk.storage.settings_store import load_settings

MAX_ATTACHMENT_BYTES = 200 * 1024 * 1024  # a scanned file; anything larger is not a scan


# ---- people, units and words: get or create by name -------------------------------------

def ensure_member(session: Session, name: str, *, sector: str = "") -> Member:
    name = clean_line(name)
    member = session.scalars(select(Member).where(Member.name == name)).first()
    if member is None:
        member = Member(name=name, sector=sector, collective=looks_collective(name))
        session.add(member)
    elif sector and not member.sector:
        member.sector = sector
    return member


def looks_collective(name: str) -> bool:
    """A 提案人 that is a group (a committee, a sector, a party branch), not one member."""
    return len(name) > 4 and any(w in name for w in ("委会", "委员会", "界", "支部", "总支", "组"))


def ensure_unit(session: Session, name: str) -> Unit:
    name = clean_line(name)
    unit = session.scalars(select(Unit).where(Unit.name == name)).first()
    if unit is None:
        unit = Unit(name=name)
        session.add(unit)
    return unit


def ensure_section(session: Session, name: str) -> Section:
    name = clean_line(name)
    section = session.scalars(select(Section).where(Section.name == name)).first()
    if section is None:
        section = Section(name=name)
        session.add(section)
        session.flush()
    return section


def ensure_staff(session: Session, name: str, section: Section | None = None, *,
                 leader: bool = False) -> Staff:
    name = clean_line(name)
    stmt = select(Staff).where(Staff.name == name)
    if section is not None:
        stmt = stmt.where(Staff.section_id == section.id)
    staff = session.scalars(stmt).first()
    if staff is None:
        staff = Staff(name=name, section=section, is_leader=leader)
        session.add(staff)
        session.flush()
    return staff


def ensure_topic(session: Session, name: str) -> Topic:
    name = clean_line(name)
    topic = session.scalars(select(Topic).where(Topic.name == name)).first()
    if topic is None:
        topic = Topic(name=name)
        session.add(topic)
    return topic


def set_proposers(session: Session, p: Proposal, names: list[str], *, sector: str = "") -> None:
    """Lead proposer first, then co-signers; the same name twice is kept once."""
    wanted: list[str] = []
    for n in names:
        n = clean_line(n)
        if n and n not in wanted:
            wanted.append(n)
    if [pm.member.name for pm in p.proposers] == wanted:
        return
    p.proposers.clear()
    session.flush()
    for position, name in enumerate(wanted):
        member = ensure_member(session, name, sector=sector if position == 0 else "")
        p.proposers.append(ProposalMember(member=member, position=position))


def set_units(session: Session, p: Proposal, units: list[tuple[str, str]]) -> None:
    """(unit name, role) pairs in assignment order; the first lead unit is `lead_unit`."""
    wanted: list[tuple[str, str]] = []
    for name, role in units:
        name = clean_line(name)
        if name and all(name != w[0] for w in wanted):
            wanted.append((name, role))
    if [(u.unit.name, u.role) for u in p.units] == wanted:
        return
    p.units.clear()
    session.flush()
    for position, (name, role) in enumerate(wanted):
        p.units.append(ProposalUnit(unit=ensure_unit(session, name), role=role,
                                    position=position))


def set_topics(session: Session, p: Proposal, names: list[str]) -> None:
    wanted = list(dict.fromkeys(clean_line(n) for n in names if clean_line(n)))
    if [t.topic.name for t in p.topics] == wanted:
        return
    p.topics.clear()
    session.flush()
    for name in wanted:
        p.topics.append(ProposalTopic(topic=ensure_topic(session, name)))


# ---- the handling steps -----------------------------------------------------------------

def sign(p: Proposal, on: dt.date) -> None:
    """签收."""
    check_signed(on, p.assigned_on)
    check_not_in_future(on, "签收日期")
    p.signed_on = on


def check_not_before_assigned(day: dt.date | None, assigned_on: dt.date | None,
                              label: str) -> None:
    """Every date of the handling (签收, 答复, 会办意见, 沟通, 退回, 跟踪, 办理时限) comes on or
    after 交办: the one rule and message for the window, the command line and an import."""
    if day is not None and assigned_on is not None and day < assigned_on:
        raise UserError(f"{label}（{format_cn(day)}）不能早于交办日期（{format_cn(assigned_on)}）")


def check_handling_date(day: dt.date | None, assigned_on: dt.date | None, label: str,
                        today: dt.date | None = None) -> None:
    """A date of the handling: not before 交办, not after today."""
    check_not_before_assigned(day, assigned_on, label)
    check_not_in_future(day, label, today)


SIGNED_ON = "签收日期"
REPLY_SENT = "答复日期"
OPINION_SENT = "会办意见送出日期"
RETURN_ON = "退回申请日期"
CONTACT_ON = "沟通日期"
FOLLOW_UP_ON = "跟踪日期"
DUE_ON = "办理时限"
DRAFTED_ON = "起草日期"
REVIEWED_ON = "审核日期"
REPLY_SIGNED = "签发日期"
FEEDBACK_ON = "意见反馈日期"


def check_signed(on: dt.date, assigned_on: dt.date | None) -> None:
    """签收 is never before 交办 (the one rule for the window, the form and an import)."""
    check_not_before_assigned(on, assigned_on, SIGNED_ON)


def history_before_assigned(day: dt.date | None, assigned_on: dt.date | None,
                            label: str) -> str:
    """An import's warning for a date of its history before 交办 ("" when it is not): the
    window refuses typing such a date (check_not_before_assigned), but a ledger records what
    happened, so its rows import as they are, whatever the role, and the clerk is asked to
    check them."""
    return history_before(day, assigned_on, "交办日期", label)


def history_before(day: dt.date | None, start: dt.date | None, start_label: str,
                   label: str) -> str:
    """An import's warning for a date of its history before the day its step began (交办;
    for a later round's reply, round_start's 不满意): "" when it is not."""
    if day is None or start is None or day >= start:
        return ""
    return (f"注意：{label}（{format_cn(day)}）早于{start_label}（{format_cn(start)}），"
            "请核对；将按表中日期导入")


def _check_sent_date(sent_on: dt.date, before: dt.date | None, assigned_on: dt.date | None,
                     label: str, *, from_record: bool) -> None:
    """A reply's or 会办意见's sent date as a save keeps it: never after today; never before
    交办 when typed or changed (a ledger's earlier date is history imported with
    history_before_assigned's warning, and stays editable as it is)."""
    check_not_in_future(sent_on, label)
    if not from_record and sent_on != before:
        check_not_before_assigned(sent_on, assigned_on, label)


# A reply's dates in the order its steps happen (起草 → 审核 → 签发 → 答复日期).
REPLY_DATES = (("drafted_on", DRAFTED_ON), ("reviewed_on", REVIEWED_ON),
               ("signed_on", REPLY_SIGNED), ("sent_on", REPLY_SENT))


def round_start(p: Proposal, round_: int) -> tuple[dt.date | None, str]:
    """The day a handling round began and its name (core.rules.round_began), from the
    proposal's records; an import's rows give it the same from a 历次答复 cell."""
    opinion = next((o.received_on for o in p.member_opinions if o.round == round_ - 1), None)
    sent = next((r.sent_on for r in p.replies if r.round == round_ - 1), None)
    return rules.round_began(round_, p.assigned_on, opinion, sent)


def check_reply_dates(dates: dict[str, dt.date | None], before: dict[str, dt.date | None],
                      round_: int, start: tuple[dt.date | None, str],
                      today: dt.date | None = None) -> None:
    """The 起草/审核/签发/答复 dates of one round's reply, as a save will keep them (`dates`,
    column → day; `before`: what the reply held): a date typed or changed is not after today
    and not before its round began (round_start); and the steps come in order where both are
    given. Only what the save changes is held to it, so a reply stored before the rule (or a
    ledger's history) can still be saved as it is. The 签发日期 is printed as the 成文日期 and
    gives the 发文字号 its year, so it matters as much as the 答复日期."""
    which = f"第{round_}轮" if round_ > 1 else ""
    begun, begun_label = start
    changed = {col for col, _ in REPLY_DATES if dates.get(col) != before.get(col)}
    for col, label in REPLY_DATES:
        day = dates.get(col)
        if day is None or col not in changed:
            continue
        check_not_in_future(day, f"{which}{label}", today)
        if begun is not None and day < begun:
            raise UserError(f"{which}{label}（{format_cn(day)}）不能早于{begun_label}"
                            f"（{format_cn(begun)}）")
    given = [(col, label, dates[col]) for col, label in REPLY_DATES if dates.get(col)]
    for i, (col, label, day) in enumerate(given):
        for col2, label2, day2 in given[i + 1:]:
            if day2 < day and (col in changed or col2 in changed):
                raise UserError(f"{which}{label2}（{format_cn(day2)}）不能早于{label}"
                                f"（{format_cn(day)}）")


def check_assigned(assigned_on: dt.date | None, later: dict[str, dt.date | None], *,
                   today: dt.date | None = None) -> None:
    """A 交办日期 set or changed: not after today, and not after a date that must follow it
    (`later`: label → the earliest such date held, as dates_after_assigned gives them). The
    办理时限 is held to it by check_not_before_assigned."""
    check_not_in_future(assigned_on, "交办日期", today)
    first = held_before(assigned_on, later)
    if first is not None:
        label, day = first
        raise UserError(f"交办日期（{format_cn(assigned_on)}）不能晚于{label}"
                        f"（{format_cn(day)}）")


def held_before(assigned_on: dt.date | None, later: dict[str, dt.date | None]
                ) -> tuple[str, dt.date] | None:
    """The first date held (label, day) that a 交办日期 would come after (check_assigned)."""
    if assigned_on is None:
        return None
    return next(((label, day) for label, day in later.items()
                 if day is not None and day < assigned_on), None)


# Where in the window each date check_assigned holds to is corrected (the detail's tabs).
_CORRECTED_IN = {
    SIGNED_ON: "在“基本信息”页改正签收日期",
    REPLY_SENT: "在“答复”页改正答复日期",
    OPINION_SENT: "在“协办意见”（会办意见）页改正送出日期",
    CONTACT_ON: "在“沟通记录”页改正该次沟通的日期",
    RETURN_ON: "用“退回结果…”撤回该退回申请，再按实际日期重新申请",
    FOLLOW_UP_ON: "在“跟踪”页改正该条跟踪记录",
    REPLY_SIGNED: "在“答复”页改正签发日期",
}


def corrected_assignment_hint(number: str, assigned_on: dt.date, label: str, office: str
                              ) -> str:
    """What a clerk does when the office's corrected list moves 交办 after a date we hold
    (`label`, check_assigned's refusal): the window takes both changes at once, an import only
    the list's, so the held date is corrected first and the list imported after."""
    how = _CORRECTED_IN.get(label, f"改正{label}")
    return (f"。如{office}确已把交办日期更正为{format_cn(assigned_on)}，请先在程序中打开"
            f"第{number}号，{how}（不早于{format_cn(assigned_on)}）并保存，再导入本表；"
            "如是表中日期有误，请改正表格后再导入")


# The content of a contact record an import makes from a ledger's 沟通方式 column: its date is
# the import's guess (交办, or an early opinion's date), not a contact anyone recorded.
LEDGER_CONTACT_NOTE = "据台账“沟通方式”栏导入"


def earliest_after_assigned(signed: dt.date | None, *, replies: Iterable[dt.date | None],
                            opinions: Iterable[dt.date | None],
                            contacts: Iterable[dt.date | None],
                            returns: Iterable[dt.date | None],
                            follow_ups: Iterable[dt.date | None],
                            replies_signed: Iterable[dt.date | None] = ()
                            ) -> dict[str, dt.date | None]:
    """Label → the earliest date of each kind a proposal holds that may not precede its 交办
    (check_assigned's `later`), from the ORM objects (dates_after_assigned) or an import's
    rows (sheets.existing) alike; None in a list: not dated. A reply's 签发日期 comes last: a
    reply is signed before it is sent, so a 交办 after both is said by the 答复日期 first."""
    def first(days: Iterable[dt.date | None]) -> dt.date | None:
        return min((d for d in days if d is not None), default=None)

    return {SIGNED_ON: signed, REPLY_SENT: first(replies), OPINION_SENT: first(opinions),
            CONTACT_ON: first(contacts), RETURN_ON: first(returns),
            FOLLOW_UP_ON: first(follow_ups), REPLY_SIGNED: first(replies_signed)}


def dates_after_assigned(p: Proposal) -> dict[str, dt.date | None]:
    """earliest_after_assigned of a proposal (a contact an import guessed from a ledger's
    沟通方式 holds no date of its own)."""
    return earliest_after_assigned(
        p.signed_on, replies=(r.sent_on for r in p.replies),
        opinions=(o.sent_on for o in p.assist_opinions),
        contacts=(r.date for r in p.records if r.content != LEDGER_CONTACT_NOTE),
        returns=(r.requested_on for r in p.returns), follow_ups=(f.date for f in p.follow_ups),
        replies_signed=(r.signed_on for r in p.replies))


def reassigned_note(role: Role, *, old: Role | None, reply_sent: dt.date | None,
                    opinion_sent: dt.date | None) -> str:
    """What a proposal holds from the role it had before the office reassigned it between
    answering (主办/分办) and assisting (协办/会办), said for the clerk ("" when nothing).

    The office's reassignment is a fact the clerk records, in the window or by importing the
    corrected list, so it is never refused: a 会办意见 (or a reply) already sent stays on record
    as history, visible and in the 办理日志, never deleted nor counted as the new role's
    answer (status, due date and figures follow the new role: storage.facts), and the
    proposal is handled in its new role with the deadline that role gets. `old`: the earlier
    role when known (an import), else None (the window, after the change)."""
    if role.answers_member and opinion_sent:
        word = old.opinion_word if old else "会办意见"
        was = f"原为{old.value}时" if old else f"办理方式改为{role.value}前"
        return (f"{was}于{format_cn(opinion_sent)}送出的{word}保留为办理记录（不算作答复）；"
                f"现按{role.value}办理，须答复提出人，办理时限按{role.value}计算")
    if not role.answers_member and reply_sent:
        was = f"原为{old.value}时" if old else f"办理方式改为{role.value}前"
        return (f"{was}于{format_cn(reply_sent)}送出的答复保留为办理记录；"
                f"现按{role.value}办理，须向主办单位送{role.opinion_word}，"
                f"办理时限按{role.value}计算")
    return ""


def due_for_role(old: Role | None, new: Role, due_override: dt.date | None) -> dt.date | None:
    """An explicit 办理时限 belongs to the role it was set for (a 交办清单's is the lead unit's
    reply deadline): moved between answering and assisting, the proposal gets the new role's
    deadline (the rule's, or the meeting's), unless one is given for it at the same time."""
    if old is not None and old.answers_member != new.answers_member:
        return None
    return due_override


def reassigned_note_of(p: Proposal) -> str:
    """reassigned_note for a proposal as the window shows it, from what it holds."""
    return reassigned_note(
        Role(p.role), old=None, reply_sent=rules.first_reply_on(_replies_sent(p)),
        opinion_sent=rules.first_opinion_on(o.sent_on for o in p.assist_opinions))


def _replies_sent(p: Proposal) -> dict[int, dt.date]:
    """Round → the day its reply went out, of the replies sent (core.rules' form)."""
    return {r.round: r.sent_on for r in p.replies if r.sent_on}


def answered_on(p: Proposal) -> dt.date | None:
    """The day the first reply (主办/分办) or 会办意见 (协办/会办) went out (None: not answered
    yet); what was sent in a role the office has since changed is history (reassigned_note)."""
    return rules.first_answer_on(Role(p.role), _replies_sent(p),
                                 (o.sent_on for o in p.assist_opinions))


def check_return_request(on: dt.date, assigned_on: dt.date | None,
                         answered: dt.date | None, role: Role,
                         today: dt.date | None = None) -> None:
    """退回 is asked for soon after 交办 (DOMAIN: within 5-10 working days), for a proposal
    wrongly assigned: never before 交办 or after today, and never on or after the day we
    answered it: answering accepted the proposal as ours, and a request then would take an
    answered (even closed) proposal back to 退回中. A request dated before the answer (history
    typed in late, a ledger's refused request) is kept."""
    check_handling_date(on, assigned_on, RETURN_ON, today)
    if answered is not None and on >= answered:
        what = "答复" if role.answers_member else f"送出{role.opinion_word}"
        raise UserError(f"本件已于{format_cn(answered)}{what}，不能再申请退回"
                        f"（{RETURN_ON}{format_cn(on)}；退回应在{what}之前提出）")


def check_opinion(sent_on: dt.date | None, received_on: dt.date | None) -> None:
    """A member's opinion needs a reply sent (`sent_on`: the latest one's date), and comes
    after it."""
    if not sent_on:
        raise UserError("尚未答复（答复日期为空），不能登记委员意见")
    if received_on and received_on < sent_on:
        raise UserError("意见反馈日期不能早于答复日期")


def check_return_reason(reason: str) -> None:
    if not reason:
        raise UserError("退回必须写明理由（退回理由为空）")


def assign(session: Session, p: Proposal, *, section: str | None = None,
           handler: str | None = None, leader: str | None = None) -> None:
    """交办 to a section and a handler, with the deputy director in charge."""
    sec = ensure_section(session, section) if section else p.section
    p.section = sec
    if handler is not None:
        p.handler = ensure_staff(session, handler, sec) if handler else None
    if leader is not None:
        p.leader = ensure_staff(session, leader, None, leader=True) if leader else None


def parse_method(value: str) -> Method:
    text = clean_line(value)
    if text in METHOD_SYNONYMS:
        return METHOD_SYNONYMS[text]
    for word, method in METHOD_SYNONYMS.items():
        if word in text:
            return method
    allowed = "、".join(m.value for m in Method)
    raise UserError(f"沟通方式“{value}”无法识别（可选：{allowed}）")


def add_record(p: Proposal, *, date: dt.date, method: str, stage: str = Stage.BEFORE,
               our_people: str = "", their_people: str = "", place: str = "",
               content: str = "", attitude: str = "") -> Correspondence:
    """One contact (沟通记录) with the member or another unit."""
    check_handling_date(date, p.assigned_on, CONTACT_ON)
    if stage not in {s.value for s in Stage}:
        raise UserError(f"沟通阶段“{stage}”无效（办前、办中、办后）")
    record = Correspondence(
        date=date, method=parse_method(method).value, stage=stage,
        our_people=clean_line(our_people), their_people=clean_line(their_people),
        place=clean_line(place), content=clean_text(content), attitude=clean_line(attitude),
    )
    p.records.append(record)
    return record


def safe_file_name(name: str) -> str:
    """Only the last part of a path: '../../x.pdf' and 'C:\\a\\b.pdf' become 'x.pdf', 'b.pdf'."""
    base = PurePath(name.replace("\\", "/")).name
    base = clean_line(base).strip(". ")
    return base[:200] or "附件"


def add_attachment(session: Session, p: Proposal, *, name: str, data: bytes | None = None,
                   path: Path | None = None, record: Correspondence | None = None,
                   description: str = "") -> Attachment:
    """Store a file's content inside the database (by SHA-256, once), never a path to it."""
    if data is None:
        if path is None:
            raise ValueError("data or path is required")
        try:
            size = path.stat().st_size
            if size > MAX_ATTACHMENT_BYTES:
                raise UserError(f"附件“{path.name}”有 {size // 1048576} MB，超过 200 MB 上限")
            data = path.read_bytes()
        except OSError as exc:
            raise UserError(f"无法读取附件“{path}”：{os_reason(exc)}") from exc
    if not data:
        raise UserError(f"附件“{safe_file_name(name)}”是空文件")
    if len(data) > MAX_ATTACHMENT_BYTES:
        raise UserError(f"附件“{safe_file_name(name)}”超过 200 MB 上限")
    digest = hashlib.sha256(data).hexdigest()
    if session.get(Blob, digest) is None:
        session.add(Blob(sha256=digest, size=len(data), data=data))
    attachment = Attachment(original_name=safe_file_name(name), size=len(data), sha256=digest,
                            record=record, description=clean_line(description))
    p.attachments.append(attachment)
    return attachment


def attachment_bytes(session: Session, attachment: Attachment) -> bytes:
    blob = session.get(Blob, attachment.sha256)
    if blob is None:
        raise UserError(f"附件“{attachment.original_name}”的内容缺失")
    return blob.data


def next_doc_serial(session: Session, year: int, *, opinion: bool = False) -> int:
    """The next number of the year's series (答复函 and 会办意见 count separately)."""
    model = AssistOpinion if opinion else Reply
    current = session.scalar(select(func.max(model.doc_serial)).where(model.doc_year == year))
    return (current or 0) + 1


def format_doc_number(prefix: str, year: int, serial: int) -> str:
    return f"{prefix}〔{year}〕{serial}号"


class Numbered(Protocol):
    """A Reply or an AssistOpinion: the columns of its 发文字号."""

    doc_number: str
    doc_year: int | None
    doc_serial: int | None


def give_number(session: Session, record: Numbered, prefix: str, year: int, *,
                opinion: bool) -> None:
    """The next number of the year's series (答复函 and 会办意见 count apart), given to the
    record now; when, is core.doc_numbers' rule."""
    record.doc_year = year
    record.doc_serial = next_doc_serial(session, year, opinion=opinion)
    record.doc_number = format_doc_number(prefix, year, record.doc_serial)


def current_reply(p: Proposal) -> Reply | None:
    want = rules.current_round(facts_of(p))
    return next((r for r in p.replies if r.round == want), None)


def check_not_in_future(day: dt.date | None, label: str, today: dt.date | None = None) -> None:
    """A date of the handling is never after today (the one rule and message for the window,
    the form and an import); the message names both days, as 2025年3月18日."""
    today = today or dt.date.today()
    if day is not None and day > today:
        raise UserError(f"{label}（{format_cn(day)}）不能晚于今天（{format_cn(today)}）")


def save_reply(session: Session, p: Proposal, *, from_record: bool = False,
               **fields: Any) -> Reply:
    """Create or update the reply of the current round (a 不满意 opinion starts a new one).

    Fields are Reply's columns; `category` is checked against the role and the settings.
    The save that marks the reply sent gives it the next 发文字号 of its signing (else
    sending) year, as printing would (core.doc_numbers); one already sent without a
    number (a ledger's history) never gets one invented, nor does `from_record`. A reply is sent
    only with its text and category, and never with a date after today; `from_record` is for
    history from a ledger, which has the date and category but not the letter's text.
    """
    role = Role(p.role)
    if not role.answers_member:
        raise UserError(f"{role}提案不直接答复提出人，请填写会办意见")
    settings = load_settings(session)
    error = rules.check_category(role, fields.get("category", ""), settings.categories)
    if error:
        raise UserError(error)
    if "publicity" in fields and fields["publicity"] not in {x.value for x in Publicity}:
        raise UserError(f"公开属性“{fields['publicity']}”无效（公开、不公开、依申请公开）")
    if "step" in fields and fields["step"] not in {x.value for x in ReviewStep}:
        raise UserError(f"审核环节“{fields['step']}”无效")
    for name in fields:
        if not hasattr(Reply, name):
            raise TypeError(name)
    reply = current_reply(p)

    def will_be(name: str) -> Any:  # checked before anything changes: a refusal leaves no trace
        return fields[name] if name in fields else getattr(reply, name, None)

    round_ = reply.round if reply is not None else rules.current_round(facts_of(p))
    sent_on = will_be("sent_on")
    dates = {col: will_be(col) for col, _ in REPLY_DATES}
    later = [dates[c] for c, _ in REPLY_DATES[1:]
             if dates[c] and dates[c] != getattr(reply, c, None)]
    drafted = dates["drafted_on"]
    start = round_start(p, round_)
    if (reply is not None and drafted and drafted == reply.drafted_on and later
            and min(later) < drafted and (start[0] is None or min(later) >= start[0])):
        # the 起草日期 kept (the program stamps it on the first save) yields to a step typed
        # in after the fact: a letter is drafted no later than it is reviewed or signed. Not
        # to a step before the round began: that step is refused, named as it was typed
        fields["drafted_on"] = dates["drafted_on"] = min(later)
    if not from_record:
        check_reply_dates(dates, {col: getattr(reply, col, None) for col, _ in REPLY_DATES},
                          round_, start)
    if sent_on:
        _check_sent_date(sent_on, getattr(reply, "sent_on", None), p.assigned_on, REPLY_SENT,
                         from_record=from_record)
        if not from_record and not clean_text(will_be("text")):
            raise UserError("答复正文为空，不能标记为已答复（请先填写答复正文）")
        if not from_record and not will_be("category"):
            raise UserError("请先选择答复类别，再标记为已答复")
    before = (reply_number_state(reply, settings.doc_prefix) if reply is not None
              else NumberState.DRAFT)
    if reply is None:
        # typed in after the fact, a reply was drafted no later than its first step on record
        drafted = min((d for d in dates.values() if d), default=dt.date.today())
        # a later round starts from the previous round's letter choices (reply_defaults)
        defaults = reply_defaults(p, settings)
        reply = Reply(round=round_, drafted_on=drafted,
                      publicity=Publicity.PUBLIC.value, joint_letter=defaults.joint_letter,
                      contact_name=defaults.contact_name, contact_phone=defaults.contact_phone,
                      cc=defaults.cc)
        p.replies.append(reply)
    for name, value in fields.items():
        setattr(reply, name, clean_text(value) if isinstance(value, str) else value)
    if reply.sent_on:
        reply.step = ReviewStep.SENT.value
    after = reply_number_state(reply, settings.doc_prefix)
    if not from_record and numbered_by_save(before, after, settings.doc_prefix):
        give_number(session, reply, settings.doc_prefix,
                    written_on(reply.signed_on, reply.sent_on).year, opinion=False)
    return reply


def save_assist_opinion(session: Session, p: Proposal, *, from_record: bool = False,
                        **fields: Any) -> AssistOpinion:
    """The 会办意见 of an assisting unit (one per proposal); sent only with its text
    (`from_record`: history from a ledger, which has the date but not the text). The save
    that marks it sent numbers it (core.doc_numbers); one sent before without, never."""
    role = Role(p.role)
    if role.answers_member:
        raise UserError(f"{role}提案应填写答复，而不是会办意见")
    settings = load_settings(session)
    for name in fields:
        if not hasattr(AssistOpinion, name):
            raise TypeError(name)
    opinion = p.assist_opinions[0] if p.assist_opinions else None
    sent_on = fields["sent_on"] if "sent_on" in fields else getattr(opinion, "sent_on", None)
    if sent_on:
        _check_sent_date(sent_on, getattr(opinion, "sent_on", None), p.assigned_on,
                         OPINION_SENT, from_record=from_record)
        text = fields["text"] if "text" in fields else getattr(opinion, "text", "")
        if not from_record and not clean_text(text):
            raise UserError("会办意见正文为空，不能标记为已送出（请先填写意见正文）")
    prefix = settings.opinion_prefix
    before = (opinion_number_state(opinion, prefix) if opinion is not None else NumberState.DRAFT)
    if opinion is None:
        opinion = AssistOpinion(contact_name=settings.contact_name,
                                contact_phone=settings.contact_phone)
        p.assist_opinions.append(opinion)
    for name, value in fields.items():
        setattr(opinion, name, clean_text(value) if isinstance(value, str) else value)
    if not from_record and numbered_by_save(before, opinion_number_state(opinion, prefix), prefix):
        give_number(session, opinion, prefix, written_on(None, opinion.sent_on).year,
                    opinion=True)
    return opinion


def reply_number_state(reply: Reply, prefix: str) -> NumberState:
    """Where a reply stands in core.doc_numbers' rule (saves and printed letters alike)."""
    return number_state(reply.doc_number,
                        signed=is_signed(reply.signed_on, reply.sent_on, reply.step),
                        sent=bool(reply.sent_on), prefix=prefix)


def opinion_number_state(opinion: AssistOpinion, prefix: str) -> NumberState:
    """A 会办意见 has no signing step in its records: a draft until sent."""
    return number_state(opinion.doc_number, signed=False, sent=bool(opinion.sent_on),
                        prefix=prefix)


def check_unsatisfied_dated(satisfaction: str, received_on: dt.date | None) -> None:
    """A 不满意 typed in needs the day the form came back: the second round's deadline runs
    from it, and without one the reopened proposal would not be chased. Not defaulted to
    today: a form often lies on the desk for days, and a guessed day would set a wrong
    deadline without a word. (A ledger's undated 不满意 is history, imported as it is.)"""
    if satisfaction == Satisfaction.UNSATISFIED and received_on is None:
        raise UserError("委员意见为不满意时，请填写意见反馈日期（征询意见表送回的日期）："
                        "重新办理的时限从这一天起算，不填则无法计算时限、不列入催办")


def record_opinion(p: Proposal, satisfaction: str, *, received_on: dt.date | None = None,
                   visited: bool | None = None, addressed: bool | None = None,
                   comments: str = "", from_record: bool = False) -> MemberOpinion:
    """The member's opinion form on the latest reply; 不满意 reopens the proposal
    (`from_record`: a ledger's history, whose 不满意 may carry no date)."""
    try:
        value = Satisfaction(clean_line(satisfaction))
    except ValueError as exc:
        raise UserError(f"委员意见“{satisfaction}”无效（满意、基本满意、不满意）") from exc
    if not from_record:
        check_unsatisfied_dated(value, received_on)
    sent = {r.round: r.sent_on for r in p.replies if r.sent_on}
    last = max(sent, default=None)
    check_opinion(sent[last] if last is not None else None, received_on)
    check_not_in_future(received_on, "意见反馈日期")
    opinion = next((o for o in p.member_opinions if o.round == last), None)
    if opinion is None:
        opinion = MemberOpinion(round=last)
        p.member_opinions.append(opinion)
    opinion.satisfaction = value.value
    opinion.received_on = received_on
    opinion.visited = visited
    opinion.addressed = addressed
    opinion.comments = clean_text(comments)
    return opinion


def request_return(p: Proposal, *, on: dt.date, reason: str,
                   suggested_unit: str = "") -> ReturnRequest:
    """退回: only with a reason; the office decides, we never pass it on ourselves."""
    reason = clean_text(reason)
    check_return_reason(reason)
    if any(r.outcome == ReturnOutcome.PENDING for r in p.returns):
        raise UserError("已有一份待审核的退回申请（如日期或理由有误，请先撤回该申请）")
    check_return_request(on, p.assigned_on, answered_on(p), Role(p.role))
    request = ReturnRequest(requested_on=on, reason=reason, outcome=ReturnOutcome.PENDING.value,
                            suggested_unit=clean_line(suggested_unit))
    p.returns.append(request)
    return request


def decide_return(p: Proposal, outcome: str, on: dt.date) -> None:
    pending = [r for r in p.returns if r.outcome == ReturnOutcome.PENDING]
    if not pending:
        raise UserError("没有待审核的退回申请")
    pending[-1].outcome = ReturnOutcome(outcome).value
    pending[-1].decided_on = on


def add_follow_up(p: Proposal, *, year: int, on: dt.date, progress: str,
                  carried_out: bool) -> FollowUp:
    """回头看 of a B/C answer in a later year: dated not after today, and not before 交办 or
    the answer it follows up."""
    sent = [r for r in p.replies if r.sent_on]
    category = max(sent, key=lambda r: r.round).category if sent else ""
    if category not in ("B", "C"):
        raise UserError("只有 B 类、C 类答复的提案需要跟踪落实")
    check_handling_date(on, p.assigned_on, FOLLOW_UP_ON)
    first = rules.first_reply_on(_replies_sent(p))
    if first is not None and on < first:
        raise UserError(f"{FOLLOW_UP_ON}不能早于答复日期（{format_cn(first)}）")
    check_follow_up_year(year, p.meeting.year, on)
    follow = FollowUp(year=year, date=on, progress=clean_text(progress), carried_out=carried_out)
    p.follow_ups.append(follow)
    return follow


def check_follow_up_year(year: int, proposal_year: int, on: dt.date) -> None:
    """回头看 happens in a year after the proposal's (DOMAIN: followed up in the next year
    until carried out), and its 年度 is not a year the 跟踪日期 has not reached."""
    if year <= proposal_year:
        raise UserError(f"跟踪年度（{year}年）应晚于提案年度（{proposal_year}年）："
                        "回头看是在答复后的下一年及以后进行的")
    if year > on.year:
        raise UserError(f"跟踪年度（{year}年）不能晚于跟踪日期（{format_cn(on)}）所在的年份")


def warnings_for(session: Session, p: Proposal, today: dt.date | None = None
                 ) -> list[rules.Warning]:
    settings = load_settings(session)
    return rules.warnings(facts_of(p), settings.deadlines, today or dt.date.today())
