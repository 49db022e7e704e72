"""The annual report's figures, computed from the records and never typed. Each definition is
written where its figure is computed."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from proposal_desk.core import rules
from proposal_desk.core.enums import ROLE_ORDER, Role, Satisfaction, Status
from proposal_desk.core.percent import percent, percent_text
from proposal_desk.core.settings import BureauSettings, Deadlines
from proposal_desk.storage.facts import facts_of
from proposal_desk.storage.models import (
    Correspondence,
    FollowUp,
    Meeting,
    MemberOpinion,
    Proposal,
    ProposalTopic,
    Reply,
    Section,
    Staff,
    Topic,
)


@dataclass(frozen=True)
class Digest:
    """One proposal as the report counts and lists it."""

    id: int
    kind: str
    meeting: str
    year: int
    number: str
    title: str
    proposers: str
    role: str
    section: str
    handler: str
    status: str
    category: str
    satisfaction: str
    replied_on: Any  # dt.date | None: first reply (主办/分办) or 会办意见 sent
    key: bool
    supervisor: str
    topics: tuple[str, ...]
    on_time: bool | None  # None: not answered yet
    face_to_face: bool
    summary: str
    merged_with: str
    due: Any = None  # dt.date | None: the due date now in force (cached column)
    contacted: bool = False  # any contact with the member on record
    # 不满意 opinions that a later sent reply answered (the proposal was handled again); the
    # category and satisfaction above are those of the latest round.
    unsatisfied_before: int = 0
    again_on: Any = None  # dt.date | None: the latest reply, when it answers a 不满意
    # The member's own 是否当面沟通：是 on an opinion form (征询意见表) of any round.
    met_by_form: bool = False

    @property
    def rehandled(self) -> bool:
        return self.unsatisfied_before > 0

    @property
    def answers_member(self) -> bool:
        return Role(self.role).answers_member


def unsatisfied_before(sent: dict[int, Any], unsatisfied_rounds: set[int]) -> int:
    """How many 不满意 opinions were followed by a later sent reply (a handling again);
    `sent` maps each sent reply's round to its date."""
    last = max(sent, default=0)
    return sum(1 for r in unsatisfied_rounds if r < last)


def again_on(sent: dict[int, Any], unsatisfied_rounds: set[int]) -> Any:
    """The date of the latest reply when it answers a 不满意 opinion, else None."""
    return sent[max(sent)] if unsatisfied_before(sent, unsatisfied_rounds) else None


def digest(p: Proposal, deadlines: Deadlines) -> Digest:
    """One loaded proposal as a Digest, from its records (load_digests reads columns)."""
    facts = facts_of(p)
    unsatisfied = {o.round for o in p.member_opinions
                   if o.satisfaction == Satisfaction.UNSATISFIED.value}
    return Digest(
        id=p.id, kind=p.meeting.kind, meeting=p.meeting.name, year=p.meeting.year,
        number=p.number, title=p.title, proposers=p.proposer_names,
        role=p.role, section=p.section.name if p.section else "",
        handler=p.handler.name if p.handler else "", status=p.status, category=p.category,
        satisfaction=p.satisfaction, replied_on=p.replied_on, key=p.key,
        supervisor=p.supervisor, topics=tuple(sorted(t.topic.name for t in p.topics)),
        on_time=rules.is_on_time(facts, deadlines),
        face_to_face=rules.has_face_to_face(facts.contacts),
        summary=p.summary, merged_with=p.merged_with, due=p.due,
        contacted=bool(facts.contacts),
        unsatisfied_before=unsatisfied_before(facts.replies_sent, unsatisfied),
        again_on=again_on(facts.replies_sent, unsatisfied),
        met_by_form=any(o.visited for o in p.member_opinions),
    )


def timing_facts(role: str, assigned_on: Any, due_override: Any, reply_due: Any,
                 assist_due: Any, replied_on: Any) -> rules.ProposalFacts:
    """What rules.is_on_time reads, from columns: the first answer's date is the cached
    `replied_on` (first reply for 主办/分办, 会办意见 for 协办/会办)."""
    r = Role(role)
    return rules.ProposalFacts(
        role=r, assigned_on=assigned_on, explicit_due=due_override,
        meeting_reply_due=reply_due, meeting_assist_due=assist_due,
        replies_sent={1: replied_on} if r.answers_member and replied_on else {},
        assist_sent_on=None if r.answers_member else replied_on,
    )


