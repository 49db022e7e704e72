"""A 会办意见 body that repeats what its document adds (主送单位：, ……收悉……现提出意见如下：,
以上意见……) is named when the opinion is written, so the handler deletes it: the document would
print it twice. Nothing typed is taken out (documents.customary.opinion_repeats)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from docdata import add_letter_case, full_text, open_docx, setup_bureau

from proposal_desk.documents.customary import opinion_repeats
from proposal_desk.documents.opinions import opinion_notes, write_opinion
from proposal_desk.services import handling
from proposal_desk.services.queries import load_proposal

BODY = "一、我局将配合做好政策宣传。\n二、加大对企业的支持力度。"
TO = "区发展和改革局："
OPENING = "彭刚超委员提出的《关于加快跨境电商发展的几点建议》收悉。经认真研究，现提出协办意见如下："
CLOSING = "以上意见，请在答复委员时统筹考虑。"


@pytest.mark.parametrize(("text", "named"), [
    (f"{TO}\n{OPENING}\n{BODY}\n{CLOSING}", [
        "主送单位“区发展和改革局：”", "开头“彭刚超委员提出的《关于加快跨境电商发展的几点建议……”",
        "结尾“以上意见，请在答复委员时统筹考虑。”"]),
    (f"经研究，现提出意见如下：\n{BODY}", ["开头“经研究，现提出意见如下：”"]),
    (f"{BODY}\n以上意见供参考。", ["结尾“以上意见供参考。”"]),
    (BODY, []),
    # a heading of the body, a sentence of the work, the thanks of a courtesy: not repeats
    (f"关于第一个问题：\n{BODY}", []),
    (f"{BODY}\n我局将争取上级部门的关心和支持，以上意见已报分管领导。", []),
    (f"{BODY}\n感谢贵单位的支持。", []),
])
def test_what_an_opinion_repeats(text: str, named: list[str]) -> None:
    assert opinion_repeats(text) == named


def test_writing_the_opinion_names_the_repeats(db: Any, tmp_path: Path) -> None:
    with db.transaction() as s:
        setup_bureau(s)
        p = add_letter_case(s, number="144130", role="协办")
        handling.set_units(s, p, [("区发展和改革局", "主办"), ("区商务局", "协办")])
        handling.save_assist_opinion(s, p, text=f"{TO}\n{OPENING}\n{BODY}",
                                     sent_on=dt.date(2025, 5, 10))
        pid = p.id
    with db.transaction() as s:
        text = full_text(open_docx(write_opinion(s, pid, tmp_path / "o.docx")))
        notes = opinion_notes(s, pid)
    assert text.count("收悉") == 2  # as the note says: the typed opening is kept, and repeats
    assert notes == [
        "第144130号的协办意见正文中写了主送单位“区发展和改革局：”、开头“彭刚超委员提出的《关于"
        "加快跨境电商发展的几点建议……”，文件已自动加上主送单位、开头和结尾，这几句会重复出现：请在"
        "“协办意见”页的正文中删去后再生成"]
    with db.transaction() as s:  # deleted as it says: no note
        handling.save_assist_opinion(s, load_proposal(s, pid), text=BODY)
        assert opinion_notes(s, pid) == []
