"""The annual report's 附件说明 (GB/T 9704-2012 7.3.4) under the body, and an appendix table
whose dates, headings and rows are not cut over lines or pages (newcomer's try-out, F8)."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from docdata import W, add_ledger_2024, open_docx, paragraph_text, setup_bureau

from proposal_desk.documents import format as fmt
from proposal_desk.documents import pdf
from proposal_desk.documents.report import write_report

DEC20 = dt.date(2024, 12, 20)


def _report(db, folder: Path) -> Path:
    with db.transaction() as s:
        setup_bureau(s)
        add_ledger_2024(s)
    with db.session() as s:
        return write_report(s, 2024, folder / "report.docx", today=DEC20)


def test_the_attachment_note_stands_under_the_body_before_the_signature(db, tmp_path) -> None:
    doc = open_docx(_report(db, tmp_path))
    paragraphs = list(doc.element.body.iter(f"{W}p"))
    texts = [paragraph_text(p) for p in paragraphs]
    at = texts.index("附件：2024年度提案办理情况一览表")
    # One blank line after the body, then the note; the 署名 (after its own blank line) and
    # the date follow; the appendix itself starts on the next (landscape) page.
    assert texts[at - 1] == "" and texts[at - 2].strip()
    assert texts[at + 1:at + 4] == ["", "\t区商务局", "2024年12月20日"]
    assert texts.index("附件") > at
    ind = paragraphs[at].find(f"{W}pPr/{W}ind")
    char = fmt.BODY_PT * 20
    # 左空二字 for 附件：, a second line under the name's first character.
    assert int(ind.get(f"{W}left")) - int(ind.get(f"{W}hanging")) == 2 * char
    assert int(ind.get(f"{W}hanging")) == 3 * char
    assert paragraphs[at].find(f"{W}pPr/{W}keepNext") is not None


def test_appendix_rows_do_not_split_and_dates_have_room(db, tmp_path) -> None:
    doc = open_docx(_report(db, tmp_path))
    table = doc.tables[-1]
    heads = [c.text for c in table.rows[0].cells]
    widths = dict(zip(heads, (int(c.get(f"{W}w")) for c in table._tbl.tblGrid), strict=True))
    # 2025年6月10日: three characters and seven digits; digits of a substitute face run to
    # 0.6 of a character and LibreOffice spaces them from the characters (about 1/4 each).
    char = fmt.TABLE_PT * 20
    assert widths["答复日期"] >= (3 + 7 * 0.6 + 4 * 0.25) * char + 2 * fmt.twips(1)
    assert widths["办理方式"] >= 4 * char + 2 * fmt.twips(1)
    assert widths["提案号"] >= 8 * 0.6 * char + 2 * fmt.twips(1)  # 20260012, an NPC number
    assert widths["案由"] >= 18 * char
    assert sum(widths.values()) <= fmt.PAGE_HEIGHT - fmt.MARGIN_TOP - fmt.MARGIN_BOTTOM
    assert all(row._tr.find(f"{W}trPr/{W}cantSplit") is not None for row in table.rows[1:])


@pytest.mark.render
@pytest.mark.skipif(pdf.soffice() is None or shutil.which("pdftotext") is None,
                    reason="LibreOffice and poppler-utils are needed")
@pytest.mark.parametrize("font_map", ["official", "system"])
def test_dates_print_on_one_line(db, tmp_path, monkeypatch, font_map: str) -> None:
    """Printed with the official fonts' stand-ins and with whatever the machine has (a PC
    without 仿宋_GB2312 falls back to a wider face): each 答复日期 on one line."""
    if font_map == "system":
        if not Path("/etc/fonts/fonts.conf").is_file():
            pytest.skip("no system fontconfig")
        monkeypatch.setitem(os.environ, "FONTCONFIG_FILE", "/etc/fonts/fonts.conf")
    path = pdf.to_pdf(_report(db, tmp_path), tmp_path / "pdf")
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout
    lines = [re.sub(r"\s+", "", line) for line in text.splitlines()]
    dates = [re.search(r"2024年\d+月\d+日", line) for line in lines]
    found = [m.group(0) for m in dates if m]
    assert len(found) >= 10, text
    cut = [line for line in lines if re.search(r"2024年\d+月\d*$", line)]
    assert cut == [], cut
    assert any("办理方式" in line and "承办科室" in line for line in lines)
