"""An assisting unit's document is titled as its role is called: 协办意见 for a 协办 proposal,
会办意见 for a 会办 one, in the title and in the opening line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from docdata import add_letter_case, full_text, open_docx, setup_bureau

from proposal_desk.documents.opinions import write_opinion
from proposal_desk.services import handling


@pytest.mark.parametrize(("role", "word", "other"), [("协办", "协办意见", "会办意见"),
                                                     ("会办", "会办意见", "协办意见")])
def test_the_opinion_is_titled_by_the_role(db: Any, tmp_path: Path, role: str, word: str,
                                           other: str) -> None:
    with db.transaction() as s:
        setup_bureau(s)
        p = add_letter_case(s, number="144020", role=role)
        handling.set_units(s, p, [("区发展和改革局", "主办"), ("区商务局", role)])
        handling.save_assist_opinion(s, p, text="一、我局将配合做好政策宣传。",
                                     sent_on=dt.date(2025, 4, 10))
        pid = p.id
    with db.transaction() as s:
        text = full_text(open_docx(write_opinion(s, pid, tmp_path / "o.docx")))
    assert f"第144020号提案的{word}" in text
    assert f"经认真研究，现提出{word}如下：" in text
    assert other not in text
