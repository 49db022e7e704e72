"""The ledger export: every field, ready to print, formula-proof, and a fixed point of the
import (export → import into an empty database gives the same register)."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest
import python_calamine
from openpyxl.utils import get_column_letter
from sheet_support import audit_count, cli, dump, list_json, plan, run_import
from sqlalchemy import select

from proposal_desk.services import handling
from proposal_desk.services.queries import load_proposal
from proposal_desk.sheets import Action, export_ledger
from proposal_desk.sheets.exporter import COLUMNS
from proposal_desk.sheets.headers import BY_KEY
from proposal_desk.sheets.ledger import ledger_values
from proposal_desk.storage.database import Database
from proposal_desk.storage.errors import UserError
from proposal_desk.storage.models import Meeting, Proposal
from proposal_desk.storage.settings_store import set_value

D = dt.date
FORMULA_TEXTS = ["=HYPERLINK(\"http://x\",\"点我\")", "+86 139 0000 0000", "-已电话沟通",
                 "@张三 请跟进", "=1+2"]


def _fill(db: Database) -> None:
    """A year with every role, state and field a ledger carries."""
    with db.transaction() as s:
        set_value(s, "bureau.name", "区商务局")
        m25 = Meeting(kind="提案", name="区政协十四届四次会议", year=2025, body="区政协",
                      term=14, session=4)
        m24 = Meeting(kind="建议", name="区十八届人大三次会议", year=2024)
        s.add_all([m25, m24])

        def new(meeting: Meeting, number: str, role: str, title: str, proposers: list[str],
                units: list[tuple[str, str]], **kw: object) -> Proposal:
            p = Proposal(meeting=meeting, number=number, title=title, role=role,
                         assigned_on=kw.pop("assigned", D(2025, 3, 18)), **kw)  # type: ignore[arg-type]
            s.add(p)
            s.flush()
            handling.set_proposers(s, p, proposers, sector=str(kw.get("sector", "")))
            handling.set_units(s, p, units)
            return p

        a = new(m25, "144009", "主办", "关于加快跨境电商发展的几点建议",
                ["彭刚超", "高辉刚", "武洋兰"],
                [("区商务局", "主办"), ("区民政局", "协办"), ("区财政局", "协办")], sector="特邀",
                key=True, supervisor="王副区长", due_override=D(2025, 6, 17),
                notes=FORMULA_TEXTS[0], summary="一是……二是……", merged_with="144010")
        handling.set_topics(s, a, ["跨境电商", "外贸"])
        handling.sign(a, D(2025, 3, 19))
        handling.assign(s, a, section="对外贸易科", handler="黄鹏", leader="李副局长")
        handling.add_record(a, date=D(2025, 3, 25), method="上门面商")
        handling.add_record(a, date=D(2025, 4, 2), method="电话")
        handling.save_reply(s, a, from_record=True, category="A", sent_on=D(2025, 6, 10),
                            doc_number="周商函〔2025〕3号",
                            signer="赵局长", publicity="依申请公开")
        handling.record_opinion(a, "满意", received_on=D(2025, 6, 20))

        b = new(m25, "144101", "主办", FORMULA_TEXTS[1], ["孔峰"], [("区商务局", "主办")],
                key=True)
        handling.sign(b, D(2025, 3, 20))
        handling.add_record(b, date=D(2025, 3, 26), method="座谈会")
        handling.save_reply(s, b, from_record=True, category="B", sent_on=D(2025, 5, 30))
        handling.record_opinion(b, "不满意", received_on=D(2025, 6, 5))  # reopened

        c = new(m25, "144004", "协办", "关于加强食品安全监管的建议", ["汪晓晓", "卢静慧"],
                [("区水利局", "主办"), ("区民政局", "协办"), ("区商务局", "协办")],
                sector="科技界", notes=FORMULA_TEXTS[2])
        handling.assign(s, c, section="市场运行科", handler="马军")
        handling.save_assist_opinion(s, c, from_record=True, sent_on=D(2025, 4, 10),
                                     doc_number="周商会办〔2025〕1号")

        d = new(m25, "144011", "会办", "关于繁荣发展夜间经济的意见和建议", ["田洋"],
                [("区住房和城乡建设局", "主办"), ("区商务局", "会办")], sector="医药卫生界")
        handling.sign(d, D(2025, 3, 21))

        e = new(m25, "144020", "分办", "关于繁荣发展夜间经济的建议", ["民建区委会"],
                [("区发展和改革局", "分办"), ("区商务局", "分办")], notes=FORMULA_TEXTS[3])
        handling.save_reply(s, e, from_record=True, category="C", sent_on=D(2025, 6, 1))

        f = new(m25, "144030", "主办", "关于完善农村电商服务网络的提案", ["蔡英"],
                [("区商务局", "主办")])
        handling.sign(f, D(2025, 3, 19))
        handling.request_return(f, on=D(2025, 3, 21), reason="不属于本单位职责",
                                suggested_unit="区农业农村局")

        g = new(m25, "144031", "协办", "=1+2", ["向芳"], [("区水利局", "主办"),
                                                          ("区商务局", "协办")])
        handling.request_return(g, on=D(2025, 3, 22), reason="协办单位有误")
        handling.decide_return(g, "同意退回", D(2025, 3, 28))

        new(m25, "144040", "主办", "关于提振汽车消费的建议", ["黎凯"], [("区商务局", "主办")])

        h = new(m24, "20240247", "主办", "关于稳外贸促进外贸固稳提质的建议", ["谢琳"],
                [("区商务局", "主办")], assigned=D(2024, 3, 14))
        handling.add_record(h, date=D(2024, 3, 20), method="电话")
        handling.save_reply(s, h, from_record=True, category="D", sent_on=D(2024, 5, 27))
        handling.record_opinion(h, "基本满意")


def _ledger(db: Database) -> dict[tuple[str, str], dict[str, object]]:
    with db.session() as s:
        ids = s.scalars(select(Proposal.id)).all()
        return {(p.meeting.name, p.number): ledger_values(p)
                for p in (load_proposal(s, i) for i in ids)}


@pytest.fixture
def full(db: Database) -> Database:
    _fill(db)
    return db


def test_export_then_import_into_an_empty_database_is_the_same(full: Database,
                                                               tmp_path: Path) -> None:
    out = tmp_path / "台账.xlsx"
    status, stdout, err = cli(full, "export", str(out))
    assert status == 0, err
    assert "9 件" in stdout
    fresh = Database(f"sqlite:///{tmp_path / 'fresh.sqlite3'}")
    try:
        status, stdout, err = cli(fresh, "import", str(out))
        assert status == 0, err
        assert list_json(fresh) == list_json(full)
        assert _ledger(fresh) == _ledger(full)
        roles = {r["role"] for r in list_json(fresh)}
        assert roles == {"主办", "协办", "会办", "分办"}
        statuses = {r["status"] for r in list_json(fresh)}
        assert {"已办结", "重新办理", "办理中", "待签收", "退回中", "已退回"} <= statuses
    finally:
        fresh.dispose()


def test_importing_the_export_into_the_same_database_changes_nothing(full: Database,
                                                                     tmp_path: Path) -> None:
    out = tmp_path / "台账.xlsx"
    with full.session() as s:
        assert export_ledger(s, out) == 9
    before, audits = dump(full), audit_count(full)
    p = plan(full, out)
    assert p.ok and {r.action for r in p.rows} == {Action.SAME}
    run_import(full, out)
    assert dump(full) == before and audit_count(full) == audits


def test_text_that_looks_like_a_formula_stays_text(full: Database, tmp_path: Path) -> None:
    out = tmp_path / "台账.xlsx"
    with full.session() as s:
        export_ledger(s, out)
    with zipfile.ZipFile(out) as z:
        xml = z.read("xl/worksheets/sheet1.xml").decode()
    assert not re.search(r"<f[\s>/]", xml)  # not one formula stored
    ws = openpyxl.load_workbook(out).active  # data_only=False: formulas would show as such
    texts = {c.value for row in ws.iter_rows(min_row=3) for c in row if isinstance(c.value, str)}
    for text in FORMULA_TEXTS:
        assert text in texts
        cell = next(c for row in ws.iter_rows(min_row=3) for c in row if c.value == text)
        assert cell.data_type == "s" and cell.quotePrefix
    values = {v for row in python_calamine.CalamineWorkbook.from_path(str(out))
              .get_sheet_by_index(0).to_python() for v in row}
    assert set(FORMULA_TEXTS) <= values
    fresh = Database(f"sqlite:///{tmp_path / 'fresh.sqlite3'}")
    try:
        run_import(fresh, out)
        with fresh.session() as s:
            notes = set(s.scalars(select(Proposal.notes)))
            titles = set(s.scalars(select(Proposal.title)))
        assert {FORMULA_TEXTS[0], FORMULA_TEXTS[2], FORMULA_TEXTS[3]} <= notes
        assert {FORMULA_TEXTS[1], FORMULA_TEXTS[4]} <= titles
    finally:
        fresh.dispose()


def test_ready_to_print(full: Database, tmp_path: Path) -> None:
    out = tmp_path / "台账.xlsx"
    with full.session() as s:
        export_ledger(s, out)
    ws = openpyxl.load_workbook(out).active
    assert ws["A1"].value == "区商务局提案、建议办理台账"
    last = get_column_letter(len(COLUMNS))
    assert [str(r) for r in ws.merged_cells.ranges] == [f"A1:{last}1"]
    assert [c.value for c in ws[2]] == [BY_KEY[k].label for k, _w in COLUMNS]
    assert ws.freeze_panes == "A3"
    assert ws.print_title_rows == "$2:$2"
    assert ws.page_setup.orientation == "landscape"
    assert int(ws.page_setup.paperSize) == 9  # A4
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1
    assert ws.column_dimensions["F"].width >= 30  # 案由
    assert ws.max_row == 2 + 9
    by_number = {row[4].value: row for row in ws.iter_rows(min_row=3)}
    row = by_number["144009"]
    header = [c.value for c in ws[2]]
    cell = dict(zip(header, row, strict=True))
    assert cell["交办日期"].value == dt.datetime(2025, 3, 18)
    assert cell["交办日期"].number_format == 'yyyy"年"m"月"d"日"'
    assert cell["联名人"].value == "高辉刚、武洋兰"
    assert cell["协办单位"].value == "区民政局、区财政局"
    assert cell["重点提案"].value == "是" and cell["沟通方式"].value == "上门面商、电话"
    assert cell["答复类别"].value == "A" and cell["委员意见"].value == "满意"
    assert cell["办理状态"].value == "已办结"


def test_one_year_and_an_empty_register(full: Database, db_url: str, tmp_path: Path) -> None:
    out = tmp_path / "2024.xlsx"
    status, stdout, _err = cli(full, "export", str(out), "--year", "2024")
    assert status == 0 and "1 件" in stdout
    ws = openpyxl.load_workbook(out).active
    assert ws.title == "2024年办理台账" and ws.max_row == 3
    assert ws["A1"].value == "区商务局建议办理台账（2024年）"
    with full.transaction() as s:
        for p in s.scalars(select(Proposal)):
            s.delete(p)
    with full.session() as s:
        assert export_ledger(s, tmp_path / "empty.xlsx") == 0


def test_a_wrong_target_is_refused(full: Database, tmp_path: Path) -> None:
    with full.session() as s, pytest.raises(UserError, match=r"\.xlsx"):
        export_ledger(s, tmp_path / "台账.csv")
    folder = tmp_path / "folder.xlsx"
    folder.mkdir()
    status, _out, err = cli(full, "export", str(folder))
    assert status == 2 and "无法写入" in err


def test_the_export_says_year_and_count_as_the_program_s_other_messages(
        full: Database, tmp_path: Path) -> None:
    out = tmp_path / "2024.xlsx"
    status, stdout, _err = cli(full, "export", str(out), "--year", "2024")
    assert status == 0
    assert stdout == f"已导出2024年的 1 件提案到 {out}\n"
    status, stdout, _err = cli(full, "export", str(out))
    assert status == 0
    assert stdout == f"已导出 9 件提案到 {out}\n"
