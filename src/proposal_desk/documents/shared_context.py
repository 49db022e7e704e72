"""What the letter-like documents (答复函, 会办/协办意见, 退回申请函) say of a proposal in the
same way: its kind and title, the bureau, the date and the contact line, filled in one place
so the three cannot drift apart."""

from __future__ import annotations

import datetime as dt
from typing import Any

from proposal_desk.core.dates import format_cn
from proposal_desk.core.enums import Kind
from proposal_desk.core.settings import BureauSettings
from proposal_desk.core.text import clean_line
from proposal_desk.documents import format as fmt
from proposal_desk.documents import templates
from proposal_desk.documents.numbering import UNSENT_PRINT_DATE
from proposal_desk.storage.models import Member, Proposal


def kind_of(p: Proposal) -> Kind:
    """提案 or 建议 by the proposal's meeting (an unknown word counts as 提案)."""
    try:
        return Kind(p.meeting.kind)
    except ValueError:
        return Kind.PROPOSAL


def bare_title(title: str) -> str:
    """案由 without the 《》 or quotes some lists put around it (the template adds 《》)."""
    text = clean_line(title)
    while text and text[0] in "《“\"'" and text[-1] in "》”\"'":
        text = text[1:-1].strip()
    return text


def names_with_title(members: list[Member] | tuple[Member, ...], member_word: str) -> str:
    """张三、李四委员 — bodies filing collective proposals (民建区委会) get no 委员."""
    people = [m.name for m in members if not m.collective]
    bodies = [m.name for m in members if m.collective]
    parts = list(bodies)
    if people:
        parts.append("、".join(people) + member_word)
    return "、".join(parts)


def shared_fields(template: str, p: Proposal, kind: Kind, settings: BureauSettings, *,
                  title: str, body: str, on: dt.date, contact_name: str = "",
                  contact_phone: str = "", signer: str = "", doc_number: str = "", cc: str = "",
                  printed_on: dt.date | None = None) -> dict[str, Any]:
    """The fields filled alike, kept to those the `template` kind (templates.KINDS) names:
    the document's own fields (称呼, 主送, 提案人…) are the caller's. A contact left empty
    is the bureau's (settings). `kind`: kind_of(p), which every caller has already. `on` is
    the 成文日期, `printed_on` the 印发日期 (None: not sent yet, printed blank to fill in)."""
    date = format_cn(on)
    fields = {
        "bureau": settings.name,
        "signer": signer,
        "doc_number": doc_number,
        "title": "\n".join(fmt.title_lines(title)),
        "proposal_title": bare_title(p.title),
        "number": p.number,
        "meeting": p.meeting.name,
        "kind": kind.value,
        "member_word": kind.member_word,
        "body": fmt.paragraphs(body),
        "date": date,
        "print_date": format_cn(printed_on) if printed_on else UNSENT_PRINT_DATE,
        "contact_name": contact_name or settings.contact_name,
        "contact_phone": contact_phone or settings.contact_phone,
        "cc": cc,
    }
    wanted = templates.KINDS[template].placeholders
    return {name: value for name, value in fields.items() if name in wanted}