def load_digests(session: Session, deadlines: Deadlines, *, year: int | None = None,
                 meeting_id: int | None = None) -> list[Digest]:
    """The proposals of a year (or a meeting), read by columns in three queries rather than
    as ORM objects with their records: for 1,000 proposals that load cost as much as the
    whole render. The cached columns read here (status, category, satisfaction, replied_on,
    proposer_names) are set from storage.facts.facts_of by storage.hooks on every commit,
    so they say what the records say."""
    handler = aliased(Staff)
    scope = select(Proposal.id).join(Meeting, Proposal.meeting_id == Meeting.id)
    if year is not None:
        scope = scope.where(Meeting.year == year)
    if meeting_id is not None:
        scope = scope.where(Proposal.meeting_id == meeting_id)
    in_scope = scope.scalar_subquery()
    rows = session.execute(
        select(Proposal.id, Meeting.kind, Meeting.name, Meeting.year, Meeting.reply_due,
               Meeting.assist_due, Proposal.number, Proposal.title, Proposal.proposer_names,
               Proposal.role, Section.name, handler.name, Proposal.status, Proposal.category,
               Proposal.satisfaction, Proposal.replied_on, Proposal.key, Proposal.supervisor,
               Proposal.assigned_on, Proposal.due_override, Proposal.summary,
               Proposal.merged_with, Proposal.due)
        .join(Meeting, Proposal.meeting_id == Meeting.id)
        .outerjoin(Section, Proposal.section_id == Section.id)
        .outerjoin(handler, Proposal.handler_id == handler.id)
        .where(Proposal.id.in_(in_scope))
    ).all()
    contacts: dict[int, list[rules.ContactFact]] = defaultdict(list)
    for pid, day, method in session.execute(
            select(Correspondence.proposal_id, Correspondence.date, Correspondence.method)
            .where(Correspondence.proposal_id.in_(in_scope))):
        contacts[pid].append(rules.ContactFact(day, method))
    topics: dict[int, list[str]] = defaultdict(list)
    for pid, name in session.execute(
            select(ProposalTopic.proposal_id, Topic.name).join(Topic)
            .where(ProposalTopic.proposal_id.in_(in_scope)).order_by(Topic.name)):
        topics[pid].append(name)
    sent_rounds: dict[int, dict[int, Any]] = defaultdict(dict)
    for pid, round_, sent_on in session.execute(
            select(Reply.proposal_id, Reply.round, Reply.sent_on)
            .where(Reply.proposal_id.in_(in_scope), Reply.sent_on.is_not(None))):
        sent_rounds[pid][round_] = sent_on
    unsatisfied: dict[int, set[int]] = defaultdict(set)
    for pid, round_ in session.execute(
            select(MemberOpinion.proposal_id, MemberOpinion.round)
            .where(MemberOpinion.proposal_id.in_(in_scope),
                   MemberOpinion.satisfaction == Satisfaction.UNSATISFIED.value)):
        unsatisfied[pid].add(round_)
    met_by_form = set(session.scalars(
        select(MemberOpinion.proposal_id)
        .where(MemberOpinion.proposal_id.in_(in_scope), MemberOpinion.visited.is_(True))))
    result = []
    for (pid, kind, meeting, meeting_year, reply_due, assist_due, number, title, proposers,
         role, section, handler_name, status, category, satisfaction, replied_on, key,
         supervisor, assigned_on, due_override, summary, merged_with, due) in rows:
        facts = timing_facts(role, assigned_on, due_override, reply_due, assist_due,
                             replied_on)
        result.append(Digest(
            id=pid, kind=kind, meeting=meeting, year=meeting_year, number=number, title=title,
            proposers=proposers, role=role, section=section or "",
            handler=handler_name or "", status=status, category=category,
            satisfaction=satisfaction, replied_on=replied_on, key=key,
            supervisor=supervisor, topics=tuple(topics.get(pid, ())),
            on_time=rules.is_on_time(facts, deadlines),
            face_to_face=rules.has_face_to_face(tuple(contacts.get(pid, ()))),
            summary=summary, merged_with=merged_with, due=due,
            contacted=pid in contacts,
            unsatisfied_before=unsatisfied_before(sent_rounds.get(pid, {}),
                                                  unsatisfied.get(pid, set())),
            again_on=again_on(sent_rounds.get(pid, {}), unsatisfied.get(pid, set())),
            met_by_form=pid in met_by_form,
        ))
    return sorted(result, key=sort_key)


def sort_key(d: Digest) -> tuple[Any, ...]:
    """Meeting, then number in numeric order where the number is digits (9 before 10)."""
    parts = [int(x) if x.isdigit() else x for x in re.split(r"(\d+)", d.number) if x]
    return (d.meeting, [(0, x) if isinstance(x, int) else (1, x) for x in parts])


