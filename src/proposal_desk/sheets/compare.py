"""Comparing sheet rows with the register: per row added, updated (which fields, old and
new), unchanged, or refused by the handling rules. One batch of queries for all rows."""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from proposal_desk.core import rules
from proposal_desk.core.dates import format_cn
from proposal_desk.core.enums import Kind, Role, Satisfaction
from proposal_desk.core.settings import BureauSettings
from proposal_desk.services import handling
from proposal_desk.services.meetings import year_conflict
from proposal_desk.sheets import existing
from proposal_desk.sheets.existing import RETURN_FIELDS, Stored
from proposal_desk.sheets.ledger import UNIT_FIELDS, RoundRow, rounds_text
from proposal_desk.sheets.plan import Action, Change, RowData
from proposal_desk.storage.errors import UserError
from proposal_desk.storage.models import Meeting

LABELS = {
    "title": "案由", "proposers": "提案人、联名人", "sector": "界别", "role": "办理方式",
    "units": "主办、协办单位", "key": "重点提案", "supervisor": "督办领导", "assigned": "交办日期",
    "due": "办理时限", "signed": "签收日期", "leader": "分管领导", "section": "承办科室",
    "handler": "承办人", "topics": "主题", "methods": "沟通方式", "replied": "答复日期",
    "category": "答复类别", "doc_number": "发文字号", "signer": "签发人", "publicity": "公开属性",
    "satisfaction": "委员意见", "opinion_date": "意见反馈日期", "merged_with": "并案",
    "summary": "办理情况", "notes": "备注", "return_on": "退回日期", "return_reason": "退回理由",
    "return_outcome": "退回结果", "return_decided": "退回审核日期", "earlier_rounds": "历次答复",
}
PLAIN = ("title", "sector", "supervisor", "merged_with", "summary", "notes", "assigned",
          "signed", "leader", "section", "handler", "replied", "category", "doc_number",
          "signer", "publicity", "satisfaction", "opinion_date", "return_on", "return_reason",
          "return_outcome", "return_decided")
REPLY_FIELDS = {"replied": "sent_on", "category": "category", "doc_number": "doc_number",
                 "signer": "signer", "publicity": "publicity"}


@dataclass
class Outcome:
    action: Action
    reason: str = ""
    changes: list[Change] = field(default_factory=list)
    problems: list[tuple[str, str]] = field(default_factory=list)  # (field key, message)
    wanted: dict[str, Any] = field(default_factory=dict)
    stored: Stored | None = None  # the registered proposal, for an update
    record_date: dt.date | None = None
    # (field key, message): what the clerk should check in a row imported as it is
    notes: list[tuple[str, str]] = field(default_factory=list)


def show(value: Any) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, dt.date):
        return format_cn(value)
    if isinstance(value, list | tuple):
        if value and isinstance(value[0], tuple):
            return "；".join(f"{role}：{name}" for name, role in value)
        return "、".join(str(v) for v in value)
    return str(value)


def load_existing(session: Session, records: list[RowData]
                  ) -> tuple[dict[tuple[str, str], Meeting], dict[tuple[str, str, str], Stored]]:
    keys = {(r.meeting.kind, r.meeting.name) for r in records}
    meetings = {(m.kind, m.name): m for m in session.scalars(select(Meeting))
                if (m.kind, m.name) in keys}
    pairs: list[tuple[int, str]] = []
    for r in records:
        m = meetings.get((r.meeting.kind, r.meeting.name))
        if m is not None:
            pairs.append((m.id, r.number))
    by_pair = existing.load(session, pairs)
    key_of = {m.id: key for key, m in meetings.items()}
    found = {(*key_of[mid], number): s for (mid, number), s in by_pair.items()}
    return meetings, found


def compare_rows(session: Session, records: list[RowData], settings: BureauSettings
             ) -> list[Outcome]:
    meetings, registered = load_existing(session, records)
    outcomes = []
    for rd in records:
        m = meetings.get((rd.meeting.kind, rd.meeting.name))
        if m is not None and m.year != rd.meeting.year:
            outcomes.append(Outcome(Action.ERROR, problems=[(
                "number", year_conflict(m.name, m.year, rd.meeting.year))]))
            continue
        outcomes.append(compare_row(rd, registered.get(rd.identity), settings))
    return outcomes


