"""The annual handling report (办理情况报告) for a year or one meeting: the figures computed
from the records, one section per proposal from the handlers' summaries, the narrative
sections kept per year, and an appendix table of every proposal."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from proposal_desk.core.dates import format_cn
from proposal_desk.core.enums import ROLE_ORDER, Kind, Role, Status
from proposal_desk.core.percent import percent_text
from proposal_desk.core.settings import BureauSettings
from proposal_desk.documents import format as fmt
from proposal_desk.documents import templates
from proposal_desk.documents.figures import (
    Digest,
    ReportFigures,
    compute,
    load_digests,
    load_prior_b,
)
from proposal_desk.documents.safe import docx_path
from proposal_desk.documents.shared_context import bare_title
from proposal_desk.services import report_texts
from proposal_desk.storage.errors import UserError
from proposal_desk.storage.models import Meeting
from proposal_desk.storage.settings_store import load_settings

Progress = Callable[[int, int], None]
MISSING_SUMMARY = "（待补充：承办科室尚未填写本件的办理工作小结。）"


def kind_words(kinds: tuple[str, ...]) -> tuple[str, str, str]:
    """(提案/建议/建议提案, 委员/代表/代表委员, 政协提案/人大建议/人大建议和政协提案)."""
    if set(kinds) == {Kind.SUGGESTION.value}:
        return "建议", "代表", "人大代表建议"
    if set(kinds) == {Kind.PROPOSAL.value, Kind.SUGGESTION.value}:
        return "建议提案", "代表委员", "人大代表建议和政协委员提案"
    return "提案", "委员", "政协委员提案"


def _meeting_phrase(meeting: str, kind: str) -> str:
    """区政协十四届三次会议 → 区政协十四届三次会议委员提案; a name already ending in 提案 or
    建议 (2024年度政协提案) stays as it is."""
    k = Kind(kind) if kind in (Kind.PROPOSAL.value, Kind.SUGGESTION.value) else Kind.PROPOSAL
    if meeting.endswith(k.value):
        return meeting
    return f"{meeting}{k.member_word}{k.value}"


def _count_phrase(pairs: list[tuple[str, int]]) -> str:
    return "、".join(f"{name}{count}件" for name, count in pairs if count)


def basic_paragraphs(fig: ReportFigures, settings: BureauSettings, *, year: int,
                     today: dt.date) -> list[str]:
    """一、基本情况 in sentences; every number comes from fig."""
    kind, member, _ = kind_words(fig.kinds)
    bureau = settings.name or "我单位"
    lines: list[str] = []

    if fig.total == 0:
        return [f"{year}年，{bureau}没有承办{kind}。"]
    scope = "、".join(f"{_meeting_phrase(m, k)}{c}件" for m, k, c in fig.by_meeting)
    total = f"，合计{fig.total}件" if len(fig.by_meeting) > 1 else ""
    roles = _count_phrase([(r.value, fig.by_role.get(r.value, 0)) for r in ROLE_ORDER])
    sentence = f"{year}年，{bureau}共承办{scope}{total}，其中{roles}。"
    # 办结 as reports count it (answered); the window's 已办结 leaves out the 已答复 ones still
    # awaiting the member's opinion, so the sentence says how many those are.
    awaiting = (f"（含已答复、待{member}反馈意见的{fig.awaiting_opinion}件）"
                if fig.awaiting_opinion else "")
    if fig.closed == fig.total:
        sentence += f"目前均已办结{awaiting}。"
        if fig.answering and fig.assisting:
            sentence += both_answers_sentence(fig, kind, member, today=None)
    elif fig.answering and fig.assisting:
        # 主办 replies and 协办 opinions apart, as the references do (newcomer's try-out F12):
        # one 已办结 figure adding the two read as members answered, and hid the opinions
        # never sent.
        sentence += both_answers_sentence(fig, kind, member, today=today)
    else:
        parts = [f"截至{format_cn(today)}，已办结{fig.closed}件{awaiting}"]
        handled_again = fig.reopened - fig.reopened_unrecorded
        if handled_again:
            parts.append(f"{handled_again}件因{member}不满意正在重新办理")
        if fig.reopened_unrecorded:
            parts.append(f"{fig.reopened_unrecorded}件{member}意见为不满意（尚未录入重新办理情况）")
        if fig.returning:
            parts.append(f"{fig.returning}件已申请退回、待审核")
        if fig.in_progress:
            parts.append(f"{fig.in_progress}件正在办理")
        sentence += "，".join(parts) + "。"
    if fig.returned:
        sentence += f"另有{fig.returned}件经同意退回，未计入上述数字。"
    lines.append(sentence)

    if fig.topics:
        names = "、".join(name for name, _ in fig.topics[:12])
        lines.append(f"所办{kind}涵盖了{names}等方面。")

    lead_roles = "、".join(r.value for r in (Role.LEAD, Role.SPLIT) if fig.by_role.get(r.value))
    if fig.category_base:
        shares = "；".join(
            f"{s.meaning or f'答复为{s.name}类的'}（{s.name}类）{s.count}件，"
            f"占{s.percent_text}" for s in fig.categories if s.count)
        lines.append(f"在{lead_roles}并已答复的{fig.category_base}件中，{shares}。")

    if fig.opinions:
        counts = _count_phrase([("满意", fig.satisfied), ("基本满意", fig.basically),
                                ("不满意", fig.unsatisfied)])
        latest = "（重新办理的按最后一次答复的意见计）" if fig.rehandled else ""
        lines.append(
            f"经征询意见，{fig.opinions}件{kind}收回{member}意见{latest}，其中{counts}，"
            f"满意率{percent_text(fig.satisfaction_rate)}，"
            f"满意及基本满意率{percent_text(fig.satisfied_or_basic_rate)}。")
    elif fig.category_base:
        lines.append(f"{member}意见尚未反馈。")
    if fig.rehandled:
        lines.append(rehandled_sentence(fig.rehandled, member))

    # With both kinds of answer the rates count them together, so they say 办复 (answered or
    # opinion sent) and what the sum is made of, not 已答复.
    both = bool(fig.answering and fig.assisting)
    split = both and fig.answered > 0
    done = "办复" if both else "答复"
    opinion = _opinion_word(fig)
    made_of = (f"（答复{member}{fig.member_replied}件、向主办单位送出{opinion}"
               f"{fig.opinions_sent}件）" if split else "")
    rates = [f"已{done}{fig.answered}件{made_of}，办复率{percent_text(fig.answer_rate)}"]
    if fig.overdue_unanswered:
        rates.append(f"已超过办理时限尚未{done}{fig.overdue_unanswered}件")
    if fig.on_time_base:
        # 按时办结率 = answered by the due date / (answered + late unanswered), figures.compute:
        # its base is said when it is not simply the answered ones.
        base = (f"（以已{done}和已超过办理时限的{fig.on_time_base}件计）"
                if fig.overdue_unanswered else "")
        on_time_parts = (f"（答复{member}{fig.member_replied_on_time}件、送出{opinion}"
                         f"{fig.opinions_sent_on_time}件）" if split and fig.on_time else "")
        rates.append(f"按时{done}{fig.on_time}件{on_time_parts}，"
                     f"按时办结率{percent_text(fig.on_time_rate)}{base}")
    if fig.face_base:
        # figures.compute counts the member's 是否当面沟通：是; said, as no record backs it
        by_form = (f"（其中{fig.face_by_form}件据{member}意见表确认，未录入面商记录）"
                   if fig.face_by_form else "")
        rates.append(f"已答复的{lead_roles}{kind}中与{member}当面沟通的{fig.face_count}件"
                     f"{by_form}，见面率{percent_text(fig.face_rate)}")
    lines.append("；".join(rates) + "。")

    # Key proposals we assist are stated apart: their answer is the lead unit's, so 正在办理
    # among ours read as our key proposal unanswered (newcomer's try-out F11).
    ours_key = [d for d in fig.key if d.answers_member]
    assisted_key = [d for d in fig.key if not d.answers_member]
    if ours_key:
        items = "；".join(_key_phrase(d) for d in ours_key)
        lines.append(f"重点{kind}{len(ours_key)}件：{items}。")
    if assisted_key:
        roles = "、".join(r.value for r in ROLE_ORDER
                         if any(d.role == r.value for d in assisted_key))
        items = "；".join(_assisted_key_phrase(d) for d in assisted_key)
        lines.append(f"{'另有' if ours_key else ''}{roles}的重点{kind}{len(assisted_key)}件"
                     f"（由主办单位答复{member}）：{items}。")

    if fig.prior_b and fig.prior_year:
        sentence = f"{fig.prior_year}年答复为B类的{kind}共{fig.prior_b}件，"
        rest = fig.prior_b - fig.prior_b_done
        # "已落实1件，均已落实" said it twice
        sentence += ("均已落实。" if not rest else "均在跟踪落实。" if not fig.prior_b_done
                     else f"已落实{fig.prior_b_done}件，其余{rest}件正在跟踪落实。")
        lines.append(sentence)
    return lines


def _opinion_word(fig: ReportFigures) -> str:
    """协办意见, 会办意见, or 协办、会办意见 when we have both kinds."""
    words = [r.opinion_word for r in (Role.ASSIST, Role.JOINT) if fig.by_role.get(r.value)]
    return "协办、会办意见" if len(words) > 1 else (words[0] if words else "协办意见")


def _all_done(verb: str, on_time: int, count: int) -> str:
    """均已按时答复委员 when every one was on time, else 均已答复委员（按时N件）."""
    return f"均已按时{verb}" if on_time == count else f"均已{verb}（按时{on_time}件）"


def both_answers_sentence(fig: ReportFigures, kind: str, member: str, *,
                          today: dt.date | None) -> str:
    """The replies to members (主办/分办) and the opinions sent to lead units (协办/会办),
    each with how many were on time and how many are still outstanding; `today` None when
    every one is done (no 截至)."""
    answering = "、".join(r.value for r in (Role.LEAD, Role.SPLIT) if fig.by_role.get(r.value))
    assisting = "、".join(r.value for r in (Role.ASSIST, Role.JOINT)
                          if fig.by_role.get(r.value))
    opinion = _opinion_word(fig)
    lead = [f"{answering}{kind}{fig.answering}件"]
    if not fig.member_replied:
        lead.append("尚未答复")
    elif fig.member_replied == fig.answering:
        lead.append(_all_done(f"答复{member}", fig.member_replied_on_time, fig.answering))
    else:
        lead.append(f"已答复{member}{fig.member_replied}件"
                    + (f"（按时{fig.member_replied_on_time}件）" if fig.member_replied else ""))
    if today is not None:
        # Of the answered: the window's 已答复 (opinion not back) and 重新办理 ones.
        within = []
        if fig.awaiting_opinion:
            within.append(f"待{member}反馈意见{fig.awaiting_opinion}件")
        handled_again = fig.reopened - fig.reopened_unrecorded
        if handled_again:
            within.append(f"因{member}不满意正在重新办理{handled_again}件")
        if fig.reopened_unrecorded:
            within.append(f"{member}意见为不满意（尚未录入重新办理情况）"
                          f"{fig.reopened_unrecorded}件")
        if within:
            lead.append("其中" + "、".join(within))
    if fig.member_outstanding and fig.member_replied:
        lead.append(f"尚未答复{fig.member_outstanding}件")
    assist = [f"{assisting}{kind}{fig.assisting}件"]
    if not fig.opinions_sent:
        assist.append(f"{opinion}尚未送出")
    elif fig.opinions_sent == fig.assisting:
        assist.append(_all_done(f"向主办单位送出{opinion}", fig.opinions_sent_on_time,
                                fig.assisting))
    else:
        assist.append(f"已向主办单位送出{opinion}{fig.opinions_sent}件"
                      + (f"（按时{fig.opinions_sent_on_time}件）" if fig.opinions_sent else ""))
    if fig.opinions_outstanding and fig.opinions_sent:
        assist.append(f"尚未送出{fig.opinions_outstanding}件")
    head = f"截至{format_cn(today)}，" if today else "其中"
    returning = (f"另有{fig.returning}件已申请退回、待审核。"
                 if today is not None and fig.returning else "")
    return head + "，".join(lead) + "；" + "，".join(assist) + "。" + returning


def rehandled_sentence(rehandled: tuple[Digest, ...], member: str) -> str:
    """The proposals answered again after a 不满意 opinion, with the second answer's
    category and the member's opinion of it."""
    n = len(rehandled)
    forms = sum(d.unsatisfied_before for d in rehandled)
    head = (f"有{n}件在答复后收到{member}不满意意见" + (f"（共{forms}份）" if forms != n else "")
            + f"，{'已' if n == 1 else '均已'}重新办理并再次答复")
    if n == 1:
        d = rehandled[0]
        again = f"（{d.category}类）" if d.category else ""
        after = (f"，{member}再次反馈意见为{d.satisfaction}" if d.satisfaction
                 else f"，{member}意见尚未反馈")
        return head + again + after + "。"
    categories = Counter(d.category for d in rehandled if d.category)
    again = "、".join(f"{c}类{k}件" for c, k in sorted(categories.items()))
    opinions = Counter(d.satisfaction for d in rehandled if d.satisfaction)
    parts = []
    if opinions:
        parts.append("再次征询意见" + "、".join(f"{o}{k}件" for o, k in opinions.items()))
    waiting = n - sum(opinions.values())
    if waiting:
        parts.append(f"{waiting}件{member}意见尚未反馈")
    return head + (f"（{again}）" if again else "") + "".join(f"，{x}" for x in parts) + "。"


