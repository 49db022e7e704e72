"""What an import plan means for the bureau, in a sentence or two the preview shows beside its
counts (the command line's and the window's): how many of the new proposals it leads and
assists, where the sheet's 办理时限 is not the bureau's own, which proposals of our register
the new list no longer names us in, and which notes are not already said on a row."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from proposal_desk.core.dates import format_cn
from proposal_desk.core.enums import ROLE_ORDER
from proposal_desk.sheets.plan import Action, ImportPlan


def role_split(plan: ImportPlan) -> str:
    """其中主办15件、协办25件 for the rows to be added; "" when there are none."""
    roles = Counter(r.role for r in plan.rows if r.action is Action.ADD and r.role)
    if not roles:
        return ""
    parts = [f"{role.value}{roles[role.value]}件" for role in ROLE_ORDER if roles[role.value]]
    parts += [f"{name}{count}件" for name, count in roles.items()
              if name not in {role.value for role in ROLE_ORDER}]
    return "新增的提案中，本单位" + "、".join(parts)


def due_notes(plan: ImportPlan) -> list[str]:
    """The sheet's 办理时限 of proposals the bureau assists is the lead unit's (a reply to the
    member): those rows get the assisting deadline instead, which people should be told."""
    added = {r.row for r in plan.rows if r.action is Action.ADD}
    ignored: Counter[str] = Counter()
    dues: set[str] = set()
    for record in plan.records:
        if record.row in added and not record.due_is_ours and record.values.get("due"):
            ignored[record.role.value] += 1
            dues.add(format_cn(record.values["due"]))
    if not ignored:
        return []
    roles = "、".join(f"{name}{count}件" for name, count in ignored.items())
    shown = "、".join(sorted(dues)[:3]) + ("等" if len(dues) > 3 else "")
    return [f"表中的办理时限（{shown}）是主办单位答复{plan.kind or '提案'}的时限；本单位{roles}"
            f"按协办/会办意见的时限计算（设置中的月数，或会议规定的日期），不用表中日期"]


def no_longer_ours(plan: ImportPlan) -> list[str]:
    """A warning per proposal already in our register that the list no longer names us in:
    skipped as every 未列本单位 row, but not to be lost among them (nothing was changed)."""
    return [f"注意：{u.message}（表格第{u.row}行）" for u in plan.no_longer_ours]


def notes_beside_rows(plan: ImportPlan, rows_shown: Iterable[int]) -> list[str]:
    """plan.notes less the warnings of the rows (Excel row numbers) whose line the preview
    already shows with its reason: the plan keeps every warning in its notes too (for --json
    and for rows a preview leaves out), so a preview would otherwise say each one twice."""
    shown = set(rows_shown)
    said = {str(w) for w in plan.warnings if w.row in shown}
    return [note for note in plan.notes if note not in said]
