"""Reading one cell as the value a field means; a bad value raises BadValue with a message
for users (the importer adds the file, sheet, row and column)."""

from __future__ import annotations

import datetime as dt
import re

from proposal_desk.core.dates import DateError, parse_date
from proposal_desk.core.enums import (
    METHOD_SYNONYMS,
    ROLE_SYNONYMS,
    Kind,
    Publicity,
    ReturnOutcome,
    Role,
    Satisfaction,
)
from proposal_desk.core.text import clean_line, clean_text, number_text, split_names

EXCEL_CELL_LIMIT = 32767  # characters: Excel cannot hold more in one cell
# Column sizes of the register (storage.models); PostgreSQL enforces them, so we check first.
MAX_LENGTH = {
    "number": 40, "title": 500, "name": 100, "sector": 50, "supervisor": 100, "section": 100,
    "staff": 50, "topic": 50, "doc_number": 60, "signer": 50, "merged_with": 200,
    "meeting": 100,
}
_EMPTY_MARKS = {"-", "—", "——", "－", "/", "／", "无", "暂无", "未", "空", "\\"}
_NUMBER = re.compile(r"^[0-9A-Za-z][0-9A-Za-z\-_.()]*$")
_FULLWIDTH = str.maketrans(
    "０１２３４５６７８９ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺ"
    "ａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ（）－",
    "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz()-")


class BadValue(ValueError):
    """A cell that does not hold what its column means; str() is for users."""


def is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not clean_text(value))


def check_size(value: object) -> None:
    if isinstance(value, str) and len(value) > EXCEL_CELL_LIMIT:
        raise BadValue(f"单元格有 {len(value)} 个字符，超过表格单元格的上限 {EXCEL_CELL_LIMIT}，"
                       "文件可能已损坏")


def text(value: object, limit_key: str | None = None, *, multiline: bool = False) -> str:
    if isinstance(value, bool):
        raise BadValue(f"应为文字，收到逻辑值“{value}”")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, dt.datetime | dt.date):
        value = value.isoformat()
    result = clean_text(value) if multiline else clean_line(value)
    if limit_key and len(result) > MAX_LENGTH[limit_key]:
        raise BadValue(f"内容有 {len(result)} 个字，超过 {MAX_LENGTH[limit_key]} 字的上限")
    return result


def number(value: object) -> str:
    """A proposal number: 144012, "144012", "第144012号" → "144012"."""
    if isinstance(value, bool):
        raise BadValue(f"提案号应为编号，收到逻辑值“{value}”")
    if isinstance(value, float) and not value.is_integer():
        raise BadValue(f"提案号“{value}”不是编号（有小数）")
    if isinstance(value, dt.date):
        raise BadValue(f"提案号应为编号，收到日期“{value.isoformat()}”")
    result = number_text(value).translate(_FULLWIDTH).replace(" ", "")
    if len(result) > 2 and result[0] == "第" and result[-1] == "号":  # 第…号 (no line breaks)
        result = result[1:-1]
    result = result.removesuffix("号")
    if not result:
        return ""
    if not _NUMBER.match(result) or not any(ch.isdigit() for ch in result):
        raise BadValue(f"提案号“{clean_line(value)[:40]}”不是编号（应由数字组成，如 144012）")
    if len(result) > MAX_LENGTH["number"]:
        raise BadValue(f"提案号“{result[:40]}…”太长")
    return result


def date(value: object) -> dt.date | None:
    if isinstance(value, str) and clean_line(value) in _EMPTY_MARKS:
        return None
    try:
        return parse_date(value)
    except DateError as exc:
        raise BadValue(str(exc)) from exc


def names(value: object, limit_key: str = "name") -> list[str]:
    if isinstance(value, float | int) and not isinstance(value, bool):
        raise BadValue(f"应为姓名或单位名称，收到数字“{value:g}”")
    if isinstance(value, str) and clean_line(value) in _EMPTY_MARKS:
        return []
    result = split_names(value)
    for n in result:
        if len(n) > MAX_LENGTH[limit_key]:
            raise BadValue(f"名称“{n[:20]}…”有 {len(n)} 个字，超过 {MAX_LENGTH[limit_key]} 字")
    return result


_YES = {"是", "√", "✓", "✔", "y", "yes", "true", "1", "重点", "是（重点）"}
_NO = {"否", "×", "✗", "n", "no", "false", "0", "非重点", "不是"}


