"""The official-document format (GB/T 9704-2012) in one place: page, fonts, line pitch,
headings and page numbers, as the template builder and the render pass apply them.

Sizes are in twentieths of a point (twips) as Word stores them. The body is 22 lines of 28
characters: the type area (156 × 225 mm) holds 22 lines at an exact pitch (and a line grid of
the same pitch), and characters condensed just enough that 28 fill a line.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

# ---- page --------------------------------------------------------------------------------

TWIPS_PER_MM = 1440 / 25.4


def twips(mm: float) -> int:
    return round(mm * TWIPS_PER_MM)


PAGE_WIDTH = twips(210)  # A4: 11906
PAGE_HEIGHT = twips(297)  # 16838
MARGIN_TOP = twips(37)
MARGIN_BOTTOM = twips(35)
MARGIN_LEFT = twips(28)
MARGIN_RIGHT = twips(26)
TEXT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT  # 156 mm
TEXT_HEIGHT = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM  # 225 mm
FOOTER_DISTANCE = twips(25)  # puts "— N —" about 7 mm under the type area
HEADER_DISTANCE = twips(15)

LINES_PER_PAGE = 22
CHARS_PER_LINE = 28
# Rounded down so that 22 lines fit: 579 twips = 28.95 pt.
LINE_PITCH = TEXT_HEIGHT // LINES_PER_PAGE

# ---- fonts -------------------------------------------------------------------------------

FONT_BODY = "仿宋_GB2312"
FONT_TITLE = "方正小标宋简体"
FONT_H1 = "黑体"
FONT_H2 = "楷体_GB2312"
FONT_H3 = "仿宋_GB2312"
FONT_PAGE_NUMBER = "宋体"

BODY_PT = 16  # 3号
TITLE_PT = 22  # 2号
PAGE_NUMBER_PT = 14  # 4号
NOTE_PT = 14  # 版记 (抄送, 印发)
TABLE_PT = 10.5  # 5号, the appendix and 催办 tables
LETTERHEAD_PT = 36
TITLE_PITCH = 700  # 35 pt: a 2号 title needs more than the body pitch

# 28 characters of 16 pt are 448 pt but the line is 442 pt. A character grid (docGrid
# linesAndChars) squeezes them in Word, while LibreOffice gives each over-wide character two
# cells (14 a line). So the grid is lines only, and every character is condensed by this many
# twentieths of a point (0.25 pt): 28 fit a line, 29 do not, in Word, WPS and LibreOffice.
CONDENSE = math.ceil(BODY_PT * 20 - TEXT_WIDTH / CHARS_PER_LINE)

BODY_INDENT = BODY_PT * 20 * 2  # 首行缩进两字
RED = "FF0000"

# ---- headings in typed text ---------------------------------------------------------------

_H1 = re.compile(r"^[一二三四五六七八九十]+、")
_H2 = re.compile(r"^（[一二三四五六七八九十]+）")
_H3 = re.compile(r"^(?:\d+[.．](?!\d)|（\d+）|\(\d+\))")


@dataclass(frozen=True)
class Para:
    """One paragraph of typed text: level 1 (一、) is 黑体, 2 (（一）) 楷体_GB2312, 3 (1. and
    （1）) and 0 (plain) 仿宋. For levels 1 and 2 the heading sentence (up to the first 。) takes
    the heading face and the rest of the paragraph stays in the body face."""

    level: int
    head: str
    rest: str

    @property
    def text(self) -> str:
        return self.head + self.rest

    def as_dict(self) -> dict[str, Any]:
        return {"level": self.level, "head": self.head, "rest": self.rest, "text": self.text}


_HEADING_STARTS = frozenset("一二三四五六七八九十（(0123456789")


def heading_level(line: str) -> int:
    if not line or line[0] not in _HEADING_STARTS:
        return 0
    if _H1.match(line):
        return 1
    if _H2.match(line):
        return 2
    if _H3.match(line):
        return 3
    return 0


def split_paragraphs(text: str) -> list[Para]:
    """Typed text (already cleaned) into paragraphs; blank lines and leading indents dropped."""
    result: list[Para] = []
    for raw in text.split("\n"):
        line = raw.strip().lstrip("\u3000")
        if not line:
            continue
        level = heading_level(line)
        if level in (1, 2):
            stop = line.find("。")
            if 0 <= stop < len(line) - 1:
                result.append(Para(level, line[:stop + 1], line[stop + 1:]))
                continue
            result.append(Para(level, line, ""))
        else:
            result.append(Para(level, "", line))
    return result


def paragraphs(text: str) -> list[dict[str, Any]]:
    return [p.as_dict() for p in split_paragraphs(text)]


# ---- numbers in Chinese -------------------------------------------------------------------

_DIGITS = "零一二三四五六七八九"


def cn_numeral(n: int) -> str:
    """1 → 一, 10 → 十, 14 → 十四, 21 → 二十一, 105 → 一百零五 (section numbering)."""
    if n < 0:
        raise ValueError(n)
    if n < 10:
        return _DIGITS[n]
    if n < 20:
        return "十" + (_DIGITS[n % 10] if n % 10 else "")
    if n < 100:
        return _DIGITS[n // 10] + "十" + (_DIGITS[n % 10] if n % 10 else "")
    if n < 1000:
        rest = n % 100
        head = _DIGITS[n // 100] + "百"
        if rest == 0:
            return head
        if rest < 10:
            return head + "零" + _DIGITS[rest]
        tens = cn_numeral(rest)
        return head + (tens if rest >= 20 else "一" + tens)
    return str(n)


# ---- title lines -------------------------------------------------------------------------


def text_width(text: str) -> float:
    """Width in ems: ASCII letters and digits are half as wide as Chinese characters."""
    return sum(0.5 if ord(ch) < 0x2E80 else 1.0 for ch in text)


def title_lines(title: str, max_width: float | None = None) -> list[str]:
    """Break a long title into balanced lines at sensible places (GB/T 9704: keep words
    whole, lines symmetrical), never inside a number or 《》."""
    if max_width is None:
        max_width = TEXT_WIDTH / 20 / TITLE_PT  # about 20 characters of 2号
    if text_width(title) <= max_width or len(title) < 2:
        return [title]
    for strict in (True, False):  # inside 《》 only when a name is longer than a line
        lines = _balanced(title, _break_points(title, strict), max_width)
        if lines:
            return lines
    return [title]


def _balanced(title: str, allowed: list[int], max_width: float) -> list[str] | None:
    best: tuple[float, list[str]] | None = None
    # Titles run to two or three lines; try the fewest lines that fit.
    for count in (2, 3, 4):
        for cuts in _combinations(allowed, count - 1):
            lines = [title[a:b] for a, b in zip((0, *cuts), (*cuts, len(title)), strict=True)]
            widths = [text_width(x) for x in lines]
            if max(widths) > max_width:
                continue
            score = max(widths) - min(widths)
            score -= sum(8 for c in cuts if _preferred(title, c))
            if best is None or score < best[0]:
                best = (score, lines)
        if best is not None:
            return best[1]
    return None


def _break_points(title: str, strict: bool = True) -> list[int]:
    points = []
    depth = 0
    for i, ch in enumerate(title):
        if ch in "《〔（(":
            depth += 1
        elif ch in "》〕）)":
            depth = max(0, depth - 1)
        if i == 0 or (depth and strict):
            continue
        prev = title[i - 1]
        if prev.isascii() and prev.isalnum() and ch.isascii() and ch.isalnum():
            continue  # inside 144012 or 2025
        if ch in "，。、；：）》〕" or prev in "《〔（":
            continue  # punctuation never starts a line
        points.append(i)
    return points


def _preferred(title: str, cut: int) -> bool:
    before, after = title[:cut], title[cut:]
    return before.endswith(_BREAK_AFTER) or after.startswith(_BREAK_BEFORE)


_BREAK_AFTER = ("会议", "提案", "建议")
_BREAK_BEFORE = ("关于", "第", "办理")


def _combinations(items: list[int], k: int) -> list[tuple[int, ...]]:
    from itertools import combinations

    if k == 1:
        return [(i,) for i in items]
    return list(combinations(items, k)) if len(items) <= 60 else []


# ---- building with python-docx (templates and direct documents) --------------------------

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_RPR_ORDER = (
    "rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike",
    "outline", "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden",
    "color", "spacing", "w", "kern", "position", "sz", "szCs", "highlight", "u", "effect",
    "bdr", "shd", "fitText", "vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout",
    "specVanish", "oMath",
)
_PPR_ORDER = (
    "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
    "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
    "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd",
    "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap",
    "jc", "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId",
    "cnfStyle", "rPr", "sectPr", "pPrChange",
)
_THEME_ATTRS = ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme")


def _w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


def child(parent: Any, tag: str, order: tuple[str, ...]) -> Any:
    """The child `w:tag` of parent, created in schema order when missing (Word refuses
    files whose elements are out of order)."""
    from docx.oxml import OxmlElement

    found = parent.find(_w(tag))
    if found is not None:
        return found
    element = OxmlElement(f"w:{tag}")
    position = order.index(tag)
    later = {_w(t) for t in order[position + 1:]}
    for index, existing in enumerate(parent):
        if existing.tag in later:
            parent.insert(index, element)
            return element
    parent.append(element)
    return element


def rpr_child(rpr: Any, tag: str) -> Any:
    return child(rpr, tag, _RPR_ORDER)


def ppr_child(ppr: Any, tag: str) -> Any:
    return child(ppr, tag, _PPR_ORDER)


def set_attrs(element: Any, **attrs: Any) -> Any:
    for name, value in attrs.items():
        element.set(_w(name), str(value))
    return element


def set_run_props(rpr: Any, font: str, size_pt: float | None = None, *, bold: bool = False,
                  color: str | None = None) -> None:
    """Font on all four slots, w:eastAsia included (python-docx sets only ascii/hAnsi)."""
    fonts = rpr_child(rpr, "rFonts")
    for attr in _THEME_ATTRS:
        fonts.attrib.pop(_w(attr), None)
    set_attrs(fonts, ascii=font, hAnsi=font, eastAsia=font, cs=font)
    if bold:
        rpr_child(rpr, "b")
        rpr_child(rpr, "bCs")
    if color:
        set_attrs(rpr_child(rpr, "color"), val=color)
    if size_pt is not None:
        half_points = round(size_pt * 2)
        set_attrs(rpr_child(rpr, "sz"), val=half_points)
        set_attrs(rpr_child(rpr, "szCs"), val=half_points)


def set_run_font(run: Any, font: str, size_pt: float | None = None, **kw: Any) -> None:
    set_run_props(run._r.get_or_add_rPr(), font, size_pt, **kw)


@dataclass(frozen=True)
class ParaFormat:
    align: str = "both"  # left, center, right, both
    first_line_chars: int = 0  # indent in characters of the paragraph's font
    left_chars: float = 0
    right_chars: float = 0
    hanging_chars: float = 0
    pitch: int | None = LINE_PITCH  # exact line spacing in twips; None = single
    font_pt: float = BODY_PT
    snap_to_grid: bool = True
    before: int = 0
    after: int = 0
    auto_space: bool = True  # Word's extra space between Chinese and digits/Latin
    keep_next: bool = False
    page_break_before: bool = False


def set_para_props(ppr: Any, fmt: ParaFormat) -> None:
    char = round(fmt.font_pt * 20)
    if fmt.keep_next:
        ppr_child(ppr, "keepNext")
    if fmt.page_break_before:
        ppr_child(ppr, "pageBreakBefore")
    # Lines stay exactly 22 a page: no widow control pushing lines over.
    set_attrs(ppr_child(ppr, "widowControl"), val=0)
    if not fmt.auto_space:
        set_attrs(ppr_child(ppr, "autoSpaceDE"), val=0)
        set_attrs(ppr_child(ppr, "autoSpaceDN"), val=0)
    if not fmt.snap_to_grid:
        set_attrs(ppr_child(ppr, "snapToGrid"), val=0)
    spacing = ppr_child(ppr, "spacing")
    set_attrs(spacing, before=fmt.before, after=fmt.after)
    if fmt.pitch is None:
        set_attrs(spacing, line=240, lineRule="auto")
    else:
        set_attrs(spacing, line=fmt.pitch, lineRule="exact")
    ind = ppr_child(ppr, "ind")
    set_attrs(ind, left=round(fmt.left_chars * char), right=round(fmt.right_chars * char))
    if fmt.left_chars:
        set_attrs(ind, leftChars=round(fmt.left_chars * 100))
    if fmt.right_chars:
        set_attrs(ind, rightChars=round(fmt.right_chars * 100))
    if fmt.hanging_chars:
        set_attrs(ind, hanging=round(fmt.hanging_chars * char),
                  hangingChars=round(fmt.hanging_chars * 100))
    else:
        set_attrs(ind, firstLine=fmt.first_line_chars * char,
                  firstLineChars=fmt.first_line_chars * 100)
    set_attrs(ppr_child(ppr, "jc"), val=fmt.align)


def add_tab(ppr: Any, position: int, kind: str = "right") -> None:
    from docx.oxml import OxmlElement

    tabs = ppr_child(ppr, "tabs")
    tab = OxmlElement("w:tab")
    set_attrs(tab, val=kind, pos=position)
    tabs.append(tab)


def add_border(ppr: Any, side: str, *, size: int, color: str = "000000",
               style: str = "single", space: int = 1) -> None:
    """A rule above or below a paragraph; size in eighths of a point."""
    from docx.oxml import OxmlElement

    borders = ppr_child(ppr, "pBdr")
    edge = OxmlElement(f"w:{side}")
    set_attrs(edge, val=style, sz=size, space=space, color=color)
    order = ("top", "left", "bottom", "right", "between", "bar")
    later = {_w(t) for t in order[order.index(side) + 1:]}
    for index, existing in enumerate(borders):
        if existing.tag in later:
            borders.insert(index, edge)
            return
    borders.append(edge)


def setup_document(doc: Any) -> None:
    """Page, grid, default fonts, the styles the templates use, odd/even page numbers."""
    setup_page(doc.sections[0])
    setup_styles(doc)
    add_page_numbers(doc)
    settings = doc.settings.element
    # Chinese punctuation is not squeezed, so every line holds its 28 characters.
    for node in settings.findall(_w("characterSpacingControl")):
        node.set(_w("val"), "doNotCompress")


def setup_page(section: Any) -> None:
    sect = section._sectPr
    set_attrs(child(sect, "pgSz", SECT_ORDER), w=PAGE_WIDTH, h=PAGE_HEIGHT)
    set_attrs(child(sect, "pgMar", SECT_ORDER), top=MARGIN_TOP, bottom=MARGIN_BOTTOM,
              left=MARGIN_LEFT, right=MARGIN_RIGHT, header=HEADER_DISTANCE,
              footer=FOOTER_DISTANCE, gutter=0)
    grid = child(sect, "docGrid", SECT_ORDER)
    set_attrs(grid, type="lines", linePitch=LINE_PITCH)


SECT_ORDER = (
    "headerReference", "footerReference", "footnotePr", "endnotePr", "type", "pgSz", "pgMar",
    "paperSrc", "pgBorders", "lnNumType", "pgNumType", "cols", "formProt", "vAlign",
    "noEndnote", "titlePg", "textDirection", "bidi", "rtlGutter", "docGrid", "printerSettings",
    "sectPrChange",
)


@dataclass(frozen=True)
class StyleSpec:
    style_id: str
    name: str
    font: str
    size: float
    para: ParaFormat
    bold: bool = False
    color: str | None = None
    based_on: str | None = "Normal"


BODY = ParaFormat(first_line_chars=2)
STYLES: tuple[StyleSpec, ...] = (
    StyleSpec("GwTitle", "公文标题", FONT_TITLE, TITLE_PT,
              ParaFormat(align="center", pitch=TITLE_PITCH, font_pt=TITLE_PT,
                         snap_to_grid=False)),
    StyleSpec("GwHeading1", "一级标题", FONT_H1, BODY_PT, ParaFormat(first_line_chars=2)),
    StyleSpec("GwHeading2", "二级标题", FONT_H2, BODY_PT, ParaFormat(first_line_chars=2)),
    StyleSpec("GwHeading3", "三级标题", FONT_H3, BODY_PT, ParaFormat(first_line_chars=2)),
    StyleSpec("GwFlush", "顶格正文", FONT_BODY, BODY_PT, ParaFormat(align="left")),
    StyleSpec("GwSignature", "署名日期", FONT_BODY, BODY_PT,
              ParaFormat(align="right", right_chars=4)),
    StyleSpec("GwLetterhead", "发文机关标志", FONT_TITLE, LETTERHEAD_PT,
              ParaFormat(align="center", pitch=None, font_pt=LETTERHEAD_PT,
                         snap_to_grid=False), color=RED),
    StyleSpec("GwNote", "版记", FONT_BODY, NOTE_PT,
              ParaFormat(align="left", left_chars=1, right_chars=1, font_pt=NOTE_PT,
                         snap_to_grid=False)),
    StyleSpec("GwTable", "表格文字", FONT_BODY, TABLE_PT,
              ParaFormat(align="center", pitch=None, font_pt=TABLE_PT, snap_to_grid=False,
                         auto_space=False)),
    StyleSpec("GwTableHead", "表头", FONT_H1, TABLE_PT,
              ParaFormat(align="center", pitch=None, font_pt=TABLE_PT, snap_to_grid=False,
                         auto_space=False)),
)


def setup_styles(doc: Any) -> None:
    from docx.enum.style import WD_STYLE_TYPE

    styles = doc.styles
    root = styles.element
    # Theme fonts win over named ones in Word; remove them everywhere so our names count.
    for fonts in root.iter(_w("rFonts")):
        for attr in _THEME_ATTRS:
            fonts.attrib.pop(_w(attr), None)
    defaults = root.find(_w("docDefaults"))
    rpr = defaults.find(_w("rPrDefault")).find(_w("rPr"))
    set_run_props(rpr, FONT_BODY, BODY_PT)
    set_attrs(rpr_child(rpr, "spacing"), val=-CONDENSE)
    set_attrs(rpr_child(rpr, "lang"), val="en-US", eastAsia="zh-CN", bidi="ar-SA")
    ppr = defaults.find(_w("pPrDefault")).find(_w("pPr"))
    set_attrs(ppr_child(ppr, "spacing"), before=0, after=0, line=LINE_PITCH, lineRule="exact")

    normal = styles["Normal"]
    set_run_props(normal.element.get_or_add_rPr(), FONT_BODY, BODY_PT)
    set_attrs(rpr_child(normal.element.get_or_add_rPr(), "spacing"), val=-CONDENSE)
    set_para_props(normal.element.get_or_add_pPr(), BODY)
    for name in ("Header", "Footer"):
        if name in [s.name for s in styles]:
            continue
        styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH).base_style = normal
    for spec in STYLES:
        style = styles.add_style(spec.style_id, WD_STYLE_TYPE.PARAGRAPH)
        style.element.set(_w("styleId"), spec.style_id)
        style.name = spec.name
        style.base_style = normal
        style.quick_style = True
        set_run_props(style.element.get_or_add_rPr(), spec.font, spec.size, bold=spec.bold,
                      color=spec.color)
        set_para_props(style.element.get_or_add_pPr(), spec.para)
    # Word's built-in character and table styles keep their defaults; every run we write
    # carries its own fonts anyway.


def find_style(doc: Any, name_or_id: str) -> Any:
    """A style by its id (GwTitle) or its name (公文标题)."""
    for style in doc.styles:
        if style.style_id == name_or_id or style.name == name_or_id:
            return style
    raise KeyError(name_or_id)


def add_paragraph(container: Any, text: str = "", *, style: str = "Normal",
                  font: str = FONT_BODY, size: float | None = None, bold: bool = False,
                  color: str | None = None) -> Any:
    """A paragraph whose every run names its fonts, w:eastAsia included; the size comes
    from the style unless given (a lighter run: a 1,000-section report has 20,000)."""
    doc = container.part.document if hasattr(container, "part") else container
    paragraph = container.add_paragraph(style=find_style(doc, style))
    if text:
        run = paragraph.add_run(text)
        set_run_font(run, font, size, bold=bold, color=color)
    return paragraph


def add_run(paragraph: Any, text: str, font: str = FONT_BODY, size: float | None = None,
            **kw: Any) -> Any:
    run = paragraph.add_run(text)
    set_run_font(run, font, size, **kw)
    return run


def _page_number_paragraph(footer: Any, *, odd: bool) -> None:
    from docx.oxml import OxmlElement

    paragraph = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
    ppr = paragraph._p.get_or_add_pPr()
    # 单页码居右空一字，双页码居左空一字.
    set_para_props(ppr, ParaFormat(align="right" if odd else "left", right_chars=1 if odd else 0,
                                   left_chars=0 if odd else 1, pitch=None,
                                   font_pt=PAGE_NUMBER_PT, snap_to_grid=False))

    def run_with(element_tag: str | None, text: str | None = None, **attrs: str) -> None:
        run = paragraph.add_run()
        set_run_props(run._r.get_or_add_rPr(), FONT_PAGE_NUMBER, PAGE_NUMBER_PT)
        if element_tag is None:
            t = OxmlElement("w:t")
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            t.text = text or ""
            run._r.append(t)
            return
        element = OxmlElement(f"w:{element_tag}")
        for name, value in attrs.items():
            element.set(_w(name), value)
        if text is not None:
            element.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            element.text = text
        run._r.append(element)

    run_with(None, "— ")
    run_with("fldChar", fldCharType="begin")
    run_with("instrText", " PAGE ")
    run_with("fldChar", fldCharType="separate")
    run_with(None, "1")
    run_with("fldChar", fldCharType="end")
    run_with(None, " —")


def add_page_numbers(doc: Any) -> None:
    """"— N —" in 4号宋体 as a PAGE field: odd pages right, even pages left."""
    doc.settings.odd_and_even_pages_header_footer = True
    section = doc.sections[0]
    section.footer.is_linked_to_previous = False
    section.even_page_footer.is_linked_to_previous = False
    _page_number_paragraph(section.footer, odd=True)
    _page_number_paragraph(section.even_page_footer, odd=False)


# ---- the render pass: every run names its East Asian font ---------------------------------

def _style_fonts(styles_root: Any) -> tuple[dict[str, str], str]:
    """East Asian font of each paragraph/character style (following basedOn), and the
    document default."""
    default = FONT_BODY
    defaults = styles_root.find(_w("docDefaults"))
    if defaults is not None:
        fonts = defaults.find(f"{_w('rPrDefault')}/{_w('rPr')}/{_w('rFonts')}")
        if fonts is not None and fonts.get(_w("eastAsia")):
            default = fonts.get(_w("eastAsia"))
    own: dict[str, str | None] = {}
    parent: dict[str, str | None] = {}
    default_para = None
    for style in styles_root.findall(_w("style")):
        sid = style.get(_w("styleId"))
        fonts = style.find(f"{_w('rPr')}/{_w('rFonts')}")
        own[sid] = fonts.get(_w("eastAsia")) if fonts is not None else None
        based = style.find(_w("basedOn"))
        parent[sid] = based.get(_w("val")) if based is not None else None
        if style.get(_w("default")) in ("1", "true") and style.get(_w("type")) == "paragraph":
            default_para = sid

    def resolve(sid: str | None, depth: int = 0) -> str | None:
        if sid is None or depth > 20:
            return None
        return own.get(sid) or resolve(parent.get(sid), depth + 1)

    resolved = {sid: resolve(sid) or default for sid in own}
    if default_para and resolved.get(default_para):
        default = resolved[default_para]
    return resolved, default


def ensure_east_asia(doc: Any) -> int:
    """Give every run without an explicit w:eastAsia font the one its style implies, so a
    machine that maps fonts by the East Asian slot (Word, WPS) never falls back to a Latin
    face. Returns how many runs were completed. Works on templates users edited too."""
    fonts_by_style, default = _style_fonts(doc.styles.element)
    parts = [doc.element.body]
    for section in doc.sections:
        for hf in (section.footer, section.even_page_footer, section.first_page_footer,
                   section.header, section.even_page_header, section.first_page_header):
            if not hf.is_linked_to_previous:
                parts.append(hf._element)
    fixed = 0
    p_tag, r_tag = _w("p"), _w("r")
    for root in parts:
        for paragraph in root.iter(p_tag):
            pstyle = paragraph.find(f"{_w('pPr')}/{_w('pStyle')}")
            para_font = fonts_by_style.get(pstyle.get(_w("val")), default) \
                if pstyle is not None else default
            for run in paragraph.iter(r_tag):
                rpr = run.find(_w("rPr"))
                fonts = rpr.find(_w("rFonts")) if rpr is not None else None
                if fonts is not None and fonts.get(_w("eastAsia")):
                    continue
                font = para_font
                if rpr is not None:
                    rstyle = rpr.find(_w("rStyle"))
                    if rstyle is not None and fonts_by_style.get(rstyle.get(_w("val"))):
                        font = fonts_by_style[rstyle.get(_w("val"))]
                if rpr is None:
                    from docx.oxml import OxmlElement

                    rpr = OxmlElement("w:rPr")
                    run.insert(0, rpr)
                fonts = rpr_child(rpr, "rFonts")
                fonts.attrib.pop(_w("eastAsiaTheme"), None)
                fonts.set(_w("eastAsia"), font)
                fixed += 1
    return fixed
