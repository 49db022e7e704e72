"""The annual report: figures computed from the records by the stated definitions, the
narrative kept per year, one section per proposal and the appendix of every proposal."""

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from docdata import (
    SAMPLES,
    W,
    add_ledger_2024,
    add_letter_case,
    assert_official_format,
    full_text,
    open_docx,
    runs_without_east_asia,
    setup_bureau,
)
from docx.shared import Mm

from proposal_desk.core.enums import Kind
from proposal_desk.documents.figures import (
    compute,
    digest,
    load_digests,
    load_prior_b,
    percent,
    percent_text,
)
from proposal_desk.documents.report import report_context, write_report
from proposal_desk.services import handling, report_texts
from proposal_desk.services.meetings import ensure_meeting
from proposal_desk.storage.errors import UserError
from proposal_desk.storage.models import Proposal
from proposal_desk.storage.settings_store import load_settings

DEC20 = dt.date(2024, 12, 20)


def _figures(db, year: int = 2024):
    with db.session() as s:
        settings = load_settings(s)
        digests = load_digests(s, settings.deadlines, year=year)
        return compute(digests, settings, load_prior_b(s, year - 1))


def test_percent_is_count_over_base_rounded_half_up() -> None:
    assert percent(6, 8) == Decimal("75.0")
    assert percent(1, 8) == Decimal("12.5")
    assert percent(2, 3) == Decimal("66.7")
    assert percent(1, 3) == Decimal("33.3")
    assert percent(17, 19) == Decimal("89.5")
    assert percent(1, 400) == Decimal("0.3")  # 0.25: half up, where float formatting gives 0.2
    assert percent(1, 2000) == Decimal("0.1")  # 0.05
    assert percent(0, 0) is None
    assert percent_text(percent(19, 19)) == "100.0%"
    assert percent_text(None) == "—"


def test_figures_of_the_2024_ledger(db) -> None:
    with db.transaction() as s:
        setup_bureau(s)
        add_ledger_2024(s)
    fig = _figures(db)
    assert fig.total == 19
    assert (fig.lead, fig.assist, fig.joint, fig.split) == (8, 6, 5, 0)
    shares = {c.name: (c.count, c.percent) for c in fig.categories}
    assert shares == {"A": (6, Decimal("75.0")), "B": (1, Decimal("12.5")),
                      "C": (0, Decimal("0.0")), "D": (1, Decimal("12.5"))}
    assert fig.category_base == 8
    assert (fig.opinions, fig.satisfied, fig.basically, fig.unsatisfied) == (8, 6, 1, 1)
    assert fig.satisfaction_rate == Decimal("75.0")
    assert fig.satisfied_or_basic_rate == Decimal("87.5")
    # 143017 and 143131 sent their opinions after 4月13日.
    assert (fig.on_time, fig.replied, fig.on_time_rate) == (17, 19, Decimal("89.5"))
    # 主办 with 座谈会 or 面商 on record: 143140, 143092, 143145, 143118, 143006.
    assert (fig.face_count, fig.face_base, fig.face_rate) == (5, 8, Decimal("62.5"))
    # 143092 is 不满意: answered, reopened, not 办结.
    assert (fig.answered, fig.closed, fig.reopened, fig.in_progress) == (19, 18, 1, 0)


def test_column_loading_says_what_the_records_say(db) -> None:
    """load_digests reads cached columns; digest() reads the records through facts_of."""
    with db.transaction() as s:
        setup_bureau(s)
        add_ledger_2024(s)
        for p in s.query(Proposal).limit(3):
            handling.set_topics(s, p, ["电商", "物流"])
        late = s.query(Proposal).filter_by(number="143131").one()
        late.due_override = None  # due from the role's duration instead
    with db.session() as s:
        settings = load_settings(s)
        by_columns = load_digests(s, settings.deadlines, year=2024)
        by_records = sorted((digest(p, settings.deadlines) for p in s.query(Proposal)),
                            key=lambda d: by_columns.index(
                                next(c for c in by_columns if c.id == d.id)))
    assert by_columns == by_records
    assert sum(1 for d in by_columns if d.on_time is False) == 2


