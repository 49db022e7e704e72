"""Rendered by LibreOffice: the 版记 (抄送, 印发) sits at the foot of the last page of a
letter and of a 会办意见 (whose template has it too), its last line on the text area's last
line (GB/T 9704-2012, walkthrough F31), below all the text of that page and never over it,
however long the body."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from docdata import setup_bureau
from imprint_docs import write_letter_case, write_opinion_with_cc

from proposal_desk.documents import format as fmt
from proposal_desk.documents import pdf
from proposal_desk.storage.database import Database

pytestmark = [
    pytest.mark.render,
    pytest.mark.skipif(pdf.soffice() is None, reason="LibreOffice (soffice) is not installed"),
    pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils missing"),
]

SHORT_LINE = "测试" * 5  # one line of the body each
# Bodies that end the 落款 high on a page, just above the 版记's room, just too low for it
# (the 版记 then has its last page to itself, as before), and four pages on.
LENGTHS = (3, 20, 21, 80)
TEXT_BOTTOM_PT = (fmt.PAGE_HEIGHT - fmt.MARGIN_BOTTOM) / 20
_LINE = re.compile(
    r'<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">(.*?)</line>', re.S)


def _last_page_lines(path: Path) -> tuple[int, list[tuple[float, float, str]]]:
    """The page count, and (top, bottom, text) of each line of the last page, in points."""
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    pages = int(re.search(r"Pages:\s+(\d+)", info.stdout).group(1))
    xml = subprocess.run(["pdftotext", "-bbox-layout", "-f", str(pages), "-l", str(pages),
                          str(path), "-"], capture_output=True, text=True, check=True).stdout
    return pages, [(float(top), float(bottom), re.sub(r"<[^>]+>|\s", "", body))
                   for _x, top, bottom, body in _LINE.findall(xml)]


@pytest.mark.parametrize("write", [write_letter_case, write_opinion_with_cc])
def test_the_imprint_sits_at_the_foot_of_the_last_page(write, tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'desk.sqlite3'}", backup_dir=tmp_path / "backups")
    with db.transaction() as s:
        setup_bureau(s)
        docs = [write(s, tmp_path, f"1440{n:02d}", "\n".join([SHORT_LINE] * n))
                for n in LENGTHS]
    db.dispose()
    for n, path in zip(LENGTHS, pdf.to_pdfs(docs, tmp_path / "pdf"), strict=True):
        pages, lines = _last_page_lines(path)
        [cc] = [line for line in lines if line[2].startswith("抄送：")]
        [issued] = [line for line in lines if line[2].endswith("印发")]
        assert TEXT_BOTTOM_PT - 12 < issued[1] <= TEXT_BOTTOM_PT, (n, issued)
        above = [line for line in lines if line[0] < cc[0]]
        assert all(line[1] <= cc[0] for line in above), (n, lines)  # nothing runs into it
        below = [line[2] for line in lines if line[0] > issued[1]]
        assert below == [f"—{pages}—"], (n, lines)  # only the page number under it