def yes_no(value: object) -> bool | None:
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        if value in (0, 1):
            return bool(value)
        raise BadValue(f"应填“是”或“否”，收到“{value:g}”")
    word = clean_line(value).lower()
    if not word or word in _EMPTY_MARKS:
        return None
    if word in _YES:
        return True
    if word in _NO:
        return False
    raise BadValue(f"应填“是”或“否”，收到“{clean_line(value)[:20]}”")


def role(value: object) -> Role | None:
    word = clean_line(value).replace("单位", "")
    if not word:
        return None
    if word in ROLE_SYNONYMS:
        return ROLE_SYNONYMS[word]
    hits = {r for w, r in ROLE_SYNONYMS.items() if w in word}
    if len(hits) == 1:
        return hits.pop()
    allowed = "、".join(r.value for r in Role)
    raise BadValue(f"办理方式“{clean_line(value)[:20]}”无法识别（可填：{allowed}）")


def category(value: object, allowed: dict[str, str]) -> str:
    word = clean_line(value).translate(_FULLWIDTH).upper().removesuffix("类")
    if not word or word in _EMPTY_MARKS:
        return ""
    if word in allowed:
        return word
    names_ = "、".join(allowed)
    raise BadValue(f"答复类别“{clean_line(value)[:20]}”不在设置的类别中（{names_}）")


def satisfaction(value: object) -> str:
    word = clean_line(value).replace(" ", "")
    if not word or word in _EMPTY_MARKS:
        return ""
    for s in Satisfaction:
        if word == s.value:
            return s.value
    allowed = "、".join(s.value for s in Satisfaction)
    raise BadValue(f"委员意见“{clean_line(value)[:20]}”无法识别（可填：{allowed}）")


def publicity(value: object) -> str:
    word = clean_line(value)
    if not word or word in _EMPTY_MARKS:
        return ""
    for p in Publicity:
        if word == p.value:
            return p.value
    if word == "是":
        return Publicity.PUBLIC.value
    if word == "否":
        return Publicity.PRIVATE.value
    allowed = "、".join(p.value for p in Publicity)
    raise BadValue(f"公开属性“{word[:20]}”无法识别（可填：{allowed}）")


def methods(value: object) -> list[str]:
    """沟通方式 such as "电话、面商": each method once, in the users' standard words."""
    result: list[str] = []
    for word in names(value):
        method = METHOD_SYNONYMS.get(word)
        if method is None:
            hits = {m for w, m in METHOD_SYNONYMS.items() if w in word}
            if len(hits) != 1:
                allowed = "、".join(dict.fromkeys(m.value for m in METHOD_SYNONYMS.values()))
                raise BadValue(f"沟通方式“{word[:20]}”无法识别（可填：{allowed}）")
            method = hits.pop()
        if method.value not in result:
            result.append(method.value)
    return result


def return_outcome(value: object) -> str:
    word = clean_line(value)
    if not word or word in _EMPTY_MARKS:
        return ""
    for outcome in ReturnOutcome:
        if word == outcome.value:
            return outcome.value
    if word in ("同意", "已退回", "准予退回"):
        return ReturnOutcome.ACCEPTED.value
    if word in ("不同意", "不予退回", "驳回"):
        return ReturnOutcome.REFUSED.value
    if word in ("审核中", "待定"):
        return ReturnOutcome.PENDING.value
    allowed = "、".join(o.value for o in ReturnOutcome)
    raise BadValue(f"退回结果“{word[:20]}”无法识别（可填：{allowed}）")


def kind(value: object) -> Kind | None:
    word = clean_line(value)
    if not word:
        return None
    if "建议" in word or "人大" in word:
        return Kind.SUGGESTION
    if "提案" in word or "政协" in word:
        return Kind.PROPOSAL
    raise BadValue(f"类型“{word[:20]}”无法识别（可填：提案、建议）")


def year(value: object) -> int | None:
    if is_blank(value):
        return None
    if isinstance(value, dt.date):
        return value.year
    word = clean_line(value).removesuffix("年").removesuffix(".0")
    if isinstance(value, float) and value.is_integer():
        word = str(int(value))
    if word.isdigit() and 1990 <= int(word) <= 2100:
        return int(word)
    raise BadValue(f"年度“{clean_line(value)[:20]}”不是年份（如 2025）")