def every_one_met(fig: ReportFigures) -> bool:
    """Whether the records bear out 不沟通不办理、不见面不答复: every answered 主办/分办
    proposal had contact and a face-to-face meeting on record (the starter text says it only
    then)."""
    return (fig.face_base > 0 and fig.face_count == fig.face_base
            and fig.answered_without_contact == 0)


def _key_phrase(d: Digest) -> str:
    text = f"第{d.number}号《{bare_title(d.title)}》"
    if d.supervisor:
        text += f"（{d.supervisor}督办）"
    if d.status in (Status.REPLIED.value, Status.CLOSED.value):
        text += f"，已答复（{d.category}类）" if d.category else "，已办结"
    elif d.status == Status.REOPENED.value:
        member = Kind(d.kind).member_word if d.kind in {k.value for k in Kind} else "委员"
        text += "，正在重新办理" if d.due else f"，{member}意见为不满意"
    elif d.status == Status.RETURNING.value:
        text += "，已申请退回、待审核"
    else:
        text += "，正在办理"
    return text


def _assisted_key_phrase(d: Digest) -> str:
    """A key proposal we assist: whether our 协办/会办意见 went to the lead unit."""
    word = Role(d.role).opinion_word
    text = f"第{d.number}号《{bare_title(d.title)}》"
    if d.status == Status.RETURNING.value:
        return text + "，已申请退回、待审核"
    if d.replied_on:
        return text + f"，已于{format_cn(d.replied_on)}向主办单位送出{word}"
    return text + f"，{word}尚未送出"


