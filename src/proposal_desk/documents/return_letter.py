"""退回申请函: the letter asking the proposal office to take back a proposal assigned to the
wrong unit, with the reason and the unit suggested instead (DOMAIN: a unit never passes a
proposal on itself; the office decides)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from proposal_desk.core.enums import Kind
from proposal_desk.core.settings import BureauSettings
from proposal_desk.documents import templates
from proposal_desk.documents.safe import docx_path
from proposal_desk.documents.shared_context import kind_of, names_with_title, shared_fields
from proposal_desk.services.queries import load_proposal
from proposal_desk.services.returns import request_order
from proposal_desk.storage.errors import UserError
from proposal_desk.storage.models import Proposal, ReturnRequest
from proposal_desk.storage.settings_store import load_settings

# Who receives it when the settings' 抄送 list names no such office.
DEFAULT_OFFICE = {Kind.PROPOSAL: "区政协提案委员会", Kind.SUGGESTION: "区人大常委会代表工作委员会"}
OFFICE_WORDS = {Kind.PROPOSAL: ("提案委", "政协"), Kind.SUGGESTION: ("人大",)}


def proposal_office(kind: Kind, settings: BureauSettings) -> str:
    """The office that assigned the proposal: the first 抄送 unit named like it (the bureau
    copies its replies there), else the usual name."""
    for word in OFFICE_WORDS[kind]:
        for unit in settings.cc:
            if word in unit:
                return unit
    return DEFAULT_OFFICE[kind]


def latest_request(p: Proposal) -> ReturnRequest:
    if not p.returns:
        raise UserError(f"第{p.number}号还没有退回申请（请先在窗口中点“申请退回…”并写明理由）")
    return max(p.returns, key=request_order)


def return_context(p: Proposal, settings: BureauSettings) -> dict[str, Any]:
    kind = kind_of(p)
    request = latest_request(p)
    title = f"关于申请退回{p.meeting.name}第{p.number}号{kind.value}的函"
    context = shared_fields("return", p, kind, settings, title=title, body=request.reason,
                            on=request.requested_on)
    context["office"] = proposal_office(kind, settings)
    context["proposers"] = (names_with_title([pm.member for pm in p.proposers], kind.member_word)
                            or f"{kind.member_word}")
    context["suggested_unit"] = request.suggested_unit
    return context


def write_return_letter(session: Session, proposal_id: int, path: Path) -> Path:
    """The 退回申请函 of a proposal's latest 退回 request (.docx); nothing is changed."""
    path = docx_path(path)
    p = load_proposal(session, proposal_id)
    context = return_context(p, load_settings(session))
    return templates.render("return", templates.builtin_template("return"), context, path)
