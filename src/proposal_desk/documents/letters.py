"""答复函: the formal reply letter of a 主办 or 分办 proposal, one joint letter or one per
signer, and all letters of a year into one folder."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from proposal_desk.core.dates import format_cn
from proposal_desk.core.doc_numbers import NumberState, written_on
from proposal_desk.core.enums import Kind, Role
from proposal_desk.core.settings import BureauSettings
from proposal_desk.core.text import split_names
from proposal_desk.documents import templates
from proposal_desk.documents.customary import address_closing, address_opening, reply_parts
from proposal_desk.documents.numbering import (
    empty_body,
    sent_without_note,
    unsent_note,
)
from proposal_desk.documents.safe import docx_path, file_name
from proposal_desk.documents.shared_context import (
    kind_of,
    names_with_title,
    shared_fields,
)
from proposal_desk.services import handling
from proposal_desk.services.queries import load_proposal
from proposal_desk.storage.errors import UserError, os_reason
from proposal_desk.storage.models import Meeting, Member, Proposal, Reply
from proposal_desk.storage.settings_store import load_settings

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Addressee:
    """Who one letter is written to, and how the text speaks to them."""

    members: tuple[Member, ...]
    you: str  # 您 / 你们
    opening_verb: str  # 提出的 / 领衔提出的 / 联名提出的
    file_suffix: str  # "" for the joint letter, the signer's name otherwise


def addressees(p: Proposal, each_signer: bool) -> list[Addressee]:
    members = [pm.member for pm in p.proposers]
    if not members:
        raise UserError(f"第{p.number}号{kind_of(p)}没有登记提案人，无法写称呼")
    if each_signer and len(members) > 1:
        result = []
        for position, member in enumerate(members):
            verb = "领衔提出的" if position == 0 else "联名提出的"
            you = "你们" if member.collective else "您"
            result.append(Addressee((member,), you, verb, member.name))
        return result
    single = len(members) == 1 and not members[0].collective
    return [Addressee(tuple(members), "您" if single else "你们", "提出的", "")]


def per_signer(p: Proposal, reply: Reply) -> bool:
    """Whether `reply`'s 答复函 goes one to each signer: its 合发一封答复函 unticked on a
    proposal with more than one proposer (the 答复 tab's choice, which a later round starts
    from). The window and `proposal-desk letter` without --each-signer both follow it."""
    return not reply.joint_letter and len(p.proposers) > 1


def letter_title(settings: BureauSettings, p: Proposal) -> str:
    pattern = settings.letter_title_pattern or "关于{meeting}第{number}号{kind}的答复"
    try:
        return pattern.format(meeting=p.meeting.name, number=p.number, kind=kind_of(p).value)
    except (KeyError, IndexError, ValueError) as exc:
        raise UserError(f"设置项 letter.title_pattern（答复函标题）“{pattern}”有误：只能使用"
                        f"{{meeting}}、{{number}}、{{kind}} 三个占位符") from exc


def latest_reply(p: Proposal) -> Reply | None:
    return max(p.replies, key=lambda r: r.round, default=None)


def round_reply(p: Proposal, round_no: int | None) -> Reply | None:
    """The reply of round `round_no` (1 = the first answer), the latest when None; an
    earlier round's letter is reprinted as it went out (its own number, date, opening)."""
    if round_no is None:
        return latest_reply(p)
    found = next((r for r in p.replies if r.round == round_no), None)
    if found is None:
        kind = kind_of(p).value
        rounds = "、".join(f"第{r.round}轮" for r in sorted(p.replies, key=lambda r: r.round))
        raise UserError(f"第{p.number}号{kind}没有第{round_no}轮答复"
                        + (f"（已有：{rounds}）" if rounds else "（还没有答复）"))
    return found


def previous_reply(p: Proposal, reply: Reply) -> Reply | None:
    """The sent reply of the round before `reply` (the one the member was not satisfied
    with), None for a first reply."""
    earlier = [r for r in p.replies if r.round < reply.round and r.sent_on]
    return max(earlier, key=lambda r: r.round, default=None)


def opening_sentence(you: str, verb: str, title: str, kind: Kind,
                     previous: Reply | None) -> str:
    """The letter's first sentence; a reply after 不满意 says the proposal was handled again
    (重新办理) since the earlier answer."""
    if previous is None or previous.sent_on is None:
        return f"{you}{verb}《{title}》收悉。现答复如下："
    return (f"{you}{verb}《{title}》，我们已于{format_cn(previous.sent_on)}作出答复。"
            f"根据{you}反馈的意见，我们对该{kind.value}重新进行了研究办理，现再次答复如下：")


def closing_sentence(you: str) -> str:
    """The letter's closing of thanks, before the 落款."""
    return f"感谢{you}对我们工作的关心和支持，欢迎继续提出宝贵意见和建议。"


