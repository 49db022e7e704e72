"""A new proposal's 历次答复 is checked before anything is written: each earlier round was answered
(dated), ended by 不满意 (else there is no later round), is not dated after today, and the row
states the reply of the round after them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sheet_support import plan, write_sheet

from proposal_desk.core.dates import format_cn
from proposal_desk.storage.database import Database

HEAD = ["提案号", "案由", "提案人", "办理方式", "交办日期", "答复日期", "答复类别", "历次答复"]


def _refused(db: Database, tmp_path: Path, earlier: str, replied: str = "2025-08-01"
             ) -> list[tuple[str, str]]:
    path = write_sheet(tmp_path / "台账2025年.xlsx", [
        HEAD, ["1", "关于甲的建议", "张三", "主办", "2025-03-18", replied, "B", earlier]])
    p = plan(db, path)
    assert not p.ok
    return [(x.header, x.message) for x in p.problems]


def test_an_earlier_round_without_its_date(bureau_db: Database, tmp_path: Path) -> None:
    said = _refused(bureau_db, tmp_path, "第1轮：未答复；C类；委员意见：不满意（2025年7月6日反馈）")
    assert said == [("历次答复", "历次答复第1轮没有答复日期")]


@pytest.mark.parametrize("opinion", ["委员意见：满意（2025年7月6日反馈）", ""])
def test_an_earlier_round_not_ended_by_unsatisfied(bureau_db: Database, tmp_path: Path,
                                                   opinion: str) -> None:
    said = _refused(bureau_db, tmp_path, f"第1轮：2025年6月16日答复；C类；{opinion}")
    assert said == [("历次答复", "历次答复第1轮的委员意见应为不满意（其后才有第2轮答复）")]


def test_an_earlier_round_dated_after_today(bureau_db: Database, tmp_path: Path) -> None:
    today = dt.date.today()
    later = today + dt.timedelta(days=40)
    text = (f"第1轮：{format_cn(later)}答复；C类；"
            f"委员意见：不满意（{format_cn(later + dt.timedelta(days=5))}反馈）")
    said = _refused(bureau_db, tmp_path, text)
    assert said == [
        ("历次答复", f"第1轮答复日期（{format_cn(later)}）不能晚于今天（{format_cn(today)}）"),
        ("历次答复", f"第1轮意见反馈日期（{format_cn(later + dt.timedelta(days=5))}）"
                    f"不能晚于今天（{format_cn(today)}）")]


def test_earlier_rounds_without_the_reply_of_the_round_after(bureau_db: Database,
                                                              tmp_path: Path) -> None:
    text = "第1轮：2025年6月16日答复；C类；委员意见：不满意（2025年7月6日反馈）"
    said = _refused(bureau_db, tmp_path, text, replied="")
    assert said == [("答复日期", "有历次答复，却没有第2轮的答复日期")]