# ---- arithmetic (percent, percent_text: core/percent.py) ----------------------------------

@dataclass(frozen=True)
class Share:
    name: str  # A
    meaning: str  # 所提问题已经解决或者基本解决的
    count: int
    percent: Decimal | None

    @property
    def percent_text(self) -> str:
        return percent_text(self.percent)


@dataclass(frozen=True)
class ReportFigures:
    total: int
    returned: int
    by_meeting: tuple[tuple[str, str, int], ...]  # (meeting, kind, count)
    by_role: dict[str, int]
    answered: int
    closed: int
    reopened: int
    in_progress: int
    category_base: int
    categories: tuple[Share, ...]
    opinions: int
    satisfied: int
    basically: int
    unsatisfied: int
    satisfaction_rate: Decimal | None
    satisfied_or_basic_rate: Decimal | None
    answer_rate: Decimal | None
    replied: int
    on_time: int
    on_time_rate: Decimal | None
    face_base: int
    face_count: int
    face_rate: Decimal | None
    topics: tuple[tuple[str, int], ...]
    key: tuple[Digest, ...]
    prior_year: int | None
    prior_b: int
    prior_b_done: int
    kinds: tuple[str, ...] = field(default=())
    # Not answered yet and past the due date (so not in the 按时办结率's base at all).
    overdue_unanswered: int = 0
    # Handled again after a 不满意 opinion and answered again: the latest round's outcome.
    rehandled: tuple[Digest, ...] = ()
    # Answered 主办/分办 proposals without any contact with the member on record.
    answered_without_contact: int = 0
    # Of `reopened`: 不满意 on record without the date it came back (a ledger's last word),
    # so no re-handling is known.
    reopened_unrecorded: int = 0
    # Of `closed`: answered, the member's opinion not back yet (the window's 已答复; the
    # rest of `closed` is the window's 已办结).
    awaiting_opinion: int = 0
    # 退回 requested, not decided yet: neither 办结 nor being handled.
    returning: int = 0
    # The 按时办结率's base: answered, and late without an answer (answered + overdue).
    on_time_base: int = 0
    # Of `face_count`: met by the member's own word on the opinion form (是否当面沟通：是),
    # with no face-to-face contact on record.
    face_by_form: int = 0
    # The two kinds of answer, apart (as the reference reports state them): replies to the
    # member for 主办/分办 proposals, opinions sent to the lead unit for 协办/会办 ones. Each
    # pair adds up to `answered` and `on_time`; `*_outstanding` are not answered yet and not
    # waiting for a 退回 decision.
    member_replied: int = 0
    member_replied_on_time: int = 0
    member_outstanding: int = 0
    opinions_sent: int = 0
    opinions_sent_on_time: int = 0
    opinions_outstanding: int = 0

    @property
    def answering(self) -> int:
        """主办 and 分办 proposals (we answer the member)."""
        return self.lead + self.split

    @property
    def assisting(self) -> int:
        """协办 and 会办 proposals (we send our opinion to the lead unit)."""
        return self.assist + self.joint

    @property
    def lead(self) -> int:
        return self.by_role.get(Role.LEAD.value, 0)

    @property
    def assist(self) -> int:
        return self.by_role.get(Role.ASSIST.value, 0)

    @property
    def joint(self) -> int:
        return self.by_role.get(Role.JOINT.value, 0)

    @property
    def split(self) -> int:
        return self.by_role.get(Role.SPLIT.value, 0)

    def category(self, name: str) -> Share | None:
        return next((s for s in self.categories if s.name == name), None)

    def as_context(self) -> dict[str, Any]:
        """Plain values for templates: counts as numbers, rates as text such as 75.0%."""
        return {
            "total": self.total, "returned": self.returned, "lead": self.lead,
            "assist": self.assist, "joint": self.joint, "split": self.split,
            "answered": self.answered, "closed": self.closed, "reopened": self.reopened,
            "in_progress": self.in_progress, "category_base": self.category_base,
            "categories": {s.name: {"count": s.count, "percent": s.percent_text}
                           for s in self.categories},
            "opinions": self.opinions, "satisfied": self.satisfied,
            "basically": self.basically, "unsatisfied": self.unsatisfied,
            "satisfaction_rate": percent_text(self.satisfaction_rate),
            "satisfied_or_basic_rate": percent_text(self.satisfied_or_basic_rate),
            "answer_rate": percent_text(self.answer_rate), "replied": self.replied,
            "on_time": self.on_time, "on_time_rate": percent_text(self.on_time_rate),
            "face_base": self.face_base, "face_count": self.face_count,
            "face_rate": percent_text(self.face_rate),
            "topics": "、".join(name for name, _ in self.topics),
            "key_count": len(self.key), "prior_b": self.prior_b,
            "prior_b_done": self.prior_b_done, "overdue_unanswered": self.overdue_unanswered,
            "rehandled": len(self.rehandled),
            "answered_without_contact": self.answered_without_contact,
            "awaiting_opinion": self.awaiting_opinion, "returning": self.returning,
            "on_time_base": self.on_time_base, "face_by_form": self.face_by_form,
            "member_replied": self.member_replied,
            "member_replied_on_time": self.member_replied_on_time,
            "member_outstanding": self.member_outstanding,
            "opinions_sent": self.opinions_sent,
            "opinions_sent_on_time": self.opinions_sent_on_time,
            "opinions_outstanding": self.opinions_outstanding,
        }


