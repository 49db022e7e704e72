"""答复函 and 会办意见: the text the bureau prints, in the official format, numbered."""

import datetime as dt
from pathlib import Path

import docdata
import pytest
from docdata import (
    add_letter_case,
    assert_official_format,
    full_text,
    open_docx,
    paragraph_runs,
    runs_without_east_asia,
    setup_bureau,
)

from proposal_desk.core.enums import Kind
from proposal_desk.documents.letters import write_all_letters, write_letter
from proposal_desk.documents.opinions import write_opinion
from proposal_desk.services import handling
from proposal_desk.storage.errors import UserError
from proposal_desk.storage.models import Reply


def _letter_case(db, **kw):
    with db.transaction() as s:
        setup_bureau(s)
        return add_letter_case(s, **kw).id


def test_joint_letter_has_every_part_in_order(db, tmp_path: Path) -> None:
    pid = _letter_case(db, proposers=["张三", "李四"])
    with db.transaction() as s:
        [path] = write_letter(s, pid, tmp_path / "答复函.docx")
    doc = open_docx(path)
    text = full_text(doc)
    parts = ["公开属性：公开", "A", "区商务局", "签发人：赵局长", "周商函〔2025〕1号",
             "关于区政协十四届四次会议", "第144012号提案的答复", "张三、李四委员：",
             "你们提出的《关于加快跨境电商发展的建议》收悉。现答复如下：",
             "一、关于跨境电商政策支持。", "感谢你们对我们工作的关心和支持",
             "2025年6月20日", "联系人：王芳", "0533-6412345",
             "抄送：区政协提案委员会，区政府办公室，区财政局。", "2025年6月20日印发"]
    position = 0
    for part in parts:
        found = text.find(part, position)
        assert found >= 0, f"{part!r} missing or out of order"
        position = found
    # The category mark sits at the right end of the first line.
    first = doc.paragraphs[0]
    assert first.text == "公开属性：公开\tA"
    assert "《《" not in text and "{{" not in text and "{%" not in text
    assert_official_format(doc)
    assert runs_without_east_asia(doc) == []


def test_headings_take_their_faces_and_the_body_stays_fangsong(db, tmp_path: Path) -> None:
    pid = _letter_case(db)
    with db.transaction() as s:
        [path] = write_letter(s, pid, tmp_path / "a.docx")
    doc = open_docx(path)
    runs = paragraph_runs(doc, "一、")
    assert runs[0] == ("一、关于跨境电商政策支持。", "黑体")
    assert runs[1][1] == "仿宋_GB2312" and runs[1][0].startswith("我局积极争取")
    assert paragraph_runs(doc, "（一）")[0] == ("（一）强化政策宣传。", "楷体_GB2312")
    assert paragraph_runs(doc, "（二）")[0] == ("（二）搭建服务平台", "楷体_GB2312")
    for marker in ("1. 建设", "（1）完善", "下一步"):
        fonts = {font for text, font in paragraph_runs(doc, marker) if text}
        assert fonts == {"仿宋_GB2312"}, marker
    title = paragraph_runs(doc, "关于区政协")
    assert {font for _, font in title} == {"方正小标宋简体"}
    title_size = doc.element.body.xpath(
        './/w:p[w:pPr/w:pStyle/@w:val="GwTitle"]//w:sz/@w:val')
    assert set(title_size) == {"44"}  # 22 pt
    body_size = doc.styles["Normal"].element.xpath("./w:rPr/w:sz/@w:val")
    assert body_size == ["32"]  # 16 pt


