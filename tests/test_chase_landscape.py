"""The 催办清单 .docx on A4 landscape, as its .xlsx prints: the header row on every page and
columns that keep 编号, 承办科室, dates and 逾期…天 on one line, 案由 on at most two
(newcomer's try-out F9)."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from docdata import W, open_docx, setup_bureau

from proposal_desk.core.enums import Kind
from proposal_desk.documents import format as fmt
from proposal_desk.documents import pdf
from proposal_desk.documents.chase import write_chase_list
from proposal_desk.services import handling
from proposal_desk.services.meetings import ensure_meeting
from proposal_desk.storage.models import Proposal

TODAY = dt.date(2026, 11, 22)
TITLE = "关于推动预制食品产业高质量发展的建议"


def _chase(db, folder: Path, rows: int = 30) -> Path:
    with db.transaction() as s:
        setup_bureau(s)
        meeting = ensure_meeting(s, "区政协十四届四次会议", kind=Kind.PROPOSAL, year=2025)
        for n in range(rows):
            p = Proposal(meeting=meeting, number=f"144{n:03d}", title=TITLE, role="主办",
                         assigned_on=dt.date(2025, 3, 18), due_override=dt.date(2025, 6, 17))
            s.add(p)
            s.flush()
            handling.set_proposers(s, p, ["张三"])
            handling.assign(s, p, section="市场运行科", handler="欧阳明华")
    with db.session() as s:
        return write_chase_list(s, folder / "催办.docx", today=TODAY)


def test_landscape_with_a_repeated_header_and_room_for_each_column(db, tmp_path) -> None:
    doc = open_docx(_chase(db, tmp_path))
    section = doc.sections[0]
    assert section.page_width > section.page_height
    table = doc.tables[0]
    assert table.rows[0]._tr.find(f"{W}trPr/{W}tblHeader") is not None
    heads = [c.text for c in table.rows[0].cells]
    widths = dict(zip(heads, (int(c.get(f"{W}w")) for c in table._tbl.tblGrid), strict=True))
    char, margins = fmt.TABLE_PT * 20, 2 * fmt.twips(1)
    assert sum(widths.values()) <= fmt.PAGE_HEIGHT - fmt.MARGIN_TOP - fmt.MARGIN_BOTTOM
    assert widths["承办科室"] >= 5 * char + margins  # 市场运行科
    assert widths["案由"] >= 19 * char
    assert widths["承办人"] >= 4 * char + margins  # 欧阳明华
    assert widths["办理时限"] >= (3 + 7 * 0.6 + 1) * char + margins  # 2025年6月17日
    assert widths["情况"] >= (3 + 3 * 0.6) * char + margins  # 逾期523天


@pytest.mark.render
@pytest.mark.skipif(pdf.soffice() is None or shutil.which("pdftotext") is None,
                    reason="LibreOffice and poppler-utils are needed")
def test_rows_print_on_one_line_with_the_header_on_each_page(db, tmp_path, monkeypatch) -> None:
    if Path("/etc/fonts/fonts.conf").is_file():  # whatever face the machine has
        monkeypatch.setitem(os.environ, "FONTCONFIG_FILE", "/etc/fonts/fonts.conf")
    path = pdf.to_pdf(_chase(db, tmp_path), tmp_path / "pdf")
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout
    pages = text.split("\f")
    pages = [p for p in pages if p.strip()]
    assert len(pages) >= 2
    assert all("承办科室" in page and "办理时限" in page for page in pages)
    lines = [re.sub(r"\s+", "", line) for line in text.splitlines()]
    full = [line for line in lines if re.search(r"144\d{3}市场运行科|市场运行科欧阳明华", line)]
    assert len(full) == 30, lines[:40]
    assert all(TITLE in line and "2025年6月17日逾期523天" in line for line in full), full