def test_categories_count_only_lead_and_split_answers_with_one(db) -> None:
    with db.transaction() as s:
        setup_bureau(s)
        add_letter_case(s, number="1", category="A")
        add_letter_case(s, number="2", category="C", role="分办")
        add_letter_case(s, number="3", category="", sent=dt.date(2025, 6, 1))  # no category
        add_letter_case(s, number="4", role="协办")
        add_letter_case(s, number="5", category="A", sent=None)  # drafted, not sent
    fig = _figures(db, 2025)
    assert fig.category_base == 2
    assert {c.name: c.count for c in fig.categories if c.count} == {"A": 1, "C": 1}
    assert fig.category("A").percent == Decimal("50.0")


def test_report_of_the_2024_ledger_through_the_real_import(bureau_db, tmp_path: Path) -> None:
    from proposal_desk.sheets.importer import import_file

    import_file(bureau_db, SAMPLES / "ledger_2024.xlsx")
    with bureau_db.session() as s:
        path = write_report(s, 2024, tmp_path / "report.docx", today=DEC20)
    doc = open_docx(path)
    text = full_text(doc)
    assert "共承办2024年度政协提案19件，其中主办8件、协办6件、会办5件" in text
    assert "（A类）6件，占75.0%" in text
    assert "（B类）1件，占12.5%" in text
    assert "（D类）1件，占12.5%" in text
    assert "（C类）" not in text
    assert "满意率75.0%" in text and "满意及基本满意率87.5%" in text
    rows = doc.tables[0].rows
    assert len(rows) == 20
    assert [c.text for c in rows[0].cells] == ["序号", "提案号", "案由", "提案人", "办理方式",
                                               "承办科室", "答复日期", "类别", "委员意见"]
    by_number = {r.cells[1].text: [c.text for c in r.cells] for r in rows[1:]}
    assert by_number["143092"][2:] == ["关于加快老字号品牌发展振兴老字号的提案", "吴慧峰", "主办",
                                       "办公室", "2024年5月19日", "A", "不满意"]
    assert by_number["143003"][4:] == ["会办", "办公室", "2024年3月31日", "—", "—"]
    assert [r.cells[0].text for r in rows[1:]] == [str(i) for i in range(1, 20)]


def test_report_text_figures_sections_and_format(db, tmp_path: Path) -> None:
    with db.transaction() as s:
        setup_bureau(s)
        add_ledger_2024(s)
        p = s.query(Proposal).filter_by(number="143140").one()
        p.summary = "一是建成配送中心。\n二是引进快递企业5家。"
        p.key = True
        p.supervisor = "王副区长"
        handling.set_topics(s, p, ["物流", "电商"])
        q = s.query(Proposal).filter_by(number="143118").one()
        handling.set_topics(s, q, ["电商"])
        assisted = s.query(Proposal).filter_by(number="143003").one()
        assisted.summary = "配合主办单位提供外贸数据。"
    with db.session() as s:
        path = write_report(s, 2024, tmp_path / "r.docx", today=DEC20)
    doc = open_docx(path)
    text = full_text(doc)
    assert "区商务局关于2024年度政协委员提案\n办理工作情况的报告" in text
    # 主办 replies and 协办/会办 opinions apart (deliberately changed: it read 已办结18件,
    # adding the two; newcomer's try-out F12).
    assert ("截至2024年12月20日，主办提案8件，均已按时答复委员，其中因委员不满意正在重新办理1件；"
            "协办、会办提案11件，均已向主办单位送出协办、会办意见（按时9件）。") in text
    assert "所办提案涵盖了电商、物流等方面。" in text
    assert "按时办结率89.5%" in text and "见面率62.5%" in text and "办复率100.0%" in text
    assert ("重点提案1件：第143140号《关于建设县级物流配送中心的建议》（王副区长督办），"
            "已答复（A类）") in text
    # One section per answered proposal, the key one first, and assisted ones with a summary.
    headings = [line for line in text.split("\n") if line.startswith("（") and "号" in line[:12]]
    assert headings[0] == "（一）第143140号重点提案《关于建设县级物流配送中心的建议》"
    assert len(headings) == 9
    assert headings[-1].startswith("（九）第143003号")
    assert "一是建成配送中心。\n二是引进快递企业5家。" in text
    assert text.count("（待补充：承办科室尚未填写本件的办理工作小结。）") == 7
    for heading in ("一、基本情况", "二、主要做法", "三、政协委员提案办理情况", "四、存在的问题",
                    "五、下一步工作打算", "附件"):
        assert f"\n{heading}\n" in text
    assert_official_format(doc)
    assert runs_without_east_asia(doc) == []
    appendix = doc.sections[-1]
    assert abs(appendix.page_width - Mm(297)) < Mm(0.1)  # the table on landscape pages
    assert appendix.footer.is_linked_to_previous  # numbering continues
    heading = doc.element.body.xpath('.//w:p[w:pPr/w:pStyle/@w:val="GwHeading1"]//w:r')
    assert {r.find(f"{W}rPr/{W}rFonts").get(f"{W}eastAsia") for r in heading} == {"黑体"}


