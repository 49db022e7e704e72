"""`proposal-desk import FILE [--dry-run] [--meeting] [--year] [--kind] [--map 表头=字段]
[--json]`: a readable plan (or JSON), then the import in one transaction."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from proposal_desk.cli.context import open_database
from proposal_desk.services import import_summary
from proposal_desk.sheets.importer import (
    Action,
    ImportOptions,
    ImportPlan,
    apply_import,
    plan_import,
)
from proposal_desk.storage.backup import REASON_IMPORT, backup_before
from proposal_desk.storage.errors import UserError


def parse_maps(items: list[str]) -> dict[str, str]:
    mapping: dict[str, str] = {}
    for item in items:
        header, sep, word = item.replace("＝", "=").partition("=")
        if not sep or not header.strip() or not word.strip():
            raise UserError(f"--map 应写作 表头=字段（如 --map 结果=答复类别），收到“{item}”")
        mapping[header.strip()] = word.strip()
    return mapping


def run(args: argparse.Namespace) -> int:
    options = ImportOptions(meeting=args.meeting, year=args.year, kind=args.kind,
                            mapping=parse_maps(args.map))
    db = open_database(args)
    with db.session() as session:
        plan = plan_import(session, Path(args.file), options)
    if args.json:
        data = plan.to_json()
        if plan.problems or args.dry_run:
            data["applied"] = False
            print(json.dumps(data, ensure_ascii=False, indent=1))
            return 2 if plan.problems else 0
    else:
        print_plan(plan, dry_run=args.dry_run)
        if plan.problems:
            raise UserError(problems_line(plan))
        if args.dry_run:
            print("（试导入：未保存任何内容）")
            return 0
    if any(row.action in (Action.ADD, Action.UPDATE) for row in plan.rows):
        backup_before(db, REASON_IMPORT)  # a way back from a wrong sheet; stops if it fails
    with db.transaction() as session:
        result = apply_import(session, plan)
    if args.json:
        data["applied"] = True
        print(json.dumps(data, ensure_ascii=False, indent=1))
        return 0
    made = result.meetings_created
    created = f"，新建会议：{'、'.join(made)}" if made else ""
    print(f"已导入：新增 {result.added} 件，更新 {result.updated} 件，"
          f"无变化 {result.unchanged} 件，跳过 {result.skipped} 行{created}")
    return 0


def problems_line(plan: ImportPlan) -> str:
    """The error that ends a plan with problems. print_plan has just listed every one of
    them, so it points up there (SheetError's own wording sends the user to --dry-run)."""
    more = len(plan.problems) - 1
    rest = f"另有 {more} 处问题，均已列在上面；" if more else ""
    return f"{plan.problems[0]}（{rest}未导入任何内容）"


ROWS_SHOWN = 20  # rows of each kind an import (not --dry-run) lists


def print_more(count: int, limit: int | None) -> None:
    if limit is not None and count > limit:
        print(f"  ……另有 {count - limit} 行（加 --dry-run 可逐行查看，不保存）")


def print_plan(plan: ImportPlan, *, dry_run: bool) -> None:
    counts = plan.counts
    print(f"文件：{plan.file.name}  工作表：{plan.sheet}  类型：{plan.shape.value}"
          f"（表头在第{plan.header_row}行）")
    for line in plan.context:
        print(f"  {line}")
    print(("将要：" if dry_run else "导入结果预览：") + ("，".join(
        f"{action} {counts[action]}" for action in counts if counts[action]) or "没有数据行"))
    split = import_summary.role_split(plan)
    if split:
        print(f"  {split}")
    for note in import_summary.due_notes(plan):
        print(f"  {note}")
    mapped = [f"{c.letter}「{c.header}」→{c.label}" + ("（按内容）" if c.how == "内容" else "")
              for c in plan.columns if c.field]
    print("已识别的列：" + "；".join(mapped))
    if plan.unmatched:
        print("未识别的列（未导入，可用 --map 表头=字段 指定）：")
        for c in plan.unmatched:
            hint = f"，可能是「{c.suggestion}」" if c.suggestion else ""
            note = f"，{c.note}" if c.note else ""
            print(f"  {c.letter}列「{c.header or '（无表头）'}」{note}{hint}")
    # Row by row in full for --dry-run; an import itself shows the first rows of each kind
    # (a 6,000-row ledger would otherwise scroll 6,000 lines past).
    limit = None if dry_run else ROWS_SHOWN
    listed = [row for row in plan.rows if row.action not in (Action.SKIP, Action.ERROR)]
    with_reason: list[int] = []  # rows whose line says their reason (and so their warnings)
    for row in listed[:limit]:
        line = f"  第{row.row}行 {row.number} {row.action.value}"
        if row.role:
            line += f" {row.role}"
        line += f"  {row.title[:30]}"
        if row.changes:
            line += "：" + "；".join(f"{c.field} {c.old or '（空）'} → {c.new}"
                                    for c in row.changes)
        if row.reason and row.action is not Action.SAME:
            line += f"（{row.reason}）"
            with_reason.append(row.row)
        print(line)
    print_more(len(listed), limit)
    skipped = [r for r in plan.rows if r.action is Action.SKIP]
    if skipped:
        print(f"跳过的行（{len(skipped)}）：")
        for row in skipped[:limit]:
            print(f"  第{row.row}行 {row.number} {row.title[:24]}：{row.reason}")
        print_more(len(skipped), limit)
    for line in import_summary.no_longer_ours(plan):  # every one, whatever the limit
        print(line)
    for note in import_summary.notes_beside_rows(plan, with_reason):
        print(f"说明：{note}")
    if plan.problems:
        print(f"发现 {len(plan.problems)} 处问题，未导入任何内容：")
        for problem in plan.problems:
            print(f"  {problem}")