def test_one_letter_per_signer_and_collective_bodies_get_no_title(db, tmp_path: Path) -> None:
    pid = _letter_case(db, proposers=["张三", "李四", "民建区委会"])
    with db.transaction() as s:
        paths = write_letter(s, pid, tmp_path / "letter.docx", each_signer=True)
    assert [p.name for p in paths] == ["letter_张三.docx", "letter_李四.docx",
                                       "letter_民建区委会.docx"]
    texts = [full_text(open_docx(p)) for p in paths]
    assert "张三委员：\n您领衔提出的《" in texts[0]
    assert "李四委员：\n您联名提出的《" in texts[1]
    assert "民建区委会：\n" in texts[2] and "民建区委会委员" not in texts[2]
    # All three letters carry the same document number: one reply, one number.
    assert all("周商函〔2025〕1号" in t for t in texts)
    with db.transaction() as s:
        [joint] = write_letter(s, pid, tmp_path / "joint.docx")
    # a comma sets the body off (deliberately changed from 、; newcomer's try-out F11)
    assert "民建区委会，张三、李四委员：" in full_text(open_docx(joint))


def test_document_number_is_the_next_of_the_year_and_kept(db, tmp_path: Path) -> None:
    with db.transaction() as s:
        setup_bureau(s)
        first = add_letter_case(s, number="144001", sent=None)
        second = add_letter_case(s, number="144002", sent=None)
        given = add_letter_case(s, number="144003", sent=None)
        handling.save_reply(s, given, doc_number="周商函〔2025〕88号")
        for signed in (first, second):  # a number is taken at 签发 (a draft prints without)
            handling.save_reply(s, signed, step="主要领导已签发")
        ids = first.id, second.id, given.id
    today = dt.date(2025, 7, 1)
    with db.transaction() as s:
        write_letter(s, ids[1], tmp_path / "b.docx", today=today)
        write_letter(s, ids[0], tmp_path / "a.docx", today=today)
        write_letter(s, ids[2], tmp_path / "c.docx", today=today)
    with db.transaction() as s:
        again = write_letter(s, ids[1], tmp_path / "b2.docx", today=today)
    assert "周商函〔2025〕1号" in full_text(open_docx(tmp_path / "b.docx"))
    assert "周商函〔2025〕2号" in full_text(open_docx(tmp_path / "a.docx"))
    assert "周商函〔2025〕88号" in full_text(open_docx(tmp_path / "c.docx"))
    assert "周商函〔2025〕1号" in full_text(open_docx(again[0]))
    assert "2025年7月1日" in full_text(open_docx(tmp_path / "a.docx"))
    with db.session() as s:
        numbers = {r.proposal.number: r.doc_number for r in s.query(Reply)}
    assert numbers == {"144001": "周商函〔2025〕2号", "144002": "周商函〔2025〕1号",
                       "144003": "周商函〔2025〕88号"}


def test_title_pattern_from_settings_and_npc_words(db, tmp_path: Path) -> None:
    with db.transaction() as s:
        setup_bureau(s, **{"letter.title_pattern": "对{meeting}第{number}号{kind}的答复"})
        pid = add_letter_case(s, kind=Kind.SUGGESTION, meeting_name="区十七届人大三次会议",
                              number="17023").id
    with db.transaction() as s:
        [path] = write_letter(s, pid, tmp_path / "npc.docx")
    text = full_text(open_docx(path))
    assert "对区十七届人大三次会议" in text and "第17023号建议的答复" in text
    assert "张三代表：" in text


def test_broken_title_pattern_names_the_setting(db, tmp_path: Path) -> None:
    with db.transaction() as s:
        setup_bureau(s, **{"letter.title_pattern": "关于{会议}的答复"})
        pid = add_letter_case(s).id
    with db.transaction() as s, pytest.raises(UserError, match=r"letter\.title_pattern"):
        write_letter(s, pid, tmp_path / "x.docx")
    assert not (tmp_path / "x.docx").exists()


def test_letters_are_refused_for_assisted_or_unanswered_proposals(db, tmp_path: Path) -> None:
    with db.transaction() as s:
        setup_bureau(s)
        assisted = add_letter_case(s, number="1", role="协办").id
        p = add_letter_case(s, number="2", role="主办")
        s.delete(p.replies[0])
        unanswered = p.id
    with db.transaction() as s:
        with pytest.raises(UserError, match="会办意见"):
            write_letter(s, assisted, tmp_path / "a.docx")
        with pytest.raises(UserError, match="还没有答复"):
            write_letter(s, unanswered, tmp_path / "b.docx")
        with pytest.raises(UserError, match=r"\.docx"):
            write_letter(s, unanswered, tmp_path / "b.pdf")


