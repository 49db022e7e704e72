"""Records for the document tests, written through services.handling as a clerk would:
LEDGER_2024 mirrors ../shared/samples/ledger_2024.xlsx row by row."""

# ruff: noqa: E501  (the ledger's rows stay one per line, as in the spreadsheet)

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from proposal_desk.core.enums import Kind, Stage
from proposal_desk.services import handling
from proposal_desk.services.meetings import default_meeting_name, ensure_meeting
from proposal_desk.storage.models import Proposal
from proposal_desk.storage.settings_store import set_value

SAMPLES = Path(__file__).resolve().parents[2] / "shared" / "samples"
BUREAU = "区商务局"

# 提案号, 案由, 提案人, 办理方式, 主办单位, 承办科室, 承办人, 交办, 时限, 答复, 类别, 委员意见, 沟通方式
LEDGER_2024: list[tuple[Any, ...]] = [
    ("143017", "关于完善农村电商服务网络的建议", "江辉敏", "协办", "区交通运输局", "外资科", "夏刚", "2024-04-13", "2024-04-19", "", "", "电话"),
    ("143003", "关于稳外贸促进外贸固稳提质的几点建议", "谢琳", "会办", "区科学技术局", "办公室", "许玉", "2024-04-13", "2024-03-31", "", "", "座谈会"),
    ("143131", "关于繁荣发展夜间经济的几点建议", "毛明杰", "协办", "区税务局", "办公室", "董萍", "2024-04-13", "2024-04-18", "", "", "电话"),
    ("143140", "关于建设县级物流配送中心的建议", "曾秀浩", "主办", BUREAU, "电子商务科", "何峰", "2024-06-13", "2024-05-22", "A", "满意", "座谈会"),
    ("143128", "关于发展首店经济和网红经济的意见和建议", "杨怡颖", "协办", "区自然资源局", "商贸流通科", "邓林建", "2024-04-13", "2024-03-11", "", "", "电话、面商"),
    ("143092", "关于加快老字号品牌发展振兴老字号的提案", "吴慧峰", "主办", BUREAU, "办公室", "韩欣", "2024-06-13", "2024-05-19", "A", "不满意", "电话、面商"),
    ("143012", "关于优化企业国外展销会补助的建议", "覃英萍", "协办", "区市场监督管理局", "外资科", "孟勇秀", "2024-04-13", "2024-03-04", "", "", "座谈会"),
    ("143029", "关于疫情后企业纾难解困的意见和建议", "范涛", "会办", "区工业和信息化局", "商贸流通科", "白红宇", "2024-04-13", "2024-03-28", "", "", "座谈会"),
    ("143056", "关于促进家政行业健康发展的意见和建议", "马敏秀", "主办", BUREAU, "电子商务科", "白东", "2024-06-13", "2024-06-03", "A", "满意", "电话"),
    ("143174", "关于拓展外资招引平台的提案", "夏建", "协办", "区农业农村局", "办公室", "顾欣", "2024-04-13", "2024-03-09", "", "", "电话、面商"),
    ("143145", "关于加强商贸流通领域安全生产的提案", "孔晨刚", "主办", BUREAU, "电子商务科", "郑斌怡", "2024-06-13", "2024-05-25", "B", "满意", "座谈会"),
    ("143113", "关于规范商业综合体运营管理的意见和建议", "胡波艳", "会办", "区水利局", "商贸流通科", "侯强霞", "2024-04-13", "2024-03-16", "", "", "电话"),
    ("143178", "关于提升惠企政策精准度为民营企业赋能的建议", "钱杰", "会办", "区妇联", "电子商务科", "钟晓春", "2024-04-13", "2024-03-07", "", "", "座谈会"),
    ("143143", "关于推进一刻钟便民生活圈建设的意见和建议", "何国萍", "协办", "区交通运输局", "外资科", "王霞波", "2024-04-13", "2024-03-20", "", "", "上门面商"),
    ("143118", "关于提振汽车消费的建议", "黎凯", "主办", BUREAU, "电子商务科", "徐波敏", "2024-06-13", "2024-06-03", "A", "满意", "电话、面商"),
    ("143127", "关于加快跨境电商发展的提案", "胡伟宇", "会办", "区应急管理局", "电子商务科", "钟志", "2024-04-13", "2024-03-23", "", "", "上门面商"),
    ("143155", "关于推动预制食品产业高质量发展的提案", "宋浩文", "主办", BUREAU, "市场运行科", "马军", "2024-06-13", "2024-05-28", "A", "基本满意", "电话"),
    ("143006", "关于培育直播电商产业带的提案", "秦娟敏", "主办", BUREAU, "对外贸易科", "黄鹏", "2024-06-13", "2024-05-27", "D", "满意", "座谈会"),
    ("143035", "关于完善农村电商服务网络的提案", "余华萍", "主办", BUREAU, "办公室", "吕鹏", "2024-06-13", "2024-06-03", "A", "满意", "电话"),
]
ASSIGNED_2024 = dt.date(2024, 3, 14)


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def setup_bureau(session: Any, **extra: str) -> None:
    values = {"bureau.name": BUREAU, "bureau.aliases": "周村区商务局,商务局",
              "bureau.doc_prefix": "周商函", "bureau.opinion_prefix": "周商会办",
              "bureau.contact_name": "王芳", "bureau.contact_phone": "0533-6412345", **extra}
    for key, value in values.items():
        set_value(session, key, value)


