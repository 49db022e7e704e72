"""One letter per signer or one joint letter: the reply's 合发一封答复函 decides in the window
(documents.letters.per_signer); `proposal-desk letter` keeps its documented default (one
letter at -o; --each-signer for one per signer), and says when the reply chose otherwise."""

from __future__ import annotations

from pathlib import Path

import pytest
from docdata import add_letter_case, setup_bureau

from proposal_desk.cli.main import main
from proposal_desk.storage.database import Database


def _db(tmp_path: Path, *, joint: bool, proposers: list[str] | None = None) -> list[str]:
    path = tmp_path / "desk.sqlite3"
    database = Database(f"sqlite:///{path}")
    with database.transaction() as s:
        setup_bureau(s)
        p = add_letter_case(s, proposers=proposers or ["张三", "李四"])
        p.replies[0].joint_letter = joint
    database.dispose()
    return ["--db", str(path)]


def test_an_unticked_joint_letter_is_said_and_the_command_keeps_its_default(
        tmp_path: Path, capsys) -> None:
    db = _db(tmp_path, joint=False)
    assert main([*db, "letter", "144012", "-o", str(tmp_path / "l.docx")]) == 0
    assert (tmp_path / "l.docx").exists() and not (tmp_path / "l_张三.docx").exists()
    err = capsys.readouterr().err
    assert "提示：" in err and "合发一封答复函" in err and "请加 --each-signer" in err


@pytest.mark.parametrize("flag", [[], ["--each-signer"]])
def test_a_joint_letter_stays_one_unless_asked(tmp_path: Path, capsys, flag: list[str]) -> None:
    db = _db(tmp_path, joint=True)
    assert main([*db, "letter", "144012", *flag, "-o", str(tmp_path / "l.docx")]) == 0
    assert (tmp_path / "l_张三.docx").exists() is bool(flag)
    assert (tmp_path / "l.docx").exists() is not bool(flag)
    assert "合发一封答复函" not in capsys.readouterr().err


def test_one_proposer_gets_one_letter_whatever_the_choice(tmp_path: Path, capsys) -> None:
    db = _db(tmp_path, joint=False, proposers=["张三"])
    assert main([*db, "letter", "144012", "-o", str(tmp_path / "l.docx")]) == 0
    assert (tmp_path / "l.docx").exists()
    assert "合发一封答复函" not in capsys.readouterr().err