def test_narrative_comes_from_last_years_text_until_this_years_is_saved(db) -> None:
    with db.transaction() as s:
        setup_bureau(s)
        add_letter_case(s)
    with db.session() as s:
        first = report_context(s, 2025, today=dt.date(2025, 12, 1))
    assert first["practice"][0]["head"] == "（一）压实办理责任。"  # the starter text
    assert "2025年，区商务局把提案办理" in first["opening"][0]["text"]
    with db.transaction() as s:
        report_texts.save_text(s, 2024, "存在问题", "去年的问题。")
        report_texts.save_text(s, 2024, "下一步打算", "一、去年的打算。继续努力。")
    with db.session() as s:
        carried = report_context(s, 2025, today=dt.date(2025, 12, 1))
        texts = report_texts.texts_for(s, 2025)
    assert [p["text"] for p in carried["problems"]] == ["去年的问题。"]
    assert carried["plans"][0] == {"level": 1, "head": "一、去年的打算。", "rest": "继续努力。",
                                   "text": "一、去年的打算。继续努力。"}
    assert texts["存在问题"].source_year == 2024 and not texts["存在问题"].is_for(2025)
    with db.transaction() as s:
        assert report_texts.prefill(s, 2025) == 4
        report_texts.save_text(s, 2025, "存在问题", "今年的问题。")
    with db.session() as s:
        own = report_context(s, 2025, today=dt.date(2025, 12, 1))
        assert report_texts.texts_for(s, 2026)["存在问题"].text == "今年的问题。"
    assert [p["text"] for p in own["problems"]] == ["今年的问题。"]
    assert [p["text"] for p in own["plans"]] == ["一、去年的打算。继续努力。"]
    with db.transaction() as s, pytest.raises(UserError, match="没有名为"):
        report_texts.save_text(s, 2025, "结尾", "x")


