"""The document commands: letter, opinion, report, chase — files written, errors in one line."""

import datetime as dt
from pathlib import Path

import pytest
from docdata import SAMPLES, add_letter_case, full_text, open_docx, setup_bureau

from proposal_desk.cli.main import main
from proposal_desk.services import handling
from proposal_desk.storage.database import Database


@pytest.fixture
def db_file(tmp_path: Path) -> Path:
    path = tmp_path / "desk.sqlite3"
    database = Database(f"sqlite:///{path}")
    with database.transaction() as s:
        setup_bureau(s)
        add_letter_case(s, proposers=["张三", "李四"])
        assisted = add_letter_case(s, number="144020", role="协办")
        handling.save_assist_opinion(s, assisted, text="会办意见正文。",
                                     sent_on=dt.date(2025, 4, 10))
        add_letter_case(s, number="144021", role="协办")  # no opinion yet
        late = add_letter_case(s, number="144030", sent=None)
        late.due_override = dt.date(2025, 4, 1)
    database.dispose()
    return path


def test_letter_opinion_report_and_chase(db_file: Path, tmp_path: Path, capsys) -> None:
    db = ["--db", str(db_file)]
    assert main([*db, "letter", "144012", "-o", str(tmp_path / "l.docx")]) == 0
    assert "已生成答复函" in capsys.readouterr().out
    assert "张三、李四委员：" in full_text(open_docx(tmp_path / "l.docx"))

    assert main([*db, "letter", "144012", "--meeting", "十四届四次", "--each-signer",
                 "-o", str(tmp_path / "each.docx")]) == 0
    assert (tmp_path / "each_张三.docx").exists() and (tmp_path / "each_李四.docx").exists()

    assert main([*db, "opinion", "144020", "-o", str(tmp_path / "o.docx")]) == 0
    assert "已生成协办意见" in capsys.readouterr().out  # a 协办 proposal's word
    assert "会办意见正文。" in full_text(open_docx(tmp_path / "o.docx"))

    assert main([*db, "report", "--year", "2025", "-o", str(tmp_path / "r.docx")]) == 0
    assert "共承办区政协十四届四次会议委员提案4件" in full_text(open_docx(tmp_path / "r.docx"))

    assert main([*db, "chase", "-o", str(tmp_path / "c.xlsx")]) == 0
    assert main([*db, "chase", "-o", str(tmp_path / "c.docx")]) == 0
    assert "144030" in full_text(open_docx(tmp_path / "c.docx"))


@pytest.mark.parametrize(("argv", "message"), [
    (["letter", "999999", "-o", "x.docx"], "找不到第999999号"),
    (["letter", "144020", "-o", "x.docx"], "会办意见"),
    (["opinion", "144012", "-o", "x.docx"], "答复函"),
    (["opinion", "144021", "-o", "x.docx"], "还没有填写协办意见"),
    (["report", "--year", "2025", "--meeting", "市政协", "-o", "x.docx"], "找不到会议"),
    (["chase", "-o", "x.pdf"], ".xlsx"),
    (["letter", "144012", "-o", "no/such/folder/x.docx"], "不存在"),
])
def test_errors_are_one_chinese_line(db_file: Path, tmp_path: Path, capsys, monkeypatch,
                                     argv: list[str], message: str) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["--db", str(db_file), *argv]) == 2
    err = capsys.readouterr().err
    assert err.startswith("错误：") and message in err and err.count("\n") == 1


def test_report_after_importing_the_ledger_on_the_command_line(tmp_path: Path, capsys) -> None:
    db = ["--db", str(tmp_path / "ledger.sqlite3")]
    assert main([*db, "config", "bureau.name", "区商务局"]) == 0
    assert main([*db, "import", str(SAMPLES / "ledger_2024.xlsx")]) == 0
    assert main([*db, "report", "--year", "2024", "-o", str(tmp_path / "2024.docx")]) == 0
    text = full_text(open_docx(tmp_path / "2024.docx"))
    assert "19件，其中主办8件、协办6件、会办5件" in text
    assert "（A类）6件，占75.0%" in text and "（B类）1件，占12.5%" in text
    assert "（D类）1件，占12.5%" in text and "满意率75.0%" in text
