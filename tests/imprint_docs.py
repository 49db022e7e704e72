"""The two documents whose built-in templates carry the 版记 (抄送, 印发): a reply letter
through write_letter, and a 会办意见 from its template with a 抄送 line (write_opinion fills
none, so the 版记 block drops out of a written opinion; a bureau that lists one gets it)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from docdata import add_letter_case

from proposal_desk.documents import templates
from proposal_desk.documents.letters import write_letter
from proposal_desk.documents.opinions import opinion_context
from proposal_desk.services import handling
from proposal_desk.storage.settings_store import load_settings

OPINION_CC = "区政府办公室"


def write_letter_case(session: Any, folder: Path, number: str, text: str) -> Path:
    p = add_letter_case(session, number=number, text=text)
    session.flush()
    [path] = write_letter(session, p.id, folder / f"{number}.docx")
    return path


def write_opinion_with_cc(session: Any, folder: Path, number: str, text: str) -> Path:
    p = add_letter_case(session, number=number, role="会办")
    handling.set_units(session, p, [("区发展和改革局", "主办"), ("区商务局", "会办")])
    handling.save_assist_opinion(session, p, text=text, sent_on=dt.date(2025, 4, 10),
                                 signer="钱副局长")
    session.flush()
    settings = load_settings(session)
    context = {**opinion_context(session, p, settings), "cc": OPINION_CC}
    return templates.render("opinion", templates.template_path("opinion", settings), context,
                            folder / f"会办意见{number}.docx")