ANSWERED_STATUSES = frozenset({Status.REPLIED.value, Status.CLOSED.value,
                               Status.REOPENED.value})
CLOSED_STATUSES = frozenset({Status.REPLIED.value, Status.CLOSED.value})


@dataclass(frozen=True)
class PriorB:
    """Last year's B answers (回头看): how many, and how many a follow-up marks 落实."""

    year: int
    total: int
    carried_out: int


def load_prior_b(session: Session, year: int) -> PriorB:
    """B answers of 主办/分办 proposals of `year` (not returned), by columns only."""
    carried = (select(FollowUp.id).where(FollowUp.proposal_id == Proposal.id,
                                         FollowUp.carried_out.is_(True)).exists())
    rows = session.execute(
        select(carried).select_from(Proposal).join(Meeting)
        .where(Meeting.year == year, Proposal.category == "B",
               Proposal.role.in_([r.value for r in Role if r.answers_member]),
               Proposal.status != Status.RETURNED.value)
    ).all()
    return PriorB(year, len(rows), sum(1 for (done,) in rows if done))


def compute(digests: list[Digest], settings: BureauSettings,
            prior: PriorB | None = None, today: Any = None) -> ReportFigures:
    """Every figure of the report from the proposals in scope (and last year's, for the
    follow-up of B answers); `today` (a date) dates the count of overdue unanswered ones."""
    # A proposal the proposal office took back (退回 accepted) was never ours: it is counted
    # apart and left out of every other figure.
    returned = [d for d in digests if d.status == Status.RETURNED.value]
    ours = [d for d in digests if d.status != Status.RETURNED.value]
    total = len(ours)

    meetings: Counter[tuple[str, str]] = Counter((d.meeting, d.kind) for d in ours)
    by_role = {r.value: 0 for r in ROLE_ORDER}
    for d in ours:
        by_role[d.role] = by_role.get(d.role, 0) + 1

    # 办复 (answered): the first reply (主办/分办) or the 会办意见 (协办/会办) has been sent.
    answered = sum(1 for d in ours if d.replied_on is not None)
    # 办结 (closed), as handling reports count it (reference/: 均已办结 = every one answered):
    # answered and not reopened by a 不满意 opinion, i.e. status 已答复 or 已办结. The window
    # keeps the two apart (已办结: opinion back or 会办意见 sent; 已答复: awaiting the
    # member's opinion), so the report says how many of its 办结 are still 已答复.
    closed = sum(1 for d in ours if d.status in CLOSED_STATUSES)
    awaiting = sum(1 for d in ours if d.status == Status.REPLIED.value)
    reopened = sum(1 for d in ours if d.status == Status.REOPENED.value)
    returning = sum(1 for d in ours if d.status == Status.RETURNING.value)
    # A 不满意 with no date it came back has no re-handling deadline: a ledger's history,
    # where nothing says the proposal is being handled again.
    unrecorded = sum(1 for d in ours if d.status == Status.REOPENED.value and d.due is None)
    in_progress = total - closed - reopened - returning

    # Categories count only 主办 and 分办 proposals that have one. A proposal handled again
    # after 不满意 counts once, with the category of its latest sent reply (the answer that
    # stands); the report says separately how many were handled again and with what result.
    # Each percentage is count / that base × 100, rounded half up to one decimal.
    categorised = [d for d in ours if d.answers_member and d.category]
    base = len(categorised)
    counts = Counter(d.category for d in categorised)
    names = list(settings.categories) + sorted(set(counts) - set(settings.categories))
    categories = tuple(Share(n, settings.categories.get(n, ""), counts.get(n, 0),
                             percent(counts.get(n, 0), base)) for n in names)

    # 满意率 = 满意 / opinions received; 满意及基本满意率 = (满意 + 基本满意) / opinions
    # received. A proposal's opinion is its latest (a second round replaces the first).
    opinions = [d.satisfaction for d in ours if d.answers_member and d.satisfaction]
    satisfied = opinions.count(Satisfaction.SATISFIED.value)
    basically = opinions.count(Satisfaction.BASICALLY.value)
    unsatisfied = opinions.count(Satisfaction.UNSATISFIED.value)

    # 按时办结率 = answered on or before the due date / (answered + past the due date and not
    # answered yet) (rules.is_on_time: the first reply for 主办/分办, the 会办意见 for
    # 协办/会办, against the due date then in force). A late proposal without an answer is
    # surely not on time, so it is in the base; one not due yet cannot be judged and is not.
    # At the year's end, when every one is due, the base is every proposal.
    timed = [d.on_time for d in ours if d.on_time is not None]
    on_time = sum(1 for t in timed if t)
    waiting = (Status.PENDING_SIGN.value, Status.IN_PROGRESS.value)
    overdue_unanswered = sum(
        1 for d in ours if today is not None and d.replied_on is None
        and d.status in waiting and d.due is not None and d.due < today)

    # 见面率 = answered 主办/分办 proposals met face to face / answered 主办/分办 proposals.
    # Met: a face-to-face contact (上门面商, 座谈会, 现场调研) on record, or the member's own
    # 是否当面沟通：是 on the opinion form. The form is the member's signed word and what the
    # proposal office reads 不见面不答复 by, so it counts; the report says how many rest on it
    # alone (a meeting the handler did not record), so the figure can be traced.
    face_base = [d for d in ours if d.answers_member and d.replied_on is not None]
    face_count = sum(1 for d in face_base if d.face_to_face or d.met_by_form)
    face_by_form = sum(1 for d in face_base if d.met_by_form and not d.face_to_face)
    without_contact = sum(1 for d in face_base if not d.contacted)

    topic_counts = Counter(t for d in ours for t in d.topics)
    topics = tuple(sorted(topic_counts.items(), key=lambda kv: (-kv[1], kv[0])))

    # 答复 (to the member) and 协办/会办意见 (to the lead unit) apart: `answered` and `on_time`
    # add the two, which a reader takes as members answered (newcomer's try-out F12).
    answering = [d for d in ours if d.answers_member]
    assisting = [d for d in ours if not d.answers_member]

    def outstanding(group: list[Digest]) -> int:
        return sum(1 for d in group
                   if d.replied_on is None and d.status != Status.RETURNING.value)

    return ReportFigures(
        total=total, returned=len(returned),
        by_meeting=tuple((m, k, c) for (m, k), c in meetings.items()),
        by_role=by_role, answered=answered, closed=closed, reopened=reopened,
        in_progress=in_progress, category_base=base, categories=categories,
        opinions=len(opinions), satisfied=satisfied, basically=basically,
        unsatisfied=unsatisfied,
        satisfaction_rate=percent(satisfied, len(opinions)),
        satisfied_or_basic_rate=percent(satisfied + basically, len(opinions)),
        answer_rate=percent(answered, total),
        replied=len(timed), on_time=on_time,
        on_time_rate=percent(on_time, len(timed) + overdue_unanswered),
        face_base=len(face_base), face_count=face_count,
        face_rate=percent(face_count, len(face_base)),
        topics=topics, key=tuple(d for d in ours if d.key),
        prior_year=prior.year if prior else None, prior_b=prior.total if prior else 0,
        prior_b_done=prior.carried_out if prior else 0,
        kinds=tuple(sorted({d.kind for d in ours})),
        overdue_unanswered=overdue_unanswered,
        rehandled=tuple(d for d in ours if d.answers_member and d.rehandled),
        answered_without_contact=without_contact,
        reopened_unrecorded=unrecorded, awaiting_opinion=awaiting, returning=returning,
        on_time_base=len(timed) + overdue_unanswered,
        face_by_form=face_by_form,
        member_replied=sum(1 for d in answering if d.replied_on is not None),
        member_replied_on_time=sum(1 for d in answering if d.on_time),
        member_outstanding=outstanding(answering),
        opinions_sent=sum(1 for d in assisting if d.replied_on is not None),
        opinions_sent_on_time=sum(1 for d in assisting if d.on_time),
        opinions_outstanding=outstanding(assisting),
    )
