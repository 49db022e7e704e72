"""Build the built-in Word templates (letter, opinion, report, chase, return) from code.

Run after changing the format or the fixed wording, and commit the .docx files it writes:
    .venv/bin/python resources/templates/make_templates.py

The templates are ordinary .docx files with docxtpl placeholders. Bureaus export them, change
the letterhead or wording in Word/WPS, and point the settings at their copy; the program never
needs this script at run time.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

from docx import Document
from docx.oxml import OxmlElement
from docx.shared import Twips

from proposal_desk.documents import format as fmt

HERE = Path(__file__).resolve().parent
FIXED_TIME = dt.datetime(2025, 1, 1, 0, 0, 0)
CHAR = fmt.BODY_PT * 20  # one character of 3号, in twips
NOTE_CHAR = fmt.NOTE_PT * 20
# Centre of the signature over a date such as 2025年6月20日 (6.5 ems) 4 characters from the right.
SIGN_CENTRE = fmt.TEXT_WIDTH - 4 * CHAR - round(6.5 * CHAR / 2)


def new_document() -> Any:
    doc = Document()
    # The default template starts with one empty paragraph; we add our own.
    body = doc.element.body
    for p in list(body.iterchildren(f"{{{fmt.W_NS}}}p")):
        body.remove(p)
    fmt.setup_document(doc)
    props = doc.core_properties
    props.author = "提案办理台"
    props.last_modified_by = "提案办理台"
    props.created = FIXED_TIME
    props.modified = FIXED_TIME
    props.revision = 1
    props.title = ""
    props.comments = ""
    return doc


def para(doc: Any, text: str = "", *, style: str = "Normal", font: str = fmt.FONT_BODY,
         size: float | None = None, **kw: Any) -> Any:
    return fmt.add_paragraph(doc, text, style=style, font=font, size=size, **kw)


def tag(doc: Any, text: str) -> None:
    """A paragraph holding only a docxtpl paragraph tag ({%p … %}); it disappears on render."""
    para(doc, text, style="GwFlush")


def flow(doc: Any, items: str, var: str = "para") -> None:
    """The typed-text block: headings 一、 in 黑体 and （一） in 楷体_GB2312, the rest in 仿宋."""
    tag(doc, f"{{%p for {var} in {items} %}}")
    tag(doc, f"{{%p if {var}.level == 1 %}}")
    p = para(doc, style="GwHeading1")
    fmt.add_run(p, f"{{{{ {var}.head }}}}", fmt.FONT_H1)
    fmt.add_run(p, f"{{{{ {var}.rest }}}}", fmt.FONT_BODY)
    tag(doc, f"{{%p elif {var}.level == 2 %}}")
    p = para(doc, style="GwHeading2")
    fmt.add_run(p, f"{{{{ {var}.head }}}}", fmt.FONT_H2)
    fmt.add_run(p, f"{{{{ {var}.rest }}}}", fmt.FONT_BODY)
    tag(doc, "{%p else %}")
    para(doc, f"{{{{ {var}.text }}}}")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endfor %}")


def letterhead(doc: Any) -> None:
    """发文机关标志 in red with the red rule under it (上粗下细)."""
    p = para(doc, "{{ bureau }}", style="GwLetterhead", font=fmt.FONT_TITLE,
             size=fmt.LETTERHEAD_PT, color=fmt.RED)
    fmt.add_border(p._p.get_or_add_pPr(), "bottom", size=24, color=fmt.RED,
                   style="thickThinSmallGap", space=8)


def number_line(doc: Any) -> None:
    """签发人 at the left, 发文字号 at the right; without a signer the 签发人： label is left
    out (never a bare 签发人：) and the number keeps its place at the right."""
    p = para(doc, "{% if signer %}签发人：{{ signer }}{% endif %}", style="GwFlush")
    ppr = p._p.get_or_add_pPr()
    fmt.set_attrs(fmt.ppr_child(ppr, "spacing"), before=fmt.LINE_PITCH // 2)
    fmt.add_tab(ppr, fmt.TEXT_WIDTH, "right")
    fmt.add_run(p, "\t{{ doc_number }}")


def title(doc: Any) -> None:
    para(doc, style="GwFlush")
    para(doc, "{{ title }}", style="GwTitle", font=fmt.FONT_TITLE, size=fmt.TITLE_PT)
    para(doc, style="GwFlush")


def keep_with_next(p: Any, *, whole: bool = False) -> Any:
    """The paragraph goes to the next page with the one after it (and, `whole`, is not split
    over two pages)."""
    ppr = p._p.get_or_add_pPr()
    fmt.ppr_child(ppr, "keepNext")
    if whole:
        fmt.ppr_child(ppr, "keepLines")
    return p


def closing(doc: Any, text: str) -> None:
    """The closing sentence, kept whole and on the page of the 落款 after it: a page never
    starts with the signature alone (GB/T 9704: the 落款 stays with the text)."""
    keep_with_next(para(doc, text), whole=True)


def signature(doc: Any, *, contact_follows: bool = True) -> None:
    """署名 centred over the date; the date 4 characters from the right edge. Kept on one page
    with the closing sentence before and the contact line after."""
    keep_with_next(para(doc, style="GwFlush"))
    p = keep_with_next(para(doc, style="GwFlush"))
    fmt.add_tab(p._p.get_or_add_pPr(), SIGN_CENTRE, "center")
    fmt.add_run(p, "\t{{ bureau }}")
    if not contact_follows:  # the report's date ends its section: nothing to keep it with
        para(doc, "{{ date }}", style="GwSignature")
        return
    # The date keeps with the contact line under it, never with the 版记 after it: a short
    # body whose closing, 落款 and 版记 did not fit on its page sent all three to the next,
    # leaving a third of the page empty. The 版记 may go to a page of its own (the 版记页 of
    # GB/T 9704); the 落款 stays with the text. Adjusting the line spacing to fit (7.3.5.1)
    # would need the page layout, which only the word processor knows.
    tag(doc, "{%p if contact_name or contact_phone %}")
    keep_with_next(para(doc, "{{ date }}", style="GwSignature"))
    tag(doc, "{%p else %}")
    para(doc, "{{ date }}", style="GwSignature")
    tag(doc, "{%p endif %}")


def contact(doc: Any) -> None:
    """（联系人：…；联系电话：…） under the date; left out when neither is set, and only the
    part that is set otherwise (never an empty 联系人：；联系电话：)."""
    tag(doc, "{%p if contact_name or contact_phone %}")
    keep_with_next(para(doc, style="GwFlush"))
    para(doc, "（{% if contact_name %}联系人：{{ contact_name }}{% endif %}"
              "{% if contact_name and contact_phone %}；{% endif %}"
              "{% if contact_phone %}联系电话：{{ contact_phone }}{% endif %}）")
    tag(doc, "{%p endif %}")


def imprint(doc: Any) -> None:
    """版记 at the foot of the last page, its last rule on the text area's last line
    (GB/T 9704-2012), not straight after the body: 抄送 between a thick and a thin rule, then
    印发 over a thick rule, in a borderless one-cell table floated to the bottom of the text
    area. Being as wide as the text, nothing flows beside it: the body ends above it, and a
    body that leaves no room pushes it, with its anchor (the small paragraph after it, the
    document's last), to a page of its own, as before."""
    tag(doc, "{%p if cc %}")
    cc = para(doc, "抄送：{{ cc }}。", style="GwNote", size=fmt.NOTE_PT)
    ppr = cc._p.get_or_add_pPr()
    fmt.set_para_props(ppr, fmt.ParaFormat(align="left", left_chars=4, hanging_chars=3,
                                           right_chars=1, font_pt=fmt.NOTE_PT,
                                           snap_to_grid=False))
    fmt.add_border(ppr, "top", size=8, space=4)
    fmt.add_border(ppr, "bottom", size=6, space=4)
    issued = para(doc, "{{ bureau }}", style="GwNote", size=fmt.NOTE_PT)
    ppr = issued._p.get_or_add_pPr()
    fmt.add_tab(ppr, fmt.TEXT_WIDTH - NOTE_CHAR, "right")
    fmt.add_run(issued, "\t{{ print_date }}印发", size=fmt.NOTE_PT)
    fmt.add_border(ppr, "bottom", size=8, space=4)
    foot_table(cc._p, issued._p)
    anchor = para(doc, style="GwFlush")
    ppr = anchor._p.get_or_add_pPr()
    fmt.set_attrs(fmt.ppr_child(ppr, "snapToGrid"), val=0)
    fmt.set_attrs(fmt.ppr_child(ppr, "spacing"), before=0, after=0, line=20, lineRule="exact")
    fmt.set_attrs(fmt.rpr_child(fmt.ppr_child(ppr, "rPr"), "sz"), val=2)  # 1 pt
    tag(doc, "{%p endif %}")


def _element(tag: str, **attrs: Any) -> Any:
    return fmt.set_attrs(OxmlElement(f"w:{tag}"), **attrs)


def foot_table(*paragraphs: Any) -> None:
    """Move `paragraphs` into a borderless one-cell table, as wide as the text, floating at
    the bottom of the text area (where the first of them stood); its one row may not split
    (cantSplit), so 抄送 and 印发 always stay together on one page.

    Horizontally it is placed from the page edge (horzAnchor=page, tblpX = this template's
    left margin), not from the margin: LibreOffice keeps a margin-placed table this wide
    inline, ignoring the float. So a bureau's own template with another left margin, or a
    gutter, must move tblpX too, or the 版记 sits off the text column. tblOverlap=never only
    keeps it off other floating tables; the body is kept clear of it by text wrapping (it is
    as wide as the text, so nothing flows beside it)."""
    table = _element("tbl")
    props = _element("tblPr")
    props.append(_element("tblpPr", leftFromText=0, rightFromText=0,
                          topFromText=fmt.LINE_PITCH, bottomFromText=0, vertAnchor="margin",
                          tblpYSpec="bottom", horzAnchor="page", tblpX=fmt.MARGIN_LEFT))
    props.append(_element("tblOverlap", val="never"))
    props.append(_element("tblW", w=fmt.TEXT_WIDTH, type="dxa"))
    borders = _element("tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        borders.append(_element(side, val="nil"))
    props.append(borders)
    props.append(_element("tblLayout", type="fixed"))
    margins = _element("tblCellMar")
    for side in ("top", "left", "bottom", "right"):
        margins.append(_element(side, w=0, type="dxa"))
    props.append(margins)
    table.append(props)
    grid = _element("tblGrid")
    grid.append(_element("gridCol", w=fmt.TEXT_WIDTH))
    table.append(grid)
    row, cell, cell_props = _element("tr"), _element("tc"), _element("tcPr")
    row_props = _element("trPr")
    row_props.append(_element("cantSplit"))
    row.append(row_props)
    cell_props.append(_element("tcW", w=fmt.TEXT_WIDTH, type="dxa"))
    cell.append(cell_props)
    paragraphs[0].addprevious(table)
    for p in paragraphs:
        cell.append(p)  # moves it
    row.append(cell)
    table.append(row)


def build_letter() -> Any:
    doc = new_document()
    p = para(doc, "公开属性：{{ publicity }}", style="GwFlush")
    fmt.add_tab(p._p.get_or_add_pPr(), fmt.TEXT_WIDTH, "right")
    fmt.add_run(p, "\t{{ category }}", fmt.FONT_H1)
    letterhead(doc)
    number_line(doc)
    title(doc)
    para(doc, "{{ salutation }}", style="GwFlush")
    para(doc, "{{ opening_line }}")
    flow(doc, "body")
    closing(doc, "{{ closing_line }}")  # the handler's own closing, else the usual thanks
    signature(doc)
    contact(doc)
    imprint(doc)
    return doc


def build_opinion() -> Any:
    doc = new_document()
    letterhead(doc)
    number_line(doc)
    title(doc)
    para(doc, "{{ lead_unit }}：", style="GwFlush")
    para(doc, "{{ proposers }}提出的《{{ proposal_title }}》（第{{ number }}号）收悉。"
              "经认真研究，现提出{{ opinion_word }}如下：")
    flow(doc, "body")
    closing(doc, "以上意见，请在答复{{ member_word }}时统筹考虑。")
    signature(doc)
    contact(doc)
    imprint(doc)
    return doc


def build_return() -> Any:
    """退回申请函 to the proposal office: no number series of its own, the reason as typed."""
    doc = new_document()
    letterhead(doc)
    title(doc)
    para(doc, "{{ office }}：", style="GwFlush")
    para(doc, "贵委交办的{{ meeting }}第{{ number }}号{{ kind }}《{{ proposal_title }}》"
              "（{{ proposers }}提出）收悉。经认真研究，该{{ kind }}所提事项不属于我单位职责"
              "范围，特申请退回。理由如下：")
    flow(doc, "body")
    tag(doc, "{%p if suggested_unit %}")
    para(doc, "建议交由{{ suggested_unit }}办理。")
    tag(doc, "{%p endif %}")
    closing(doc, "妥否，请予审定。")
    signature(doc)
    contact(doc)
    return doc


def table(doc: Any, headings: list[tuple[str, float, str]], loop: str, var: str) -> None:
    """A bordered table: a header row repeated on every page, then one docxtpl row loop.
    headings: (text, width in mm, placeholder field)."""
    from docx.enum.table import WD_TABLE_ALIGNMENT

    tbl = doc.add_table(rows=4, cols=len(headings))
    tbl.style = doc.styles["Table Grid"]
    tbl.alignment = WD_TABLE_ALIGNMENT.CENTER
    tbl.autofit = False
    widths = [fmt.twips(w) for _, w, _ in headings]
    grid = tbl._tbl.tblGrid
    for col, width in zip(grid.iterchildren(), widths, strict=True):
        col.set(f"{{{fmt.W_NS}}}w", str(width))
    header, loop_row, data, end_row = tbl.rows
    from docx.oxml import OxmlElement

    header._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    # A row is not split over two pages: a date or a name cut in half across pages.
    data._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    # Narrow cell margins (1 mm): numbers and dates fit their columns on one line.
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        edge = OxmlElement(f"w:{side}")
        fmt.set_attrs(edge, w=fmt.twips(1), type="dxa")
        margins.append(edge)
    tbl_pr = tbl._tbl.tblPr
    look = tbl_pr.find(f"{{{fmt.W_NS}}}tblLook")
    if look is not None:
        look.addprevious(margins)
    else:
        tbl_pr.append(margins)
    for index, (text, _, field) in enumerate(headings):
        for row in (header, data):
            cell = row.cells[index]
            cell.width = Twips(widths[index])
        cell = header.cells[index]
        p = cell.paragraphs[0]
        p.style = fmt.find_style(doc, "GwTableHead")
        fmt.add_run(p, text, fmt.FONT_H1, fmt.TABLE_PT)
        cell = data.cells[index]
        p = cell.paragraphs[0]
        p.style = fmt.find_style(doc, "GwTable")
        if field in ("title",):
            fmt.set_attrs(fmt.ppr_child(p._p.get_or_add_pPr(), "jc"), val="left")
        fmt.add_run(p, f"{{{{ {var}.{field} }}}}", fmt.FONT_BODY)
    for row, text in ((loop_row, f"{{%tr for {var} in {loop} %}}"), (end_row, "{%tr endfor %}")):
        p = row.cells[0].paragraphs[0]
        p.style = fmt.find_style(doc, "GwTable")
        fmt.add_run(p, text, fmt.FONT_BODY, fmt.TABLE_PT)
    for row in tbl.rows:
        row.height = None


def build_report() -> Any:
    doc = new_document()
    para(doc, "{{ title }}", style="GwTitle", font=fmt.FONT_TITLE, size=fmt.TITLE_PT)
    para(doc, style="GwFlush")
    flow(doc, "opening")
    para(doc, "一、基本情况", style="GwHeading1", font=fmt.FONT_H1)
    flow(doc, "basic")
    para(doc, "二、主要做法", style="GwHeading1", font=fmt.FONT_H1)
    flow(doc, "practice")
    para(doc, "三、{{ kind_word }}办理情况", style="GwHeading1", font=fmt.FONT_H1)
    tag(doc, "{%p for section in sections %}")
    p = para(doc, "{{ section.heading }}", style="GwHeading2", font=fmt.FONT_H2)
    fmt.set_attrs(fmt.ppr_child(p._p.get_or_add_pPr(), "jc"), val="left")
    flow(doc, "section.paras")
    tag(doc, "{%p endfor %}")
    para(doc, "四、存在的问题", style="GwHeading1", font=fmt.FONT_H1)
    flow(doc, "problems")
    para(doc, "五、下一步工作打算", style="GwHeading1", font=fmt.FONT_H1)
    flow(doc, "plans")
    attachment_note(doc, "{{ appendix_title }}")
    signature(doc, contact_follows=False)
    landscape_section(doc)
    para(doc, "附件", style="GwFlush", font=fmt.FONT_H1)
    para(doc, "{{ appendix_title }}", style="GwTitle", font=fmt.FONT_TITLE, size=fmt.TITLE_PT)
    para(doc, style="GwFlush")
    # 224 of the landscape text's 225 mm: 答复日期 takes 2025年6月10日 on one line, an
    # eight-digit NPC number (20260012) fits 提案号's, the four-character headings (办理方式,
    # 委员意见) fit theirs; 案由 keeps about 17 characters.
    table(doc, [("序号", 10, "no"), ("提案号", 22, "number"), ("案由", 68, "title"),
                ("提案人", 23, "proposers"), ("办理方式", 17, "role"),
                ("承办科室", 22, "section"), ("答复日期", 34, "replied"),
                ("类别", 10, "category"), ("委员意见", 18, "opinion")], "appendix", "row")
    return doc


def attachment_note(doc: Any, name: str) -> None:
    """附件说明 (GB/T 9704-2012 7.3.4): one blank line under the body, 附件：and the
    attachment's name two characters in; a name running over a line aligns with its first
    character. Kept on the page of the 落款 after it."""
    keep_with_next(para(doc, style="GwFlush"))
    p = keep_with_next(para(doc, f"附件：{name}"), whole=True)
    fmt.set_para_props(p._p.get_or_add_pPr(), fmt.ParaFormat(left_chars=5, hanging_chars=3))


def landscape_section(doc: Any) -> None:
    """The appendix table on landscape pages (GB/T 9704 横排表格): a new section whose
    margins are the portrait ones turned with the page; footers and numbering continue."""
    from docx.enum.section import WD_SECTION

    turn_landscape(doc.add_section(WD_SECTION.NEW_PAGE))


def turn_landscape(section: Any) -> None:
    """A4 landscape with the portrait margins turned with the page (GB/T 9704 横排表格)."""
    from docx.enum.section import WD_ORIENT

    section.orientation = WD_ORIENT.LANDSCAPE
    sect = section._sectPr
    fmt.set_attrs(fmt.child(sect, "pgSz", fmt.SECT_ORDER), w=fmt.PAGE_HEIGHT,
                  h=fmt.PAGE_WIDTH, orient="landscape")
    fmt.set_attrs(fmt.child(sect, "pgMar", fmt.SECT_ORDER), top=fmt.MARGIN_LEFT,
                  bottom=fmt.MARGIN_RIGHT, left=fmt.MARGIN_TOP, right=fmt.MARGIN_BOTTOM,
                  header=fmt.HEADER_DISTANCE, footer=fmt.FOOTER_DISTANCE - fmt.twips(9),
                  gutter=0)


def build_chase() -> Any:
    """The 催办清单 on A4 landscape pages, as its .xlsx prints: 案由 on one or two lines,
    编号, 承办科室 and dates on one; the header row repeats on every page."""
    doc = new_document()
    turn_landscape(doc.sections[0])
    para(doc, "{{ title }}", style="GwTitle", font=fmt.FONT_TITLE, size=fmt.TITLE_PT)
    p = para(doc, "（统计日期：{{ today }}）", style="GwFlush")
    fmt.set_attrs(fmt.ppr_child(p._p.get_or_add_pPr(), "jc"), val="center")
    flow(doc, "summary")
    para(doc, style="GwFlush")
    table(doc, [("序号", 10, "no"), ("承办科室", 22, "section"), ("承办人", 17, "handler"),
                ("年度", 12, "year"), ("编号", 16, "number"), ("案由", 72, "title"),
                ("办理方式", 17, "role"), ("办理时限", 34, "due"), ("情况", 24, "state")],
          "rows", "row")
    return doc


BUILDERS = {"letter": build_letter, "opinion": build_opinion, "report": build_report,
            "chase": build_chase, "return": build_return}


def build_all(folder: Path = HERE) -> list[Path]:
    written = []
    for name, builder in BUILDERS.items():
        doc = builder()
        path = folder / f"{name}.docx"
        doc.save(str(path))
        written.append(path)
    return written


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE
    for written_path in build_all(target):
        print(written_path)