def test_all_letters_of_a_year_into_one_folder(db, tmp_path: Path) -> None:
    with db.transaction() as s:
        setup_bureau(s)
        add_letter_case(s, number="144010")
        add_letter_case(s, number="144011", proposers=["王五", "赵六"])
        add_letter_case(s, number="144012", role="协办")
    seen: list[tuple[int, int]] = []
    with db.transaction() as s:
        paths = write_all_letters(s, 2025, tmp_path / "letters",
                                  lambda done, total: seen.append((done, total)))
    assert sorted(p.name for p in paths) == ["第144010号提案答复函.docx",
                                             "第144011号提案答复函.docx"]
    assert seen == [(1, 2), (2, 2)]
    with db.transaction() as s:
        paths = write_all_letters(s, 2025, tmp_path / "each", each_signer=True)
    assert len(paths) == 3


def test_opinion_goes_to_the_lead_unit_with_its_own_series(db, tmp_path: Path) -> None:
    with db.transaction() as s:
        setup_bureau(s)
        docdata.add_letter_case(s, number="144001")  # a reply: the letters' series
        p = add_letter_case(s, number="144020", role="会办")
        handling.set_units(s, p, [("区发展和改革局", "主办"), ("区商务局", "会办")])
        handling.save_assist_opinion(s, p, text="一、关于支持政策。我局将配合做好政策宣传。",
                                     sent_on=dt.date(2025, 4, 10), signer="钱副局长")
        pid = p.id
    with db.transaction() as s:
        path = write_opinion(s, pid, tmp_path / "会办意见.docx")
    doc = open_docx(path)
    text = full_text(doc)
    for part in ("区商务局", "签发人：钱副局长", "周商会办〔2025〕1号",
                 "第144020号提案的会办意见", "区发展和改革局：",
                 "张三委员提出的《关于加快跨境电商发展的建议》（第144020号）收悉",
                 "一、关于支持政策。", "以上意见，请在答复委员时统筹考虑。", "2025年4月10日"):
        assert part in text, part
    assert "抄送" not in text
    assert paragraph_runs(doc, "一、")[0][1] == "黑体"
    assert_official_format(doc)
    assert runs_without_east_asia(doc) == []
    with db.transaction() as s, pytest.raises(UserError, match="答复函"):
        lead = add_letter_case(s, number="144030")
        write_opinion(s, lead.id, tmp_path / "x.docx")


def _number_line(doc) -> str:
    """The paragraph between the letterhead and the title: 签发人 left, 发文字号 right."""
    return next(p.text for p in doc.paragraphs if "〔2025〕" in p.text)


@pytest.mark.parametrize("signer", ["赵局长", ""])
def test_the_signer_line_only_with_a_signer(db, tmp_path: Path, signer: str) -> None:
    """Without a signer the 签发人： label is left out, never printed bare; the 发文字号 keeps
    its place at the right (after the tab) either way."""
    pid = _letter_case(db)
    with db.transaction() as s:
        s.query(Reply).one().signer = signer
    with db.transaction() as s:
        [letter] = write_letter(s, pid, tmp_path / "答复函.docx")
    with db.transaction() as s:
        p = add_letter_case(s, number="144020", role="会办")
        handling.set_units(s, p, [("区发展和改革局", "主办"), ("区商务局", "会办")])
        handling.save_assist_opinion(s, p, text="一、关于支持政策。我局将配合做好政策宣传。",
                                     sent_on=dt.date(2025, 4, 10), signer=signer)
        opinion = write_opinion(s, p.id, tmp_path / "会办意见.docx")
    for path, number in ((letter, "周商函〔2025〕1号"), (opinion, "周商会办〔2025〕1号")):
        doc = open_docx(path)
        expected = f"签发人：{signer}\t{number}" if signer else f"\t{number}"
        assert _number_line(doc) == expected, path.name
        assert ("签发人" in full_text(doc)) == bool(signer), path.name