def wanted_units(rd: RowData, p: Stored | None, settings: BureauSettings
                  ) -> list[tuple[str, str]] | None:
    current = p.units if p else []
    given = {k for k in UNIT_FIELDS if k in rd.values}
    names = {n.replace(" ", "") for n in settings.names}
    result: list[tuple[str, str]] = []
    for key, role in UNIT_FIELDS.items():
        if key in given:
            result += [(n, role.value) for n in rd.values[key]]
        else:
            result += [(name, r) for name, r in current if r == role.value]
    ours = [n for n, _ in result if n.replace(" ", "") in names]
    if not ours and settings.name:
        # Our bureau is one of the units; an assisting row's lead may be someone else.
        if rd.role is Role.LEAD and not any(r == Role.LEAD.value for _, r in result):
            result.insert(0, (settings.name, rd.role.value))
        else:
            result.append((settings.name, rd.role.value))
    deduped: list[tuple[str, str]] = []
    for name, role_ in result:
        if all(name != d[0] for d in deduped):
            deduped.append((name, role_))
    if not deduped:
        return None
    return deduped


def wanted_values(rd: RowData, p: Stored | None, settings: BureauSettings) -> dict[str, Any]:
    v = rd.values
    wanted: dict[str, Any] = {k: v[k] for k in PLAIN if k in v}
    wanted["role"] = rd.role.value
    if "key" in v:
        wanted["key"] = v["key"]
    if "due" in v and rd.due_is_ours:
        wanted["due"] = v["due"]
    elif p is not None and p.current.get("due"):
        due = handling.due_for_role(Role(p.role), rd.role, p.current["due"])
        if due is None:  # the old role's 办理时限 goes with it
            wanted["due"] = None
    if "proposer" in v or "co_signers" in v:
        current = list(p.proposers) if p else []
        lead = v["proposer"][0] if "proposer" in v else (current[0] if current else None)
        if ("proposer" in v and len(v["proposer"]) > 1) or "co_signers" in v:
            co = v.get("proposer", [])[1:] + v.get("co_signers", [])
        else:
            co = current[1:]
        names = list(dict.fromkeys(n for n in [lead, *co] if n))
        if names:
            wanted["proposers"] = tuple(names)
    units = wanted_units(rd, p, settings)
    if units is not None:
        wanted["units"] = tuple(units)
    if "topics" in v:
        wanted["topics"] = tuple(v["topics"])
    if "methods" in v:
        wanted["methods"] = tuple(v["methods"])
    if "earlier_rounds" in v:  # compared as the export writes it; the rounds stay in rd
        wanted["earlier_rounds"] = rounds_text(v["earlier_rounds"])
    return wanted


def check_rules(rd: RowData, p: Stored | None, wanted: dict[str, Any],
           settings: BureauSettings, current: dict[str, Any] | None = None
           ) -> list[tuple[str, str]]:
    """The handling rules a row must keep (the services would refuse the same); `current`:
    p.current, when the caller has it already."""
    problems: list[tuple[str, str]] = []
    role = rd.role
    if p is None and not wanted.get("title"):
        problems.append(("title", "案由为空（新提案必须有案由）"))
    if current is None:
        current = p.current if p else {}
    assigned = wanted.get("assigned") or current.get("assigned")
    replied = wanted.get("replied") or current.get("replied")
    if "category" in wanted:
        error = rules.check_category(role, wanted["category"], settings.categories)
        if error:
            problems.append(("category", error))
    if not role.answers_member:
        for key in ("satisfaction", "opinion_date", "publicity"):
            if key in wanted:
                problems.append((key, f"{role.value}提案不直接答复提出人，没有"
                                      f"{LABELS[key]}（只有主办、分办提案有）"))
    else:
        if "satisfaction" in wanted or "opinion_date" in wanted:
            try:
                handling.check_opinion(replied, wanted.get("opinion_date"))
            except UserError as exc:
                key = "satisfaction" if not replied and "satisfaction" in wanted \
                    else "opinion_date"
                problems.append((key, str(exc)))
        if "opinion_date" in wanted and not (wanted.get("satisfaction")
                                             or current.get("satisfaction")):
            problems.append(("opinion_date", "有意见反馈日期，却没有委员意见"))
    today = dt.date.today()
    # as the handling services (and returns.decide) refuse them
    for key in ("signed", "replied", "opinion_date", "return_decided"):
        if isinstance(wanted.get(key), dt.date):
            try:
                handling.check_not_in_future(wanted[key], LABELS[key], today)
            except UserError as exc:
                problems.append((key, str(exc)))
    if wanted.get("signed"):
        try:
            handling.check_signed(wanted["signed"], assigned)
        except UserError as exc:
            problems.append(("signed", str(exc)))
    problems += _assigned_problems(rd, wanted, current, today,
                                   p.after_assigned if p is not None else {})
    if any(k in wanted for k in RETURN_FIELDS):
        on = wanted.get("return_on") or current.get("return_on")
        if not on:
            problems.append((next(k for k in RETURN_FIELDS if k in wanted),
                             "有退回信息却没有退回日期"))
        else:
            try:
                handling.check_return_reason(wanted.get("return_reason")
                                             or current.get("return_reason") or "")
            except UserError as exc:
                problems.append(("return_on", str(exc)))
        if on and "return_on" in wanted and wanted["return_on"] != current.get("return_on"):
            try:  # a new request: the rule of handling.request_return
                handling.check_return_request(wanted["return_on"], assigned, replied, role,
                                              today)
            except UserError as exc:
                problems.append(("return_on", str(exc)))
        decided = wanted.get("return_decided")
        if on and decided and decided < on:
            problems.append(("return_decided", "退回审核日期不能早于退回日期"))
        if p is not None and "return_on" in wanted and wanted["return_on"] != current.get(
                "return_on") and p.pending_return:
            problems.append(("return_on", "数据库中已有一份待审核的退回申请"))
    problems += _rounds_problems(rd, p, wanted, current)
    if p is not None and p.second_round and "earlier_rounds" in rd.cells and any(
            k in wanted and wanted[k] != current.get(k)
            for k in ("replied", "category", "satisfaction", "opinion_date")):
        problems.append(("replied", "该提案已重新办理（有第二轮答复），已登记的各轮答复"
                                    "请在程序中修改"))
    return problems


