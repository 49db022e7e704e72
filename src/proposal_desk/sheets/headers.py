"""Matching a sheet's column headers to the register's fields, by meaning.

A header maps to a field when, after normalisation (white space and line breaks removed,
full-width brackets and colons made half-width, required-field stars dropped), it is one of the
field's known spellings — the variants in DOMAIN.md and those offices use — or becomes one once
a bracketed remark is removed ("交办日期（必填）"). The header 类别 means the answer category
when its column holds A/B/C/D and the topic otherwise: the values decide. Anything else is
*unmatched*: never mapped silently, but listed with a suggestion drawn from the values it holds,
for the user to map (`--map 表头=字段`, or the import wizard).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from proposal_desk.core.enums import ROLE_SYNONYMS, Satisfaction
from proposal_desk.core.text import clean_text


@dataclass(frozen=True)
class Field:
    key: str
    label: str  # the users' word, used for export headers and messages
    variants: tuple[str, ...]
    imported: bool = True  # False: recognised (so not "unmatched") but never read


def _f(key: str, label: str, *variants: str, imported: bool = True) -> Field:
    return Field(key, label, (label, *variants), imported)


FIELDS: tuple[Field, ...] = (
    _f("serial", "序号", "序", "编排号", imported=False),
    _f("kind", "类型", "提案类型", "种类", "提案/建议", "件类"),
    _f("meeting", "届次会议", "会议", "会议名称", "届次", "所属会议", "届次会议名称", "届别"),
    _f("year", "年度", "年份", "办理年度"),
    _f("number", "提案号", "编号", "案号", "提案编号", "建议号", "建议编号", "提案号码",
       "代表建议号", "提案案号", "建议案号", "案件编号"),
    _f("title", "案由", "提案标题", "题目", "标题", "提案题目", "提案名称", "建议标题", "建议题目",
       "建议名称", "提案案由", "建议案由", "案题"),
    _f("proposer", "提案人", "领衔人", "领衔委员", "第一提案人", "提出人", "提案者", "领衔代表",
       "领衔提案人", "建议人", "提案委员", "提案人（领衔）", "提案人/单位", "第一建议人"),
    _f("co_signers", "联名人", "附议人", "联名委员", "联名代表", "联名提案人", "附议委员",
       "附议代表", "联名建议人"),
    _f("sector", "界别", "所属界别", "界别/党派", "党派界别", "代表团"),
    _f("role", "办理方式", "办理类型", "承办方式", "我局办理方式", "本单位办理方式", "办理性质",
       "承办类型", "主协办", "主办/协办", "主协办类型"),
    _f("lead_unit", "主办单位", "牵头单位", "主办部门", "牵头部门", "主办单位（部门）"),
    _f("assist_units", "协办单位", "参办单位", "配合单位", "协办部门", "参办部门"),
    _f("joint_units", "会办单位", "会办部门"),
    _f("split_units", "分办单位", "分办部门"),
    _f("key", "重点提案", "是否重点", "重点", "是否重点提案", "重点建议", "是否重点建议"),
    _f("supervisor", "督办领导", "领衔督办领导", "督办"),
    _f("assigned", "交办日期", "交办时间", "交办日"),
    _f("due", "办理时限", "答复期限", "办结时限", "办理期限", "答复时限", "办结期限", "办复时限",
       "时限", "截止日期", "完成时限"),
    _f("signed", "签收日期", "签收时间", "收文日期"),
    _f("leader", "分管领导", "分管局领导", "分管负责人", "局分管领导"),
    _f("section", "承办科室", "承办处室", "科室", "处室", "责任科室", "责任处室",
       "承办科室（处室）"),
    _f("handler", "承办人", "经办人", "具体承办人", "责任人", "承办责任人"),
    _f("topics", "主题", "关键词", "标签", "主题分类", "主题词"),
    _f("methods", "沟通方式", "沟通形式", "联系沟通方式"),
    _f("replied", "答复日期", "答复时间", "办复日期", "回复日期", "办复时间", "会办意见日期",
       "会办意见送达日期", "答复函日期"),
    _f("category", "答复类别", "办理结果类别", "办复类别", "答复类型", "结果类别", "答复分类",
       "类别（答复）"),
    _f("doc_number", "发文字号", "文号", "答复文号", "发文号"),
    _f("signer", "签发人", "签发领导"),
    _f("publicity", "公开属性", "是否公开", "公开方式"),
    _f("satisfaction", "委员意见", "满意度", "代表意见", "委员满意度", "代表满意度", "评价意见",
       "委员评价", "代表评价", "满意程度", "征询意见结果"),
    _f("opinion_date", "意见反馈日期", "反馈日期", "意见回执日期", "征询意见日期"),
    # the rounds before the one the row states (sheets.ledger.rounds_text's form)
    _f("earlier_rounds", "历次答复", "以往答复", "前几轮答复", "历次答复情况"),
    _f("return_on", "退回日期", "退回申请日期", "申请退回日期", "退回时间"),
    _f("return_reason", "退回理由", "退回原因", "退回说明"),
    _f("return_outcome", "退回结果", "退回审核结果", "是否同意退回"),
    _f("return_decided", "退回审核日期", "退回批复日期", "提案委答复日期"),
    _f("status", "办理状态", "状态", "当前状态", imported=False),
    _f("merged_with", "并案", "并案提案", "并案号", "并案处理"),
    _f("summary", "办理情况", "主要工作", "办理情况摘要", "工作情况"),
    _f("notes", "备注", "说明", "备注说明"),
)

BY_KEY: dict[str, Field] = {f.key: f for f in FIELDS}
# Headers whose meaning depends on the values below them.
# 类别 falls back to topics when its values are words; the others need their values to agree.
AMBIGUOUS: dict[str, tuple[str, ...]] = {
    "类别": ("category", "topics"), "意见": ("satisfaction",), "办理结果": ("category",),
    "意见反馈": ("satisfaction",),
}
IGNORE_WORDS = frozenset({"忽略", "不导入", "ignore", "-"})

_OPEN = "（【〔[{<《"
_CLOSE = "）】〕]}>》"
_BRACKETS = str.maketrans({**dict.fromkeys(_OPEN, "("), **dict.fromkeys(_CLOSE, ")"),
                           "：": ":", "／": "/", "＊": "*"})
_REMARK = re.compile(r"\([^()]*\)")
_TRAILING_REMARK = re.compile(r"\([^()]*\)[*:\s]*$")


def normalize(header: object) -> str:
    """The comparable form of a header cell: no white space, half-width brackets, no stars."""
    text = clean_text(header).translate(_BRACKETS)
    text = re.sub(r"\s+", "", text)
    return text.strip("*:").strip()


_INDEX: dict[str, str] = {}
for _field in FIELDS:
    for _variant in _field.variants:
        _INDEX.setdefault(normalize(_variant), _field.key)


def match_header(header: object) -> str | None:
    """The field a header names, by its words alone; None when unknown or ambiguous."""
    text = normalize(header)
    if not text:
        return None
    if text in _INDEX:
        return _INDEX[text]
    # Peel trailing remarks one at a time: 类别（答复）（必填） is the variant 类别（答复）.
    bare = text
    while (m := _TRAILING_REMARK.search(bare)) is not None:
        bare = bare[:m.start()].strip("*: ")
        if bare in _INDEX:
            return _INDEX[bare]
    bare = _REMARK.sub("", text).strip("*:")
    if bare and bare != text and bare in _INDEX:
        return _INDEX[bare]
    return None


def field_for_user_word(word: str) -> str | None:
    """What `--map 表头=字段` names: a field's label or variant, or its English key."""
    text = word.strip()
    if text in BY_KEY:
        return text
    return match_header(text)


