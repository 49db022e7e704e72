"""The 版记 (抄送, 印发) of a written letter and 会办意见, read from the .docx: a floating
one-row table at the foot of the text area, placed from the page edge at the left margin,
its row never split, and the 1 pt anchor paragraph last before the section properties."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from docdata import setup_bureau
from imprint_docs import write_letter_case, write_opinion_with_cc
from lxml import etree

from proposal_desk.documents import format as fmt
from proposal_desk.storage.database import Database

W = f"{{{fmt.W_NS}}}"
NS = {"w": fmt.W_NS}


def _body(path: Path) -> etree._Element:
    with zipfile.ZipFile(path) as z:
        return etree.fromstring(z.read("word/document.xml")).find(f"{W}body")


@pytest.mark.parametrize("write", [write_letter_case, write_opinion_with_cc])
def test_the_imprint_is_a_floating_unsplit_row_at_the_foot(write, tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'desk.sqlite3'}", backup_dir=tmp_path / "backups")
    with db.transaction() as s:
        setup_bureau(s)
        path = write(s, tmp_path, "144001", "一、基本情况。")
    db.dispose()
    body = _body(path)
    [table] = [t for t in body.iter(f"{W}tbl") if "抄送" in "".join(t.itertext())]
    [float_props] = table.findall("w:tblPr/w:tblpPr", NS)
    assert {k.removeprefix(W): v for k, v in float_props.attrib.items()} == {
        "leftFromText": "0", "rightFromText": "0", "topFromText": str(fmt.LINE_PITCH),
        "bottomFromText": "0", "vertAnchor": "margin", "tblpYSpec": "bottom",
        "horzAnchor": "page", "tblpX": str(fmt.MARGIN_LEFT)}
    assert table.find("w:tblPr/w:tblOverlap", NS).get(f"{W}val") == "never"
    [row] = table.findall("w:tr", NS)
    assert row.find("w:trPr/w:cantSplit", NS) is not None
    text = "".join(row.itertext())
    assert "抄送" in text and text.endswith("印发")
    children = list(body)
    assert children[-1].tag == f"{W}sectPr"
    anchor = children[-2]
    assert anchor.tag == f"{W}p" and "".join(anchor.itertext()) == ""
    assert anchor.find("w:pPr/w:rPr/w:sz", NS).get(f"{W}val") == "2"  # 1 pt
    spacing = anchor.find("w:pPr/w:spacing", NS)
    assert (spacing.get(f"{W}line"), spacing.get(f"{W}lineRule")) == ("20", "exact")
    assert children[-3] is table