def _rounds_problems(rd: RowData, p: Stored | None, wanted: dict[str, Any],
                     current: dict[str, Any]) -> list[tuple[str, str]]:
    """A row's 历次答复 (the rounds before the one it states): read into a new proposal's
    rounds; a registered proposal's rounds are changed in the window, not by a sheet."""
    earlier: tuple[RoundRow, ...] = tuple(rd.values.get("earlier_rounds", ()))
    role = rd.role
    if not earlier:
        return []
    if not role.answers_member:
        return [("earlier_rounds", f"{role.value}提案不直接答复提出人，没有历次答复")]
    if p is not None:
        if wanted["earlier_rounds"] != current.get("earlier_rounds", ""):
            return [("earlier_rounds", "历次答复与数据库中的不同：已登记提案的各轮答复请在程序中"
                                       "修改（导入只为新提案读入历次答复）")]
        return []
    problems: list[tuple[str, str]] = []
    today = dt.date.today()
    for r in earlier:
        if r.sent_on is None:
            problems.append(("earlier_rounds", f"历次答复第{r.round}轮没有答复日期"))
        elif r.satisfaction != Satisfaction.UNSATISFIED:
            problems.append(("earlier_rounds", f"历次答复第{r.round}轮的委员意见应为不满意"
                                               f"（其后才有第{r.round + 1}轮答复）"))
        for day, key in ((r.sent_on, "replied"), (r.opinion_date, "opinion_date")):
            try:
                handling.check_not_in_future(day, f"第{r.round}轮{LABELS[key]}", today)
            except UserError as exc:
                problems.append(("earlier_rounds", str(exc)))
    if not wanted.get("replied"):
        problems.append(("replied", f"有历次答复，却没有第{len(earlier) + 1}轮的答复日期"))
    return problems


def round_notes(rd: RowData, wanted: dict[str, Any]) -> list[tuple[str, str]]:
    """A new row's later rounds dated before the 不满意 that opened each (the window refuses
    them: handling.check_reply_dates): history, imported as the sheet says, with a warning."""
    earlier: tuple[RoundRow, ...] = tuple(rd.values.get("earlier_rounds", ()))
    rounds = [*earlier, RoundRow(len(earlier) + 1, wanted.get("replied"))]
    notes = []
    for before, r in itertools.pairwise(rounds):
        start, start_label = rules.round_began(r.round, None, before.opinion_date,
                                               before.sent_on)
        note = handling.history_before(r.sent_on, start, start_label,
                                       f"第{r.round}轮答复日期")
        if note:
            notes.append(("earlier_rounds" if r in earlier else "replied", note))
    return notes


def _assigned_problems(rd: RowData, wanted: dict[str, Any], current: dict[str, Any],
                       today: dt.date, held: dict[str, dt.date | None]
                       ) -> list[tuple[str, str]]:
    """A 交办日期 the row sets or changes, checked as the window checks it
    (handling.check_assigned): not after today, not after the dates held that must follow it
    (`held`: Stored.after_assigned, the window's dates_after_assigned; a kind the row also
    gives is checked against it above), and the 办理时限 not before it."""
    problems: list[tuple[str, str]] = []
    new = wanted.get("assigned")
    assigned = new or current.get("assigned")
    changed = bool(new) and new != current.get("assigned")
    if changed:
        given = {handling.SIGNED_ON: "signed", handling.REPLY_SENT: "replied",
                 handling.OPINION_SENT: "replied", handling.RETURN_ON: "return_on"}
        later = {label: day for label, day in held.items() if not wanted.get(given.get(label))}
        try:
            handling.check_assigned(new, later, today=today)
        except UserError as exc:
            first = handling.held_before(new, later)
            hint = "" if first is None else handling.corrected_assignment_hint(
                rd.number, new, first[0], Kind(rd.meeting.kind).assigning_office)
            problems.append(("assigned", f"{exc}{hint}"))
    due = wanted.get("due")
    if changed or (due and due != current.get("due")):  # what was stored before is let be
        try:
            handling.check_not_before_assigned(due or current.get("due"), assigned, handling.DUE_ON)
        except UserError as exc:
            problems.append(("due" if due else "assigned", str(exc)))
    return problems


