"""会办意见: the written opinion of an assisting (协办/会办) unit, addressed to the lead unit,
numbered in its own series (settings bureau.opinion_prefix)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from proposal_desk.core.doc_numbers import NumberState, written_on
from proposal_desk.core.enums import Role
from proposal_desk.core.settings import BureauSettings
from proposal_desk.core.text import clean_text
from proposal_desk.documents import templates
from proposal_desk.documents.customary import opinion_repeats
from proposal_desk.documents.letters import missing_contact_note, no_prefix_note
from proposal_desk.documents.numbering import empty_body, sent_without_note
from proposal_desk.documents.safe import docx_path
from proposal_desk.documents.shared_context import kind_of, names_with_title, shared_fields
from proposal_desk.services import handling
from proposal_desk.services.queries import load_proposal
from proposal_desk.storage.errors import UserError
from proposal_desk.storage.models import Proposal
from proposal_desk.storage.settings_store import load_settings


def opinion_notes(session: Session, proposal_id: int, where: str | None = None) -> list[str]:
    """Why the 会办意见 just written has no number, when it has none (`where`: as
    letters.no_prefix_note)."""
    p = load_proposal(session, proposal_id)
    if not p.assist_opinions:
        return []
    opinion = p.assist_opinions[0]
    settings = load_settings(session)
    state = handling.opinion_number_state(opinion, settings.opinion_prefix)
    word = Role(p.role).opinion_word
    notes = []
    repeats = opinion_repeats(opinion.text or "")
    if repeats:
        notes.append(f"第{p.number}号的{word}正文中写了{'、'.join(repeats)}，文件已自动加上"
                     f"主送单位、开头和结尾，这几句会重复出现：请在“{word}”页的正文中删去后"
                     "再生成")
    if state is NumberState.DRAFT:
        notes.append(f"第{p.number}号的{word}尚未送出：暂不编发文字号，版记的印发日期留空"
                     f"（填写送出日期后即编号，再生成即带发文字号和印发日期）")
    else:
        if state is NumberState.SENT_WITHOUT:
            notes.append(sent_without_note(p.number, word, word, opinion.sent_on, word))
        if state is not NumberState.GIVEN and not settings.opinion_prefix:
            notes.append(no_prefix_note("opinion_prefix", "周商会办", "会办意见", where))
    contact = missing_contact_note(word, word, opinion.contact_name or settings.contact_name,
                                   opinion.contact_phone or settings.contact_phone, where)
    return notes + ([contact] if contact else [])


def opinion_context(session: Session, p: Proposal, settings: BureauSettings, *,
                    today: dt.date | None = None) -> dict[str, Any]:
    kind = kind_of(p)
    role = Role(p.role)
    if role.answers_member:
        raise UserError(f"第{p.number}号是{role}{kind.value}，应生成答复函（letter），"
                        f"而不是会办意见")
    word = role.opinion_word
    if not p.assist_opinions:
        raise UserError(f"第{p.number}号{kind.value}还没有填写{word}")
    opinion = p.assist_opinions[0]
    if not clean_text(opinion.text):  # a body of nothing must not go out
        raise UserError(empty_body(p.number, kind.value, word, word, word,
                                   bool(opinion.sent_on)))
    ours = set(settings.names)
    lead_units = [u.unit_name for u in p.units if u.role == Role.LEAD and u.unit_name not in ours]
    on = written_on(None, opinion.sent_on, today)  # no signing date in its records
    title = f"关于{p.meeting.name}第{p.number}号{kind.value}的{word}"
    context = shared_fields(
        "opinion", p, kind, settings, title=title, body=opinion.text, on=on,
        contact_name=opinion.contact_name, contact_phone=opinion.contact_phone,
        # printing never numbers an opinion: sending does (handling.save_assist_opinion)
        signer=opinion.signer, doc_number=opinion.doc_number or "",
        printed_on=opinion.sent_on)  # blank until it is recorded sent
    context["lead_unit"] = "、".join(lead_units) or p.lead_unit or "主办单位"
    context["proposers"] = names_with_title([pm.member for pm in p.proposers], kind.member_word)
    context["opinion_word"] = word
    return context


def write_opinion(session: Session, proposal_id: int, path: Path, *,
                  today: dt.date | None = None) -> Path:
    """Write the 会办意见 (协办意见) of one 协办/会办 proposal; it bears the number its
    sending gave it, if any, and writes nothing to the database."""
    path = docx_path(path)
    p = load_proposal(session, proposal_id)
    settings = load_settings(session)
    context = opinion_context(session, p, settings, today=today)
    template = templates.template_path("opinion", settings)
    return templates.render("opinion", template, context, path)