def proposal_sections(digests: list[Digest]) -> list[dict[str, Any]]:
    """One section per proposal we answer (key ones first), and per assisted proposal with a
    summary; proposals handled together (并案) share one section."""
    chosen = [d for d in digests
              if d.status != Status.RETURNED.value and (d.answers_member or d.summary.strip())]
    chosen.sort(key=lambda d: (not d.key, not d.answers_member))
    by_number = {d.number: d for d in chosen}
    done: set[int] = set()
    sections = []
    for d in chosen:
        if d.id in done:
            continue
        group = [d]
        for other in _merged_numbers(d.merged_with):
            o = by_number.get(other)
            if o is not None and o.id not in done and o is not d:
                group.append(o)
        done.update(g.id for g in group)
        numbers = "、".join(f"第{g.number}号" for g in group)
        kind = Kind(d.kind).value if d.kind in (k.value for k in Kind) else "提案"
        titles = "".join(f"《{bare_title(g.title)}》" for g in group)
        key = "重点" if any(g.key for g in group) else ""
        summary = next((g.summary for g in group if g.summary.strip()), "")
        paras = fmt.paragraphs(summary) if summary.strip() else \
            fmt.paragraphs(MISSING_SUMMARY)
        index = fmt.cn_numeral(len(sections) + 1)
        sections.append({"heading": f"（{index}）{numbers}{key}{kind}{titles}", "paras": paras})
    return sections


