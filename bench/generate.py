"""A city-level register of N proposals for the scale benchmarks, written fast and the way the
program itself would have written it.

    .venv/bin/python bench/generate.py DB N [--seed 2025] [--year Y] [--years 1] [--as-of D]

Every proposal gets a title of 20-40 characters, three to five proposers, its units and topics,
five contact records (沟通记录) of 60-160 characters, and — as the handling has got that far
by the as-of date — a reply of about 1,500 characters (主办/分办) or a 会办意见 (协办/会办), the
member's opinion, sometimes a second round after 不满意, sometimes a 退回 request. Proposals are
spread over `--years` years ending with `--year` (two meetings a year: 市政协 proposals and
市人大 suggestions); with one year (the default) the window opens on all N at once.

How it is written: the database is created and migrated by `Database` as the program does,
then every table is filled through `storage.bulk.insert_rows` (one executemany per table and
batch of 2,000 proposals), whose commit runs the program's own refresh: list caches, status
history, audit rows and the search index come out exactly as if the proposals had been
imported. `proposal-desk check DB` passes on the result. The same arguments (and as-of date)
give the same database: one random generator, seeded.

Also importable: `generate(path, n, …)` returns a summary dict.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from proposal_desk.core.enums import Kind, Role
from proposal_desk.documents.format import cn_numeral
from proposal_desk.services.meetings import default_meeting_name
from proposal_desk.storage import bulk
from proposal_desk.storage.database import Database
from proposal_desk.storage.models import (
    AssistOpinion,
    Correspondence,
    Meeting,
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
from proposal_desk.storage.settings_store import set_value

BATCH = 2_000
BUREAU = "市商务局"
SURNAMES = ("王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕"
            "苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史")
GIVEN = ("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华慧建文辉鹏宇晨欣怡佳志红玉兰国庆"
         "海波春梅晓东振宁立新雪松永福德胜佩琳思远博涵子墨雨婷")
SECTORS = ("中共", "民革", "民盟", "民建", "民进", "农工党", "致公党", "九三学社", "无党派人士",
           "工商联", "经济界", "科技界", "教育界", "医药卫生界", "农业和农村界",
           "社会福利和社会保障界")
UNITS = (
    "市发展和改革委员会", "市财政局", "市市场监督管理局", "市文化和旅游局",
    "市人力资源和社会保障局",
    "市交通运输局", "市工业和信息化局", "市税务局", "市民政局", "市住房和城乡建设局",
    "市自然资源和规划局", "市生态环境局", "市农业农村局", "市卫生健康委员会", "市教育局",
    "市科学技术局", "市公安局", "市城市管理局", "市应急管理局", "市地方金融监督管理局",
    "市数据和大数据管理局", "市邮政管理局", "海关", "市贸促会", "市供销合作社",
)
SECTIONS: dict[str, tuple[str, ...]] = {
    "办公室": ("王丽", "赵敏", "钱进"),
    "综合规划科": ("李明", "孙倩", "周凯"),
    "电子商务科": ("吴静", "郑涛", "冯雪"),
    "对外贸易科": ("陈刚", "褚燕", "卫东"),
    "外商投资科": ("蒋文", "沈洁"),
    "商贸流通科": ("韩梅", "杨帆", "朱峰"),
    "市场运行和消费促进科": ("秦岭", "尤佳", "许诺"),
    "服务贸易科": ("何平", "吕方"),
    "市场秩序科": ("施展", "张弛"),
}
LEADERS = ("刘建国", "杨卫东", "马晓燕")
TOPICS = (
    "跨境电商", "老字号", "夜间经济", "便民生活圈", "物流配送", "外贸稳增长", "营商环境",
    "直播电商", "预制菜", "汽车消费", "商业综合体", "首店经济", "农村电商", "家政服务", "会展经济",
    "步行街改造",
    "冷链物流", "服务贸易", "外资招引", "消费券", "菜市场提升", "成品油流通", "再生资源回收",
    "商务诚信", "跨境人民币结算", "数字人民币", "供应链金融", "社区商业", "县域商业", "平台经济",
)
OBJECTS = (
    "中小微企业", "个体工商户", "外贸企业", "商贸流通企业", "电商平台", "快递物流企业",
    "老字号企业", "餐饮企业", "农产品批发市场", "社区便利店", "大型商超", "会展企业",
    "家政服务企业", "新能源汽车",
    "县域商业体系", "特色商业街区", "城市一刻钟便民生活圈", "农产品上行通道", "海外仓",
)
VERBS = ("进一步加快", "大力推动", "持续优化", "加快推进", "切实加强", "着力提升", "全面深化",
         "积极培育", "规范引导", "统筹推进", "有效破解")
ENDS = ("高质量发展", "转型升级", "规范管理", "政策支持", "体制机制建设", "服务保障", "融合发展",
        "健康有序发展", "数字化改造", "品牌建设")
METHODS = ("电话", "上门面商", "座谈会", "微信", "邀请视察", "书面")
ATTITUDES = ("表示满意", "表示理解", "认可办理思路", "希望加大工作力度", "提出补充意见",
             "对办理工作表示肯定", "希望持续跟进")
PLACES = ("委员单位", "市商务局会议室", "企业现场", "市政协提案委员会", "项目现场", "")
OPENINGS = (
    "经认真研究，现答复如下。",
    "您提出的建议很有针对性，对我市商务工作具有重要参考价值。经与相关单位认真研究，现答复如下。",
    "收到提案后，我局高度重视，及时召开专题会议研究办理工作，现将办理情况答复如下。",
)
HEADINGS = ("一、基本情况", "二、主要工作举措", "三、存在的困难和问题", "四、下一步工作打算")
SENTENCES = (
    "近年来，我市{topic}工作取得积极进展，{object}数量稳步增长，全年实现交易额{n}亿元，同比增长{p}%。",
    "我局会同{unit}印发了《关于{verb}{topic}{end}的若干措施》，从资金、用地、人才等方面给予支持。",
    "{year}年共安排专项资金{n}万元，支持{object}开展{topic}相关项目{m}个。",
    "组织开展{topic}专题培训{m}场次，累计培训{object}负责人和业务骨干{n}人次。",
    "积极对接{unit}，建立常态化沟通协调机制，及时解决{object}在{topic}方面遇到的困难和问题。",
    "目前仍存在{object}规模偏小、专业人才不足、配套服务体系不够完善等问题，需要进一步加大工作力度。",
    "下一步，我们将认真吸纳您的意见建议，{verb}{topic}{end}，推动政策落地见效。",
    "同时，我们将加强与{unit}的协作配合，定期开展督促检查，确保各项措施落到实处。",
    "截至目前，全市已培育{topic}示范企业{m}家，带动就业{n}人，示范引领作用逐步显现。",
    "针对您提出的{object}融资难问题，我们联合金融机构推出专属信贷产品，累计放款{n}万元。",
    "我们还将{topic}纳入全市商务发展规划，明确了阶段目标、重点任务和责任分工。",
    "感谢您对商务工作的关心和支持，欢迎继续提出宝贵意见。",
)
RECORDS = (
    "{staff}通过{method}与{member}委员沟通，介绍{topic}工作进展和办理思路，委员{attitude}。",
    "就{topic}有关问题，{staff}{method}听取{member}委员意见，委员建议加强对{object}的政策扶持，{attitude}。",
    "会同{unit}与{member}委员共同研究{topic}推进中的难点，明确了下一步工作分工，委员{attitude}。",
    "向{member}委员通报答复函主要内容，逐条说明采纳情况，委员{attitude}。",
    "{staff}陪同{member}委员实地察看{object}{topic}项目推进情况，委员{attitude}，并提出进一步意见。",
)


def _fill(template: str, rng: random.Random, year: int, **known: str) -> str:
    values = {"topic": rng.choice(TOPICS), "object": rng.choice(OBJECTS), "unit": rng.choice(UNITS),
              "verb": rng.choice(VERBS), "end": rng.choice(ENDS), "year": str(year),
              "n": str(rng.randint(12, 9800)), "m": str(rng.randint(3, 96)),
              "p": f"{rng.randint(2, 38)}.{rng.randint(0, 9)}", "method": rng.choice(METHODS),
              "attitude": rng.choice(ATTITUDES), **known}
    return template.format(**values)


def title(rng: random.Random) -> str:
    """关于……的建议, 20 to 40 characters."""
    while True:
        text = (f"关于{rng.choice(VERBS)}{rng.choice(TOPICS)}和{rng.choice(OBJECTS)}"
                f"{rng.choice(ENDS)}的{rng.choice(('建议', '提案', '几点建议'))}")
        if 20 <= len(text) <= 40:
            return text


def reply_text(rng: random.Random, member: str, subject: str, year: int,
               length: int = 1_500) -> str:
    """A reply letter of `length` characters: salutation, four headed parts."""
    lines = [f"{member}委员：", f"您提出的《{subject}》收悉。{rng.choice(OPENINGS)}"]
    part_length = (length - sum(map(len, lines))) // len(HEADINGS)
    for heading in HEADINGS:
        body = ""
        while len(body) < part_length:
            body += _fill(rng.choice(SENTENCES), rng, year)
        lines += [heading, body]
    return "\n".join(lines)[:length]


def record_text(rng: random.Random, member: str, staff: str, year: int) -> str:
    text = _fill(rng.choice(RECORDS), rng, year, member=member, staff=staff)
    while len(text) < 60:
        text += _fill(rng.choice(SENTENCES), rng, year)
    return text[:160]


def _name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))


class _Writer:
    """Rows of one batch, with their keys, written by storage.bulk in foreign-key order."""

    ORDER = (Proposal, ProposalMember, ProposalUnit, ProposalTopic, Reply, MemberOpinion,
             AssistOpinion, Correspondence, ReturnRequest)

    def __init__(self, db: Database):
        self.db = db
        self.tables: dict[Any, list[dict[str, Any]]] = {m: [] for m in self.ORDER}

    def add(self, model: Any, **values: Any) -> None:
        self.tables[model].append(values)

    def flush(self) -> None:
        with self.db.transaction() as session:
            conn = session.connection()
            for model in self.ORDER:
                rows = self.tables[model]
                if "id" in model.__table__.c:
                    take = bulk.IdSource(conn, model)
                    for row in rows:
                        row["id"] = row.get("id") or take()
                bulk.insert_rows(session, model, rows)
        self.tables = {m: [] for m in self.ORDER}


def _lookups(db: Database, rng: random.Random, members: int
             ) -> tuple[list[tuple[int, str, str]], dict[str, int], dict[str, int],
                        list[tuple[int, str, int]], list[int], dict[str, int]]:
    """Members, units, sections, staff, leaders and topics: written once, through the same
    bulk path, before the proposals."""
    with db.transaction() as session:
        set_value(session, "bureau.name", BUREAU)
        set_value(session, "bureau.aliases", "商务局")
        conn = session.connection()

        def put(model: Any, rows: list[dict[str, Any]]) -> list[int]:
            take = bulk.IdSource(conn, model)
            for row in rows:
                row["id"] = take()
            bulk.insert_rows(session, model, rows)
            return [row["id"] for row in rows]

        names: list[str] = []
        seen: set[str] = set()
        while len(names) < members:
            n = _name(rng)
            if n not in seen:
                seen.add(n)
                names.append(n)
        sectors = [rng.choice(SECTORS) for _ in names]
        member_ids = put(Member, [{"name": n, "sector": s, "collective": False}
                                  for n, s in zip(names, sectors, strict=True)])
        unit_names = [BUREAU, *UNITS]
        unit_ids = dict(zip(unit_names, put(Unit, [{"name": n} for n in unit_names]),
                            strict=True))
        section_ids = dict(zip(SECTIONS, put(Section, [{"name": n} for n in SECTIONS]),
                               strict=True))
        staff_rows = [{"name": person, "section_id": section_ids[section], "is_leader": False}
                      for section, people in SECTIONS.items() for person in people]
        staff_ids = put(Staff, staff_rows)
        staff = [(sid, row["name"], row["section_id"])
                 for sid, row in zip(staff_ids, staff_rows, strict=True)]
        leaders = put(Staff, [{"name": n, "section_id": None, "is_leader": True, "title": "副局长"}
                              for n in LEADERS])
        topic_ids = dict(zip(TOPICS, put(Topic, [{"name": n} for n in TOPICS]), strict=True))
    members_out = [(i, n, s) for i, n, s in zip(member_ids, names, sectors, strict=True)]
    return members_out, unit_ids, section_ids, staff, leaders, topic_ids


def _meetings(db: Database, first_year: int, last_year: int) -> list[tuple[int, str, int]]:
    """Two meetings a year: (id, kind, year)."""
    result = []
    with db.transaction() as session:
        for year in range(first_year, last_year + 1):
            for kind, body in ((Kind.PROPOSAL, "市政协"), (Kind.SUGGESTION, "市人大")):
                term = 14 + (year - 2023) // 5 if kind is Kind.PROPOSAL else 17 + (year - 2023) // 5
                session_no = (year - 2023) % 5 + 1
                name = f"{body}{cn_numeral(term)}届{cn_numeral(session_no)}次会议"
                if year - 2023 < 0:
                    name = default_meeting_name(kind, year)
                m = Meeting(kind=kind.value, name=name, body=body, term=term,
                            session=session_no, year=year)
                session.add(m)
                session.flush()
                result.append((m.id, kind.value, year))
    return result


def generate(path: Path, count: int, *, seed: int = 2025, year: int | None = None,
             years: int = 1, as_of: dt.date | None = None,
             progress: Callable[[int, int], None] | None = None) -> dict[str, Any]:
    """Write a new database of `count` proposals at `path` (which must not exist)."""
    if path.exists():
        raise FileExistsError(path)
    today = dt.date.today()
    year = year or today.year
    as_of = as_of or min(today, dt.date(year, 12, 31))
    rng = random.Random(seed)
    started = time.perf_counter()
    db = Database(f"sqlite:///{path}", user="bench", check_on_open=False, backup_on_open=False)
    members, unit_ids, _sections, staff, leaders, topic_ids = _lookups(
        db, rng, max(300, min(count // 8, 20_000)))
    meetings = _meetings(db, year - years + 1, year)
    writer = _Writer(db)
    roles = (Role.LEAD,) * 5 + (Role.SPLIT,) + (Role.ASSIST,) * 3 + (Role.JOINT,)
    per_meeting = -(-count // len(meetings))
    counts = {"proposals": 0, "records": 0, "replies": 0, "reply_chars": 0}
    for n in range(count):
        meeting_id, _kind, m_year = meetings[n // per_meeting]
        number = f"{n % per_meeting + 1:04d}"
        _proposal(writer, rng, n + 1, meeting_id, number, m_year, as_of, rng.choice(roles),
                  members, unit_ids, staff, leaders, topic_ids, counts)
        if (n + 1) % BATCH == 0 or n + 1 == count:
            writer.flush()
            if progress:
                progress(n + 1, count)
    db.dispose()
    counts["seconds"] = round(time.perf_counter() - started, 1)
    counts["megabytes"] = round(path.stat().st_size / 1e6)
    return counts


def _proposal(writer: _Writer, rng: random.Random, pid: int, meeting_id: int, number: str,
              year: int, as_of: dt.date, role: Role, members: list[tuple[int, str, str]],
              unit_ids: dict[str, int], staff: list[tuple[int, str, int]], leaders: list[int],
              topic_ids: dict[str, int], counts: dict[str, int]) -> None:
    assigned = dt.date(year, 3, 10) + dt.timedelta(days=rng.randint(0, 20))
    people = rng.sample(members, rng.randint(3, 5))
    handler_id, handler, section_id = rng.choice(staff)
    subject = title(rng)
    key = rng.random() < 0.03

    def when(days: int) -> dt.date | None:
        day = assigned + dt.timedelta(days=days)
        return day if day <= as_of else None

    signed = when(rng.randint(1, 5))
    writer.add(Proposal, id=pid, meeting_id=meeting_id, number=number, title=subject,
               sector=people[0][2], role=role.value, key=key,
               supervisor=rng.choice(("", "王副市长", "李副市长")) if key else "",
               assigned_on=assigned, signed_on=signed, section_id=section_id,
               handler_id=handler_id, leader_id=rng.choice(leaders),
               summary="" if rng.random() < 0.7 else _fill(rng.choice(SENTENCES), rng, year))
    for position, (member_id, *_name_and_sector) in enumerate(people):
        writer.add(ProposalMember, proposal_id=pid, member_id=member_id, position=position)
    others = rng.sample(UNITS, rng.randint(1, 3))
    if role.answers_member:
        units = [(BUREAU, role.value)] + [(u, Role.ASSIST.value) for u in others]
    else:
        units = [(others[0], Role.LEAD.value), (BUREAU, role.value)] + [
            (u, Role.ASSIST.value) for u in others[1:]]
    for position, (unit, unit_role) in enumerate(units):
        writer.add(ProposalUnit, proposal_id=pid, unit_id=unit_ids[unit], role=unit_role,
                   position=position)
    for topic in rng.sample(TOPICS, rng.randint(1, 2)):
        writer.add(ProposalTopic, proposal_id=pid, topic_id=topic_ids[topic])
    lead_name = people[0][1]
    for k in range(5):  # five contacts: before, during and after the reply
        day = assigned + dt.timedelta(days=5 + k * 18 + rng.randint(0, 10))
        writer.add(Correspondence, proposal_id=pid, date=min(day, as_of),
                   method=rng.choice(METHODS), stage=("办前", "办前", "办中", "办中", "办后")[k],
                   our_people=handler, their_people=lead_name, place=rng.choice(PLACES),
                   content=record_text(rng, lead_name, handler, year),
                   attitude=rng.choice(ATTITUDES)[:10])
    counts["records"] += 5
    counts["proposals"] += 1
    if rng.random() < 0.02 and signed:  # a 退回 request, mostly granted
        writer.add(ReturnRequest, proposal_id=pid, requested_on=signed,
                   reason="该事项不属于本单位职责范围，建议改由相关单位办理",
                   suggested_unit=rng.choice(UNITS),
                   outcome=rng.choice(("同意退回", "同意退回", "不同意退回", "待审核")),
                   decided_on=when(12))
        return
    sent = when(rng.randint(40, 95))
    if not role.answers_member:
        writer.add(AssistOpinion, proposal_id=pid, sent_on=sent,
                   text=reply_text(rng, lead_name, subject, year, 500),
                   doc_number=f"市商会〔{year}〕{pid}号" if sent else "",
                   signer=LEADERS[0], contact_name=handler, contact_phone="0533-1234567")
        return
    text = reply_text(rng, lead_name, subject, year)
    counts["replies"] += 1
    counts["reply_chars"] += len(text)
    writer.add(Reply, proposal_id=pid, round=1, category=rng.choice("AAAAABBC"), text=text,
               doc_number=f"市商函〔{year}〕{pid}号" if sent else "", doc_year=year,
               doc_serial=pid, signer="韩志强", step="已行文答复" if sent else "初稿",
               drafted_on=when(30) or as_of, sent_on=sent, publicity="公开",
               contact_name=handler, contact_phone="0533-1234567", cc="市政协提案委员会")
    if not sent:
        return
    received = when((sent - assigned).days + rng.randint(7, 30))
    if received is None:
        return
    satisfaction = rng.choice(("满意",) * 7 + ("基本满意", "基本满意", "不满意"))
    writer.add(MemberOpinion, proposal_id=pid, round=1, satisfaction=satisfaction,
               received_on=received, visited=True, addressed=True,
               comments="" if satisfaction == "满意" else "希望进一步加大工作力度。")
    if satisfaction == "不满意" and (second := when((received - assigned).days + 60)):
        text = reply_text(rng, lead_name, subject, year)
        counts["replies"] += 1
        counts["reply_chars"] += len(text)
        writer.add(Reply, proposal_id=pid, round=2, category="B", text=text,
                   doc_number=f"市商函〔{year}〕{pid}-2号", signer="韩志强", step="已行文答复",
                   drafted_on=second, sent_on=second, publicity="公开", cc="市政协提案委员会")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", type=Path, help="the database file to create")
    parser.add_argument("count", type=int, help="how many proposals")
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument("--year", type=int, help="the newest year (default: this year)")
    parser.add_argument("--years", type=int, default=1, help="how many years, ending with --year")
    parser.add_argument("--as-of", type=dt.date.fromisoformat,
                        help="handling happened up to this day (default: today, or 31 Dec)")
    args = parser.parse_args(argv)

    def show(done: int, total: int) -> None:
        sys.stderr.write(f"\r{done}/{total} proposals")
        sys.stderr.flush()

    summary = generate(args.db, args.count, seed=args.seed, year=args.year, years=args.years,
                       as_of=args.as_of, progress=show)
    sys.stderr.write("\n")
    sys.stdout.write(f"{args.db}: {summary}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
