"""The .docx templates users own: where each lives, exporting the built-in one to edit in
Word or WPS, checking an edited one, and rendering it with docxtpl.

A template is an ordinary Word document with placeholders such as {{ bureau }} and
{%p for para in body %}…{%p endfor %} (docxtpl's tags). A bureau exports the built-in file,
changes its letterhead or closing sentence, saves it anywhere and points the setting
(letter.template, opinion.template, report.template) at it. A mistake in an edited template is
reported with the template's name and the placeholder, never as a traceback.
"""

from __future__ import annotations

import functools
import logging
import re
import shutil
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from proposal_desk import paths
from proposal_desk.core.settings import BureauSettings
from proposal_desk.documents import format as fmt
from proposal_desk.documents.safe import clean, docx_path, write_atomically
from proposal_desk.storage.errors import UserError

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class TemplateKind:
    key: str  # file stem of the built-in template
    label: str  # what users call the document
    setting: str | None  # the settings key naming a user's own template
    placeholders: Mapping[str, str]  # name → meaning, shown to users editing a template


_LETTER_COMMON = {
    "bureau": "本单位名称",
    "signer": "签发人",
    "doc_number": "发文字号，如 周商函〔2025〕12号",
    "title": "标题（过长时自动分行）",
    "proposal_title": "案由（不带书名号）",
    "number": "提案（建议）编号",
    "meeting": "会议名称，如 区政协十四届四次会议",
    "kind": "提案 或 建议",
    "member_word": "委员 或 代表",
    "body": "正文段落列表：para.level（1 为“一、”标题，2 为“（一）”标题）、"
            "para.head、para.rest、para.text",
    "date": "成文日期，如 2025年6月20日",
    "contact_name": "联系人",
    "contact_phone": "联系电话",
    "cc": "抄送单位（以顿号分隔，空则不排版记）",
    "print_date": "印发日期",
}

KINDS: dict[str, TemplateKind] = {
    "letter": TemplateKind("letter", "答复函", "letter.template", {
        **_LETTER_COMMON,
        "publicity": "公开属性：公开、不公开、依申请公开",
        "category": "答复类别，如 A",
        "salutation": "称呼，如 张三、李四委员：",
        "you": "您 或 你们",
        "opening_verb": "提出的 / 领衔提出的 / 联名提出的",
        "opening_line": "开头一句：您提出的《…》收悉。现答复如下：（重新办理后再次答复时说明；"
                        "答复正文已写开头时用正文的）",
        "closing_line": "结尾致谢：感谢您对我们工作的关心和支持……（答复正文已写结尾时用正文的）",
        "proposers": "全部提案人，以顿号分隔",
    }),
    "opinion": TemplateKind("opinion", "会办意见", "opinion.template", {
        **_LETTER_COMMON,
        "lead_unit": "主办单位（主送）",
        "proposers": "提案人称谓，如 张三委员",
        "opinion_word": "协办意见（协办提案）或 会办意见（会办提案）",
    }),
    "report": TemplateKind("report", "办理情况报告", "report.template", {
        "title": "报告标题（过长时自动分行）",
        "bureau": "本单位名称",
        "year": "年度",
        "scope": "范围，如 2024年度 或 区政协十四届三次会议",
        "kind_word": "提案、建议 或 建议提案",
        "opening": "开头段落（段落列表，同 body）",
        "basic": "基本情况段落（全部数字由程序计算）",
        "practice": "主要做法段落",
        "sections": "逐件办理情况：section.heading、section.paras",
        "problems": "存在问题段落",
        "plans": "下一步打算段落",
        "date": "成文日期",
        "appendix_title": "附件标题",
        "appendix": "附表行：row.no、row.number、row.title、row.proposers、row.role、"
                    "row.section、row.replied、row.category、row.opinion",
        "fig": "数字：fig.total、fig.lead、fig.assist、fig.joint、fig.split、fig.closed、"
               "fig.satisfaction_rate、fig.on_time_rate、fig.face_rate 等",
    }),
    "return": TemplateKind("return", "退回申请函", None, {
        "bureau": "本单位名称",
        "title": "标题（过长时自动分行）",
        "office": "主送：提案委（人大建议为人大常委会代表工作机构）",
        "meeting": "会议名称",
        "number": "提案（建议）编号",
        "kind": "提案 或 建议",
        "proposal_title": "案由（不带书名号）",
        "proposers": "提案人称谓，如 张三委员",
        "body": "退回理由段落（同 body）",
        "suggested_unit": "建议承办单位（可空）",
        "date": "申请日期",
        "contact_name": "联系人",
        "contact_phone": "联系电话",
    }),
    "chase": TemplateKind("chase", "催办清单", None, {
        "title": "标题",
        "bureau": "本单位名称",
        "today": "统计日期",
        "summary": "概况段落",
        "rows": "清单行：row.no、row.section、row.handler、row.year、row.number、row.title、"
                "row.role、row.due、row.state、row.meeting",
    }),
}