def add_ledger_2024(session: Any, meeting_name: str | None = None) -> None:
    """The 19 rows of ledger_2024.xlsx, each carried to where the ledger says it stands."""
    meeting = ensure_meeting(session, meeting_name or default_meeting_name(Kind.PROPOSAL, 2024),
                             kind=Kind.PROPOSAL, year=2024)
    for (number, title, proposer, role, lead, section, handler, due, replied, category,
         opinion, methods) in LEDGER_2024:
        p = Proposal(meeting=meeting, number=number, title=title, role=role,
                     assigned_on=ASSIGNED_2024, due_override=day(due))
        session.add(p)
        session.flush()
        handling.set_proposers(session, p, [proposer])
        units = [(lead, "主办")] if lead != BUREAU else [(BUREAU, "主办")]
        if lead != BUREAU:
            units.append((BUREAU, role))
        handling.set_units(session, p, units)
        handling.assign(session, p, section=section, handler=handler)
        for method in methods.split("、"):
            handling.add_record(p, date=ASSIGNED_2024, method=method, stage=Stage.BEFORE,
                                content="办前沟通")
        if role in ("主办", "分办"):
            handling.save_reply(session, p, category=category, sent_on=day(replied),
                                text=f"关于{title[2:]}，我局高度重视，认真研究办理。",
                                signer="李局长")
            handling.record_opinion(p, opinion, received_on=day(replied) + dt.timedelta(days=5))
        else:
            # from_record: the ledger's history, some opinions dated before 交办 (the import
            # warns and keeps them; the window refuses such a date)
            handling.save_assist_opinion(session, p, sent_on=day(replied), from_record=True,
                                         text="我局结合职能提出会办意见。")
        session.flush()


REPLY_TEXT = """一、关于跨境电商政策支持。我局积极争取上级资金，全年兑现扶持资金120万元。
（一）强化政策宣传。组织企业参加培训8场。
（二）搭建服务平台
1. 建设跨境电商产业园，入驻企业15家。
（1）完善物流配套。
下一步，我局将继续加大工作力度。"""


def add_letter_case(session: Any, *, proposers: list[str] | None = None,
                    number: str = "144012", kind: Kind = Kind.PROPOSAL,
                    meeting_name: str = "区政协十四届四次会议", role: str = "主办",
                    text: str = REPLY_TEXT, sent: dt.date | None = dt.date(2025, 6, 20),
                    category: str = "A") -> Proposal:
    """A 2025 proposal with a signed reply, ready for a letter."""
    meeting = ensure_meeting(session, meeting_name, kind=kind, year=2025)
    p = Proposal(meeting=meeting, number=number, title="《关于加快跨境电商发展的建议》",
                 role=role, assigned_on=dt.date(2025, 3, 18))
    session.add(p)
    session.flush()
    handling.set_proposers(session, p, proposers or ["张三"])
    handling.set_units(session, p, [(BUREAU, "主办"), ("区财政局", "协办")])
    handling.assign(session, p, section="电子商务科", handler="李明")
    handling.add_record(p, date=dt.date(2025, 4, 2), method="上门面商", content="面商")
    if role in ("主办", "分办"):
        # A sent reply without a category only comes from a ledger's history.
        handling.save_reply(session, p, category=category, text=text, signer="赵局长",
                            sent_on=sent, from_record=not category)
    session.flush()
    return p