def reserve_doc_number(session: Session, settings: BureauSettings, reply: Reply,
                       on: dt.date) -> str:
    """The reply's 发文字号; a signed reply without one takes the next number of the year's
    series now (and keeps it), so two letters never share a number (core.doc_numbers)."""
    state = handling.reply_number_state(reply, settings.doc_prefix)
    if state is NumberState.NO_PREFIX:
        log.info("no bureau.doc_prefix: letter without 发文字号")
    if state is NumberState.TO_TAKE:  # signed, not sent: the next of the year's series
        handling.give_number(session, reply, settings.doc_prefix, on.year, opinion=False)
        session.flush()
    return reply.doc_number


def carbon_copies(p: Proposal, stored: str, settings: BureauSettings) -> str:
    """抄送: the stored list (default: the settings'), then the other units named on the
    assignment, who get a copy of the reply; separated by ，as GB/T 9704 writes them."""
    ours = set(settings.names)
    names = split_names(stored) if stored else list(settings.cc)
    for unit in p.units:
        if unit.unit_name not in ours and unit.unit_name not in names:
            names.append(unit.unit_name)
    return "，".join(names)


def salutation(members: Sequence[Member], member_word: str) -> str:
    """The 称呼: 张三、李四委员： — a body filing with members (民建区委会 and 许辉) is set off
    by a comma, 民建区委会，许辉委员：, as 民建区委会、许辉委员 read as if the body were a
    委员 too (newcomer's try-out F11)."""
    bodies = [m for m in members if m.collective]
    people = [m for m in members if not m.collective]
    parts = [names_with_title(bodies, member_word)] if bodies else []
    if people:
        parts.append(names_with_title(people, member_word))
    return "，".join(parts) + "："


def letter_contexts(session: Session, p: Proposal, settings: BureauSettings, *,
                    each_signer: bool = False, today: dt.date | None = None,
                    round_no: int | None = None) -> list[tuple[str, dict[str, Any]]]:
    """(file suffix, template context) for each letter of proposal p (of round `round_no`,
    default the latest)."""
    kind = kind_of(p)
    role = Role(p.role)
    if not role.answers_member:
        raise UserError(f"第{p.number}号是{role}{kind.value}，不直接答复{kind.member_word}；"
                        f"请生成会办意见（opinion）")
    reply = round_reply(p, round_no)
    if reply is None:
        raise UserError(f"第{p.number}号{kind.value}还没有答复，请先填写答复内容")
    own = reply_parts(reply.text)  # a typed opening or closing replaces the added one
    if not own.body:  # checked before a number is taken: nothing is written
        raise UserError(empty_body(p.number, kind.value, "答复", "答复函", "答复",
                                   bool(reply.sent_on)))
    on = written_on(reply.signed_on, reply.sent_on, today)
    number = reserve_doc_number(session, settings, reply, on)
    previous = previous_reply(p, reply)
    base = shared_fields(
        "letter", p, kind, settings, title=letter_title(settings, p), body=own.body, on=on,
        contact_name=reply.contact_name, contact_phone=reply.contact_phone,
        signer=reply.signer, doc_number=number, cc=carbon_copies(p, reply.cc, settings),
        printed_on=reply.sent_on)  # blank until it is recorded sent, never "today"
    base["publicity"] = reply.publicity or "公开"
    base["category"] = reply.category
    base["proposers"] = "、".join(pm.member.name for pm in p.proposers)
    result = []
    for who in addressees(p, each_signer):
        context = dict(base)
        context["salutation"] = salutation(who.members, kind.member_word)
        context["you"] = who.you
        context["opening_verb"] = who.opening_verb
        # A typed opening or closing keeps its words but speaks to this letter's reader(s):
        # 您 to five members, or a per-signer letter without 领衔/联名, was the finding.
        context["opening_line"] = (
            address_opening(own.opening, who.you, who.opening_verb) if own.opening
            else opening_sentence(who.you, who.opening_verb, base["proposal_title"], kind,
                                  previous))
        context["closing_line"] = (address_closing(own.closing, who.you) if own.closing
                                   else closing_sentence(who.you))
        result.append((who.file_suffix, context))
    return result


SETTINGS_PAGE = "设置 › 本单位"  # where the window sets the prefixes


def no_prefix_note(setting: str, example: str, document: str, where: str | None = None) -> str:
    """The note for a document printed without a number because its prefix is not set.
    `where` the prefix is set; by default the command line's wording (page and command)."""
    if where is None:
        where = f"{SETTINGS_PAGE}，或 proposal-desk config bureau.{setting} {example}"
    return f"未设置{document}发文字号前缀（{where}），{document}没有发文字号"