def _merged_numbers(text: str) -> list[str]:
    import re

    return [n for n in re.split(r"[、，,;；\s第号]+", text or "") if n]


def appendix_rows(digests: list[Digest]) -> list[dict[str, Any]]:
    rows = []
    for i, d in enumerate(digests, start=1):
        answers = d.answers_member
        rows.append({
            "no": i, "number": d.number, "title": bare_title(d.title),
            "proposers": d.proposers, "role": d.role, "section": d.section,
            # 答复日期 is the first answer (the on-time rate's); a proposal handled again
            # after 不满意 also shows its latest reply, whose category and opinion follow.
            "replied": (format_cn(d.replied_on) if d.replied_on else "未答复")
            + (f"（再次答复{format_cn(d.again_on)}）" if d.again_on else ""),
            "category": (d.category or "—") if answers else "—",
            "opinion": (d.satisfaction or "未反馈") if answers and d.replied_on else "—",
        })
    return rows


def check_year(session: Session, year: int) -> None:
    """Refuse a year no meeting belongs to (`--year 2030` typed for 2023): a report saying
    没有承办提案 would be written without a word of warning."""
    years = sorted(set(session.scalars(select(Meeting.year))))
    if year in years:
        return None
    if not years:
        raise UserError(f"数据库中还没有任何提案（建议），无法生成{year}年度的报告；"
                        "请先导入交办清单")
    raise UserError(f"数据库中没有{year}年度的提案（建议）；已有年度："
                    f"{'、'.join(str(y) for y in years)}")


