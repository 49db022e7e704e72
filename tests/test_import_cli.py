"""The import command's contract: readable summary, --json, --meeting/--year/--kind, --map."""

from __future__ import annotations

import json
from pathlib import Path

from sheet_support import ASSIGNMENTS, LEDGER, cli, dump, ledger_rows, list_json, write_sheet

from proposal_desk.storage.database import Database


def test_json_plan_and_result(bureau_db: Database) -> None:
    status, out, err = cli(bureau_db, "import", str(ASSIGNMENTS), "--dry-run", "--json")
    assert status == 0, err
    data = json.loads(out)
    assert data["applied"] is False
    assert data["counts"] == {"新增": 40, "更新": 0, "无变化": 0, "跳过": 120, "有错误": 0}
    assert (data["meeting"], data["year"], data["kind"], data["shape"]) == (
        "区政协十四届四次会议", 2025, "提案", "交办清单")
    row = next(r for r in data["rows"] if r["number"] == "144009")
    assert (row["row"], row["action"], row["role"]) == (7, "新增", "主办")
    skipped = [r for r in data["rows"] if r["action"] == "跳过"]
    assert len(skipped) == 120 and all(r["reason"] for r in skipped)
    assert {c["field"] for c in data["columns"]} >= {"提案号", "案由", "主办单位", "协办单位"}
    assert list_json(bureau_db) == []
    status, out, err = cli(bureau_db, "import", str(ASSIGNMENTS), "--json")
    assert status == 0 and json.loads(out)["applied"] is True
    assert len(list_json(bureau_db)) == 40


def test_summary_then_import_then_nothing_to_do(bureau_db: Database) -> None:
    status, out, _err = cli(bureau_db, "import", str(LEDGER))
    assert status == 0
    assert "类型：办理台账" in out and "年度：2024（来自工作表名）" in out
    assert out.strip().endswith("已导入：新增 19 件，更新 0 件，无变化 0 件，跳过 0 行，"
                                "新建会议：2024年度政协提案")
    status, out, _err = cli(bureau_db, "import", str(LEDGER))
    assert "新增 0 件，更新 0 件，无变化 19 件" in out


def test_meeting_year_and_kind_options(bureau_db: Database) -> None:
    status, _out, err = cli(bureau_db, "import", str(LEDGER), "--meeting", "区十八届人大三次会议",
                            "--year", "2024", "--kind", "建议")
    assert status == 0, err
    rows = list_json(bureau_db)
    assert {(r["meeting"], r["year"], r["kind"]) for r in rows} == {
        ("区十八届人大三次会议", 2024, "建议")}


def test_map_an_unknown_header(bureau_db: Database, tmp_path: Path) -> None:
    header = ledger_rows()[0]
    header[header.index("委员意见")] = "征询结果"
    path = write_sheet(tmp_path / "2024年台账.xlsx", [header, [
        "1", "关于甲的建议", "张三", "主办", "区商务局", "", "", "2024-03-14", "", "2024-05-01",
        "A", "满意"]])
    status, out, _err = cli(bureau_db, "import", str(path), "--dry-run")
    assert "L列「征询结果」，可能是「委员意见」" in out
    before = dump(bureau_db)
    status, out, err = cli(bureau_db, "import", str(path), "--map", "征询结果=委员意见")
    assert status == 0, err
    assert dump(bureau_db) != before
    assert list_json(bureau_db)[0]["satisfaction"] == "满意"


def test_a_bad_file_exits_2_with_one_line(bureau_db: Database, tmp_path: Path) -> None:
    path = tmp_path / "x.xlsx"
    path.write_text("不是表格", encoding="utf-8")
    status, out, err = cli(bureau_db, "import", str(path))
    assert status == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("错误：文件「x.xlsx」")


def test_problems_end_with_a_line_that_points_up_not_to_dry_run(
        bureau_db: Database, tmp_path: Path) -> None:
    rows = ledger_rows(*(["甲" if n == 1 else str(n), f"关于{n}的建议", "张三", "主办", "区商务局",
                          "", "", "2024-13-14", "", "", "", ""] for n in (1, 2, 3)))
    path = write_sheet(tmp_path / "2024年台账.xlsx", rows)
    for extra in ((), ("--dry-run",)):
        before = dump(bureau_db)
        status, out, err = cli(bureau_db, "import", str(path), *extra)
        assert status == 2 and dump(bureau_db) == before
        problems = [line for line in out.splitlines() if line.startswith("  文件「")]
        assert len(problems) >= 3 and f"发现 {len(problems)} 处问题" in out
        [line] = err.splitlines()
        assert line.startswith("错误：" + problems[0].strip())
        assert line.endswith(f"（另有 {len(problems) - 1} 处问题，均已列在上面；未导入任何内容）")
        assert "--dry-run" not in line
    status, out, _err = cli(bureau_db, "import", str(path), "--json")
    assert status == 2 and json.loads(out)["applied"] is False
