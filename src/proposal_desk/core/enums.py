"""The fixed vocabularies of the domain, valued in the users' own words."""

from __future__ import annotations

from enum import StrEnum


class Kind(StrEnum):
    PROPOSAL = "提案"  # CPPCC member proposal
    SUGGESTION = "建议"  # NPC deputy suggestion

    @property
    def member_word(self) -> str:
        return "委员" if self is Kind.PROPOSAL else "代表"

    @property
    def body_word(self) -> str:
        return "政协" if self is Kind.PROPOSAL else "人大"

    @property
    def assigning_office(self) -> str:
        """Who assigns it and answers questions about the assignment, in a short message."""
        return "提案委" if self is Kind.PROPOSAL else "人大交办部门"


class Role(StrEnum):
    LEAD = "主办"
    ASSIST = "协办"
    JOINT = "会办"
    SPLIT = "分办"

    @property
    def answers_member(self) -> bool:
        """主办 and 分办 reply to the member and get a category; 协办/会办 only send an opinion."""
        return self in (Role.LEAD, Role.SPLIT)

    @property
    def opinion_word(self) -> str:
        """What a 协办/会办 unit's written opinion is called: 协办意见 for a 协办 proposal (as
        offices that say 协办 title it), else 会办意见."""
        return "协办意见" if self is Role.ASSIST else "会办意见"


# The order in which counts by role are written (the report, the import preview).
ROLE_ORDER = (Role.LEAD, Role.SPLIT, Role.ASSIST, Role.JOINT)


# Words that local rules use for the same roles.
ROLE_SYNONYMS: dict[str, Role] = {
    "主办": Role.LEAD, "独办": Role.LEAD, "单办": Role.LEAD, "牵头": Role.LEAD,
    "协办": Role.ASSIST, "参办": Role.ASSIST, "配合": Role.ASSIST,
    "会办": Role.JOINT,
    "分办": Role.SPLIT,
}


class Method(StrEnum):
    PHONE = "电话"
    VISIT = "上门面商"
    MEETING = "座谈会"
    LETTER = "书面/函"
    MESSAGE = "短信/微信"
    VIDEO = "视频"
    SITE = "现场调研"

    @property
    def face_to_face(self) -> bool:
        return self in (Method.VISIT, Method.MEETING, Method.SITE)


METHOD_SYNONYMS: dict[str, Method] = {
    "电话": Method.PHONE, "电联": Method.PHONE,
    "上门面商": Method.VISIT, "面商": Method.VISIT, "走访": Method.VISIT, "上门": Method.VISIT,
    "见面": Method.VISIT, "面谈": Method.VISIT, "当面": Method.VISIT,
    "座谈会": Method.MEETING, "座谈": Method.MEETING, "会议": Method.MEETING,
    "书面": Method.LETTER, "函": Method.LETTER, "书面/函": Method.LETTER, "信函": Method.LETTER,
    "短信": Method.MESSAGE, "微信": Method.MESSAGE, "短信/微信": Method.MESSAGE,
    "视频": Method.VIDEO,
    "现场调研": Method.SITE, "调研": Method.SITE, "实地调研": Method.SITE,
}


class Stage(StrEnum):
    BEFORE = "办前"
    DURING = "办中"
    AFTER = "办后"


class Satisfaction(StrEnum):
    SATISFIED = "满意"
    BASICALLY = "基本满意"
    UNSATISFIED = "不满意"


class Publicity(StrEnum):
    PUBLIC = "公开"
    PRIVATE = "不公开"
    ON_REQUEST = "依申请公开"


class Status(StrEnum):
    """Derived from the facts of a proposal (see core.rules.derive_status), never typed in."""

    PENDING_SIGN = "待签收"
    IN_PROGRESS = "办理中"
    REPLIED = "已答复"  # reply sent, member's opinion not yet back
    REOPENED = "重新办理"  # 不满意 opened a new round
    CLOSED = "已办结"
    RETURNING = "退回中"  # a return request is pending at the proposal office
    RETURNED = "已退回"


class ReturnOutcome(StrEnum):
    PENDING = "待审核"
    ACCEPTED = "同意退回"
    REFUSED = "不同意退回"


class ReviewStep(StrEnum):
    DRAFT = "初稿"
    REVIEWED = "分管领导已审核"
    SIGNED = "主要领导已签发"
    SENT = "已行文答复"
