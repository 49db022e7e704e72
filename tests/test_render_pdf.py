"""Every document rendered by LibreOffice: page counts, the text as printed, 22 lines of 28
characters, and the official font names drawn with the free stand-ins (resources/fonts)."""

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from docdata import add_ledger_2024, add_letter_case, setup_bureau
from sqlalchemy import select

from proposal_desk.documents import pdf
from proposal_desk.documents.chase import write_chase_list
from proposal_desk.documents.letters import write_letter
from proposal_desk.documents.opinions import write_opinion
from proposal_desk.documents.report import write_report
from proposal_desk.services import handling
from proposal_desk.storage.database import Database
from proposal_desk.storage.models import Proposal

MISSING = [tool for tool in ("pdftotext", "pdfinfo") if shutil.which(tool) is None]
pytestmark = [
    pytest.mark.render,
    pytest.mark.skipif(pdf.soffice() is None,
                       reason="LibreOffice (soffice) is not installed: the PDF rendering checks "
                              "need libreoffice-writer-nogui (CI installs it)"),
    pytest.mark.skipif(bool(MISSING), reason=f"poppler-utils missing ({', '.join(MISSING)})"),
]

FULL_LINE = "测试" * 14  # 28 characters, no punctuation to move a line break
LONG_REPLY = "\n".join([FULL_LINE * 40, "一、关于后续工作。我局将持续跟踪。"])


def _pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    return int(re.search(r"Pages:\s+(\d+)", info.stdout).group(1))


def _text(path: Path, page: int | None = None) -> str:
    args = ["pdftotext", "-layout"]
    if page:
        args += ["-f", str(page), "-l", str(page)]
    return subprocess.run([*args, str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> dict[str, Path]:
    """All documents written once and converted in one LibreOffice run."""
    folder = tmp_path_factory.mktemp("render")
    db = Database(f"sqlite:///{folder / 'desk.sqlite3'}", backup_dir=folder / "backups")
    with db.transaction() as s:
        setup_bureau(s)
        add_ledger_2024(s)
        add_letter_case(s, proposers=["张三", "李四"])
        add_letter_case(s, number="144013", text=LONG_REPLY)
        assisted = add_letter_case(s, number="144020", role="会办")
        handling.set_units(s, assisted, [("区发展和改革局", "主办"), ("区商务局", "会办")])
        handling.save_assist_opinion(s, assisted, text="一、关于政策支持。我局将配合做好宣传。",
                                     sent_on=dt.date(2025, 4, 10))
        late = add_letter_case(s, number="144030", sent=None)
        late.due_override = dt.date(2025, 4, 1)
        ids = {n: s.scalars(select(Proposal.id).where(Proposal.number == n)).one()
               for n in ("144012", "144013", "144020")}
    docs = {}
    with db.transaction() as s:
        [docs["letter"]] = write_letter(s, ids["144012"], folder / "letter.docx")
        [docs["long"]] = write_letter(s, ids["144013"], folder / "long.docx")
        docs["opinion"] = write_opinion(s, ids["144020"], folder / "opinion.docx")
    with db.session() as s:
        docs["report"] = write_report(s, 2024, folder / "report.docx", today=dt.date(2024, 12, 20))
        docs["chase"] = write_chase_list(s, folder / "chase.docx", today=dt.date(2025, 4, 5))
    db.dispose()
    pdfs = pdf.to_pdfs(list(docs.values()), folder / "pdf")
    return dict(zip(docs, pdfs, strict=True))


def test_fonts_conf_maps_the_official_names() -> None:
    if shutil.which("fc-match") is None:
        pytest.skip("fontconfig's fc-match is not installed")
    env = {"FONTCONFIG_FILE": str(pdf.fonts_conf()), "PATH": "/usr/bin:/bin"}
    expected = {"仿宋_GB2312": "Noto Serif CJK SC", "方正小标宋简体": "Noto Serif CJK SC",
                "楷体_GB2312": "AR PL UKai CN", "黑体": "Noto Sans CJK SC",
                "宋体": "Noto Serif CJK SC"}
    for name, family in expected.items():
        found = subprocess.run(["fc-match", "-f", "%{family[0]}", name], env=env, cwd="/",
                               capture_output=True, text=True, check=True).stdout
        assert found == family, f"{name} → {found}"


def test_letter(rendered) -> None:
    path = rendered["letter"]
    assert _pages(path) == 2
    text = _flat(_text(path))
    for part in ("公开属性：公开", "区商务局", "周商函〔2025〕1号", "关于区政协十四届四次会议",
                 "第144012号提案的答复", "张三、李四委员：", "一、关于跨境电商政策支持。",
                 "抄送：区政协提案委员会，区政府办公室，区财政局。", "2025年6月20日印发"):
        assert part in text, part
    assert "—1—" in _flat(_text(path, 1)) and "—2—" in _flat(_text(path, 2))


def test_a_full_page_holds_22_lines_of_28_characters(rendered) -> None:
    path = rendered["long"]
    lines = [line.strip() for line in _text(path, 2).splitlines() if line.strip()]
    body = [line for line in lines if not re.fullmatch(r"—\s*\d+\s*—", line)]
    assert len(body) == 22, body
    assert all(_flat(line) == FULL_LINE for line in body)


def test_opinion_and_chase_are_one_page(rendered) -> None:
    assert _pages(rendered["opinion"]) == 1
    text = _flat(_text(rendered["opinion"]))
    assert "区发展和改革局：" in text and "第144020号提案的会办意见" in text
    assert _pages(rendered["chase"]) == 1
    chase = _flat(_text(rendered["chase"]))
    assert "逾期1件" in chase and "144030" in chase


def test_report(rendered) -> None:
    path = rendered["report"]
    pages = _pages(path)
    assert 4 <= pages <= 6
    text = _flat(_text(path))
    for part in ("共承办2024年度政协提案19件，其中主办8件、协办6件、会办5件",
                 "（A类）6件，占75.0%", "（B类）1件，占12.5%", "（D类）1件，占12.5%",
                 "满意率75.0%", "四、存在的问题", "2024年度提案办理情况一览表"):
        assert part in text, part
    appendix = _flat(_text(path, pages))
    assert "143178" in appendix and "委员意见" in appendix