# ---- what a column's values suggest -----------------------------------------------------

_CATEGORY_VALUE = re.compile(r"^[A-Za-zＡ-Ｚａ-ｚ]类?$")
_SATISFACTION = {s.value for s in Satisfaction}
_YES_NO = {"是", "否", "√", "×", "✓", "✔", "Y", "N", "y", "n"}
_DATE_LIKE = re.compile(r"^\d{4}\s*[-./年]\s*\d{1,2}\s*[-./月]\s*\d{1,2}\s*日?$")


def _texts(values: Iterable[Any]) -> list[str]:
    return [clean_text(v) for v in values if clean_text(v)]


def values_suggest(values: Sequence[Any]) -> str | None:
    """The field a column's values point to, if they clearly do (used for suggestions and to
    settle ambiguous headers, never to map an unknown header on its own)."""
    texts = _texts(values)
    if not texts:
        return None
    if all(_CATEGORY_VALUE.match(t) for t in texts):
        return "category"
    if all(t in _SATISFACTION for t in texts):
        return "satisfaction"
    if all(t in ROLE_SYNONYMS for t in texts):
        return "role"
    if all(t in _YES_NO for t in texts):
        return "key"
    if all(t in ("提案", "建议") for t in texts):
        return "kind"
    return None


def looks_like_dates(values: Sequence[Any]) -> bool:
    import datetime as dt

    seen = False
    for v in values:
        if isinstance(v, dt.date):
            seen = True
        elif clean_text(v):
            if not _DATE_LIKE.match(clean_text(v)):
                return False
            seen = True
    return seen