# ---- reading documents back ----------------------------------------------------------------

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def open_docx(path: Path) -> Any:
    from docx import Document

    return Document(str(path))


def parts_of(doc: Any) -> list[Any]:
    """The body and every footer that is not linked to the previous section's."""
    roots = [doc.element.body]
    for section in doc.sections:
        for footer in (section.footer, section.even_page_footer):
            if not footer.is_linked_to_previous:
                roots.append(footer._element)
    return roots


def runs_of(doc: Any) -> list[Any]:
    return [r for root in parts_of(doc) for r in root.iter(f"{W}r")]


def run_font(run: Any) -> str | None:
    fonts = run.find(f"{W}rPr/{W}rFonts")
    return None if fonts is None else fonts.get(f"{W}eastAsia")


def runs_without_east_asia(doc: Any) -> list[str]:
    """Text of every run (body and footers) that names no East Asian font."""
    missing = []
    for run in runs_of(doc):
        if not run_font(run):
            missing.append("".join(t.text or "" for t in run.iter(f"{W}t")) or "<empty run>")
    return missing


def paragraph_text(p: Any) -> str:
    """A paragraph's text with its line breaks (w:br) as \n and tabs as \t."""
    out = []
    for node in p.iter(f"{W}t", f"{W}br", f"{W}tab"):
        if node.tag == f"{W}t":
            out.append(node.text or "")
        elif node.tag == f"{W}br":
            out.append("\n")
        elif node.getparent().tag == f"{W}r":  # a tab character, not a tab stop
            out.append("\t")
    return "".join(out)


def full_text(doc: Any) -> str:
    """All paragraph text, tables included, one paragraph a line."""
    return "\n".join(paragraph_text(p) for p in doc.element.body.iter(f"{W}p"))


def paragraph_runs(doc: Any, startswith: str) -> list[tuple[str, str | None]]:
    """(text, East Asian font) of each run of the first paragraph starting with the text."""
    for p in doc.element.body.iter(f"{W}p"):
        text = "".join(t.text or "" for t in p.iter(f"{W}t"))
        if text.startswith(startswith):
            return [("".join(t.text or "" for t in r.iter(f"{W}t")), run_font(r))
                    for r in p.iter(f"{W}r")]
    raise AssertionError(f"no paragraph starts with {startswith!r}")


def assert_official_format(doc: Any, *, landscape: bool = False) -> None:
    """A4 portrait (or landscape, its margins turned with the page), GB/T 9704 margins,
    22-line pitch, odd/even page-number fields."""
    from docx.shared import Mm

    from proposal_desk.documents import format as fmt

    section = doc.sections[0]
    width, height = (297, 210) if landscape else (210, 297)
    assert abs(section.page_width - Mm(width)) < Mm(0.1)
    assert abs(section.page_height - Mm(height)) < Mm(0.1)
    margins = (37, 35, 28, 26) if not landscape else (28, 26, 37, 35)
    for name, mm in zip(("top_margin", "bottom_margin", "left_margin", "right_margin"),
                        margins, strict=True):
        assert abs(getattr(section, name) - Mm(mm)) < Mm(0.1), name
    grid = section._sectPr.find(f"{W}docGrid")
    assert grid.get(f"{W}linePitch") == str(fmt.LINE_PITCH)
    assert fmt.LINE_PITCH * 22 <= fmt.TEXT_HEIGHT < fmt.LINE_PITCH * 23
    # The body's line spacing is that exact pitch.
    spacing = doc.styles["Normal"].element.find(f"{W}pPr/{W}spacing")
    assert (spacing.get(f"{W}line"), spacing.get(f"{W}lineRule")) == (str(fmt.LINE_PITCH), "exact")
    assert doc.settings.element.find(f"{W}evenAndOddHeaders") is not None
    for footer, align in ((section.footer, "right"), (section.even_page_footer, "left")):
        xml = footer._element.xml
        assert "PAGE" in "".join(t.text or "" for t in footer._element.iter(f"{W}instrText"))
        assert footer._element.find(f".//{W}fldChar") is not None
        text = "".join(t.text or "" for t in footer._element.iter(f"{W}t"))
        assert text.startswith("— ") and text.endswith(" —")
        assert f'w:val="{align}"' in xml
        for run in footer._element.iter(f"{W}r"):
            assert run_font(run) == "宋体"
            assert run.find(f"{W}rPr/{W}sz").get(f"{W}val") == "28"
