"""Importing an assignment list (交办清单) or a bureau's ledger (办理台账) into the register.

Two steps, so that people see what will happen before anything is written:

    plan = plan_import(session, path, ImportOptions(...), progress=None)   # reads only
    with db.transaction() as session:
        result = apply_import(session, plan, progress=None)              # one transaction

`plan_import` reads the file, finds the header row below any title rows, understands the
columns (sheets.headers), reads the meeting, kind and year, and compares every row with the
database by its identity (meeting, number). It returns an `ImportPlan` of plain data (no ORM
objects, safe to hand from a worker thread to the GUI): per row the action — 新增, 更新 (with
the fields that change, old and new), 无变化, 跳过 (with the reason) or 有错误 — the unmatched
headers with a suggested field, every problem as a `CellProblem` naming file, sheet, row and
column, and counts. It never writes. A file that cannot be read at all raises `SheetError`.

`apply_import` refuses a plan with problems (SheetError naming the first) and otherwise writes
every added and updated row inside the caller's transaction, comparing again against the
database as it is then (unless nothing was written since the plan: its comparison is used as it
is); the caller's `db.transaction()` commits it whole or not at all. Rows
that did not change are not touched, so importing the same file twice writes nothing (no audit
rows either). `progress(stage, done, total)` is called now and then from the calling thread;
returning False cancels (ImportCancelled; the transaction is rolled back). To let the user map
an unmatched header, plan again with `ImportOptions.mapping = {"表头": "字段"}` (a field's label
such as 答复类别, or 忽略 to leave the column out).

The rules the import follows:
- The shape: a sheet with a role column (办理方式) is a ledger; without one it is an assignment
  list, whose rows are kept only where 主办/协办/会办/分办单位 names the bureau (bureau.name or
  an alias; the role follows from the column), the others are skipped with the reason.
- An assignment list's 办理时限 is the lead unit's: stored on the proposal only when we are
  主办/分办 (协办/会办 get the rule's date). A ledger's 办理时限 is ours on every row.
- An empty cell never erases what is stored; units are replaced role by role only where the
  sheet names them; contact methods (沟通方式) are only ever added.
- A ledger's 沟通方式 cell ("电话、面商") becomes one contact record per method, stage 办前,
  dated the earliest date the row gives (签收, 交办 or 答复日期: contact comes first), content
  saying it came from the ledger. A row with no date at all records no contact and says so.
- Replies and opinions from a ledger are stored as the first handling round: 答复日期 → the
  reply (主办/分办, marked sent) or the 会办意见 (协办/会办) with that date; 答复类别 → its
  category; 委员意见 → the member's opinion form. No 发文字号 is invented for imported replies.
  A 历次答复 cell (the program's own export of a proposal handled again) gives a new proposal
  its earlier rounds, and the row's answer is then the latest round's (sheets.ledger); a
  registered proposal's rounds are not changed by a sheet.
- A ledger is history, recorded as it stands, never reopened by the import's own dates. A row
  ending 不满意 becomes 重新办理 (the figures count the 不满意), and its re-handling deadline
  runs from the opinion's 反馈日期 as for any opinion (core.rules.effective_due). A ledger
  without that date (the usual 委员意见 column) gets no invented deadline — it used to be the
  reply date + 3 months, which put last year's row in every 催办 list as 逾期378天 — so it is
  not chased; the plan warns per row and says to enter the second round if there was one.
- Dates that contradict each other but are what the sheet says (答复日期 or 意见反馈日期 before
  交办日期) are imported as they are and flagged as warnings in the plan (`warnings`, also
  in `notes` and the row's reason): the clerk checks them; they do not stop the import.
- A new row whose number (and 案由) already sits in another meeting of the same kind and year
  is a problem, so nothing is saved: importing it would count the year twice (a ledger first
  imported into the placeholder 2024年度政协提案 and again with --meeting). The message names
  that meeting and where to rename or merge meetings instead.
- Formula cells are read by the result the file saved; a formula without a saved result is
  refused. Merged cells spanning rows are read as the value shown in each row; merged cells
  spanning columns inside the table are refused (a note row under the table is fine).
  Hidden sheets are not read unless named (`ImportOptions.sheet`).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from proposal_desk.core.enums import Kind, Role, Satisfaction
from proposal_desk.core.settings import BureauSettings
from proposal_desk.core.text import clean_line
from proposal_desk.gc_pause import gc_paused
from proposal_desk.services.meetings import (
    default_meeting_name,
    ensure_meeting,
    parse_meeting,
    parse_year,
)
from proposal_desk.sheets import cells, headers
from proposal_desk.sheets.compare import Outcome, compare_rows
from proposal_desk.sheets.errors import CellProblem, SheetError, column_letter
from proposal_desk.sheets.existing import orm_proposals
from proposal_desk.sheets.ledger import UNIT_FIELDS, parse_rounds
from proposal_desk.sheets.plan import (
    Action,
    Column,
    ImportOptions,
    ImportPlan,
    ImportResult,
    MeetingKey,
    NoLongerOurs,
    PlanRow,
    Progress,
    ProgressFn,
    RowData,
    Shape,
)
from proposal_desk.sheets.reader import Sheet, Workbook, open_workbook
from proposal_desk.sheets.writer import Names, NewRows, create, update
from proposal_desk.storage.bulk import data_version
from proposal_desk.storage.errors import UserError
from proposal_desk.storage.models import Meeting, Proposal
from proposal_desk.storage.settings_store import load_settings

__all__ = ["Action", "ImportOptions", "ImportPlan", "ImportResult", "Shape", "apply_import",
           "import_file", "plan_import"]

HEADER_SCAN_ROWS = 30


def _row_texts(row: Sequence[Any]) -> list[str]:
    return [clean_line(v) for v in row if not cells.is_blank(v)]


def _find_header(sheet: Sheet) -> int | None:
    best, best_score = None, 1
    for i, row in enumerate(sheet.rows[:HEADER_SCAN_ROWS]):
        score = headers.header_score(row)
        if score > best_score:
            best, best_score = i, score
    return best


def _choose_sheet(book: Workbook, options: ImportOptions) -> tuple[Sheet, int, list[str]]:
    notes: list[str] = []
    if options.sheet:
        names = [s.name for s in book.sheets]
        if options.sheet not in names:
            raise SheetError(CellProblem(book.file, "", f"没有名为「{options.sheet}」的工作表"
                                         f"（有：{'、'.join(names)}）"))
        candidates = [options.sheet]
    else:
        candidates = [s.name for s in book.sheets if s.visible]
    hidden = [s.name for s in book.sheets if not s.visible]
    all_empty = True
    for name in candidates:
        sheet = book.read(name)
        if sheet.rows:
            all_empty = False
        header = _find_header(sheet)
        if header is not None:
            others = [n for n in candidates if n != name]
            if others:
                notes.append(f"只读取了工作表「{name}」，未读取：{'、'.join(others)}")
            if hidden:
                notes.append(f"隐藏的工作表未读取：{'、'.join(hidden)}")
            return sheet, header, notes
    for name in hidden if not options.sheet else []:
        sheet = book.read(name)
        if sheet.rows:
            all_empty = False
        if _find_header(sheet) is not None:
            raise SheetError(CellProblem(
                book.file, name, "表格内容只在这个隐藏的工作表中；请在 Excel/WPS 中取消隐藏，"
                "或在导入时指定该工作表"))
    sheet_name = candidates[0] if len(candidates) == 1 else ""
    if all_empty:
        what = "工作表是空的" if len(book.sheets) == 1 else "工作簿中所有工作表都是空的"
        raise SheetError(CellProblem(book.file, sheet_name, what))
    raise SheetError(CellProblem(
        book.file, sheet_name,
        f"前 {HEADER_SCAN_ROWS} 行中找不到表头行"
        "（应有「提案号」「案由」「提案人」「主办单位」等列名）"))


def _apply_merges(sheet: Sheet, header: int) -> tuple[set[int], list[CellProblem]]:
    """Show merged values where people see them; returns note rows and problems."""
    note_rows: set[int] = set()
    problems: list[CellProblem] = []
    width = sheet.width
    for r0, c0, r1, c1 in sheet.merged:
        if r1 < header:
            continue  # a title above the table
        value = sheet.rows[r0][c0] if r0 < len(sheet.rows) and c0 < width else ""
        if c0 == c1 or r0 <= header:
            for r in range(max(r0, 0), min(r1, len(sheet.rows) - 1) + 1):
                for c in range(c0, min(c1, width - 1) + 1):
                    if r > header and c != c0 and c0 != c1:
                        continue
                    sheet.rows[r][c] = value
            if r1 > header and c0 != c1:
                problems.append(_merge_problem(sheet, r0, c0, c1, header))
            continue
        rest = [v for c, v in enumerate(sheet.rows[r0]) if not c0 <= c <= c1]
        if r0 == r1 and all(cells.is_blank(v) for v in rest):
            note_rows.add(r0)
            continue
        problems.append(_merge_problem(sheet, r0, c0, c1, header))
    return note_rows, problems


def _merge_problem(sheet: Sheet, r0: int, c0: int, c1: int, header: int) -> CellProblem:
    names = [clean_line(sheet.rows[header][c]) for c in range(c0, c1 + 1)
             if c < len(sheet.rows[header])]
    span = f"{column_letter(c0)}列至{column_letter(c1)}列"
    return sheet.problem(f"{span}是合并单元格，跨越了「{'」「'.join(n for n in names if n)}」"
                         "等几列，无法分清各列的内容；请取消合并后再导入", r0 + 1)


# ---- understanding the columns -----------------------------------------------------------

def _mapping(options: ImportOptions, sheet: Sheet) -> dict[str, str | None]:
    result: dict[str, str | None] = {}
    for header, word in options.mapping.items():
        if word.strip() in headers.IGNORE_WORDS:
            result[header] = None
            continue
        key = headers.field_for_user_word(word)
        if key is None:
            known = "、".join(f.label for f in headers.FIELDS if f.imported)
            raise SheetError(CellProblem(sheet.file, sheet.name,
                                         f"--map 中的字段“{word}”无法识别（可用：{known}）"))
        result[header] = key
    return result


def _columns(sheet: Sheet, header: int, options: ImportOptions) -> list[headers.ColumnMatch]:
    head = sheet.rows[header]
    data = sheet.rows[header + 1:header + 201]
    columns = [[r[i] for r in data] for i in range(len(head))]
    mapping = _mapping(options, sheet)
    present = {headers.normalize(h) for h in head}
    for name in mapping:
        if headers.normalize(name) not in present:
            raise SheetError(sheet.problem(
                f"--map 中的表头“{name}”不在表头行中（第{header + 1}行有："
                f"{'、'.join(clean_line(h) for h in head if clean_line(h))}）", header + 1))
    return headers.match_columns(head, columns, mapping)


def _describe(matches: list[headers.ColumnMatch]) -> list[Column]:
    result = []
    for m in matches:
        suggestion = headers.BY_KEY[m.suggestion].label if m.suggestion else None
        result.append(Column(column_letter(m.index), m.header, m.field, m.label, m.how,
                             suggestion, m.note))
    return result


# ---- meeting, kind and year -------------------------------------------------------------

@dataclass
class _Context:
    meeting: str | None
    kind: Kind
    year: int | None
    lines: list[str]


def _existing_meetings(session: Session) -> list[tuple[str, str, int]]:
    return [(k, n, y) for k, n, y in session.execute(
        select(Meeting.kind, Meeting.name, Meeting.year))]


def _detect_context(sheet: Sheet, header: int, path: Path, options: ImportOptions,
                    existing: list[tuple[str, str, int]], dates: list[dt.date]) -> _Context:
    title = " ".join(" ".join(_row_texts(r)) for r in sheet.rows[:header])
    sources = [("标题行", title), ("工作表名", sheet.name), ("文件名", path.stem)]
    lines: list[str] = []
    meeting: str | None = None
    kind: Kind | None = Kind(options.kind) if options.kind else None
    if options.meeting:
        meeting = clean_line(options.meeting)
        lines.append(f"会议：{meeting}（命令行指定）")
        parsed = parse_meeting(meeting)
        if kind is None and parsed:
            kind = parsed.kind
    else:
        for where, text in sources:
            parsed = parse_meeting(text)
            if parsed:
                meeting = parsed.name
                lines.append(f"会议：{meeting}（来自{where}）")
                kind = kind or parsed.kind
                break
    if kind is None:
        words = " ".join(t for _, t in sources)
        kind = Kind.SUGGESTION if ("人大" in words or "代表建议" in words) else Kind.PROPOSAL
        lines.append(f"类型：{kind.value}（{'按表中用词' if kind is Kind.SUGGESTION else '默认'}）")
    year: int | None = options.year
    if year is not None:
        lines.append(f"年度：{year}（命令行指定）")
    else:
        known = next((y for k, n, y in existing if n == meeting and k == kind.value), None)
        if known:
            year = known
            lines.append(f"年度：{year}（数据库中该会议的年度）")
        else:
            for where, text in sources:
                found = parse_year(text)
                if found:
                    year = found
                    lines.append(f"年度：{year}（来自{where}）")
                    break
        if year is None and dates:
            year = Counter(d.year for d in dates).most_common(1)[0][0]
            lines.append(f"年度：{year}（按表中日期）")
    return _Context(meeting, kind, year, lines)


def _default_meeting(ctx: _Context, existing: list[tuple[str, str, int]]) -> str | None:
    if ctx.meeting:
        return ctx.meeting
    if ctx.year is None:
        return None
    same = [n for k, n, y in existing if k == ctx.kind.value and y == ctx.year]
    if len(same) == 1:
        ctx.lines.append(f"会议：{same[0]}（表中未写明，沿用数据库中{ctx.year}年唯一的会议）")
        return same[0]
    name = default_meeting_name(ctx.kind, ctx.year)
    ctx.lines.append(f"会议：{name}（表中未写明会议；导入后可在“工具 › 设置… › 办理时限 › "
                     "按会议”中点“改名…”改为正式名称，已有该会议的点“合并到…”）")
    return name


def _meeting_lines(ctx: _Context, own: Counter[str], column: str) -> None:
    """The preview's 会议 line says what the import will do: rows that name their meeting in
    a 届次会议 column go to it, whatever the title, sheet or file name suggested."""
    named = [name for name in own if name]
    if not named:
        return
    listed = "、".join(named[:3]) + ("等" if len(named) > 3 else "")
    rest = own.get("", 0)
    if rest:  # the sheet's own meeting still serves the rows that name none
        ctx.lines.append(f"会议：{listed}（来自表中「{column}」列；其余{rest}行按上面的会议）")
    else:
        ctx.lines[:] = [f"会议：{listed}（来自表中「{column}」列）",
                        *(line for line in ctx.lines if not line.startswith("会议："))]


# ---- reading the rows --------------------------------------------------------------------

_FIELD_LIMIT = {"sector": "sector", "supervisor": "supervisor", "section": "section",
                "leader": "staff", "handler": "staff", "doc_number": "doc_number",
                "signer": "signer", "merged_with": "merged_with", "meeting": "meeting"}
_NAME_FIELDS = {"proposer": "name", "co_signers": "name", "topics": "topic",
                **dict.fromkeys(UNIT_FIELDS, "name")}
_DATE_FIELDS = {"assigned", "due", "signed", "replied", "opinion_date", "return_on",
                "return_decided"}
_NOTE_STARTS = ("注", "说明", "备注", "合计", "总计", "小计", "制表", "填表", "附", "审核", "共计")


def _convert(key: str, value: Any, settings: BureauSettings) -> Any:
    if key == "number":
        return cells.number(value)
    if key in _DATE_FIELDS:
        return cells.date(value)
    if key in _NAME_FIELDS:
        return cells.names(value, _NAME_FIELDS[key])
    if key == "title":
        return cells.text(value, "title")
    if key == "return_outcome":
        return cells.return_outcome(value)
    if key in ("summary", "notes", "return_reason"):
        return cells.text(value, multiline=True)
    if key == "role":
        return cells.role(value)
    if key == "key":
        return cells.yes_no(value)
    if key == "category":
        return cells.category(value, settings.categories)
    if key == "satisfaction":
        return cells.satisfaction(value)
    if key == "publicity":
        return cells.publicity(value)
    if key == "methods":
        return cells.methods(value)
    if key == "kind":
        return cells.kind(value)
    if key == "year":
        return cells.year(value)
    if key == "earlier_rounds":
        try:
            return parse_rounds(cells.text(value, multiline=True), settings.categories)
        except ValueError as exc:
            raise cells.BadValue(str(exc)) from exc
    return cells.text(value, _FIELD_LIMIT.get(key))


class _Converter:
    """_convert with each distinct (field, cell value) converted once: a sheet's units,
    sectors, names, dates, roles and categories repeat from row to row. Lists come back as new
    lists (the rows' values are their own); a refused value is refused again with the same
    message."""

    def __init__(self, settings: BureauSettings):
        self.settings = settings
        self.seen: dict[tuple[str, type, Any], tuple[bool, Any]] = {}

    def __call__(self, key: str, raw: Any) -> Any:
        memo = (key, type(raw), raw)
        try:
            found = self.seen.get(memo)
        except TypeError:  # not hashable: nothing a reader gives, but convert it anyway
            cells.check_size(raw)
            return _convert(key, raw, self.settings)
        if found is None:
            try:
                cells.check_size(raw)
                found = (True, _convert(key, raw, self.settings))
            except cells.BadValue as exc:
                found = (False, str(exc))
            self.seen[memo] = found
        ok, value = found
        if not ok:
            raise cells.BadValue(value)
        return list(value) if type(value) is list else value


def _is_given(value: Any) -> bool:
    return value not in (None, "", [], ())


def _ours(names: Iterable[str], bureau: set[str]) -> bool:
    return any(n.replace(" ", "") in bureau for n in names)


# ---- the plan ----------------------------------------------------------------------------

def plan_import(session: Session, path: Path | str, options: ImportOptions | None = None,
                progress: ProgressFn | None = None) -> ImportPlan:
    """Read a sheet and say, per row, what importing it would do. Writes nothing."""
    with gc_paused(keep=True):
        return _plan(session, path, options, progress)


def _plan(session: Session, path: Path | str, options: ImportOptions | None,
          progress: ProgressFn | None) -> ImportPlan:
    options = options or ImportOptions()
    step = Progress(progress)
    path = Path(path)
    step("读取表格", 0, 1)
    book = open_workbook(path)
    sheet, header, notes = _choose_sheet(book, options)
    note_rows, problems = _apply_merges(sheet, header)
    matches = _columns(sheet, header, options)
    columns = _describe(matches)
    index = {m.field: m.index for m in matches if m.field and headers.BY_KEY[m.field].imported}
    if "number" not in index:
        raise SheetError(sheet.problem(
            f"表头行（第{header + 1}行）中没有提案号列（应为「提案号」「编号」或「案号」；"
            "也可用 --map 表头=提案号 指定）", header + 1))
    shape = Shape.LEDGER if "role" in index else Shape.ASSIGNMENTS
    settings = load_settings(session)
    bureau = {n.replace(" ", "") for n in settings.names}
    if shape is Shape.ASSIGNMENTS:
        if not any(k in index for k in UNIT_FIELDS):
            raise SheetError(sheet.problem(
                f"表头行（第{header + 1}行）中既没有「办理方式」列，也没有「主办单位」「协办单位」"
                "列，无法确定本单位的办理方式", header + 1))
        if not bureau:
            raise SheetError(CellProblem(
                sheet.file, sheet.name, "这是交办清单（按单位列出），需要先设置本单位名称和别称，"
                "才能找出交给本单位的提案：proposal-desk config bureau.name 区商务局；"
                "proposal-desk config bureau.aliases 商务局"))
    step("读取表格", 1, 1)

    existing = _existing_meetings(session)
    head = sheet.rows[header]
    data_rows = range(header + 1, len(sheet.rows))
    assigned_col = index.get("assigned")
    dates = []
    if assigned_col is not None:
        for r in data_rows:
            try:
                d = cells.date(sheet.rows[r][assigned_col])
            except cells.BadValue:
                continue
            if d:
                dates.append(d)
    ctx = _detect_context(sheet, header, path, options, existing, dates)
    default_meeting = _default_meeting(ctx, existing)
    if default_meeting is None and "meeting" not in index:
        raise SheetError(CellProblem(
            sheet.file, sheet.name, "无法确定年度：标题行、工作表名、文件名和交办日期中都没有年份；"
            "请用 --year 指定（如 --year 2025）"))
    known_years = {(k, n): y for k, n, y in existing}

    formula_count = 0
    year_missing = False
    own_meetings = Counter[str]()  # the meeting each row names ("" for none)
    plan_rows: list[PlanRow] = []
    unlisted: list[tuple[int, str, str, str]] = []  # 未列本单位 rows: (row, kind, meeting, number)
    records: list[RowData] = []
    first_seen: dict[tuple[str, str, str], tuple[int, str, dict[str, Any]]] = {}
    header_key = [headers.normalize(h) for h in head]
    convert = _Converter(settings)
    columns_read = list(index.items())
    formulas = sheet.formulas
    total = len(data_rows)
    for n, r in enumerate(data_rows):
        if n % 500 == 0:
            step("检查各行", n, total)
        row = sheet.rows[r]
        excel_row = r + 1
        if all(cells.is_blank(v) for v in row):
            continue
        number_col = index["number"]
        if (headers.normalize(row[number_col]) == header_key[number_col]
                and [headers.normalize(v) for v in row] == header_key):
            continue  # the header repeated on a printed page
        number_cell = row[index["number"]]
        title_cell = row[index["title"]] if "title" in index else ""
        if r in note_rows or (cells.is_blank(number_cell) and cells.is_blank(title_cell)):
            texts = _row_texts(row)
            first = texts[0] if texts else ""
            if r in note_rows or len(set(texts)) == 1 or first.startswith(_NOTE_STARTS):
                notes.append(f"第{excel_row}行（表格下方的说明，未导入）：{first[:60]}")
                continue
        row_problems: list[CellProblem] = []

        def bad(col: int, message: str, _r: int = excel_row,
                _sink: list[CellProblem] = row_problems) -> None:
            _sink.append(sheet.problem(message, _r, col, clean_line(head[col])))

        values: dict[str, Any] = {}
        width = len(row)
        for key, col in columns_read:
            raw = row[col] if col < width else ""
            formula = formulas.get((r, col)) if formulas else None
            if formula is not None:
                if not formula[1]:
                    text = f"（={formula[0]}）" if formula[0] else ""
                    bad(col, f"是公式{text}，但文件中没有保存计算结果；请在 Excel/WPS 中打开"
                             "并保存后再导入，或把公式改为数值")
                    continue
                formula_count += 1
            try:
                value = convert(key, raw)
            except cells.BadValue as exc:
                bad(col, str(exc))
                continue
            if _is_given(value):
                values[key] = value
        number = values.get("number", "")
        title = values.get("title", "")
        # which meeting: the row's own, else the sheet's
        row_meeting = values.get("meeting")
        parsed = parse_meeting(row_meeting) if row_meeting else None
        meeting_name = row_meeting or default_meeting
        own_meetings[row_meeting or ""] += 1
        row_kind = values.get("kind") or (parsed.kind if parsed else None) or ctx.kind
        year = (values.get("year") or options.year
                or known_years.get((row_kind.value, meeting_name or "")) or ctx.year)
        # our role
        role: Role | None = values.get("role")
        skip_reason = ""
        if shape is Shape.ASSIGNMENTS:
            for key, unit_role in UNIT_FIELDS.items():
                if _ours(values.get(key, []), bureau):
                    role = unit_role
                    break
            if role is None:
                lead = "、".join(values.get("lead_unit", [])) or "未填"
                skip_reason = f"未列本单位（主办单位：{lead}）"
        if skip_reason:
            plan_rows.append(PlanRow(excel_row, number, title, meeting_name or "", "",
                                     Action.SKIP, skip_reason))
            if number and meeting_name:
                unlisted.append((excel_row, row_kind.value, meeting_name, number))
            continue
        if cells.is_blank(number_cell):
            bad(index["number"], "提案号为空")
        if role is None and shape is Shape.LEDGER and cells.is_blank(row[index["role"]]):
            bad(index["role"], "办理方式为空（应填 主办、协办、会办 或 分办）")
        if not meeting_name or year is None:
            year_missing = True
        if row_problems or role is None or meeting_name is None or year is None:
            problems.extend(row_problems)
            plan_rows.append(PlanRow(excel_row, number, title, meeting_name or "",
                                     role.value if role else "", Action.ERROR,
                                     "；".join(p.message for p in row_problems)))
            continue
        rd = RowData(excel_row, MeetingKey(row_kind.value, meeting_name, year), number, role,
                     values, due_is_ours=shape is Shape.LEDGER or role.answers_member,
                     cells={k: c for k, c in index.items()})
        rd.values.pop("meeting", None)
        rd.values.pop("kind", None)
        rd.values.pop("year", None)
        # the same proposal twice in one sheet
        seen = first_seen.get(rd.identity)
        if seen is not None:
            first_row, first_title, first_values = seen
            if first_values == rd.values:
                plan_rows.append(PlanRow(excel_row, number, title, meeting_name, role.value,
                                         Action.SKIP, f"与第{first_row}行完全相同，按重复行跳过"))
                continue
            if title and first_title and title != first_title:
                message = f"提案号与第{first_row}行相同，但案由不同（“{first_title[:30]}”）"
            else:
                message = f"提案号与第{first_row}行相同，但内容不一致"
            problem = sheet.problem(message, excel_row, index["number"],
                                    clean_line(head[index["number"]]))
            problems.append(problem)
            plan_rows.append(PlanRow(excel_row, number, title, meeting_name, role.value,
                                     Action.ERROR, message))
            continue
        first_seen[rd.identity] = (excel_row, title, rd.values)
        records.append(rd)
        plan_rows.append(PlanRow(excel_row, number, title, meeting_name, role.value, Action.ADD))
    step("检查各行", total, total)
    _meeting_lines(ctx, own_meetings, clean_line(head[index["meeting"]])
                   if "meeting" in index else "")
    if year_missing:
        problems.append(CellProblem(
            sheet.file, sheet.name, "无法确定所属会议的年度：标题行、工作表名、文件名和日期中"
            "都没有年份；请用 --year 指定（如 --year 2025）"))
    if formula_count:
        notes.append(f"{formula_count} 个单元格是公式，按文件中保存的计算结果读取")

    # compare with the database
    step("与数据库比对", 0, len(records))
    by_row = {pr.row: pr for pr in plan_rows}
    version = data_version(session)
    outcomes = compare_rows(session, records, settings)
    kept: list[RowData] = []
    for rd, outcome in zip(records, outcomes, strict=True):
        pr = by_row[rd.row]
        pr.action, pr.reason, pr.changes = outcome.action, outcome.reason, outcome.changes
        if outcome.problems:
            for col_key, message in outcome.problems:
                col = rd.cells.get(col_key, index["number"])
                problems.append(sheet.problem(message, rd.row, col, clean_line(head[col])))
            pr.action = Action.ERROR
            pr.reason = "；".join(m for _, m in outcome.problems)
        else:
            kept.append(rd)
    step("与数据库比对", len(records), len(records))
    added = [rd for rd in kept if by_row[rd.row].action is Action.ADD]
    for rd, message in _already_in_other_meetings(session, added):
        problems.append(sheet.problem(message, rd.row, index["number"],
                                      clean_line(head[index["number"]])))
        by_row[rd.row].action, by_row[rd.row].reason = Action.ERROR, message
    kept = [rd for rd in kept if by_row[rd.row].action is not Action.ERROR]
    no_longer_ours = _no_longer_ours(session, unlisted)
    warnings = _history_warnings(sheet, head, shape, kept, by_row,
                                 {rd.row: out for rd, out in zip(records, outcomes, strict=True)})
    notes += [str(w) for w in warnings]
    problems.sort(key=lambda p: (p.row is None, p.row or 0, p.column or 0))
    return ImportPlan(
        file=path, sheet=sheet.name, shape=shape, header_row=header + 1,
        meeting=default_meeting or "", kind=ctx.kind.value, year=ctx.year,
        context=ctx.lines, columns=columns, rows=plan_rows, problems=problems, notes=notes,
        options=options, records=kept, warnings=warnings, data_version=version,
        planned={rd.row: out for rd, out in zip(records, outcomes, strict=True)
                 if by_row[rd.row].action in (Action.ADD, Action.UPDATE)},
        no_longer_ours=no_longer_ours,
    )


# Where meetings are renamed or merged (services.meeting_admin, in the settings dialog).
RENAME_PLACE = "“工具 › 设置… › 办理时限 › 按会议”"
_CHUNK = 500


def _registered(session: Session, numbers: Iterable[str]
                ) -> Iterator[tuple[str, str, str, str, str, int]]:
    """The registered proposals with these numbers, in any meeting: (number, title, status,
    kind, meeting name, year), read _CHUNK numbers a query."""
    ordered = sorted(numbers)
    for start in range(0, len(ordered), _CHUNK):
        yield from session.execute(
            select(Proposal.number, Proposal.title, Proposal.status, Meeting.kind,
                   Meeting.name, Meeting.year)
            .join(Meeting, Proposal.meeting_id == Meeting.id)
            .where(Proposal.number.in_(ordered[start:start + _CHUNK])))


def _already_in_other_meetings(session: Session, records: list[RowData]
                               ) -> list[tuple[RowData, str]]:
    """New rows whose proposal is already registered under another meeting of the same kind
    and year (same number, and the same 案由 where both give one): importing them would
    count the year twice, e.g. a ledger first imported into the placeholder meeting
    “2024年度政协提案” and again with the meeting's real name."""
    found: list[tuple[RowData, str]] = []
    by_number: dict[str, list[RowData]] = {}
    for rd in records:
        by_number.setdefault(rd.number, []).append(rd)
    for number, title, _status, kind, name, year in _registered(session, by_number):
        for rd in by_number.get(number, []):
            m = rd.meeting
            new_title = rd.values.get("title", "")
            if (m.kind, m.year) != (kind, year) or m.name == name:
                continue
            if new_title and title and new_title != title:
                continue  # another proposal that happens to share the number
            found.append((rd, f"{year}年的会议“{name}”中已有第{number}号{kind}，再导入到"
                              f"“{m.name}”会重复登记；如会议名称有误，请在{RENAME_PLACE}"
                              f"中将“{name}”改名或合并，不必再次导入"))
    found.sort(key=lambda x: x[0].row)
    return found


def _no_longer_ours(session: Session, unlisted: list[tuple[int, str, str, str]]
                    ) -> list[NoLongerOurs]:
    """The skipped 未列本单位 rows (Excel row, kind, meeting, number) whose proposal is in our
    register: the list no longer names us, and the clerk should hear it apart from the other
    units' rows (try-out: 144009, already answered, was one of 121 skips)."""
    wanted: dict[str, list[tuple[int, str, str]]] = {}
    for row, kind, meeting, number in unlisted:
        wanted.setdefault(number, []).append((row, kind, meeting))
    found: list[NoLongerOurs] = []
    for number, _title, status, kind, name, _year in _registered(session, wanted):
        found += [NoLongerOurs(row, number, name, kind, status)
                  for row, row_kind, meeting in wanted[number]
                  if (row_kind, meeting) == (kind, name)]
    return sorted(found, key=lambda u: u.row)


def _history_warnings(sheet: Sheet, head: Sequence[Any], shape: Shape, records: list[RowData],
                      by_row: dict[int, PlanRow], outcomes: dict[int, Outcome]
                      ) -> list[CellProblem]:
    """What the clerk should check in rows that will be imported as they are: the comparison's
    notes (compare.history_notes: a reply dated before the assignment, counted on time as the
    sheet says; a role the office changed after our answer), and a ledger's 不满意 that
    leaves the proposal in 重新办理."""
    result: list[CellProblem] = []

    def warn(rd: RowData, key: str, message: str) -> None:
        col = rd.cells.get(key)
        result.append(sheet.problem(message, rd.row, col,
                                    clean_line(head[col]) if col is not None else ""))
        row = by_row[rd.row]
        row.reason = "；".join(x for x in (row.reason, message) if x)

    for rd in records:
        v = rd.values
        for key, message in outcomes[rd.row].notes:
            warn(rd, key, message)
        opinion_on = v.get("opinion_date")
        if shape is Shape.LEDGER and v.get("satisfaction") == Satisfaction.UNSATISFIED.value:
            if opinion_on:
                again = "重新办理时限从意见反馈日期起算，逾期的会列入催办清单"
            else:
                again = "表中没有意见反馈日期，不计算重新办理时限，不列入催办清单"
            warn(rd, "satisfaction", "注意：台账记载委员意见为不满意，导入后为“重新办理”"
                                     f"（{again}）；如已重新办理，请补录第二轮答复和委员意见")
    return result


def apply_import(session: Session, plan: ImportPlan,
                 progress: ProgressFn | None = None) -> ImportResult:
    """Write a plan inside the caller's transaction; refuses a plan with problems."""
    if plan.problems:
        raise SheetError(plan.problems[0], len(plan.problems) - 1)
    with gc_paused(keep=True):
        return _apply(session, plan, progress)


def _apply(session: Session, plan: ImportPlan, progress: ProgressFn | None) -> ImportResult:
    step = Progress(progress)
    settings = load_settings(session)
    records = plan.records
    if plan.data_version is not None and data_version(session) == plan.data_version:
        outcomes = _planned_outcomes(session, plan, settings)
    else:  # written to since the plan was made: compare every row again
        outcomes = compare_rows(session, records, settings)
    for rd, out in zip(records, outcomes, strict=True):
        if out.problems:  # the database changed since the plan was made
            key, message = out.problems[0]
            raise SheetError(CellProblem(plan.file.name, plan.sheet, message, rd.row,
                                         rd.cells.get(key)))
    new_rows = NewRows(session, plan.file.name, plan.sheet)
    names = Names(session, [rd for rd, o in zip(records, outcomes, strict=True)
                             if o.action is Action.ADD], new_rows)
    meetings: dict[MeetingKey, Meeting] = {}
    created: list[str] = []
    counts = Counter[Action]()
    total = len(records)
    updates: list[tuple[RowData, Outcome]] = []
    # New proposals first, as rows written in one batch per table; then the changed ones
    # through the handling services, which find the names the batch has just written.
    # A handling rule's refusal becomes a problem naming the file, sheet and row.
    for n, (rd, out) in enumerate(zip(records, outcomes, strict=True)):
        if n % 500 == 0:
            step("写入数据库", n, total)
        counts[out.action] += 1
        if out.action is Action.UPDATE and out.stored is not None:
            updates.append((rd, out))
        if out.action is not Action.ADD:
            continue
        try:
            meeting = meetings.get(rd.meeting)
            if meeting is None:
                before = session.scalar(select(Meeting.id).where(
                    Meeting.kind == rd.meeting.kind, Meeting.name == rd.meeting.name))
                meeting = ensure_meeting(session, rd.meeting.name, kind=Kind(rd.meeting.kind),
                                         year=rd.meeting.year)
                if before is None:
                    created.append(meeting.name)
                meetings[rd.meeting] = meeting
            create(meeting, rd, out, names, settings)
        except UserError as exc:
            raise SheetError(CellProblem(plan.file.name, plan.sheet, str(exc), rd.row)) from exc
    new_rows.write(names)
    # The comparison read columns; the services change objects.
    proposals = orm_proposals(session, [out.stored.id for _, out in updates if out.stored])
    with session.no_autoflush:
        for rd, out in updates:
            assert out.stored is not None
            try:
                update(session, proposals[out.stored.id], rd, out)
            except UserError as exc:
                raise SheetError(CellProblem(plan.file.name, plan.sheet, str(exc),
                                             rd.row)) from exc
    step("写入数据库", total, total)
    session.flush()
    skipped = sum(1 for r in plan.rows if r.action is Action.SKIP)
    return ImportResult(counts[Action.ADD], counts[Action.UPDATE], counts[Action.SAME], skipped,
                        tuple(created))


def _planned_outcomes(session: Session, plan: ImportPlan, settings: BureauSettings
                      ) -> list[Outcome]:
    """The plan's outcomes, for a database unchanged since: new rows and rows to update as
    planned, unchanged rows left alone; a row the plan holds no outcome of its action for is
    compared again."""
    action = {pr.row: pr.action for pr in plan.rows}
    planned = {row: out for row, out in plan.planned.items() if out.action is action[row]}
    unplanned = [rd for rd in plan.records
                 if action[rd.row] is not Action.SAME and rd.row not in planned]
    planned.update(zip((rd.row for rd in unplanned), compare_rows(session, unplanned, settings),
                       strict=True))
    return [planned[rd.row] if rd.row in planned else Outcome(Action.SAME)
            for rd in plan.records]


def import_file(db: Any, path: Path | str, options: ImportOptions | None = None,
                progress: ProgressFn | None = None) -> tuple[ImportPlan, ImportResult]:
    """Plan and apply in one go (the command line without --dry-run)."""
    with db.session() as session:
        plan = plan_import(session, path, options, progress)
    if plan.problems:
        raise SheetError(plan.problems[0], len(plan.problems) - 1)
    with db.transaction() as session:
        result = apply_import(session, plan, progress)
    return plan, result


