"""A re-handled proposal in the exported 台账: its row states one round (the latest: its 答复日期,
类别, 发文字号 and 委员意见), the earlier rounds ride in 历次答复, and export → import into a
fresh database gives the same rounds (newcomer's try-out F7)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from sheet_support import cli, dump, plan, run_import, write_sheet
from sqlalchemy import select

from proposal_desk.core.rules import is_on_time
from proposal_desk.services import handling
from proposal_desk.services.queries import load_proposal
from proposal_desk.sheets import Action, export_ledger
from proposal_desk.sheets.ledger import RoundRow, parse_rounds, rounds_text
from proposal_desk.storage.database import Database
from proposal_desk.storage.facts import facts_of
from proposal_desk.storage.models import Meeting, Proposal
from proposal_desk.storage.settings_store import load_settings, set_value

D = dt.date
BODY = {"text": "我局认真研究办理。"}


def _fill(db: Database) -> None:
    with db.transaction() as s:
        set_value(s, "bureau.name", "区商务局")
        set_value(s, "bureau.doc_prefix", "周商函")
        m = Meeting(kind="提案", name="区政协十四届四次会议", year=2025)
        s.add(m)

        def new(number: str) -> Proposal:
            p = Proposal(meeting=m, number=number, title=f"关于{number}的建议", role="主办",
                         assigned_on=D(2025, 3, 18))
            s.add(p)
            s.flush()
            handling.set_proposers(s, p, ["张三"])
            handling.set_units(s, p, [("区商务局", "主办")])
            return p

        two = new("144072")  # answered, 不满意, answered again, 满意
        handling.save_reply(s, two, **BODY, category="C", signer="赵局长",
                            signed_on=D(2025, 6, 13), sent_on=D(2025, 6, 15))
        handling.record_opinion(two, "不满意", received_on=D(2025, 7, 1))
        handling.save_reply(s, two, **BODY, category="B", signed_on=D(2025, 9, 8),
                            sent_on=D(2025, 9, 10))
        handling.record_opinion(two, "满意", received_on=D(2025, 9, 25))
        again = new("144103")  # answered, 不满意, answered again, no opinion yet
        handling.save_reply(s, again, **BODY, category="C", sent_on=D(2025, 6, 25))
        handling.record_opinion(again, "不满意", received_on=D(2025, 7, 10))
        handling.save_reply(s, again, **BODY, category="B", signed_on=D(2025, 8, 20),
                            sent_on=D(2025, 8, 22))
        one = new("144009")  # one round
        handling.save_reply(s, one, **BODY, category="A", sent_on=D(2025, 6, 10))
        handling.record_opinion(one, "基本满意", received_on=D(2025, 6, 20))
        reopened = new("144099")  # 不满意, the second reply not sent yet
        handling.save_reply(s, reopened, **BODY, category="C", sent_on=D(2025, 6, 16))
        handling.record_opinion(reopened, "不满意", received_on=D(2025, 7, 6))


def _rounds(db: Database) -> dict[str, list[tuple[object, ...]]]:
    with db.session() as s:
        found = {}
        for pid in s.scalars(select(Proposal.id)):
            p = load_proposal(s, pid)
            opinions = {o.round: (o.satisfaction, o.received_on) for o in p.member_opinions}
            found[p.number] = sorted(
                (r.round, r.sent_on, r.category, r.doc_number, r.signer,
                 *opinions.get(r.round, ("", None))) for r in p.replies if r.sent_on)
            found[p.number + " status"] = [(p.status, p.due)]
        return found


@pytest.fixture
def rounds_db(db: Database) -> Database:
    _fill(db)
    return db


def _export(db: Database, folder: Path) -> Path:
    """The 台账 as 导出 writes it."""
    out = folder / "台账.xlsx"
    with db.session() as s:
        export_ledger(s, out)
    return out


def _rows(path: Path) -> dict[str, dict[str, object]]:
    ws = openpyxl.load_workbook(path).active
    head = [c.value for c in ws[2]]
    return {str(r[head.index("提案号")]): dict(zip(head, r, strict=True))
            for r in ws.iter_rows(min_row=3, values_only=True)}


def test_a_row_states_the_latest_round_and_carries_the_earlier(rounds_db: Database,
                                                               tmp_path: Path) -> None:
    out = _export(rounds_db, tmp_path)
    rows = _rows(out)
    r = rows["144072"]
    assert (r["答复日期"], r["答复类别"], r["发文字号"], r["委员意见"], r["意见反馈日期"]) == (
        dt.datetime(2025, 9, 10), "B", "周商函〔2025〕2号", "满意", dt.datetime(2025, 9, 25))
    assert r["历次答复"] == ("第1轮：2025年6月15日答复；C类；周商函〔2025〕1号；签发人：赵局长；"
                            "公开属性：公开；委员意见：不满意（2025年7月1日反馈）")
    r = rows["144103"]
    assert (r["答复日期"], r["答复类别"], r["委员意见"]) == (dt.datetime(2025, 8, 22), "B", None)
    assert r["历次答复"].startswith("第1轮：2025年6月25日答复；C类；")
    assert rows["144009"]["历次答复"] is None
    r = rows["144099"]  # reopened: the row states round 1 with its 不满意, nothing earlier
    assert (r["答复日期"], r["委员意见"], r["历次答复"]) == (
        dt.datetime(2025, 6, 16), "不满意", None)


def test_export_then_import_into_a_fresh_database_gives_the_same_rounds(
        rounds_db: Database, tmp_path: Path) -> None:
    out = tmp_path / "台账.xlsx"
    status, _stdout, err = cli(rounds_db, "export", str(out))
    assert status == 0, err
    fresh = Database(f"sqlite:///{tmp_path / 'fresh.sqlite3'}")
    try:
        status, _stdout, err = cli(fresh, "import", str(out))
        assert status == 0, err
        got, want = _rounds(fresh), _rounds(rounds_db)
        assert got == want
        assert len(want["144072"]) == 2 and len(want["144009"]) == 1  # two rounds, and one
        assert got["144103 status"][0][0] == "已答复"
    finally:
        fresh.dispose()


def test_the_same_file_into_the_same_database_changes_nothing(rounds_db: Database,
                                                             tmp_path: Path) -> None:
    out = _export(rounds_db, tmp_path)
    before = dump(rounds_db)
    p = plan(rounds_db, out)
    assert p.ok and {r.action for r in p.rows} == {Action.SAME}
    run_import(rounds_db, out)
    assert dump(rounds_db) == before


def test_rounds_text_reads_back() -> None:
    rounds = (RoundRow(1, D(2025, 6, 15), "C", "周商函〔2025〕1号", "赵局长", "公开", "不满意",
                       D(2025, 7, 1)),
              RoundRow(2, D(2025, 8, 1), "B", "", "", "", "不满意", None))
    assert parse_rounds(rounds_text(rounds), ["A", "B", "C", "D"]) == rounds
    with pytest.raises(ValueError, match="第1轮起"):
        parse_rounds("第2轮：2025年6月15日答复", ["A"])


def test_a_second_round_before_its_unsatisfied_opinion_imports_with_a_warning(
        bureau_db: Database, tmp_path: Path) -> None:
    path = write_sheet(tmp_path / "台账2025年.xlsx", [
        ["提案号", "案由", "提案人", "办理方式", "交办日期", "答复日期", "答复类别", "历次答复"],
        ["1", "关于甲的建议", "张三", "主办", "2025-03-18", "2025-06-01", "B",
         "第1轮：2025年6月16日答复；C类；委员意见：不满意（2025年7月6日反馈）"]])
    [said] = [w.message for w in plan(bureau_db, path).warnings if "第2轮" in w.message]
    assert said == ("注意：第2轮答复日期（2025年6月1日）早于委员不满意意见的反馈日期"
                    "（2025年7月6日），请核对；将按表中日期导入")
    run_import(bureau_db, path)
    with bureau_db.session() as s:
        p = s.scalars(select(Proposal)).one()
        assert sorted((r.round, r.sent_on) for r in p.replies) == [
            (1, D(2025, 6, 16)), (2, D(2025, 6, 1))]


def test_an_old_sheet_without_earlier_rounds_leaves_the_rounds_as_they_are(
        rounds_db: Database, tmp_path: Path) -> None:
    out = _export(rounds_db, tmp_path)
    wb = openpyxl.load_workbook(out)
    ws = wb.active
    head = [c.value for c in ws[2]]
    col = head.index("历次答复") + 1
    replied = head.index("答复日期") + 1
    for row in range(3, ws.max_row + 1):
        if ws.cell(row, head.index("提案号") + 1).value == "144072":
            ws.cell(row, replied).value = dt.datetime(2025, 6, 15)  # as the old export wrote
    ws.delete_cols(col)
    wb.save(out)
    before = dump(rounds_db)
    p = plan(rounds_db, out)
    assert p.ok, p.problems
    assert any("本表没有“历次答复”栏" in w.message for w in p.warnings)
    run_import(rounds_db, out)
    assert dump(rounds_db) == before


def test_the_preview_names_the_meeting_the_rows_name(rounds_db: Database,
                                                     tmp_path: Path) -> None:
    # The export's title names no meeting; its 届次会议 column does, and the import uses it:
    # the preview said "2025年度政协提案（表中未写明会议…）" and then created the column's one.
    out = _export(rounds_db, tmp_path)
    fresh = Database(f"sqlite:///{tmp_path / 'fresh.sqlite3'}")
    try:
        lines = [line for line in plan(fresh, out).context if line.startswith("会议：")]
        assert lines == ["会议：区政协十四届四次会议（来自表中「届次会议」列）"]
        assert run_import(fresh, out)[1].meetings_created == ("区政协十四届四次会议",)
    finally:
        fresh.dispose()


def test_a_sheet_changing_a_registered_proposals_rounds_is_refused(rounds_db: Database,
                                                                   tmp_path: Path) -> None:
    out = _export(rounds_db, tmp_path)
    wb = openpyxl.load_workbook(out)
    ws = wb.active
    head = [c.value for c in ws[2]]
    column = head.index("历次答复") + 1
    [row] = [r for r in range(3, ws.max_row + 1) if ws.cell(r, 1 + head.index("提案号")).value
             == "144072"]
    ws.cell(row, column).value = ws.cell(row, column).value.replace("C类", "D类")
    wb.save(out)
    before = dump(rounds_db)
    p = plan(rounds_db, out)
    assert [(x.row, x.header, x.message) for x in p.problems] == [
        (row, "历次答复", "历次答复与数据库中的不同：已登记提案的各轮答复请在程序中修改"
                         "（导入只为新提案读入历次答复）")]
    assert dump(rounds_db) == before


def test_the_first_answer_is_round_ones_even_when_a_later_round_is_dated_before_it(
        bureau_db: Database, tmp_path: Path) -> None:
    path = write_sheet(tmp_path / "台账2025年.xlsx", [
        ["提案号", "案由", "提案人", "办理方式", "交办日期", "答复日期", "答复类别", "历次答复"],
        ["1", "关于甲的建议", "张三", "主办", "2025-03-18", "2025-06-01", "B",
         "第1轮：2025年6月16日答复；C类；委员意见：不满意（2025年7月6日反馈）"]])
    run_import(bureau_db, path)
    with bureau_db.session() as s:
        p = load_proposal(s, s.scalars(select(Proposal.id)).one())
        # the list's 答复日期, a 退回 request's bound and the on-time rate: one day
        assert handling.answered_on(p) == p.replied_on == D(2025, 6, 16)
        due = D(2025, 6, 10)
        f = dataclasses.replace(facts_of(p), explicit_due=due)
        assert is_on_time(f, load_settings(s).deadlines) is False
