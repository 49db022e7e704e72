"""A 历次答复 cell is read part by part: a part of no form the export writes is refused with the
import's usual message (file, sheet, row, column), never dropped or kept as the 发文字号."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sheet_support import dump, plan, run_import, write_sheet

from proposal_desk.sheets import SheetError
from proposal_desk.sheets.ledger import RoundRow, parse_rounds, rounds_text
from proposal_desk.storage.database import Database

D = dt.date
HEAD = ["提案号", "案由", "提案人", "办理方式", "交办日期", "答复日期", "答复类别", "历次答复"]


def _problem(db: Database, tmp_path: Path, earlier: str) -> str:
    path = write_sheet(tmp_path / "台账2025年.xlsx", [
        HEAD, ["1", "关于甲的建议", "张三", "主办", "2025-03-18", "2025-08-01", "B", earlier]])
    before = dump(db)
    assert not plan(db, path).ok
    with pytest.raises(SheetError) as caught:
        run_import(db, path)
    assert dump(db) == before
    return str(caught.value)


@pytest.mark.parametrize(("part", "said"), [
    ("E类", "第1轮的“E类”不是已设置的答复类别"),
    ("周商函〔2025〕4号；公开", "第1轮的“公开”无法识别"),
    ("周商函〔2025〕4号；签发：王局长", "第1轮的“签发：王局长”无法识别"),
    ("委员意见：一般", "第1轮的“委员意见：一般”无法识别"),
])
def test_a_part_the_export_never_writes_is_refused(bureau_db: Database, tmp_path: Path,
                                                   part: str, said: str) -> None:
    text = f"第1轮：2025年6月16日答复；C类；{part}；委员意见：不满意（2025年7月6日反馈）"
    assert _problem(bureau_db, tmp_path, text) == (
        f"文件「台账2025年.xlsx」 工作表「Sheet1」 第2行 H列「历次答复」：{said}")


def test_the_refusal_names_the_round_whose_part_it_is(bureau_db: Database,
                                                       tmp_path: Path) -> None:
    text = ("第1轮：2025年6月16日答复；C类；周商函〔2025〕4号；"
            "委员意见：不满意（2025年7月6日反馈）\n"
            "第2轮：2025年7月20日答复；B类；周商函〔2025〕9号；公开；"
            "委员意见：不满意（2025年7月25日反馈）")
    assert _problem(bureau_db, tmp_path, text).endswith("：第2轮的“公开”无法识别")


def test_every_part_the_export_writes_reads_back() -> None:
    rounds = (RoundRow(1, D(2025, 6, 15), "C", "周商函〔2025〕1号", "赵局长", "依申请公开",
                       "不满意", D(2025, 7, 1)),
              RoundRow(2, None, "B", "周商函〔2025〕2号", "", "不公开", "", None))
    assert parse_rounds(rounds_text(rounds), ["A", "B", "C", "D"]) == rounds
    # an unsent round says so in words (an empty part would read back the same, but is no
    # way to write it)
    assert rounds_text(rounds).splitlines()[1] == (
        "第2轮：未答复；B类；周商函〔2025〕2号；公开属性：不公开")


@pytest.mark.parametrize(("text", "said"), [
    ("第1轮：2025年2月30日答复", "第1轮的“2025年2月30日答复”不是有效日期"),
    ("第1轮：2025年6月16日答复\n第3轮：2025年8月1日答复", "历次答复应从第1轮起按轮次逐行填写"),
])
def test_a_bad_date_or_a_missing_round_is_refused(text: str, said: str) -> None:
    with pytest.raises(ValueError) as caught:
        parse_rounds(text, ["A", "B", "C", "D"])
    assert str(caught.value) == said