def find_meeting(session: Session, name: str, year: int | None = None) -> Meeting:
    stmt = select(Meeting).where(or_(Meeting.name == name, Meeting.name.contains(name)))
    if year is not None:
        stmt = stmt.where(Meeting.year == year)
    found = session.scalars(stmt).all()
    exact = [m for m in found if m.name == name]
    if exact:
        found = exact
    if not found:
        raise UserError(f"找不到会议“{name}”" + (f"（{year}年）" if year else ""))
    if len(found) > 1:
        raise UserError(f"“{name}”对应多个会议（{'、'.join(m.name for m in found)}），请写全称")
    return found[0]


def report_context(session: Session, year: int, *, meeting: str | None = None,
                   today: dt.date | None = None, progress: Progress | None = None
                   ) -> dict[str, Any]:
    """Everything the report template shows, computed from the records."""
    today = today or dt.date.today()
    settings = load_settings(session)
    step = (lambda n: progress(n, 4)) if progress else (lambda n: None)
    m = find_meeting(session, meeting, year) if meeting else check_year(session, year)
    digests = load_digests(session, settings.deadlines, year=None if m else year,
                           meeting_id=m.id if m else None)
    prior = load_prior_b(session, year - 1)
    step(1)
    fig = compute(digests, settings, prior, today)
    kind, member, long_kind = kind_words(fig.kinds)
    scope = m.name if m else f"{year}年度"
    texts = report_texts.texts_for(session, year, bureau=settings.name, kind=kind,
                                   member=member, every_one_met=every_one_met(fig))
    step(2)
    listed = [d for d in digests if d.status != Status.RETURNED.value]
    bureau = settings.name or "本单位"
    title = f"{bureau}关于{scope}{long_kind}办理工作情况的报告" if m is None else \
        f"{bureau}关于{_meeting_phrase(m.name, m.kind)}办理工作情况的报告"
    context = {
        "title": "\n".join(fmt.title_lines(title)),
        "bureau": bureau,
        "year": year,
        "scope": scope,
        "kind_word": long_kind,
        "opening": fmt.paragraphs(report_texts.marked_text(texts[report_texts.OPENING], year)),
        "basic": fmt.paragraphs("\n".join(basic_paragraphs(fig, settings, year=year,
                                                           today=today))),
        "practice": fmt.paragraphs(report_texts.marked_text(texts[report_texts.PRACTICE],
                                                            year)),
        "sections": proposal_sections(listed),
        "problems": fmt.paragraphs(report_texts.marked_text(texts[report_texts.PROBLEMS],
                                                            year)),
        "plans": fmt.paragraphs(report_texts.marked_text(texts[report_texts.PLANS], year)),
        "date": format_cn(today),
        "appendix_title": f"{scope}{kind}办理情况一览表",
        "appendix": appendix_rows(listed),
        "fig": fig.as_context(),
    }
    step(3)
    return context


def report_notes(session: Session, year: int) -> list[str]:
    """What to tell whoever made the report without the window's text dialog (the command
    line): which sections reuse an earlier year's text, whose year and figures they state,
    or a starter text (services.report_texts.carried_notes)."""
    return report_texts.carried_notes(report_texts.texts_for(session, year), year)


def write_report(session: Session, year: int, path: Path, meeting: str | None = None,
                 progress: Progress | None = None, *, today: dt.date | None = None) -> Path:
    """Write the annual report for `year` (or one meeting of it) to path (.docx).
    progress(done, 4) is called as it goes; nothing in the database changes."""
    path = docx_path(path)
    context = report_context(session, year, meeting=meeting, today=today, progress=progress)
    template = templates.template_path("report", load_settings(session))
    written = templates.render("report", template, context, path)
    if progress:
        progress(4, 4)
    return written
