"""Rendered by LibreOffice: whatever the length of the body, the 落款 (signature and date) never
starts a page alone: the closing sentence goes with it, whole, and the contact line too; 抄送
and 印发 stay on one page."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from docdata import add_letter_case, setup_bureau

from proposal_desk.documents import pdf
from proposal_desk.documents.letters import write_letter
from proposal_desk.storage.database import Database

pytestmark = [
    pytest.mark.render,
    pytest.mark.skipif(pdf.soffice() is None, reason="LibreOffice (soffice) is not installed"),
    pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils missing"),
]

FULL_LINE = "测试" * 14  # 28 characters: one full line
CLOSING = "感谢您对我们工作的关心和支持，欢迎继续提出宝贵意见和建议。"
# Body lengths (in full lines) that put a page break right before, inside or after the
# closing sentence and the 落款 (the built-in letter, 22 lines a page).
LENGTHS = (4, 13, 14, 15)


def _pages(path: Path) -> list[str]:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    count = int(re.search(r"Pages:\s+(\d+)", info.stdout).group(1))
    return [re.sub(r"\s+", "", subprocess.run(
        ["pdftotext", "-f", str(n), "-l", str(n), str(path), "-"],
        capture_output=True, text=True, check=True).stdout) for n in range(1, count + 1)]


def test_the_signature_keeps_the_closing_sentence_and_the_contact(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'desk.sqlite3'}", backup_dir=tmp_path / "backups")
    docs = []
    with db.transaction() as s:
        setup_bureau(s)
        cases = [add_letter_case(s, number=f"1440{n:02d}", text="\n".join([FULL_LINE] * n))
                 for n in LENGTHS]
        s.flush()
        for p in cases:
            docs += write_letter(s, p.id, tmp_path / f"{p.number}.docx")
    db.dispose()
    for n, path in zip(LENGTHS, pdf.to_pdfs(docs, tmp_path / "pdf"), strict=True):
        pages = _pages(path)
        [signed] = [t for t in pages if "（联系人：" in t]
        assert CLOSING in signed and "区商务局2025年6月20日（联系人：" in signed, (n, pages)
        [imprint] = [t for t in pages if "抄送：" in t]
        assert "2025年6月20日印发" in imprint, (n, pages)
