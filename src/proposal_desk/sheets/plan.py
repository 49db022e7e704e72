"""The plan an import shows before it writes: plain data, safe to pass between threads."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from proposal_desk.core.enums import Kind, Role
from proposal_desk.sheets.errors import CellProblem, ImportCancelled

if TYPE_CHECKING:  # compare imports this module
    from proposal_desk.sheets.compare import Outcome

# progress(stage, done, total); returning False cancels the import.
ProgressFn = Callable[[str, int, int], object]


class Shape(StrEnum):
    ASSIGNMENTS = "交办清单"
    LEDGER = "办理台账"


class Action(StrEnum):
    ADD = "新增"
    UPDATE = "更新"
    SAME = "无变化"
    SKIP = "跳过"
    ERROR = "有错误"


@dataclass
class ImportOptions:
    meeting: str | None = None  # --meeting: the meeting of rows that do not name one
    year: int | None = None
    kind: str | None = None  # 提案 / 建议
    mapping: dict[str, str] = field(default_factory=dict)  # 表头 → 字段 (label, key or 忽略)
    sheet: str | None = None  # a sheet by name (hidden ones only this way)


@dataclass(frozen=True)
class Change:
    field: str  # the users' word, e.g. 答复日期
    old: str
    new: str


@dataclass
class PlanRow:
    row: int  # Excel row number
    number: str
    title: str
    meeting: str
    role: str
    action: Action
    reason: str = ""
    changes: list[Change] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"row": self.row, "number": self.number, "title": self.title,
                "meeting": self.meeting, "role": self.role or None, "action": self.action.value,
                "reason": self.reason or None,
                "changes": [{"field": c.field, "old": c.old, "new": c.new} for c in self.changes]}


@dataclass(frozen=True)
class NoLongerOurs:
    """A proposal already in our register whose row in the new list no longer names our unit:
    the row is skipped as every 未列本单位 row, and nothing in the register changes — a
    corrected list may have moved it elsewhere, or it may be a mistake in the list, which only
    the office that assigned it can say."""

    row: int  # Excel row number
    number: str
    meeting: str
    kind: str  # 提案 / 建议
    status: str  # its status in our register

    @property
    def message(self) -> str:
        return (f"第{self.number}号已在本单位台账中（{self.status}），新名单未列本单位："
                f"未作改动，请与{Kind(self.kind).assigning_office}核实")

    def to_json(self) -> dict[str, Any]:
        return {"row": self.row, "number": self.number, "meeting": self.meeting,
                "kind": self.kind, "status": self.status, "message": self.message}


@dataclass(frozen=True)
class Column:
    letter: str
    header: str
    field: str | None  # field key; None when unmatched or ignored
    label: str  # the field's label
    how: str  # 表头 / 内容 / 指定
    suggestion: str | None = None  # for unmatched: a field label the values point to
    note: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"column": self.letter, "header": self.header, "field": self.label or None,
                "how": self.how or None, "suggestion": self.suggestion, "note": self.note or None}


@dataclass(frozen=True)
class MeetingKey:
    kind: str
    name: str
    year: int


@dataclass
class RowData:
    """One kept row, in the register's terms; `values` holds only what the sheet gives."""

    row: int
    meeting: MeetingKey
    number: str
    role: Role
    values: dict[str, Any]
    due_is_ours: bool
    cells: dict[str, int]  # field → column, to place problems found later

    @property
    def identity(self) -> tuple[str, str, str]:
        return (self.meeting.kind, self.meeting.name, self.number)


@dataclass
class ImportPlan:
    file: Path
    sheet: str
    shape: Shape
    header_row: int
    meeting: str  # the meeting of rows that do not name their own
    kind: str
    year: int | None
    context: list[str]  # how meeting, kind and year were found, for people
    columns: list[Column]
    rows: list[PlanRow]
    problems: list[CellProblem]
    notes: list[str]  # lines under the table, ignored sheets, formulas read by their result
    options: ImportOptions
    records: list[RowData] = field(default_factory=list, repr=False)
    # Rows imported as they are but worth a look (also in notes, for people).
    warnings: list[CellProblem] = field(default_factory=list)
    # The database as the plan saw it (storage.bulk.data_version) and, per Excel row to be
    # added or updated, its comparison: applied to the same database the plan is not compared
    # again.
    data_version: tuple[int, int] | None = field(default=None, repr=False)
    planned: dict[int, Outcome] = field(default_factory=dict, repr=False)
    # Skipped 未列本单位 rows of proposals already registered (said apart, per proposal).
    no_longer_ours: list[NoLongerOurs] = field(default_factory=list)

    @property
    def unmatched(self) -> list[Column]:
        return [c for c in self.columns if c.field is None and c.how != "指定"
                and (c.header or c.suggestion)]

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def counts(self) -> dict[str, int]:
        counter = Counter(r.action for r in self.rows)
        return {a.value: counter.get(a, 0) for a in Action}

    def to_json(self) -> dict[str, Any]:
        return {
            "file": str(self.file), "sheet": self.sheet, "shape": self.shape.value,
            "header_row": self.header_row, "meeting": self.meeting, "kind": self.kind,
            "year": self.year, "context": self.context, "counts": self.counts,
            "columns": [c.to_json() for c in self.columns if c.field],
            "unmatched": [c.to_json() for c in self.unmatched],
            "rows": [r.to_json() for r in self.rows],
            "problems": [p.to_json() for p in self.problems], "notes": self.notes,
            "warnings": [w.to_json() for w in self.warnings],
            "no_longer_ours": [u.to_json() for u in self.no_longer_ours],
        }


@dataclass(frozen=True)
class ImportResult:
    added: int
    updated: int
    unchanged: int
    skipped: int
    meetings_created: tuple[str, ...] = ()



class Progress:
    def __init__(self, fn: ProgressFn | None):
        self.fn = fn

    def __call__(self, stage: str, done: int, total: int) -> None:
        if self.fn is not None and self.fn(stage, done, total) is False:
            raise ImportCancelled()