TEMPLATE_FOLDER = "templates"


def builtin_template(kind: str) -> Path:
    return paths.resources_dir() / TEMPLATE_FOLDER / f"{KINDS[kind].key}.docx"


def configured_template(kind: str, settings: BureauSettings) -> str:
    return {"letter": settings.letter_template, "opinion": settings.opinion_template,
            "report": settings.report_template}.get(kind, "")


def template_path(kind: str, settings: BureauSettings) -> Path:
    """The user's own template when the setting names one, else the built-in one."""
    spec = KINDS[kind]
    own = configured_template(kind, settings).strip()
    if own:
        path = Path(own).expanduser()
        if not path.is_file():
            raise UserError(f"设置项 {spec.setting} 指定的{spec.label}模板“{path}”不存在，"
                            f"请改正路径，或清空该设置以使用内置模板")
        return path
    path = builtin_template(kind)
    if not path.is_file():
        raise UserError(f"内置{spec.label}模板缺失：{path}（安装可能不完整）")
    return path


def export_template(kind: str, dest: Path) -> Path:
    """Copy the built-in template to dest for the user to edit in Word or WPS."""
    source = builtin_template(kind)
    dest = docx_path(dest, "模板文件名")
    return write_atomically(dest, lambda tmp: shutil.copyfile(source, tmp))


# ---- checking a template ------------------------------------------------------------------

_LOOP_NAMES = re.compile(r"\bfor\s+(\w+)(?:\s*,\s*(\w+))?\s+in\b|\bset\s+(\w+)\s*=")
_UNDEFINED = re.compile(r"'([^']+)' is undefined|has no attribute '([^']+)'")


def _environment() -> Any:
    from jinja2 import Environment, StrictUndefined

    return Environment(autoescape=True, undefined=StrictUndefined)


def _paragraph_texts(path: Path) -> list[str]:
    from docx import Document

    doc = Document(str(path))
    texts: list[str] = []

    def collect(element: Any) -> None:
        ns = f"{{{fmt.W_NS}}}"
        for p in element.iter(f"{ns}p"):
            texts.append("".join(t.text or "" for t in p.iter(f"{ns}t")))

    collect(doc.element.body)
    for section in doc.sections:
        for part in (section.header, section.footer, section.even_page_header,
                     section.even_page_footer, section.first_page_header,
                     section.first_page_footer):
            if not part.is_linked_to_previous:
                collect(part._element)
    return texts