@pytest.mark.parametrize(("carried_out", "said"), [
    ((True, False), "2024年答复为B类的提案共2件，已落实1件，其余1件正在跟踪落实。"),
    ((True,), "2024年答复为B类的提案共1件，均已落实。"),  # not 已落实1件，均已落实
], ids=["some", "all"])
def test_last_years_b_answers_and_how_many_were_carried_out(
        db, carried_out: tuple[bool, ...], said: str) -> None:
    with db.transaction() as s:
        setup_bureau(s)
        meeting = ensure_meeting(s, "区政协十四届三次会议", kind=Kind.PROPOSAL, year=2024)
        for number, done in zip(("143001", "143002"), carried_out, strict=False):
            p = Proposal(meeting=meeting, number=number, title="关于某事的建议", role="主办",
                         assigned_on=dt.date(2024, 3, 1))
            s.add(p)
            s.flush()
            handling.set_proposers(s, p, ["张三"])
            handling.save_reply(s, p, category="B", sent_on=dt.date(2024, 5, 1), text="x")
            s.flush()
            p.category = "B"
            handling.add_follow_up(p, year=2025, on=dt.date(2025, 3, 1), progress="推进中",
                                   carried_out=done)
        add_letter_case(s)
    with db.session() as s:
        context = report_context(s, 2025, today=dt.date(2025, 12, 1))
    basic = "\n".join(p["text"] for p in context["basic"])
    assert said in basic


def test_one_meeting_and_returned_proposals(db, tmp_path: Path) -> None:
    with db.transaction() as s:
        setup_bureau(s)
        add_letter_case(s, number="144001")
        add_letter_case(s, number="17001", kind=Kind.SUGGESTION,
                        meeting_name="区十七届人大三次会议")
        gone = add_letter_case(s, number="144002", role="协办")
        handling.request_return(gone, on=dt.date(2025, 3, 20), reason="不属于本单位职责")
        handling.decide_return(gone, "同意退回", dt.date(2025, 3, 25))
    with db.session() as s:
        both = report_context(s, 2025, today=dt.date(2025, 12, 1))
        one = report_context(s, 2025, meeting="区政协十四届四次会议", today=dt.date(2025, 12, 1))
        with pytest.raises(UserError, match="找不到会议"):
            report_context(s, 2025, meeting="市政协")
    first = both["basic"][0]["text"]
    assert "区十七届人大三次会议代表建议1件、区政协十四届四次会议委员提案1件，合计2件" in first
    assert "另有1件经同意退回，未计入上述数字。" in first
    assert both["kind_word"] == "人大代表建议和政协委员提案"
    assert [r["number"] for r in both["appendix"]] == ["17001", "144001"]
    assert one["fig"]["total"] == 1
    assert one["title"].replace("\n", "") == \
        "区商务局关于区政协十四届四次会议委员提案办理工作情况的报告"
    assert one["appendix_title"] == "区政协十四届四次会议提案办理情况一览表"


def test_progress_reports_each_step(db, tmp_path: Path) -> None:
    with db.transaction() as s:
        setup_bureau(s)
        add_letter_case(s)
    steps: list[tuple[int, int]] = []
    with db.session() as s:
        write_report(s, 2025, tmp_path / "r.docx", progress=lambda d, t: steps.append((d, t)))
    assert steps == [(1, 4), (2, 4), (3, 4), (4, 4)]


def test_proposals_handled_together_share_one_section(db) -> None:
    with db.transaction() as s:
        setup_bureau(s)
        first = add_letter_case(s, number="134079")
        second = add_letter_case(s, number="134110")
        second.title = "关于建设住宅小区电动车充电装置的建议"
        first.merged_with = "第134110号"
        second.merged_with = "134079"
        second.summary = "一是新建小区配建充电设施。"
        split = add_letter_case(s, number="134200", role="分办", category="B")
        split.summary = "分办部分已答复。"
    with db.session() as s:
        context = report_context(s, 2025, today=dt.date(2025, 12, 1))
    assert [x["heading"] for x in context["sections"]] == [
        "（一）第134079号、第134110号提案《关于加快跨境电商发展的建议》"
        "《关于建设住宅小区电动车充电装置的建议》",
        "（二）第134200号提案《关于加快跨境电商发展的建议》",
    ]
    assert context["sections"][0]["paras"][0]["text"] == "一是新建小区配建充电设施。"
    basic = context["basic"][0]["text"]
    assert "其中主办2件、分办1件" in basic
    assert "在主办、分办并已答复的3件中" in "".join(p["text"] for p in context["basic"])
