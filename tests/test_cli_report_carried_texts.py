"""`proposal-desk report` for a year whose texts were never written: the window asks first;
the command line says which year's texts it reused (whose year and figures they state), and
the report marks each reused sentence naming another year or a figure, so last year's
"2025年……今年共承办提案39件" is not printed unmarked above this year's 40 (newcomer's
try-out F14)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from docdata import add_letter_case, full_text, open_docx, setup_bureau

from proposal_desk.core.enums import Kind
from proposal_desk.services import report_draft, report_texts
from proposal_desk.services.meetings import ensure_meeting
from proposal_desk.storage.database import Database
from proposal_desk.storage.models import Proposal

TEXTS = {
    report_texts.OPENING: "2025年，我局认真办理提案。今年共承办提案39件，重点提案4件。现报告如下。",
    report_texts.PRACTICE: "（一）压实责任。主要负责同志牵头抓总。",
    report_texts.PROBLEMS: "一是个别提案沟通不够。",
    report_texts.PLANS: "（一）加强跟踪落实。",
}
MARK = "【请核对：沿用2025年的文字】"


def _database(path: Path) -> None:
    db = Database(f"sqlite:///{path}")
    with db.transaction() as s:
        setup_bureau(s)
        add_letter_case(s, number="1", sent=dt.date(2025, 6, 10))
        meeting = ensure_meeting(s, "区政协十四届五次会议", kind=Kind.PROPOSAL, year=2026)
        s.add(Proposal(meeting=meeting, number="2", title="关于某事的建议", role="主办",
                       assigned_on=dt.date(2026, 3, 17)))
        report_draft.save_draft(s, 2025, TEXTS)
    db.dispose()


def test_cli_report_says_and_marks_texts_reused_from_last_year(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from proposal_desk.cli.main import main

    path = tmp_path / "desk.sqlite3"
    _database(path)
    db = ["--db", str(path)]
    assert main([*db, "report", "--year", "2026", "-o", str(tmp_path / "r26.docx")]) == 0
    err = capsys.readouterr().err
    assert ("提示：2026年的报告文字尚未编写，开头、主要做法、存在问题、下一步打算已沿用2025年的文字"
            "（其中的年份和数字是2025年的）；报告中已在2句写有年份或数字的句子前标出"
            f"“{MARK}”。") in err
    text = full_text(open_docx(tmp_path / "r26.docx"))
    assert (f"{MARK}2025年，我局认真办理提案。{MARK}今年共承办提案39件，重点提案4件。"
            "现报告如下。") in text
    assert "（一）压实责任。主要负责同志牵头抓总。" in text  # no year, no figure: as it was

    # the year's own texts are printed as saved, and nothing is said
    assert main([*db, "report", "--year", "2025", "-o", str(tmp_path / "r25.docx")]) == 0
    assert "提示" not in capsys.readouterr().err
    assert "请核对" not in full_text(open_docx(tmp_path / "r25.docx"))


def test_marks_only_carried_sentences_with_a_year_or_figure() -> None:
    text = report_texts.SectionText(report_texts.OPENING, TEXTS[report_texts.OPENING], 2025)
    assert report_texts.stale_sentences(text, 2026) == [
        "2025年，我局认真办理提案。", "今年共承办提案39件，重点提案4件。"]
    assert report_texts.stale_sentences(text, 2025) == []  # its own year
    # the new year's own year is not stale; a rate is a figure; a line's indent stays before
    # the mark
    plans = report_texts.SectionText(
        report_texts.PLANS, "2026年起，我局将加强跟踪。满意率保持100%。\n  今年办结39件。", 2025)
    assert report_texts.stale_sentences(plans, 2026) == ["满意率保持100%。", "今年办结39件。"]
    assert report_texts.marked_text(plans, 2026) == (
        f"2026年起，我局将加强跟踪。{MARK}满意率保持100%。\n  {MARK}今年办结39件。")
    long = report_texts.SectionText(
        report_texts.OPENING, "2025年，我局坚持把提案办理作为密切联系群众、"
        "改进工作作风的抓手。", 2025)
    assert report_texts.stale_hint(long, 2026) == (
        "其中1句写有年份或数字（是2025年的），如“2025年，我局坚持把提案办理作为密切联系群众、…”，"
        "请核对改写。")
    starter = report_texts.SectionText(report_texts.OPENING, "2026年，我局……", None)
    assert report_texts.marked_text(starter, 2026) == "2026年，我局……"


def test_the_window_points_out_the_same_sentences() -> None:
    from proposal_desk.gui.dialogs.report_texts import source_text

    text = report_texts.SectionText(report_texts.OPENING, TEXTS[report_texts.OPENING], 2025)
    said = source_text(text, 2026)
    assert said.startswith("沿用2025年的文字。")
    assert said.endswith("其中2句写有年份或数字（是2025年的），如“2025年，我局认真办理提案。”，"
                         "请核对改写。")
    assert "请核对" not in source_text(text, 2025)