def validate_template(kind: str, path: Path) -> list[str]:
    """Problems of a (user-edited) template, in users' words; empty when it is usable."""
    spec = KINDS[kind]
    name = Path(path).name
    if not zipfile.is_zipfile(path):
        return [f"模板“{name}”不是 Word 文档（.docx）。请在 Word/WPS 中“另存为 .docx”后再选择"]
    try:
        texts = _paragraph_texts(Path(path))
    except Exception as exc:  # any damage inside the zip
        log.info("template %s unreadable: %s", path, exc)
        return [f"模板“{name}”无法打开（文件可能已损坏）"]
    from jinja2 import TemplateSyntaxError, meta

    env = _environment()
    problems: list[str] = []
    known = set(spec.placeholders) | {"loop"}
    for text in texts:
        for match in _LOOP_NAMES.finditer(text):
            known.update(n for n in match.groups() if n)
    for text in texts:
        opened, closed = text.count("{{"), text.count("}}")
        if opened != closed:
            fragment = text[text.find("{{"):][:30] if "{{" in text else text[:30]
            problems.append(f"模板“{name}”中的占位符“{fragment}”不完整：“{{{{”和“}}}}”应成对出现")
            continue
        if text.count("{%") != text.count("%}"):
            fragment = text[text.find("{%"):][:30] if "{%" in text else text[:30]
            problems.append(f"模板“{name}”中的标记“{fragment}”不完整：“{{%”和“%}}”应成对出现")
            continue
        for match in re.finditer(r"\{\{(.*?)\}\}", text):
            tag = match.group(0)
            try:
                parsed = env.parse(tag)
                env.compile(parsed)  # unknown filters show only when compiled
            except TemplateSyntaxError as exc:
                problems.append(f"模板“{name}”中的占位符“{tag}”写法有误：{_syntax_message(exc)}")
                continue
            for unknown in sorted(meta.find_undeclared_variables(parsed) - known):
                problems.append(f"模板“{name}”中的占位符“{tag}”无法识别：没有名为“{unknown}”的内容"
                                f"（可用：{'、'.join(spec.placeholders)}）")
    if problems:
        return problems
    # The tags together: every for/if closed, in the right order.
    try:
        _compile(Path(path), env)
    except TemplateSyntaxError as exc:
        problems.append(f"模板“{name}”的标记不配套：{_syntax_message(exc)}")
    return problems


def _compile(path: Path, env: Any) -> Any:
    from docxtpl import DocxTemplate

    tpl = DocxTemplate(str(path))
    tpl.init_docx()
    xml = tpl.patch_xml(tpl.get_xml())
    return env.parse(xml)


def _syntax_message(exc: Any) -> str:
    message = str(getattr(exc, "message", exc) or "")
    for english, chinese in (("Unexpected end of template", "模板结束时仍有未结束的 for/if"),
                             ("Encountered unknown tag", "出现了未知或多余的标记"),
                             ("No filter named", "没有这个过滤器"),
                             ("expected token", "写法有误")):
        if english in message:
            return f"{chinese}（{message}）"
    return message


# ---- rendering ----------------------------------------------------------------------------

_LISTING_CHARS = re.compile("[\t\n\a\f]")


_TABLE_TAGS = re.compile(r"\{[{%]-?\s*(?:tc|hm|vm|colspan|cellbg)\b")


@functools.cache
def template_class() -> type:
    """docxtpl's DocxTemplate with two of its passes confined to where they change anything
    (tests render a whole report both ways and compare).

    - After rendering, docxtpl turns tab, line-break, bell and form-feed characters in the
      text into <w:tab/>, <w:br/>, new paragraphs and page breaks by running regular
      expressions over every paragraph and run; in a 1,000-section report that pass took
      longer than everything else together. Paragraphs without those characters come out
      unchanged, so only the others are handed to it.
    - Its table pass re-counts the cells of every row to repair the column grid after column
      loops ({%tc}), merges and spans; a template without those tags needs only the parse."""
    from docxtpl import DocxTemplate
    from lxml import etree

    class Template(DocxTemplate):  # type: ignore[misc]
        def patch_xml(self, src_xml: str) -> str:
            self._table_tags = bool(_TABLE_TAGS.search(src_xml))
            return str(super().patch_xml(src_xml))

        def fix_tables(self, xml: str) -> Any:
            if getattr(self, "_table_tags", True):
                return super().fix_tables(xml)
            return etree.fromstring(xml, parser=etree.XMLParser(recover=True))

        def resolve_listing(self, xml: str) -> str:
            if not _LISTING_CHARS.search(xml):
                return xml
            stock = super().resolve_listing
            pieces = xml.split("</w:p>")
            for i, piece in enumerate(pieces[:-1]):
                if _LISTING_CHARS.search(piece):
                    pieces[i] = stock(piece + "</w:p>")[:-len("</w:p>")]
            if _LISTING_CHARS.search(pieces[-1]):
                pieces[-1] = stock(pieces[-1])
            return "</w:p>".join(pieces)

    return Template


