"""A reply body that starts with the customary opening (您提出的《…》收悉…) or ends with the
closing of thanks prints each once: the handler's own sentence takes the added one's place
(documents.customary)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from docdata import add_letter_case, full_text, open_docx, setup_bureau

from proposal_desk.documents.customary import ReplyParts, reply_parts
from proposal_desk.documents.letters import write_letter
from proposal_desk.storage.errors import UserError

OPENING = "您提出的《关于加快跨境电商发展的几点建议》收悉。我局高度重视，现答复如下："
CLOSING = "感谢您对商务工作的关心和支持！"
BODY = "一、基本情况\n近年来，我区跨境电商快速发展。\n二、下一步工作\n1. 加快建设产业园。"


@pytest.mark.parametrize(("text", "opening", "body", "closing"), [
    (f"{OPENING}\n{BODY}\n{CLOSING}", OPENING, BODY, CLOSING),
    (f"彭刚超委员：\n{OPENING}\n{BODY}", OPENING, BODY, ""),  # a typed salutation is dropped
    (BODY, "", BODY, ""),
    (f"你们联名提出的关于发展夜间经济的提案收悉，经认真研究，现答复如下：\n{BODY}",
     "你们联名提出的关于发展夜间经济的提案收悉，经认真研究，现答复如下：", BODY, ""),
    (f"{BODY}\n再次感谢您的关心，欢迎继续提出宝贵意见和建议。", "", BODY,
     "再次感谢您的关心，欢迎继续提出宝贵意见和建议。"),
    # not customary: a first paragraph about the matter, a last one about the work
    ("您关注的跨境电商问题，我局一直高度重视。\n一、基本情况", "",
     "您关注的跨境电商问题，我局一直高度重视。\n一、基本情况", ""),
    (f"{BODY}\n下一步，我局将继续加大对企业的支持力度，推动跨境电商高质量发展。", "",
     f"{BODY}\n下一步，我局将继续加大对企业的支持力度，推动跨境电商高质量发展。", ""),
    # a closing's words in a paragraph of the work, not addressed to the member (review)
    (f"{BODY}\n三、下一步，我局将积极争取市级部门的关心和支持，加快推进物流中心建设。", "",
     f"{BODY}\n三、下一步，我局将积极争取市级部门的关心和支持，加快推进物流中心建设。", ""),
    # numbered, though it thanks the member: a paragraph of the body, not the closing
    (f"{BODY}\n三、对您的关心和支持表示感谢的同时，我局将继续推进产业园建设。", "",
     f"{BODY}\n三、对您的关心和支持表示感谢的同时，我局将继续推进产业园建设。", ""),
    (f"{BODY}\n我局将积极争取上级部门的关心和支持。", "",
     f"{BODY}\n我局将积极争取上级部门的关心和支持。", ""),
    (f"{BODY}\n对您的关心和支持表示衷心感谢！", "", BODY, "对您的关心和支持表示衷心感谢！"),
    (f"{BODY}\n" + "感谢" + "您" * 90, "", f"{BODY}\n" + "感谢" + "您" * 90, ""),  # too long
])
def test_reply_parts(text: str, opening: str, body: str, closing: str) -> None:
    assert reply_parts(text) == ReplyParts(opening, body, closing)


def test_a_typed_opening_and_closing_print_once(db: Any, tmp_path: Path) -> None:
    with db.transaction() as s:
        setup_bureau(s)
        own = add_letter_case(s, number="144009", text=f"{OPENING}\n{BODY}\n{CLOSING}").id
        plain = add_letter_case(s, number="144010", text=BODY).id
    with db.transaction() as s:
        [own_letter] = write_letter(s, own, tmp_path / "own.docx")
        [plain_letter] = write_letter(s, plain, tmp_path / "plain.docx")
    text = full_text(open_docx(own_letter))
    assert text.count("收悉") == 1 and text.count("感谢") == 1
    assert f"张三委员：\n{OPENING}\n一、基本情况" in text
    assert f"加快建设产业园。\n{CLOSING}\n" in text
    plain_text = full_text(open_docx(plain_letter))
    assert ("张三委员：\n您提出的《关于加快跨境电商发展的建议》收悉。现答复如下：\n一、"
            in plain_text)
    assert "产业园。\n感谢您对我们工作的关心和支持，欢迎继续提出宝贵意见和建议。\n" in plain_text


def test_a_reply_of_only_the_customary_sentences_is_empty(db: Any, tmp_path: Path) -> None:
    with db.transaction() as s:
        setup_bureau(s)
        p = add_letter_case(s, number="144009", text=f"{OPENING}\n{CLOSING}",
                            sent=dt.date(2025, 6, 20))
        pid = p.id
    with db.transaction() as s, pytest.raises(UserError, match="答复正文为空"):
        write_letter(s, pid, tmp_path / "l.docx")