def resolve_ambiguous(header: object, values: Sequence[Any]) -> str | None:
    """类别 over A/B/C/D is the answer category, over words the topic; 意见 over 满意… is
    the member's opinion."""
    choices = AMBIGUOUS.get(normalize(header))
    if not choices:
        return None
    suggested = values_suggest(values)
    if suggested in choices:
        return suggested
    if "topics" in choices and _texts(values):
        return "topics"
    return None


@dataclass(frozen=True)
class ColumnMatch:
    """How one column of the header row was understood."""

    index: int  # 0-based column
    header: str  # as written (cleaned)
    field: str | None  # None: unmatched or ignored
    how: str  # "表头" (by its words), "内容" (by its values), "指定" (the user's mapping), ""
    suggestion: str | None = None  # for unmatched columns: what the values point to
    note: str = ""

    @property
    def label(self) -> str:
        return BY_KEY[self.field].label if self.field else ""


def match_columns(headers: Sequence[object], columns: Sequence[Sequence[Any]],
                  mapping: dict[str, str | None] | None = None) -> list[ColumnMatch]:
    """Understand every column of a header row.

    `columns[i]` are the values under header i (to settle 类别 and to suggest a field for an
    unmatched header). `mapping` is the user's: normalised header → field key, or None to
    ignore the column. A field named by two columns keeps the first; the second is unmatched.
    """
    wanted = {normalize(k): v for k, v in (mapping or {}).items()}
    result: list[ColumnMatch] = []
    taken: set[str] = set()
    for i, raw in enumerate(headers):
        header = clean_text(raw)
        values = columns[i] if i < len(columns) else ()
        key = normalize(raw)
        if key and key in wanted:
            field = wanted[key]
            result.append(ColumnMatch(i, header, field, "指定"))
            if field:
                taken.add(field)
            continue
        field = match_header(raw)
        how = "表头"
        if field is None:
            field = resolve_ambiguous(raw, values)
            how = "内容"
        if field and field in taken:
            first = next(m for m in result if m.field == field)
            result.append(ColumnMatch(i, header, None, "", note=f"与第{first.index + 1}列重复"))
            continue
        if field:
            taken.add(field)
            result.append(ColumnMatch(i, header, field, how))
            continue
        suggestion = values_suggest(values) if (header or _texts(values)) else None
        result.append(ColumnMatch(i, header, None, "", suggestion=suggestion))
    return result


def header_score(cells: Sequence[object]) -> int:
    """How many different fields a row names: the header row is the one naming most."""
    found = {match_header(c) for c in cells}
    found |= {AMBIGUOUS[normalize(c)][0] for c in cells if normalize(c) in AMBIGUOUS}
    found.discard(None)
    return len(found)
