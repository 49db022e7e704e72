"""The register's tables (SQLAlchemy 2, typed). Status is never stored as typed text: the
`status` column is a cache that storage.hooks refreshes from the facts on every flush."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy import text as sql_text  # not `text`: the models have columns of that name
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

# Stable constraint names: Alembic's batch mode on SQLite needs them to alter tables later.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def _now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Setting(Base):
    """Key/value settings kept in the database, so a copied data folder keeps them."""

    __tablename__ = "setting"
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[object] = mapped_column(JSON)


class Meeting(Base):
    """A plenary session whose proposals we handle, e.g. 区政协十四届四次会议 (2025)."""

    __tablename__ = "meeting"
    __table_args__ = (UniqueConstraint("kind", "name"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(4))  # Kind
    name: Mapped[str] = mapped_column(String(100))  # display name: 区政协十四届四次会议
    body: Mapped[str] = mapped_column(String(50), default="")  # 区政协, 市人大
    term: Mapped[int | None] = mapped_column(Integer)  # 届
    session: Mapped[int | None] = mapped_column(Integer)  # 次
    year: Mapped[int] = mapped_column(Integer, index=True)
    # Fixed dates from the office's notice override the per-role durations.
    reply_due: Mapped[dt.date | None] = mapped_column(Date)  # 主办/分办 answers by
    assist_due: Mapped[dt.date | None] = mapped_column(Date)  # 协办/会办 opinions by
    return_due: Mapped[dt.date | None] = mapped_column(Date)  # 退回 requests by

    proposals: Mapped[list[Proposal]] = relationship(back_populates="meeting")


class Member(Base):
    """A member or deputy, or a body filing a collective proposal (民建区委会, a 界别)."""

    __tablename__ = "member"
    __table_args__ = (UniqueConstraint("name"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    collective: Mapped[bool] = mapped_column(Boolean, default=False)
    sector: Mapped[str] = mapped_column(String(50), default="")  # 界别
    phone: Mapped[str] = mapped_column(String(50), default="")
    notes: Mapped[str] = mapped_column(Text, default="")


class Unit(Base):
    """Another government unit named as lead or assisting unit."""

    __tablename__ = "unit"
    __table_args__ = (UniqueConstraint("name"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))


class Section(Base):
    """A section (科室/处室) of our bureau."""

    __tablename__ = "section"
    __table_args__ = (UniqueConstraint("name"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Staff(Base):
    """A person of our bureau: handler (承办人), deputy director (分管领导) or director."""

    __tablename__ = "staff"
    __table_args__ = (UniqueConstraint("name", "section_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50))
    section_id: Mapped[int | None] = mapped_column(ForeignKey("section.id"))
    title: Mapped[str] = mapped_column(String(50), default="")  # 科长, 副局长
    phone: Mapped[str] = mapped_column(String(50), default="")
    is_leader: Mapped[bool] = mapped_column(Boolean, default=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    section: Mapped[Section | None] = relationship()


class Topic(Base):
    __tablename__ = "topic"
    __table_args__ = (UniqueConstraint("name"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50))


class ProposalTopic(Base):
    __tablename__ = "proposal_topic"
    proposal_id: Mapped[int] = mapped_column(
        ForeignKey("proposal.id", ondelete="CASCADE"), primary_key=True
    )
    topic_id: Mapped[int] = mapped_column(ForeignKey("topic.id"), primary_key=True)
    topic: Mapped[Topic] = relationship()


class Proposal(Base):
    """One proposal (or suggestion) assigned to our bureau for one meeting."""

    __tablename__ = "proposal"
    __table_args__ = (
        UniqueConstraint("meeting_id", "number"),
        Index("ix_proposal_status_due", "status", "due"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id"), index=True)
    number: Mapped[str] = mapped_column(String(40))
    title: Mapped[str] = mapped_column(String(500))
    sector: Mapped[str] = mapped_column(String(50), default="")  # 界别 of the lead proposer
    role: Mapped[str] = mapped_column(String(4))  # Role
    key: Mapped[bool] = mapped_column(Boolean, default=False)  # 重点提案
    supervisor: Mapped[str] = mapped_column(String(100), default="")  # 督办领导
    assigned_on: Mapped[dt.date | None] = mapped_column(Date)  # 交办日期
    due_override: Mapped[dt.date | None] = mapped_column(Date)  # explicit 办理时限; else rules
    signed_on: Mapped[dt.date | None] = mapped_column(Date)  # 签收日期
    section_id: Mapped[int | None] = mapped_column(ForeignKey("section.id"), index=True)
    handler_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"), index=True)
    leader_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    merged_with: Mapped[str] = mapped_column(String(200), default="")  # 并案: other numbers
    summary: Mapped[str] = mapped_column(Text, default="")  # work done, for the annual report
    notes: Mapped[str] = mapped_column(Text, default="")  # 备注
    # Caches for fast lists, refreshed from the facts by storage.hooks on every commit.
    status: Mapped[str] = mapped_column(String(8), default="待签收", index=True)
    due: Mapped[dt.date | None] = mapped_column(Date)  # effective due date
    category: Mapped[str] = mapped_column(String(4), default="")  # latest reply's
    satisfaction: Mapped[str] = mapped_column(String(6), default="")  # latest opinion's
    replied_on: Mapped[dt.date | None] = mapped_column(Date)  # first reply / 会办意见 sent
    proposer_names: Mapped[str] = mapped_column(Text, default="")  # 领衔人、联名人…
    lead_unit: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(Integer, default=1)  # optimistic locking
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now, onupdate=_now)

    meeting: Mapped[Meeting] = relationship(back_populates="proposals")
    section: Mapped[Section | None] = relationship()
    handler: Mapped[Staff | None] = relationship(foreign_keys=[handler_id])
    leader: Mapped[Staff | None] = relationship(foreign_keys=[leader_id])
    proposers: Mapped[list[ProposalMember]] = relationship(
        cascade="all, delete-orphan", order_by="ProposalMember.position",
        back_populates="proposal",
    )
    units: Mapped[list[ProposalUnit]] = relationship(
        cascade="all, delete-orphan", order_by="ProposalUnit.position",
        back_populates="proposal",
    )
    topics: Mapped[list[ProposalTopic]] = relationship(cascade="all, delete-orphan")
    records: Mapped[list[Correspondence]] = relationship(
        cascade="all, delete-orphan", order_by="Correspondence.date",
        back_populates="proposal",
    )
    replies: Mapped[list[Reply]] = relationship(
        cascade="all, delete-orphan", order_by="Reply.round", back_populates="proposal"
    )
    assist_opinions: Mapped[list[AssistOpinion]] = relationship(
        cascade="all, delete-orphan", back_populates="proposal"
    )
    member_opinions: Mapped[list[MemberOpinion]] = relationship(
        cascade="all, delete-orphan", order_by="MemberOpinion.round", back_populates="proposal"
    )
    returns: Mapped[list[ReturnRequest]] = relationship(
        cascade="all, delete-orphan", back_populates="proposal"
    )
    follow_ups: Mapped[list[FollowUp]] = relationship(
        cascade="all, delete-orphan", order_by="FollowUp.date", back_populates="proposal"
    )
    attachments: Mapped[list[Attachment]] = relationship(
        cascade="all, delete-orphan", back_populates="proposal"
    )
    status_history: Mapped[list[StatusChange]] = relationship(
        cascade="all, delete-orphan", order_by="StatusChange.id", back_populates="proposal"
    )

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012

    @property
    def lead_proposer(self) -> str:
        return self.proposers[0].member.name if self.proposers else ""

    @property
    def co_signers(self) -> list[str]:
        return [p.member.name for p in self.proposers[1:]]

    def units_in(self, role: str) -> list[str]:
        return [u.unit_name for u in self.units if u.role == role]


class ProposalMember(Base):
    """A proposer: position 0 is the lead proposer (领衔人), the others co-signers (联名人)."""

    __tablename__ = "proposal_member"
    proposal_id: Mapped[int] = mapped_column(
        ForeignKey("proposal.id", ondelete="CASCADE"), primary_key=True
    )
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id"), primary_key=True, index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    proposal: Mapped[Proposal] = relationship(back_populates="proposers")
    member: Mapped[Member] = relationship(lazy="joined")


class ProposalUnit(Base):
    """A unit named on the assignment (主办单位, 协办单位…); our own bureau appears too."""

    __tablename__ = "proposal_unit"
    proposal_id: Mapped[int] = mapped_column(
        ForeignKey("proposal.id", ondelete="CASCADE"), primary_key=True
    )
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id"), primary_key=True)
    role: Mapped[str] = mapped_column(String(4))
    position: Mapped[int] = mapped_column(Integer, default=0)
    proposal: Mapped[Proposal] = relationship(back_populates="units")
    unit: Mapped[Unit] = relationship(lazy="joined")

    @property
    def unit_name(self) -> str:
        return self.unit.name


class Blob(Base):
    """Attachment content, stored once per SHA-256 inside the database (moves with it)."""

    __tablename__ = "blob"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(Integer)
    data: Mapped[bytes] = mapped_column(LargeBinary)


class Attachment(Base):
    __tablename__ = "attachment"
    id: Mapped[int] = mapped_column(primary_key=True)
    proposal_id: Mapped[int] = mapped_column(
        ForeignKey("proposal.id", ondelete="CASCADE"), index=True
    )
    record_id: Mapped[int | None] = mapped_column(
        ForeignKey("correspondence.id", ondelete="CASCADE"), index=True
    )
    reply_id: Mapped[int | None] = mapped_column(ForeignKey("reply.id", ondelete="SET NULL"))
    original_name: Mapped[str] = mapped_column(String(255))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(ForeignKey("blob.sha256"), index=True)
    description: Mapped[str] = mapped_column(String(200), default="")
    added_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)

    proposal: Mapped[Proposal] = relationship(back_populates="attachments")
    record: Mapped[Correspondence | None] = relationship(back_populates="attachments")


class Correspondence(Base):
    """A contact (沟通记录) with the member, the lead unit or others."""

    __tablename__ = "correspondence"
    id: Mapped[int] = mapped_column(primary_key=True)
    proposal_id: Mapped[int] = mapped_column(
        ForeignKey("proposal.id", ondelete="CASCADE"), index=True
    )
    date: Mapped[dt.date] = mapped_column(Date)
    method: Mapped[str] = mapped_column(String(10))  # Method
    stage: Mapped[str] = mapped_column(String(4))  # Stage
    our_people: Mapped[str] = mapped_column(String(200), default="")
    their_people: Mapped[str] = mapped_column(String(200), default="")
    place: Mapped[str] = mapped_column(String(200), default="")
    content: Mapped[str] = mapped_column(Text, default="")
    attitude: Mapped[str] = mapped_column(String(200), default="")  # the member's attitude
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)

    proposal: Mapped[Proposal] = relationship(back_populates="records")
    attachments: Mapped[list[Attachment]] = relationship(back_populates="record")


class Reply(Base):
    """The formal reply (答复) of one handling round, for 主办/分办."""

    __tablename__ = "reply"
    __table_args__ = (
        UniqueConstraint("proposal_id", "round"),
        # The list's reply date of a proposal handled again (services.rows.LATER_ROUNDS_SQL)
        # from a few hundred index entries, not from the replies' pages of text.
        Index("ix_reply_later_rounds", "proposal_id", "round", "sent_on",
              sqlite_where=sql_text("round > 1"), postgresql_where=sql_text("round > 1")),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    proposal_id: Mapped[int] = mapped_column(
        ForeignKey("proposal.id", ondelete="CASCADE"), index=True
    )
    round: Mapped[int] = mapped_column(Integer, default=1)
    category: Mapped[str] = mapped_column(String(4), default="")  # A/B/C/D from settings
    text: Mapped[str] = mapped_column(Text, default="")
    doc_number: Mapped[str] = mapped_column(String(60), default="")  # 发文字号
    doc_year: Mapped[int | None] = mapped_column(Integer)
    doc_serial: Mapped[int | None] = mapped_column(Integer)
    signer: Mapped[str] = mapped_column(String(50), default="")  # 签发人
    step: Mapped[str] = mapped_column(String(10), default="初稿")  # ReviewStep
    drafted_on: Mapped[dt.date | None] = mapped_column(Date)
    reviewed_on: Mapped[dt.date | None] = mapped_column(Date)
    reviewer: Mapped[str] = mapped_column(String(50), default="")
    signed_on: Mapped[dt.date | None] = mapped_column(Date)
    sent_on: Mapped[dt.date | None] = mapped_column(Date)  # 答复日期: the letter went out
    publicity: Mapped[str] = mapped_column(String(6), default="公开")
    contact_name: Mapped[str] = mapped_column(String(50), default="")
    contact_phone: Mapped[str] = mapped_column(String(50), default="")
    cc: Mapped[str] = mapped_column(String(300), default="")  # 抄送
    joint_letter: Mapped[bool] = mapped_column(Boolean, default=True)

    proposal: Mapped[Proposal] = relationship(back_populates="replies")


class AssistOpinion(Base):
    """The 会办意见 an assisting unit sends to the lead unit."""

    __tablename__ = "assist_opinion"
    id: Mapped[int] = mapped_column(primary_key=True)
    proposal_id: Mapped[int] = mapped_column(
        ForeignKey("proposal.id", ondelete="CASCADE"), index=True
    )
    text: Mapped[str] = mapped_column(Text, default="")
    doc_number: Mapped[str] = mapped_column(String(60), default="")
    doc_year: Mapped[int | None] = mapped_column(Integer)
    doc_serial: Mapped[int | None] = mapped_column(Integer)
    signer: Mapped[str] = mapped_column(String(50), default="")
    sent_on: Mapped[dt.date | None] = mapped_column(Date)
    contact_name: Mapped[str] = mapped_column(String(50), default="")
    contact_phone: Mapped[str] = mapped_column(String(50), default="")

    proposal: Mapped[Proposal] = relationship(back_populates="assist_opinions")


class MemberOpinion(Base):
    """The member's opinion form (征询意见表) on the reply of one round."""

    __tablename__ = "member_opinion"
    __table_args__ = (UniqueConstraint("proposal_id", "round"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    proposal_id: Mapped[int] = mapped_column(
        ForeignKey("proposal.id", ondelete="CASCADE"), index=True
    )
    round: Mapped[int] = mapped_column(Integer, default=1)
    received_on: Mapped[dt.date | None] = mapped_column(Date)
    satisfaction: Mapped[str] = mapped_column(String(6))  # Satisfaction
    visited: Mapped[bool | None] = mapped_column(Boolean)  # 是否当面沟通
    addressed: Mapped[bool | None] = mapped_column(Boolean)  # 答复是否针对所提问题
    comments: Mapped[str] = mapped_column(Text, default="")

    proposal: Mapped[Proposal] = relationship(back_populates="member_opinions")


class ReturnRequest(Base):
    """A 退回 request to the proposal office for a wrongly assigned proposal."""

    __tablename__ = "return_request"
    id: Mapped[int] = mapped_column(primary_key=True)
    proposal_id: Mapped[int] = mapped_column(
        ForeignKey("proposal.id", ondelete="CASCADE"), index=True
    )
    requested_on: Mapped[dt.date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text)
    suggested_unit: Mapped[str] = mapped_column(String(100), default="")
    outcome: Mapped[str] = mapped_column(String(6), default="待审核")  # ReturnOutcome
    decided_on: Mapped[dt.date | None] = mapped_column(Date)

    proposal: Mapped[Proposal] = relationship(back_populates="returns")


class FollowUp(Base):
    """Follow-up (回头看) of a B/C proposal in a later year until it is carried out."""

    __tablename__ = "follow_up"
    id: Mapped[int] = mapped_column(primary_key=True)
    proposal_id: Mapped[int] = mapped_column(
        ForeignKey("proposal.id", ondelete="CASCADE"), index=True
    )
    year: Mapped[int] = mapped_column(Integer)
    date: Mapped[dt.date] = mapped_column(Date)
    progress: Mapped[str] = mapped_column(Text, default="")
    carried_out: Mapped[bool] = mapped_column(Boolean, default=False)  # 已落实

    proposal: Mapped[Proposal] = relationship(back_populates="follow_ups")


class ReportText(Base):
    """Narrative sections of the annual report that staff write, kept per year."""

    __tablename__ = "report_text"
    __table_args__ = (UniqueConstraint("year", "section"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(Integer)
    section: Mapped[str] = mapped_column(String(20))  # 开头, 主要做法, 存在问题, 下一步打算
    text: Mapped[str] = mapped_column(Text, default="")


class StatusChange(Base):
    __tablename__ = "status_change"
    id: Mapped[int] = mapped_column(primary_key=True)
    proposal_id: Mapped[int] = mapped_column(
        ForeignKey("proposal.id", ondelete="CASCADE"), index=True
    )
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)
    old: Mapped[str] = mapped_column(String(8), default="")
    new: Mapped[str] = mapped_column(String(8))
    user: Mapped[str] = mapped_column(String(50), default="")

    proposal: Mapped[Proposal] = relationship(back_populates="status_history")


class AuditEntry(Base):
    """Who changed what, when: one row per inserted, changed or deleted row."""

    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now, index=True)
    user: Mapped[str] = mapped_column(String(50), default="")
    table: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[str] = mapped_column(String(80))
    proposal_id: Mapped[int | None] = mapped_column(Integer, index=True)  # no FK: outlives rows
    action: Mapped[str] = mapped_column(String(10))  # insert/update/delete
    changes: Mapped[object] = mapped_column(JSON)