def missing_contact_note(document: str, tab: str, name: str, phone: str,
                         where: str | None = None) -> str | None:
    """The note for a document printed without 联系人 and/or 联系电话 (DOMAIN: part of the
    答复函), None when both are there. `name`/`phone` as printed (the record's, else the
    bureau's); `where` as no_prefix_note; `tab` the detail page holding the record's own."""
    missing = "和".join(label for label, value in (("联系人", name), ("联系电话", phone))
                       if not value)
    if not missing:
        return None
    if where is None:
        where = (f"{SETTINGS_PAGE}，或 proposal-desk config bureau.contact_name 姓名 / "
                 "bureau.contact_phone 电话")
    return (f"{document}没有{missing}：本单位联系人、联系电话未设置（{where}），"
            f"也可在“{tab}”页填写本件的")


def letter_notes(session: Session, proposal_id: int, where: str | None = None, *,
                 round_no: int | None = None) -> list[str]:
    """What a clerk should know about the letter just written (of round `round_no`, default
    the latest): printed without a 发文字号 and why (`where`: as no_prefix_note), a blank
    印发日期 before it is sent, no 联系人/电话."""
    p = load_proposal(session, proposal_id)
    reply = round_reply(p, round_no) if p.replies else None
    if reply is None:
        return []
    settings = load_settings(session)
    state = handling.reply_number_state(reply, settings.doc_prefix)
    notes = []
    if state is NumberState.DRAFT:
        notes.append(f"第{p.number}号的答复尚未签发：答复函暂不编发文字号（签发后再生成即编号）")
    else:
        if state is NumberState.SENT_WITHOUT:
            notes.append(sent_without_note(p.number, "答复", "答复函", reply.sent_on, "答复"))
        if state is not NumberState.GIVEN and not settings.doc_prefix:
            notes.append(no_prefix_note("doc_prefix", "周商函", "答复函", where))
        if reply.sent_on is None:
            notes.append(unsent_note(p.number, "答复", "答复函", "答复"))
    contact = missing_contact_note("答复函", "答复", reply.contact_name or settings.contact_name,
                                   reply.contact_phone or settings.contact_phone, where)
    return notes + ([contact] if contact else [])


def write_letter(session: Session, proposal_id: int, path: Path, each_signer: bool = False,
                 *, today: dt.date | None = None, round_no: int | None = None) -> list[Path]:
    """Write the 答复函 of one proposal (of round `round_no`, default the latest). With
    each_signer, one file per proposer named <stem>_<name>.docx; otherwise one joint letter
    at path. A reply without a 发文字号 gets the next number of its year here: call inside a
    transaction (Database.transaction)."""
    path = docx_path(path)
    p = load_proposal(session, proposal_id)
    settings = load_settings(session)
    template = templates.template_path("letter", settings)
    written = []
    for suffix, context in letter_contexts(session, p, settings, each_signer=each_signer,
                                           today=today, round_no=round_no):
        target = path.with_name(f"{path.stem}_{file_name(suffix)}{path.suffix}") \
            if suffix else path
        written.append(templates.render("letter", template, context, target))
    return written


def skipped_note(skipped: Sequence[str]) -> str | None:
    """What write_all_letters' `skipped` (replies without text, a past ledger's) tells the
    clerk, None when none was skipped."""
    if not skipped:
        return None
    more = "等" if len(skipped) > 10 else ""
    return (f"{len(skipped)}件的答复没有正文，未生成答复函（第{'、'.join(skipped[:10])}{more}"
            "号）")


def write_all_letters(session: Session, year: int, folder: Path,
                      progress: Progress | None = None, *, each_signer: bool = False,
                      today: dt.date | None = None, skipped: list[str] | None = None
                      ) -> list[Path]:
    """答复函 of every 主办/分办 proposal of the year that has a reply, into one folder
    (created when missing), named 第<number>号<kind>答复函.docx. A reply without text (a
    ledger's history) has no letter to print: its number is added to `skipped`, if given."""
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(f"无法创建文件夹“{folder}”：{os_reason(exc)}") from exc
    ids = list(session.scalars(
        select(Proposal.id).join(Meeting)
        .where(Meeting.year == year,
               Proposal.role.in_([r.value for r in Role if r.answers_member]),
               Proposal.replies.any())
        .order_by(Meeting.name, Proposal.number)
    ))
    written: list[Path] = []
    used: set[str] = set()
    for done, pid in enumerate(ids, start=1):
        p = load_proposal(session, pid)
        reply = latest_reply(p)
        if reply is None or not reply_parts(reply.text).body:
            if skipped is not None:
                skipped.append(p.number)
            if progress:
                progress(done, len(ids))
            continue
        name = f"第{file_name(p.number)}号{kind_of(p).value}答复函.docx"
        if name in used:  # the same number in two meetings of the year
            name = f"{file_name(p.meeting.name)}{name}"
        used.add(name)
        written.extend(write_letter(session, pid, folder / name, each_signer, today=today))
        if progress:
            progress(done, len(ids))
    if not ids and progress:
        progress(0, 0)
    return written