def render(kind: str, template: Path, context: Mapping[str, Any], dest: Path) -> Path:
    """Render a template with a context (cleaned here: nothing typed can break the XML),
    complete East Asian fonts on every run and write dest whole or not at all."""
    from jinja2 import TemplateError, TemplateSyntaxError, UndefinedError

    spec = KINDS[kind]
    name = template.name
    own = template.resolve() != builtin_template(kind).resolve()
    if own:
        # A user's template: say what is wrong with it before anything is rendered.
        problems = validate_template(kind, template)
        if problems:
            more = f"（另有{len(problems) - 1}处问题）" if len(problems) > 1 else ""
            raise UserError(problems[0] + more)
    try:
        tpl = template_class()(str(template))
        tpl.init_docx()
    except Exception as exc:
        raise UserError(f"{spec.label}模板“{name}”无法打开（不是有效的 .docx 文件）") from exc
    if own:
        follow_fixed_wording(kind, tpl.docx)
    # Completing the template's runs (a few hundred) rather than the rendered document's
    # (tens of thousands in a big report) gives the same result: every rendered run is a
    # copy of a template run, properties included.
    fmt.ensure_east_asia(tpl.docx)
    try:
        tpl.render(clean(dict(context)), _environment())
    except UndefinedError as exc:
        raise UserError(_undefined_message(spec, name, exc)) from exc
    except TemplateSyntaxError as exc:
        problems = validate_template(kind, template)
        detail = problems[0] if problems else f"模板“{name}”有误：{_syntax_message(exc)}"
        raise UserError(detail) from exc
    except TemplateError as exc:
        raise UserError(f"{spec.label}模板“{name}”有误：{exc}") from exc
    return write_atomically(Path(dest), lambda tmp: tpl.save(str(tmp)))


# Sentences a bureau's own template kept from an earlier built-in one, where the built-in one
# now lets the proposal choose the words: (whole paragraph or part of it, what it becomes).
_OLD_LETTER_OPENING = re.compile(
    r"^\s*\{\{\s*you\s*\}\}\s*\{\{\s*opening_verb\s*\}\}\s*《\s*\{\{\s*proposal_title\s*\}\}\s*》"
    r"\s*收悉。\s*现答复如下[：:]\s*$")
_OLD_LETTER_CLOSING = re.compile(
    r"^\s*感谢\s*\{\{\s*you\s*\}\}\s*对我们工作的关心和支持，欢迎继续提出宝贵意见和建议。\s*$")
_OLD_OPINION_WORD = re.compile(r"现提出(?:会办意见|协办意见)?如下")


def follow_fixed_wording(kind: str, docx: Any) -> int:
    """In a bureau's own template, let the sentences it kept from an earlier built-in one
    follow the proposal as the built-in ones do: the letter's opening (which says 现再次答复如下
    after 不满意) and closing (the handler's own when the reply has them), and the 会办意见's
    现提出…如下 (协办意见 for a 协办 proposal). Word splits a sentence over runs at will: the
    paragraph's text is read whole and written into its first run. Returns how many
    paragraphs changed."""
    if kind not in ("letter", "opinion"):
        return 0
    ns = f"{{{fmt.W_NS}}}"
    changed = 0
    for p in docx.element.body.iter(f"{ns}p"):
        texts = list(p.iter(f"{ns}t"))
        joined = "".join(t.text or "" for t in texts)
        if kind == "letter":
            new = ("{{ opening_line }}" if _OLD_LETTER_OPENING.match(joined)
                   else "{{ closing_line }}" if _OLD_LETTER_CLOSING.match(joined) else joined)
        else:
            new = _OLD_OPINION_WORD.sub("现提出{{ opinion_word }}如下", joined)
        if new == joined or not texts:
            continue
        texts[0].text = new
        for t in texts[1:]:
            t.text = ""
        changed += 1
    return changed


def _undefined_message(spec: TemplateKind, name: str, exc: Exception) -> str:
    m = _UNDEFINED.search(str(exc))
    missing = (m.group(1) or m.group(2)) if m else str(exc)
    return (f"{spec.label}模板“{name}”中的占位符“{{{{ {missing} }}}}”无法识别"
            f"（可用：{'、'.join(spec.placeholders)}）")
