"""The contact line under a letter's date prints what is set and nothing else: never an empty
（联系人：；联系电话：） when the bureau has not filled them in."""

from __future__ import annotations

from pathlib import Path

import pytest
from docdata import add_letter_case, full_text, open_docx, setup_bureau

from proposal_desk.documents.letters import write_letter


@pytest.mark.parametrize(("name", "phone", "expected"), [
    ("王芳", "0533-6412345", "（联系人：王芳；联系电话：0533-6412345）"),
    ("王芳", "", "（联系人：王芳）"),
    ("", "0533-6412345", "（联系电话：0533-6412345）"),
    ("", "", None),
])
def test_contact_line_prints_only_what_is_set(db, tmp_path: Path, name: str, phone: str,
                                              expected: str | None) -> None:
    with db.transaction() as s:
        setup_bureau(s, **{"bureau.contact_name": name, "bureau.contact_phone": phone})
        pid = add_letter_case(s).id
    with db.transaction() as s:
        [path] = write_letter(s, pid, tmp_path / "答复函.docx")
    doc = open_docx(path)
    text = full_text(doc)
    lines = text.split("\n")  # in document order, the 版记's table included
    if expected is None:
        assert "联系人" not in text and "联系电话" not in text
    else:
        assert expected in lines
    assert "（）" not in text and "：；" not in text and "{%" not in text
    # The 版记 still follows the date (nothing of the contact block left behind).
    assert "抄送：" in text and lines.index(next(t for t in lines if t.startswith("抄送："))) \
        > lines.index("2025年6月20日")
