"""A bureau's own template made before the wording followed the proposal: the fixed sentences
it kept from the built-in one still say what the built-in one says now (协办意见 for a 协办
proposal, 现再次答复如下 after 不满意)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from docdata import add_letter_case, full_text, open_docx, setup_bureau

from proposal_desk.documents import templates
from proposal_desk.documents.letters import write_letter
from proposal_desk.documents.opinions import write_opinion
from proposal_desk.services import handling
from proposal_desk.services.queries import load_proposal


def _own_template(kind: str, tmp_path: Path, old: str, *new_runs: str) -> Path:
    """The built-in template exported and the run holding `old` rewritten as `new_runs` (Word
    splits a sentence over runs as it likes)."""
    exported = templates.export_template(kind, tmp_path / f"own_{kind}.docx")
    doc = open_docx(exported)
    for p in doc.paragraphs:
        for run in p.runs:
            if old in run.text:
                head, _, tail = run.text.partition(old)
                run.text = head + new_runs[0]
                anchor = run
                for extra in new_runs[1:]:
                    added = p.add_run(extra)
                    anchor._r.addnext(added._r)
                    anchor = added
                anchor.text += tail
                doc.save(str(exported))
                return exported
    raise AssertionError(old)


@pytest.mark.parametrize(("role", "kept", "word"), [
    ("协办", ("会办意见",), "协办意见"),
    ("协办", ("",), "协办意见"),
    ("协办", ("会办", "意见"), "协办意见"),
    ("会办", ("",), "会办意见"),
])
def test_an_old_opinion_template_names_the_role(db: Any, tmp_path: Path, role: str,
                                                kept: tuple[str, ...], word: str) -> None:
    own = _own_template("opinion", tmp_path, "{{ opinion_word }}", *kept)
    with db.transaction() as s:
        setup_bureau(s, **{"opinion.template": str(own)})
        p = add_letter_case(s, number="144020", role=role)
        handling.save_assist_opinion(s, p, text="我局将配合做好政策宣传。",
                                     sent_on=dt.date(2025, 4, 10))
        pid = p.id
    with db.transaction() as s:
        text = full_text(open_docx(write_opinion(s, pid, tmp_path / "o.docx")))
    assert f"经认真研究，现提出{word}如下：" in text
    assert "现提出如下" not in text


def test_an_old_letter_template_says_when_a_proposal_is_answered_again(
        db: Any, tmp_path: Path) -> None:
    own = _own_template("letter", tmp_path, "{{ opening_line }}",
                        "{{ you }}{{ opening_verb }}《{{ proposal_title }}》收悉。", "现答复如下：")
    with db.transaction() as s:
        setup_bureau(s, **{"letter.template": str(own)})
        p = add_letter_case(s, category="C", sent=dt.date(2025, 6, 17))
        s.flush()
        handling.record_opinion(p, "不满意", received_on=dt.date(2025, 7, 1))
        pid = p.id
    with db.transaction() as s:
        first = full_text(open_docx(write_letter(s, pid, tmp_path / "1.docx")[0]))
    assert "您提出的《关于加快跨境电商发展的建议》收悉。现答复如下：" in first
    with db.transaction() as s:
        handling.save_reply(s, load_proposal(s, pid), category="B", text="已列入计划。",
                            signer="赵局长", sent_on=dt.date(2025, 8, 20))
    with db.transaction() as s:
        second = full_text(open_docx(write_letter(s, pid, tmp_path / "2.docx")[0]))
    assert "我们已于2025年6月17日作出答复" in second and "现再次答复如下：" in second
    assert "收悉。现答复如下" not in second


def test_an_old_letter_template_takes_the_replys_own_closing(db: Any, tmp_path: Path) -> None:
    """An own template kept the fixed closing of thanks: a reply that ends with its own
    closing prints that one, in its place, and not the fixed one as well."""
    own = _own_template("letter", tmp_path, "{{ closing_line }}",
                        "感谢{{ you }}对我们工作的关心和支持，", "欢迎继续提出宝贵意见和建议。")
    with db.transaction() as s:
        setup_bureau(s, **{"letter.template": str(own)})
        plain = add_letter_case(s, number="144001").id
        closing = add_letter_case(s, number="144002",
                                  text="一、基本情况\n已办。\n衷心感谢您对商务工作的关心和支持！").id
    with db.transaction() as s:
        plain_text = full_text(open_docx(write_letter(s, plain, tmp_path / "1.docx")[0]))
        own_text = full_text(open_docx(write_letter(s, closing, tmp_path / "2.docx")[0]))
    assert "感谢您对我们工作的关心和支持，欢迎继续提出宝贵意见和建议。" in plain_text
    assert own_text.count("感谢") == 1
    assert "已办。\n衷心感谢您对商务工作的关心和支持！\n" in own_text
