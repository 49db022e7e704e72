"""A proposal answered again after 不满意: the second letter says so (重新办理), it does not
read like a first reply."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from docdata import add_letter_case, full_text, open_docx, setup_bureau

from proposal_desk.documents.letters import write_letter
from proposal_desk.services import handling
from proposal_desk.services.queries import load_proposal


def test_the_second_round_letter_speaks_of_the_first_reply(db: Any, tmp_path: Path) -> None:
    with db.transaction() as s:
        setup_bureau(s)
        p = add_letter_case(s, category="C", sent=dt.date(2025, 6, 17))
        s.flush()
        handling.record_opinion(p, "不满意", received_on=dt.date(2025, 7, 1))
        pid = p.id
    with db.transaction() as s:
        [first] = write_letter(s, pid, tmp_path / "first.docx")
    first_text = full_text(open_docx(first))
    assert "您提出的《关于加快跨境电商发展的建议》收悉。现答复如下：" in first_text
    with db.transaction() as s:
        handling.save_reply(s, load_proposal(s, pid), category="B", text="经再次研究，已列入计划。",
                            signer="赵局长", sent_on=dt.date(2025, 8, 20))
    with db.transaction() as s:
        [second] = write_letter(s, pid, tmp_path / "second.docx")
    text = full_text(open_docx(second))
    assert "收悉。现答复如下" not in text
    assert ("您提出的《关于加快跨境电商发展的建议》，我们已于2025年6月17日作出答复。根据您反馈的"
            "意见，我们对该提案重新进行了研究办理，现再次答复如下：") in text
    assert "经再次研究，已列入计划。" in text and "2025年8月20日" in text
