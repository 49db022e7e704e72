"""Nothing typed or pasted can break a document: control characters from spreadsheets, lone
surrogates, and XML's own < & ]]> in every field."""

import datetime as dt
import re
import zipfile
from pathlib import Path

from docdata import add_letter_case, full_text, open_docx, setup_bureau
from lxml import etree

from proposal_desk.documents import templates
from proposal_desk.documents.chase import write_chase_list
from proposal_desk.documents.letters import write_all_letters, write_letter
from proposal_desk.documents.opinions import write_opinion
from proposal_desk.documents.report import write_report
from proposal_desk.documents.safe import clean, file_name
from proposal_desk.services import handling, report_texts
from proposal_desk.storage.models import Member, Proposal, ProposalMember, Topic

CONTROLS = "".join(chr(c) for c in range(0x20))
MARKUP = "<&]]>"
EVIL = f"甲{CONTROLS}乙{MARKUP}丙"  # 40 characters: fits the short columns (names: 50)
TAGS = "{{ x }}{%p if y %}<b>&amp;'\""  # template syntax typed by a user is only text
LONG = EVIL + TAGS
LONE = "\ud800丁\udfff"
ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff]")


def _assert_sound(path: Path) -> str:
    """Every XML part parses, the text keeps the markup characters literally and holds no
    character XML forbids."""
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.endswith(".xml") or name.endswith(".rels"):
                etree.fromstring(z.read(name))
    text = full_text(open_docx(path))
    assert not ILLEGAL.search(text)
    assert MARKUP in text
    return text


def test_clean_removes_what_xml_cannot_hold() -> None:
    cleaned = clean({"a": [LONG + LONE], "b": (1, None)})
    assert cleaned["a"][0] == "甲\t\n\n乙" + MARKUP + "丙" + TAGS + "丁"  # tab, breaks stay
    assert cleaned["b"] == [1, None]
    assert file_name('a/b\\c:d*e?f"g<h>i|j\x00k') == "a_b_c_d_e_f_g_h_i_jk"  # NUL dropped
    assert file_name("..") == "文档"


def test_every_template_renders_hostile_text_in_every_field(tmp_path: Path) -> None:
    hostile = LONG + LONE
    for kind, spec in templates.KINDS.items():
        context = {name: hostile for name in spec.placeholders}
        para = {"level": 0, "head": hostile, "rest": hostile, "text": hostile}
        for name in ("body", "opening", "basic", "practice", "problems", "plans", "summary"):
            context[name] = [para, dict(para, level=1), dict(para, level=2)]
        context["sections"] = [{"heading": hostile, "paras": [para]}]
        row = {k: hostile for k in ("no", "number", "title", "proposers", "role", "section",
                                    "replied", "category", "opinion", "handler", "due",
                                    "state", "year", "meeting")}
        context["appendix"] = context["rows"] = [row, row]
        context["fig"] = {}
        path = templates.render(kind, templates.builtin_template(kind), context,
                                tmp_path / f"{kind}.docx")
        text = _assert_sound(path)
        assert "甲" in text and "丁" in text and TAGS in text


def test_documents_from_hostile_records(db, tmp_path: Path) -> None:
    with db.transaction() as s:
        setup_bureau(s, **{"bureau.name": "区商务局" + EVIL, "bureau.contact_name": EVIL,
                           "bureau.doc_prefix": "周商函" + EVIL})
        p = add_letter_case(s, text=LONG + "\n一、" + EVIL + "。" + LONG)
        # Straight into the rows, past the services' own cleaning, as a raw import might.
        p.title = LONG
        p.summary = LONG
        p.key = True
        p.supervisor = EVIL
        member = Member(name="委员" + EVIL)
        s.add(member)
        p.proposers.append(ProposalMember(member=member, position=1))
        p.topics.clear()
        s.flush()
        handling.set_topics(s, p, ["电商"])
        s.flush()
        s.query(Topic).one().name = EVIL
        reply = p.replies[0]
        reply.signer = EVIL
        reply.cc = EVIL
        reply.contact_phone = EVIL
        p.section.name = EVIL
        p.handler.name = EVIL
        assisted = add_letter_case(s, number="144099", role="协办", sent=None)
        handling.save_assist_opinion(s, assisted, signer="x")  # drafted, not yet sent
        assisted.assist_opinions[0].text = LONG
        assisted.due_override = dt.date(2025, 4, 1)  # overdue: on the 催办 list
        assisted.title = LONG
        assisted.section = p.section
        assisted.handler = p.handler
        for section in report_texts.SECTIONS:
            report_texts.save_text(s, 2025, section, "x")
        s.flush()
        from proposal_desk.storage.models import ReportText

        for row in s.query(ReportText):
            row.text = LONG
        ids = p.id, assisted.id
    outputs: list[Path] = []
    with db.transaction() as s:
        outputs += write_letter(s, ids[0], tmp_path / "letter.docx")
        outputs += write_letter(s, ids[0], tmp_path / "each.docx", each_signer=True)
        outputs.append(write_opinion(s, ids[1], tmp_path / "opinion.docx"))
        outputs += write_all_letters(s, 2025, tmp_path / "all")
    with db.session() as s:
        outputs.append(write_report(s, 2025, tmp_path / "report.docx"))
        outputs.append(write_chase_list(s, tmp_path / "chase.docx", today=dt.date(2025, 4, 5)))
        xlsx = write_chase_list(s, tmp_path / "chase.xlsx", today=dt.date(2025, 4, 5))
    assert len(outputs) == 7
    for path in outputs:
        assert TAGS in _assert_sound(path)
    assert any(path.name.startswith("each_委员甲") for path in outputs)
    from openpyxl import load_workbook

    cells = [c.value for row in load_workbook(xlsx).active.iter_rows() for c in row if c.value]
    assert any(isinstance(v, str) and "]]>" in v for v in cells)
    with db.session() as s:
        assert s.get(Proposal, ids[0]).title == LONG  # the record itself is untouched


def test_a_written_document_is_an_ordinary_file_not_a_private_one(tmp_path) -> None:
    import os
    import stat

    from proposal_desk.documents.safe import write_atomically

    target = tmp_path / "答复函.docx"
    write_atomically(target, lambda p: p.write_bytes(b"PK"))
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask


def test_docx_path_refuses_other_suffixes(tmp_path: Path) -> None:
    import pytest

    from proposal_desk.documents.safe import docx_path
    from proposal_desk.storage.errors import UserError

    assert docx_path(str(tmp_path / "a.DOCX")) == tmp_path / "a.DOCX"
    for name in ("a.doc", "a.pdf", "a"):
        with pytest.raises(UserError, match=r"应以 \.docx 结尾"):
            docx_path(tmp_path / name)
