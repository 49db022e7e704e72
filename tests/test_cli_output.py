"""What the command line prints: a reader that stops early (| head), a long import kept short,
a report for a year without proposals refused."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from proposal_desk.storage.database import Database


def test_a_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    path = tmp_path / "desk.sqlite3"
    Database(f"sqlite:///{path}").dispose()
    # `proposal-desk list | head -1`: the reader is gone before the command writes.
    child = subprocess.Popen([sys.executable, "-m", "proposal_desk", "--db", str(path), "list"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert child.stdout is not None and child.stderr is not None
    child.stdout.close()
    err = child.stderr.read().decode("utf-8")
    assert child.wait(timeout=60) == 0
    assert "BrokenPipeError" not in err and "程序内部错误" not in err


def test_an_import_lists_the_first_rows_and_a_dry_run_every_row(tmp_path: Path,
                                                                  capsys) -> None:
    from sheet_support import ASSIGNMENTS

    from proposal_desk.cli.main import main

    db = ["--db", str(tmp_path / "desk.sqlite3")]
    assert main([*db, "config", "bureau.name", "区商务局"]) == 0
    assert main([*db, "import", str(ASSIGNMENTS), "--dry-run"]) == 0
    full = capsys.readouterr().out
    assert added_rows(full) == 40 and "另有" not in full
    assert main([*db, "import", str(ASSIGNMENTS)]) == 0
    out = capsys.readouterr().out
    assert added_rows(out) == 20
    assert "……另有 20 行（加 --dry-run 可逐行查看，不保存）" in out
    assert "跳过的行（120）：" in out and "……另有 100 行" in out
    assert len(out.splitlines()) < 70
    assert "已导入：新增 40 件，更新 0 件，无变化 0 件，跳过 120 行" in out


def added_rows(out: str) -> int:
    return sum(1 for line in out.splitlines() if line.startswith("  第") and " 新增 " in line)


def test_a_report_for_a_year_without_proposals_is_refused(tmp_path: Path, capsys) -> None:
    from docdata import add_letter_case, setup_bureau

    from proposal_desk.cli.main import main

    path = tmp_path / "desk.sqlite3"
    db = Database(f"sqlite:///{path}")
    with db.transaction() as s:
        setup_bureau(s)
        add_letter_case(s)
    db.dispose()
    out = tmp_path / "r2030.docx"
    assert main(["--db", str(path), "report", "--year", "2030", "-o", str(out)]) == 2
    assert "错误：数据库中没有2030年度的提案（建议）；已有年度：2025" in capsys.readouterr().err
    assert not out.exists()
    assert main(["--db", str(path), "report", "--year", "2025", "-o", str(out)]) == 0


def test_a_ledger_s_final_unsatisfied_row_is_not_said_to_be_handled_again(
        tmp_path: Path) -> None:
    from docdata import SAMPLES, full_text, open_docx

    from proposal_desk.cli.main import main

    db = ["--db", str(tmp_path / "ledger.sqlite3")]
    assert main([*db, "config", "bureau.name", "区商务局"]) == 0
    assert main([*db, "import", str(SAMPLES / "ledger_2024.xlsx")]) == 0
    assert main([*db, "report", "--year", "2024", "-o", str(tmp_path / "r.docx")]) == 0
    text = full_text(open_docx(tmp_path / "r.docx"))
    # The ledger records 不满意 without the date it came back or any second reply: nothing
    # says the bureau is handling it again.
    # 主办 replies and 协办 opinions apart (deliberately changed from 已办结18件; F12)
    assert ("主办提案8件，均已按时答复委员，其中委员意见为不满意（尚未录入重新办理情况）1件；"
            "协办、会办提案11件，均已向主办单位送出协办、会办意见（按时9件）。") in text
    assert "正在重新办理" not in text
