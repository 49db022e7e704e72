"""A joint proposal's letter speaks to its readers even when the handler typed the customary
opening and closing with 您: 你们 on the one joint letter, 您领衔/您联名 on a letter per
signer; the handler's other words stay (newcomer's try-out F6)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from docdata import add_letter_case, full_text, open_docx, setup_bureau

from proposal_desk.documents.customary import address_closing, address_opening
from proposal_desk.documents.letters import write_letter

OPENING = "您提出的《关于加快跨境电商发展的几点建议》收悉。我局高度重视，现答复如下："
CLOSING = "感谢您对商务工作的关心和支持！"
BODY = "一、基本情况\n近年来，我区跨境电商快速发展。"
NAMES = ["彭刚超", "高辉刚", "武洋兰", "曹慧建", "宋斌"]


@pytest.mark.parametrize(("typed", "you", "verb", "said"), [
    (OPENING, "你们", "提出的", OPENING.replace("您", "你们", 1)),
    (OPENING, "您", "领衔提出的", OPENING.replace("您提出的", "您领衔提出的")),
    (OPENING, "您", "联名提出的", OPENING.replace("您提出的", "您联名提出的")),
    (OPENING, "您", "提出的", OPENING),  # one proposer: as typed
    ("您所提的《关于…的建议》收悉。", "您", "提出的", "您所提的《关于…的建议》收悉。"),
    ("您所提的《关于…的建议》收悉。", "你们", "提出的", "你们所提的《关于…的建议》收悉。"),
    # typed for the joint letter, printed per signer
    ("你们联名提出的关于发展夜间经济的提案收悉，现答复如下：", "您", "领衔提出的",
     "您领衔提出的关于发展夜间经济的提案收悉，现答复如下："),
    ("您领衔提出的《关于…的建议》收悉。", "你们", "提出的", "你们提出的《关于…的建议》收悉。"),
    # not said with a pronoun: left as typed
    ("贵委转来的《关于…的建议》收悉。", "你们", "提出的", "贵委转来的《关于…的建议》收悉。"),
    ("彭刚超等委员提出的《关于…的建议》收悉。", "您", "联名提出的",
     "彭刚超等委员提出的《关于…的建议》收悉。"),
])
def test_address_opening(typed: str, you: str, verb: str, said: str) -> None:
    assert address_opening(typed, you, verb) == said


def test_address_closing() -> None:
    assert address_closing(CLOSING, "你们") == "感谢你们对商务工作的关心和支持！"
    assert address_closing("感谢你们的关心和支持！", "您") == "感谢您的关心和支持！"
    assert address_closing(CLOSING, "您") == CLOSING


def test_joint_and_per_signer_letters_of_a_typed_opening(db: Any, tmp_path: Path) -> None:
    with db.transaction() as s:
        setup_bureau(s)
        pid = add_letter_case(s, number="144009", proposers=NAMES,
                              text=f"{OPENING}\n{BODY}\n{CLOSING}").id
    with db.transaction() as s:
        [joint] = write_letter(s, pid, tmp_path / "joint.docx")
        each = write_letter(s, pid, tmp_path / "each.docx", each_signer=True)
    text = full_text(open_docx(joint))
    assert ("彭刚超、高辉刚、武洋兰、曹慧建、宋斌委员：\n"
            "你们提出的《关于加快跨境电商发展的几点建议》收悉。我局高度重视，现答复如下：\n"
            "一、基本情况") in text
    assert "\n感谢你们对商务工作的关心和支持！\n" in text and "您" not in text
    openings = []
    for path in each:
        letter = full_text(open_docx(path))
        assert "\n感谢您对商务工作的关心和支持！\n" in letter
        openings.append(next(line for line in letter.split("\n") if "收悉" in line))
    assert openings[0] == OPENING.replace("您提出的", "您领衔提出的")
    assert openings[1:] == [OPENING.replace("您提出的", "您联名提出的")] * 4
