"""`proposal-desk meeting [list | rename OLD NEW | merge SOURCE TARGET | dates NAME …]`."""

from __future__ import annotations

import argparse
import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from proposal_desk.cli.context import open_database
from proposal_desk.core.dates import DateError, format_cn, parse_date
from proposal_desk.services import editing, meeting_admin
from proposal_desk.storage.errors import UserError
from proposal_desk.storage.models import Meeting

_USAGE = {
    "rename": "用法：proposal-desk meeting rename 旧会议名 新会议名",
    "merge": "用法：proposal-desk meeting merge 要并入的会议 目标会议",
    "dates": "用法：proposal-desk meeting dates 会议名 [--reply-due 日期] [--assist-due 日期]",
}


def run(args: argparse.Namespace) -> int:
    if args.action == "list":
        return _list(args)
    wanted = {"rename": 2, "merge": 2, "dates": 1}[args.action]
    if len(args.names) != wanted:
        raise UserError(_USAGE[args.action])
    db = open_database(args)
    if args.action == "merge":
        with db.session() as session:
            source, target = (_by_name(session, n).id for n in args.names)
        moved = meeting_admin.merge_meetings_with_backup(db, source, target)
        print(f"已把“{args.names[0]}”的 {moved} 件并入“{args.names[1]}”")
        return 0
    with db.transaction() as session:
        meeting = _by_name(session, args.names[0])
        if args.action == "rename":
            meeting_admin.rename_meeting(session, meeting.id, args.names[1])
            print(f"已改名：{args.names[0]} → {meeting.name}")
        else:
            # A flag left out keeps the meeting's date; an empty one clears it.
            dates = {flag: getattr(meeting, flag) if getattr(args, flag) is None
                     else _date(getattr(args, flag), flag)
                     for flag in ("reply_due", "assist_due", "return_due")}
            editing.update_meeting(session, meeting.id, **dates)
            print(f"{meeting.name}：答复截止 {format_cn(meeting.reply_due) or '按月数'}；"
                  f"协办/会办意见截止 {format_cn(meeting.assist_due) or '按月数'}；"
                  f"退回截止 {format_cn(meeting.return_due) or '按工作日数'}")
    return 0


def _list(args: argparse.Namespace) -> int:
    db = open_database(args, write=False)
    with db.session() as session:
        lines = meeting_admin.meeting_lines(session)
    if args.json:
        print(json.dumps([{"name": m.name, "kind": m.kind, "year": m.year, "count": m.count}
                          for m in lines], ensure_ascii=False, indent=1))
        return 0
    for m in lines:
        print(f"{m.year}  {m.kind}  {m.name}  {m.count} 件")
    if not lines:
        print("还没有会议：导入交办清单后会自动建立")
    return 0


def _by_name(session: Session, name: str) -> Meeting:
    found = session.scalars(select(Meeting).where(Meeting.name == name.strip())).all()
    if not found:
        names = "、".join(session.scalars(select(Meeting.name)))
        raise UserError(f"没有名为“{name}”的会议（现有：{names or '无'}）")
    if len(found) > 1:
        raise UserError(f"“{name}”同时是提案会议和建议会议的名称，请在窗口中操作")
    return found[0]


def _date(raw: str, flag: str) -> object:
    if not raw.strip():
        return None
    try:
        return parse_date(raw)
    except DateError as exc:
        raise UserError(f"--{flag.replace('_', '-')}：{exc}") from exc
