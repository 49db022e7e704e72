"""Bad spreadsheets, one kind per case: each gets a message naming the file (and the sheet,
row and column where it applies) and leaves the database exactly as it was — compared by a
full dump of every table, after both the library call and the command line tried it.

The cases that are not errors (control characters, formulas with saved results, merged
cells down a column, hidden sheets beside a visible one, .xls files) are tested below them.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
import openpyxl
import pytest
from sheet_support import DATA, LEDGER, cli, dump, ledger_rows, plan, run_import, write_sheet

from proposal_desk.core.dates import format_cn
from proposal_desk.services.queries import find_proposal
from proposal_desk.sheets import SheetError
from proposal_desk.storage.database import Database
from proposal_desk.storage.models import Meeting

ASSIGN_HEADER = ["序号", "提案号", "案由", "提案人", "联名人", "界别", "主办单位", "协办单位",
                 "交办日期", "办理时限", "重点提案"]
TITLE = "区政协十四届四次会议委员提案交办清单"
TODAY = format_cn(dt.date.today())  # the future-date messages name today, as 2026年11月22日


def assignment(*rows: list[Any]) -> list[list[Any]]:
    return [ASSIGN_HEADER, *rows]


def good_row(n: int, **change: Any) -> list[Any]:
    row = {"序号": n, "提案号": f"1440{n:02d}", "案由": f"关于第{n}件事的建议", "提案人": "张三",
           "联名人": "李四、王五", "界别": "民建", "主办单位": "区商务局", "协办单位": "区民政局",
           "交办日期": "2025-03-18", "办理时限": "2025-06-17", "重点提案": ""}
    row.update(change)
    return [row[h] for h in ASSIGN_HEADER]


def patch_xlsx(path: Path, old: bytes, new: bytes, part: str = "xl/worksheets/sheet1.xml"
               ) -> Path:
    with zipfile.ZipFile(path) as z:
        data = {n: z.read(n) for n in z.namelist()}
    assert old in data[part], (old, data[part][-600:])
    data[part] = data[part].replace(old, new)
    with zipfile.ZipFile(path, "w") as out:
        for name, body in data.items():
            out.writestr(name, body)
    return path


# ---- the builders: each writes one bad file into tmp ------------------------------------

def text_renamed(tmp: Path) -> Path:
    path = tmp / "清单.xlsx"
    path.write_text("提案号,案由\n144001,关于…\n", encoding="utf-8")
    return path


def csv_file(tmp: Path) -> Path:
    path = tmp / "清单.csv"
    path.write_text("提案号,案由\n144001,关于…\n", encoding="gbk")
    return path


def docx_renamed(tmp: Path) -> Path:
    document = docx.Document()
    document.add_paragraph("关于加快跨境电商发展的几点建议")
    path = tmp / "答复.xlsx"
    document.save(str(path))
    return path


def plain_zip(tmp: Path) -> Path:
    path = tmp / "打包.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("清单/说明.txt", "见附件")
    return path


def empty_file(tmp: Path) -> Path:
    path = tmp / "空.xlsx"
    path.write_bytes(b"")
    return path


def html_as_xls(tmp: Path) -> Path:
    path = tmp / "系统导出.xls"
    path.write_text("<html><body><table><tr><td>提案号</td></tr></table></body></html>",
                    encoding="utf-8")
    return path


def truncated_xlsx(tmp: Path) -> Path:
    good = write_sheet(tmp / "good.xlsx", assignment(good_row(1)), title=TITLE)
    path = tmp / "断了.xlsx"
    path.write_bytes(good.read_bytes()[:700])
    return path


def broken_xls(tmp: Path) -> Path:
    path = tmp / "坏.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 1000)
    return path


def encrypted(tmp: Path) -> Path:
    return DATA / "encrypted.xlsx"


def empty_workbook(tmp: Path) -> Path:
    return write_sheet(tmp / "空表.xlsx", [], sheet="交办清单")


def no_header(tmp: Path) -> Path:
    return write_sheet(tmp / "无表头.xlsx", [["144001", "关于甲的建议", "张三"],
                                            ["144002", "关于乙的建议", "李四"]])


def no_number_column(tmp: Path) -> Path:
    rows = [[c for c in r if c != r[1]] for r in assignment(good_row(1))]
    rows[0] = [h for h in ASSIGN_HEADER if h != "提案号"]
    return write_sheet(tmp / "无编号.xlsx", rows, title=TITLE)


def duplicate_numbers(tmp: Path) -> Path:
    return write_sheet(tmp / "重号.xlsx", assignment(
        good_row(1), good_row(2), good_row(3, 提案号="144002", 案由="关于完全不同的事的建议")),
        title=TITLE)


def text_in_date(tmp: Path) -> Path:
    return write_sheet(tmp / "日期.xlsx", assignment(good_row(1), good_row(2, 交办日期="下周一")),
                       title=TITLE)


def impossible_date(tmp: Path) -> Path:
    return write_sheet(tmp / "日期.xlsx", assignment(good_row(1, 交办日期="2025年2月30日")),
                       title=TITLE)


def huge_cell(tmp: Path) -> Path:
    path = write_sheet(tmp / "超长.xlsx", assignment(good_row(1, 案由="L" * 100)), title=TITLE)
    return patch_xlsx(path, b"L" * 100, b"L" * 40000)


def formula_without_result(tmp: Path) -> Path:
    formula = "=C3&\"（续）\""
    return write_sheet(tmp / "公式.xlsx", assignment(good_row(1), good_row(2, 案由=formula)),
                       title=TITLE)


def merged_across_columns(tmp: Path) -> Path:
    return write_sheet(tmp / "合并.xlsx", assignment(good_row(1), good_row(2)), title=TITLE,
                       merges=["C4:E4"])


def only_hidden_sheet(tmp: Path) -> Path:
    wb = openpyxl.Workbook()
    wb.active.title = "说明"
    wb.active.append(["本表由提案委提供"])
    hidden = wb.create_sheet("交办清单")
    for row in [[TITLE], *assignment(good_row(1))]:
        hidden.append(row)
    hidden.sheet_state = "hidden"
    path = tmp / "隐藏.xlsx"
    wb.save(path)
    return path


def missing_title(tmp: Path) -> Path:
    return write_sheet(tmp / "缺案由.xlsx", assignment(good_row(1), good_row(2, 案由="")),
                       title=TITLE)


def number_not_a_number(tmp: Path) -> Path:
    return write_sheet(tmp / "编号.xlsx", assignment(good_row(1, 提案号="见附件")), title=TITLE)


def number_with_decimals(tmp: Path) -> Path:
    return write_sheet(tmp / "编号.xlsx", assignment(good_row(1, 提案号=144001.5)), title=TITLE)


def empty_number(tmp: Path) -> Path:
    return write_sheet(tmp / "编号.xlsx", assignment(good_row(1), good_row(2, 提案号="")),
                       title=TITLE)


def unknown_role(tmp: Path) -> Path:
    return write_sheet(tmp / "台账2024年.xlsx", ledger_rows(
        ["1", "关于甲的建议", "张三", "主办", "区商务局"],
        ["2", "关于乙的建议", "李四", "督办", "区财政局"]))


def category_on_assist(tmp: Path) -> Path:
    return write_sheet(tmp / "台账2024年.xlsx", ledger_rows(
        ["1", "关于甲的建议", "张三", "协办", "区财政局", "", "", "2024-03-14", "",
         "2024-04-01", "A"]))


def unknown_category(tmp: Path) -> Path:
    return write_sheet(tmp / "台账2024年.xlsx", ledger_rows(
        ["1", "关于甲的建议", "张三", "主办", "区商务局", "", "", "2024-03-14", "",
         "2024-05-01", "E"]))


def unknown_satisfaction(tmp: Path) -> Path:
    return write_sheet(tmp / "台账2024年.xlsx", ledger_rows(
        ["1", "关于甲的建议", "张三", "主办", "区商务局", "", "", "2024-03-14", "",
         "2024-05-01", "A", "很满意"]))


def opinion_without_reply(tmp: Path) -> Path:
    return write_sheet(tmp / "台账2024年.xlsx", ledger_rows(
        ["1", "关于甲的建议", "张三", "主办", "区商务局", "", "", "2024-03-14", "", "", "A",
         "满意"]))


def reply_in_the_future(tmp: Path) -> Path:
    return write_sheet(tmp / "台账2024年.xlsx", ledger_rows(
        ["1", "关于甲的建议", "张三", "主办", "区商务局", "", "", "2024-03-14", "",
         "2099-03-01"]))


def signed_in_the_future(tmp: Path) -> Path:
    return write_sheet(tmp / "台账2024年.xlsx", [
        ["提案号", "案由", "提案人", "办理方式", "主办单位", "交办日期", "签收日期"],
        ["1", "关于甲的建议", "张三", "主办", "区商务局", "2024-03-14", "2099-03-20"]])


def return_decided_in_the_future(tmp: Path) -> Path:
    return write_sheet(tmp / "台账2024年.xlsx", [
        ["提案号", "案由", "提案人", "办理方式", "主办单位", "交办日期", "退回日期", "退回理由",
         "退回结果", "退回审核日期"],
        ["1", "关于甲的建议", "张三", "主办", "区商务局", "2024-03-14", "2024-03-20",
         "不属于本单位职责", "同意", "2099-03-25"]])


def unknown_method(tmp: Path) -> Path:
    return write_sheet(tmp / "台账2024年.xlsx", ledger_rows(
        ["1", "关于甲的建议", "张三", "主办", "区商务局", "", "", "2024-03-14", "", "", "", "",
         "电话、托梦"]))


def bad_key_flag(tmp: Path) -> Path:
    return write_sheet(tmp / "重点.xlsx", assignment(good_row(1, 重点提案="也许")), title=TITLE)


def no_year_anywhere(tmp: Path) -> Path:
    return write_sheet(tmp / "台账.xlsx", ledger_rows(["1", "关于甲的建议", "张三", "主办"]),
                       sheet="台账")


def meeting_year_conflict(tmp: Path) -> Path:
    return write_sheet(tmp / "清单.xlsx", assignment(good_row(1)),
                       title="区政协十四届三次会议委员提案交办清单")


def missing_file(tmp: Path) -> Path:
    return tmp / "没有这个文件.xlsx"


# (builder, fragments the message must hold, extra options)
CASES: dict[str, tuple[Callable[[Path], Path], tuple[str, ...], dict[str, Any]]] = {
    "text renamed .xlsx": (text_renamed, ("清单.xlsx", "文本文件"), {}),
    "csv file": (csv_file, ("清单.csv", "文本文件", "另存为"), {}),
    "docx renamed .xlsx": (docx_renamed, ("答复.xlsx", "Word 文档"), {}),
    "a plain zip": (plain_zip, ("打包.xlsx", "压缩包"), {}),
    "empty file": (empty_file, ("空.xlsx", "0 字节"), {}),
    "html saved as .xls": (html_as_xls, ("系统导出.xls", "网页格式"), {}),
    "truncated xlsx": (truncated_xlsx, ("断了.xlsx", "损坏"), {}),
    "damaged xls": (broken_xls, ("坏.xls", "损坏"), {}),
    "password protected": (encrypted, ("encrypted.xlsx", "密码"), {}),
    "empty workbook": (empty_workbook, ("空表.xlsx", "工作表「交办清单」", "空的"), {}),
    "no header row": (no_header, ("无表头.xlsx", "找不到表头行"), {}),
    "no number column": (no_number_column, ("无编号.xlsx", "第2行", "没有提案号列"), {}),
    "duplicate numbers, different titles": (
        duplicate_numbers, ("重号.xlsx", "第5行 B列「提案号」", "与第4行相同", "案由不同"), {}),
    "text in a date column": (
        text_in_date, ("日期.xlsx", "第4行 I列「交办日期」", "下周一", "不是可识别的日期"), {}),
    "a date that does not exist": (
        impossible_date, ("第3行 I列「交办日期」", "2025年2月30日", "不是存在的日期"), {}),
    "huge cell": (huge_cell, ("超长.xlsx", "第3行 C列「案由」", "40000", "32767"), {}),
    "formula without a saved result": (
        formula_without_result,
        ("公式.xlsx", "第4行 C列「案由」", "是公式", "没有保存计算结果"), {}),
    "merged cells across data columns": (
        merged_across_columns, ("合并.xlsx", "第4行", "C列至E列", "合并单元格"), {}),
    "data only in a hidden sheet": (
        only_hidden_sheet, ("隐藏.xlsx", "工作表「交办清单」", "隐藏"), {}),
    "missing title": (missing_title, ("第4行 C列「案由」", "案由为空"), {}),
    "number that is not a number": (number_not_a_number, ("第3行 B列「提案号」", "见附件"), {}),
    "number with decimals": (number_with_decimals, ("第3行 B列「提案号」", "144001.5", "小数"), {}),
    "empty number": (empty_number, ("第4行 B列「提案号」", "提案号为空"), {}),
    "unknown role": (unknown_role, ("第3行 D列「办理方式」", "督办", "无法识别（可填"), {}),
    "category on an assist row": (
        category_on_assist, ("第2行 K列「答复类别」", "协办提案不评定答复类别"), {}),
    "unknown category": (unknown_category, ("第2行 K列「答复类别」", "“E”", "A、B、C、D"), {}),
    "unknown satisfaction": (unknown_satisfaction, ("第2行 L列「委员意见」", "很满意"), {}),
    "opinion without a reply": (opinion_without_reply, ("第2行 L列「委员意见」", "尚未答复"), {}),
    "reply dated after today": (reply_in_the_future, (
        "第2行 J列「答复日期」", f"答复日期（2099年3月1日）不能晚于今天（{TODAY}）"), {}),
    "signed after today": (signed_in_the_future, (
        "第2行 G列「签收日期」", f"签收日期（2099年3月20日）不能晚于今天（{TODAY}）"), {}),
    "return decided after today": (return_decided_in_the_future, (
        "第2行 J列「退回审核日期」", f"退回审核日期（2099年3月25日）不能晚于今天（{TODAY}）"), {}),
    "unknown contact method": (unknown_method, ("第2行 M列「沟通方式」", "托梦"), {}),
    "bad key flag": (bad_key_flag, ("第3行 K列「重点提案」", "也许"), {}),
    "no year anywhere": (no_year_anywhere, ("台账.xlsx", "无法确定年度", "--year"), {}),
    "meeting stored with another year": (
        meeting_year_conflict, ("区政协十四届三次会议", "2024年", "2026"), {"year": 2026}),
    "file not found": (missing_file, ("没有这个文件.xlsx", "找不到"), {}),
}


@pytest.fixture
def filled(bureau_db: Database) -> Database:
    """A register with data in it, so that 'unchanged' means something."""
    run_import(bureau_db, LEDGER)
    with bureau_db.transaction() as s:
        s.add(Meeting(kind="提案", name="区政协十四届三次会议", year=2024))
    return bureau_db


@pytest.mark.parametrize("kind", list(CASES))
def test_a_bad_sheet_is_refused_with_where_and_why(kind: str, filled: Database,
                                                   tmp_path: Path) -> None:
    build, fragments, options = CASES[kind]
    path = build(tmp_path)
    before = dump(filled)
    with pytest.raises(SheetError) as caught:
        run_import(filled, path, **options)
    message = str(caught.value)
    assert message.startswith(f"文件「{path.name}」"), message
    for fragment in fragments:
        assert fragment in message, (fragment, message)
    args = ["import", str(path)] + [f"--{k}={v}" for k, v in options.items()]
    status, _out, err = cli(filled, *args)
    assert status == 2, err
    assert err.startswith("错误：文件「") and fragments[-1] in err
    assert "Traceback" not in err
    assert dump(filled) == before


def test_there_are_at_least_twenty_kinds() -> None:
    assert len(CASES) >= 20


def test_every_problem_is_listed_in_the_dry_run(filled: Database, tmp_path: Path) -> None:
    path = write_sheet(tmp_path / "多处.xlsx", assignment(
        good_row(1, 交办日期="2025-13-01"), good_row(2, 提案号="甲"), good_row(3, 重点提案="?")),
        title=TITLE)
    before = dump(filled)
    p = plan(filled, path)
    assert [(e.row, e.column) for e in p.problems] == [(3, 8), (4, 1), (5, 10)]
    status, out, err = cli(filled, "import", str(path), "--dry-run")
    assert status == 2
    assert "发现 3 处问题" in out and "另有 2 处问题" in err
    assert dump(filled) == before


def test_map_errors_name_the_field_or_header(filled: Database, tmp_path: Path) -> None:
    path = write_sheet(tmp_path / "台账2024年.xlsx", ledger_rows(["1", "关于甲的建议"]))
    with pytest.raises(SheetError, match="字段“心情”无法识别"):
        plan(filled, path, mapping={"备注": "心情"})
    with pytest.raises(SheetError, match="表头“结果”不在表头行中"):
        plan(filled, path, mapping={"结果": "答复类别"})
    status, _out, err = cli(filled, "import", str(path), "--map", "结果")
    assert status == 2 and "表头=字段" in err


# ---- not errors ---------------------------------------------------------------------------

def test_control_characters_are_cleaned(bureau_db: Database, tmp_path: Path) -> None:
    path = write_sheet(tmp_path / "控制符.xlsx", assignment(good_row(1, 案由="MARK1",
                                                                   提案人="MARK2")), title=TITLE)
    path = patch_xlsx(path, b"MARK1", b"\xe5\x85\xb3\xe4\xba\x8e_x0001_\xe7\x94\xb2_x001F_\t")
    path = patch_xlsx(path, b"MARK2", b"_x000B_\xe5\xbc\xa0\xe4\xb8\x89")
    run_import(bureau_db, path)
    with bureau_db.session() as s:
        p = find_proposal(s, "144001")
        assert p.title == "关于甲" and p.lead_proposer == "张三"


def test_formulas_with_saved_results_are_read_by_their_result(bureau_db: Database,
                                                               tmp_path: Path) -> None:
    formula = "=\"关于\"&\"甲的建议\""
    path = write_sheet(tmp_path / "公式.xlsx", assignment(good_row(1, 案由=formula)), title=TITLE)
    with zipfile.ZipFile(path) as z:
        xml = z.read("xl/worksheets/sheet1.xml")
    start = xml.index(b'<c r="C3"')
    end = xml.index(b"</c>", start) + 4
    cell = ('<c r="C3" t="str"><f>"关于"&amp;"甲的建议"</f><v>关于甲的建议</v></c>').encode()
    path = patch_xlsx(path, xml[start:end], cell)
    p = plan(bureau_db, path)
    assert p.ok and any("公式" in n for n in p.notes)
    run_import(bureau_db, path)
    with bureau_db.session() as s:
        assert find_proposal(s, "144001").title == "关于甲的建议"


def test_cells_merged_down_a_column_count_for_every_row(bureau_db: Database,
                                                        tmp_path: Path) -> None:
    path = write_sheet(tmp_path / "合并.xlsx", assignment(
        good_row(1), good_row(2, 主办单位=None, 交办日期=None), good_row(3, 主办单位=None,
                                                                    交办日期=None)),
        title=TITLE, merges=["G3:G5", "I3:I5"])
    run_import(bureau_db, path)
    with bureau_db.session() as s:
        for number in ("144001", "144002", "144003"):
            p = find_proposal(s, number)
            assert p.role == "主办" and p.assigned_on == dt.date(2025, 3, 18)


def test_a_hidden_sheet_beside_a_visible_one_is_not_read(bureau_db: Database,
                                                         tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "交办清单"
    for row in [[TITLE], *assignment(good_row(1))]:
        ws.append(row)
    old = wb.create_sheet("旧清单")
    for row in [[TITLE], *assignment(good_row(9))]:
        old.append(row)
    old.sheet_state = "hidden"
    path = tmp_path / "两表.xlsx"
    wb.save(path)
    p = plan(bureau_db, path)
    assert p.sheet == "交办清单" and [r.number for r in p.rows] == ["144001"]
    assert any("隐藏的工作表未读取：旧清单" in n for n in p.notes)
    hidden = plan(bureau_db, path, sheet="旧清单")
    assert [r.number for r in hidden.rows] == ["144009"]


def test_an_xls_file_is_read(bureau_db: Database) -> None:
    path = DATA / "ledger_2024.xls"
    p = plan(bureau_db, path)
    assert p.ok and p.year == 2024 and p.header_row == 2
    run_import(bureau_db, path)
    with bureau_db.session() as s:
        lead = find_proposal(s, "143140")
        assert lead.lead_proposer == "曾秀浩" and lead.co_signers == ["李明"]
        assert (lead.replies[0].sent_on, lead.category, lead.satisfaction) == (
            dt.date(2024, 5, 22), "A", "满意")
        assist = find_proposal(s, "143017")
        assert assist.assigned_on == dt.date(2024, 3, 14)
        assert assist.assist_opinions[0].sent_on == dt.date(2024, 4, 19)
        assert find_proposal(s, "143003").role == "会办"


def test_the_same_row_twice_is_skipped_as_a_duplicate(bureau_db: Database,
                                                      tmp_path: Path) -> None:
    path = write_sheet(tmp_path / "重复.xlsx", assignment(good_row(1), good_row(1)), title=TITLE)
    p = plan(bureau_db, path)
    assert p.ok and [r.action.value for r in p.rows] == ["新增", "跳过"]
    assert "与第3行完全相同" in p.rows[1].reason


def test_a_header_repeated_on_each_printed_page_is_ignored(bureau_db: Database,
                                                           tmp_path: Path) -> None:
    path = write_sheet(tmp_path / "分页.xlsx", [*assignment(good_row(1)), ASSIGN_HEADER,
                                                good_row(2)], title=TITLE)
    p = plan(bureau_db, path)
    assert p.ok and [r.number for r in p.rows] == ["144001", "144002"]


def test_a_workbook_read_from_bytes_with_the_wrong_extension(bureau_db: Database,
                                                             tmp_path: Path) -> None:
    """An .xlsx saved under .xls (it happens) is read by its content."""
    good = write_sheet(tmp_path / "good.xlsx", assignment(good_row(1)), title=TITLE)
    wrong = tmp_path / "清单.xls"
    wrong.write_bytes(good.read_bytes())
    assert plan(bureau_db, wrong).counts["新增"] == 1


def test_unknown_headers_are_listed_with_a_suggestion(bureau_db: Database,
                                                      tmp_path: Path) -> None:
    path = write_sheet(tmp_path / "台账2024年.xlsx", [
        ["提案号", "案由", "办理方式", "结果", "心得"],
        ["1", "关于甲的建议", "主办", "A", "很好"],
    ])
    p = plan(bureau_db, path)
    assert [(c.letter, c.header, c.suggestion) for c in p.unmatched] == [
        ("D", "结果", "答复类别"), ("E", "心得", None)]
    mapped = plan(bureau_db, path, mapping={"结果": "答复类别", "心得": "忽略"})
    assert mapped.unmatched == []
    status, out, _err = cli(bureau_db, "import", str(path), "--dry-run")
    assert "D列「结果」，可能是「答复类别」" in out
    status, out, err = cli(bureau_db, "import", str(path), "--map", "结果=答复类别")
    assert status == 0, err
    with bureau_db.session() as s:
        assert find_proposal(s, "1").category == ""  # not sent yet: a drafted reply
        assert find_proposal(s, "1").replies[0].category == "A"


def test_plan_is_plain_data_and_reports_progress(bureau_db: Database) -> None:
    from sheet_support import ASSIGNMENTS

    from proposal_desk.sheets import ImportCancelled, ImportOptions, apply_import, plan_import

    seen: list[tuple[str, int, int]] = []
    with bureau_db.session() as s:
        p = plan_import(s, ASSIGNMENTS, ImportOptions(), progress=lambda *a: seen.append(a))
    assert {stage for stage, _d, _t in seen} == {"读取表格", "检查各行", "与数据库比对"}
    assert io.StringIO(str(p.to_json())).read()  # JSON-able, no ORM objects inside
    before = dump(bureau_db)
    with pytest.raises(ImportCancelled), bureau_db.transaction() as s:
        apply_import(s, p, progress=lambda stage, done, total: done == 0 and False)
    assert dump(bureau_db) == before