def history_notes(rd: RowData, p: Stored | None, wanted: dict[str, Any],
                  current: dict[str, Any]) -> list[tuple[str, str]]:
    """What a row imported as it is leaves for the clerk to check: its history's dates before
    交办 (any role: a ledger records what happened; the window refuses typing them), and a
    change of role across answering and assisting that the office made after our answer
    (what was sent stays on record: handling.reassigned_note)."""
    notes: list[tuple[str, str]] = []
    assigned = wanted.get("assigned") or current.get("assigned")
    for key in ("replied", "opinion_date"):
        if wanted.get(key) and not wanted.get("earlier_rounds"):
            note = handling.history_before_assigned(wanted[key], assigned, LABELS[key])
            if note:
                notes.append((key, note))
    if wanted.get("earlier_rounds"):  # the first round begins at 交办, the later ones at 不满意
        first = rd.values["earlier_rounds"][0]
        note = handling.history_before_assigned(first.sent_on, assigned, "第1轮答复日期")
        if note:
            notes.append(("earlier_rounds", note))
        if p is None:
            notes += round_notes(rd, wanted)
    if p is not None and p.role != rd.role.value:
        held = p.after_assigned
        note = handling.reassigned_note(rd.role, old=Role(p.role),
                                        reply_sent=held.get(handling.REPLY_SENT),
                                        opinion_sent=held.get(handling.OPINION_SENT))
        if note:  # at the 办理方式 column, or where a 交办清单 lists us in the new role
            key = "role" if "role" in rd.cells else next(
                (k for k, r in UNIT_FIELDS.items() if r is rd.role and k in rd.cells), "role")
            notes.append((key, f"注意：第{rd.number}号办理方式由{p.role}改为"
                                  f"{rd.role.value}；{note}"))
    return notes


def compare_row(rd: RowData, p: Stored | None, settings: BureauSettings) -> Outcome:
    wanted = wanted_values(rd, p, settings)
    current = p.current if p else {}
    problems = check_rules(rd, p, wanted, settings, current)
    if problems:
        return Outcome(Action.ERROR, problems=problems)
    notes = history_notes(rd, p, wanted, current)
    if p is not None and p.second_round and "earlier_rounds" not in rd.cells:
        # a sheet without 历次答复 (a ledger exported before it was added) cannot say which
        # round its answer columns mean: the rounds on record stand
        dropped = [k for k in ("replied", "category", "doc_number", "signer", "publicity",
                               "satisfaction", "opinion_date")
                   if k in wanted and wanted.pop(k) != current.get(k)]
        if dropped:
            notes.append(("replied", f"注意：第{rd.number}号已重新办理（有第2轮答复），本表没有"
                                     "“历次答复”栏，表中的答复信息未导入（以程序中的各轮答复为准）"))
    record_date = None
    reason = ""
    if "methods" in wanted:
        known = [d for d in (wanted.get("signed") or (p.signed_on if p else None),
                             wanted.get("assigned") or (p.assigned_on if p else None),
                             wanted.get("replied")) if d]
        if known:  # a contact is never before 交办 (handling.add_record)
            assigned = wanted.get("assigned") or (p.assigned_on if p else None)
            record_date = min(max(min(known), assigned or dt.date.min), dt.date.today())
        else:
            reason = "沟通方式无日期可依（交办、签收、答复日期都为空），未登记沟通记录"
            wanted.pop("methods")
    if p is None:
        return Outcome(Action.ADD, reason, wanted=wanted, record_date=record_date, notes=notes)
    changes: list[Change] = []
    for key, value in wanted.items():
        old = current.get(key)
        if key == "due" and (value == p.due or value == old):
            continue
        if key == "methods":
            missing = tuple(m for m in value if m not in old)
            if missing:
                changes.append(Change(LABELS[key], show(old), show(old + missing)))
            continue
        if value != old:
            new = show(value) if value is not None or key != "due" else \
                f"（按{rd.role.value}的时限计算）"  # handling.due_for_role
            changes.append(Change(LABELS[key], show(old), new))
    if not changes:
        return Outcome(Action.SAME, reason or "与数据库一致", stored=p, notes=notes)
    return Outcome(Action.UPDATE, reason, changes, wanted=wanted, stored=p,
                    record_date=record_date, notes=notes)


