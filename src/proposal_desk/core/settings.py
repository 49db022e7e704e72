"""The bureau's settings: every key, its default and its meaning, in one place.

Values are stored in the database's `setting` table (see storage.settings_store), so a copied
data folder carries them. The command line's `config` and the settings dialog both use KEYS.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from proposal_desk.core.dates import DateError, day_text, parse_days

DEFAULT_CATEGORIES: dict[str, str] = {
    "A": "所提问题已经解决或者基本解决的",
    "B": "所提问题正在解决或者列入规划逐步解决的",
    "C": "所提问题因目前条件限制或者其他原因需待以后解决的",
    "D": "所提问题留作参考的",
}


@dataclass(frozen=True)
class SettingKey:
    key: str
    label: str  # shown to users
    default: Any
    kind: str = "str"  # str, list, int, dict, bool, days (dates and date ranges)
    limits: tuple[int, int] | None = None  # an int's range (the settings window's spin boxes)
    required: bool = False  # may not be left empty


KEYS: dict[str, SettingKey] = {k.key: k for k in [
    SettingKey("bureau.name", "本单位名称", "", required=True),
    SettingKey("bureau.aliases", "本单位别称（逗号分隔）", [], "list"),
    SettingKey("bureau.doc_prefix", "答复函发文字号前缀（如 周商函）", "", "str"),
    SettingKey("bureau.opinion_prefix", "会办意见发文字号前缀（如 周商会办）", "", "str"),
    SettingKey("bureau.contact_name", "联系人", ""),
    SettingKey("bureau.contact_phone", "联系电话", ""),
    SettingKey("bureau.cc", "默认抄送（逗号分隔）", ["区政协提案委员会", "区政府办公室"], "list"),
    SettingKey("deadline.lead_months", "主办/分办答复时限（月）", 3, "int", (1, 12)),
    SettingKey("deadline.assist_months", "协办/会办意见时限（月）", 1, "int", (1, 12)),
    SettingKey("deadline.reopen_months", "不满意重新办理时限（月）", 3, "int", (1, 12)),
    SettingKey("deadline.return_working_days", "退回时限（工作日）", 10, "int", (1, 60)),
    SettingKey("deadline.first_contact_working_days", "首次沟通时限（工作日，0 不提醒）", 15,
               "int", (0, 60)),
    SettingKey("deadline.due_soon_days", "即将到期提前提醒（天）", 7, "int", (1, 60)),
    SettingKey("deadline.holidays", "节假日（工作日时限不计，逗号分隔，如 2025-04-04~2025-04-06）",
               [], "days"),
    SettingKey("deadline.workdays", "调休上班的周末（计入工作日，逗号分隔）", [], "days"),
    SettingKey("categories", "答复类别及其含义", DEFAULT_CATEGORIES, "dict"),
    SettingKey("letter.title_pattern", "答复函标题", "关于{meeting}第{number}号{kind}的答复"),
    SettingKey("letter.template", "答复函模板文件（空为内置）", ""),
    SettingKey("opinion.template", "会办意见模板文件（空为内置）", ""),
    SettingKey("report.template", "办理情况报告模板文件（空为内置）", ""),
    SettingKey("user.name", "当前使用人", ""),
]}


class SettingError(ValueError):
    """A setting refused, with one line for users (the command line and the window)."""


def coerce(key: str, raw: Any) -> Any:
    """Turn a value typed on the command line or in a form into the key's type (ValueError
    if it cannot be); check_value then says whether it makes sense."""
    spec = KEYS.get(key)
    if spec is None:
        raise KeyError(key)
    if spec.kind == "list":
        return coerce_list(raw)
    if spec.kind == "days":  # dates and ranges of dates, each checked
        return [text for text in (day_text(item) for item in coerce_list(raw)) if text]
    if spec.kind == "int":
        try:
            return int(str(raw).strip())
        except ValueError as exc:
            raise SettingError(f"“{spec.label}”应为整数，收到“{raw}”") from exc
    if spec.kind == "dict":
        if isinstance(raw, dict):
            return {str(k).strip(): str(v).strip() for k, v in raw.items()}
        pairs = [p for p in str(raw).replace("；", ";").split(";") if p.strip()]
        return categories_from_pairs((name, meaning) for name, _, meaning in
                                     (pair.partition("=") for pair in pairs))
    if spec.kind == "bool":
        return str(raw).strip().lower() in {"1", "true", "yes", "是", "y"}
    return str(raw).strip()


def categories_from_pairs(pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    """(code, meaning) pairs as typed (A=…;B=… on the command line, the settings window's
    rows) as the categories: codes upper-cased, none twice. A pair without a code is kept
    for check_categories to refuse."""
    result: dict[str, str] = {}
    for name, meaning in pairs:
        code = name.strip().upper()
        if code and code in result:
            raise SettingError(f"答复类别“{code}”重复")
        result[code] = meaning.strip()
    return result


def check_value(key: str, value: Any, *, categories_in_use: Iterable[str] = ()) -> None:
    """A setting that would make nonsense is refused with one line naming it:
    a number outside its range (a negative 答复时限 put due dates before 交办), an empty
    bureau name, a category with no code or meaning, or one still given to replies
    (`categories_in_use`: the categories stored replies have). Raises SettingError."""
    spec = KEYS[key]
    if spec.required and not value:
        raise SettingError(f"“{spec.label}”不能为空")
    if spec.limits is not None:
        low, high = spec.limits
        if not low <= value <= high:
            raise SettingError(f"“{spec.label}”应在 {low} 到 {high} 之间，收到 {value}")
    if key == "categories":
        check_categories(value, categories_in_use)


def check_categories(categories: dict[str, str], in_use: Iterable[str] = ()) -> None:
    if not categories:
        raise SettingError("至少要有一个答复类别")
    for code, meaning in categories.items():
        if not code:
            raise SettingError("答复类别缺少类别代号（如 A）")
        if not meaning:
            raise SettingError(f"答复类别“{code}”缺少含义（答复函和报告中使用；"
                               f"写成 {code}=含义）")
    missing = sorted(set(in_use) - set(categories) - {""})
    if missing:
        names = "、".join(f"“{c}”" for c in missing)
        raise SettingError(f"已有答复为{names}类，不能删除这些类别（可以修改其含义）")


def coerce_list(raw: Any) -> list[str]:
    if isinstance(raw, list):
        return [str(x).strip() for x in raw if str(x).strip()]
    return [p.strip() for p in str(raw).replace("，", ",").replace("、", ",").split(",")
            if p.strip()]


def display(key: str, value: Any) -> str:
    spec = KEYS[key]
    if spec.kind in ("list", "days"):
        return ",".join(value)
    if spec.kind == "dict":
        return ";".join(f"{k}={v}" for k, v in value.items())
    return str(value)


def every_day(items: list[str]) -> frozenset[dt.date]:
    """The days a stored days setting names (a damaged item is left out, not fatal)."""
    days: set[dt.date] = set()
    for item in items:
        try:
            days.update(parse_days(item))
        except DateError:
            continue
    return frozenset(days)


@dataclass(frozen=True)
class Deadlines:
    lead_months: int = 3
    assist_months: int = 1
    reopen_months: int = 3
    return_working_days: int = 10
    first_contact_working_days: int = 15
    due_soon_days: int = 7
    holidays: frozenset[dt.date] = frozenset()  # skipped by working-day deadlines
    workdays: frozenset[dt.date] = frozenset()  # weekend days worked (调休)


@dataclass(frozen=True)
class BureauSettings:
    """A typed snapshot of all settings, as the rules and documents read them."""

    name: str = ""
    aliases: tuple[str, ...] = ()
    doc_prefix: str = ""
    opinion_prefix: str = ""
    contact_name: str = ""
    contact_phone: str = ""
    cc: tuple[str, ...] = ()
    deadlines: Deadlines = Deadlines()
    categories: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_CATEGORIES))
    letter_title_pattern: str = KEYS["letter.title_pattern"].default
    letter_template: str = ""
    opinion_template: str = ""
    report_template: str = ""
    user: str = ""

    @property
    def names(self) -> tuple[str, ...]:
        """Every name the bureau appears under on an assignment list."""
        return tuple(n for n in (self.name, *self.aliases) if n)

    @classmethod
    def from_values(cls, values: dict[str, Any]) -> BureauSettings:
        def get(key: str) -> Any:
            return values.get(key, KEYS[key].default)

        return cls(
            name=get("bureau.name"),
            aliases=tuple(get("bureau.aliases")),
            doc_prefix=get("bureau.doc_prefix"),
            opinion_prefix=get("bureau.opinion_prefix"),
            contact_name=get("bureau.contact_name"),
            contact_phone=get("bureau.contact_phone"),
            cc=tuple(get("bureau.cc")),
            deadlines=Deadlines(
                lead_months=get("deadline.lead_months"),
                assist_months=get("deadline.assist_months"),
                reopen_months=get("deadline.reopen_months"),
                return_working_days=get("deadline.return_working_days"),
                first_contact_working_days=get("deadline.first_contact_working_days"),
                due_soon_days=get("deadline.due_soon_days"),
                holidays=every_day(get("deadline.holidays")),
                workdays=every_day(get("deadline.workdays")),
            ),
            categories=dict(get("categories")),
            letter_title_pattern=get("letter.title_pattern"),
            letter_template=get("letter.template"),
            opinion_template=get("opinion.template"),
            report_template=get("report.template"),
            user=get("user.name"),
        )
