"""A realistic demo year for a district commerce bureau, so a new user sees the program working
within a minute. Dates are placed relative to today, so something is always due this week,
something is late, and last year's B proposals wait for follow-up.

Everything goes through the same services as real work, in one transaction.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from proposal_desk.core.enums import Kind, ReturnOutcome, ReviewStep, Role
from proposal_desk.services import handling
from proposal_desk.services.meetings import ensure_meeting
from proposal_desk.storage.database import Database
from proposal_desk.storage.errors import UserError
from proposal_desk.storage.models import Meeting, Proposal
from proposal_desk.storage.settings_store import load_values, set_value

_NUMERALS = "〇一二三四五六七八九十"

SECTIONS: dict[str, list[str]] = {
    "办公室": ["王丽", "赵敏"],
    "电子商务科": ["李明", "孙倩"],
    "对外贸易科": ["周涛", "吴静"],
    "商贸流通科": ["郑凯", "冯雪"],
    "市场运行科": ["陈刚"],
    "外资科": ["褚燕"],
}
LEADERS = ["刘建国", "杨卫东"]  # 分管领导
DIRECTOR = "韩志强"  # 主要领导, signs replies

SECTORS = ["经济界", "民建", "工商联", "民进", "九三学社", "农工党", "无党派人士", "科技界"]
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华慧建文辉鹏宇晨欣怡佳"
UNITS = [
    "区发展和改革局", "区财政局", "区市场监督管理局", "区文化和旅游局", "区人力资源和社会保障局",
    "区交通运输局", "区工业和信息化局", "区税务局", "区民政局", "区住房和城乡建设局",
]


@dataclass(frozen=True)
class Topic:
    tag: str
    title: str
    section: str
    measures: tuple[str, ...]


TOPICS: tuple[Topic, ...] = (
    Topic("跨境电商", "关于加快跨境电商发展的建议", "电子商务科", (
        "组织外贸企业参加跨境电商专题培训，全年培训企业负责人和业务骨干120余人次",
        "对接第三方综合服务平台，为中小企业提供通关、结汇、退税一站式服务",
        "将跨境电商企业纳入外贸发展专项资金支持范围，降低企业开拓海外市场成本",
    )),
    Topic("老字号", "关于加快老字号品牌发展振兴老字号的建议", "商贸流通科", (
        "开展老字号企业摸底调查，建立老字号企业名录和培育库",
        "支持老字号企业入驻电商平台和特色街区，举办老字号嘉年华活动",
        "协调金融机构推出老字号专属信贷产品，缓解企业资金压力",
    )),
    Topic("家政服务", "关于促进家政行业健康发展的建议", "商贸流通科", (
        "推进家政服务信用体系建设，家政服务员持证上门比例明显提高",
        "联合人社部门开展家政技能培训，全年培训家政服务员300余人次",
        "培育家政服务龙头企业，推动家政进社区，方便居民就近获得服务",
    )),
    Topic("夜间经济", "关于繁荣发展夜间经济的意见和建议", "市场运行科", (
        "编制夜间经济集聚区布局方案，打造两条特色夜间消费街区",
        "会同城管部门优化夜间外摆管理，延长重点商圈营业时间",
        "举办夜间消费季活动，发放消费券带动夜间消费增长",
    )),
    Topic("外贸稳增长", "关于稳外贸促进外贸固稳提质的几点建议", "对外贸易科", (
        "落实出口信用保险保费补贴政策，扩大小微企业承保覆盖面",
        "组织企业参加广交会等境内外重点展会，帮助企业拓展订单",
        "建立重点外贸企业联系制度，及时协调解决企业困难",
    )),
    Topic("惠企政策", "关于提升惠企政策精准度为民营企业赋能的建议", "办公室", (
        "梳理商务领域惠企政策清单，通过政企服务平台统一发布",
        "推行惠企政策免申即享，缩短资金拨付时间",
        "开展政策进企业宣讲活动，走访企业200余家",
    )),
    Topic("直播电商", "关于培育直播电商产业带的提案", "电子商务科", (
        "建设直播电商公共服务基地，为中小商户免费提供直播间和培训",
        "引进专业直播机构，带动本地特色产品线上销售",
        "举办直播电商大赛，培育本地带货主播队伍",
    )),
    Topic("物流配送", "关于建设县级物流配送中心的建议", "商贸流通科", (
        "推动快递企业入驻县级物流配送中心，实现统仓共配",
        "完善乡村物流服务站点，打通农村物流最后一公里",
        "支持冷链物流设施建设，提升农产品流通效率",
    )),
    Topic("便民生活圈", "关于推进一刻钟便民生活圈建设的几点建议", "市场运行科", (
        "制定便民生活圈建设实施方案，明确年度建设任务",
        "补齐社区菜市场、便利店、早餐店等基本保障业态",
        "开展居民满意度调查，根据群众需求调整商业网点布局",
    )),
    Topic("外资招引", "关于拓展外资招引平台的意见和建议", "外资科", (
        "组织参加跨国公司领导人峰会等招商活动，加强外资项目储备",
        "建立外资企业服务专员制度，协调解决企业用工、用地问题",
        "推进中外合作产业园建设，开展产业链精准招商",
    )),
    Topic("安全生产", "关于加强商贸流通领域安全生产的建议", "商贸流通科", (
        "开展商贸流通领域安全生产大排查，整改隐患120余处",
        "督促商场超市落实安全生产主体责任，开展应急演练",
        "会同消防部门对大型商业综合体开展联合检查",
    )),
    Topic("汽车消费", "关于提振汽车消费的建议", "市场运行科", (
        "落实汽车以旧换新补贴政策，全年受理补贴申请800余份",
        "组织汽车展销活动，联合金融机构推出购车优惠",
        "规划建设公共充电设施，改善新能源汽车使用环境",
    )),
)


def _meeting_name(kind: Kind, year: int) -> str:
    term = 14 + (year - 2022) // 5
    session = (year - 2022) % 5 + 1
    term_text = _numeral(term)
    if kind is Kind.PROPOSAL:
        return f"区政协{term_text}届{_NUMERALS[session]}次会议"
    return f"区{_numeral(term + 5)}届人大{_NUMERALS[session]}次会议"


def _numeral(n: int) -> str:
    if n < 10:
        return _NUMERALS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _NUMERALS[tens]) + "十" + (_NUMERALS[ones] if ones else "")


def _reply_text(topic: Topic, member_word: str) -> str:
    m = topic.measures
    return (
        f"一、基本情况\n近年来，我局把{topic.tag}工作作为促进消费、稳定增长的重要抓手，"
        f"在政策支持、主体培育和服务保障等方面做了大量工作，取得了一定成效。\n"
        f"二、主要工作\n（一）{m[0]}。\n（二）{m[1]}。\n（三）{m[2]}。\n"
        f"三、下一步打算\n我局将认真吸纳{member_word}的意见建议，"
        f"进一步完善{topic.tag}相关政策措施，加强部门协作，持续跟踪落实，"
        f"并及时向{member_word}反馈工作进展。"
    )


def _summary(topic: Topic) -> str:
    m = topic.measures
    return f"一是{m[0]}；二是{m[1]}；三是{m[2]}。"


def fill_demo(db: Database, *, today: dt.date | None = None,
              progress: Callable[[int, int], None] | None = None) -> int:
    """Fill an empty database with a demo year; returns the number of proposals added."""
    today = today or dt.date.today()
    rng = random.Random(20250318)
    with db.transaction() as session:
        if session.scalar(select(func.count()).select_from(Proposal)):
            raise UserError(
                "数据库中已有提案，演示数据只能填入空数据库（请用 --demo 或另一个 --db）")
        _settings(session)
        builder = _Builder(session, rng, today, progress)
        builder.last_year()
        builder.this_year()
        builder.suggestions()
        return builder.count


def _settings(session: Session) -> None:
    values = load_values(session)
    defaults = {
        "bureau.name": "区商务局", "bureau.aliases": "周村区商务局,商务局",
        "bureau.doc_prefix": "周商函", "bureau.opinion_prefix": "周商会办",
        "bureau.contact_name": "王丽", "bureau.contact_phone": "0533-6100000",
    }
    for key, value in defaults.items():
        if not values.get(key):
            set_value(session, key, value)


class _Builder:
    def __init__(self, session: Session, rng: random.Random, today: dt.date,
                 progress: Callable[[int, int], None] | None) -> None:
        self.s = session
        self.rng = rng
        self.today = today
        self.progress = progress
        self.count = 0
        self.used_names: set[str] = set()
        for section, people in SECTIONS.items():
            sec = handling.ensure_section(session, section)
            for person in people:
                handling.ensure_staff(session, person, sec)
        for leader in (*LEADERS, DIRECTOR):
            handling.ensure_staff(session, leader, None, leader=True)

    def person(self) -> str:
        while True:
            name = self.rng.choice(SURNAMES) + "".join(
                self.rng.choice(GIVEN) for _ in range(self.rng.choice((1, 2))))
            if name not in self.used_names:
                self.used_names.add(name)
                return name

    def proposal(self, meeting: Meeting, number: str, topic: Topic, role: Role, assigned: dt.date,
                 *, key: bool = False, collective: str = "", co_signers: int = 0) -> Proposal:
        p = Proposal(meeting=meeting, number=number, title=topic.title, role=role.value,
                     key=key, assigned_on=assigned, sector=self.rng.choice(SECTORS),
                     supervisor="区政府副区长 孙立新" if key else "")
        self.s.add(p)
        self.s.flush()
        names = [collective] if collective else [self.person()]
        names += [self.person() for _ in range(co_signers)]
        handling.set_proposers(self.s, p, names, sector=p.sector)
        others = self.rng.sample(UNITS, 2)
        if role is Role.LEAD:
            units = [("区商务局", Role.LEAD.value), (others[0], Role.ASSIST.value)]
        elif role is Role.SPLIT:
            units = [("区商务局", Role.SPLIT.value), (others[0], Role.SPLIT.value)]
        else:
            units = [(others[0], Role.LEAD.value), ("区商务局", role.value),
                     (others[1], role.value)]
        handling.set_units(self.s, p, units)
        handling.set_topics(self.s, p, [topic.tag])
        self.count += 1
        if self.progress:
            self.progress(self.count, 60)
        return p

    def work(self, p: Proposal, topic: Topic, *, signed: dt.date, face: bool = True) -> None:
        handling.sign(p, signed)
        staff = SECTIONS[topic.section]
        handling.assign(self.s, p, section=topic.section, handler=self.rng.choice(staff),
                        leader=self.rng.choice(LEADERS))
        member = p.proposers[0].member.name if p.proposers else ""
        handler = p.handler.name if p.handler else ""
        handling.add_record(
            p, date=min(signed + dt.timedelta(days=5), self.today), method="电话", stage="办前",
            our_people=handler, their_people=member,
            content=f"电话联系{member}，了解提案背景和具体诉求，商定办理思路和面商时间。",
            attitude="支持")
        if face and signed + dt.timedelta(days=20) <= self.today:
            handling.add_record(
                p, date=signed + dt.timedelta(days=20), method="上门面商", stage="办中",
                our_people=f"{p.leader.name if p.leader else ''}、{handler}", their_people=member,
                place="委员所在单位",
                content=f"分管领导带队上门面商，通报{topic.tag}工作进展，听取委员意见，"
                        "委员对办理思路表示认可。", attitude="满意")

    def reply(self, p: Proposal, topic: Topic, *, sent: dt.date, category: str) -> None:
        member_word = Kind(p.meeting.kind).member_word
        handling.save_reply(
            self.s, p, category=category, text=_reply_text(topic, member_word),
            signer=DIRECTOR, reviewer=p.leader.name if p.leader else "",
            drafted_on=sent - dt.timedelta(days=12), reviewed_on=sent - dt.timedelta(days=5),
            signed_on=sent - dt.timedelta(days=2),
            step=ReviewStep.SIGNED.value)
        p.summary = _summary(topic)
        self.s.flush()
        handling.save_reply(self.s, p, sent_on=sent)

    def opinion(self, p: Proposal, satisfaction: str, received: dt.date) -> None:
        handling.record_opinion(p, satisfaction, received_on=received, visited=True,
                                addressed=True,
                                comments="" if satisfaction != "不满意" else
                                "答复中措施较为原则，希望进一步明确时间表。")

    def assist_opinion(self, p: Proposal, topic: Topic, sent: dt.date) -> None:
        handling.save_assist_opinion(
            self.s, p, sent_on=sent, signer=self.rng.choice(LEADERS),
            text=f"结合我局职能，就{topic.tag}提出以下意见：{_summary(topic)}")

    def last_year(self) -> None:
        year = self.today.year - 1
        meeting = ensure_meeting(self.s, _meeting_name(Kind.PROPOSAL, year),
                                 kind=Kind.PROPOSAL, year=year)
        assigned = dt.date(year, 3, 15)
        base = 100000 + (year % 100) * 1000
        plan = [(Role.LEAD, "A"), (Role.LEAD, "A"), (Role.LEAD, "B"), (Role.LEAD, "A"),
                (Role.LEAD, "B"), (Role.LEAD, "C"), (Role.LEAD, "A"), (Role.SPLIT, "A"),
                (Role.ASSIST, ""), (Role.ASSIST, ""), (Role.ASSIST, ""), (Role.JOINT, ""),
                (Role.JOINT, "")]
        for i, (role, category) in enumerate(plan):
            topic = TOPICS[i % len(TOPICS)]
            p = self.proposal(meeting, str(base + 11 + i * 7), topic, role, assigned,
                              key=i == 0, co_signers=i % 3)
            self.work(p, topic, signed=assigned + dt.timedelta(days=2))
            if role.answers_member:
                self.reply(p, topic, sent=assigned + dt.timedelta(days=70 + i),
                           category=category)
                self.opinion(p, "满意" if i % 4 else "基本满意",
                             assigned + dt.timedelta(days=90 + i))
            else:
                self.assist_opinion(p, topic, assigned + dt.timedelta(days=25))
            if category == "B" and i == 2:
                # a 跟踪 of this year (its 年度 is its date's year, after the proposal's)
                on = max(self.today - dt.timedelta(days=30), dt.date(self.today.year, 1, 1))
                handling.add_follow_up(p, year=self.today.year, on=on,
                                       progress="相关项目已建成投用，提案所提问题已落实。",
                                       carried_out=True)

    def this_year(self) -> None:
        year = self.today.year
        meeting = ensure_meeting(self.s, _meeting_name(Kind.PROPOSAL, year),
                                 kind=Kind.PROPOSAL, year=year)
        # The list arrived about twelve weeks ago: leads fall due this week, some assists are late.
        assigned = self.today - dt.timedelta(days=86)
        base = 100000 + (year % 100) * 1000
        d = dt.timedelta
        scenarios: list[tuple[Role, str]] = [
            (Role.LEAD, "closed"), (Role.LEAD, "closed"), (Role.LEAD, "closed_basic"),
            (Role.LEAD, "replied"), (Role.LEAD, "reopened"), (Role.LEAD, "drafting"),
            (Role.LEAD, "working"), (Role.LEAD, "working_no_face"), (Role.LEAD, "working"),
            (Role.LEAD, "pending"), (Role.LEAD, "returning"), (Role.LEAD, "late"),
            (Role.SPLIT, "closed"), (Role.SPLIT, "working"),
            (Role.ASSIST, "sent"), (Role.ASSIST, "sent"), (Role.ASSIST, "sent"),
            (Role.ASSIST, "late"), (Role.ASSIST, "working"), (Role.ASSIST, "pending"),
            (Role.ASSIST, "returned"), (Role.JOINT, "sent"), (Role.JOINT, "late"),
            (Role.JOINT, "working"),
        ]
        for i, (role, scenario) in enumerate(scenarios):
            topic = TOPICS[(i * 5) % len(TOPICS)]
            key = i in (0, 7, 11)
            p = self.proposal(meeting, str(base + 3 + i * 4), topic, role, assigned, key=key,
                              co_signers=4 if i == 1 else i % 3,
                              collective="民建区委会" if i == 3 else "")
            if scenario == "pending":
                continue
            if scenario in ("returning", "returned"):
                handling.sign(p, assigned + d(days=1))
                handling.request_return(p, on=assigned + d(days=4),
                                        reason="提案所提事项属于区市场监督管理局职责，建议改由其主办。",
                                        suggested_unit="区市场监督管理局")
                if scenario == "returned":
                    handling.decide_return(p, ReturnOutcome.ACCEPTED.value, assigned + d(days=8))
                continue
            self.work(p, topic, signed=assigned + d(days=2), face=scenario != "working_no_face")
            if not role.answers_member:
                if scenario == "sent":
                    self.assist_opinion(p, topic, assigned + d(days=24))
                continue
            if scenario in ("closed", "closed_basic", "replied", "reopened"):
                sent = assigned + d(days=55 + i)
                self.reply(p, topic, sent=sent, category="A" if i % 5 else "B")
                if scenario != "replied":
                    verdict = {"closed": "满意", "closed_basic": "基本满意",
                               "reopened": "不满意"}[scenario]
                    self.opinion(p, verdict, sent + d(days=10))
            elif scenario == "drafting":
                handling.save_reply(self.s, p, category="A", text=_reply_text(topic, "委员"),
                                    step=ReviewStep.REVIEWED.value)
                p.summary = _summary(topic)
            if scenario == "late":
                p.due_override = self.today - d(days=6)

    def suggestions(self) -> None:
        year = self.today.year
        meeting = ensure_meeting(self.s, _meeting_name(Kind.SUGGESTION, year),
                                 kind=Kind.SUGGESTION, year=year)
        assigned = self.today - dt.timedelta(days=60)
        for i, role in enumerate((Role.LEAD, Role.LEAD, Role.ASSIST, Role.LEAD)):
            topic = TOPICS[(i * 3 + 1) % len(TOPICS)]
            p = self.proposal(meeting, f"{year}{i * 9 + 12:04d}", topic, role, assigned)
            self.work(p, topic, signed=assigned + dt.timedelta(days=3))
            if i == 0:
                self.reply(p, topic, sent=assigned + dt.timedelta(days=40), category="A")
