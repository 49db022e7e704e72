"""见面率 counts the member's own 是否当面沟通：是 on the opinion form, and the report says how
many rest on the form alone (newcomer's try-out F5)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from docdata import add_ledger_2024, full_text, open_docx, setup_bureau
from sqlalchemy import select

from proposal_desk.documents.figures import compute, digest, load_digests, load_prior_b
from proposal_desk.documents.report import write_report
from proposal_desk.services.queries import load_proposal
from proposal_desk.storage.models import MemberOpinion, Proposal
from proposal_desk.storage.settings_store import load_settings


def _say_met(db, *numbers: str) -> None:
    """The members of these (phone-only) proposals answered 是 on their opinion forms."""
    with db.transaction() as s:
        for number in numbers:
            opinion = s.scalars(select(MemberOpinion).join(Proposal)
                                .where(Proposal.number == number)).one()
            opinion.visited = True


def test_the_forms_yes_counts_and_is_said(db, tmp_path) -> None:
    with db.transaction() as s:
        setup_bureau(s)
        add_ledger_2024(s)
    # 143056 and 143035: 主办, answered, only 电话 on record; 143140 has a 座谈会 already.
    _say_met(db, "143056", "143035", "143140")
    with db.session() as s:
        settings = load_settings(s)
        digests = load_digests(s, settings.deadlines, year=2024)
        fig = compute(digests, settings, load_prior_b(s, 2023))
        # the ORM digest reads the same as the column load
        by_number = {d.number: d for d in digests}
        for number in ("143056", "143155", "143140"):
            p = s.scalars(select(Proposal).where(Proposal.number == number)).one()
            assert digest(load_proposal(s, p.id), settings.deadlines) == by_number[number]
    assert (fig.face_count, fig.face_base, fig.face_rate) == (7, 8, Decimal("87.5"))
    assert fig.face_by_form == 2
    with db.session() as s:
        text = full_text(open_docx(write_report(s, 2024, tmp_path / "r.docx",
                                                today=dt.date(2024, 12, 20))))
    assert ("已答复的主办提案中与委员当面沟通的7件（其中2件据委员意见表确认，未录入面商记录），"
            "见面率87.5%") in text


def test_without_a_form_saying_so_the_sentence_is_as_before(db, tmp_path) -> None:
    with db.transaction() as s:
        setup_bureau(s)
        add_ledger_2024(s)
    with db.session() as s:
        text = full_text(open_docx(write_report(s, 2024, tmp_path / "r.docx",
                                                today=dt.date(2024, 12, 20))))
    assert "已答复的主办提案中与委员当面沟通的5件，见面率62.5%" in text
