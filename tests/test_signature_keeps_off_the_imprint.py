"""A short letter without a contact line keeps its 落款 on the page of its text: the date is
not kept with the 版记 after it, which may go to a page of its own (GB/T 9704's 版记页).
It used to drag the closing and the 落款 with it to the next page (newcomer's try-out F11)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from docdata import W, add_letter_case, open_docx, paragraph_text, setup_bureau

from proposal_desk.documents import pdf
from proposal_desk.documents.letters import write_letter
from proposal_desk.storage.database import Database

LINE = "测试" * 13  # 26 characters: one line with the first-line indent
NO_CONTACT = {"bureau.contact_name": "", "bureau.contact_phone": ""}


def _letters(folder: Path, lengths: tuple[int, ...], **settings: str) -> list[Path]:
    db = Database(f"sqlite:///{folder / 'desk.sqlite3'}", backup_dir=folder / "backups")
    docs: list[Path] = []
    with db.transaction() as s:
        setup_bureau(s, **settings)
        cases = [add_letter_case(s, number=f"1440{n:02d}", text="\n".join([LINE] * n))
                 for n in lengths]
        s.flush()
        for p in cases:
            docs += write_letter(s, p.id, folder / f"{p.number}.docx")
    db.dispose()
    return docs


def _date_keeps_next(path: Path) -> bool:
    doc = open_docx(path)
    [date] = [p for p in doc.element.body.iter(f"{W}p")
              if paragraph_text(p) == "2025年6月20日"]
    return date.find(f"{W}pPr/{W}keepNext") is not None


def test_the_date_keeps_with_the_contact_line_only(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    [without] = _letters(tmp_path / "a", (1,), **NO_CONTACT)
    [with_contact] = _letters(tmp_path / "b", (1,))
    assert not _date_keeps_next(without)
    assert _date_keeps_next(with_contact)


@pytest.mark.render
@pytest.mark.skipif(pdf.soffice() is None or shutil.which("pdftotext") is None,
                    reason="LibreOffice and poppler-utils are needed")
def test_a_short_letter_keeps_its_signature_on_the_first_page(tmp_path: Path) -> None:
    docs = _letters(tmp_path, (1, 2, 3, 4, 5, 6), **NO_CONTACT)
    imprint_alone = []
    for path in pdf.to_pdfs(docs, tmp_path / "pdf"):
        first = re.sub(r"\s+", "", subprocess.run(
            ["pdftotext", "-f", "1", "-l", "1", str(path), "-"], capture_output=True,
            text=True, check=True).stdout)
        whole = re.sub(r"\s+", "", subprocess.run(
            ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout)
        assert "2025年6月20日印发" in whole
        if "区商务局2025年6月20日" in first:  # the closing stays with the 落款
            assert "欢迎继续提出宝贵意见和建议。" in first
            if "抄送" not in first:
                imprint_alone.append(path)
    # A body leaving room for the 落款 but not for the 版记 too keeps the 落款 on page 1 and
    # puts the 版记 on the next; the old template sent the 落款 along with the 版记.
    assert imprint_alone, "no short letter kept its 落款 apart from the 版记"
