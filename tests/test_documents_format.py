"""GB/T 9704 arithmetic and the text rules: headings, title lines, numbering, fonts."""

from docx import Document

from proposal_desk.documents import format as fmt


def test_page_and_type_area() -> None:
    assert (fmt.PAGE_WIDTH, fmt.PAGE_HEIGHT) == (11906, 16838)  # A4 as Word stores it
    assert abs(fmt.TEXT_WIDTH - fmt.twips(156)) <= 1
    assert abs(fmt.TEXT_HEIGHT - fmt.twips(225)) <= 1


def test_22_lines_of_28_characters() -> None:
    assert fmt.LINE_PITCH * 22 <= fmt.TEXT_HEIGHT < fmt.LINE_PITCH * 23
    advance = fmt.BODY_PT * 20 - fmt.CONDENSE  # one condensed 3号 character, in twips
    assert advance * 28 <= fmt.TEXT_WIDTH < advance * 29


def test_headings_are_recognised_by_their_markers() -> None:
    text = ("  一、总体情况。今年共办理12件。\n（一）强化领导。\n（二）沟通协商\n"
            "1. 第一点\n1.5亿元的投入\n（1）细项\n(2)半角括号\n　　一是加强宣传。\n\n\n")
    paras = fmt.split_paragraphs(text)
    assert [(p.level, p.head, p.rest) for p in paras] == [
        (1, "一、总体情况。", "今年共办理12件。"),
        (2, "（一）强化领导。", ""),
        (2, "（二）沟通协商", ""),
        (3, "", "1. 第一点"),
        (0, "", "1.5亿元的投入"),
        (3, "", "（1）细项"),
        (3, "", "(2)半角括号"),
        (0, "", "一是加强宣传。"),
    ]
    assert paras[0].text == "一、总体情况。今年共办理12件。"


def test_title_lines_break_at_sensible_places() -> None:
    assert fmt.title_lines("关于区政协十四届四次会议第144012号提案的答复") == [
        "关于区政协十四届四次会议", "第144012号提案的答复"]
    assert fmt.title_lines("区商务局关于2024年度政协委员提案办理工作情况的报告") == [
        "区商务局关于2024年度政协委员提案", "办理工作情况的报告"]
    assert fmt.title_lines("关于第1号提案的答复") == ["关于第1号提案的答复"]
    for lines in (fmt.title_lines("关于《" + "很长" * 12 + "》的会办意见"),
                  fmt.title_lines("关于市政协十三届二次会议第20240247号提案的答复")):
        assert all(fmt.text_width(line) <= 20 for line in lines)
        assert not any(line.startswith(("，", "。", "》")) for line in lines)
    # Never inside a number, even where the balance would prefer it.
    lines = fmt.title_lines("关于区政协第十四届第四次全体会议第1440123号提案的答复")
    assert any("1440123" in line for line in lines)


def test_chinese_numerals_for_section_numbers() -> None:
    assert [fmt.cn_numeral(n) for n in (1, 9, 10, 11, 19, 20, 21, 99, 100, 105, 110, 119)] == [
        "一", "九", "十", "十一", "十九", "二十", "二十一", "九十九", "一百", "一百零五",
        "一百一十", "一百一十九"]


def test_ensure_east_asia_completes_runs_from_their_style() -> None:
    doc = Document()
    fmt.setup_document(doc)
    plain = doc.add_paragraph("正文", style=fmt.find_style(doc, "GwFlush"))
    heading = doc.add_paragraph("一、标题", style=fmt.find_style(doc, "GwHeading1"))
    latin = doc.add_paragraph().add_run("Times")
    latin.font.name = "Times New Roman"  # python-docx: ascii/hAnsi only
    assert fmt.ensure_east_asia(doc) == 3
    w = f"{{{fmt.W_NS}}}"

    def east_asia(run):
        return run._r.find(f"{w}rPr/{w}rFonts").get(f"{w}eastAsia")

    assert east_asia(plain.runs[0]) == "仿宋_GB2312"
    assert east_asia(heading.runs[0]) == "黑体"
    assert east_asia(latin) == "仿宋_GB2312"
    assert latin._r.find(f"{w}rPr/{w}rFonts").get(f"{w}ascii") == "Times New Roman"
    assert fmt.ensure_east_asia(doc) == 0


def test_document_modules_leave_word_libraries_unloaded() -> None:
    """The window imports these modules at start; python-docx, docxtpl, openpyxl and Jinja
    load only when a document is written."""
    import subprocess
    import sys

    code = ("import sys\n"
            "import proposal_desk.documents.chase, proposal_desk.documents.letters\n"
            "import proposal_desk.documents.opinions, proposal_desk.documents.report\n"
            "import proposal_desk.documents.templates, proposal_desk.documents.pdf\n"
            "print(sorted(m for m in ('docx', 'docxtpl', 'openpyxl', 'jinja2', 'lxml')"
            " if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "[]"
