"""Templates the users own: exported, edited in Word or WPS, pointed at from the settings; a
broken one is named with its placeholder, never a traceback; the built-in ones are what
make_templates.py builds."""

import importlib.util
import shutil
import zipfile
from pathlib import Path

import pytest
from docdata import add_letter_case, full_text, open_docx, runs_without_east_asia, setup_bureau

from proposal_desk import paths
from proposal_desk.documents import format as fmt
from proposal_desk.documents import templates
from proposal_desk.documents.letters import write_letter
from proposal_desk.storage.errors import UserError
from proposal_desk.storage.settings_store import set_value

MAKE = paths.resources_dir() / "templates" / "make_templates.py"


def _edited(source: Path, dest: Path, edit) -> Path:
    """A template changed the way a clerk would in Word: the text of some runs replaced."""
    doc = open_docx(source)
    edit(doc)
    doc.save(str(dest))
    return dest


def _replace_run_text(doc, old: str, new: str) -> None:
    for p in doc.paragraphs:
        for run in p.runs:
            if old in run.text:
                run.text = run.text.replace(old, new)
                return
    raise AssertionError(old)


def _case(db, **settings):
    with db.transaction() as s:
        setup_bureau(s, **settings)
        return add_letter_case(s).id


def test_export_edit_and_use_an_own_template(db, tmp_path: Path) -> None:
    exported = templates.export_template("letter", tmp_path / "我的答复函模板.docx")
    assert templates.validate_template("letter", exported) == []

    def edit(doc):
        # the closing is a placeholder (a reply's own closing replaces it): a bureau may
        # write its own fixed words instead
        _replace_run_text(doc, "{{ closing_line }}", "再次感谢{{ you }}的关注。")
        _replace_run_text(doc, "{{ bureau }}", "周村区商务局文件")
        # Word often splits a placeholder over runs: docxtpl joins them again.
        p = doc.add_paragraph()
        p.add_run("（编号{{ num")
        p.add_run("ber }}）")

    own = _edited(exported, tmp_path / "own.docx", edit)
    pid = _case(db, **{"letter.template": str(own)})
    with db.transaction() as s:
        [path] = write_letter(s, pid, tmp_path / "out.docx")
    doc = open_docx(path)
    text = full_text(doc)
    assert "再次感谢您的关注。" in text
    assert "欢迎继续提出" not in text
    assert text.startswith("公开属性：公开\tA\n周村区商务局文件\n")
    assert "（编号144012）" in text
    # Runs the clerk added without fonts get the East Asian font of their style.
    assert runs_without_east_asia(doc) == []


@pytest.mark.parametrize(("mistake", "expected"), [
    (lambda d: d.add_paragraph("{{ bureau_nam }}"), "“{{ bureau_nam }}”无法识别"),
    (lambda d: d.add_paragraph("落款：{{ bureau }"), "“{{ bureau }”不完整"),
    (lambda d: d.add_paragraph("{{ date | nosuchfilter }}"), "nosuchfilter"),
    (lambda d: _replace_run_text(d, "{%p endfor %}", "（删掉了）"), "标记不配套"),
])
def test_a_broken_template_names_the_template_and_the_placeholder(
        db, tmp_path: Path, mistake, expected: str) -> None:
    broken = _edited(templates.builtin_template("letter"), tmp_path / "坏模板.docx", mistake)
    problems = templates.validate_template("letter", broken)
    assert problems and "坏模板.docx" in problems[0] and expected in problems[0]
    pid = _case(db, **{"letter.template": str(broken)})
    with db.transaction() as s, pytest.raises(UserError) as caught:
        write_letter(s, pid, tmp_path / "out.docx")
    assert "坏模板.docx" in str(caught.value) and expected in str(caught.value)
    assert not (tmp_path / "out.docx").exists()


def test_a_missing_or_foreign_template_file(db, tmp_path: Path) -> None:
    pid = _case(db, **{"letter.template": str(tmp_path / "不存在.docx")})
    with db.transaction() as s, pytest.raises(UserError, match=r"letter\.template.*不存在"):
        write_letter(s, pid, tmp_path / "out.docx")
    text_file = tmp_path / "其实是文本.docx"
    text_file.write_text("hello", encoding="utf-8")
    assert "不是 Word 文档" in templates.validate_template("letter", text_file)[0]
    with db.transaction() as s:
        set_value(s, "letter.template", str(text_file))
    with db.transaction() as s, pytest.raises(UserError, match="不是 Word 文档"):
        write_letter(s, pid, tmp_path / "out.docx")
    with pytest.raises(UserError, match=r"^模板文件名应以 \.docx 结尾：report\.doc$"):
        templates.export_template("report", tmp_path / "report.doc")


def test_every_builtin_template_is_valid_and_formatted() -> None:
    for kind in templates.KINDS:
        path = templates.builtin_template(kind)
        assert templates.validate_template(kind, path) == [], kind
        doc = open_docx(path)
        assert runs_without_east_asia(doc) == [], kind
        grid = doc.sections[0]._sectPr.find(f"{{{fmt.W_NS}}}docGrid")
        assert grid.get(f"{{{fmt.W_NS}}}linePitch") == "579"


def test_builtin_templates_are_what_the_script_builds(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("make_templates", MAKE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.build_all(tmp_path)
    for kind in module.BUILDERS:
        built = zipfile.ZipFile(tmp_path / f"{kind}.docx")
        committed = zipfile.ZipFile(templates.builtin_template(kind))
        for part in ("word/document.xml", "word/styles.xml", "word/settings.xml",
                     "word/footer1.xml", "word/footer2.xml"):
            assert built.read(part) == committed.read(part), \
                f"{kind}: {part} differs; run resources/templates/make_templates.py"


def test_export_copies_the_builtin_file(tmp_path: Path) -> None:
    dest = templates.export_template("opinion", tmp_path / "会办意见模板.docx")
    assert dest.read_bytes() == templates.builtin_template("opinion").read_bytes()
    shutil.copy(dest, tmp_path / "copy.docx")
    assert templates.validate_template("opinion", tmp_path / "copy.docx") == []


def test_the_confined_listing_pass_renders_exactly_as_docxtpl(db) -> None:
    """templates.template_class() only skips paragraphs docxtpl's pass would leave as they
    are: a whole report (tabs, line breaks, titles on two lines) renders identically."""
    import datetime as dt

    from docdata import add_ledger_2024
    from docxtpl import DocxTemplate

    from proposal_desk.documents.report import report_context
    from proposal_desk.documents.safe import clean
    from proposal_desk.storage.models import Proposal

    with db.transaction() as s:
        setup_bureau(s)
        add_ledger_2024(s)
        for p in s.query(Proposal).limit(4):
            p.summary = "一、第一点。\t带制表符\n第二行\n（一）小标题"
    with db.session() as s:
        context = clean(report_context(s, 2024, today=dt.date(2024, 12, 20)))
    bodies = []
    for cls in (DocxTemplate, templates.template_class()):
        tpl = cls(str(templates.builtin_template("report")))
        tpl.render(context, templates._environment())
        bodies.append(tpl.docx.element.body.xml)
    assert bodies[0] == bodies[1]
    assert "<w:tab/>" in bodies[1] and "<w:br/>" in bodies[1]
